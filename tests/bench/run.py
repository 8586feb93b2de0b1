"""Orchestration: data, server, interleaved runs, prototypes, the printed table."""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from .data import COLLECTIONS, BenchError, item_sizes, make_catalog, write_catalog
from .report import Report, Target, median, ratios

GUI_STALL_TARGET = Target(0.100, "ms", inclusive=False)
PEER_TARGET = Target(1.0, "x")
JSON_TARGET = Target(2.5, "x")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--items", type=int, default=10_000, help="items in the catalog (10000)")
    parser.add_argument("--page-size", type=int, default=250, help="items per page (250)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the median is shown (3)")
    parser.add_argument(
        "--no-prototypes",
        action="store_true",
        help="skip the speed-up prototypes (about half the running time)",
    )
    return parser


def progress(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def start_qgis():
    """QgsApplication without the 'Application state' dump start_app prints."""
    from qgis.testing import start_app

    with contextlib.redirect_stdout(io.StringIO()):
        return start_app()


def check_ids(who: str, ids: Sequence[str], expected: int) -> None:
    unique = len(set(ids))
    if len(ids) != expected or unique != expected:
        raise BenchError(
            f"{who} returned {len(ids)} items ({unique} unique ids), expected exactly {expected}"
        )


def _versions() -> str:
    import pystac_client
    from qgis.core import Qgis

    from tests.servers.rustac_server import find_rustac

    try:
        rustac = subprocess.run(
            [find_rustac(), "--version"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        rustac = "rustac ?"
    return (
        f"QGIS {Qgis.QGIS_VERSION}, Python {platform.python_version()}, "
        f"pystac-client {pystac_client.__version__}, {rustac}"
    )


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "?"


def measure(args: argparse.Namespace) -> Report:
    from tests.servers.rustac_server import RustacServer

    from .fetch import fetch_pages, pystac_client_search
    from .pipeline import run_chain
    from .plugin_run import PluginBench
    from .prototypes import (
        convert_items_lean,
        convert_items_sliced,
        page_items_keeping_text,
        prototype_task_class,
        to_features_cached,
    )

    n, size, runs = args.items, args.page_size, max(1, args.runs)
    started = time.perf_counter()
    load_before = _load()

    progress(f"generating {n} items")
    t0 = time.perf_counter()
    catalog = make_catalog(n)
    count, mean_size = item_sizes(catalog)
    generated = time.perf_counter() - t0
    app = start_qgis()  # noqa: F841 - kept alive for the whole run
    versions = _versions()

    with tempfile.TemporaryDirectory(prefix="eo-explorer-bench-") as folder:
        files = write_catalog(catalog, Path(folder))
        del catalog  # the generated dicts would slow every full garbage collection down
        gc.collect()
        progress(f"starting rustac serve ({len(files)} files)")
        with RustacServer(files, startup_timeout=120) as server:
            from eo_explorer.plugin.api.search import SearchRequest

            SearchRequest(collections=COLLECTIONS, page_size=size, max_items=n).validate()
            pages = fetch_pages(server.url, COLLECTIONS, size, n)
            raw_ids = [i["id"] for body in pages.bodies for i in json.loads(body)["features"]]
            check_ids("the raw pages (requests)", raw_ids, n)
            del raw_ids

            bench = PluginBench(server.url, COLLECTIONS, size, n)
            progress("warm-up run (not counted)")
            cold = bench.run()
            check_ids("the plugin (warm-up)", cold.ids, n)
            cold_peer, ids = pystac_client_search(server.url, COLLECTIONS, size, n)
            check_ids("pystac-client (warm-up)", ids, n)

            plugin, peer, chain, floor = [], [], [], []
            for i in range(runs):
                progress(f"run {i + 1}/{runs}: plugin")
                gc.collect()
                result = bench.run()
                check_ids("the plugin", result.ids, n)
                result.ids = []
                plugin.append(result)
                progress(f"run {i + 1}/{runs}: pystac-client")
                gc.collect()
                seconds, ids = pystac_client_search(server.url, COLLECTIONS, size, n)
                check_ids("pystac-client", ids, n)
                peer.append(seconds)
                progress(f"run {i + 1}/{runs}: requests + json.loads")
                gc.collect()
                floor.append(fetch_pages(server.url, COLLECTIONS, size, n).seconds)
                progress(f"run {i + 1}/{runs}: in-process chain")
                gc.collect()
                result = run_chain(pages.bodies)
                if result.count != n or len(result.ids) != n:
                    raise BenchError(
                        f"in-process chain built {result.count} features "
                        f"({len(result.ids)} unique ids), expected {n}"
                    )
                result.ids = set()
                chain.append(result)

            proto_plugin: dict[str, list] = {}
            proto_chain: dict[str, list] = {}
            if not args.no_prototypes:
                task_class = prototype_task_class()
                variants = {
                    "GC paused while the task runs": {"quiet_gc": True},
                    "next page prefetched in a thread": {"prefetch": True},
                    "item_json sliced from the page + cached datetimes": {
                        "sliced": True,
                        "cached_dates": True,
                    },
                    "layer built in the worker, moved to the GUI thread": {"layer_in_worker": True},
                    "all of the above": {
                        "quiet_gc": True,
                        "prefetch": True,
                        "sliced": True,
                        "cached_dates": True,
                        "layer_in_worker": True,
                    },
                }
                sliced = {"page_items": page_items_keeping_text, "convert": convert_items_sliced}
                chain_variants = {
                    "item_json sliced from the page text (no re-encoding)": sliced,
                    "lean item_json (re-encoded without geometry/bbox/links)": {
                        "convert": convert_items_lean
                    },
                    "cached datetimes in to_features": {"to_features": to_features_cached},
                    "GC paused": {"quiet_gc": True},
                    "sliced item_json + cached datetimes": {
                        **sliced,
                        "to_features": to_features_cached,
                    },
                    "sliced item_json + cached datetimes + GC paused": {
                        **sliced,
                        "to_features": to_features_cached,
                        "quiet_gc": True,
                    },
                }
                for i in range(runs):
                    for name, options in variants.items():
                        progress(f"prototype run {i + 1}/{runs}: plugin, {name}")

                        def factory(catalog, request, options=options):
                            return task_class(catalog, request, **options)

                        gc.collect()
                        result = bench.run(factory)
                        check_ids(f"the plugin ({name})", result.ids, n)
                        result.ids = []
                        proto_plugin.setdefault(name, []).append(result)
                    for name, options in chain_variants.items():
                        progress(f"prototype run {i + 1}/{runs}: chain, {name}")
                        gc.collect()
                        result = run_chain(pages.bodies, **options)
                        if result.count != n or len(result.ids) != n:
                            raise BenchError(f"chain ({name}) built {result.count} features")
                        result.ids = set()
                        proto_chain.setdefault(name, []).append(result)

    report = Report()
    report.note("EO Explorer search benchmark")
    report.note("=" * 28)
    report.note(
        f"{n} items ({count} generated in {generated:.1f} s, mean "
        f"{mean_size / 1000:.1f} kB as generated), {len(pages.bodies)} pages of {size}, "
        f"{pages.size / 1e6:.1f} MB served ({pages.size / n / 1000:.1f} kB/item with "
        "rustac's links)"
    )
    report.note(
        f"{versions}; {os.cpu_count()} CPUs, load average {load_before} before, {_load()} after"
    )
    report.note(
        f"median of {runs} interleaved runs after one warm-up run; "
        "timings are informational, not asserted"
    )

    report.title("1. Plugin: SearchTask via the task manager -> layer drawn on a QgsMapCanvas")
    report.header()
    total = [r.total for r in plugin]
    report.row("first request -> layer on the canvas", total, "s")
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
        f"(warm-up run, not counted: {cold.total:.2f} s, longest stall "
        f"{cold.max_gap * 1000:.0f} ms)"
    )

    report.title("2. Peer: pystac-client on the same search (Client.open + items_as_dicts)")
    report.header()
    report.row(f"pystac-client: first request -> {n:,} item dicts", peer, "s")
    report.row(
        "ratio plugin / pystac-client",
        ratios(total, peer),
        "x",
        PEER_TARGET,
        "2. plugin / pystac-client",
    )
    report.row(
        "ratio plugin search task only / pystac-client", ratios([r.task for r in plugin], peer), "x"
    )
    report.row("plain requests.post + json.loads per page (the floor)", floor, "s")
    report.note(f"(warm-up pystac-client run, not counted: {cold_peer:.2f} s)")

    report.title(
        f"3. Parsing + layer building in-process, over the same {len(pages.bodies)} page bodies"
    )
    report.header()
    reference = [r.json_loads for r in chain]
    report.row("json.loads of every page (the reference)", reference, "ms")
    report.row(
        "chain: json.loads + convert_items + to_features + addFeatures",
        [r.chain for r in chain],
        "ms",
    )
    _breakdown(report, chain)
    report.row(
        "ratio chain / json.loads",
        ratios([r.chain for r in chain], reference),
        "x",
        JSON_TARGET,
        "3. parsing + layer building / json.loads",
    )
    report.row(
        "create_footprints_layer as a whole (incl. style)", [r.create_layer for r in chain], "ms"
    )

    if proto_plugin or proto_chain:
        report.title("4. Prototypes (bench-only copies; the plugin is unchanged)")
        report.header()
        peer_median = median(peer)
        report.note(
            f"plugin end to end (ratios against the median pystac-client run, {peer_median:.2f} s):"
        )
        for name, results in proto_plugin.items():
            report.note(f"  {name}")
            times = [r.total for r in results]
            report.row("    first request -> layer on the canvas", times, "s")
            report.row("      search task (worker)", [r.task for r in results], "s")
            report.row(
                "    ratio plugin / pystac-client",
                [t / peer_median for t in times],
                "x",
                PEER_TARGET,
                f"4. {name}: plugin / pystac-client",
            )
            report.row(
                "    longest GUI stall",
                [r.max_gap for r in results],
                "ms",
                GUI_STALL_TARGET,
                f"4. {name}: longest GUI stall",
            )
            report.row("      while the task ran", [r.max_gap_search for r in results], "ms")
            report.row(
                "      while the layer was built and drawn",
                [r.max_gap_layer for r in results],
                "ms",
            )
        report.note("in-process chain (json.loads + convert + to_features + addFeatures):")
        for name, results in proto_chain.items():
            report.note(f"  {name}")
            report.row("    chain", [r.chain for r in results], "ms")
            _breakdown(report, results, indent="    ")
            report.row(
                "    ratio chain / json.loads",
                ratios([r.chain for r in results], [r.json_loads for r in results]),
                "x",
                JSON_TARGET,
                f"4. {name}: chain / json.loads",
            )

    report.title("Verdicts")
    for label, ok in report.verdicts:
        report.note(f"  {'meets target ' if ok else 'misses target'}  {label}")
    report.note(f"\nbenchmark took {time.perf_counter() - started:.0f} s")
    return report


def _breakdown(report: Report, results, indent: str = "  ") -> None:
    chains = [r.chain for r in results]
    for label, attr in (
        ("json.loads", "loads"),
        ("convert_items", "convert"),
        ("to_features", "features"),
        ("addFeatures", "add_features"),
    ):
        values = [getattr(r, attr) for r in results]
        share = 100 * median(values) / median(chains) if median(chains) else 0.0
        report.row(f"{indent}{label} ({share:.0f} % of the chain)", values, "ms")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        report = measure(args)
    except BenchError as exc:
        print(f"\nbench failed: {exc}", file=sys.stderr)
        return 2
    except (OSError, RuntimeError) as exc:  # rustac missing or not starting, among others
        print(f"\nbench failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    print(report.text())
    return 0
