"""HttpClient against local servers: retries and Retry-After, what is never retried,
credentials on redirects, Cancel, and the messages people see."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from eo_explorer.plugin.api.errors import (
    Cancelled,
    HttpError,
    InvalidResponse,
    NetworkError,
    RequestTimeout,
)
from eo_explorer.plugin.api.http import HttpClient, HttpSettings, server_message

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SECRETS = {"Authorization": "Bearer s3cr3t-token", "X-Api-Key": "k3y-0f-the-user"}

#: (status, headers, body) or (status, headers, body, delay seconds)
Reply = tuple


class ScriptedServer:
    """A local HTTP server whose answers come from ``reply(request, number)``.

    Every request is recorded in ``requests`` (method, path, headers, body, time).
    """

    def __init__(self, reply: Callable[[dict, int], Reply]) -> None:
        self.reply = reply
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._httpd.scripted = self  # type: ignore[attr-defined]

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> ScriptedServer:
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def answer(self, request: dict) -> Reply:
        with self._lock:
            self.requests.append(request)
            number = len(self.requests)
        return self.reply(request, number)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        request = {
            "method": self.command,
            "path": self.path,
            "headers": dict(self.headers.items()),
            "body": body,
            "time": time.monotonic(),
        }
        status, headers, payload, *delay = self.server.scripted.answer(request)  # type: ignore
        if delay:
            time.sleep(delay[0])
        if isinstance(payload, (dict, list)):
            payload = json.dumps(payload).encode()
            headers = {"Content-Type": "application/json", **headers}
        try:
            self.send_response(status)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except OSError:
            pass  # the client gave up (cancel, timeout)


def ok(request: dict, number: int) -> Reply:
    return 200, {}, {"path": request["path"], "number": number}


class RecordingClient(HttpClient):
    """An HttpClient that notes how long it was asked to wait instead of waiting."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.waits: list[float] = []

    def _sleep(self, seconds: float, is_cancelled) -> None:  # type: ignore[override]
        self.waits.append(seconds)


def header(request: dict, name: str) -> str | None:
    for key, value in request["headers"].items():
        if key.lower() == name.lower():
            return value
    return None


# --- retries ----------------------------------------------------------------------------


def test_503_is_retried_with_the_wait_the_server_asks_for():
    def reply(request, number):
        if number < 3:
            return 503, {"Retry-After": "2"}, {"code": "Unavailable", "description": "busy"}
        return ok(request, number)

    with ScriptedServer(reply) as server:
        client = RecordingClient()
        assert client.get_json(server.url + "search") == {"path": "/search", "number": 3}
        assert len(server.requests) == 3
        assert client.waits == [2.0, 2.0]


def test_retry_after_really_delays_the_next_request():
    def reply(request, number):
        return (503, {"Retry-After": "1"}, b"") if number == 1 else ok(request, number)

    with ScriptedServer(reply) as server:
        HttpClient().get_json(server.url)
        first, second = server.requests
        assert second["time"] - first["time"] >= 0.9


def test_retry_after_as_http_date_falls_back_to_backoff():
    def reply(request, number):
        if number == 1:
            return 429, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, b""
        return ok(request, number)

    with ScriptedServer(reply) as server:
        client = RecordingClient(settings=HttpSettings(backoff=0.25))
        client.get_json(server.url)
        assert len(server.requests) == 2
        assert client.waits == [0.25]


def test_retry_after_is_capped():
    def reply(request, number):
        return (503, {"Retry-After": "3600"}, b"") if number == 1 else ok(request, number)

    with ScriptedServer(reply) as server:
        client = RecordingClient()
        client.get_json(server.url)
        assert client.waits == [30.0]


def test_sentinel_hub_counts_retry_after_in_milliseconds():
    from eo_explorer.plugin.api.http import retry_after_seconds

    catalog = "https://services.sentinel-hub.com/api/v1/catalog/1.0.0/search"
    assert retry_after_seconds("2500", catalog) == 2.5
    assert retry_after_seconds("400", "https://sh.dataspace.copernicus.eu/api/v1/x") == 0.4
    assert retry_after_seconds("2", "https://services-uswest2.sentinel-hub.com/a") == 0.002
    assert retry_after_seconds("2", "https://stac.dataspace.copernicus.eu/v1/search") == 2.0
    assert retry_after_seconds("2", "https://notsentinel-hub.com/") == 2.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", catalog) is None
    assert retry_after_seconds(None, catalog) is None


def test_retries_give_up_with_the_servers_message():
    def reply(request, number):
        return 503, {"Retry-After": "0"}, {"code": "Unavailable", "description": "Maintenance"}

    with ScriptedServer(reply) as server:
        client = RecordingClient(settings=HttpSettings(retries=2))
        with pytest.raises(HttpError) as info:
            client.get_json(server.url + "search")
        assert len(server.requests) == 3
    assert info.value.status == 503
    assert str(info.value) == (
        f"127.0.0.1:{server.port} is temporarily unavailable (HTTP 503): Maintenance [Unavailable]."
    )


