"""A credential goes only to the origin (scheme, host, port) it belongs to, on every hop.

Two loopback hosts: A (127.0.0.1, the account's origin) and B (127.0.0.2, somewhere else:
a presigned storage URL, another catalog). Every redirect status, method and kind of
account header goes through :class:`HttpClient`; ``next`` links to B go through STAC item
search, collection paging and Constellr deliveries. B must never see the secret; A gets it
wherever it is entitled to it (the first hop, a same-origin hop, the hop back in A→B→A).
"""

from __future__ import annotations

import json
from typing import Any, Callable, Optional

import pytest

from eo_explorer.plugin.api import constellr as constellr_api
from eo_explorer.plugin.api.auth import (
    BearerAuth,
    HeaderAuth,
    TokenFlow,
    TokenProvider,
    api_key_auth,
    basic_auth,
    bearer_token_auth,
)
from eo_explorer.plugin.api.errors import HttpError, NetworkError
from eo_explorer.plugin.api.http import MAX_REDIRECTS, HttpClient, HttpSettings, origin
from eo_explorer.plugin.api.search import SearchRequest
from eo_explorer.plugin.api.stac import StacClient
from tests.servers.common.recording import LocalServer, RecordingHandler

STATUSES = (301, 302, 303, 307, 308)
SECRET = "s3cret-value-7f3a"


class _Token:
    status = 200
    headers: dict = {}

    def json(self) -> dict:
        return {"access_token": SECRET, "expires_in": 600}


class _Flow(TokenFlow):
    def first_form(self) -> dict[str, str]:
        return {"grant_type": "client_credentials"}


#: every kind of header an account adds, each carrying SECRET
KINDS: dict[str, Callable[[], Any]] = {
    "api-key": lambda: api_key_auth(SECRET),
    "bearer": lambda: bearer_token_auth(SECRET),
    "basic": lambda: basic_auth("user", SECRET),
    "custom-header": lambda: HeaderAuth("X-Catalog-Secret", SECRET),
    "oauth": lambda: BearerAuth(
        TokenProvider(_Flow("http://127.0.0.1:1/token"), lambda url, form: _Token())
    ),
}


def carries_secret(entry: dict) -> bool:
    """True when a recorded request carries the secret in any header (Basic: encoded)."""
    import base64

    encoded = base64.b64encode(f"user:{SECRET}".encode()).decode()
    return any(SECRET in v or encoded in v for v in entry["headers"].values())


Route = Callable[[dict], tuple]  # entry -> (status, headers, body)


class RouteServer(LocalServer):
    """Answers each path from ``routes`` (``path -> callable(entry)``), else 404."""

    handler = RecordingHandler

    def __init__(self, host: str = "127.0.0.1") -> None:
        super().__init__(host=host)
        self.routes: dict[str, Route] = {}

    def respond(self, handler: RecordingHandler, entry: dict) -> None:
        route = self.routes.get(entry["path"])
        if route is None:
            return handler.send_json(404, {"code": "NotFound", "description": entry["path"]})
        status, headers, body = route(entry)
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        handler.send(status, body, "application/json" if body else None, headers)


def redirect(location: Callable[[], str], status: int) -> Route:
    return lambda entry: (status, {"Location": location()}, b"")


def echo(entry: dict) -> tuple:
    return 200, {}, {"method": entry["method"], "json": entry["json"], "path": entry["path"]}


@pytest.fixture
def hosts():
    with RouteServer("127.0.0.1") as a, RouteServer("127.0.0.2") as b:
        yield a, b


def client(kind: str) -> HttpClient:
    return HttpClient(settings=HttpSettings(retries=0)).with_auth(KINDS[kind]())


# --- redirects through HttpClient ---------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("method", ("GET", "POST", "HEAD"))
def test_a_redirect_to_another_origin_goes_without_the_credentials(hosts, kind, status, method):
    a, b = hosts
    a.routes["/asset"] = redirect(lambda: b.url + "presigned?sig=1", status)
    b.routes["/presigned"] = echo
    http = client(kind).with_auth(KINDS[kind](), a.url)
    body = {"q": 1} if method == "POST" else None
    response = http.request(method, a.url + "asset", json_body=body, idempotent=True)
    assert response.status == 200 and response.url == b.url + "presigned?sig=1"
    [asked] = a.requests
    [redirected] = b.requests
    assert carries_secret(asked)
    assert not carries_secret(redirected)
    if status in (307, 308) or method == "HEAD":
        assert redirected["method"] == method  # 307/308 keep the method (and HEAD stays)
        assert redirected["json"] == body  # ... and the body
    else:
        assert redirected["method"] == "GET" and redirected["body"] == b""
        assert "Content-Type" not in redirected["headers"]


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("status", STATUSES)
def test_a_to_b_to_a_gives_the_credentials_back_only_on_a(hosts, kind, status):
    a, b = hosts
    a.routes["/start"] = redirect(lambda: b.url + "bounce", status)
    b.routes["/bounce"] = redirect(lambda: a.url + "end", status)
    a.routes["/end"] = echo
    response = client(kind).request("GET", a.url + "start")
    assert response.json()["path"] == "/end"
    start, end = a.requests
    [bounce] = b.requests
    assert carries_secret(start) and carries_secret(end)
    assert not carries_secret(bounce)


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("status", STATUSES)
def test_a_download_stream_follows_redirects_by_the_same_rule(hosts, kind, status):
    a, b = hosts
    a.routes["/file.tif"] = redirect(lambda: b.url + "blob", status)
    b.routes["/blob"] = lambda entry: (206, {}, b"abcd")
    raw = client(kind).stream(a.url + "file.tif", headers={"Range": "bytes=4-"})
    assert raw.raw.read() == b"abcd"
    raw.close()
    [asked], [blob] = a.requests, b.requests
    assert carries_secret(asked) and not carries_secret(blob)
    assert blob["headers"]["Range"] == "bytes=4-"  # a resume still resumes


