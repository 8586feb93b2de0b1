"""The Search dock end to end against a real STAC API server (rustac) on 127.0.0.1."""

from __future__ import annotations

import pytest
import requests
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QPoint, Qt, QVariant
from qgis.PyQt.QtTest import QTest

from ..conftest import expected_ids, layer_ids, run_search, sandbox_items, wait_for

S2 = "sandbox-sentinel-2-l2a"


def tick(dock, *collection_ids: str) -> None:
    widget = dock.form.collectionsList
    for row in range(widget.count()):
        item = widget.item(row)
        info = item.data(Qt.ItemDataRole.UserRole + 1)
        state = Qt.CheckState.Checked if info.id in collection_ids else Qt.CheckState.Unchecked
        item.setCheckState(state)


def set_dates(dock, start: str | None, end: str | None) -> None:
    f = dock.form
    f.startCheck.setChecked(start is not None)
    f.endCheck.setChecked(end is not None)
    if start:
        f.startDate.setDate(QDate.fromString(start, "yyyy-MM-dd"))
    if end:
        f.endDate.setDate(QDate.fromString(end, "yyyy-MM-dd"))


def show_extent(canvas, crs: str, rect: QgsRectangle) -> None:
    canvas.resize(800, 600)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    canvas.setExtent(rect)


def server_ids(url: str, body: dict) -> list[str]:
    """Ask the server directly, following its pages, for the same query."""
    ids: list[str] = []
    while True:
        page = requests.post(url, json=body, timeout=30).json()
        ids.extend(f["id"] for f in page["features"])
        nxt = [link for link in page.get("links", []) if link.get("rel") == "next"]
        if not nxt or not page["features"]:
            return ids
        body = nxt[0]["body"]


def test_collections_are_listed_and_filterable(dock):
    widget = dock.form.collectionsList
    names = sorted(widget.item(r).text().split(" ")[0] for r in range(widget.count()))
    assert names == ["sandbox-lst", "sandbox-sentinel-1-grd", "sandbox-sentinel-2-l2a"]
    dock.form.collectionsFilter.setText("sentinel")
    visible = [
        widget.item(r).text() for r in range(widget.count()) if not widget.item(r).isHidden()
    ]
    assert len(visible) == 2 and all("sentinel" in v for v in visible)
    # The cloud limit is offered for the optical collection only.
    tick(dock, "sandbox-sentinel-1-grd")
    assert not dock.form.cloudCheck.isEnabled()
    tick(dock, S2)
    assert dock.form.cloudCheck.isEnabled()


def test_search_current_extent_in_a_projected_crs(dock, qgis_app, qgis_iface, sandbox_server):
    canvas = qgis_iface.mapCanvas()
    # Web Mercator over western Europe.
    show_extent(canvas, "EPSG:3857", QgsRectangle(-600_000, 5_000_000, 1_200_000, 6_500_000))
    tick(dock, S2)
    set_dates(dock, "2024-03-01", "2024-08-31")
    dock.form.maxItemsSpin.setValue(5000)
    outcome = run_search(qgis_app, dock)

    assert outcome.error is None
    method, url, body = outcome.requests[0]
    assert method == "POST" and url == sandbox_server.url + "search"
    assert body["collections"] == [S2]
    assert body["datetime"] == "2024-03-01T00:00:00Z/2024-08-31T23:59:59.999999Z"
    west, south, east, north = body["bbox"]
    # The bbox is the real extent of the visible map in EPSG:4326.
    to_wgs84 = QgsCoordinateTransform(
        canvas.mapSettings().destinationCrs(),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )
    visible = to_wgs84.transformBoundingBox(canvas.extent())
    assert abs(west - visible.xMinimum()) < 1e-4 and abs(north - visible.yMaximum()) < 1e-4

    layer = dock.results_layer
    ids = layer_ids(layer)
    assert ids, "the sandbox has Sentinel-2 items over Europe in that period"
    assert ids == server_ids(url, {**body, "limit": 100})
    assert set(ids) == expected_ids(body["bbox"], "2024-03-01", "2024-08-31T23:59:59.999999Z", [S2])
    assert outcome.pages >= 1 and "items on the map" in dock.form.statusLabel.text()


