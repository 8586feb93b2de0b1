"""The flows of the application tier, run inside QGIS by ``inside_qgis.py``.

Each flow drives the plugin the way a user does (the toolbar action, the dock's radio
buttons and push buttons, mouse clicks on the map canvas), waits for the plugin's tasks by
processing events, and returns plain data (ids, requests, paths) for the pytest side to
check. Progress goes to the results file after every step, so a crash names its flow.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest

S2 = "sandbox-sentinel-2-l2a"
JUNE = ("2024-06-01", "2024-06-30")


class Results:
    """The results file, rewritten (atomically) after every step."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc: dict = {"flows": {}, "screenshots": {}, "finished": False}
        self.current = ""

    def write(self) -> None:
        part = self.path.with_suffix(".part")
        part.write_text(json.dumps(self.doc, indent=1, default=str), encoding="utf-8")
        os.replace(part, self.path)

    def start(self, name: str) -> None:
        self.current = name
        self.doc["flows"][name] = {"status": "started", "steps": [], "data": {}}
        self.write()

    def step(self, text: str) -> None:
        entry = self.doc["flows"].get(self.current)
        if entry is not None:
            entry["steps"].append(text)
            self.write()

    def finish(self, name: str, status: str, data: dict, error: str = "") -> None:
        entry = self.doc["flows"][name]
        entry.update(status=status, data=data, error=error)
        self.write()


class Context:
    """What the flows share: iface, the results, the work folder, the sandbox config."""

    def __init__(self, iface, results: Results) -> None:
        self.iface = iface
        self.results = results
        self.work = Path(os.environ["EO_APP_WORK"])
        self.sandbox = json.loads(Path(os.environ["EO_EXPLORER_SANDBOX_CONFIG"]).read_text())
        self.canvas = iface.mapCanvas()

    def step(self, text: str) -> None:
        self.results.step(text)

    @property
    def plugin(self):
        import qgis.utils

        plugin = qgis.utils.plugins.get("eo_explorer")
        if plugin is None:
            raise RuntimeError(f"the plugin is not loaded: {sorted(qgis.utils.plugins)}")
        return plugin


# -- helpers -------------------------------------------------------------------------------


