"""Download benchmark: one large file over loopback, the plugin's downloader against curl.

Both fetch the same file from the same local server in the same run, so the ratio says how
much the plugin's streaming (chunked reads, Cancel checks, progress callbacks, the .part
file and its rename) costs against a plain C client. Peak memory growth is the process's
resident size sampled while the download runs, above what it was just before.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from .data import BenchError


def _rss() -> int:
    """Resident set size of this process, in bytes (Linux /proc)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class PeakMemory:
    """Samples RSS every 20 ms in a thread; ``growth`` is the peak above the start."""

    def __init__(self) -> None:
        self.start = _rss()
        self.peak = self.start
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, _rss())

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())

    @property
    def growth(self) -> int:
        return self.peak - self.start


def _write_file(path: Path, size: int) -> None:
    block = os.urandom(4 * 1024 * 1024)
    with path.open("wb") as handle:
        written = 0
        while written < size:
            part = block[: min(len(block), size - written)]
            handle.write(part)
            written += len(part)


def measure(size: int = 1024**3, runs: int = 3) -> dict:
    """Median seconds for curl and for the plugin, and the plugin's peak memory growth."""
    from eo_explorer.plugin.api.download import download
    from eo_explorer.plugin.api.http import HttpClient
    from tests.servers.common.file_server import FileServer

    with tempfile.TemporaryDirectory(prefix="eo-explorer-bench-dl-") as folder:
        root = Path(folder) / "served"
        root.mkdir()
        _write_file(root / "big.tif", size)
        out = Path(folder) / "out"
        out.mkdir()
        curl_times, plugin_times, growths = [], [], []
        with FileServer(root) as server:
            url = server.url_for("big.tif")
            for _ in range(runs):
                target = out / "curl.bin"
                started = time.perf_counter()
                subprocess.run(["curl", "-sS", "--fail", "-o", str(target), url], check=True)
                curl_times.append(time.perf_counter() - started)
                if target.stat().st_size != size:
                    raise BenchError("curl did not fetch the whole file")
                target.unlink()

                target = out / "plugin.tif"
                client = HttpClient()
                with PeakMemory() as memory:
                    started = time.perf_counter()
                    download(
                        url, target, client, expected_size=size, progress=lambda have, total: None
                    )
                    plugin_times.append(time.perf_counter() - started)
                growths.append(memory.growth)
                if target.stat().st_size != size:
                    raise BenchError("the plugin did not fetch the whole file")
                target.unlink()
    curl = statistics.median(curl_times)
    plugin = statistics.median(plugin_times)
    return {
        "size": size,
        "curl_s": curl,
        "plugin_s": plugin,
        "curl_mb_s": size / curl / 1e6,
        "plugin_mb_s": size / plugin / 1e6,
        "ratio": (size / plugin) / (size / curl),
        "memory_growth": max(growths),
        "runs": runs,
    }


def report(result: dict) -> str:
    ratio = result["ratio"]
    growth = result["memory_growth"] / 1e6
    lines = [
        "",
        f"4. Download: a {result['size'] / 1024**3:.0f} GiB file over loopback "
        f"(median of {result['runs']})",
        "-" * 72,
        f"curl                                {result['curl_s']:7.2f} s  "
        f"{result['curl_mb_s']:7.0f} MB/s",
        f"plugin (api.download.download)      {result['plugin_s']:7.2f} s  "
        f"{result['plugin_mb_s']:7.0f} MB/s",
        f"throughput plugin / curl            {ratio:7.2f}x   target >= 0.90   "
        + ("meets target" if ratio >= 0.9 else "misses target"),
        f"peak memory growth while downloading {growth:6.1f} MB   target < 50 MB    "
        + ("meets target" if growth < 50 else "misses target"),
    ]
    return "\n".join(lines)