def test_layer_fields_group_and_style(dock, qgis_app, qgis_iface):
    show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(-10, 35, 30, 60))
    tick(dock, S2)
    set_dates(dock, "2024-06-01", "2024-06-30")
    outcome = run_search(qgis_app, dock)
    layer = dock.results_layer
    assert outcome.count == layer.featureCount() > 0
    assert layer.crs().authid() == "EPSG:4326"
    assert layer.name() == f"Sandbox (local test catalog) · {S2} · 2024-06-01 – 2024-06-30"
    group = QgsProject.instance().layerTreeRoot().findGroup("EO Explorer")
    assert group is not None and group.findLayer(layer.id()) is not None
    fields = layer.fields()
    assert fields.field("datetime").type() == QVariant.DateTime
    assert fields.field("cloud_cover").type() == QVariant.Double
    for name in (
        "id",
        "collection",
        "start",
        "end",
        "platform",
        "constellation",
        "gsd",
        "thumbnail",
        "self_href",
        "item_json",
    ):
        assert fields.indexOf(name) >= 0, name
    by_id = {i["id"]: i for i in sandbox_items()}
    feature = next(layer.getFeatures())
    item = by_id[feature["id"]]
    assert feature["cloud_cover"] == item["properties"]["eo:cloud_cover"]
    assert (
        feature["datetime"].toString(Qt.DateFormat.ISODateWithMs) == item["properties"]["datetime"]
    )
    assert feature["platform"] == item["properties"]["platform"]
    assert feature["thumbnail"] == item["assets"]["thumbnail"]["href"]
    assert not layer.labelsEnabled()
    # Outlines only: overlapping fills would add up and hide imagery under the footprints.
    symbol = layer.renderer().symbol()
    assert [sl.layerType() for sl in symbol.symbolLayers()] == ["SimpleLine"]


def test_drawn_polygon_with_the_mouse(dock, qgis_app, qgis_iface, sandbox_server):
    canvas = qgis_iface.mapCanvas()
    show_extent(canvas, "EPSG:4326", QgsRectangle(0, 40, 20, 55))
    canvas.refresh()
    qgis_app.processEvents()
    dock.form.drawButton.click()
    assert canvas.mapTool() is dock.draw_tool
    viewport = canvas.viewport()
    to_pixel = canvas.getCoordinateTransform()
    corners = [(4.0, 44.0), (12.0, 44.0), (12.0, 50.0), (4.0, 50.0)]
    for lon, lat in corners:
        pixel = to_pixel.transform(lon, lat)
        QTest.mouseClick(
            viewport,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            QPoint(round(pixel.x()), round(pixel.y())),
        )
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton)
    assert dock.draw_tool.has_polygon()
    assert dock.form.drawnRadio.isChecked()
    tick(dock, S2)
    set_dates(dock, None, None)
    dock.form.maxItemsSpin.setValue(5000)
    outcome = run_search(qgis_app, dock)
    assert outcome.error is None
    body = outcome.requests[0][2]
    assert "bbox" not in body and body["intersects"]["type"] == "Polygon"
    ids = layer_ids(dock.results_layer)
    assert ids == server_ids(outcome.requests[0][1], {**body, "limit": 100})
    assert set(ids) == expected_ids(body["intersects"], collections=[S2])
    assert canvas.mapTool() is not dock.draw_tool  # searching ends the drawing


