"""Footprint layers: fields, features, style and their place in the layer tree."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Optional

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayerTreeGroup,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, QObject, Qt, QTimer

from ..api.footprints import DATETIME_FIELDS, FIELD_NAMES, FIELDS, Footprint
from .fields import field

GROUP_NAME = "EO Explorer"
#: The longest a slice of :class:`FootprintsFeed` holds the main thread (the GUI must
#: answer within 50 ms); what is left of a page waits for the next turn of the event loop.
SLICE_BUDGET_MS = 8.0
#: How often the canvas draws a layer that is still filling: the first slice at once,
#: then every second, and less often as the layer grows: every ``added /
#: REPAINT_FEATURES_PER_S`` seconds, and once more when everything is in. Each draw
#: renders the whole layer so far on the CPU the search needs (100,000 footprints: about
#: a second of it), and a draw asked while the last one runs cancels it. (Drawing also
#: whenever the layer caught up with the pages received drew after every page against a
#: fast server: 101 draws for 100,000 items.)
REPAINT_INTERVAL_S = 1.0
REPAINT_FEATURES_PER_S = 2_000
#: How often the results table gets the rows added meanwhile (and whenever the layer has
#: caught up with the pages received): each insertion makes the table view lay out and
#: repaint, dozens of calls from Qt into the Python model, each waiting for the GIL
#: while the search thread converts the next page.
ROWS_INTERVAL_S = 0.25
STYLE = Path(__file__).resolve().parents[2] / "resources" / "styles" / "footprints.qml"
#: A selected footprint's outline (QGIS 3.34+: the layer's own selection symbol)
SELECTED_OUTLINE_MM = 0.9


def footprint_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in FIELDS:
        fields.append(field(name, kind))
    return fields


def to_qdatetime(text: str | None) -> QDateTime | None:
    """An RFC 3339 string as a UTC QDateTime (microseconds are cut to milliseconds)."""
    if not text:
        return None
    value = text.strip()
    if "." in value:
        # Qt reads at most milliseconds; keep the zone suffix after the fraction.
        head, _, tail = value.partition(".")
        digits = len(tail) - len(tail.lstrip("0123456789"))
        value = head + "." + (tail[:digits] + "000")[:3] + tail[digits:]
    parsed = QDateTime.fromString(value, Qt.DateFormat.ISODateWithMs)
    if not parsed.isValid():
        return None
    return parsed.toUTC()


def to_features(
    footprints: Sequence[Footprint], fields: QgsFields, rows: Optional[list[tuple]] = None
) -> list[QgsFeature]:
    """QgsFeatures for footprints. Safe in a worker thread: no QObject is touched.

    ``rows``, if given, receives each feature's attribute values as plain Python (a
    date-time as its UTC milliseconds, ``item_json`` left out as None), for the results
    table: reading them back from the features on the main thread would take a call
    into QGIS per value, and every such call lets a busy search thread take the GIL
    for up to the interpreter's switch interval (5 ms)."""
    features = []
    # datetime, start and end are usually the same instant: parse each string once.
    parsed: dict[str | None, QDateTime | None] = {}
    millis: dict[str | None, int | None] = {}
    json_index = FIELD_NAMES.index("item_json")
    for footprint in footprints:
        feature = QgsFeature(fields)
        geometry = QgsGeometry()
        geometry.fromWkb(footprint.wkb)
        feature.setGeometry(geometry)
        values = list(footprint.values)
        for index in DATETIME_FIELDS:
            text = values[index]
            value = parsed.get(text)
            if value is None and text not in parsed:
                value = parsed[text] = to_qdatetime(text)
            values[index] = value
        feature.setAttributes(values)
        features.append(feature)
        if rows is not None:
            row = list(footprint.values)
            row[json_index] = None
            for index in DATETIME_FIELDS:
                text = row[index]
                if text not in millis:
                    value = parsed.get(text)
                    millis[text] = None if value is None else value.toMSecsSinceEpoch()
                row[index] = millis[text]
            rows.append(tuple(row))
    return features


