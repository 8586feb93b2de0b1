"""A TCP relay in front of a local server: bytes on the wire, and an optional page latency.

``Relay(target_url, delay=...)`` listens on 127.0.0.1 and forwards every connection to the
target unchanged (compressed bodies stay compressed, keep-alive connections stay open).
It records each request it forwards: its first line, when it arrived, when the last byte
of its answer went back, and how many bytes the answer took on the wire (status line,
headers and body as sent). ``delay()`` seconds are waited before a request whose path
holds ``/search`` is passed on: a remote catalog's per-page latency, added to the local
server's own time.

One thread per direction and connection; the threads spend their time in ``recv`` and
``sleep`` (the GIL is released there), so the relay costs the measured process little.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit


@dataclass
class Exchange:
    """One request forwarded and its answer."""

    line: str  # the request line, e.g. "POST /search HTTP/1.1"
    arrived: float  # perf_counter when its first byte reached the relay
    delay: float = 0.0  # seconds it was held back
    first_byte: float = 0.0  # perf_counter of the answer's first byte (0: none yet)
    last_byte: float = 0.0  # perf_counter of the answer's last byte seen so far
    response_bytes: int = 0

    @property
    def is_search(self) -> bool:
        return "/search" in self.line

    @property
    def latency(self) -> float:
        """Request arrived -> its answer's last byte sent on."""
        return max(0.0, self.last_byte - self.arrived)


class _Connection:
    def __init__(self, relay: Relay, client: socket.socket, upstream: socket.socket) -> None:
        self.relay = relay
        self.client = client
        self.upstream = upstream
        self.current: Exchange | None = None
        self.answered = True  # the server has answered the last request (or none was made)

    def client_to_server(self) -> None:
        try:
            while True:
                data = self.client.recv(65536)
                if not data:
                    break
                if self.answered:  # the first bytes of a new request
                    now = time.perf_counter()
                    line = data.split(b"\r\n", 1)[0].decode("latin-1")
                    exchange = Exchange(line, now)
                    if exchange.is_search and self.relay.delay is not None:
                        exchange.delay = self.relay.delay()
                        time.sleep(exchange.delay)
                    self.current = exchange
                    self.answered = False
                    self.relay.record(exchange)
                self.upstream.sendall(data)
        except OSError:
            pass
        finally:
            _shutdown(self.upstream, socket.SHUT_WR)

    def server_to_client(self) -> None:
        try:
            while True:
                data = self.upstream.recv(65536)
                if not data:
                    break
                exchange = self.current
                if exchange is not None:
                    now = time.perf_counter()
                    if not exchange.first_byte:
                        exchange.first_byte = now
                    exchange.response_bytes += len(data)
                    self.client.sendall(data)
                    exchange.last_byte = time.perf_counter()
                else:
                    self.client.sendall(data)
                self.answered = True
        except OSError:
            pass
        finally:
            _shutdown(self.client, socket.SHUT_WR)


def _shutdown(sock: socket.socket, how: int) -> None:
    try:
        sock.shutdown(how)
    except OSError:
        pass


class Relay:
    """Forwards ``127.0.0.1:<port>`` to ``target_url``'s host and port; see the module."""

    host = "127.0.0.1"

    def __init__(self, target_url: str, delay: Callable[[], float] | None = None) -> None:
        parts = urlsplit(target_url)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 80)
        self._target_url = parts
        self.delay = delay
        self.exchanges: list[Exchange] = []
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """The target's URL with the relay's host and port."""
        return urlunsplit(self._target_url._replace(netloc=f"{self.host}:{self.port}"))

    def record(self, exchange: Exchange) -> None:
        with self._lock:
            self.exchanges.append(exchange)

    def take(self) -> list[Exchange]:
        """The exchanges so far, forgetting them (one measured run each)."""
        with self._lock:
            taken, self.exchanges = self.exchanges, []
        return taken

    def start(self) -> Relay:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, 0))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, name="bench-relay", daemon=True).start()
        return self

    def _accept(self) -> None:
        assert self._listener is not None
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed by stop()
            try:
                upstream = socket.create_connection(self.target, timeout=30)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets += [client, upstream]
            connection = _Connection(self, client, upstream)
            for pump in (connection.client_to_server, connection.server_to_client):
                threading.Thread(target=pump, name="bench-relay-pump", daemon=True).start()

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shutdown(sock, socket.SHUT_RDWR)
            sock.close()

    def __enter__(self) -> Relay:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
