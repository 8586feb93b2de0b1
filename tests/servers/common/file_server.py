"""A static file server for asset downloads and GDAL /vsicurl/, with byte-level faults.

:class:`FileServer` serves the files under ``root_dir`` (GET, HEAD) like an object store:
``Content-Length``, ``Accept-Ranges: bytes``, ``ETag``, ``Last-Modified``, one HTTP range
(``bytes=a-b``, ``a-``, ``-n`` -> 206 + ``Content-Range``; unsatisfiable -> 416 ``bytes
*/SIZE``; ``If-Range`` honoured; several ranges -> 200, all of it). The query string is
ignored for the lookup (signed URLs) but logged. ``server.requests`` entries have, besides
the :class:`~tests.servers.common.recording.RecordingHandler` fields, ``"range"`` (header or
None), ``"status"``, ``"bytes_sent"`` (body bytes) and ``"fault"`` (kind or None)::

    with FileServer(tmp_path, authorize=api_key_auth("k")) as srv:
        srv.set_fault("b04.tif", drop_after(10_000, times=1))
        srv.url_for("b04.tif")  # http://127.0.0.1:PORT/b04.tif

Faults (:class:`FileFault`) are per path, several allowed; each counts the requests to its
path (``method``: "GET" for body faults, else any), lets ``after`` through, then applies
``times`` times (None: always). The first active fault of the list wins.

GDAL 3.6.2 /vsicurl/ with a header for one dataset only (measured in
tests/unit/test_file_server.py, see tests/servers/README.md): path-specific options
(``gdal.SetPathSpecificOption`` / ``SetCredential``, ``GDAL_HTTP_HEADERS`` or
``GDAL_HTTP_HEADER_FILE``) are *ignored* by /vsicurl/ in 3.6; a header file, which may be
in /vsimem/, named in a ``/vsicurl?`` filename works::

    gdal.FileFromMemBuffer("/vsimem/h/a.txt", b"X-Api-Key: k\\r\\n")  # Authorization: Bearer t
    gdal.Open("/vsicurl?header_file=%2Fvsimem%2Fh%2Fa.txt&url=" + quote(url, safe=""))
"""

from __future__ import annotations

import email.utils
import json
import mimetypes
import os
import re
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union
from urllib.parse import quote, unquote

from tests.servers.common.faults import FaultTable
from tests.servers.common.recording import LocalServer, RecordingHandler

__all__ = [
    "FileFault",
    "FileServer",
    "api_key_auth",
    "bearer_auth",
    "corrupt",
    "drop_after",
    "redirect",
    "slow",
    "trickle",
    "unavailable",
    "wrong_length",
]

KINDS = ("drop", "status", "length", "corrupt", "trickle", "redirect", "slow")
Refusal = Optional[tuple]  # (status, doc) or (status, doc, headers)
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@dataclass
class FileFault:
    """How to misbehave for one path.

    - "drop": headers announce the full length, ``nbytes`` of the body are sent, the
      connection closes (a resumable interruption);
    - "status": answer ``status`` with ``body`` / ``headers`` (503 + Retry-After, 500, 404);
    - "length": announce ``delta`` more (> 0) or fewer (< 0) bytes in Content-Length than
      the body has, send the real body, close the connection;
    - "corrupt": the real response with the byte at file ``offset`` (default: the middle)
      inverted; Content-Length, ETag unchanged, so only the checksum can tell;
    - "trickle": the body at ``rate`` bytes/second in ``chunk_size`` pieces (each piece
      after its share of the time, so the body takes about length / rate seconds);
    - "redirect": ``status`` (302) to ``location`` (+ the request path and query with
      ``keep_path``);
    - "slow": wait ``delay`` seconds, then the real response. ``delay`` applies to every
      kind (before the response starts).
    """

    kind: str
    status: int = 503
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    nbytes: int = 0
    delta: int = 0
    offset: Optional[int] = None
    rate: float = 0.0
    chunk_size: int = 1024
    location: str = ""
    keep_path: bool = True
    delay: float = 0.0
    after: int = 0
    times: Optional[int] = None
    method: Optional[str] = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; expected one of {KINDS}")


def _on_get(kind: str, **options: Any) -> FileFault:
    options.setdefault("method", "GET")  # HEAD has no body: it does not consume the fault
    return FileFault(kind, **options)


def drop_after(nbytes: int, **options: Any) -> FileFault:
    return _on_get("drop", nbytes=nbytes, **options)


def unavailable(retry_after: Optional[Union[int, str]] = 1, status: int = 503, **options: Any):
    """``status`` (503) with ``Retry-After`` (seconds or an HTTP date; None: no header)."""
    headers = {"Content-Type": "text/plain"}
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    return FileFault(
        "status", status=status, body=b"Service Unavailable\n", headers=headers, **options
    )


def wrong_length(delta: int, **options: Any) -> FileFault:
    return _on_get("length", delta=delta, **options)