def create_footprints_layer(name: str, features: Sequence[QgsFeature]) -> QgsVectorLayer:
    """A memory layer (EPSG:4326) holding the features, added in one batch, styled."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes(footprint_fields().toList())
    layer.updateFields()
    provider.addFeatures(list(features))
    layer.updateExtents()
    style_footprints(layer)
    return layer


def style_footprints(layer: QgsVectorLayer) -> None:
    """The footprints look (outlines, selection) and time, for the dock's and Processing's."""
    if STYLE.exists():
        layer.loadNamedStyle(str(STYLE))
    style_selection(layer)
    layer.setCustomProperty("eo_explorer/kind", "footprints")
    make_time_aware(layer)


def style_selection(layer: QgsVectorLayer, project: QgsProject | None = None) -> None:
    """Selected footprints get a thicker outline in the selection colour, drawn by QGIS's
    own selection rendering (QGIS 3.34+; older QGIS draws them in the selection colour at
    the usual width).

    Not with ``is_selected()`` in a data-defined width: on QGIS 3.40+ each drawing thread
    then asks the GUI thread about every footprint and waits for the answer, and QGIS
    hangs for good when the GUI thread meanwhile waits on those threads (a thumbnail
    converted by Qt on the shared thread pool was enough).
    """
    properties = getattr(layer, "selectionProperties", lambda: None)()
    if properties is None:
        return
    colour = (project or QgsProject.instance()).selectionColor()
    symbol = QgsFillSymbol.createSimple(
        {
            "style": "no",
            "outline_color": colour.name(),
            "outline_width": str(SELECTED_OUTLINE_MM),
            "outline_width_unit": "MM",
            "joinstyle": "bevel",
        }
    )
    properties.setSelectionSymbol(symbol)
    properties.setSelectionRenderingMode(Qgis.SelectionRenderingMode.CustomSymbol)


def move_into_group(layer: QgsVectorLayer, project: QgsProject | None = None) -> None:
    """Put a layer already in the project on top of the EO Explorer group."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    node = root.findLayer(layer.id())
    group = results_group(project)
    if node is None or node.parent() is group:
        return
    group.insertChildNode(0, node.clone())
    parent = node.parent()
    if parent is not None:
        parent.removeChildNode(node)


#: An item's time span: its start and end, or its single datetime for both.
START_EXPRESSION = 'coalesce("start", "datetime", "end")'
END_EXPRESSION = 'coalesce("end", "datetime", "start")'


def make_time_aware(layer: QgsVectorLayer) -> None:
    """Let QGIS's Temporal Controller show each footprint during its acquisition time.

    Items with a ``start``/``end`` span use it; the others are an instant at their
    ``datetime``. An item without any date has no time: it shows only while the
    Temporal Controller is off.
    """
    properties = layer.temporalProperties()
    properties.setMode(Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromExpressions)
    properties.setStartExpression(START_EXPRESSION)
    properties.setEndExpression(END_EXPRESSION)
    properties.setIsActive(True)


def results_group(project: QgsProject | None = None) -> QgsLayerTreeGroup:
    root = (project or QgsProject.instance()).layerTreeRoot()
    group = root.findGroup(GROUP_NAME)
    if group is None:
        group = root.insertGroup(0, GROUP_NAME)
    return group


def add_to_project(layer: QgsVectorLayer, project: QgsProject | None = None) -> None:
    project = project or QgsProject.instance()
    project.addMapLayer(layer, False)
    results_group(project).insertLayer(0, layer)


def layer_name(catalog_title: str, collections: Sequence[str], start, end) -> str:
    """e.g. ``CDSE STAC · sentinel-2-l2a · 2024-06-01 – 2024-06-30``."""
    what = ", ".join(collections[:3]) + (" …" if len(collections) > 3 else "")
    when = ""
    if start or end:
        when = f"{_date_text(start)} – {_date_text(end)}"
    parts = [catalog_title, what or "all collections"]
    if when:
        parts.append(when)
    return " · ".join(parts)


def _date_text(value) -> str:
    if value is None:
        return "…"
    return value.strftime("%Y-%m-%d")