def wait_for(condition, timeout: float = 60.0, what: str = "") -> None:
    """Process events until ``condition()`` is true (QgsTasks report on the main loop)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what or condition}")
        QgsApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.3) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)


def click(widget) -> None:
    """A real left click in the middle of a button (it must be visible and enabled)."""
    if not widget.isVisible() or not widget.isEnabled():
        raise RuntimeError(
            f"{widget.objectName()} is not clickable (visible={widget.isVisible()}, "
            f"enabled={widget.isEnabled()})"
        )
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QgsApplication.processEvents()


def canvas_settled(ctx: Context, timeout: float = 10) -> None:
    """Wait until the canvas keeps its size and extent (a dock that just opened resizes
    it a moment later) and has finished drawing."""

    def state():
        return (ctx.canvas.size(), ctx.canvas.extent().toString(6))

    deadline = time.monotonic() + timeout
    last = state()
    while time.monotonic() < deadline:
        settle(0.3)
        now = state()
        if now == last and not ctx.canvas.isDrawing():
            return
        last = now


def show_extent(ctx: Context, crs: str, rect: QgsRectangle) -> None:
    canvas_settled(ctx)
    ctx.canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    ctx.canvas.setExtent(rect)
    ctx.canvas.refresh()
    canvas_settled(ctx)


def draw_polygon(ctx: Context, tool, corners: list[tuple[float, float]]) -> list[list[float]]:
    """Left-click each corner on the canvas viewport, right-click to finish; returns the
    vertices the tool recorded (map coordinates)."""
    canvas_settled(ctx)
    viewport = ctx.canvas.viewport()
    for x, y in corners:
        pixel = ctx.canvas.getCoordinateTransform().transform(x, y)
        where = QPoint(round(pixel.x()), round(pixel.y()))
        QTest.mouseMove(viewport, where)
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
        settle(0.05)

    QTest.mouseClick(viewport, Qt.MouseButton.RightButton)
    settle(0.1)
    if not tool.has_polygon():
        raise RuntimeError(f"the draw tool has no polygon after the clicks: {tool.points}")
    return [[p.x(), p.y()] for p in tool.points]


def canvas_extent_wgs84(ctx: Context) -> list[float]:
    from qgis.core import QgsCoordinateTransform

    transform = QgsCoordinateTransform(
        ctx.canvas.mapSettings().destinationCrs(),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )
    r = transform.transformBoundingBox(ctx.canvas.extent())
    return [r.xMinimum(), r.yMinimum(), r.xMaximum(), r.yMaximum()]


def screenshot(ctx: Context, name: str) -> str:
    """The whole X screen (the main window fills it) as a PNG, with ImageMagick."""
    ctx.iface.mainWindow().raise_()
    ctx.canvas.refresh()
    settle(1.5)
    path = ctx.work / f"{name}.png"
    done = subprocess.run(
        ["import", "-window", "root", str(path)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"import -window root failed: {done.stderr}")
    ctx.results.doc["screenshots"][name] = str(path)
    return str(path)


def messages(bar) -> list[str]:
    return [item.text() for item in bar.items()]


def layer_names() -> list[str]:
    return sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())


# -- the Search dock -----------------------------------------------------------------------


def search_dock(ctx: Context):
    """The Search dock, opened with its toolbar action, sandbox collections read."""
    plugin = ctx.plugin
    action = plugin.actions[0]
    if plugin.dock is None or not plugin.dock.isVisible():
        action.trigger()
    dock = plugin.dock
    if dock is None:
        raise RuntimeError("the toolbar action did not open the Search dock")
    f = dock.form
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


# -- the Process dock ----------------------------------------------------------------------

MASTER_PASSWORD = "master-password-of-the-app-tier"
#: a field near Ljubljana (UTM zone 33 N), lon/lat
FIELD = [(14.500, 46.050), (14.512, 46.050), (14.514, 46.058), (14.501, 46.057)]


def sentinelhub_account(ctx: Context) -> None:
    """What a user does once: the master password, then the sandbox's demo account saved
    in the QGIS authentication database (Accounts dialog)."""
    from eo_explorer.plugin import credentials
    from eo_explorer.plugin.api.accounts import Credentials

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        if not manager.setMasterPassword(MASTER_PASSWORD, True):
            raise RuntimeError("the master password could not be set")
    demo = ctx.sandbox["sentinelhub"]
    credentials.save(
        Credentials(
            "sentinelhub", demo["client_id"], demo["client_secret"], token_url=demo["token_url"]
        )
    )


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


# -- the Constellr dock --------------------------------------------------------------------

#: a field near 13 E, 52 N (lon/lat)
PLOT = [(13.000, 52.000), (13.010, 52.000), (13.010, 52.006), (13.000, 52.010)]


def wait_signal(signal, action, timeout: float = 30, what: str = ""):
    got = []
    signal.connect(got.append)
    try:
        action()
        wait_for(lambda: got, timeout, what)
    finally:
        signal.disconnect(got.append)
    return got[0]


def flow_constellr(ctx: Context) -> dict:
    """Areas ▸ Draw ▸ Measure ▸ Create, then New order ▸ Place order."""
    from eo_explorer.plugin import credentials
    from eo_explorer.plugin.api.accounts import Credentials

    sentinelhub_account(ctx)  # sets the master password too
    credentials.save(Credentials(service="constellr", secret=ctx.sandbox["constellr"]["api_key"]))
    entry = ctx.plugin.constellr
    if entry.dock is None or not entry.dock.isVisible():
        entry.action.trigger()
    dock = entry.dock
    if dock is None:
        raise RuntimeError("the action did not open the Constellr dock")
    questions: list = []
    dock.confirm = lambda question: questions.append(question) or True  # the user says yes
    wait_for(lambda: not dock.busy, 30, "the Constellr reference data")
    ctx.step("dock open")
    dock.show_tab("areasTab")
    show_extent(ctx, "EPSG:4326", QgsRectangle(12.99, 51.994, 13.02, 52.016))
    areas = dock.areas
    click(areas.form.drawButton)
    vertices = draw_polygon(ctx, areas.draw_tool, PLOT)
    ctx.step(f"polygon drawn: {vertices}")
    areas.form.nameEdit.setText("North field")
    wait_signal(areas.measured, lambda: click(areas.form.measureButton), 30, "the measure")
    measured = areas.form.infoLabel.text()
    ctx.step(f"measured: {measured}")
    created = wait_signal(areas.created, lambda: click(areas.form.createButton), 30, "the area")
    wait_for(lambda: not dock.busy, 30, "the refresh after creating")
    ctx.step(f"created {created.id}")
    dock.show_tab("orderTab")
    form = dock.order_form
    f = form.form
    ticked = [a.name for a in form.ticked_areas()]
    f.productCombo.setCurrentText("LSTprecision")
    f.useCaseCombo.setCurrentText("Yield Prediction")
    f.frequencyCombo.setCurrentIndex(f.frequencyCombo.findData("weekly"))
    f.imagesSpin.setValue(2)
    today = QDate.currentDate()
    f.startDate.setDate(today.addDays(2))
    f.endDate.setDate(today.addDays(30))
    progress = wait_signal(form.submitted, lambda: click(f.submitButton), 30, "the order")
    wait_for(lambda: not dock.busy, 30, "the orders list")
    return {
        "vertices": vertices,
        "measured": measured,
        "created": {"id": created.id, "name": created.name},
        "areas_status": areas.form.infoLabel.text(),
        "ticked": ticked,
        "order_error": str(progress.error) if progress.error else "",
        "orders": [getattr(o, "id", str(o)) for o in progress.orders],
        "order_status": f.formStatus.text(),
        "questions": questions,
        "messages": messages(dock.message_bar),
        "layers": layer_names(),
    }


# -- the tier's own check ------------------------------------------------------------------


def flow_selftest_abort(ctx: Context) -> dict:
    """Dies the way the GEOS clash did (SIGABRT), to prove a crash is attributed."""
    ctx.step("about to abort")
    os.abort()


def flow_selftest_after(ctx: Context) -> dict:
    return {"plugin_loaded": ctx.plugin is not None, "qgis": Qgis.QGIS_VERSION}


# -- running -------------------------------------------------------------------------------

FLOWS = {
    "search_extent": flow_search_extent,
    "search_drawn": flow_search_drawn,
    "search_selected": flow_search_selected,
    "search_antimeridian": flow_search_antimeridian,
    "assets": flow_assets,
    "constellr": flow_constellr,
    "process_extent": flow_process_extent,
    "process_drawn": flow_process_drawn,
    "process_footprints": flow_process_footprints,
    "selftest_abort": flow_selftest_abort,
    "selftest_after": flow_selftest_after,
}


def log_messages(store: list):
    """The plugin's message log tab, kept for the report."""

    def keep(message, tag, _level):
        if tag == "EO Explorer":
            store.append(message[:500])

    QgsApplication.messageLog().messageReceived.connect(keep)
    return keep


