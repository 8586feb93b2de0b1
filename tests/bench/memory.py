"""``--only memory``: 100,000 footprints, memory and the GUI stall while the layer fills;
the time to the first footprints on the canvas behind a per-page latency.

The parent writes 100,000 CDSE-like Sentinel-2 items as stac-fastapi-pgstac answers a
search with the footprint ``fields`` (:func:`tests.servers.stac.pgstac_items.iter_items` with
``include``: ~2 kB each) and serves them with ``rustac serve`` (pgstac takes minutes to
load and serve that many). Each measurement runs in a fresh subprocess
(``python -m tests.bench.memory URL ITEMS PAGE [--tracemalloc]``). Its peak resident set
size is read from ``VmHWM`` in ``/proc/self/status``, reset (``/proc/self/clear_refs``)
after QGIS has started and a 10-item search has run, so that it is this search's alone
(``ru_maxrss`` would not do: Linux carries the parent's size at ``fork`` into it):

- the plugin as the Search dock runs it (:meth:`.plugin_run.PluginBench.run_progressive`:
  the search task hands each page over, the layer fills in time-boxed slices on the GUI
  thread while the next pages download, the results table grows, the canvas draws), with
  the 10 ms heartbeat: the longest GUI stall of the whole search;
- the same under ``tracemalloc``: the peak of Python's own allocations (QGIS's C++
  features and geometries are not in it); its timings are not used.

Then the first footprints: a :class:`.relay.Relay` in front of the server holds each
search page back 0.5-1.5 s (a remote catalog), and a search of :data:`LATENCY_ITEMS` items
in pages of the dock's default size runs once page by page (time to the first footprints
drawn on the canvas, against the first page's own latency as the relay saw it) and once
as the dock did before, the layer built when the whole search was over.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .data import BenchError

REPO = Path(__file__).resolve().parent.parent.parent
PAGE_SIZE = 1000  # the largest page the plugin asks for (MAX_PAGE_SIZE)
LATENCY = (0.5, 1.5)  # seconds added to each search page by the relay
LATENCY_ITEMS = 2000
LATENCY_PAGE_SIZE = 100  # the dock's default page size
FIRST_FOOTPRINT_TARGET = 1.2  # x the first page's own latency
STALL_TARGET = 0.050  # s: the longest the GUI may not answer while a search fills the map


@dataclass
class LatencyRun:
    """One search behind the relay, with what the relay saw."""

    progressive: bool
    first_drawn: float = 0.0  # addTask -> first footprints drawn (progressive)
    total: float = 0.0  # addTask -> the whole layer drawn
    first_page_latency: float = 0.0  # the first search request in -> its answer out
    first_page_delay: float = 0.0  # of which the relay's hold
    pages: int = 0
    max_gap: float = 0.0


@dataclass
class MemoryResult:
    items: int
    page_size: int
    item_bytes: float = 0.0  # mean served item size (JSON as written for rustac)
    baseline_rss: int = 0  # resident after QgsApplication, canvas, a tiny search; before
    peak_reset: bool = False  # VmHWM was reset then (else it holds the start-up's peak)
    peak_rss: int = 0  # VmHWM after the run
    drawn_rss: int = 0  # resident when the canvas had drawn the layer
    total: float = 0.0
    task: float = 0.0
    layer: float = 0.0
    render: float = 0.0
    max_gap: float = 0.0
    max_gap_search: float = 0.0
    max_gap_layer: float = 0.0
    tracemalloc_peak: int = 0  # Python allocations, from the --tracemalloc run
    tracemalloc_after: int = 0  # still allocated after the run (layer removed)
    first_drawn: float = 0.0
    drained: float = 0.0
    slices: int = 0
    draws: int = 0
    item_json_chars: float = 0.0
    latency: list[LatencyRun] = field(default_factory=list)
    seconds: float = 0.0


def _peak_rss() -> int:
    """``VmHWM``: this process's peak resident set size since exec or the last reset."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _reset_peak() -> bool:
    """Start ``VmHWM`` again from the current size (Linux 4.0+)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
        return True
    except OSError:
        return False


def latency_child(url: str, items: int, page_size: int, progressive: bool) -> dict:
    """One search behind the relay in this (fresh) process, after a 10-item warm-up."""
    from eo_explorer.plugin.api.footprints import FOOTPRINT_FIELDS
    from tests.servers.stac.pgstac_items import COLLECTION_ID

    from .plugin_run import PluginBench
    from .run import check_ids, start_qgis

    app = start_qgis()  # noqa: F841 - kept alive for the whole run
    fields = list(FOOTPRINT_FIELDS)
    warm = PluginBench(url, [COLLECTION_ID], 10, 10, fields)
    check_ids(
        "the plugin (warm-up)", (warm.run_progressive() if progressive else warm.run()).ids, 10
    )
    warmed = time.perf_counter()  # CLOCK_MONOTONIC: the parent's relay reads the same clock
    bench = PluginBench(url, [COLLECTION_ID], page_size, items, fields)
    run = bench.run_progressive() if progressive else bench.run()
    check_ids("the plugin (latency)", run.ids, items)
    return {
        "first_drawn": run.first_drawn if progressive else run.total,
        "total": run.total,
        "pages": run.pages,
        "max_gap": run.max_gap,
        "warm": warmed,
    }


def child(url: str, items: int, page_size: int, traced: bool) -> dict:
    """One search in this (fresh) process; the figures as a dict."""
    from eo_explorer.plugin.api.footprints import FOOTPRINT_FIELDS
    from tests.servers.stac.pgstac_items import COLLECTION_ID

    from .plugin_run import PluginBench, resident_bytes
    from .run import check_ids, start_qgis

    app = start_qgis()  # noqa: F841 - kept alive for the whole run
    bench = PluginBench(url, [COLLECTION_ID], page_size, items, list(FOOTPRINT_FIELDS))
    # a tiny search first: imports, styles and the first render are not the search's
    warm = PluginBench(url, [COLLECTION_ID], 10, 10, list(FOOTPRINT_FIELDS)).run_progressive()
    check_ids("the plugin (warm-up)", warm.ids, 10)
    gc.collect()
    out: dict = {"peak_reset": _reset_peak(), "baseline_rss": resident_bytes()}
    if traced:
        import tracemalloc

        tracemalloc.start()
    run = bench.run_progressive()
    check_ids("the plugin", run.ids, items)
    run.ids = []
    if traced:
        import tracemalloc

        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out.update(tracemalloc_peak=peak, tracemalloc_after=current)
        return out
    out.update(
        peak_rss=_peak_rss(),
        drawn_rss=run.rss_drawn,
        total=run.total,
        task=run.task,
        layer=run.layer,
        render=run.render,
        max_gap=run.max_gap,
        max_gap_search=run.max_gap_search,
        max_gap_layer=run.max_gap_layer,
        first_drawn=run.first_drawn,
        drained=run.drained,
        slices=run.slices,
        draws=run.draws,
        item_json_chars=run.item_json_chars,
    )
    return out


def _run_child(url: str, items: int, page_size: int, traced: bool, *extra: str) -> dict:
    cmd = [sys.executable, "-m", "tests.bench.memory", url, str(items), str(page_size), *extra]
    if traced:
        cmd.append("--tracemalloc")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise BenchError(f"memory subprocess failed ({done.returncode}): {done.stderr[-2000:]}")
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError) as exc:
        raise BenchError(f"memory subprocess said: {done.stdout[-500:]!r}") from exc


def measure(items: int, progress) -> MemoryResult:
    from eo_explorer.plugin.api.footprints import FOOTPRINT_FIELDS
    from tests.servers.sandbox.items import dumps
    from tests.servers.stac.pgstac_items import collection, iter_items
    from tests.servers.stac.rustac_server import RustacServer

    started = time.perf_counter()
    res = MemoryResult(items=items, page_size=PAGE_SIZE)
    progress(f"memory: writing {items:,} footprint-sized CDSE-like items")
    with tempfile.TemporaryDirectory(prefix="eo-explorer-bench-memory-") as folder:
        root = Path(folder)
        (root / "collection.json").write_text(dumps(collection()), encoding="utf-8")
        features = list(iter_items(items, include=FOOTPRINT_FIELDS))
        res.item_bytes = sum(len(dumps(f)) for f in features[:1000]) / min(1000, items)
        text = dumps({"type": "FeatureCollection", "features": features})
        del features
        (root / "items.json").write_text(text, encoding="utf-8")
        del text
        files = [root / "collection.json", root / "items.json"]
        progress("memory: starting rustac serve")
        with RustacServer(files, startup_timeout=300) as server:
            progress(f"memory: plugin search of {items:,} items in a subprocess")
            res.__dict__.update(_run_child(server.url, items, PAGE_SIZE, traced=False))
            progress("memory: the same under tracemalloc")
            traced = _run_child(server.url, items, PAGE_SIZE, traced=True)
            res.tracemalloc_peak = traced["tracemalloc_peak"]
            res.tracemalloc_after = traced["tracemalloc_after"]
        res.latency = _latency_runs(files, min(items, LATENCY_ITEMS), progress)
    res.seconds = time.perf_counter() - started
    return res


def _latency_runs(files: list[Path], items: int, progress) -> list[LatencyRun]:
    """Page by page, then the layer at the end, behind the same relay (the same seeded
    delays). rustac writes its own address into every link: it is told the relay's
    (``--addr``) and listens behind it (``--bind``), so each page goes through the relay."""
    import random
    import urllib.request

    from tests.servers.stac.rustac_server import find_rustac, free_port

    from .relay import Relay

    runs = []
    target = free_port("127.0.0.1")
    delays = {"random": random.Random(7)}
    relay = Relay(f"http://127.0.0.1:{target}/", delay=lambda: delays["random"].uniform(*LATENCY))
    relay.start()
    address = relay.url.rstrip("/")
    rustac = subprocess.Popen(
        [find_rustac(), "serve", *map(str, files), "-a", address, "-b", f"127.0.0.1:{target}"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                with urllib.request.urlopen(relay.url, timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or rustac.poll() is not None:
                    raise BenchError("rustac behind the relay did not start") from None
                time.sleep(0.5)
        for progressive in (True, False):
            delays["random"] = random.Random(7)
            relay.take()
            how = "page by page" if progressive else "layer at the end"
            progress(f"memory: {items:,} items behind a 0.5-1.5 s page latency, {how}")
            extra = ("--latency", "progressive" if progressive else "batch")
            figures = _run_child(relay.url, items, LATENCY_PAGE_SIZE, False, *extra)
            searches = sorted(
                (e for e in relay.take() if e.is_search and e.arrived > figures["warm"]),
                key=lambda e: e.arrived,
            )
            if not searches:
                raise BenchError("the relay saw no search request")
            runs.append(
                LatencyRun(
                    progressive,
                    first_drawn=figures["first_drawn"],
                    total=figures["total"],
                    first_page_latency=searches[0].latency,
                    first_page_delay=searches[0].delay,
                    pages=figures["pages"],
                    max_gap=figures["max_gap"],
                )
            )
    finally:
        rustac.terminate()
        rustac.wait(30)
        relay.stop()
    return runs


def report(res: MemoryResult, out) -> None:
    """Section 8 of the report (``out`` is a :class:`.report.Report`)."""
    from .report import Target

    stall_target = Target(STALL_TARGET, "ms", inclusive=False)

    n = res.items
    out.title(f"8. {n:,} items: memory and the GUI while the layer fills page by page")
    out.note(
        f"items as pgstac answers with the footprint fields ({res.item_bytes / 1000:.1f} kB "
        f"each before rustac adds its links; rustac serve), pages of {res.page_size:,}; "
        "the dock's path: each page handed over -> FootprintsFeed slices -> table rows -> canvas "
        "drawn; one run in a fresh subprocess"
    )
    out.header()
    grown = res.peak_rss - res.baseline_rss
    out.row("resident set size before the search", [res.baseline_rss], "MB")
    if not res.peak_reset:
        out.note("(the peak could not be reset: it may be start-up's, an upper bound)")
    out.row("peak resident set size during the search (VmHWM)", [res.peak_rss], "MB")
    out.row("  peak growth", [grown], "MB")
    out.row("  peak growth per item", [grown / n], "B")
    out.row(
        "resident when the layer was drawn, growth per item",
        [(res.drawn_rss - res.baseline_rss) / n],
        "B",
    )
    out.row("Python allocations at the peak (tracemalloc)", [res.tracemalloc_peak], "MB")
    out.row("  per item", [res.tracemalloc_peak / n], "B")
    out.row("item_json per item (characters; UTF-16 in the layer)", [res.item_json_chars], "n")
    out.row("first request -> first footprints drawn", [res.first_drawn], "s")
    out.row("first request -> search task done (worker)", [res.task], "s")
    out.row("first request -> every footprint in the layer", [res.drained], "s")
    out.row("first request -> whole layer on the canvas", [res.total], "s")
    out.row("  slices that added features (GUI thread)", [res.slices], "n")
    out.row("  canvas draws started while the layer filled", [res.draws], "n")
    out.row("  last canvas render", [res.render], "ms")
    out.row(
        "longest GUI stall, whole search (pages added as they arrive, drawn)",
        [res.max_gap],
        "ms",
        stall_target,
        f"8. longest GUI stall, {n:,} items",
    )
    out.row("  of which after the task ended", [res.max_gap_layer], "ms")
    if res.latency:
        _latency_report(res.latency, out)
    out.note(f"(section took {res.seconds:.0f} s)")


def _latency_report(runs: list[LatencyRun], out) -> None:
    from .report import Target

    progressive = next(r for r in runs if r.progressive)
    batch = next(r for r in runs if not r.progressive)
    out.title(
        f"8b. The first footprints, {LATENCY[0]}-{LATENCY[1]} s added to each search page "
        f"({progressive.pages} pages of {LATENCY_PAGE_SIZE})"
    )
    out.header()
    out.row("page by page: first request -> first footprints drawn", [progressive.first_drawn], "s")
    out.row(
        "  the first page's own latency (request in -> answered)",
        [progressive.first_page_latency],
        "s",
    )
    out.row("    of which added delay", [progressive.first_page_delay], "s")
    out.row(
        "  ratio first footprints / first page's latency",
        [progressive.first_drawn / max(1e-9, progressive.first_page_latency)],
        "x",
        Target(FIRST_FOOTPRINT_TARGET, "x"),
        "8b. first footprints drawn / first page's latency",
    )
    out.row("  whole search drawn", [progressive.total], "s")
    out.row("  longest GUI stall", [progressive.max_gap], "ms")
    out.row("layer built at the end (as before): first footprints drawn", [batch.first_drawn], "s")
    out.row(
        "ratio first footprints, page by page / at the end",
        [progressive.first_drawn / max(1e-9, batch.first_drawn)],
        "x",
    )


if __name__ == "__main__":  # the subprocess
    import tests.conftest  # noqa: F401 - makes the repository importable as eo_explorer

    arguments = sys.argv[1:]
    traced_run = "--tracemalloc" in arguments
    arguments = [a for a in arguments if a != "--tracemalloc"]
    if "--latency" in arguments:
        how = arguments[arguments.index("--latency") + 1]
        figures = latency_child(
            arguments[0], int(arguments[1]), int(arguments[2]), how == "progressive"
        )
    else:
        figures = child(arguments[0], int(arguments[1]), int(arguments[2]), traced_run)
    print(json.dumps(figures))
