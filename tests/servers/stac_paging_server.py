"""A small, real STAC API server with selectable paging style and fault modes.

``http.server.ThreadingHTTPServer`` on 127.0.0.1 in a background thread; the API itself
(paging styles, documents) is :class:`tests.servers.paging_api.PagingApi`, the fault modes
are in :mod:`tests.servers.faults`. Every request is recorded in ``server.requests``::

    with StacPagingServer(items, style="post-body-merge", faults={"/search": slow(3)}) as srv:
        requests.post(srv.url + "search", json={"collections": ["c"], "limit": 5})
        srv.requests[-1]["json"]  # -> {"collections": ["c"], "limit": 5}
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional
from urllib.parse import parse_qs, unquote, urlsplit

from tests.servers.faults import Fault
from tests.servers.paging_api import STYLES, ApiError, PagingApi

__all__ = ["STYLES", "StacPagingServer"]

SENTINELHUB_ROOT = "/api/v1/catalog/1.0.0/"


class StacPagingServer:
    """Serve ``items`` (STAC item dicts) as a STAC API in paging ``style``.

    ``style``: one of :data:`STYLES` (see :mod:`tests.servers.paging_api`).
    ``root_path``: where the API lives; default "/" except "sentinelhub", which uses
    "/api/v1/catalog/1.0.0/" (requests to the bare "/search" etc. are answered too).
    ``fault``: applied to every path; ``faults``: {path: Fault} with paths relative to the
    API root ("/", "/search", "/collections", ...), checked before ``fault``.
    Other keyword arguments go to :class:`PagingApi` (``collections``, ``default_limit``,
    ``max_limit``, ``collections_page_size``, ``sh_next_links``, ``empty_last_page``).
    """

    host = "127.0.0.1"

    def __init__(
        self,
        items: Sequence[dict],
        style: str = "token-get",
        *,
        fault: Optional[Fault] = None,
        faults: Optional[Mapping[str, Fault]] = None,
        root_path: Optional[str] = None,
        port: int = 0,
        authorize: Optional[Callable[[dict], Optional[tuple[int, dict]]]] = None,
        **api_options: Any,
    ) -> None:
        self.api = PagingApi(items, style, **api_options)
        #: ``authorize(headers)`` returns None to serve the request, or (status, body) to
        #: refuse it, e.g. a bearer token unknown to a TokenServer or a wrong X-Api-Key.
        self.authorize = authorize
        self.style = style
        if root_path is None:
            root_path = SENTINELHUB_ROOT if style == "sentinelhub" else "/"
        self.root_path = "/" + root_path.strip("/") + "/" if root_path.strip("/") else "/"
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._faults: dict[str, Fault] = {}
        self._hits: dict[int, int] = {}
        for path, f in (faults or {}).items():
            self.set_fault(path, f)
        if fault is not None:
            self.set_fault("*", fault)
        self._port = port
        self._httpd: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> StacPagingServer:
        if self._httpd is None:
            httpd = ThreadingHTTPServer((self.host, self._port), _Handler)
            httpd.daemon_threads = True
            httpd.block_on_close = False  # do not wait for "slow" handlers on stop()
            httpd.stac_server = self  # type: ignore[attr-defined]
            self._httpd = httpd
            self._port = httpd.server_address[1]
            self._thread = threading.Thread(
                target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._httpd = self._thread = None

    def __enter__(self) -> StacPagingServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        """API root URL, e.g. ``http://127.0.0.1:PORT/`` (ends with "/")."""
        if self._httpd is None:
            raise RuntimeError("StacPagingServer is not started")
        return f"http://{self.host}:{self._port}{self.root_path}"

    # -- faults ----------------------------------------------------------------------------
    def set_fault(self, path: str, fault: Optional[Fault]) -> None:
        """Fault for ``path`` (relative to the API root, or "*" for all); None removes it."""
        key = path if path == "*" else self.route(path)
        with self._lock:
            if fault is None:
                self._faults.pop(key, None)
            else:
                self._faults[key] = fault
                self._hits[id(fault)] = 0

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def take_fault(self, method: str, route: str) -> Optional[Fault]:
        """The fault to apply to this request, counting it against ``after`` / ``times``."""
        with self._lock:
            for key in (route, "*"):
                fault = self._faults.get(key)
                if fault is None or (fault.method and fault.method != method):
                    continue
                seen = self._hits.get(id(fault), 0)
                self._hits[id(fault)] = seen + 1
                if seen < fault.after:
                    return None
                if fault.times is not None and seen >= fault.after + fault.times:
                    return None
                return fault
        return None

    def route(self, path: str) -> str:
        """Request path -> route relative to the API root ("/search", "/", ...)."""
        path = unquote(path)
        root = self.root_path.rstrip("/")
        if root and (path == root or path.startswith(root + "/")):
            path = path[len(root) :]
        return "/" + path.strip("/")

    def record(self, entry: dict) -> None:
        with self._lock:
            self.requests.append(entry)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like real servers; always sends Content-Length
    server_version = "StacPagingServer/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def _handle(self, method: str) -> None:
        srv: StacPagingServer = self.server.stac_server  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        route = srv.route(parts.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        try:
            body = json.loads(raw) if raw else None
            bad_body = None
        except ValueError as exc:
            body, bad_body = None, exc
        srv.record(
            {
                "method": method,
                "path": parts.path,
                "route": route,
                "query": query,
                "headers": dict(self.headers.items()),
                "json": body,
                "body": raw,
            }
        )
        if srv.authorize is not None:
            refusal = srv.authorize(dict(self.headers.items()))
            if refusal is not None:
                status, doc = refusal
                return self._send(
                    status, json.dumps(doc).encode("utf-8"), "application/json", {}, None
                )
        fault = srv.take_fault(method, route)
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        if fault is not None and fault.kind == "respond":
            return self._send(fault.status, fault.body, fault.content_type, fault.headers, None)
        base = f"http://{srv.host}:{srv.port}{srv.root_path}"
        if bad_body is not None or (body is not None and not isinstance(body, dict)):
            status, doc = srv.api.error(
                ApiError(400, f"Request body is not a JSON object: {raw!r}")
            )
        else:
            status, doc = srv.api.handle(method, route, query, body, base)
        payload = json.dumps(doc).encode("utf-8")
        content_type = "application/geo+json" if "features" in doc else "application/json"
        if fault is not None and fault.kind == "invalid-json":
            payload = payload[: max(1, len(payload) // 2)]
        extra = fault.headers if fault is not None else {}
        self._send(status, payload, content_type, extra, fault)

    def _send(
        self,
        status: int,
        payload: bytes,
        content_type: str,
        headers: Mapping[str, str],
        fault: Optional[Fault],
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if fault is not None and fault.kind == "drop":
                self.wfile.write(payload[: len(payload) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
            elif fault is not None and fault.kind == "trickle":
                for i in range(0, len(payload), fault.chunk_size):
                    self.wfile.write(payload[i : i + fault.chunk_size])
                    self.wfile.flush()
                    time.sleep(fault.delay)
            else:
                self.wfile.write(payload)
        except OSError:  # client gave up (timeouts in tests): nothing left to do
            self.close_connection = True
