"""Orchestration: data, server, interleaved runs; the table is laid out in :mod:`.tables`."""

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
from .tables import Results, write

#: ``--only`` names; the default run (a few minutes on 2 cores) is the first two
SECTIONS = ("search", "download", "pgstac", "memory")
DEFAULT_SECTIONS = "search,download"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument(
        "--only",
        default=DEFAULT_SECTIONS,
        help="comma-separated sections to run, of: search (rustac, plugin against "
        "pystac-client and json.loads), download, pgstac (stac-fastapi-pgstac with CDSE-like "
        "items: whole search, bytes per item, time to the first footprints; ~9 min), "
        "memory (100,000 items filled page by page: memory, GUI stall; the first footprints "
        "behind a page latency; ~3 min), or all "
        f"(default: {DEFAULT_SECTIONS})",
    )
    parser.add_argument("--items", type=int, default=10_000, help="items in the catalog (10000)")
    parser.add_argument("--page-size", type=int, default=250, help="items per page (250)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the median is shown (3)")
    parser.add_argument(
        "--download-mib",
        type=int,
        default=1024,
        help="size of the download benchmark file in MiB (1024; 0 skips it)",
    )
    parser.add_argument(
        "--prototypes",
        action="store_true",
        help="also time the prototype not adopted by the plugin: the layer built in the "
        "worker (off by default)",
    )
    parser.add_argument(
        "--pgstac-items", type=int, default=10_000, help="items loaded into pgstac (10000)"
    )
    parser.add_argument(
        "--pgstac-runs",
        type=int,
        default=1,
        help="timed pgstac runs after a short warm-up; pystac-client takes ~2 min each (1)",
    )
    parser.add_argument(
        "--pgstac-hydrate",
        choices=("api", "db"),
        default="api",
        help="where stac-fastapi-pgstac rebuilds whole items: api (USE_API_HYDRATE, the "
        "default here) or db (pgstac's default: ~75 ms an item, pystac-client then takes "
        "over 10 minutes)",
    )
    parser.add_argument(
        "--memory-items", type=int, default=100_000, help="items in the memory section (100000)"
    )
    return parser


def sections(only: str) -> list[str]:
    names = [name.strip() for name in only.split(",") if name.strip()]
    if names == ["all"]:
        return list(SECTIONS)
    unknown = [name for name in names if name not in SECTIONS]
    if unknown or not names:
        raise SystemExit(f"--only: unknown section(s) {unknown}; choose from {', '.join(SECTIONS)}")
    return names


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

    from tests.servers.stac.rustac_server import find_rustac

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


