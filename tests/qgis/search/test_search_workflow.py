"""One search, from the Search dock and from the toolbox ("Search catalog").

Both run ``plugin.search.workflow.search``: the same footprints for the same search, the
next page read while this one is converted, a progress bar that moves, and what arrived
before a cancel kept. The toolbox opens on the catalog last chosen in the dock.
"""

from __future__ import annotations

import threading
import time

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback
from qgis.PyQt.QtCore import QDate, Qt

from tests.servers.common import faults
from tests.servers.stac.paging_server import StacPagingServer

from ..conftest import (
    clean_settings,
    layer_ids,
    run_search,
    sandbox_dock,
    sandbox_items,
    show_world,
    wait_for,
)

ALG = "eo_explorer:search_catalog"
S2 = "sandbox-sentinel-2-l2a"


@pytest.fixture()
def items():
    return [i for i in sandbox_items() if i["collection"] == S2][:300]


class RecordingFeedback(QgsProcessingFeedback):
    """What the Processing dialog would show: the bar's values and the log's lines.

    ``on_progress(value)`` runs in the algorithm's thread, inside ``setProgress``.
    """

    def __init__(self, on_progress=None) -> None:
        super().__init__()
        self.progress_values: list[float] = []
        self.infos: list[str] = []
        self.on_progress = on_progress

    def setProgress(self, value: float) -> None:
        self.progress_values.append(value)
        super().setProgress(value)
        if self.on_progress is not None:
            self.on_progress(value)

    def pushInfo(self, info: str) -> None:
        self.infos.append(info)
        super().pushInfo(info)


def run_algorithm(feedback=None, **parameters):
    import processing

    parameters.setdefault("OUTPUT", "TEMPORARY_OUTPUT")
    return processing.run(ALG, parameters, feedback=feedback)


def searches(server) -> list[dict]:
    return [r for r in server.requests if r["path"].rstrip("/").endswith("/search")]


def test_processing_progress_moves_page_by_page(provider, items):
    """300 items match, 250 wanted, pages of 100: the bar reads 40 %, 80 %, 100 %."""
    with StacPagingServer(items, style="post-body-full", default_limit=100) as server:
        feedback = RecordingFeedback()
        result = run_algorithm(feedback, CATALOG=server.url, MAX_ITEMS=250)
    assert result["COUNT"] == 250 and result["NUMBER_MATCHED"] == 300
    moving = [value for value in feedback.progress_values if value > 0]
    assert moving[:3] == pytest.approx([40.0, 80.0, 100.0])
    assert moving == sorted(moving)  # never backwards
    assert "page 1: 100 items" in feedback.infos
    assert "page 3: 100 items" in feedback.infos
    assert feedback.infos.count("The catalog matched 300 items.") == 1


def test_processing_reads_the_next_page_while_converting_this_one(provider, items):
    """While the first page's features are counted, the second page is read and the third
    one asked for (the client asks for the page after the one it reads): one page after the
    other, only the second would be asked for, and the algorithm would wait here 10 s."""
    with StacPagingServer(items, style="token-get", default_limit=100) as server:
        seen_early = threading.Event()
        waited: list[float] = []

        def first_page_done(value: float) -> None:
            if value <= 0 or waited:
                return
            waited.append(value)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                if len(searches(server)) >= 3:
                    seen_early.set()
                    return
                time.sleep(0.01)

        feedback = RecordingFeedback(first_page_done)
        result = run_algorithm(feedback, CATALOG=server.url, MAX_ITEMS=300)
        assert seen_early.is_set()
        assert result["COUNT"] == 300
        # three pages, each asked for once: reading ahead asks for no page twice
        assert len(searches(server)) == 3
        assert [line for line in feedback.infos if line.startswith("page ")] == [
            "page 1: 100 items",
            "page 2: 100 items",
            "page 3: 100 items",
        ]


