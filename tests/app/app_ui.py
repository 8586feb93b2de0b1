"""What the flows of the application tier share inside QGIS: the results file, the context,
and how a user's actions are played (clicks, mouse drawing on the canvas, waiting for tasks
by processing events, screenshots)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest

S2 = "sandbox-sentinel-2-l2a"
JUNE = ("2024-06-01", "2024-06-30")


class Results:
    """The results file, rewritten (atomically) after every step."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc: dict = {"flows": {}, "screenshots": {}, "finished": False}
        self.current = ""
        self.started = time.monotonic()

    def write(self) -> None:
        part = self.path.with_suffix(".part")
        part.write_text(json.dumps(self.doc, indent=1, default=str), encoding="utf-8")
        os.replace(part, self.path)

    def start(self, name: str) -> None:
        self.current = name
        sys.__stderr__.write(f"[app] {time.monotonic() - self.started:.1f}s flow {name}\n")
        self.doc["flows"][name] = {"status": "started", "steps": [], "data": {}}
        self.write()

    def step(self, text: str) -> None:
        entry = self.doc["flows"].get(self.current)
        if entry is not None:
            # seconds since QGIS ran the start-up script: a slow step shows where time went
            entry["steps"].append(f"{time.monotonic() - self.started:.1f}s {text}")
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
    """A real left click in the middle of a button, on the box of a radio button or check
    box (a wide one takes no click right of its text); it must be visible and enabled."""
    from qgis.PyQt.QtWidgets import QCheckBox, QRadioButton

    if not widget.isVisible() or not widget.isEnabled():
        raise RuntimeError(
            f"{widget.objectName()} is not clickable (visible={widget.isVisible()}, "
            f"enabled={widget.isEnabled()})"
        )
    if isinstance(widget, (QRadioButton, QCheckBox)):
        where = QPoint(min(8, widget.width() // 2), widget.height() // 2)
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    else:
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


def dock_layout(dock, scroll=None, buttons=()) -> dict:
    """What a user sees of a dock on this screen: its size, how far its form scrolls
    sideways, and whether each button lies wholly inside the dock (not below the fold)."""
    body = dock.widget()
    inside = {}
    for button in buttons:
        top_left = button.mapTo(body, button.rect().topLeft())
        bottom_right = button.mapTo(body, button.rect().bottomRight())
        inside[button.objectName()] = bool(
            button.isVisible()
            and top_left.x() >= 0
            and top_left.y() >= 0
            and bottom_right.x() < body.width()
            and bottom_right.y() < body.height()
        )
    window = dock.parentWidget()
    return {
        "dock": [dock.width(), dock.height()],
        "tabbed_with": [d.objectName() for d in window.tabifiedDockWidgets(dock)],
        "sideways": scroll.horizontalScrollBar().maximum() if scroll is not None else 0,
        "buttons_inside": inside,
    }


def messages(bar) -> list[str]:
    return [item.text() for item in bar.items()]


def layer_names() -> list[str]:
    return sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())


MASTER_PASSWORD = "master-password-of-the-app-tier"


def sentinelhub_account(ctx: Context) -> None:
    """What a user does once: the master password, then the sandbox's demo account saved
    in the QGIS authentication database (Accounts dialog)."""
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

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


def wait_signal(signal, action, timeout: float = 30, what: str = ""):
    got = []
    signal.connect(got.append)
    try:
        action()
        wait_for(lambda: got, timeout, what)
    finally:
        signal.disconnect(got.append)
    return got[0]