def corrupt(offset: Optional[int] = None, **options: Any) -> FileFault:
    return _on_get("corrupt", offset=offset, **options)


def trickle(rate: float, chunk_size: int = 1024, **options: Any) -> FileFault:
    return _on_get("trickle", rate=rate, chunk_size=chunk_size, **options)


def redirect(location: str, status: int = 302, keep_path: bool = True, **options: Any):
    return FileFault("redirect", status=status, location=location, keep_path=keep_path, **options)


def slow(seconds: float, **options: Any) -> FileFault:
    return FileFault("slow", delay=seconds, **options)


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    return next((v for k, v in headers.items() if k.lower() == name.lower()), None)


def bearer_auth(token: str) -> Callable[[Mapping[str, str]], Refusal]:
    """``authorize`` accepting only ``Authorization: Bearer <token>`` (else 401)."""

    def authorize(headers: Mapping[str, str]) -> Refusal:
        if _header(headers, "Authorization") == f"Bearer {token}":
            return None
        doc = {"error": "invalid_token", "error_description": "missing or unknown token"}
        return 401, doc, {"WWW-Authenticate": 'Bearer realm="assets"'}

    return authorize


def api_key_auth(key: str, header: str = "X-Api-Key") -> Callable[[Mapping[str, str]], Refusal]:
    """``authorize`` accepting only ``<header>: <key>`` (else 401 Invalid API key)."""

    def authorize(headers: Mapping[str, str]) -> Refusal:
        return None if _header(headers, header) == key else (401, {"detail": "Invalid API key"})

    return authorize


def parse_range(value: Optional[str], size: int) -> Union[None, str, tuple[int, int]]:
    """Range header -> (first, last) inclusive, "unsatisfiable", or None (serve it all)."""
    match = _RANGE.match((value or "").replace(" ", ""))
    if not match or match.groups() == ("", ""):
        return None  # absent, several ranges or not bytes: ignored (RFC 9110 14.2)
    first, last = match.groups()
    if first == "":  # suffix: the last n bytes
        n = int(last)
        return (max(0, size - n), size - 1) if n > 0 and size > 0 else "unsatisfiable"
    start = int(first)
    end = size - 1 if last == "" else min(int(last), size - 1)
    if last != "" and int(last) < start:
        return None  # invalid: ignored
    return (start, end) if start < size else "unsatisfiable"


class _FileHandler(RecordingHandler):
    server_version = "FileServer/1.0"

    def handle_request(self) -> None:
        entry = self.read_entry()
        entry.update(range=self.headers.get("Range"), status=None, bytes_sent=0, fault=None)
        srv: FileServer = self.owner
        srv.record(entry)
        with srv._lock:
            srv.active += 1
            srv.max_active = max(srv.max_active, srv.active)
        try:
            self._serve(srv, entry)
        except OSError:  # client gave up
            self.close_connection = True
        finally:
            with srv._lock:
                srv.active -= 1

    def _head(self, entry: dict, status: int, length: int, headers: Mapping[str, str]) -> None:
        entry["status"] = status
        self.send_response(status)
        self.send_header("Content-Length", str(max(0, length)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def _reply(self, entry: dict, status: int, body: bytes, headers: Mapping[str, str]) -> None:
        self._head(entry, status, len(body), headers)
        if self.command != "HEAD":
            self.wfile.write(body)
            entry["bytes_sent"] = len(body)

    def _serve(self, srv: FileServer, entry: dict) -> None:
        if srv.authorize is not None:
            refusal = srv.authorize(dict(self.headers.items()))
            if refusal is not None:
                status, doc, *more = refusal
                headers = {"Content-Type": "application/json", **(more[0] if more else {})}
                return self._reply(entry, status, json.dumps(doc).encode("utf-8"), headers)
        fault = srv.take_fault(self.command, entry["path"])
        entry["fault"] = fault.kind if fault else None
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
        if fault is not None and fault.kind == "status":
            return self._reply(entry, fault.status, fault.body, fault.headers)
        if fault is not None and fault.kind == "redirect":
            location = fault.location
            if fault.keep_path:
                location = location.rstrip("/") + self.path
            return self._reply(entry, fault.status, b"", {"Location": location})
        if self.command not in ("GET", "HEAD"):
            return self._reply(entry, 405, b"", {"Allow": "GET, HEAD"})
        path = srv.file_for(entry["path"])
        if path is None:
            return self._reply(entry, 404, b"Not Found\n", {"Content-Type": "text/plain"})
        stat = path.stat()
        size = stat.st_size
        etag = f'"{stat.st_mtime_ns:x}-{size:x}"'
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        headers = {
            "Content-Type": mimetypes.guess_type(path.name)[0] or "application/octet-stream",
            "Accept-Ranges": "bytes",
            "ETag": etag,
            "Last-Modified": modified,
        }
        wanted = parse_range(self.headers.get("Range"), size)
        if_range = self.headers.get("If-Range")
        if if_range is not None and if_range not in (etag, modified):
            wanted = None  # the file changed: send all of it
        if wanted == "unsatisfiable":
            headers = {"Content-Range": f"bytes */{size}", "Content-Type": "text/plain"}
            return self._reply(entry, 416, b"Range Not Satisfiable\n", headers)
        status, start, end = 200, 0, size - 1
        if isinstance(wanted, tuple):
            status, (start, end) = 206, wanted
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        length = end - start + 1
        announced = length + (fault.delta if fault and fault.kind == "length" else 0)
        self._head(entry, status, announced, headers)
        if self.command == "HEAD":
            return
        entry["bytes_sent"] = self._send_body(path, start, length, size, fault)
        if fault is not None and fault.kind in ("drop", "length"):
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)

    def _send_body(
        self, path: Path, start: int, length: int, size: int, fault: Optional[FileFault]
    ) -> int:
        kind = fault.kind if fault else None
        limit = min(length, fault.nbytes) if fault and kind == "drop" else length
        chunk = fault.chunk_size if fault and kind == "trickle" else 64 * 1024
        flip = -1
        if fault and kind == "corrupt":
            flip = size // 2 if fault.offset is None else fault.offset
        sent = 0
        with open(path, "rb") as fh:
            fh.seek(start)
            while sent < limit:
                data = fh.read(min(chunk, limit - sent))
                if not data:
                    break
                if start + sent <= flip < start + sent + len(data):
                    i = flip - start - sent
                    data = data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1 :]
                if fault and kind == "trickle":  # each piece waits its share: size / rate
                    time.sleep(len(data) / fault.rate)
                self.wfile.write(data)
                sent += len(data)
        return sent


