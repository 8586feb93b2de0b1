"""``--only memory``: 100,000 footprints, memory and the GUI stall while the layer is built.

The parent writes 100,000 CDSE-like Sentinel-2 items as stac-fastapi-pgstac answers a
search with the footprint ``fields`` (:func:`tests.servers.stac.pgstac_items.iter_items` with
``include``: ~2 kB each) and serves them with ``rustac serve`` (pgstac takes minutes to
load and serve that many). Each measurement runs in a fresh subprocess
(``python -m tests.bench.memory URL ITEMS PAGE [--tracemalloc]``). Its peak resident set
size is read from ``VmHWM`` in ``/proc/self/status``, reset (``/proc/self/clear_refs``)
after QGIS has started and a 10-item search has run, so that it is this search's alone
(``ru_maxrss`` would not do: Linux carries the parent's size at ``fork`` into it):

- the plugin as in section 1 (:class:`.plugin_run.PluginBench`: the search task in the task
  manager, ``create_footprints_layer`` on the GUI thread, the canvas drawn), with the
  10 ms heartbeat: the longest GUI stall while the layer was built and drawn;
- the same under ``tracemalloc``: the peak of Python's own allocations (QGIS's C++
  features and geometries are not in it); its timings are not used.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .data import BenchError

REPO = Path(__file__).resolve().parent.parent.parent
PAGE_SIZE = 1000  # the largest page the plugin asks for (MAX_PAGE_SIZE)


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


def child(url: str, items: int, page_size: int, traced: bool) -> dict:
    """One search in this (fresh) process; the figures as a dict."""
    from eo_explorer.plugin.api.footprints import FOOTPRINT_FIELDS
    from tests.servers.stac.pgstac_items import COLLECTION_ID

    from .plugin_run import PluginBench, resident_bytes
    from .run import check_ids, start_qgis

    app = start_qgis()  # noqa: F841 - kept alive for the whole run
    bench = PluginBench(url, [COLLECTION_ID], page_size, items, list(FOOTPRINT_FIELDS))
    # a tiny search first: imports, styles and the first render are not the search's
    warm = PluginBench(url, [COLLECTION_ID], 10, 10, list(FOOTPRINT_FIELDS)).run()
    check_ids("the plugin (warm-up)", warm.ids, 10)
    gc.collect()
    out: dict = {"peak_reset": _reset_peak(), "baseline_rss": resident_bytes()}
    if traced:
        import tracemalloc

        tracemalloc.start()
    run = bench.run()
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
    )
    return out


def _run_child(url: str, items: int, page_size: int, traced: bool) -> dict:
    cmd = [sys.executable, "-m", "tests.bench.memory", url, str(items), str(page_size)]
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
    res.seconds = time.perf_counter() - started
    return res


def report(res: MemoryResult, out) -> None:
    """Section 8 of the report (``out`` is a :class:`.report.Report`)."""
    from .tables import GUI_STALL_TARGET

    n = res.items
    out.title(f"8. {n:,} items: memory and the GUI while the layer is built")
    out.note(
        f"items as pgstac answers with the footprint fields ({res.item_bytes / 1000:.1f} kB "
        f"each before rustac adds its links; rustac serve), pages of {res.page_size:,}; "
        "search task -> create_footprints_layer -> canvas drawn, one run in a fresh subprocess"
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
    out.row("first request -> layer on the canvas", [res.total], "s")
    out.row("  search task (worker)", [res.task], "s")
    out.row("  create_footprints_layer (GUI thread)", [res.layer], "ms")
    out.row("  canvas render", [res.render], "ms")
    out.row(
        "longest GUI stall while the layer was built and drawn",
        [res.max_gap_layer],
        "ms",
        GUI_STALL_TARGET,
        f"8. longest GUI stall, {n:,} items",
    )
    out.row("longest GUI stall while the task ran", [res.max_gap_search], "ms")
    out.note(f"(section took {res.seconds:.0f} s)")


if __name__ == "__main__":  # the subprocess
    import tests.conftest  # noqa: F401 - makes the repository importable as eo_explorer

    arguments = sys.argv[1:]
    traced_run = "--tracemalloc" in arguments
    arguments = [a for a in arguments if a != "--tracemalloc"]
    figures = child(arguments[0], int(arguments[1]), int(arguments[2]), traced_run)
    print(json.dumps(figures))
