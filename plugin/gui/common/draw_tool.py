"""A map tool to draw the search polygon, and to edit it until the search runs, and
:class:`CanvasDrawing`, the one way a dock wires it to its Draw button and the canvas."""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapCanvas, QgsMapTool, QgsRubberBand, QgsVertexMarker
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

#: Pixels within which a press grabs a vertex for dragging.
GRAB_TOLERANCE_PX = 8
#: The drawn area: a dashed blue outline with a light fill, unlike the orange footprints,
#: drawn above everything on the map.
OUTLINE_COLOR = QColor(31, 111, 178)
FILL_COLOR = QColor(31, 111, 178, 24)
OUTLINE_WIDTH = 3
LINE_STYLE = Qt.PenStyle.DashLine
ON_TOP_Z = 1000


class PolygonDrawTool(QgsMapTool):
    """Left-click adds vertices; right-click or double-click finishes.

    While the tool is active, vertices of the finished polygon can be dragged;
    Backspace removes the last vertex, Esc throws the drawing away.
    """

    polygonChanged = pyqtSignal()  # the polygon was finished, edited or cleared

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self.points: list[QgsPointXY] = []
        self.finished = False
        self._drag_index: int | None = None
        self.band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.band.setStrokeColor(OUTLINE_COLOR)
        self.band.setFillColor(FILL_COLOR)
        self.band.setWidth(OUTLINE_WIDTH)
        self.band.setLineStyle(LINE_STYLE)
        self.band.setZValue(ON_TOP_Z)
        self._markers: list[QgsVertexMarker] = []
        self.setCursor(Qt.CursorShape.CrossCursor)

    # -- state ------------------------------------------------------------------------

    def has_polygon(self) -> bool:
        return self.finished and len(self.points) >= 3

    def geometry(self) -> QgsGeometry | None:
        """The drawn polygon in canvas CRS, or None."""
        if not self.has_polygon():
            return None
        return QgsGeometry.fromPolygonXY([self.points + [self.points[0]]])

    def clear(self) -> None:
        self.points = []
        self.finished = False
        self._redraw()
        self.polygonChanged.emit()

    def set_points(self, points: list[QgsPointXY]) -> None:
        """Set a finished polygon (used by tests and to restore a drawing)."""
        self.points = list(points)
        self.finished = len(self.points) >= 3
        self._redraw()
        self.polygonChanged.emit()

    def remove_from_canvas(self) -> None:
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.canvas().scene().removeItem(self.band)
        for marker in self._markers:
            self.canvas().scene().removeItem(marker)
        self._markers = []

    # -- events -----------------------------------------------------------------------

    def canvasPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.finished and event.button() == Qt.MouseButton.LeftButton:
            self._drag_index = self._vertex_at(event.pos())

    def canvasMoveEvent(self, event) -> None:  # noqa: N802 - QGIS override
        point = self.toMapCoordinates(event.pos())
        if self._drag_index is not None:
            self.points[self._drag_index] = point
            self._redraw()
        elif not self.finished and self.points:
            self._redraw(extra=point)

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802 - QGIS override
        point = self.toMapCoordinates(event.pos())
        if self._drag_index is not None:
            self._drag_index = None
            self.polygonChanged.emit()
            return
        if event.button() == Qt.MouseButton.RightButton:
            self._finish()
        elif event.button() == Qt.MouseButton.LeftButton:
            if self.finished:
                # A click away from the vertices starts a new polygon.
                self.points = []
                self.finished = False
            self.points.append(point)
            self._redraw()

    def canvasDoubleClickEvent(self, event) -> None:  # noqa: ARG002, N802 - QGIS override
        self._finish()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - QGIS override
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
        elif event.key() == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self.finished = self.finished and len(self.points) >= 3
            self._redraw()
            self.polygonChanged.emit()
        else:
            event.ignore()

    def deactivate(self) -> None:
        if not self.finished:
            self._finish()
        super().deactivate()

    # -- helpers ----------------------------------------------------------------------

    def _finish(self) -> None:
        # A double-click also delivered a release: drop a duplicated last vertex.
        while len(self.points) >= 2 and self.points[-1] == self.points[-2]:
            self.points.pop()
        self.finished = len(self.points) >= 3
        if not self.finished:
            self.points = []
        self._redraw()
        self.polygonChanged.emit()

    def _vertex_at(self, pos) -> int | None:
        tolerance = GRAB_TOLERANCE_PX * self.canvas().mapUnitsPerPixel()
        here = self.toMapCoordinates(pos)
        best, best_distance = None, tolerance
        for index, vertex in enumerate(self.points):
            distance = vertex.distance(here)
            if distance <= best_distance:
                best, best_distance = index, distance
        return best

    def _redraw(self, extra: QgsPointXY | None = None) -> None:
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        points = self.points + ([extra] if extra is not None else [])
        for index, point in enumerate(points):
            self.band.addPoint(point, index == len(points) - 1)
        for marker in self._markers:
            self.canvas().scene().removeItem(marker)
        self._markers = []
        if self.finished:
            for point in self.points:
                marker = QgsVertexMarker(self.canvas())
                marker.setCenter(point)
                marker.setIconType(QgsVertexMarker.IconType.ICON_BOX)
                marker.setColor(OUTLINE_COLOR)
                marker.setIconSize(8)
                marker.setZValue(ON_TOP_Z + 1)
                self._markers.append(marker)


class CanvasDrawing:
    """A dock's :class:`PolygonDrawTool` on the map canvas, driven by a checkable button.

    Checking the button calls ``on_start`` and makes the tool the canvas's map tool; another
    map tool chosen meanwhile unchecks the button; unchecking it, or :meth:`stop` (a search or
    job starting), gives the canvas back the tool the user had before; :meth:`shutdown`
    (unload) also takes the rubber band and vertex markers off the canvas. Slots go through
    :func:`.slots.call`, so an error is shown in ``owner``'s dock, never raised.
    """

    def __init__(self, owner, canvas: QgsMapCanvas, button, on_start=None) -> None:
        self.owner = owner
        self.canvas = canvas
        self.button = button
        self.on_start = on_start
        self.tool = PolygonDrawTool(canvas)
        self.previous: QgsMapTool | None = None
        button.toggled.connect(self._toggled)
        canvas.mapToolSet.connect(self._tool_set)

    def start(self) -> None:
        if self.on_start is not None:
            self.on_start()
        current = self.canvas.mapTool()
        if current is not self.tool:
            self.previous = current
            self.canvas.setMapTool(self.tool)

    def stop(self) -> None:
        """The canvas gets back the tool the user had before drawing (or none)."""
        if self.canvas.mapTool() is not self.tool:
            return
        previous, self.previous = self.previous, None
        if previous is not None and not sip.isdeleted(previous):
            self.canvas.setMapTool(previous)
        else:
            self.canvas.unsetMapTool(self.tool)

    def shutdown(self) -> None:
        self.stop()
        if self.canvas.mapTool() is self.tool:
            self.canvas.unsetMapTool(self.tool)
        self.tool.remove_from_canvas()
        for signal, slot in (
            (self.canvas.mapToolSet, self._tool_set),
            (self.button.toggled, self._toggled),
        ):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass  # already disconnected, or the button is gone

    def _toggled(self, checked: bool) -> None:
        from .slots import call

        call(self.owner, self.start if checked else self.stop)

    def _tool_set(self, new_tool, *_args) -> None:
        if new_tool is not self.tool:
            from .slots import call

            call(self.owner, self.button.setChecked, False)