def measure(args: argparse.Namespace) -> Results:
    from tests.servers.stac.rustac_server import RustacServer

    from .fetch import fetch_pages, pystac_client_search
    from .pipeline import run_chain
    from .plugin_run import PluginBench
    from .prototypes import NAME, worker_layer_task_class

    n, size = args.items, args.page_size
    res = Results(items=n, page_size=size, runs=max(1, args.runs), load_before=_load())
    started = time.perf_counter()

    progress(f"generating {n} items")
    t0 = time.perf_counter()
    catalog = make_catalog(n)
    res.generated, res.mean_size = item_sizes(catalog)
    res.generated_seconds = time.perf_counter() - t0
    app = start_qgis()  # noqa: F841 - kept alive for the whole run
    res.versions = _versions()

    with tempfile.TemporaryDirectory(prefix="eo-explorer-bench-") as folder:
        files = write_catalog(catalog, Path(folder))
        del catalog  # the generated dicts would slow every full garbage collection down
        gc.collect()
        progress(f"starting rustac serve ({len(files)} files)")
        with RustacServer(files, startup_timeout=120) as server:
            from eo_explorer.plugin.api.search import SearchRequest

            SearchRequest(collections=COLLECTIONS, page_size=size, max_items=n).validate()
            pages = fetch_pages(server.url, COLLECTIONS, size, n)
            res.page_count, res.served_bytes = len(pages.bodies), pages.size
            raw_ids = [i["id"] for body in pages.bodies for i in json.loads(body)["features"]]
            check_ids("the raw pages (requests)", raw_ids, n)
            del raw_ids

            bench = PluginBench(server.url, COLLECTIONS, size, n)
            progress("warm-up run (not counted)")
            res.cold = bench.run()
            check_ids("the plugin (warm-up)", res.cold.ids, n)
            res.cold_peer, ids = pystac_client_search(server.url, COLLECTIONS, size, n)
            check_ids("pystac-client (warm-up)", ids, n)
            prototype = worker_layer_task_class() if args.prototypes else None

            for i in range(res.runs):
                progress(f"run {i + 1}/{res.runs}: plugin")
                res.plugin.append(_plugin_run(bench, "the plugin", n))
                if prototype is not None:
                    progress(f"run {i + 1}/{res.runs}: plugin, {NAME}")
                    res.prototype.append(_plugin_run(bench, f"the plugin ({NAME})", n, prototype))
                progress(f"run {i + 1}/{res.runs}: pystac-client")
                gc.collect()
                seconds, ids = pystac_client_search(server.url, COLLECTIONS, size, n)
                check_ids("pystac-client", ids, n)
                res.peer.append(seconds)
                progress(f"run {i + 1}/{res.runs}: requests + json.loads")
                gc.collect()
                res.floor.append(fetch_pages(server.url, COLLECTIONS, size, n).seconds)
                progress(f"run {i + 1}/{res.runs}: in-process chain")
                gc.collect()
                result = run_chain(pages.bodies)
                if result.count != n or len(result.ids) != n:
                    raise BenchError(
                        f"in-process chain built {result.count} features "
                        f"({len(result.ids)} unique ids), expected {n}"
                    )
                result.ids = set()
                res.chain.append(result)

    res.load_after = _load()
    res.seconds = time.perf_counter() - started
    return res


def measure_servers(args: argparse.Namespace, chosen: Sequence[str]):
    """Sections 5-8: stac-fastapi-pgstac, and 100,000 items; one printed report."""
    from . import memory, pgstac
    from .report import Report

    started = time.perf_counter()
    load_before = _load()
    app = start_qgis()  # noqa: F841 - kept alive for the whole run
    report = Report()
    report.note("EO Explorer search benchmark: catalog-sized searches")
    report.note("=" * 52)
    report.note(
        f"{_versions()}; {os.cpu_count()} CPUs, load average {load_before} before; "
        "timings are informational, not asserted"
    )
    if "pgstac" in chosen:
        pgstac.report(
            pgstac.measure(args.pgstac_items, args.pgstac_runs, progress, args.pgstac_hydrate),
            report,
        )
    if "memory" in chosen:
        memory.report(memory.measure(args.memory_items, progress), report)
    report.title("Verdicts")
    for label, ok in report.verdicts:
        report.note(f"  {'meets target ' if ok else 'misses target'}  {label}")
    report.note(
        f"\nload average {_load()} after; these sections took {time.perf_counter() - started:.0f} s"
    )
    return report


def _plugin_run(bench, who: str, n: int, task_class=None):
    gc.collect()
    result = bench.run(task_class)
    check_ids(who, result.ids, n)
    result.ids = []
    return result


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    chosen = sections(args.only)
    if "search" in chosen:
        try:
            report = write(measure(args))
        except BenchError as exc:
            print(f"\nbench failed: {exc}", file=sys.stderr)
            return 2
        except (OSError, RuntimeError) as exc:  # rustac missing or not starting, among others
            print(f"\nbench failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 2
        print(report.text())
    if "pgstac" in chosen or "memory" in chosen:
        try:
            report = measure_servers(args, chosen)
        except BenchError as exc:
            print(f"\nbench failed: {exc}", file=sys.stderr)
            return 2
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            print(f"\nbench failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 2
        print(report.text())
    if "download" in chosen and args.download_mib > 0:
        from . import download

        progress(f"download benchmark: {args.download_mib} MiB, plugin against curl")
        try:
            result = download.measure(size=args.download_mib * 1024 * 1024, runs=args.runs)
        except (BenchError, OSError, subprocess.CalledProcessError) as exc:
            print(f"\nbench failed: download: {exc}", file=sys.stderr)
            return 2
        print(download.report(result))
    return 0
