"""Run ``rustac serve`` (a real STAC API, in-memory backend) as a local test server.

Measured with rustac 0.9.18 (CLI 0.2.18), memory backend:

- POST /search honours collections, ids, bbox, intersects, datetime and limit; pages with a
  ``next`` link ``{"method": "POST", "body": {..., "skip": N}}`` (no ``merge`` flag).
- CQL2 ``filter`` returns nothing, ``query`` and ``sortby`` are ignored (load order is kept).
- GET /search?collections=... answers ``200 unsupported value`` (text, not JSON).
- A bbox with west > east (antimeridian) is a ``400 invalid bbox``; errors are text/plain.
- Items without ``collection`` go to "default-collection-id"; unknown collection ids are
  created on the fly. Collections are given first (as the brief for these servers says).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Optional, Union

StrPath = Union[str, "os.PathLike[str]"]


class RustacNotFoundError(FileNotFoundError):
    """The ``rustac`` executable is not installed (``pip install rustac``)."""


class RustacStartError(RuntimeError):
    """``rustac serve`` exited or did not answer in time; the message has its stderr."""


def find_rustac() -> str:
    """The ``rustac`` executable next to ``sys.executable`` (the venv), else on PATH."""
    names = ("rustac.exe", "rustac") if os.name == "nt" else ("rustac",)
    for folder in (Path(sys.executable).parent, Path(sys.executable).resolve().parent):
        for name in names:
            candidate = folder / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    found = shutil.which("rustac")
    if found:
        return found
    raise RustacNotFoundError(
        f"rustac executable not found next to {sys.executable} nor on PATH; "
        "install it into the test environment with `pip install rustac`"
    )


def _port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        if os.name != "nt":  # ignore TIME_WAIT leftovers; a listening socket still blocks
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class RustacServer:
    """``rustac serve FILES -a 127.0.0.1:PORT`` in a subprocess.

    ``files``: collection JSON files first, then item / FeatureCollection files.
    ``port``: None picks a free port (retried if another process grabs it first).
    Use as a context manager, or call :meth:`start` / :meth:`stop`.
    """

    host = "127.0.0.1"

    def __init__(
        self,
        files: Sequence[StrPath],
        port: Optional[int] = None,
        *,
        startup_timeout: float = 20.0,
        executable: Optional[str] = None,
    ) -> None:
        self.files = [str(Path(f)) for f in files]
        self.port = port
        self.startup_timeout = startup_timeout
        self.executable = executable
        self.process: Optional[subprocess.Popen] = None
        self._log: Optional[IO[bytes]] = None

    @property
    def url(self) -> str:
        """Landing page URL, e.g. ``http://127.0.0.1:8765/``."""
        if self.port is None:
            raise RuntimeError("RustacServer is not started")
        return f"http://{self.host}:{self.port}/"

    def start(self) -> RustacServer:
        if self.process is not None:
            return self
        missing = [f for f in self.files if not Path(f).is_file()]
        if missing:
            raise FileNotFoundError(f"rustac input files not found: {missing}")
        executable = self.executable or find_rustac()
        requested = self.port
        attempts = 1 if requested is not None else 3
        for attempt in range(attempts):
            port = requested if requested is not None else free_port(self.host)
            if not _port_is_free(self.host, port):
                # otherwise whatever listens there would pass the readiness check
                raise RustacStartError(f"port {port} on {self.host} is already in use")
            try:
                self._launch(executable, port)
                return self
            except RustacStartError as exc:
                self.stop()
                self.port = requested
                if "Address already in use" not in str(exc) or attempt == attempts - 1:
                    raise
        return self  # pragma: no cover - loop always returns or raises

    def _launch(self, executable: str, port: int) -> None:
        self.port = port
        self._log = tempfile.TemporaryFile(prefix="rustac-", suffix=".log")
        cmd = [executable, "serve", *self.files, "-a", f"{self.host}:{port}"]
        self.process = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RustacStartError(
                    f"rustac exited with code {self.process.returncode}: {self.output()}"
                )
            if self._answers():
                return
            time.sleep(0.1)
        raise RustacStartError(
            f"rustac did not answer on {self.url} within {self.startup_timeout} s: {self.output()}"
        )

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url, timeout=2) as response:
                return response.status == 200 and "links" in json.loads(response.read())
        except (OSError, ValueError):
            return False

    @property
    def running(self) -> bool:
        """True while the rustac process is alive."""
        return self.process is not None and self.process.poll() is None

    def output(self) -> str:
        """What rustac printed so far (stdout and stderr)."""
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip()

    def stop(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=5)
            self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> RustacServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
