"""The printed table: what was measured (:class:`Results`) laid out in sections."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .prototypes import NAME as PROTOTYPE_NAME
from .report import Report, Target, median, ratios

GUI_STALL_TARGET = Target(0.100, "ms", inclusive=False)
PEER_TARGET = Target(1.0, "x")
JSON_TARGET = Target(2.5, "x")


@dataclass
class Results:
    items: int
    page_size: int
    runs: int
    generated: int = 0  # items generated (may exceed ``items`` when a split rounds up)
    generated_seconds: float = 0.0
    mean_size: float = 0.0  # bytes per generated item
    page_count: int = 0
    served_bytes: int = 0
    versions: str = ""
    load_before: str = "?"
    load_after: str = "?"
    seconds: float = 0.0  # the whole benchmark
    cold: Any = None  # PluginRun, warm-up
    cold_peer: float = 0.0
    plugin: list = field(default_factory=list)  # PluginRun
    peer: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    chain: list = field(default_factory=list)  # PipelineRun
    prototype: list = field(default_factory=list)  # PluginRun, with --prototypes


def write(res: Results) -> Report:
    report = Report()
    n = res.items
    report.note("EO Explorer search benchmark")
    report.note("=" * 28)
    report.note(
        f"{n} items ({res.generated} generated in {res.generated_seconds:.1f} s, mean "
        f"{res.mean_size / 1000:.1f} kB as generated), {res.page_count} pages of "
        f"{res.page_size}, {res.served_bytes / 1e6:.1f} MB served "
        f"({res.served_bytes / n / 1000:.1f} kB/item with rustac's links)"
    )
    report.note(
        f"{res.versions}; {os.cpu_count()} CPUs, load average {res.load_before} before, "
        f"{res.load_after} after"
    )
    report.note(
        f"median of {res.runs} interleaved runs after one warm-up run; "
        "timings are informational, not asserted"
    )
    _plugin(report, res)
    _peer(report, res)
    _chain(report, res)
    if res.prototype:
        _prototype(report, res)
    report.title("Verdicts")
    for label, ok in report.verdicts:
        report.note(f"  {'meets target ' if ok else 'misses target'}  {label}")
    report.note(f"\nbenchmark took {res.seconds:.0f} s")
    return report


def _plugin(report: Report, res: Results) -> None:
    plugin = res.plugin
    report.title("1. Plugin: the search task via the task manager -> layer drawn on a QgsMapCanvas")
    report.header()
    report.row("first request -> layer on the canvas", [r.total for r in plugin], "s")
    report.row(
        "  search task (worker: fetch, parse, convert, QgsFeatures)", [r.task for r in plugin], "s"
    )
    report.row("  create_footprints_layer (GUI thread)", [r.layer for r in plugin], "ms")
    report.row("  add to project + canvas.setLayers/refresh", [r.add for r in plugin], "ms")
    report.row("  canvas render (refresh -> mapCanvasRefreshed)", [r.render for r in plugin], "ms")
    report.row(
        "longest GUI stall (10 ms QTimer heartbeat)",
        [r.max_gap for r in plugin],
        "ms",
        GUI_STALL_TARGET,
        "1. longest GUI stall during the search",
    )
    report.row("  while the task ran", [r.max_gap_search for r in plugin], "ms")
    report.row("  while the layer was built and drawn", [r.max_gap_layer for r in plugin], "ms")
    report.row("full garbage collections during the run", [r.gc_full for r in plugin], "n")
    report.row("  the longest of them (holds the GIL)", [r.gc_full_max for r in plugin], "ms")
    report.note(
        f"(warm-up run, not counted: {res.cold.total:.2f} s, longest stall "
        f"{res.cold.max_gap * 1000:.0f} ms)"
    )


def _peer(report: Report, res: Results) -> None:
    plugin, peer = res.plugin, res.peer
    report.title("2. Peer: pystac-client on the same search (Client.open + items_as_dicts)")
    report.header()
    report.row(f"pystac-client: first request -> {res.items:,} item dicts", peer, "s")
    report.row(
        "ratio plugin / pystac-client",
        ratios([r.total for r in plugin], peer),
        "x",
        PEER_TARGET,
        "2. plugin / pystac-client",
    )
    report.row(
        "ratio plugin search task only / pystac-client", ratios([r.task for r in plugin], peer), "x"
    )
    report.row("plain requests.post + json.loads per page (the floor)", res.floor, "s")
    report.note(f"(warm-up pystac-client run, not counted: {res.cold_peer:.2f} s)")


def _chain(report: Report, res: Results) -> None:
    chain = res.chain
    report.title(
        f"3. Parsing + layer building in-process, over the same {res.page_count} page bodies"
    )
    report.note("chain, per page as in the plugin: paused_gc(loads_page), then")
    report.note("paused_gc(convert_items(items, None, texts) + to_features); one addFeatures")
    report.header()
    reference = [r.json_loads for r in chain]
    chains = [r.chain for r in chain]
    report.row("json.loads of every page (the reference, GC as it is)", reference, "ms")
    report.row("chain: loads_page + convert_items + to_features + addFeatures", chains, "ms")
    for label, attr in (
        ("loads_page", "loads"),
        ("convert_items", "convert"),
        ("to_features", "features"),
        ("addFeatures", "add_features"),
    ):
        values = [getattr(r, attr) for r in chain]
        share = 100 * median(values) / median(chains) if median(chains) else 0.0
        report.row(f"  {label} ({share:.0f} % of the chain)", values, "ms")
    report.row(
        "ratio chain / json.loads",
        ratios(chains, reference),
        "x",
        JSON_TARGET,
        "3. parsing + layer building / json.loads",
    )
    report.row(
        "create_footprints_layer as a whole (incl. style)", [r.create_layer for r in chain], "ms"
    )
    unsliced = max((r.unsliced_pages for r in chain), default=0)
    if unsliced:
        report.note(f"(loads_page fell back to json.loads on {unsliced} pages)")


def _prototype(report: Report, res: Results) -> None:
    proto, peer = res.prototype, res.peer
    report.title(f"4. Prototype, not in the plugin (--prototypes): {PROTOTYPE_NAME}")
    report.note(
        "the search task as in the plugin, then create_footprints_layer in the worker; the GUI "
        "thread only adds the layer and draws it"
    )
    report.header()
    report.row("first request -> layer on the canvas", [r.total for r in proto], "s")
    report.row("  search task (worker, layer included)", [r.task for r in proto], "s")
    report.row(
        "ratio prototype / pystac-client",
        ratios([r.total for r in proto], peer),
        "x",
        PEER_TARGET,
        "4. prototype: plugin / pystac-client",
    )
    report.row(
        "longest GUI stall",
        [r.max_gap for r in proto],
        "ms",
        GUI_STALL_TARGET,
        "4. prototype: longest GUI stall",
    )
    report.row("  while the task ran", [r.max_gap_search for r in proto], "ms")
    report.row("  while the layer was added and drawn", [r.max_gap_layer for r in proto], "ms")