def test_toolbox_opens_on_the_catalog_last_chosen_in_the_dock(
    provider, qgis_iface, qgis_app, sandbox_server, monkeypatch
):
    from eo_explorer.plugin.api.catalogs import Catalog
    from eo_explorer.plugin.core import settings

    def toolbox_default() -> str:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALG)
        return algorithm.parameterDefinition("CATALOG").defaultValue()

    monkeypatch.setenv(settings.SANDBOX_ENV, sandbox_server.url)
    clean_settings()
    # a new user under ``make run``: the sandbox, first in the list
    assert toolbox_default() == "sandbox"

    docks = sandbox_dock(sandbox_server.url, qgis_iface, qgis_app, monkeypatch)
    dock = next(docks)
    try:
        # the user added a catalog of their own and searches it
        settings.save_catalogs([Catalog(id="mine", title="My catalog", url=sandbox_server.url)])
        dock.reload_catalogs()
        dock.form.catalogCombo.setCurrentIndex(dock.form.catalogCombo.findData("mine"))
        assert toolbox_default() == "mine"
        dock.form.catalogCombo.setCurrentIndex(dock.form.catalogCombo.findData("sandbox"))
        assert toolbox_default() == "sandbox"
        dock.form.catalogCombo.setCurrentIndex(dock.form.catalogCombo.findData("mine"))
        wait_for(qgis_app, lambda: dock.collections_task is None)
    finally:
        next(docks, None)
        qgis_app.processEvents()
    assert toolbox_default() == "mine"  # the next time the toolbox opens, too
    # the catalog chosen last was removed since: the first one again
    settings.set(settings.Key.LAST_CATALOG, "no-longer-there")
    assert toolbox_default() == "sandbox"
    clean_settings()


def test_dock_and_toolbox_find_the_same_footprints(
    provider, dock, qgis_app, qgis_iface, sandbox_server
):
    show_world(qgis_iface.mapCanvas())
    f = dock.form
    widget = f.collectionsList
    for row in range(widget.count()):
        item = widget.item(row)
        ticked = item.data(Qt.ItemDataRole.UserRole + 1).id == S2
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
    f.startCheck.setChecked(True)
    f.endCheck.setChecked(True)
    f.startDate.setDate(QDate(2024, 1, 1))
    f.endDate.setDate(QDate(2024, 12, 31))
    f.cloudCheck.setChecked(True)
    f.cloudSpin.setValue(30)
    f.maxItemsSpin.setValue(150)
    outcome = run_search(qgis_app, dock)
    assert outcome.error is None and outcome.pages >= 2
    from_dock = layer_ids(dock.results_layer)

    result = run_algorithm(
        CATALOG="sandbox",
        COLLECTIONS=S2,
        START="2024-01-01",
        END="2024-12-31",
        MAX_CLOUD=30,
        MAX_ITEMS=150,
    )
    from_toolbox = layer_ids(result["OUTPUT"])
    assert len(from_dock) == 150
    assert from_toolbox == from_dock


def test_cancel_keeps_what_arrived_in_the_dock_and_the_toolbox(
    provider, qgis_iface, qgis_app, qgis_new_project, monkeypatch, items
):
    """The third page hangs on the server; the user cancels: both keep the first 200."""
    first_200 = [item["id"] for item in items[:200]]
    slow_third_page = {"/search": faults.slow(30, after=2)}

    with StacPagingServer(items, "token-get", default_limit=100, faults=slow_third_page) as server:
        feedback = RecordingFeedback()
        # the bar reaches 2/3 when the second page is counted
        feedback.on_progress = lambda value: value >= 66 and feedback.cancel()
        started = time.monotonic()
        result = run_algorithm(feedback, CATALOG=server.url, MAX_ITEMS=300)
        assert time.monotonic() - started < 10
        assert layer_ids(result["OUTPUT"]) == first_200 and result["COUNT"] == 200

    with StacPagingServer(items, "token-get", default_limit=100, faults=slow_third_page) as server:
        docks = sandbox_dock(server.url, qgis_iface, qgis_app, monkeypatch)
        dock = next(docks)
        try:
            show_world(qgis_iface.mapCanvas())
            dock.form.startCheck.setChecked(False)
            dock.form.endCheck.setChecked(False)
            dock.form.maxItemsSpin.setValue(300)
            outcomes = []
            dock.searchFinished.connect(outcomes.append)
            dock.form.searchButton.click()
            wait_for(
                qgis_app,
                lambda: dock.form.statusLabel.text().startswith("200 items from 2 page(s)"),
            )
            dock.form.cancelButton.click()
            wait_for(qgis_app, lambda: outcomes, 10)
            assert outcomes[0].cancelled
            assert layer_ids(dock.results_layer) == first_200
        finally:
            next(docks, None)
            qgis_app.processEvents()