class FootprintsFeed(QObject):
    """A search's footprints layer, filled page by page on the main thread as pages arrive.

    The layer (styled, time-aware, on top of the EO Explorer group) is made with the first
    page that has features, and ``on_layer(layer)`` is told; every later page goes into
    the same layer. Features are added in slices from a zero-interval timer, each slice
    within ``budget_ms`` (the chunk size follows the time a chunk took), so the GUI
    keeps answering while 100,000 footprints go in; ``on_added(features, rows)`` gets what
    was added (the features with their ids, and the pages' ``rows`` for them or None),
    for the results table, at most every :data:`ROWS_INTERVAL_S` and whenever the layer
    has caught up with the pages received. The canvas draws the first slice at once, then less
    and less often as the layer grows (see :data:`REPAINT_FEATURES_PER_S`), and once
    everything is in. :meth:`finish` says no more pages will come: its callback runs when
    the last queued feature is in the layer (at once if none is waiting).
    """

    def __init__(
        self,
        name: str,
        on_layer: Callable[[QgsVectorLayer], None],
        on_added: Callable[[list[QgsFeature], Optional[list[tuple]]], None],
        budget_ms: float = SLICE_BUDGET_MS,
        project: Optional[QgsProject] = None,
        parent: Optional[QObject] = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.layer: Optional[QgsVectorLayer] = None
        self.added = 0
        #: turns of the event loop that added features
        self.slices = 0
        self._on_layer = on_layer
        self._on_added = on_added
        self._budget = budget_ms / 1000.0
        self._project = project
        self._pages: deque[tuple[list[QgsFeature], Optional[list[tuple]]]] = deque()
        self._offset = 0
        self._chunk = 50
        self._drawn_at = 0.0
        self._told_at = 0.0
        self._rows_interval = ROWS_INTERVAL_S
        self._untold: list[QgsFeature] = []
        self._untold_rows: Optional[list[tuple]] = []
        self._on_drained: Optional[Callable[[], None]] = None
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.timeout.connect(self._draw)

    @property
    def waiting(self) -> int:
        """Features received and not yet in the layer."""
        return sum(len(features) for features, _rows in self._pages) - self._offset

    def put(self, features: list[QgsFeature], rows: Optional[list[tuple]] = None) -> None:
        """Queue one page's features (the layer is made with the first); ``rows``, their
        values for the table (see :func:`to_features`), go to ``on_added`` with them."""
        if self._stopped or not features:
            return
        if self.layer is None:
            layer = create_footprints_layer(self.name, [])
            add_to_project(layer, self._project)
            self.layer = layer
            self._on_layer(layer)
        self._pages.append(
            (features, rows if rows is not None and len(rows) == len(features) else None)
        )
        if not self._timer.isActive():
            self._timer.start()

    def finish(self, on_drained: Callable[[], None]) -> None:
        """No more pages: ``on_drained()`` once the layer holds every feature received."""
        self._on_drained = on_drained
        if not self._pages:
            self._drained()

    def stop(self) -> None:
        """Drop what is waiting (the layer was removed); :meth:`finish` still calls back."""
        self._stopped = True
        self._pages.clear()
        self._untold, self._untold_rows = [], []
        self._offset = 0
        self._timer.stop()
        self._draw_timer.stop()
        if self._on_drained is not None:
            self._drained()

    def _slice(self) -> None:
        self.slices += 1
        layer = self.layer
        started = time.perf_counter()
        deadline = started + self._budget
        added_all = self._untold
        rows_all = self._untold_rows
        try:
            provider = layer.dataProvider() if layer is not None else None
            while self._pages and provider is not None:
                page, rows = self._pages[0]
                end = self._offset + self._chunk
                chunk = page[self._offset : end]
                before = time.perf_counter()
                _ok, added = provider.addFeatures(chunk)
                spent = time.perf_counter() - before
                added_all.extend(added)
                if rows is None or rows_all is None:
                    rows_all = None
                else:
                    rows_all.extend(rows[self._offset : end])
                self.added += len(chunk)
                self._offset += len(chunk)
                if self._offset >= len(page):
                    self._pages.popleft()
                    self._offset = 0
                # a chunk should take a tenth to a quarter of the budget: while the search
                # task converts the next page the two threads share the GIL, and a chunk
                # can take twice as long as the last
                if spent < self._budget / 10:
                    self._chunk = min(1000, self._chunk * 2)
                elif spent > self._budget / 4:
                    self._chunk = max(10, self._chunk // 2)
                if time.perf_counter() + spent > deadline:
                    break
            self._untold_rows = rows_all
            now = time.perf_counter()
            if added_all and (not self._pages or now - self._told_at > self._rows_interval):
                self._told_at = now
                self._untold, self._untold_rows = [], []
                self._on_added(added_all, rows_all)
            if layer is not None and added_all:
                self._schedule_draw()
        except RuntimeError:  # the layer was deleted under us
            self.layer = None
            self.stop()
            return
        if not self._pages:
            self._timer.stop()
            if self._on_drained is not None:
                self._drained()

    def _schedule_draw(self) -> None:
        """Draw now if the last draw is older than the interval (or there was none), else
        once the interval is over: at most one draw per interval, and what went in last
        is drawn within it even when no page follows."""
        now = time.perf_counter()
        interval = max(REPAINT_INTERVAL_S, self.added / REPAINT_FEATURES_PER_S)
        due = self._drawn_at + interval
        if not self._drawn_at or now >= due:
            self._draw()
        elif not self._draw_timer.isActive():
            self._draw_timer.start(int((due - now) * 1000) + 1)

    def _draw(self) -> None:
        """The layer's extent brought up to date and the canvas asked to draw it. Not on
        every slice: the memory provider's extent is recomputed over every feature once
        invalidated (16-18 ms at 100,000 footprints), and a draw asked while one runs
        cancels it."""
        self._draw_timer.stop()
        layer = self.layer
        if layer is None:
            return
        self._drawn_at = time.perf_counter()
        try:
            layer.updateExtents()
            layer.triggerRepaint()
        except RuntimeError:  # the layer was deleted under us
            self.layer = None

    def _drained(self) -> None:
        if self.layer is not None and not self._stopped:
            self._draw()  # everything is in: the last draw shows all of it
        callback, self._on_drained = self._on_drained, None
        if callback is not None:
            callback()