def test_drawn_polygon_across_the_antimeridian(dock, qgis_app, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    show_extent(canvas, "EPSG:4326", QgsRectangle(170, -25, 190, -10))
    # Drawn continuously past 180°, as a user does on a map panned over the Pacific.
    points = [
        QgsPointXY(175, -20),
        QgsPointXY(185, -20),
        QgsPointXY(185, -14),
        QgsPointXY(175, -14),
    ]
    dock.draw_tool.set_points(points)
    tick(dock, S2)
    set_dates(dock, None, None)
    dock.form.maxItemsSpin.setValue(5000)
    outcome = run_search(qgis_app, dock)
    assert outcome.error is None
    area = outcome.requests[0][2]["intersects"]
    assert area["type"] == "MultiPolygon" and len(area["coordinates"]) == 2
    lons = [p[0] for poly in area["coordinates"] for ring in poly for p in ring]
    assert min(lons) == -180 or max(lons) == 180
    ids = set(layer_ids(dock.results_layer))
    assert ids == expected_ids(area, collections=[S2])
    # Items on both sides of the antimeridian came back.
    wests = {i["id"] for i in sandbox_items() if i["id"] in ids and i["bbox"][0] < 0}
    easts = {i["id"] for i in sandbox_items() if i["id"] in ids and i["bbox"][2] > 0}
    assert wests and easts


def test_selected_features_as_area(dock, qgis_app, qgis_iface):
    fields_layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "fields", "memory")
    to_3857 = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateReferenceSystem("EPSG:3857"),
        QgsProject.instance(),
    )
    # A field around the centre of one sandbox Sentinel-2 footprint over Europe.
    west, south, east, north = next(
        i["bbox"] for i in sandbox_items() if i["collection"] == S2 and 0 < i["bbox"][0] < 20
    )
    cx, cy = (west + east) / 2, (south + north) / 2
    feature = QgsFeature()
    geometry = QgsGeometry.fromRect(QgsRectangle(cx - 0.3, cy - 0.2, cx + 0.3, cy + 0.2))
    geometry.transform(to_3857)
    feature.setGeometry(geometry)
    other = QgsFeature()
    far = QgsGeometry.fromRect(QgsRectangle(100, 10, 101, 11))
    far.transform(to_3857)
    other.setGeometry(far)
    fields_layer.dataProvider().addFeatures([feature, other])
    QgsProject.instance().addMapLayer(fields_layer)
    fields_layer.selectByIds([1])
    dock.form.selectionRadio.setChecked(True)
    dock.layer_combo.setLayer(fields_layer)
    tick(dock, S2)
    set_dates(dock, None, None)
    dock.form.maxItemsSpin.setValue(5000)
    outcome = run_search(qgis_app, dock)
    assert outcome.error is None
    area = outcome.requests[0][2]["intersects"]
    assert set(layer_ids(dock.results_layer)) == expected_ids(area, collections=[S2])
    xs = [p[0] for ring in area["coordinates"] for p in ring]
    assert cx - 0.31 < min(xs) and max(xs) < cx + 0.31  # only the selected field


def test_cloud_limit_is_applied_when_the_catalog_cannot_filter(dock, qgis_app, qgis_iface):
    show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(-10, 35, 30, 60))
    tick(dock, S2)
    set_dates(dock, None, None)
    dock.form.cloudCheck.setChecked(True)
    dock.form.cloudSpin.setValue(20)
    dock.form.maxItemsSpin.setValue(5000)
    outcome = run_search(qgis_app, dock)
    body = outcome.requests[0][2]
    # rustac declares no Filter or Query conformance: nothing is sent, the plugin filters.
    assert "filter" not in body and "query" not in body
    assert outcome.cloud_filter_local and outcome.filtered_locally > 0
    layer = dock.results_layer
    clouds = [f["cloud_cover"] for f in layer.getFeatures()]
    assert clouds and max(clouds) <= 20
    assert set(layer_ids(layer)) == expected_ids(body["bbox"], collections=[S2], max_cloud=20)
    texts = [item.text() for item in dock.message_bar.items()]
    assert any("cannot filter by cloud cover" in t for t in texts)