def test_post_is_not_retried_unless_idempotent():
    def reply(request, number):
        return 503, {"Retry-After": "0"}, b""

    with ScriptedServer(reply) as server:
        client = RecordingClient()
        with pytest.raises(HttpError):
            client.post_json(server.url + "orders", {"name": "order"})
        assert len(server.requests) == 1
        assert client.waits == []


def test_idempotent_post_is_retried_with_the_same_body():
    def reply(request, number):
        return (503, {"Retry-After": "0"}, b"") if number == 1 else ok(request, number)

    with ScriptedServer(reply) as server:
        client = RecordingClient()
        client.post_json(server.url + "search", {"limit": 10}, idempotent=True)
        assert [r["method"] for r in server.requests] == ["POST", "POST"]
        assert [json.loads(r["body"]) for r in server.requests] == [{"limit": 10}] * 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422, 500])
def test_client_errors_and_500_are_not_retried(status):
    def reply(request, number):
        return status, {}, {"code": "Error", "description": f"status {status}"}

    with ScriptedServer(reply) as server:
        client = RecordingClient()
        with pytest.raises(HttpError) as info:
            client.get_json(server.url)
        assert len(server.requests) == 1
    assert info.value.status == status
    assert f"(HTTP {status}): status {status}" in str(info.value)


# --- redirects and credentials ----------------------------------------------------------


def test_credentials_are_not_forwarded_to_another_port():
    with ScriptedServer(ok) as other:

        def reply(request, number):
            return 302, {"Location": other.url + "landing"}, b""

        with ScriptedServer(reply) as first:
            client = HttpClient(headers=SECRETS)
            assert client.get_json(first.url) == {"path": "/landing", "number": 1}
        [asked] = first.requests
        [redirected] = other.requests
    assert header(asked, "Authorization") == SECRETS["Authorization"]
    assert header(asked, "X-Api-Key") == SECRETS["X-Api-Key"]
    assert header(redirected, "Authorization") is None
    assert header(redirected, "X-Api-Key") is None


def test_per_request_credentials_are_not_forwarded_to_another_host():
    with ScriptedServer(ok) as other:
        target = f"http://localhost:{other.port}/data"

        def reply(request, number):
            return 307, {"Location": target}, b""

        with ScriptedServer(reply) as first:
            HttpClient().request(
                "POST", first.url, json_body={"a": 1}, headers=SECRETS, idempotent=True
            )
        [redirected] = other.requests
    assert redirected["method"] == "POST"  # 307 keeps the method and body
    assert json.loads(redirected["body"]) == {"a": 1}
    assert header(redirected, "Authorization") is None
    assert header(redirected, "X-Api-Key") is None


def test_credentials_are_kept_on_a_redirect_within_the_same_server():
    def reply(request, number):
        if request["path"] == "/old":
            return 301, {"Location": "/new"}, b""
        return ok(request, number)

    with ScriptedServer(reply) as server:
        response = HttpClient(headers=SECRETS).request("GET", server.url + "old")
        assert response.url == server.url + "new"
        old, new = server.requests
    assert header(new, "Authorization") == SECRETS["Authorization"]
    assert header(new, "X-Api-Key") == SECRETS["X-Api-Key"]


def test_user_agent_names_the_plugin():
    with ScriptedServer(ok) as server:
        HttpClient().get_json(server.url)
        assert header(server.requests[0], "User-Agent").startswith("EO-Explorer-QGIS/")


# --- cancel, timeouts, broken connections -----------------------------------------------


class CancelButton:
    """Pressed by a timer after ``delay`` seconds; remembers when."""

    def __init__(self, delay: float) -> None:
        self.event = threading.Event()
        self.pressed_at: float | None = None
        self.timer = threading.Timer(delay, self.press)

    def press(self) -> None:
        self.pressed_at = time.monotonic()
        self.event.set()

    def __enter__(self) -> CancelButton:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()


def test_cancel_during_a_slow_response_returns_within_a_second():
    def reply(request, number):
        return 200, {}, {"late": True}, 10

    with ScriptedServer(reply) as server, CancelButton(0.3) as cancel:
        with pytest.raises(Cancelled):
            HttpClient().get_json(server.url, is_cancelled=cancel.event.is_set)
        returned_at = time.monotonic()
        assert cancel.pressed_at is not None
        assert returned_at - cancel.pressed_at < 1.0  # the server would answer at 10 s
        assert len(server.requests) == 1


