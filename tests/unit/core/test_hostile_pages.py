"""Hostile or broken answers, served over HTTP by a local server and read through the real
clients (StacClient open / search / collections, ConstellrClient): each ends in the
plugin's own error with a sentence for people, within a time and memory bound the test
measures (tracemalloc peak, elapsed time). The bounds are safety nets, not benchmarks."""

from __future__ import annotations

import json
import time
import tracemalloc
from typing import Any, Callable

import pytest

from eo_explorer.plugin.api.constellr import ConstellrClient, CreationUnknown
from eo_explorer.plugin.api.constellr_rules import validate_spec
from eo_explorer.plugin.api.errors import (
    EOExplorerError,
    HttpError,
    InvalidResponse,
    NetworkError,
    NotAStacApi,
)
from eo_explorer.plugin.api.http import MAX_BODY_BYTES, HttpClient, HttpSettings
from eo_explorer.plugin.api.search import SearchRequest
from eo_explorer.plugin.api.stac import StacClient
from tests.servers.common.hostile_server import (
    GIB,
    HostileServer,
    Page,
    deep_json,
    feature,
    gzip_bomb,
    gzipped,
    redirect,
)

MIB = 1024 * 1024
#: Deep enough for every Python's parser to give up: up to 3.13 it stops near the
#: recursion limit (~1,000 levels); 3.14 checks the real C stack instead and parses 10,000
#: levels without harm, but not 100,000.
DEEP = 100_000
BAD_IPV6 = "http://[::1/x"


@pytest.fixture()
def server():
    with HostileServer() as srv:
        yield srv


def http(**settings: Any) -> HttpClient:
    return HttpClient(settings=HttpSettings(retries=0, timeout=(5, 10), **settings))


