"""A real forward HTTP proxy on 127.0.0.1 for tests of the plugin's proxy settings.

Absolute-URI requests (``GET http://host:port/path HTTP/1.1``) for ``http://`` targets are
forwarded (any method, body passed through, hop-by-hop headers dropped); ``CONNECT
host:port`` opens a byte tunnel (what clients do for ``https://`` targets). Every proxied
request is recorded in ``proxy.requests`` (method, url, headers, body, status, authorized;
CONNECT entries get ``bytes_up`` / ``bytes_down`` when the tunnel closes)::

    with ProxyServer(auth=("user", "pass")) as proxy:
        requests.get("http://127.0.0.1:8765/", proxies={"http": proxy.auth_url})
        proxy.requests[-1]["url"]  # "http://127.0.0.1:8765/"

Without valid ``Proxy-Authorization: Basic ...`` (when ``auth`` is set) the answer is
``407`` with ``Proxy-Authenticate: Basic realm="proxy"``. A target that cannot be reached
gives ``502``; an absolute URI with another scheme ``501``; a plain origin-form request
(``GET /path``: the client did not treat us as a proxy) ``400``.
"""

from __future__ import annotations

import base64
import http.client
import select
import socket
import time
from typing import Optional
from urllib.parse import urlsplit

from tests.servers.common.recording import LocalServer, RecordingHandler

__all__ = ["HOP_BY_HOP", "ProxyServer"]

HOP_BY_HOP = frozenset(
    h.lower()
    for h in (
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization",
        "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    )
)  # fmt: skip


class _ProxyHandler(RecordingHandler):
    server_version = "LocalTestProxy/1.0"

    def handle_request(self) -> None:
        entry = self.read_entry()
        entry["url"] = self.path
        self.owner.record(entry)
        if not self._authorized(entry):
            return
        parts = urlsplit(self.path)
        if not parts.scheme:
            return self._fail(entry, 400, "not a proxy request (origin-form request line)")
        if parts.scheme != "http":
            return self._fail(entry, 501, f"scheme {parts.scheme!r} not supported")
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        drop = HOP_BY_HOP | {"host"}
        headers = {k: v for k, v in self.headers.items() if k.lower() not in drop}
        headers["Host"] = parts.netloc
        if entry["body"] or "Content-Length" in self.headers:
            headers["Content-Length"] = str(len(entry["body"]))
        try:
            conn = http.client.HTTPConnection(
                parts.hostname or "", parts.port or 80, timeout=self.owner.timeout
            )
            try:
                conn.request(self.command, target, body=entry["body"] or None, headers=headers)
                resp = conn.getresponse()
                payload = resp.read()
                status, reason, resp_headers = resp.status, resp.reason, resp.getheaders()
            finally:
                conn.close()
        except (OSError, http.client.HTTPException) as exc:
            return self._fail(entry, 502, f"cannot reach {parts.netloc}: {exc}")
        entry["status"] = status
        try:
            self.send_response_only(status, reason)  # the target's Date / Server pass through
            for name, value in resp_headers:
                if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)
        except OSError:
            self.close_connection = True

    def do_CONNECT(self) -> None:
        entry = self.read_entry()
        entry["url"] = self.path
        self.owner.record(entry)
        if not self._authorized(entry):
            return
        host, _, port = self.path.rpartition(":")
        try:
            upstream = socket.create_connection(
                (host.strip("[]"), int(port)), timeout=self.owner.timeout
            )
        except (OSError, ValueError) as exc:
            return self._fail(entry, 502, f"cannot reach {self.path}: {exc}")
        entry["status"] = 200
        self.send_response(200, "Connection established")
        self.end_headers()
        self.close_connection = True
        entry["bytes_up"], entry["bytes_down"] = self._relay(self.connection, upstream)

    def _relay(self, client: socket.socket, upstream: socket.socket) -> tuple[int, int]:
        """Copy bytes both ways until one side closes; returns (client->up, up->client)."""
        counts = {client: 0, upstream: 0}
        peer = {client: upstream, upstream: client}
        upstream.settimeout(None)
        client.settimeout(None)
        try:
            while True:
                readable, _, broken = select.select([client, upstream], [], [client, upstream], 1)
                if broken:
                    break
                done = False
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        done = True
                        break
                    peer[sock].sendall(data)
                    counts[sock] += len(data)
                if done or self.owner.stopped:
                    break
        except OSError:
            pass
        finally:
            upstream.close()
        return counts[client], counts[upstream]

    def _authorized(self, entry: dict) -> bool:
        entry["authorized"] = self.owner.check_auth(self.headers.get("Proxy-Authorization"))
        if not entry["authorized"]:
            entry["status"] = 407
            body = b"<html><body><h1>407 Proxy Authentication Required</h1></body></html>"
            challenge = {"Proxy-Authenticate": f'Basic realm="{self.owner.realm}"'}
            self.send(407, body, "text/html", challenge)
        return entry["authorized"]

    def _fail(self, entry: dict, status: int, message: str) -> None:
        entry["status"] = status
        entry["error"] = message
        self.send(status, message.encode("utf-8"), "text/plain; charset=utf-8")


class ProxyServer(LocalServer):
    """Forward proxy; ``auth``: (user, password) required as Basic Proxy-Authorization.

    ``timeout``: seconds for connecting to / reading from targets. ``url`` is
    ``http://127.0.0.1:PORT`` (no trailing "/"); ``auth_url`` has the credentials in it
    (``http://user:pass@127.0.0.1:PORT``), which is how ``requests`` takes them.
    """

    handler = _ProxyHandler
    realm = "proxy"

    def __init__(
        self,
        auth: Optional[tuple[str, str]] = None,
        *,
        timeout: float = 30.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        super().__init__(host=host, port=port)
        self.auth = auth
        self.timeout = timeout
        self.stopped = False

    @property
    def url(self) -> str:
        return super().url.rstrip("/")

    @property
    def auth_url(self) -> str:
        if self.auth is None:
            return self.url
        user, password = self.auth
        return self.url.replace("://", f"://{user}:{password}@", 1)

    def check_auth(self, header: Optional[str]) -> bool:
        if self.auth is None:
            return True
        scheme, _, value = (header or "").partition(" ")
        if scheme.lower() != "basic":
            return False
        expected = base64.b64encode(":".join(self.auth).encode("utf-8")).decode("ascii")
        return value.strip() == expected

    def start(self) -> ProxyServer:
        self.stopped = False
        return super().start()

    def stop(self) -> None:
        self.stopped = True  # open tunnels notice within a second
        super().stop()

    def wait_tunnels_closed(self, timeout: float = 5.0) -> bool:
        """Wait until every CONNECT entry has its byte counts (its tunnel closed)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self._lock:
                if all(
                    "bytes_up" in e
                    for e in self.requests
                    if e["method"] == "CONNECT" and e.get("status") == 200
                ):
                    return True
            time.sleep(0.02)
        return False
