"""The Search dock against stac-fastapi-pgstac (the server CDSE STAC v1 runs): the cloud
limit and the filter reach the server as CQL2 JSON, the layer holds the footprint fields
only, and selecting a footprint reads its whole item for the details and the assets."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsRectangle

from ..conftest import layer_ids, run_search, sandbox_dock, wait_for
from .test_search_dock import set_dates, show_extent, tick

COLLECTION = "sentinel-2-l2a"


@pytest.fixture()
def pgdock(qgis_iface, qgis_app, qgis_new_project, pgstac, monkeypatch):
    """The Search dock on stac-fastapi-pgstac (as the sandbox catalog)."""
    yield from sandbox_dock(pgstac.url, qgis_iface, qgis_app, monkeypatch)


def _cloud(item):
    return item["properties"].get("eo:cloud_cover")


def test_cloud_limit_and_filter_against_pgstac_then_whole_items_on_selection(
    pgdock, qgis_app, qgis_iface, pgstac
):
    show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(-10, 30, 60, 70))
    tick(pgdock, COLLECTION)
    set_dates(pgdock, None, None)
    f = pgdock.form
    f.cloudCheck.setChecked(True)
    f.cloudSpin.setValue(25)
    f.filterEdit.setText("platform = 'sentinel-2b'")
    f.maxItemsSpin.setValue(1000)
    outcome = run_search(qgis_app, pgdock, timeout=120)

    assert outcome.error is None, outcome.error
    method, _, body = outcome.requests[0]
    assert method == "POST" and body["filter-lang"] == "cql2-json"
    assert "include" in body["fields"]
    expected = {
        i["id"]
        for i in pgstac.items
        if i["properties"]["platform"] == "sentinel-2b" and (_cloud(i) is None or _cloud(i) <= 25)
    }
    layer = pgdock.results_layer
    assert sorted(layer_ids(layer)) == sorted(expected)
    assert not outcome.cloud_filter_local
    feature = next(layer.getFeatures())
    assert "stac_version" not in json.loads(feature["item_json"])  # the footprint fields only
    assert feature["thumbnail"] and feature["self_href"]

    # Selecting a footprint reads the whole item: its assets, its properties.
    fid = feature.id()
    layer.selectByIds([fid])
    pgdock.show_details(fid)
    loaded = next(i for i in pgstac.items if i["id"] == feature["id"])
    tree = pgdock.assets.form.assetTree
    wait_for(qgis_app, lambda: tree.topLevelItemCount() and tree.topLevelItem(0).childCount() > 1)
    assert tree.topLevelItem(0).childCount() == len(loaded["assets"])
    whole = json.loads(layer.getFeature(fid)["item_json"])
    assert whole["stac_version"] and set(whole["assets"]) == set(loaded["assets"])
    assert "sat:relative_orbit" in pgdock.form.detailsBrowser.toPlainText()


def test_download_algorithm_reads_cut_down_items_whole(pgstac, qgis_app):
    """A footprint layer from the dock holds cut-down items until they are selected: the
    "Download assets" algorithm reads them whole before choosing assets."""
    from eo_explorer.plugin.api.footprints import FOOTPRINT_FIELDS
    from eo_explorer.plugin.api.search import SearchRequest
    from eo_explorer.plugin.api.stac import StacClient
    from eo_explorer.plugin.assets.workflow import whole_items
    from eo_explorer.plugin.core.network import plain_client
    from eo_explorer.plugin.core.tasks import processing_progress
    from eo_explorer.plugin.processing.download_algorithm import choose_assets

    from ..assets.test_download_algorithm import Feedback

    client = StacClient.open(pgstac.url)
    request = SearchRequest(
        collections=[COLLECTION], max_items=3, include_fields=list(FOOTPRINT_FIELDS)
    )
    slim = list(client.items(request))
    assert choose_assets(slim, []) == []  # only thumbnails: nothing to download
    feedback = Feedback()
    whole = [dict(i) for i in slim]
    assert whole_items(whole, plain_client(), processing_progress(feedback)) == []
    assert [i["id"] for i in whole] == [i["id"] for i in slim]
    assert all(len(i["assets"]) > 40 for i in whole)
    assert {a.key for a in choose_assets(whole, ["B04_10m"])} == {"B04_10m"}
    assert any("3 item(s) whole" in text for text in feedback.infos)


def test_sort_combo_brings_the_least_cloudy_items_first(pgdock, qgis_app, qgis_iface, pgstac):
    show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(-10, 30, 60, 70))
    tick(pgdock, COLLECTION)
    set_dates(pgdock, None, None)
    f = pgdock.form
    assert f.sortCombo.isEnabled()  # pgstac declares the Sort extension
    f.sortCombo.setCurrentIndex(f.sortCombo.findData("least-cloudy"))
    f.maxItemsSpin.setValue(15)
    outcome = run_search(qgis_app, pgdock, timeout=120)

    assert outcome.error is None, outcome.error
    assert outcome.requests[0][2]["sortby"][0] == {
        "field": "properties.eo:cloud_cover",
        "direction": "asc",
    }
    clouds = sorted(_cloud(i) for i in pgstac.items if _cloud(i) is not None)[:15]
    layer = pgdock.results_layer
    assert sorted(feature["cloud_cover"] for feature in layer.getFeatures()) == clouds


def test_processing_search_sorts_newest_first(provider, pgstac):
    from .test_processing import run

    result = run(CATALOG=pgstac.url, COLLECTIONS=COLLECTION, MAX_ITEMS=12, SORT=1, MAX_CLOUD=50)
    layer = result["OUTPUT"]
    under = [i for i in pgstac.items if _cloud(i) is None or _cloud(i) <= 50]
    newest = sorted(under, key=lambda i: i["properties"]["datetime"], reverse=True)[:12]
    assert [f["id"] for f in layer.getFeatures()] == [i["id"] for i in newest]