def base_map() -> None:
    """The user's map: QGIS's own world map when it ships one, else a graticule. (With no
    layer at all QGIS shows its welcome page instead of the map canvas.)"""
    path = Path(QgsApplication.pkgDataPath()) / "resources" / "data" / "world_map.gpkg"
    layer = QgsVectorLayer(f"{path}|layername=countries", "countries", "ogr")
    if not layer.isValid():
        layer = QgsVectorLayer("LineString?crs=EPSG:4326", "graticule", "memory")
        lines = []
        for x in range(-180, 181, 10):
            lines.append(QgsGeometry.fromPolylineXY([QgsPointXY(x, -90), QgsPointXY(x, 90)]))
        for y in range(-90, 91, 10):
            lines.append(QgsGeometry.fromPolylineXY([QgsPointXY(-180, y), QgsPointXY(180, y)]))
        features = []
        for geometry in lines:
            feature = QgsFeature()
            feature.setGeometry(geometry)
            features.append(feature)
        layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)


def main(iface) -> None:
    results = Results(Path(os.environ["EO_APP_RESULTS"]))
    results.doc["qgis"] = Qgis.QGIS_VERSION
    results.write()
    ctx = Context(iface, results)
    # The main window fills the virtual screen (no window manager maximises it).
    from qgis.PyQt.QtWidgets import QApplication

    iface.mainWindow().setGeometry(QApplication.primaryScreen().geometry())
    base_map()
    settle(0.5)
    logged: list = []
    log_messages(logged)
    for name in [n for n in os.environ["EO_APP_FLOWS"].split(",") if n]:
        results.start(name)
        logged.clear()
        try:
            flow = FLOWS[name]
            data = flow(ctx)
            data["log"] = list(logged)
            results.finish(name, "passed", data)
        except Exception:  # noqa: BLE001 - the next flow still runs
            results.finish(name, "error", {"log": list(logged)}, traceback.format_exc())
    results.doc["finished"] = True
    results.write()
    quit_qgis(iface, results)


def quit_qgis(iface, results: Results | None = None) -> None:
    """Quit as File ▸ Exit does, with nothing left to ask about. Should QGIS still be
    running 20 s later (a dialog waiting for an answer), say what is on the screen and
    end the process with exit code 70."""
    manager = QgsApplication.taskManager()
    manager.cancelAll()
    deadline = time.monotonic() + 10
    while manager.countActiveTasks() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.05)
    QgsProject.instance().setDirty(False)

    def still_running() -> None:
        from qgis.PyQt.QtWidgets import QApplication

        shown = [
            f"{type(w).__name__} {w.objectName()!r} {w.windowTitle()!r}"
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not iface.mainWindow()
        ]
        if results is not None:
            results.doc["quit_hang"] = shown
            try:
                subprocess.run(
                    ["import", "-window", "root", str(results.path.parent / "quit-hang.png")],
                    timeout=20,
                    check=False,
                )
            except (OSError, subprocess.SubprocessError):
                pass
            results.write()
        sys.__stderr__.write(f"QGIS did not quit; windows open: {shown}\n")
        sys.__stderr__.flush()
        os._exit(70)

    _keep.append(QTimer(iface.mainWindow()))
    _keep[-1].setSingleShot(True)
    _keep[-1].timeout.connect(still_running)
    _keep[-1].start(20000)

    def leave() -> None:
        # Nothing to save: the flows' layers are not the user's work.
        QgsProject.instance().setDirty(False)
        iface.actionExit().trigger()

    _keep.append(leave)
    QTimer.singleShot(0, leave)


_keep: list = []