def test_cancel_during_a_retry_wait_returns_within_a_second():
    def reply(request, number):
        return 503, {"Retry-After": "20"}, b""

    with ScriptedServer(reply) as server, CancelButton(0.3) as cancel:
        with pytest.raises(Cancelled):
            HttpClient().get_json(server.url, is_cancelled=cancel.event.is_set)
        returned_at = time.monotonic()
        assert cancel.pressed_at is not None
        assert returned_at - cancel.pressed_at < 1.0
        assert len(server.requests) == 1


def test_already_cancelled_sends_nothing():
    with ScriptedServer(ok) as server:
        with pytest.raises(Cancelled):
            HttpClient().get_json(server.url, is_cancelled=lambda: True)
        assert server.requests == []


def test_timeout_is_retried_then_reported():
    def reply(request, number):
        return 200, {}, {"late": True}, 2

    with ScriptedServer(reply) as server:
        client = RecordingClient(settings=HttpSettings(timeout=(2.0, 0.2), retries=1))
        with pytest.raises(RequestTimeout) as info:
            client.get_json(server.url + "search")
        assert len(server.requests) == 2
    assert str(info.value) == f"127.0.0.1:{server.port} did not answer in time."


def test_refused_connection_is_a_network_error_without_secrets():
    with ScriptedServer(ok) as server:
        url = server.url
    client = RecordingClient(headers=SECRETS, settings=HttpSettings(retries=1))
    with pytest.raises(NetworkError) as info:
        client.get_json(url + "search")
    text = f"{info.value} {info.value.details}"
    assert str(info.value).startswith(f"Could not reach 127.0.0.1:{server.port}.")
    for secret in SECRETS.values():
        assert secret not in text
    assert len(client.waits) == 1  # one retry


def test_body_cut_short_is_a_network_error_and_retried():
    class Truncated(_Handler):
        def _handle(self) -> None:
            self.server.scripted.answer({"path": self.path})  # type: ignore[attr-defined]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b'{"type": "FeatureCollection", "features": [')
            self.wfile.flush()
            self.close_connection = True

    server = ScriptedServer(ok)
    server._httpd.RequestHandlerClass = Truncated
    with server:
        client = RecordingClient(settings=HttpSettings(retries=1))
        with pytest.raises(NetworkError):
            client.get_json(server.url + "search")
        assert len(server.requests) == 2


def test_invalid_json_is_reported_with_the_start_of_the_body():
    def reply(request, number):
        return 200, {"Content-Type": "application/json"}, b'{"type": "FeatureCollection", "feat'

    with ScriptedServer(reply) as server:
        with pytest.raises(InvalidResponse) as info:
            HttpClient().get_json(server.url + "search")
    assert str(info.value) == "The server's answer is not valid JSON."
    assert '{"type": "FeatureCollection"' in info.value.details


# --- the server's own words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "message", "code"),
    [
        (
            "pystac-client/pc_error_404_item_not_found.json",
            "Item for-sure-not-a-real-id in Collection aster-l1t does not exist.",
            "NotFoundError",
        ),
        ("pystac-client/earthsearch_error_404_collection_not_found.json", "Not Found", "NotFound"),
        (
            "sentinelhub/process-api-errors/process_400_COMMON_BAD_PAYLOAD_empty_body.json",
            "Request body should be non-empty.",
            "COMMON_BAD_PAYLOAD",
        ),
    ],
)
def test_recorded_error_bodies(fixture, message, code):
    body = (FIXTURES / fixture).read_bytes()
    assert server_message(body) == (message, code)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            b'{"error": "invalid_client", "error_description": "Bad credentials"}',
            ("Bad credentials", "invalid_client"),
        ),
        (
            b'{"detail": [{"loc": ["body", "limit"], "msg": "must be <= 1000"}]}',
            ("body.limit: must be <= 1000", ""),
        ),
        (b'{"detail": "Not authenticated"}', ("Not authenticated", "")),
        (b"unsupported value", ("unsupported value", "")),
        (b"<html><body><h1>502 Bad Gateway</h1></body></html>", ("", "")),
        (b"[1, 2]", ("", "")),
    ],
)
def test_server_message_shapes(body, expected):
    assert server_message(body) == expected


def test_error_message_from_recorded_sentinelhub_body():
    path = "sentinelhub/process-api-errors/process_400_RENDERER_S1_MISSING_POLARIZATION.json"
    body = (FIXTURES / path).read_bytes()
    expected = json.loads(body)["error"]

    def reply(request, number):
        return 400, {"Content-Type": "application/json"}, body

    with ScriptedServer(reply) as server:
        with pytest.raises(HttpError) as info:
            HttpClient().post_json(server.url + "api/v1/process", {})
    text = str(info.value)
    assert text.startswith(f"127.0.0.1:{server.port} rejected the request (HTTP 400): ")
    assert expected["message"] in text
    assert f"[{expected['code']}]" in text
    assert info.value.server_message == expected["message"]