def test_several_pages_up_to_the_maximum(dock, qgis_app, qgis_iface, sandbox_server):
    show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(-180, -90, 180, 90))
    tick(dock)  # no collection ticked: all of them
    set_dates(dock, None, None)
    dock.form.cloudCheck.setChecked(False)
    dock.form.maxItemsSpin.setValue(250)
    outcome = run_search(qgis_app, dock)
    assert outcome.error is None
    assert outcome.pages == 3  # pages of 100: 100 + 100 + 50 wanted
    assert dock.results_layer.featureCount() == 250
    first_page_body = outcome.requests[0][2]
    assert "collections" not in first_page_body
    assert outcome.requests[1][2]["skip"] == 100  # the server's own next-link body
    ids = layer_ids(dock.results_layer)
    assert ids == server_ids(sandbox_server.url + "search", first_page_body)[:250]
    assert len(set(ids)) == 250


def test_table_and_map_selection_follow_each_other(dock, qgis_app, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    show_extent(canvas, "EPSG:4326", QgsRectangle(-10, 35, 30, 60))
    tick(dock, S2)
    set_dates(dock, "2024-05-01", "2024-07-31")
    run_search(qgis_app, dock)
    layer = dock.results_layer
    table = dock.form.resultsTable
    assert table.model().rowCount() == layer.featureCount() > 3

    # Map to table.
    fids = sorted(layer.allFeatureIds())[:2]
    layer.selectByIds(fids)
    assert sorted(dock.results.selected_fids()) == fids

    # Table to map, and the details pane shows the item.
    table.selectRow(2)
    selected = layer.selectedFeatureIds()
    assert len(selected) == 1
    item_id = layer.getFeature(selected[0])["id"]
    assert item_id in dock.form.detailsBrowser.toPlainText()
    assert "visual" in dock.form.detailsBrowser.toPlainText()  # the assets are listed

    # Sorting by cloud cover keeps the selection on the same feature.
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert layer.selectedFeatureIds() == selected
    assert dock.results.selected_fids() == selected

    # Double-click zooms to the footprint.
    index = table.model().index(0, 0)
    fid = dock.results.proxy.data(index, Qt.ItemDataRole.UserRole + 1)
    table.doubleClicked.emit(index)
    footprint = layer.getFeature(fid).geometry().boundingBox()
    assert canvas.extent().contains(footprint)
    assert canvas.extent().width() < 3 * max(footprint.width(), footprint.height()) + 1


def test_catalog_that_needs_an_account_says_so(dock, qgis_app):
    combo = dock.form.catalogCombo
    combo.setCurrentIndex(combo.findData("constellr"))
    assert not dock.form.searchButton.isEnabled()
    assert "Constellr workspace API key" in dock.form.collectionsStatus.text()
    combo.setCurrentIndex(combo.findData("sandbox"))
    wait_for(qgis_app, lambda: dock.form.searchButton.isEnabled())


def test_a_blank_map_is_refused_with_a_sentence(
    dock, qgis_app, qgis_iface, sandbox_server, monkeypatch
):
    """A new project's map has no extent yet; it must not become bbox [0, 0, 0, 0]."""
    from plugin.map.areas import extent_area

    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    context = QgsProject.instance().transformContext()
    for blank in (QgsRectangle(), QgsRectangle(0, 0, 0, 0), QgsRectangle(3, 3, 3, 9)):
        with pytest.raises(ValueError, match="The map shows no area yet"):
            extent_area(blank, wgs84, context)
    # The canvas of a QGIS that has shown nothing yet (pytest-qgis's has a size already).
    monkeypatch.setattr(dock.canvas, "extent", QgsRectangle)
    tick(dock, S2)
    dock.form.extentRadio.setChecked(True)
    dock.form.searchButton.click()
    qgis_app.processEvents()
    assert dock.search_task is None, "no search may start"
    texts = [item.text() for item in dock.message_bar.items()]
    assert any("The map shows no area yet" in t for t in texts), texts


def test_sort_is_not_offered_where_the_catalog_cannot_sort(dock):
    """rustac declares no Sort extension: the combo is off and nothing is sent."""
    assert not dock.form.sortCombo.isEnabled()
    dock.form.sortCombo.setCurrentIndex(dock.form.sortCombo.findData("newest"))
    assert dock.build_request().sort == ""