@pytest.mark.parametrize("status", STATUSES)
def test_same_origin_hops_keep_the_credentials(hosts, status):
    a, _b = hosts
    a.routes["/old"] = redirect(lambda: "/new", status)  # a relative Location
    a.routes["/new"] = echo
    client("custom-header").request("GET", a.url + "old")
    assert [carries_secret(e) for e in a.requests] == [True, True]


def test_another_port_or_scheme_is_another_origin(hosts):
    a, _b = hosts
    with RouteServer("127.0.0.1") as same_host:
        a.routes["/x"] = redirect(lambda: same_host.url + "y", 302)
        same_host.routes["/y"] = echo
        client("api-key").request("GET", a.url + "x")
        assert not carries_secret(same_host.requests[0])
    assert origin("https://h/x") == ("https", "h", 443) != origin("http://h:443/")
    assert origin("HTTP://H:80/") == origin("http://h/")


def test_credentials_a_caller_adds_itself_stay_on_the_first_origin(hosts):
    a, b = hosts
    a.routes["/asset"] = redirect(lambda: b.url + "blob", 307)
    b.routes["/blob"] = echo
    http = HttpClient(auth=HeaderAuth("X-Catalog-Secret", SECRET))
    http.request(
        "POST",
        a.url + "asset",
        json_body={"a": 1},
        headers={"X-Api-Key": SECRET, "X-Catalog-Secret": SECRET, "Accept": "image/tiff"},
        idempotent=True,
    )
    [blob] = b.requests
    assert not carries_secret(blob) and blob["headers"]["Accept"] == "image/tiff"


def test_endless_redirects_stop_with_a_message(hosts):
    a, _b = hosts
    a.routes["/loop"] = redirect(lambda: "/loop", 302)
    with pytest.raises(NetworkError) as info:
        client("api-key").request("GET", a.url + "loop")
    assert "redirected more than" in str(info.value) and SECRET not in str(info.value)
    assert len(a.requests) == MAX_REDIRECTS + 1


def test_a_401_from_another_origin_does_not_renew_the_token(hosts):
    a, b = hosts
    a.routes["/asset"] = redirect(lambda: b.url + "blob", 302)
    b.routes["/blob"] = lambda entry: (401, {}, {"description": "expired signature"})
    http = client("oauth")
    with pytest.raises(HttpError):
        http.request("GET", a.url + "asset")
    assert http.auth.provider.requests_made == 1  # the token was not thrown away
    assert len(a.requests) == 1 and not carries_secret(b.requests[0])


# --- next links to another origin ---------------------------------------------------------


def feature(item_id: str) -> dict:
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": item_id,
        "geometry": {"type": "Point", "coordinates": [0, 0]},
        "bbox": [0, 0, 0, 0],
        "properties": {"datetime": "2024-01-01T00:00:00Z"},
        "links": [],
        "assets": {},
    }


