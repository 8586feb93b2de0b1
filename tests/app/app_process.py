"""The Process dock flows: a Sentinel Hub Process request for each area mode."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from app_search import prepare_search, press_search, search_dock
from app_ui import (
    Context,
    canvas_extent_wgs84,
    canvas_settled,
    click,
    dock_layout,
    draw_polygon,
    layer_names,
    messages,
    screenshot,
    sentinelhub_account,
    settle,
    show_extent,
    wait_for,
)
from qgis.core import (
    QgsRectangle,
)
from qgis.PyQt.QtCore import QDate

# -- the Process dock ----------------------------------------------------------------------

#: a field near Ljubljana (UTM zone 33 N), lon/lat
FIELD = [(14.500, 46.050), (14.512, 46.050), (14.514, 46.058), (14.501, 46.057)]


def process_dock(ctx: Context):
    """The Process dock, opened with its action, on the sandbox Process API, NDVI of
    Sentinel-2 L2A in June 2024 at 20 m, saved in the work folder."""
    sentinelhub_account(ctx)
    entry = ctx.plugin.process
    if entry.dock is None or not entry.dock.isVisible():
        entry.action.trigger()
    dock = entry.dock
    if dock is None:
        raise RuntimeError("the action did not open the Process dock")
    f = dock.form
    f.endpointCombo.setCurrentIndex(f.endpointCombo.findData("sandbox"))
    if f.endpointCombo.currentData() != "sandbox":
        raise RuntimeError("the sandbox Process API is not offered")
    f.collectionCombo.setCurrentIndex(f.collectionCombo.findData("sentinel-2-l2a"))
    index = f.presetCombo.findData("ndvi")
    f.presetCombo.setCurrentIndex(index)
    f.presetCombo.activated.emit(index)  # what choosing it in the list sends
    f.startDate.setDate(QDate(2024, 6, 1))
    f.endDate.setDate(QDate(2024, 6, 30))
    click(f.utmRadio)
    click(f.resolutionRadio)
    f.resolutionSpin.setValue(20)
    folder = ctx.work / "process"
    folder.mkdir(exist_ok=True)
    dock.folder_widget.setFilePath(str(folder))
    return dock


def press_run(ctx: Context, dock, timeout: float = 90) -> dict:
    """Click "Request imagery", wait for the outcome; what the user gets."""
    outcomes = []
    dock.processFinished.connect(outcomes.append)
    click(dock.form.runButton)
    ctx.step("run clicked")
    wait_for(
        lambda: outcomes or (dock.task is None and dock.message_bar.items()),
        timeout,
        "the Process outcome",
    )
    dock.processFinished.disconnect(outcomes.append)
    if not outcomes:
        return {"error": " | ".join(messages(dock.message_bar)), "layers": layer_names()}
    outcome = outcomes[0]
    layer = dock.result_layer if outcome.error is None else None
    saved = {}
    if outcome.request_path and Path(outcome.request_path).exists():
        saved = json.loads(Path(outcome.request_path).read_text())
    return {
        "error": str(outcome.error) if outcome.error else "",
        "messages": messages(dock.message_bar),
        "failed": [str(error) for _tile, error in outcome.failed],
        "path": str(outcome.path) if outcome.path else "",
        "saved": saved,
        "layer": layer.name() if layer is not None else "",
        "layer_source": layer.source() if layer is not None else "",
        "layer_valid": bool(layer and layer.isValid()),
        "layers": layer_names(),
        "status": dock.form.statusLabel.text(),
    }


def flow_process_extent(ctx: Context) -> dict:
    dock = process_dock(ctx)
    show_extent(ctx, "EPSG:4326", QgsRectangle(14.45, 46.03, 14.55, 46.08))
    click(dock.form.extentRadio)
    data = press_run(ctx, dock)
    data["extent"] = canvas_extent_wgs84(ctx)
    return data


def flow_process_dock_picture(ctx: Context) -> dict:
    """What the README shows: the NDVI of June 2024 over fields in Thuringia (where the
    sandbox has Sentinel-2 scenes) on the map with a margin around it, the dock with its
    form and the finished message."""
    dock = process_dock(ctx)
    ctx.iface.actionPan().trigger()  # done drawing (after the other flows)
    show_extent(ctx, "EPSG:4326", QgsRectangle(10.90, 50.45, 11.10, 50.57))
    click(dock.form.extentRadio)
    if not dock.form.extentRadio.isChecked():
        raise RuntimeError("the map extent is not the area")
    data = press_run(ctx, dock)
    ctx.canvas.zoomByFactor(1.25)
    ctx.iface.layerTreeView().expandAll()  # the NDVI legend
    canvas_settled(ctx)
    f = dock.form
    data["layout"] = dock_layout(dock, f.formScroll, [f.runButton, f.cancelButton])
    data["screenshot"] = screenshot(ctx, "process-dock")
    return data


def flow_process_drawn(ctx: Context) -> dict:
    dock = process_dock(ctx)
    show_extent(ctx, "EPSG:4326", QgsRectangle(14.49, 46.045, 14.52, 46.062))
    click(dock.form.drawButton)
    vertices = draw_polygon(ctx, dock.draw_tool, FIELD)
    ctx.step(f"polygon drawn: {vertices}")
    if not dock.form.drawnRadio.isChecked():
        raise RuntimeError("drawing did not choose 'Polygon drawn on the map'")
    data = press_run(ctx, dock)
    data["vertices"] = vertices
    return data


def flow_process_footprints(ctx: Context) -> dict:
    """Search from the extent, select one footprint in the results, request its imagery."""
    search = search_dock(ctx)
    show_extent(ctx, "EPSG:4326", QgsRectangle(13.5, 45.5, 15.5, 47.0))
    click(search.form.extentRadio)
    prepare_search(search)
    found = press_search(ctx, search)
    if not found["ids"]:
        raise RuntimeError(f"the search found nothing to select: {found}")
    layer = search.results_layer
    first = next(layer.getFeatures())
    ctx.iface.setActiveLayer(layer)
    layer.selectByIds([first.id()])
    ctx.step(f"footprint {first['id']} selected")
    dock = process_dock(ctx)
    click(dock.form.footprintRadio)
    click(dock.form.sizeRadio)
    dock.form.widthSpin.setValue(512)
    dock.form.heightSpin.setValue(512)
    data = press_run(ctx, dock)
    data["item"] = first["id"]
    return data


# -- the time-series engine ----------------------------------------------------------------

#: three fields in Thuringia, where the sandbox has Sentinel-2 scenes in 7 months of 2024
THURINGIA_FIELDS = {
    "Field A": (10.93, 50.47, 10.97, 50.50),
    "Field B": (11.00, 50.50, 11.04, 50.53),
    "Field C": (11.05, 50.45, 11.09, 50.48),
}


def thuringia_fields():
    """Three fields in Thuringia (where the sandbox has Sentinel-2 scenes) as a layer of the
    project, all selected, outlined in green."""
    from qgis.core import QgsFeature, QgsFillSymbol, QgsGeometry, QgsProject, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "Fields", "memory")
    for name, (x0, y0, x1, y1) in THURINGIA_FIELDS.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, y0, x1, y1)))
        feature.setAttributes([name])
        layer.dataProvider().addFeatures([feature])
    layer.setDisplayExpression('"name"')
    layer.renderer().setSymbol(
        QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "#1b9e77", "outline_width": "0.8"}
        )
    )
    QgsProject.instance().addMapLayer(layer)
    layer.selectAll()
    return layer


def flow_statistics_dock_picture(ctx: Context) -> dict:
    """What the README shows: the monthly NDVI of 2024 of three selected fields in
    Thuringia (one Statistical API request each), charted in the time-series window."""
    dock = process_dock(ctx)
    ctx.iface.actionPan().trigger()
    layer = thuringia_fields()
    show_extent(ctx, "EPSG:4326", QgsRectangle(10.88, 50.43, 11.12, 50.56))
    dock.use_engine("statistical")
    engine = dock.current_engine()
    engine.delivery.bucketEdit.clear()  # one Statistical request per field
    f = dock.form
    dock.layer_combo.setLayer(layer)
    click(f.selectionRadio)
    f.startDate.setDate(QDate(2024, 1, 1))
    f.endDate.setDate(QDate(2024, 12, 31))
    f.resolutionSpin.setValue(100)
    engine.interval_combo.setCurrentIndex(engine.interval_combo.findData("P1M"))
    # the Time series options (interval, band, last interval, the bucket lines) in sight
    f.formScroll.ensureWidgetVisible(engine.delivery.keysCheck)
    settle(0.3)
    options_screenshot = screenshot(ctx, "time-series-options")
    outcomes: list = []
    dock.processFinished.connect(outcomes.append)
    click(f.runButton)
    ctx.step("time series asked for")
    wait_for(
        lambda: outcomes or (dock.task is None and dock.message_bar.items()),
        180,
        "the statistics",
    )
    dock.processFinished.disconnect(outcomes.append)
    data: dict = {"messages": messages(dock.message_bar), "status": f.statusLabel.text()}
    if not outcomes or engine.dialog is None:
        data["error"] = " | ".join(data["messages"]) or "no time-series window"
        return data
    outcome = outcomes[0]
    dialog = engine.dialog
    window = ctx.iface.mainWindow().geometry()
    dialog.resize(min(820, window.width() - 420), min(560, window.height() - 160))
    dialog.move(window.left() + 60, window.top() + 110)
    dialog.raise_()
    canvas_settled(ctx)
    data.update(
        error=str(outcome.error) if outcome.error else "",
        preset=dock.current_preset().id if dock.current_preset() else "",
        series={
            s.label: [(p.start.date().isoformat(), p.mean) for p in s.points]
            for s in dialog.chart.series
        },
        requests=outcome.requests,
        table_rows=len(dialog.table_values()) - 1,
        options_screenshot=options_screenshot,
    )
    # The window over the map, as the user sees it (the shared screenshot raises the main
    # window, which would hide it on a screen without a window manager).
    ctx.iface.mainWindow().raise_()
    dialog.raise_()
    dialog.activateWindow()
    settle(1.5)
    path = ctx.work / "time-series.png"
    done = subprocess.run(
        ["import", "-window", "root", str(path)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"import -window root failed: {done.stderr}")
    ctx.results.doc["screenshots"]["time-series"] = str(path)
    data["screenshot"] = str(path)
    data["layout"] = dock_layout(dock, f.formScroll, [f.runButton, f.cancelButton])
    return data
