"""What the dock does when servers are slow, broken or not STAC: messages, never crashes."""

from __future__ import annotations

import socket
import time

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QFont

from tests.servers.common import faults
from tests.servers.stac.paging_server import StacPagingServer

from ..conftest import clean_settings, run_search, sandbox_items, show_world, wait_for


@pytest.fixture()
def items():
    return [i for i in sandbox_items() if i["collection"] == "sandbox-sentinel-2-l2a"][:300]


@pytest.fixture()
def custom_dock(qgis_iface, qgis_app, qgis_new_project, monkeypatch):
    """A dock whose sandbox catalog points at a URL each test chooses."""
    from eo_explorer.plugin.gui.search.dock import SearchDock

    docks = []

    def make(url: str):
        monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", url)
        clean_settings()
        dock = SearchDock(qgis_iface)
        dock.form.catalogCombo.setCurrentIndex(dock.form.catalogCombo.findData("sandbox"))
        dock.form.startCheck.setChecked(False)
        dock.form.endCheck.setChecked(False)
        canvas = qgis_iface.mapCanvas()
        show_world(canvas)
        docks.append(dock)
        return dock

    yield make
    for dock in docks:
        dock.shutdown()
        dock.deleteLater()
    qgis_app.processEvents()


def messages(dock) -> str:
    return " | ".join(f"{item.title()} {item.text()}" for item in dock.message_bar.items())


def wait_collections(app, dock):
    wait_for(app, lambda: dock.collections_task is None, 30)


def tick_collections(dock, *ids: str) -> None:
    from eo_explorer.plugin.gui.search.dock import COLLECTION_ROLE

    widget = dock.form.collectionsList
    for row in range(widget.count()):
        item = widget.item(row)
        ticked = item.data(COLLECTION_ROLE).id in ids
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)


def since_2000(dock) -> None:
    dock.form.startCheck.setChecked(True)
    dock.form.startDate.setDate(QDate(2000, 1, 1))


def test_sentinel_hub_context_next_paging_through_the_dock(custom_dock, qgis_app, items):
    with StacPagingServer(items, style="sentinelhub", default_limit=100) as server:
        dock = custom_dock(server.url)
        wait_collections(qgis_app, dock)
        # Sentinel Hub Catalog searches need one collection and a date range (seed 001)
        tick_collections(dock, "sandbox-sentinel-2-l2a")
        since_2000(dock)
        dock.form.maxItemsSpin.setValue(250)
        outcome = run_search(qgis_app, dock)
        assert outcome.error is None
        assert dock.results_layer.featureCount() == 250
        searches = [r for r in server.requests if r["path"].endswith("/search")]
        assert [r["json"].get("next") for r in searches] == [None, 100, 200]
        ids = [f["id"] for f in dock.results_layer.getFeatures()]
        assert ids == [i["id"] for i in items][:250]


@pytest.mark.parametrize(
    ("setup", "sentence"),
    [
        (lambda dock: since_2000(dock), "searches one collection at a time: choose one."),
        (
            lambda dock: (tick_collections(dock, "sandbox-sentinel-2-l2a", "c2"), since_2000(dock)),
            "searches one collection at a time: choose one.",
        ),
        (
            lambda dock: tick_collections(dock, "sandbox-sentinel-2-l2a"),
            "needs a date range: set a start or end date.",
        ),
        (
            lambda dock: (
                tick_collections(dock, "sandbox-sentinel-2-l2a"),
                since_2000(dock),
                dock.form.filterEdit.setText("platform = 'sentinel-2a' OR gsd = 10"),
            ),
            "OR, NOT, LIKE, IN and IS NULL are not supported.",
        ),
    ],
)
def test_sentinel_hub_search_the_service_would_refuse_is_not_sent(
    custom_dock, qgis_app, items, setup, sentence
):
    two = items + [{**items[0], "id": "other", "collection": "c2"}]
    with StacPagingServer(two, style="sentinelhub") as server:
        dock = custom_dock(server.url)
        wait_collections(qgis_app, dock)
        setup(dock)
        dock.start_search()
        assert dock.search_task is None
        assert sentence in messages(dock)
        assert "Sentinel Hub Catalog" in messages(dock)
        assert not [r for r in server.requests if r["path"].endswith("/search")]