def landing(a: RouteServer, methods: tuple[str, ...]) -> Route:
    links = [{"rel": "search", "href": a.url + "search", "method": m} for m in methods]
    links.append({"rel": "data", "href": a.url + "collections"})
    return lambda entry: (
        200,
        {},
        {"id": "a", "conformsTo": ["https://api.stacspec.org/v1.0.0/item-search"], "links": links},
    )


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("method", ("GET", "POST"))
def test_a_search_next_link_to_another_origin_goes_without_the_credentials(hosts, kind, method):
    a, b = hosts
    a.routes["/"] = landing(a, (method,))
    next_link: dict = {"rel": "next", "href": b.url + "search?token=2", "method": method}
    if method == "POST":
        next_link["body"] = {"token": "2"}
        next_link["merge"] = True
    a.routes["/search"] = lambda entry: (
        200,
        {},
        {"type": "FeatureCollection", "features": [feature("1")], "links": [next_link]},
    )
    b.routes["/search"] = lambda entry: (
        200,
        {},
        {"type": "FeatureCollection", "features": [feature("2")], "links": []},
    )
    stac = StacClient.open(a.url, client(kind))
    pages = list(stac.search(SearchRequest(page_size=1, max_items=10)))
    assert [item["id"] for page in pages for item in page.items] == ["1", "2"]
    assert a.requests and all(carries_secret(e) for e in a.requests)
    assert b.requests and not any(carries_secret(e) for e in b.requests)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_collections_next_link_to_another_origin_goes_without_the_credentials(hosts, kind):
    a, b = hosts
    a.routes["/"] = landing(a, ("GET",))

    def page(ids: list[str], nxt: Optional[str]) -> Route:
        links = [{"rel": "next", "href": nxt}] if nxt else []
        collections = [{"id": i, "links": []} for i in ids]
        return lambda entry: (200, {}, {"collections": collections, "links": links})

    a.routes["/collections"] = page(["c1"], b.url + "collections?page=2")
    b.routes["/collections"] = page(["c2"], a.url + "collections-3")  # and back to A
    a.routes["/collections-3"] = page(["c3"], None)
    stac = StacClient.open(a.url, client(kind))
    assert [c.id for c in stac.collections()] == ["c1", "c2", "c3"]
    assert [e["path"] for e in a.requests] == ["/", "/collections", "/collections-3"]
    assert all(carries_secret(e) for e in a.requests)
    assert b.requests and not any(carries_secret(e) for e in b.requests)


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("method", ("GET", "POST"))
def test_constellr_deliveries_next_link_to_another_origin(hosts, kind, method):
    a, b = hosts
    next_link: dict = {"rel": "next", "href": b.url + "stac/search?token=2", "method": method}
    if method == "POST":
        next_link["body"] = {"token": "2"}
        next_link["merge"] = True
    a.routes["/stac/search"] = lambda entry: (
        200,
        {},
        {"type": "FeatureCollection", "features": [feature("1")], "links": [next_link]},
    )
    b.routes["/stac/search"] = lambda entry: (
        200,
        {},
        {"type": "FeatureCollection", "features": [feature("2")], "links": []},
    )
    api = constellr_api.ConstellrClient(client(kind).with_auth(KINDS[kind](), a.url), a.url)
    area = {"type": "Polygon", "coordinates": [[[13, 52], [13.1, 52], [13.1, 52.1], [13, 52]]]}
    assert [f["id"] for f in api.deliveries(area, "LSTfusion")] == ["1", "2"]
    [first] = a.requests
    [second] = b.requests
    assert carries_secret(first) and not carries_secret(second)
    assert second["method"] == method


# --- the token form itself is a secret ----------------------------------------------------


@pytest.mark.parametrize("status", STATUSES)
def test_a_token_form_is_never_sent_on_to_another_origin(hosts, status):
    from eo_explorer.plugin.api.auth import AuthError, ClientCredentials

    a, b = hosts
    a.routes["/token"] = redirect(lambda: b.url + "token", status)
    b.routes["/token"] = lambda entry: (200, {}, {"access_token": "t", "expires_in": 60})
    http = HttpClient(settings=HttpSettings(retries=0))
    provider = TokenProvider(ClientCredentials(a.url + "token", "id", SECRET), http.post_form)
    with pytest.raises(AuthError) as info:
        provider.access_token()
    assert info.value.kind == "unreachable" and "another address" in str(info.value)
    assert SECRET not in str(info.value)
    assert b.requests == [] and a.requests[0]["form"]["client_secret"] == SECRET


@pytest.mark.parametrize("status", (307, 308))
def test_a_token_form_follows_a_redirect_on_its_own_origin(hosts, status):
    from eo_explorer.plugin.api.auth import ClientCredentials

    a, _b = hosts
    a.routes["/old-token"] = redirect(lambda: "/token", status)
    a.routes["/token"] = lambda entry: (200, {}, {"access_token": "t", "expires_in": 60})
    http = HttpClient(settings=HttpSettings(retries=0))
    provider = TokenProvider(ClientCredentials(a.url + "old-token", "id", SECRET), http.post_form)
    assert provider.access_token() == "t"
    assert a.requests[1]["form"]["client_secret"] == SECRET  # 307/308 keep the form


@pytest.mark.parametrize("status", STATUSES)
def test_an_account_of_two_hosts_is_sent_to_both(hosts, status):
    """CDSE downloads redirect to their zipper host, which wants the same token."""
    a, b = hosts
    a.routes["/file"] = redirect(lambda: b.url + "zipped", status)
    b.routes["/zipped"] = echo
    client("bearer").with_auth(KINDS["bearer"](), a.url, b.url).request("GET", a.url + "file")
    assert carries_secret(a.requests[0]) and carries_secret(b.requests[0])
