"""The Search dock flows: the area modes, the search, the assets of a result."""

from __future__ import annotations

from app_ui import (
    JUNE,
    S2,
    Context,
    canvas_extent_wgs84,
    click,
    draw_polygon,
    layer_names,
    messages,
    screenshot,
    settle,
    show_extent,
    wait_for,
)
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtTest import QTest

# -- the Search dock -----------------------------------------------------------------------


def search_dock(ctx: Context):
    """The Search dock, opened with its toolbar action, sandbox collections read."""
    plugin = ctx.plugin
    action = plugin.search.action
    if plugin.dock is None or not plugin.dock.isVisible():
        action.trigger()
    dock = plugin.dock
    if dock is None:
        raise RuntimeError("the toolbar action did not open the Search dock")
    f = dock.form
    if not dock.form_open():  # folded into its summary by an earlier search
        click(f.formToggle)
    if f.catalogCombo.currentData() != "sandbox":
        f.catalogCombo.setCurrentIndex(f.catalogCombo.findData("sandbox"))
    wait_for(lambda: f.collectionsList.count() > 0, 30, "the sandbox collections")
    return dock


def prepare_search(dock, collections=(S2,), dates=JUNE, max_items: int = 5000) -> None:
    f = dock.form
    for row in range(f.collectionsList.count()):
        item = f.collectionsList.item(row)
        info = item.data(Qt.ItemDataRole.UserRole + 1)
        checked = info.id in collections
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    f.startCheck.setChecked(dates is not None)
    f.endCheck.setChecked(dates is not None)
    if dates:
        f.startDate.setDate(QDate.fromString(dates[0], "yyyy-MM-dd"))
        f.endDate.setDate(QDate.fromString(dates[1], "yyyy-MM-dd"))
    f.cloudCheck.setChecked(False)
    f.maxItemsSpin.setValue(max_items)


def press_search(ctx: Context, dock, timeout: float = 60) -> dict:
    """Click Search, wait for the outcome; what the user sees and what was asked."""
    outcomes = []
    dock.searchFinished.connect(outcomes.append)
    click(dock.form.searchButton)
    ctx.step("search clicked")
    wait_for(lambda: outcomes or dock.message_bar.items(), timeout, "the search outcome")
    if not outcomes:  # refused before a task started (the form's message says why)
        return {"error": messages(dock.message_bar), "ids": [], "requests": []}
    dock.searchFinished.disconnect(outcomes.append)
    outcome = outcomes[0]
    layer = dock.results_layer
    ids = [feature["id"] for feature in layer.getFeatures()] if layer is not None else []
    return {
        "error": str(outcome.error) if outcome.error else "",
        "messages": messages(dock.message_bar),
        "requests": [list(r) for r in outcome.requests],
        "ids": ids,
        "layer": layer.name() if layer is not None else "",
        "layer_id": layer.id() if layer is not None else "",
        "status": dock.form.statusLabel.text(),
        "layers": layer_names(),
    }


def flow_search_extent(ctx: Context) -> dict:
    dock = search_dock(ctx)
    ctx.step("dock open")
    show_extent(ctx, "EPSG:4326", QgsRectangle(5, 45, 15, 52))
    click(dock.form.extentRadio)
    prepare_search(dock)
    data = press_search(ctx, dock)
    data["extent"] = canvas_extent_wgs84(ctx)
    ctx.step("search finished")
    data["screenshot"] = screenshot(ctx, "search-extent")
    return data


def flow_search_drawn(ctx: Context) -> dict:
    dock = search_dock(ctx)
    show_extent(ctx, "EPSG:4326", QgsRectangle(0, 40, 20, 55))
    click(dock.form.drawButton)
    if ctx.canvas.mapTool() is not dock.draw_tool:
        raise RuntimeError("the Draw button did not make the draw tool the map tool")
    ctx.step("draw tool active")
    vertices = draw_polygon(ctx, dock.draw_tool, [(4, 44), (12, 44), (13, 49), (5, 50)])
    ctx.step(f"polygon drawn: {vertices}")
    if not dock.form.drawnRadio.isChecked():
        raise RuntimeError("drawing did not choose 'Polygon drawn on the map'")
    prepare_search(dock, dates=None)
    data = press_search(ctx, dock)
    data["vertices"] = vertices
    return data


def flow_search_antimeridian(ctx: Context) -> dict:
    dock = search_dock(ctx)
    # A map panned over the Pacific: longitudes past 180 on the canvas.
    show_extent(ctx, "EPSG:4326", QgsRectangle(168, -26, 192, -8))
    click(dock.form.drawButton)
    vertices = draw_polygon(ctx, dock.draw_tool, [(175, -20), (185, -20), (185, -14), (175, -14)])
    ctx.step(f"polygon drawn: {vertices}")
    prepare_search(dock, dates=None)
    data = press_search(ctx, dock)
    data["vertices"] = vertices
    return data