def test_cancel_stops_within_a_second_and_keeps_what_was_fetched(custom_dock, qgis_app, items):
    with StacPagingServer(
        items, style="token-get", default_limit=100, faults={"/search": faults.slow(30, after=2)}
    ) as server:
        dock = custom_dock(server.url)
        wait_collections(qgis_app, dock)
        dock.form.maxItemsSpin.setValue(300)
        outcomes, snapshots = [], []
        dock.searchFinished.connect(outcomes.append)
        dock.form.searchButton.click()
        dock.search_task.reported.connect(snapshots.append)
        wait_for(qgis_app, lambda: snapshots and snapshots[-1].count >= 200, 30)
        time.sleep(0.3)  # the third page is now hanging on the server
        started = time.monotonic()
        dock.form.cancelButton.click()
        wait_for(qgis_app, lambda: outcomes, 10)
        assert time.monotonic() - started < 1.5
        outcome = outcomes[0]
        assert outcome.cancelled and outcome.error is None
        assert dock.results_layer.featureCount() == 200
        assert dock.form.statusLabel.text().startswith("Cancelled")
        assert dock.form.searchButton.isEnabled() and not dock.form.cancelButton.isEnabled()


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        (
            faults.stac_error(500, "Elasticsearch cluster unavailable", "InternalError"),
            "had an internal error (HTTP 500): Elasticsearch cluster unavailable",
        ),
        (
            faults.sentinelhub_error(400, "Invalid filter: unknown property", "COMMON_BAD_PAYLOAD"),
            "rejected the request (HTTP 400): Invalid filter: unknown property",
        ),
        (faults.html_error(502, times=10), "is unavailable (bad gateway) (HTTP 502)"),
        (faults.invalid_json(), "not valid JSON"),
    ],
    ids=["stac-500", "sentinelhub-400", "html-502", "invalid-json"],
)
def test_server_errors_become_sentences(custom_dock, qgis_app, items, fault, expected):
    with StacPagingServer(items, style="post-body-merge", faults={"/search": fault}) as server:
        dock = custom_dock(server.url)
        wait_collections(qgis_app, dock)
        logged = []
        QgsApplication.messageLog().messageReceived.connect(
            lambda message, tag, level: logged.append((tag, message))
        )
        outcome = run_search(qgis_app, dock)
        assert outcome.error is not None
        assert expected in messages(dock)
        assert dock.form.statusLabel.text() == "The search failed."
        assert any(tag == "EO Explorer" and "127.0.0.1" in message for tag, message in logged)


def test_unreachable_host(custom_dock, qgis_app):
    # A port bound and never listened on: nothing else can take it while the test runs,
    # and a connection to it is refused.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        dock = custom_dock(f"http://127.0.0.1:{closed.getsockname()[1]}/")
        wait_collections(qgis_app, dock)
        assert "Could not reach 127.0.0.1" in messages(dock)
        outcome = run_search(qgis_app, dock)
        assert "Could not reach" in str(outcome.error)


@pytest.mark.parametrize(
    "fault",
    [faults.not_stac_html(times=100), faults.not_stac_json(times=100)],
    ids=["html-page", "other-json"],
)
def test_a_url_that_is_not_a_stac_api(custom_dock, qgis_app, items, fault):
    with StacPagingServer(items, faults={"/": fault}) as server:
        dock = custom_dock(server.url)
        wait_collections(qgis_app, dock)
        assert "is not a STAC API" in messages(dock)
        outcome = run_search(qgis_app, dock)
        assert "is not a STAC API" in str(outcome.error)


def test_items_without_geometry_are_reported_not_dropped_silently(custom_dock, qgis_app, items):
    broken = [dict(items[0], geometry=None, id="no-geometry-item")] + items[1:5]
    with StacPagingServer(broken, style="token-get") as server:
        dock = custom_dock(server.url)
        wait_collections(qgis_app, dock)
        outcome = run_search(qgis_app, dock)
        assert dock.results_layer.featureCount() == 4
        assert [str(r) for r in outcome.rejected] == ["no-geometry-item: it has no geometry"]
        assert "1 items could not be drawn" in messages(dock)
        assert QgsApplication.taskManager().countActiveTasks() == 0


def test_sentinel_hub_dates_with_data_are_bold_in_the_calendars(custom_dock, qgis_app, items):
    with StacPagingServer(items, style="sentinelhub", default_limit=100) as server:
        dock = custom_dock(server.url)
        wait_collections(qgis_app, dock)
        button = dock.form.datesWithDataButton
        assert not button.isHidden()  # a Sentinel Hub Catalog
        tick_collections(dock, "sandbox-sentinel-2-l2a")
        since_2000(dock)
        button.click()
        wait_for(qgis_app, lambda: dock.dates_task is None, 30)
        sent = [r["json"] for r in server.requests if r["path"].endswith("/search")]
    assert sent and all(body["distinct"] == "date" for body in sent)  # no item was fetched
    assert sent[0]["collections"] == ["sandbox-sentinel-2-l2a"]
    days = sorted({i["properties"]["datetime"][:10] for i in items})
    assert f"{len(days)} dates with images" in messages(dock)
    calendar = dock.form.startDate.calendarWidget()
    first = QDate.fromString(days[0], "yyyy-MM-dd")
    assert calendar.dateTextFormat(first).fontWeight() == QFont.Weight.Bold
    assert calendar.dateTextFormat(first.addDays(-1)).fontWeight() != QFont.Weight.Bold


def test_dates_with_data_is_offered_for_sentinel_hub_catalog_only(custom_dock, qgis_app, items):
    with StacPagingServer(items, style="token-get") as server:
        dock = custom_dock(server.url)
        wait_collections(qgis_app, dock)
        assert dock.form.datesWithDataButton.isHidden()


def test_dates_with_data_says_why_before_asking(custom_dock, qgis_app, items):
    with StacPagingServer(items, style="sentinelhub") as server:
        dock = custom_dock(server.url)
        wait_collections(qgis_app, dock)
        since_2000(dock)  # but no collection ticked
        dock.form.datesWithDataButton.click()
        assert dock.dates_task is None
        assert "one collection at a time" in messages(dock)
        assert [r for r in server.requests if r["path"].endswith("/search")] == []
