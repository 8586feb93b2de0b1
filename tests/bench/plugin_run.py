"""The plugin end to end: the search task in the task manager, the layer on a map canvas.

The clock starts when the task is handed to ``QgsApplication.taskManager()`` (the task's
first request, the landing page, follows at once) and stops when the canvas has drawn
the new layer (``mapCanvasRefreshed``). A 10 ms QTimer on the GUI thread records the
longest gap between its ticks: the longest the GUI could not answer.

:meth:`PluginBench.run` builds the layer when the search is over (``create_footprints_layer``,
as the dock did before it drew pages as they arrived); :meth:`PluginBench.run_progressive`
is the Search dock's own path: the task hands each page's features over
(``search_task(..., page_by_page=True)``), :class:`~plugin.map.footprints.FootprintsFeed`
makes the layer at the first page and adds every page in time-boxed slices, and the
results table (:class:`~plugin.gui.search.results.ResultsTableController` on a real
``QTableView``) grows with it. It also times the first footprints drawn on the canvas.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .data import BenchError

RENDER_TIMEOUT_S = 300.0


@dataclass
class PluginRun:
    total: float = 0.0  # addTask -> canvas drawn
    task: float = 0.0  # addTask -> completed (worker: fetch, convert, QgsFeatures)
    layer: float = 0.0  # create_footprints_layer on the GUI thread
    add: float = 0.0  # project + canvas.setLayers + refresh() call
    render: float = 0.0  # refresh() -> mapCanvasRefreshed
    max_gap: float = 0.0  # longest interval between heartbeat ticks, whole run
    max_gap_search: float = 0.0  # ... while the task ran
    max_gap_layer: float = 0.0  # ... from `completed` to the canvas drawn
    gc_full: int = 0  # full (generation 2) garbage collections during the run
    gc_full_max: float = 0.0  # the longest of them (it holds the GIL throughout)
    pages: int = 0
    rss_drawn: int = 0  # resident set size (bytes) when the canvas had drawn the layer
    first_page: float = 0.0  # addTask -> the first page's features on the GUI thread
    first_drawn: float = 0.0  # addTask -> the canvas drew a layer with footprints in it
    drained: float = 0.0  # addTask -> every feature in the layer (progressive)
    slices: int = 0  # slices the feed took (progressive)
    draws: int = 0  # canvas render jobs started while the layer filled (progressive)
    item_json_chars: float = 0.0  # mean length of item_json in the layer
    ids: list[str] = field(default_factory=list, repr=False)


def resident_bytes() -> int:
    """This process's resident set size now (Linux ``/proc``; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class GcWatch:
    """Durations of full garbage collections, from ``gc.callbacks``."""

    def __init__(self) -> None:
        self.full: list[float] = []
        self._start = 0.0

    def _callback(self, phase: str, info: dict) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.full.append(time.perf_counter() - self._start)

    def __enter__(self) -> GcWatch:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)


class Heartbeat:
    """A 10 ms timer on the GUI thread; gaps between ticks are GUI stalls."""

    def __init__(self, interval_ms: int = 10) -> None:
        from qgis.PyQt.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.ticks.append(time.perf_counter())

    def max_gap(self, since: float = float("-inf"), until: float = float("inf")) -> float:
        """Longest gap whose end lies in (since, until]."""
        ticks = self.ticks
        gaps = [b - a for a, b in zip(ticks, ticks[1:]) if since < b <= until]
        return max(gaps, default=0.0)