def bounded(action: Callable[[], Any], seconds: float = 20.0, peak_mib: float = 64.0) -> Any:
    """``action()``'s result or exception, asserting elapsed time and traced memory peak."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        outcome = action()
    except Exception as exc:  # noqa: BLE001 - the test looks at what came out
        outcome = exc
    finally:
        elapsed = time.monotonic() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    assert peak < peak_mib * MIB, f"peak {peak / MIB:.0f} MiB"
    return outcome


def for_people(error: Exception, kind: type = EOExplorerError) -> str:
    assert isinstance(error, kind), repr(error)
    text = str(error)
    assert text.endswith(".") and len(text.split()) >= 5, text
    for raw in ("Traceback", "RecursionError", "ValueError", "Exceeds the limit"):
        assert raw not in text, text
    return text


def search(srv, client=None, max_items: int = 1000) -> list:
    stac = StacClient.open(srv.url, client or http())
    return list(stac.search(SearchRequest(max_items=max_items)))


def collection_page(body: Any) -> str:
    return '{"type":"FeatureCollection","features":' + body + ',"links":[]}'


# -- JSON nested 10,000 levels --------------------------------------------------------------
@pytest.mark.parametrize("kind", ["list", "object"])
def test_a_deep_landing_page_is_not_a_stac_api(server, kind):
    server.pages["/"] = Page(deep_json(DEEP, kind=kind))
    error = bounded(lambda: StacClient.open(server.url, http()))
    assert "nested too deeply" in for_people(error, NotAStacApi)


def test_a_deep_item_ends_the_search_with_an_error(server):
    server.pages["/search"] = Page(collection_page("[" + deep_json(DEEP, kind="object") + "]"))
    assert "nested too deeply" in for_people(bounded(lambda: search(server)), InvalidResponse)


def test_deep_links_after_the_features_do_not_escape_the_look_ahead(server):
    """pagejson.skim_tail reads the links tail before the page is parsed."""
    page = json.dumps({"type": "FeatureCollection", "features": [feature()]})
    server.pages["/search"] = Page(page[:-1] + ', "links": ' + deep_json(DEEP) + "}")
    assert "nested too deeply" in for_people(bounded(lambda: search(server)), InvalidResponse)


def test_a_deep_error_body_is_an_http_error(server):
    server.pages["/search"] = Page(deep_json(DEEP), status=500)
    error = bounded(lambda: search(server))
    assert "HTTP 500" in for_people(error, HttpError)


def test_a_deep_collection_list_ends_in_an_error(server):
    server.pages["/collections"] = Page(deep_json(DEEP, kind="object"))
    error = bounded(lambda: StacClient.open(server.url, http()).collections())
    for_people(error, InvalidResponse)


# -- gzip bomb ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzip_bomb(GIB)


def test_a_gzip_bomb_is_stopped_at_the_size_limit(server, bomb):
    """1 GiB once unpacked: reading stops past 256 MiB, instead of growing to ~2 GB and
    then "finding" 0 items."""
    assert len(bomb) < 4 * MIB
    server.pages["/search"] = Page(bomb, headers={"Content-Encoding": "gzip"})
    limit_mib = MAX_BODY_BYTES / MIB  # plus one unpacked read (~32 MiB) and its copy
    error = bounded(lambda: search(server), seconds=60, peak_mib=limit_mib + 96)
    assert "larger than 256 MiB once unpacked" in for_people(error, InvalidResponse)


def test_the_size_limit_is_a_setting(server, bomb):
    server.pages["/orders"] = Page(bomb, headers={"Content-Encoding": "gzip"})
    small = http(max_body_bytes=8 * MIB)
    constellr = ConstellrClient(small, server.url)
    error = bounded(lambda: constellr.orders(), peak_mib=8 + 96)
    assert "larger than 8 MiB" in for_people(error, InvalidResponse)


def test_a_plain_body_announcing_too_much_is_refused_before_reading(server):
    error = bounded(lambda: ConstellrClient(http(max_body_bytes=16), server.url).orders())
    assert "larger than 16 bytes" in for_people(error, InvalidResponse)
    assert "Content-Length 25" in error.details


def test_gzipped_pages_within_the_limit_still_read(server):
    server.pages["/search"] = gzipped(
        Page({"type": "FeatureCollection", "features": [feature()], "links": []})
    )
    (page,) = bounded(lambda: search(server))
    assert [i["id"] for i in page.items] == ["item-1"]


# -- numbers no int() accepts ---------------------------------------------------------------
@pytest.mark.parametrize("matched", ["9" * 5000, "²", "-3", " 12 ", 10**40, -1])
def test_a_nonsense_number_matched_is_an_unknown_count(server, matched):
    """The items are fine; only the count is nonsense: it is shown as unknown."""
    body = {"type": "FeatureCollection", "features": [feature()], "links": []}
    server.pages["/search"] = Page({**body, "numberMatched": matched})
    (page,) = bounded(lambda: search(server))
    assert page.number_matched == (12 if matched == " 12 " else None)
    assert len(page.items) == 1


def test_a_5000_digit_number_literal_is_not_json_python_reads(server):
    body = collection_page("[]")
    server.pages["/search"] = Page(body[:-1] + ', "numberMatched": ' + "9" * 5000 + "}")
    for_people(bounded(lambda: search(server)), InvalidResponse)


# -- addresses no URL parser accepts --------------------------------------------------------
def test_a_next_link_that_is_not_an_address(server):
    body = {"type": "FeatureCollection", "features": [feature()]}
    server.pages["/search"] = Page({**body, "links": [{"rel": "next", "href": BAD_IPV6}]})
    text = for_people(bounded(lambda: search(server)), InvalidResponse)
    assert "link EO Explorer cannot follow" in text


def test_a_search_link_that_is_not_an_address(server):
    landing = server.landing()
    landing["links"] = [{"rel": "search", "href": BAD_IPV6}]
    server.pages["/"] = Page(landing)
    for_people(bounded(lambda: StacClient.open(server.url, http())), InvalidResponse)


def test_a_collections_next_link_that_is_not_an_address(server):
    collection = {"id": "c1", "type": "Collection", "links": []}
    next_link = {"rel": "next", "href": "http://127.0.0.1:99999/collections?page=2"}
    server.pages["/collections"] = Page({"collections": [collection], "links": [next_link]})
    error = bounded(lambda: StacClient.open(server.url, http()).collections())
    for_people(error, InvalidResponse)


@pytest.mark.parametrize("path", ["/", "/search"])
def test_a_redirect_to_port_99999(server, path):
    server.pages[path] = redirect("http://127.0.0.1:99999/")
    error = bounded(lambda: search(server))
    assert "not valid" in for_people(error, NetworkError)


def test_a_redirect_to_a_broken_ipv6_address(server):
    server.pages["/"] = redirect(BAD_IPV6)
    for_people(bounded(lambda: StacClient.open(server.url, http())), NetworkError)


# -- a page of the wrong shape --------------------------------------------------------------
def test_features_given_as_an_object_is_a_malformed_page(server):
    server.pages["/search"] = Page({"type": "FeatureCollection", "features": {"0": feature()}})
    text = for_people(bounded(lambda: search(server)), InvalidResponse)
    assert "malformed" in text and "'features' are not a list" in text


# -- the Constellr client -------------------------------------------------------------------
@pytest.mark.parametrize(
    "page",
    [
        Page(deep_json(DEEP, kind="object")),
        Page({"count": 1, "items": {"0": {}}}),
        Page({"count": "9" * 5000, "items": [{"id": 1}]}),
    ],
    ids=["deep", "items-object", "nonsense-count"],
)
def test_a_hostile_order_list_ends_in_an_error(server, page):
    server.pages["/orders"] = page
    error = bounded(lambda: ConstellrClient(http(), server.url).orders())
    for_people(error, InvalidResponse)


def test_a_201_with_a_deep_body_is_placed_not_sent_again(server):
    server.pages["/orders/batch"] = Page(deep_json(DEEP), status=201)
    client = ConstellrClient(http(), server.url)
    client.look_for, client.look_every = 0.5, 0.1
    area = {"id": "a1", "name": "Field", "bbox_width": 1000.0, "bbox_height": 1000.0}
    spec = validate_spec(
        {
            "product_name": "LSTfusion",
            "areas": [area],
            "frequency": "daily",
            "start_date": "2024-01-01T00:00:00Z",
            "end_date": "2024-02-01T00:00:00Z",
        }
    )
    error = bounded(lambda: client.submit(spec.batches()[0]))
    assert "Do not place them again" in for_people(error, CreationUnknown)
    posts = [e for e in server.requests if e["path"] == "/orders/batch"]
    assert len(posts) == 1


# -- sizes in headers -----------------------------------------------------------------------
@pytest.mark.parametrize("value", ["²", "9" * 5000, "-5", "12a"])
def test_a_nonsense_size_header_is_an_unknown_size(value):
    """Downloads read Content-Range / Content-Length to know the total: "²" passes
    str.isdigit and a 5,000-digit number fails int(); both are just unknown."""
    import requests

    from eo_explorer.plugin.api.download import _total

    response = requests.Response()
    response.status_code = 206
    response.headers["Content-Range"] = f"bytes 0-9/{value}"
    response.headers["Content-Length"] = value
    assert _total(response, 0) is None
    response.headers["Content-Length"] = "10"
    assert _total(response, 5) == 15


def test_an_item_just_under_the_parse_limit_is_rejected_not_raised(monkeypatch):
    """Parsed just under the recursion limit, but re-encoding it (when its own text is not
    at hand) from a deeper stack goes past it: the item is reported as rejected, the page
    goes on. (The limit is lowered to make "just under" the same on every stack. Python
    3.12+ no longer counts the C encoder's nesting against that limit, so the item is
    re-encoded by a Python encoder here, whose nesting counts on every version.)"""
    import sys

    from eo_explorer.plugin.api import footprints
    from eo_explorer.plugin.api.footprints import convert_items
    from eo_explorer.plugin.api.pagejson import loads_page

    def python_dumps(value) -> str:
        if isinstance(value, dict):
            pairs = (json.dumps(k) + ":" + python_dumps(v) for k, v in value.items())
            return "{" + ",".join(pairs) + "}"
        if isinstance(value, list):
            return "[" + ",".join(python_dumps(v) for v in value) + "]"
        return json.dumps(value)

    monkeypatch.setattr(footprints, "_dumps", python_dumps)

    good = json.dumps(feature("fine"))
    deep = json.dumps(feature("deep"))[:-1] + ', "deep": ' + deep_json(300) + "}"
    document, _texts = loads_page(('{"features": [' + deep + "," + good + "]}").encode())
    limit = sys.getrecursionlimit()
    frames, frame = 0, sys._getframe()
    while frame is not None:
        frames, frame = frames + 1, frame.f_back
    sys.setrecursionlimit(frames + 200)
    try:
        converted = convert_items(document["features"])  # no texts: items are re-encoded
    finally:
        sys.setrecursionlimit(limit)
    assert [f.values[0] for f in converted.footprints] == ["fine"]
    assert [(r.item_id, r.reason) for r in converted.rejected] == [
        ("deep", "it is nested too deeply to be stored")
    ]


def test_a_deep_landing_that_parses_still_gets_a_short_log_preview(server):
    """A landing page that is a list nested a few hundred levels parses; the preview of
    it for the log must not fail however deep it is."""
    from eo_explorer.plugin.api.stac import _preview

    assert _preview([[[1]]]) == "[[[1]]]"
    nested: list = []
    for _ in range(100_000):
        nested = [nested]
    assert _preview(nested) == "list"
    server.pages["/"] = Page(deep_json(200))
    assert "has no links" in for_people(bounded(lambda: StacClient.open(server.url, http())))
