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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
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


def _plugin_run(bench, who: str, n: int, task_class=None):
    gc.collect()
    result = bench.run(task_class)
    check_ids(who, result.ids, n)
    result.ids = []
    return result


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        report = write(measure(args))
    except BenchError as exc:
        print(f"\nbench failed: {exc}", file=sys.stderr)
        return 2
    except (OSError, RuntimeError) as exc:  # rustac missing or not starting, among others
        print(f"\nbench failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    print(report.text())
    if args.download_mib > 0:
        from . import download

        progress(f"download benchmark: {args.download_mib} MiB, plugin against curl")
        try:
            result = download.measure(size=args.download_mib * 1024 * 1024, runs=args.runs)
        except (BenchError, OSError, subprocess.CalledProcessError) as exc:
            print(f"\nbench failed: download: {exc}", file=sys.stderr)
            return 2
        print(download.report(result))
    return 0
