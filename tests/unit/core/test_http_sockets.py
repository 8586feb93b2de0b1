"""Sessions close their sockets: none is left to the garbage collector, which would print
"ResourceWarning: unclosed <socket>" into QGIS's Python warnings at every search."""

from __future__ import annotations

import gc
import threading
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eo_explorer.plugin.api.http import HttpClient, make_session


class Hello(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the connection stays in the session's pool

    def do_GET(self) -> None:
        body = b'{"hello": "world"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture()
def url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hello)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def unclosed(caught) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]


def test_a_client_dropped_without_close_leaves_no_socket_open(url):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        client = HttpClient(make_session())
        assert client.get_json(url) == {"hello": "world"}
        del client
        gc.collect()
    assert unclosed(caught) == []


def test_close_closes_and_the_client_still_works(url):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with HttpClient(make_session()) as client:
            assert client.get_json(url) == {"hello": "world"}
        assert client.get_json(url) == {"hello": "world"}  # a new connection
        client.close()
        del client
        gc.collect()
    assert unclosed(caught) == []