#: two fields in a layer of the user's (EPSG:3857, as most web data), selected by the user
FIELDS_WGS84 = [
    [(6.0, 47.0), (7.5, 47.0), (7.5, 48.2), (6.0, 48.2)],
    [(11.0, 45.5), (12.2, 45.5), (12.2, 46.4), (11.0, 46.4)],
]
#: a third field, not selected: nothing may be found for it alone
UNSELECTED = [(24.0, 38.0), (24.5, 38.0), (24.5, 38.5), (24.0, 38.5)]


def fields_layer() -> QgsVectorLayer:
    from qgis.core import QgsCoordinateTransform

    layer = QgsVectorLayer("Polygon?crs=EPSG:3857&field=name:string", "my fields", "memory")
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateReferenceSystem("EPSG:3857"),
        QgsProject.instance(),
    )
    features = []
    for name, ring in (("a", FIELDS_WGS84[0]), ("b", FIELDS_WGS84[1]), ("c", UNSELECTED)):
        geometry = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring + ring[:1]]])
        geometry.transform(transform)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature["name"] = name
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    QgsProject.instance().addMapLayer(layer)
    return layer


def flow_search_selected(ctx: Context) -> dict:
    dock = search_dock(ctx)
    layer = fields_layer()
    ctx.iface.setActiveLayer(layer)
    layer.selectByExpression("\"name\" in ('a', 'b')")
    ctx.step(f"{layer.selectedFeatureCount()} features selected")
    show_extent(ctx, "EPSG:3857", layer.extent())
    click(dock.form.selectionRadio)
    dock.layer_combo.setLayer(layer)
    prepare_search(dock)
    data = press_search(ctx, dock)
    data["fields"] = FIELDS_WGS84
    return data


def raster_layers() -> list[dict]:
    from qgis.core import QgsRasterLayer

    return [
        {
            "name": layer.name(),
            "source": layer.source(),
            "valid": layer.isValid(),
            "width": layer.width(),
            "bands": layer.bandCount(),
        }
        for layer in QgsProject.instance().mapLayers().values()
        if isinstance(layer, QgsRasterLayer)
    ]


def flow_assets(ctx: Context) -> dict:
    """Search, click the first row of the results table, tick the visual COG in the
    Assets tab, Download it, then Stream it."""
    dock = search_dock(ctx)
    show_extent(ctx, "EPSG:4326", QgsRectangle(9.0, 47.0, 11.0, 48.5))
    click(dock.form.extentRadio)
    prepare_search(dock)
    found = press_search(ctx, dock)
    if not found["ids"]:
        raise RuntimeError(f"the search found nothing: {found}")
    table = dock.form.resultsTable
    index = table.model().index(0, 0)
    table.scrollTo(index)
    rect = table.visualRect(index)
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    settle(0.3)
    layer = dock.results_layer
    selected = [feature["id"] for feature in layer.getSelectedFeatures()]
    ctx.step(f"row clicked, selected {selected}")
    f = dock.form
    f.itemTabs.setCurrentWidget(f.assetsTab)
    panel = dock.assets
    panel.form.keyCombo.setCurrentText("visual")
    click(panel.form.tickKeyButton)
    ticked = [(a.item_id, a.key, a.href) for a in panel.ticked()]
    if not ticked:
        raise RuntimeError("no visual asset was ticked")
    folder = ctx.work / "downloads"
    panel.folder.setFilePath(str(folder))
    summaries = []
    dock.downloadsFinished.connect(summaries.append)
    click(panel.form.downloadButton)
    ctx.step("download clicked")
    wait_for(lambda: summaries, 90, "the download")
    summary = summaries[0]
    downloaded = {
        "text": panel.form.downloadStatus.text(),
        "done": [[a.item_id, a.key, str(r.path), r.size] for a, r in summary.done],
        "failed": [str(failure) for failure in summary.failed],
        "rasters": raster_layers(),
    }
    ctx.step("downloaded")
    click(panel.form.streamButton)
    settle(1.0)
    streamed = {"text": panel.form.downloadStatus.text(), "rasters": raster_layers()}
    ctx.canvas.refresh()
    settle(1.0)
    return {
        "search": found,
        "selected": selected,
        "ticked": ticked,
        "downloaded": downloaded,
        "streamed": streamed,
    }