class FileServer(LocalServer):
    """Serve the files under ``root_dir``; see the module docstring.

    ``authorize(headers)``: None to serve, or (status, doc[, headers]) to refuse with a
    JSON body (:func:`bearer_auth`, :func:`api_key_auth`); checked before faults.
    ``faults``: {path: FileFault or [FileFault, ...]}, paths relative to ``root_dir``
    ("b04.tif" or "/b04.tif"), "*" for every path (checked after the path's own).
    ``active`` / ``max_active``: requests being answered now / at most at once;
    :meth:`wait_idle` before reading ``status`` / ``bytes_sent`` of the last requests.
    """

    handler = _FileHandler

    def __init__(
        self,
        root_dir: Union[str, os.PathLike],
        *,
        authorize: Optional[Callable[[Mapping[str, str]], Refusal]] = None,
        faults: Optional[Mapping[str, Any]] = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        super().__init__(host=host, port=port)
        self.root = Path(root_dir).resolve()
        self.authorize = authorize
        self.active = 0
        self.max_active = 0
        self._faults: FaultTable[FileFault] = FaultTable()
        for path, value in (faults or {}).items():
            for fault in value if isinstance(value, (list, tuple)) else [value]:
                self.add_fault(path, fault)

    def url_for(self, relpath: Union[str, os.PathLike]) -> str:
        """URL of a file under the root (a path relative to it, or an absolute one in it)."""
        rel = Path(relpath)
        if rel.is_absolute():
            rel = rel.resolve().relative_to(self.root)
        return self.url + quote(rel.as_posix())

    def file_for(self, url_path: str) -> Optional[Path]:
        """The regular file a request path names, or None (missing, a folder, outside)."""
        candidate = (self.root / unquote(url_path).lstrip("/")).resolve()
        if candidate != self.root and self.root not in candidate.parents:
            return None
        return candidate if candidate.is_file() else None

    @staticmethod
    def _key(path: str) -> str:
        return path if path == "*" else "/" + unquote(path).lstrip("/")

    def add_fault(self, path: str, fault: FileFault) -> FileFault:
        """Append ``fault`` to the faults of ``path`` (relative to the root, or "*")."""
        return self._faults.add(self._key(path), fault)

    def set_fault(self, path: str, fault: Optional[FileFault]) -> None:
        """Replace the faults of ``path`` with ``fault`` (None: remove them)."""
        self._faults.set(self._key(path), fault)

    def clear_faults(self) -> None:
        self._faults.clear()

    def take_fault(self, method: str, path: str) -> Optional[FileFault]:
        """Count this request against every matching fault; return the first active one."""
        return self._faults.take(method, self._key(path))

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no request is being answered (log entries are then complete)."""
        deadline = time.monotonic() + timeout
        while self.active and time.monotonic() < deadline:
            time.sleep(0.01)
        return not self.active

    def requests_for(self, relpath: str, method: Optional[str] = None) -> list[dict]:
        """Logged requests for one file (optionally one method)."""
        key, log = self._key(relpath), list(self.requests)
        return [r for r in log if unquote(r["path"]) == key and method in (None, r["method"])]