class PluginBench:
    """One QgsApplication, project and canvas for all runs."""

    def __init__(
        self,
        url: str,
        collections: list[str],
        page_size: int,
        max_items: int,
        include_fields: list[str] | None = None,
    ) -> None:
        from qgis.core import QgsCoordinateReferenceSystem, QgsProject
        from qgis.gui import QgsMapCanvas

        self.url = url
        self.collections = collections
        self.page_size = page_size
        self.max_items = max_items
        self.include_fields = include_fields
        self.project = QgsProject.instance()
        self.canvas = QgsMapCanvas()
        self.canvas.resize(1000, 700)
        self.canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        self.canvas.show()
        self.heartbeat = Heartbeat()

    def _run_task(self, task, loop, errors: list) -> tuple:
        """Run ``task`` until ``loop`` quits (or :data:`RENDER_TIMEOUT_S` passes, recorded
        in ``errors``), with the GUI heartbeat on and the garbage collector watched;
        returns (the GC watch, start, end)."""
        from qgis.core import QgsApplication
        from qgis.PyQt.QtCore import QTimer

        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(lambda: (errors.append("timed out"), loop.quit()))
        guard.start(int(RENDER_TIMEOUT_S * 1000))
        with GcWatch() as watch:
            self.heartbeat.start()
            start = time.perf_counter()
            QgsApplication.taskManager().addTask(task)
            loop.exec_()
            end = time.perf_counter()
            self.heartbeat.stop()
        guard.stop()
        return watch, start, end

    def run(self, task_factory: Callable | None = None) -> PluginRun:
        """One search; ``task_factory(catalog, request)`` swaps in a prototype task."""
        from qgis.PyQt.QtCore import QEventLoop

        from eo_explorer.plugin.api.catalogs import Catalog
        from eo_explorer.plugin.api.search import SearchRequest
        from eo_explorer.plugin.map import footprints as layers
        from eo_explorer.plugin.search.workflow import search_task

        catalog = Catalog(id="bench", title="Bench rustac", url=self.url)
        request = SearchRequest(
            collections=list(self.collections),
            page_size=self.page_size,
            max_items=self.max_items,
            include_fields=self.include_fields,
        )
        result = PluginRun()
        marks: dict[str, float] = {}
        errors: list[str] = []
        loop = QEventLoop()
        state: dict = {}

        def rendered() -> None:
            marks["rendered"] = time.perf_counter()
            result.rss_drawn = resident_bytes()
            loop.quit()

        def completed(outcome) -> None:
            marks["completed"] = time.perf_counter()
            if outcome.error is not None:
                errors.append(f"search failed: {outcome.error} {outcome.error.details or ''}")
                loop.quit()
                return
            if outcome.rejected:
                errors.append(f"{len(outcome.rejected)} items rejected, e.g. {outcome.rejected[0]}")
            result.pages = outcome.pages
            name = layers.layer_name(catalog.title, request.collections, None, None)
            layer = getattr(outcome, "layer", None)  # built in the worker by a prototype
            if layer is None:
                layer = layers.create_footprints_layer(name, outcome.features)
            else:
                layer.setName(name)
            outcome.features = []
            marks["layer"] = time.perf_counter()
            layers.add_to_project(layer, self.project)
            state["layer"] = layer
            self.canvas.mapCanvasRefreshed.connect(rendered)
            self.canvas.setLayers([layer])
            self.canvas.setExtent(layer.extent())
            self.canvas.refresh()
            marks["refresh"] = time.perf_counter()

        task = (task_factory or search_task)(catalog, request)
        task.reported.connect(lambda *_: None)  # the dock listens to it too
        task.completed.connect(completed)
        watch, start, end = self._run_task(task, loop, errors)
        try:
            self.canvas.mapCanvasRefreshed.disconnect(rendered)
        except TypeError:
            pass
        if errors:
            raise BenchError("plugin run: " + "; ".join(errors))

        layer = state["layer"]
        index = layer.fields().indexOf("id")
        result.ids = [f.attribute(index) for f in layer.getFeatures()]
        result.total = end - start
        result.task = marks["completed"] - start
        result.layer = marks["layer"] - marks["completed"]
        result.add = marks["refresh"] - marks["layer"]
        result.render = marks["rendered"] - marks["refresh"]
        result.max_gap = self.heartbeat.max_gap()
        result.max_gap_search = self.heartbeat.max_gap(until=marks["completed"])
        result.max_gap_layer = self.heartbeat.max_gap(since=marks["completed"])
        result.gc_full = len(watch.full)
        result.gc_full_max = max(watch.full, default=0.0)
        # leave a clean canvas and project for the next run
        self.canvas.setLayers([])
        self.project.removeMapLayer(layer.id())
        return result

    def run_progressive(self) -> PluginRun:
        """One search the way the Search dock runs it (see the module)."""
        from qgis.core import QgsRectangle
        from qgis.PyQt.QtCore import QEventLoop
        from qgis.PyQt.QtWidgets import QTableView

        from eo_explorer.plugin.api.catalogs import Catalog
        from eo_explorer.plugin.api.search import SearchRequest
        from eo_explorer.plugin.gui.search.results import ResultsTableController
        from eo_explorer.plugin.map import footprints as layers
        from eo_explorer.plugin.search.workflow import search_task

        catalog = Catalog(id="bench", title="Bench rustac", url=self.url)
        request = SearchRequest(
            collections=list(self.collections),
            page_size=self.page_size,
            max_items=self.max_items,
            include_fields=self.include_fields,
        )
        result = PluginRun()
        marks: dict[str, float] = {}
        errors: list[str] = []
        loop = QEventLoop()
        view = QTableView()
        view.resize(420, 300)
        view.show()
        table = ResultsTableController(view, lambda _fid: None, lambda _fid: None)
        name = layers.layer_name(catalog.title, request.collections, None, None)
        state: dict = {"final": False}

        def made(layer) -> None:
            table.set_layer(layer)
            self.canvas.setLayers([layer])
            self.canvas.setExtent(QgsRectangle(-30, 25, 45, 72))  # where the items are

        feed = layers.FootprintsFeed(name, made, table.append, project=self.project)

        def reported(snapshot) -> None:
            if snapshot.features:
                marks.setdefault("first_page", time.perf_counter())
                feed.put(snapshot.features, snapshot.rows)

        def starting() -> None:
            state["drawing"] = feed.added  # what this render job will draw
            state["draws"] = state.get("draws", 0) + 1

        def rendered() -> None:
            now = time.perf_counter()
            if state.get("drawing") and "first_drawn" not in marks:
                marks["first_drawn"] = now
            if state["final"]:
                marks["rendered"] = now
                result.rss_drawn = resident_bytes()
                loop.quit()

        def drained() -> None:
            marks["drained"] = time.perf_counter()
            state["final"] = True
            self.canvas.refresh()
            marks["refresh"] = time.perf_counter()

        def completed(outcome) -> None:
            marks["completed"] = time.perf_counter()
            if outcome.error is not None:
                errors.append(f"search failed: {outcome.error} {outcome.error.details or ''}")
                loop.quit()
                return
            if outcome.rejected:
                errors.append(f"{len(outcome.rejected)} items rejected, e.g. {outcome.rejected[0]}")
            result.pages = outcome.pages
            feed.finish(drained)

        self.canvas.renderStarting.connect(starting)
        self.canvas.mapCanvasRefreshed.connect(rendered)
        task = search_task(catalog, request, page_by_page=True)
        task.reported.connect(reported)
        task.completed.connect(completed)
        watch, start, end = self._run_task(task, loop, errors)
        self.canvas.mapCanvasRefreshed.disconnect(rendered)
        self.canvas.renderStarting.disconnect(starting)
        if errors:
            raise BenchError("plugin run (progressive): " + "; ".join(errors))

        layer = feed.layer
        index = layer.fields().indexOf("id")
        json_index = layer.fields().indexOf("item_json")
        lengths = [len(f.attribute(json_index) or "") for f in layer.getFeatures()]
        result.item_json_chars = sum(lengths) / max(1, len(lengths))
        result.ids = [f.attribute(index) for f in layer.getFeatures()]
        result.total = end - start
        result.task = marks["completed"] - start
        result.first_page = marks["first_page"] - start
        result.first_drawn = marks.get("first_drawn", end) - start
        result.drained = marks["drained"] - start
        result.layer = marks["drained"] - marks["completed"]  # filling left after the task
        result.render = marks["rendered"] - marks["refresh"]
        result.slices = feed.slices
        result.draws = state.get("draws", 0)
        result.max_gap = self.heartbeat.max_gap()
        result.max_gap_search = self.heartbeat.max_gap(until=marks["completed"])
        result.max_gap_layer = self.heartbeat.max_gap(since=marks["completed"])
        result.gc_full = len(watch.full)
        result.gc_full_max = max(watch.full, default=0.0)
        table.set_layer(None)
        view.close()
        self.canvas.setLayers([])
        self.project.removeMapLayer(layer.id())
        return result