def flow_search_dock_picture(ctx: Context) -> dict:
    """What a user sees after a first search from a drawn polygon: the folded form, the
    table, the details of the row clicked, the dashed search area over the footprints."""
    dock = search_dock(ctx)
    show_extent(ctx, "EPSG:4326", QgsRectangle(2, 42, 20, 54))
    click(dock.form.drawButton)
    vertices = draw_polygon(ctx, dock.draw_tool, [(6, 45), (15, 45), (16, 50), (7, 51)])
    ctx.step(f"polygon drawn: {vertices}")
    prepare_search(dock, max_items=500)
    data = press_search(ctx, dock)
    ctx.step(f"search finished: {len(data['ids'])} footprints")
    f = dock.form
    table = f.resultsTable
    rect = table.visualRect(table.model().index(1, 0))
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    wait_for(lambda: f.thumbnailLabel.pixmap() is not None, 15, "the thumbnail")
    settle(0.5)
    body = dock.widget()
    data.update(
        {
            "screen": [ctx.iface.mainWindow().width(), ctx.iface.mainWindow().height()],
            "dock": [dock.width(), dock.height()],
            "form_open": dock.form_open(),
            "summary": f.formToggle.toolTip(),
            "search_button_bottom": f.searchButton.mapTo(
                body, f.searchButton.rect().bottomLeft()
            ).y(),
            "rows": table.model().rowCount(),
            "rows_in_sight": table.viewport().height() // max(1, table.rowHeight(0)),
            "form_sideways": f.formScroll.horizontalScrollBar().maximum(),
            "sort_arrow": table.horizontalHeader().isSortIndicatorShown(),
            "thumbnail": [f.thumbnailLabel.pixmap().width(), f.thumbnailLabel.pixmap().height()],
            "thumbnail_box": [f.thumbnailLabel.width(), f.thumbnailLabel.height()],
        }
    )
    data["screenshot"] = screenshot(ctx, "search-dock")
    return data


def flow_search_quicklooks_picture(ctx: Context) -> dict:
    """Quicklooks on the map: a search of the map extent, Best cover selects the scenes,
    the Quicklooks button drapes their thumbnails on their footprints."""
    dock = search_dock(ctx)
    show_extent(ctx, "EPSG:4326", QgsRectangle(7, 46.5, 14, 51))
    click(dock.form.extentRadio)
    prepare_search(dock, max_items=500)
    data = press_search(ctx, dock)
    f = dock.form
    wait_for(lambda: f.bestCoverButton.isEnabled(), 10, "the Best cover button")
    click(f.bestCoverButton)
    layer = dock.results_layer
    wait_for(lambda: layer.selectedFeatureCount() > 0, 30, "the best cover selection")
    ctx.step(f"best cover: {layer.selectedFeatureCount()} footprints")
    outcomes = []
    dock.quicklooks.finished.connect(outcomes.append)
    click(f.quicklooksButton)
    wait_for(lambda: outcomes, 60, "the quicklooks")
    ctx.step("quicklooks on the map")
    from eo_explorer.plugin.map.quicklooks import find_group

    group = find_group(layer.id())
    data.update(
        {
            "selected": layer.selectedFeatureCount(),
            "quicklooks": sorted(n.layer().name() for n in group.findLayers()) if group else [],
            "failed": list(outcomes[0].failed),
            "checked": f.quicklooksButton.isChecked(),
            "quicklook_messages": messages(dock.message_bar),
        }
    )
    # The picture: the group open in the layer tree, QGIS's own "task complete" gone.
    results = QgsProject.instance().layerTreeRoot().findGroup("EO Explorer")
    view = ctx.iface.layerTreeView()
    for node in (results, group):
        if node is not None:
            node.setExpanded(True)
            if hasattr(view, "node2index"):  # QGIS 3.18+: the view's own (proxy) index
                view.expand(view.node2index(node))
    ctx.iface.messageBar().clearWidgets()
    settle(1.0)
    data["screenshot"] = screenshot(ctx, "search-quicklooks")
    data.update(hide_quicklooks_from_the_layer_menu(ctx, layer))
    return data


def hide_quicklooks_from_the_layer_menu(ctx: Context, layer) -> dict:
    """Right-click the footprints layer in the Layers panel: the menu QGIS builds has
    "Hide quicklooks"; chosen, the Quicklooks group goes."""
    from eo_explorer.plugin.map.quicklooks import find_group

    view = ctx.iface.layerTreeView()
    view.setCurrentLayer(layer)
    settle(0.2)
    menu = view.menuProvider().createContextMenu()
    texts = [a.text() for a in menu.actions() if a.text()]
    action = next((a for a in menu.actions() if a.text() == "Hide quicklooks"), None)
    if action is None:
        return {"menu": texts, "hidden": False}
    action.trigger()
    wait_for(lambda: find_group(layer.id()) is None, 15, "the quicklooks hidden")
    ctx.step("quicklooks hidden from the layer menu")
    view.setCurrentLayer(None)
    view.setCurrentLayer(layer)
    settle(0.2)
    again = view.menuProvider().createContextMenu()
    return {
        "menu": texts,
        "hidden": find_group(layer.id()) is None,
        "menu_after": [a.text() for a in again.actions() if "quicklooks" in a.text()],
        "button_after": ctx.plugin.dock.form.quicklooksButton.isChecked(),
    }
