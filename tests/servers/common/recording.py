"""Recording and redirecting test servers, and the base the token and proxy servers share.

:class:`LocalServer`: ``http.server.ThreadingHTTPServer`` on ``host`` (default 127.0.0.1;
127.0.0.2 is loopback on Linux too, handy as a "different host") in a background thread,
usable as a context manager, every request recorded in ``server.requests``.

:class:`RecordingServer` answers every request with one fixed response;
:class:`RedirectServer` answers every request with a redirect, so a test can check which
credentials a client carries to the redirect target::

    with RecordingServer(host="127.0.0.2") as target, RedirectServer(target.url) as hop:
        requests.get(hop.url + "asset", headers={"Authorization": "Bearer t"})
        hop.requests[0]["headers"]["Authorization"]  # "Bearer t"
        "Authorization" in target.requests[0]["headers"]  # False: requests dropped it
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional, Union
from urllib.parse import parse_qs, urlsplit

from tests.servers.common.faults import Fault

__all__ = ["LocalServer", "RecordingHandler", "RecordingServer", "RedirectServer"]


class LocalServer:
    """Lifecycle and request log of a threaded stdlib server; subclasses set ``handler``."""

    handler: type[BaseHTTPRequestHandler]

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.requests: list[dict] = []
        self._lock = threading.RLock()
        self._port = port
        self._httpd: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    def start(self) -> Any:
        if self._httpd is None:
            httpd = ThreadingHTTPServer((self.host, self._port), self.handler)
            httpd.daemon_threads = True
            httpd.block_on_close = False  # do not wait for slow handlers / open tunnels
            httpd.owner = self  # type: ignore[attr-defined]
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

    def __enter__(self) -> Any:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        """``http://HOST:PORT/`` (ends with "/")."""
        if self._httpd is None:
            raise RuntimeError(f"{type(self).__name__} is not started")
        return f"http://{self.host}:{self._port}/"

    def record(self, entry: dict) -> None:
        with self._lock:
            self.requests.append(entry)


class RecordingHandler(BaseHTTPRequestHandler):
    """Reads and records each request, then calls ``owner.respond(handler, entry)``."""

    protocol_version = "HTTP/1.1"  # keep-alive; every response has a Content-Length
    server_version = "LocalTestServer/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean

    def do_GET(self) -> None:
        self.handle_request()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET

    @property
    def owner(self) -> Any:
        return self.server.owner  # type: ignore[attr-defined]

    def read_entry(self) -> dict:
        """The request as a log entry: method, path, query, headers, body, form, json, time."""
        parts = urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        form = json_body = None
        if ctype == "application/x-www-form-urlencoded":
            form = {k: v[0] for k, v in parse_qs(raw.decode("latin-1"), True).items()}
        elif ctype.endswith("json") and raw:
            try:
                json_body = json.loads(raw)
            except ValueError:
                pass
        return {
            "method": self.command,
            "path": parts.path,
            "query": parse_qs(parts.query, keep_blank_values=True),
            "headers": dict(self.headers.items()),
            "body": raw,
            "form": form,
            "json": json_body,
            "time": time.time(),
        }

    def handle_request(self) -> None:
        entry = self.read_entry()
        self.owner.record(entry)
        self.owner.respond(self, entry)

    def send_json(self, status: int, doc: Any, headers: Optional[Mapping[str, str]] = None) -> None:
        payload = json.dumps(doc).encode("utf-8")
        self.send(status, payload, "application/json", headers)

    def send(
        self,
        status: int,
        payload: bytes,
        content_type: Optional[str] = "application/json",
        headers: Optional[Mapping[str, str]] = None,
        fault: Optional[Fault] = None,
    ) -> None:
        """Send a whole response; ``fault`` kinds "drop" / "trickle" / "invalid-json" apply."""
        if fault is not None and fault.kind == "invalid-json":
            payload = payload[: max(1, len(payload) // 2)]
        try:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if self.command == "HEAD":
                return
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
        except OSError:  # client gave up: nothing left to do
            self.close_connection = True


class RecordingServer(LocalServer):
    """Answers every request (any method, any path) with ``status`` / ``body``."""

    handler = RecordingHandler

    def __init__(
        self,
        status: int = 200,
        body: Union[bytes, str, dict, list] = b'{"ok": true}',
        *,
        content_type: str = "application/json",
        headers: Optional[Mapping[str, str]] = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        super().__init__(host=host, port=port)
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        self.status = status
        self.body = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        self.content_type = content_type
        self.headers = dict(headers or {})

    def respond(self, handler: RecordingHandler, entry: dict) -> None:
        handler.send(self.status, self.body, self.content_type, self.headers)


class RedirectServer(LocalServer):
    """Answers every request with ``status`` (302, 301, 303, 307, 308) to ``location``.

    ``keep_path``: append the request's path and query to ``location`` (without its
    trailing "/"), e.g. ``/a/b?x=1`` -> ``http://127.0.0.2:PORT/a/b?x=1``.
    ``times``: redirect only that many requests, then answer 200 ``{"ok": true}`` (None:
    always redirect). ``location`` may be changed between requests.
    """

    handler = RecordingHandler

    def __init__(
        self,
        location: str,
        status: int = 302,
        *,
        keep_path: bool = False,
        times: Optional[int] = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        super().__init__(host=host, port=port)
        self.location = location
        self.status = status
        self.keep_path = keep_path
        self.times = times
        self.redirected = 0

    def respond(self, handler: RecordingHandler, entry: dict) -> None:
        with self._lock:
            if self.times is not None and self.redirected >= self.times:
                redirect = False
            else:
                self.redirected += 1
                redirect = True
        if not redirect:
            return handler.send_json(200, {"ok": True})
        location = self.location
        if self.keep_path:
            location = location.rstrip("/") + handler.path
        handler.send(self.status, b"", None, {"Location": location})
