"""Footprints as they arrive: the Search dock's layer and table fill page by page.

The server here holds one page back until the test lets it go, so the test can look at
the dock while the search is still running: the layer is there with the pages served so
far, the table has their rows, Cancel keeps them, and a failure on a later page keeps
them too and says what went wrong.
"""

from __future__ import annotations

import threading

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt

from tests.servers.common import faults
from tests.servers.stac.paging_server import StacPagingServer

from ..conftest import clean_settings, layer_ids, sandbox_items, show_world, wait_for

S2 = "sandbox-sentinel-2-l2a"


@pytest.fixture()
def items():
    return [i for i in sandbox_items() if i["collection"] == S2][:300]


class HeldPageServer(StacPagingServer):
    """A paging STAC server that keeps its ``held``-th search page (1 = the first)
    waiting until :attr:`release` is set; every other page is answered at once."""

    def __init__(self, *args, held: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.held = held
        self.release = threading.Event()
        self._searches = 0
        self._lock = threading.Lock()

    def take_fault(self, method: str, route: str):
        if route == "/search":
            with self._lock:
                self._searches += 1
                number = self._searches
            if number == self.held:
                self.release.wait(60)
        return super().take_fault(method, route)

    def __exit__(self, *exc):
        self.release.set()  # never leave a request hanging
        return super().__exit__(*exc)


@pytest.fixture()
def make_dock(qgis_iface, qgis_app, qgis_new_project, monkeypatch):
    """A dock on the sandbox catalog entry pointed at ``url``; the whole world, no dates."""
    from eo_explorer.plugin.gui.search.dock import SearchDock

    docks = []

    def make(url: str, max_items: int = 300):
        monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", url)
        clean_settings()
        dock = SearchDock(qgis_iface)
        dock.form.catalogCombo.setCurrentIndex(dock.form.catalogCombo.findData("sandbox"))
        dock.form.startCheck.setChecked(False)
        dock.form.endCheck.setChecked(False)
        dock.form.maxItemsSpin.setValue(max_items)
        show_world(qgis_iface.mapCanvas())
        wait_for(qgis_app, lambda: dock.collections_task is None, 30)
        docks.append(dock)
        return dock

    yield make
    for dock in docks:
        dock.shutdown()
        dock.deleteLater()
    qgis_app.processEvents()


def start(dock) -> list:
    outcomes: list = []
    dock.searchFinished.connect(outcomes.append)
    dock.form.searchButton.click()
    return outcomes


def table_ids(dock) -> list[str]:
    """The Item column, top to bottom, as the user sees the table."""
    proxy = dock.results.proxy
    return [
        proxy.data(proxy.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        for row in range(proxy.rowCount())
    ]


def messages(dock) -> str:
    return " | ".join(f"{item.title()} {item.text()}" for item in dock.message_bar.items())


def test_the_first_page_is_on_the_map_while_the_next_is_still_served(make_dock, qgis_app, items):
    with HeldPageServer(items, style="token-get", default_limit=100, held=2) as server:
        dock = make_dock(server.url)
        outcomes = start(dock)
        wait_for(
            qgis_app,
            lambda: dock.results_layer is not None and dock.results_layer.featureCount() == 100,
        )
        # page 2 is still held by the server: the search runs, the first page is shown
        assert not outcomes and dock.search_task is not None
        assert not dock.form.searchButton.isEnabled()
        layer = dock.results_layer
        assert layer_ids(layer) == [i["id"] for i in items[:100]]
        group = QgsProject.instance().layerTreeRoot().findGroup("EO Explorer")
        assert group is not None and group.findLayer(layer.id()) is not None
        assert layer.temporalProperties().isActive()
        assert table_ids(dock) == [i["id"] for i in items[:100]]
        assert dock.form.bestCoverButton.isEnabled()
        assert dock.form.statusLabel.text().startswith("100 items from 1 page(s)")

        server.release.set()
        wait_for(qgis_app, lambda: outcomes)
    outcome = outcomes[0]
    assert outcome.error is None and not outcome.cancelled
    assert dock.results_layer is layer  # one layer, filled page by page
    assert outcome.count == layer.featureCount() == 300
    assert layer_ids(layer) == [i["id"] for i in items]
    assert table_ids(dock) == [i["id"] for i in items]
    assert dock.form.statusLabel.text().startswith("300 items on the map from 3 page(s)")
    names = [node.name() for node in QgsProject.instance().layerTreeRoot().findLayers()]
    assert names.count(layer.name()) == 1


def test_rows_keep_the_users_sort_and_the_selection_follows_the_map(make_dock, qgis_app, items):
    with HeldPageServer(items, style="token-get", default_limit=100, held=2) as server:
        dock = make_dock(server.url)
        outcomes = start(dock)
        wait_for(qgis_app, lambda: len(table_ids(dock)) == 100)
        datetime_column = 1
        # a click on "Date (UTC)" while the rest is still on its way
        dock.form.resultsTable.horizontalHeader().sectionClicked.emit(datetime_column)
        server.release.set()
        wait_for(qgis_app, lambda: outcomes)
        layer = dock.results_layer
        shown = table_ids(dock)
        assert sorted(shown) == sorted(i["id"] for i in items)
        proxy = dock.results.proxy
        dates = [proxy.data(proxy.index(r, datetime_column)) for r in range(proxy.rowCount())]
        assert dates == sorted(dates), "rows that arrived later are sorted in, too"
        # footprints of the last page selected on the map: their rows are selected
        last = [f.id() for f in layer.getFeatures() if f["id"] in {i["id"] for i in items[250:]}]
        layer.selectByIds(last)
        assert sorted(dock.results.selected_fids()) == sorted(last)


def test_cancel_keeps_the_pages_that_arrived(make_dock, qgis_app, items):
    with HeldPageServer(items, style="token-get", default_limit=100, held=3) as server:
        dock = make_dock(server.url)
        outcomes = start(dock)
        wait_for(
            qgis_app,
            lambda: dock.results_layer is not None and dock.results_layer.featureCount() == 200,
        )
        layer = dock.results_layer
        dock.form.cancelButton.click()
        wait_for(qgis_app, lambda: outcomes, 10)
    outcome = outcomes[0]
    assert outcome.cancelled and outcome.error is None
    assert dock.results_layer is layer and layer.featureCount() == outcome.count == 200
    assert layer_ids(layer) == [i["id"] for i in items[:200]]
    assert len(table_ids(dock)) == 200
    assert dock.form.statusLabel.text().startswith("Cancelled")
    assert dock.form.searchButton.isEnabled() and not dock.form.cancelButton.isEnabled()


def test_an_error_on_page_three_keeps_pages_one_and_two_and_says_it(make_dock, qgis_app, items):
    error = faults.stac_error(500, "Elasticsearch cluster unavailable", "InternalError", after=2)
    with StacPagingServer(
        items, style="token-get", default_limit=100, faults={"/search": error}
    ) as server:
        dock = make_dock(server.url)
        outcomes = start(dock)
        wait_for(qgis_app, lambda: outcomes)
    outcome = outcomes[0]
    assert outcome.error is not None and outcome.pages == 2
    layer = dock.results_layer
    assert layer is not None and layer_ids(layer) == [i["id"] for i in items[:200]]
    assert len(table_ids(dock)) == 200
    assert "Elasticsearch cluster unavailable" in messages(dock)
    assert dock.form.statusLabel.text() == (
        "The search failed after 200 items from 2 page(s); they stay on the map."
    )
    assert dock.form.searchButton.isEnabled()


def test_removing_the_layer_while_it_fills_stops_the_search(make_dock, qgis_app, items):
    with HeldPageServer(items, style="token-get", default_limit=100, held=2) as server:
        dock = make_dock(server.url)
        outcomes = start(dock)
        wait_for(qgis_app, lambda: dock.results_layer is not None)
        QgsProject.instance().removeMapLayer(dock.results_layer.id())
        server.release.set()
        wait_for(qgis_app, lambda: outcomes)
    assert outcomes[0].cancelled
    assert dock.results_layer is None and table_ids(dock) == []
    assert dock.form.searchButton.isEnabled()


def test_a_large_page_goes_into_the_layer_in_slices(qgis_app, qgis_new_project, items):
    """A page is added a chunk at a time, the event loop turning in between; the rows
    follow each chunk and the layer holds every feature at the end."""
    from eo_explorer.plugin.api.footprints import convert_items
    from eo_explorer.plugin.map.footprints import FootprintsFeed, footprint_fields, to_features

    features = to_features(convert_items(items).footprints, footprint_fields())
    made, chunks, drained = [], [], []
    feed = FootprintsFeed("slices", made.append, lambda added, _rows: chunks.append(len(added)))
    feed._budget = 0.0  # one chunk a turn: the smallest slices the feed makes
    feed._rows_interval = 0.0  # and the rows told after each
    feed.put(features[:150])
    feed.put(features[150:])
    assert len(made) == 1 and made[0].featureCount() == 0  # made at once, filled later
    feed.finish(lambda: drained.append(True))
    wait_for(qgis_app, lambda: drained)
    layer = made[0]
    assert len(chunks) > 2 and sum(chunks) == feed.added == layer.featureCount() == 300
    assert layer_ids(layer) == [i["id"] for i in items]
    assert feed.waiting == 0


def test_a_layer_filling_fast_is_drawn_a_few_times_and_once_complete(
    qgis_app, qgis_new_project, items
):
    """Pages arriving faster than the canvas draws: the layer asks for a draw with its
    first features, at most once per interval after that, and once everything is in (not
    after every page: against a local server that was 101 draws for 100,000 items, each
    cancelling the last)."""
    from eo_explorer.plugin.api.footprints import convert_items
    from eo_explorer.plugin.map.footprints import FootprintsFeed, footprint_fields, to_features

    features = to_features(convert_items(items).footprints, footprint_fields())
    made, drained, draws = [], [], []
    feed = FootprintsFeed("draws", made.append, lambda _added, _rows: None)
    for start in range(0, 300, 10):  # 30 pages, each taken in before the next one comes
        feed.put(features[start : start + 10])
        if start == 0:
            made[0].repaintRequested.connect(lambda *_: draws.append(feed.added))
        wait_for(qgis_app, lambda: feed.waiting == 0)
    feed.finish(lambda: drained.append(True))
    wait_for(qgis_app, lambda: drained)
    assert 1 <= len(draws) <= 4, draws
    assert draws[-1] == 300  # the last draw shows every footprint


def test_the_last_page_is_drawn_without_waiting_for_another(qgis_app, qgis_new_project, items):
    """A page that goes in less than an interval after a draw is drawn once the interval
    is over, though no page follows (a slow catalog between two pages)."""
    from eo_explorer.plugin.api.footprints import convert_items
    from eo_explorer.plugin.map.footprints import FootprintsFeed, footprint_fields, to_features

    features = to_features(convert_items(items).footprints, footprint_fields())
    made, draws = [], []
    feed = FootprintsFeed("late", made.append, lambda _added, _rows: None)
    feed.put(features[:10])
    made[0].repaintRequested.connect(lambda *_: draws.append(feed.added))
    wait_for(qgis_app, lambda: feed.waiting == 0)
    feed.put(features[10:20])  # within the interval of the first draw
    wait_for(qgis_app, lambda: draws and draws[-1] == 20, timeout=10)
    assert feed.layer is not None and feed.layer.featureCount() == 20
