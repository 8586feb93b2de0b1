"""The flows of the application tier, run inside QGIS by ``inside_qgis.py``.

Each flow drives the plugin the way a user does (the toolbar action, the dock's radio
buttons and push buttons, mouse clicks on the map canvas), waits for the plugin's tasks by
processing events, and returns plain data (ids, requests, paths) for the pytest side to
check. Progress goes to the results file after every step, so a crash names its flow.
"""

from __future__ import annotations

import faulthandler
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

import app_async
import app_batch
import app_constellr
import app_process
import app_search
from app_ui import Context, Results, settle
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QTimer

# -- the tier's own check ------------------------------------------------------------------


def flow_selftest_abort(ctx: Context) -> dict:
    """Dies the way the GEOS clash did (SIGABRT), to prove a crash is attributed."""
    ctx.step("about to abort")
    os.abort()


def flow_selftest_after(ctx: Context) -> dict:
    return {"plugin_loaded": ctx.plugin is not None, "qgis": Qgis.QGIS_VERSION}


# -- running -------------------------------------------------------------------------------

FLOWS = {
    "search_extent": app_search.flow_search_extent,
    "search_drawn": app_search.flow_search_drawn,
    "search_selected": app_search.flow_search_selected,
    "search_antimeridian": app_search.flow_search_antimeridian,
    "assets": app_search.flow_assets,
    "search_dock_picture": app_search.flow_search_dock_picture,
    "search_quicklooks_picture": app_search.flow_search_quicklooks_picture,
    "constellr": app_constellr.flow_constellr,
    "constellr_dock_picture": app_constellr.flow_constellr_dock_picture,
    "process_extent": app_process.flow_process_extent,
    "process_drawn": app_process.flow_process_drawn,
    "process_footprints": app_process.flow_process_footprints,
    "process_dock_picture": app_process.flow_process_dock_picture,
    "statistics_dock_picture": app_process.flow_statistics_dock_picture,
    "async_dock_picture": app_async.flow_async_dock_picture,
    "batch_dock_picture": app_batch.flow_batch_dock_picture,
    "statistics_batch": app_batch.flow_statistics_batch,
    "processing_sentinelhub": app_batch.flow_processing_sentinelhub,
    "processing_batch_process": app_batch.flow_processing_batch_process,
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
    if os.environ.get("EO_APP_TIMEOUT"):
        # Should QGIS hang, every thread's Python stack goes to the log shortly before the
        # harness stops QGIS (the log's tail is in the failure).
        hang_dump = max(5.0, float(os.environ["EO_APP_TIMEOUT"]) - 12)
        faulthandler.dump_traceback_later(hang_dump, file=sys.__stderr__)
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
