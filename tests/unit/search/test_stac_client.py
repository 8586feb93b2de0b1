"""StacClient against real local servers: the paging styles of real catalogs, landing-page
variants, error bodies, and rustac (a real STAC API) over the sandbox data."""

from __future__ import annotations

import json
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from shapely.geometry import box, shape

from eo_explorer.plugin.api import search
from eo_explorer.plugin.api.errors import (
    Cancelled,
    HttpError,
    InvalidResponse,
    NetworkError,
    NotAStacApi,
    UnsupportedRequest,
)
from eo_explorer.plugin.api.geometry import SearchArea, area_from_polygons
from eo_explorer.plugin.api.http import HttpClient, HttpSettings
from eo_explorer.plugin.api.search import SearchRequest
from eo_explorer.plugin.api.stac import StacClient
from tests.servers.common import faults
from tests.servers.sandbox.items import sandbox_files
from tests.servers.stac.paging_server import StacPagingServer
from tests.servers.stac.rustac_server import RustacServer

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
COLLECTION = "c1"


def make_items(count: int, collection: str = COLLECTION) -> list[dict]:
    """Small valid STAC items, newest first like most catalogs sort them."""
    items = []
    for i in range(count):
        west, south = 10.0 + (i % 5), 45.0 + (i // 5) * 0.5
        items.append(
            {
                "type": "Feature",
                "stac_version": "1.0.0",
                "id": f"{collection}-item-{i:03d}",
                "collection": collection,
                "bbox": [west, south, west + 1, south + 1],
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [
                            [west, south],
                            [west + 1, south],
                            [west + 1, south + 1],
                            [west, south + 1],
                            [west, south],
                        ]
                    ],
                },
                "properties": {
                    "datetime": f"2024-06-{30 - i % 30:02d}T10:00:{i % 60:02d}Z",
                    "eo:cloud_cover": float(i % 100),
                },
                "links": [],
                "assets": {},
            }
        )
    return items


ITEMS = make_items(23)
#: a start date before every item: Sentinel Hub Catalog needs a datetime (seed 001)
START = date(2000, 1, 1)
IDS = [item["id"] for item in ITEMS]

#: a client that does not wait long between retries, so fault tests stay quick
FAST = HttpSettings(backoff=0.01, timeout=(5.0, 5.0))


def search_requests(server: StacPagingServer) -> list[dict]:
    return [r for r in server.requests if r["route"] == "/search"]


def fetch_ids(client: StacClient, request: SearchRequest) -> list[str]:
    return [item["id"] for page in client.search(request) for item in page.items]


def json_fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


# --- paging styles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "style", ["sentinelhub", "token-get", "post-body-merge", "post-body-full", "page-number"]
)
def test_every_item_once_and_in_order(style):
    with StacPagingServer(ITEMS, style=style) as server:
        client = StacClient.open(server.url)
        request = SearchRequest([COLLECTION], start=START, page_size=5, max_items=100)
        pages = list(client.search(request))
        ids = [item["id"] for page in pages for item in page.items]
        assert ids == IDS
        assert [len(p.items) for p in pages] == [5, 5, 5, 5, 3]
        assert [p.number for p in pages] == [1, 2, 3, 4, 5]
        assert len(search_requests(server)) == 5


@pytest.mark.parametrize(
    "style", ["sentinelhub", "token-get", "post-body-merge", "post-body-full", "page-number"]
)
def test_stops_at_max_items(style):
    with StacPagingServer(ITEMS, style=style) as server:
        client = StacClient.open(server.url)
        request = SearchRequest([COLLECTION], start=START, page_size=5, max_items=12)
        assert list(client.items(request)) == ITEMS[:12]
        # pages of 5: the third page reaches 12, nothing more is asked for
        assert len(search_requests(server)) == 3


def test_max_items_smaller_than_a_page_asks_for_only_that_many():
    with StacPagingServer(ITEMS, style="token-get") as server:
        client = StacClient.open(server.url)
        assert fetch_ids(client, SearchRequest(max_items=3)) == IDS[:3]
        [sent] = search_requests(server)
        assert sent["query"]["limit"] == ["3"]


def test_sentinelhub_cloud_limit_is_a_plain_cql2_json_comparison():
    """Sentinel Hub Catalog's CQL2 knows "and" only (seed 002): no "or ... isNull"."""
    with StacPagingServer(ITEMS, style="sentinelhub") as server:
        client = StacClient.open(server.url)
        assert not client.capabilities.filter_or
        body = client.first_request(
            SearchRequest([COLLECTION], start=START, max_cloud_cover=20)
        ).body
        assert body["filter"] == {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20]}
        assert body["filter-lang"] == "cql2-json"


def test_sentinelhub_context_next_is_sent_back_in_the_body():
    with StacPagingServer(ITEMS, style="sentinelhub") as server:
        client = StacClient.open(server.url)
        assert server.url.endswith("/api/v1/catalog/1.0.0/")
        request = SearchRequest(collections=[COLLECTION], page_size=10, start=date(2024, 6, 1))
        assert fetch_ids(client, request) == IDS
        bodies = [r["json"] for r in search_requests(server)]
        assert [r["method"] for r in search_requests(server)] == ["POST"] * 3
        first = {
            "limit": 10,
            "collections": [COLLECTION],
            "datetime": "2024-06-01T00:00:00Z/..",
        }
        assert bodies == [first, {**first, "next": 10}, {**first, "next": 20}]


def test_sentinelhub_next_as_query_parameter_when_only_get_is_offered():
    with StacPagingServer(ITEMS, style="sentinelhub") as server:
        landing = HttpClient().get_json(server.url)
        landing["links"] = [
            link
            for link in landing["links"]
            if not (link["rel"] == "search" and link.get("method") == "POST")
        ]
        server.set_fault("/", faults.respond(200, landing))
        client = StacClient.open(server.url)
        assert fetch_ids(client, SearchRequest([COLLECTION], start=START, page_size=10)) == IDS
        queries = [r["query"] for r in search_requests(server)]
        assert [r["method"] for r in search_requests(server)] == ["GET"] * 3
        assert [q.get("next") for q in queries] == [None, ["10"], ["20"]]
        assert all(q["collections"] == [COLLECTION] and q["limit"] == ["10"] for q in queries)


def test_token_get_follows_the_next_href():
    with StacPagingServer(ITEMS, style="token-get") as server:
        client = StacClient.open(server.url)
        fetch_ids(client, SearchRequest(collections=[COLLECTION], page_size=10))
        queries = [r["query"] for r in search_requests(server)]
        assert [q.get("token") for q in queries] == [
            None,
            [f"next:{COLLECTION}:{IDS[9]}"],
            [f"next:{COLLECTION}:{IDS[19]}"],
        ]
        assert all(q["collections"] == [COLLECTION] for q in queries)


def test_post_body_merge_keeps_the_search_and_adds_the_token():
    with StacPagingServer(ITEMS, style="post-body-merge") as server:
        client = StacClient.open(server.url)
        area = SearchArea(bboxes=((0.0, 0.0, 40.0, 60.0),))
        fetch_ids(client, SearchRequest(collections=[COLLECTION], area=area, page_size=10))
        first, second, third = (r["json"] for r in search_requests(server))
        assert first == {"limit": 10, "collections": [COLLECTION], "bbox": [0.0, 0.0, 40.0, 60.0]}
        assert second == {**first, "token": f"next:{COLLECTION}:{IDS[9]}"}
        assert third == {**first, "token": f"next:{COLLECTION}:{IDS[19]}"}


def test_post_body_full_sends_the_link_body_as_is():
    with StacPagingServer(ITEMS, style="post-body-full") as server:
        client = StacClient.open(server.url)
        pages = list(client.search(SearchRequest(collections=[COLLECTION], page_size=10)))
        assert [p.number_matched for p in pages] == [23, 23, 23]
        bodies = [r["json"] for r in search_requests(server)]
        last = ITEMS[9]
        expected_next = f"{last['properties']['datetime']},{last['id']},{COLLECTION}"
        assert bodies[1] == {"limit": 10, "collections": [COLLECTION], "next": expected_next}


def test_page_number_paging():
    with StacPagingServer(ITEMS, style="page-number") as server:
        client = StacClient.open(server.url)
        assert fetch_ids(client, SearchRequest(page_size=10)) == IDS
        assert [r["query"].get("page") for r in search_requests(server)] == [None, ["2"], ["3"]]


def test_empty_last_page_ends_the_search():
    with StacPagingServer(ITEMS[:10], style="post-body-full", empty_last_page=True) as server:
        client = StacClient.open(server.url)
        pages = list(client.search(SearchRequest(page_size=5)))
        assert [len(p.items) for p in pages] == [5, 5, 0]
        assert len(search_requests(server)) == 3


def test_a_page_served_twice_is_not_returned_twice():
    page = {
        "type": "FeatureCollection",
        "features": ITEMS[:5],
        "links": [{"rel": "next", "href": "search?token=same", "method": "GET"}],
    }
    with StacPagingServer(ITEMS, style="token-get") as server:
        server.set_fault("/search", faults.respond(200, page))
        client = StacClient.open(server.url)
        ids = fetch_ids(client, SearchRequest(page_size=5, max_items=100))
        assert ids == IDS[:5]
        assert len(search_requests(server)) == 2


def test_number_matched_is_reported():
    with StacPagingServer(ITEMS, style="post-body-full") as server:
        client = StacClient.open(server.url)
        [page] = list(client.search(SearchRequest(max_items=4)))
        assert page.number_matched == 23
        assert len(page.items) == 4
    with StacPagingServer(ITEMS, style="token-get") as server:
        client = StacClient.open(server.url)
        [page] = list(client.search(SearchRequest(max_items=4)))
        assert page.number_matched is None  # CDSE sends numberReturned only


def test_on_request_reports_every_request_sent():
    with StacPagingServer(ITEMS, style="post-body-merge") as server:
        client = StacClient.open(server.url)
        seen = []
        request = SearchRequest(page_size=10)
        list(client.search(request, on_request=lambda *call: seen.append(call)))
        assert [(m, u) for m, u, _ in seen] == [("POST", server.url + "search")] * 3
        assert [body for _, _, body in seen] == [r["json"] for r in search_requests(server)]


def test_cancel_between_pages_keeps_what_was_fetched():
    with StacPagingServer(ITEMS, style="token-get") as server:
        client = StacClient.open(server.url)
        pages = []
        for page in client.search(SearchRequest(page_size=5), is_cancelled=lambda: len(pages) >= 2):
            pages.append(page)
        assert [item["id"] for p in pages for item in p.items] == IDS[:10]
        # the third page may have been asked for ahead (see below), then abandoned
        assert len(search_requests(server)) in (2, 3)


def _wait_until(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pytest.mark.parametrize("style", ["sentinelhub", "token-get", "post-body-merge"])
def test_the_next_page_is_asked_for_while_this_one_is_used(style):
    """The server works on page 2 while the caller still holds page 1; the guess comes
    from the page's tail and matches what the whole page says."""
    with StacPagingServer(ITEMS, style=style) as server:
        client = StacClient.open(server.url)
        seen = []
        pages = client.search(
            SearchRequest([COLLECTION], start=START, page_size=5, max_items=100),
            on_request=lambda *c: seen.append(c),
        )
        first = next(pages)
        assert _wait_until(lambda: len(search_requests(server)) == 2)
        rest = list(pages)
        assert [item["id"] for p in [first, *rest] for item in p.items] == IDS
        sent = search_requests(server)
        assert len(sent) == len(seen) == 5  # every request asked ahead was used
        if style != "token-get":
            assert [body for _, _, body in seen] == [r["json"] for r in sent]


def test_nothing_is_asked_ahead_past_the_maximum():
    with StacPagingServer(ITEMS, style="post-body-merge") as server:
        client = StacClient.open(server.url)
        pages = client.search(SearchRequest(page_size=5, max_items=10))
        next(pages)
        assert _wait_until(lambda: len(search_requests(server)) == 2)
        assert len(list(pages)) == 1
        time.sleep(0.2)
        assert len(search_requests(server)) == 2  # page 2 reaches 10: no page 3


def test_pages_whose_links_come_first_are_read_one_after_the_other():
    """When ``links`` precede ``features`` (eoAPI), nothing is guessed: page 2 is asked
    for only once page 1 has been read whole."""
    first_page = json_fixture("pystac-client/eoapi_search_post_empty_body_numberMatched.json")
    with StacPagingServer(ITEMS, style="post-body-full") as server:
        server.set_fault("/search", faults.respond(200, first_page))
        client = StacClient.open(server.url)
        pages = client.search(SearchRequest(page_size=10, max_items=100))
        next(pages)
        time.sleep(0.3)
        assert len(search_requests(server)) == 1


# --- collections ------------------------------------------------------------------------


def test_collections_over_two_pages_are_all_read():
    items = make_items(2, "alpha") + make_items(2, "beta") + make_items(2, "gamma")
    with StacPagingServer(items, style="token-get", collections_page_size=2) as server:
        client = StacClient.open(server.url)
        assert [c.id for c in client.collections()] == ["alpha", "beta", "gamma"]
        pages = [r for r in server.requests if r["route"] == "/collections"]
        assert [r["query"].get("offset") for r in pages] == [None, ["2"]]


@pytest.mark.parametrize(
    "name", ["cdse-stac-v1/collections_early_3.json", "cdse-stac-v1/collections_all_118.json"]
)
def test_cloud_cover_offered_for_cdse_optical_collections(name):
    # CDSE lists eo:cloud_cover in no collection summary; its optical collections declare
    # the EO extension instead. Sentinel-1 has no cloud cover.
    document = json_fixture(name)
    with StacPagingServer(ITEMS, style="token-get") as server:
        server.set_fault("/collections", faults.respond(200, document))
        infos = {c.id: c for c in StacClient.open(server.url).collections()}
    assert len(infos) == len(document["collections"])
    assert infos["sentinel-2-l2a"].has_cloud_cover
    assert infos["sentinel-2-l2a"].title == "Sentinel-2 Level-2A"
    assert not infos["sentinel-1-grd"].has_cloud_cover


def test_cloud_cover_from_collection_summaries():
    items = make_items(2, "optical") + make_items(2, "radar")
    collections = [
        {"id": "optical", "title": "Optical", "summaries": {"eo:cloud_cover": [0, 100]}},
        {"id": "radar", "title": "Radar", "summaries": {"sar:polarizations": ["VV"]}},
    ]
    with StacPagingServer(items, style="token-get", collections=collections) as server:
        infos = {c.id: c for c in StacClient.open(server.url).collections()}
    assert infos["optical"].has_cloud_cover
    assert not infos["radar"].has_cloud_cover


def test_collection_list_that_is_not_stac_is_reported():
    with StacPagingServer(ITEMS, style="token-get") as server:
        server.set_fault("/collections", faults.respond(200, {"items": []}))
        client = StacClient.open(server.url)
        with pytest.raises(InvalidResponse, match="collection list is not in STAC form"):
            client.collections()


# --- landing pages ----------------------------------------------------------------------


def test_fedeo_landing_search_link_json_chosen_over_opensearch():
    with StacPagingServer(ITEMS, style="post-body-merge") as server:
        text = (FIXTURES / "pystac-client/fedeo_emc_landing.json").read_text(encoding="utf-8")
        landing = json.loads(text.replace("https://emc.spacebel.be/", server.url))
        search_types = [link["type"] for link in landing["links"] if link["rel"] == "search"]
        # the OpenSearch description comes first under rel=search
        assert search_types[0] == "application/opensearchdescription+xml"
        server.set_fault("/", faults.respond(200, landing))
        client = StacClient.open(server.url)
        assert client.search_link() == (server.url + "search", {"GET", "POST"})
        assert client.capabilities.filter
        assert fetch_ids(client, SearchRequest(page_size=10)) == IDS
        assert {r["path"] for r in search_requests(server)} == {"/search"}
        assert not any("api" in r["path"] for r in server.requests)


def test_landing_without_conforms_to_reads_conformance():
    with StacPagingServer(ITEMS, style="sentinelhub") as server:
        landing = HttpClient().get_json(server.url)
        del landing["conformsTo"]
        server.set_fault("/", faults.respond(200, landing))
        server.requests.clear()
        client = StacClient.open(server.url)
        assert [r["route"] for r in server.requests] == ["/", "/conformance"]
        assert client.capabilities.filter  # learned from /conformance
        assert "https://api.stacspec.org/v1.0.0/item-search" in client.conformance


def test_landing_without_conformance_link_tries_the_default_path():
    with StacPagingServer(ITEMS, style="token-get") as server:
        landing = HttpClient().get_json(server.url)
        del landing["conformsTo"]
        landing["links"] = [link for link in landing["links"] if link["rel"] != "conformance"]
        server.set_fault("/", faults.respond(200, landing))
        server.requests.clear()
        client = StacClient.open(server.url.rstrip("/"))
        assert [r["path"] for r in server.requests] == ["/", "/conformance"]
        assert client.capabilities.item_search


def test_missing_conformance_does_not_stop_the_search():
    with StacPagingServer(ITEMS, style="token-get") as server:
        landing = HttpClient().get_json(server.url)
        del landing["conformsTo"]
        server.set_fault("/", faults.respond(200, landing))
        server.set_fault("/conformance", faults.stac_error(404, "Not Found", "NotFoundError"))
        client = StacClient.open(server.url)
        assert client.conformance == []
        assert fetch_ids(client, SearchRequest(max_items=3)) == IDS[:3]


def test_web_page_is_not_a_stac_api():
    with StacPagingServer(ITEMS, style="token-get", faults={"/": faults.not_stac_html()}) as srv:
        with pytest.raises(NotAStacApi) as info:
            StacClient.open(srv.url)
        assert str(info.value) == f"{srv.url} is not a STAC API: its landing page is not JSON."


def test_other_json_api_is_not_a_stac_api():
    with StacPagingServer(ITEMS, style="token-get", faults={"/": faults.not_stac_json()}) as srv:
        with pytest.raises(NotAStacApi, match="is not a STAC API: its landing page has no links"):
            StacClient.open(srv.url)


def test_static_catalog_without_search_is_reported():
    with StacPagingServer(ITEMS, style="token-get") as server:
        landing = HttpClient().get_json(server.url)
        landing["links"] = [link for link in landing["links"] if link["rel"] != "search"]
        server.set_fault("/", faults.respond(200, landing))
        server.set_fault("/search", faults.respond(404, {"code": "NotFound"}))
        with pytest.raises(NotAStacApi, match="offers no item search"):
            StacClient.open(server.url)


def test_a_search_endpoint_without_a_link_is_found_by_asking_it():
    """Constellr's documented landing page has no search link; /search answers anyway."""
    with StacPagingServer(ITEMS, style="token-get") as server:
        landing = HttpClient().get_json(server.url)
        landing["links"] = [link for link in landing["links"] if link["rel"] != "search"]
        server.set_fault("/", faults.respond(200, landing))
        client = StacClient.open(server.url)
        href, methods = client.search_link()
        assert href == server.url + "search" and len(methods) == 1
        ids = [
            item["id"]
            for page in client.search(SearchRequest(max_items=1000))
            for item in page.items
        ]
        assert sorted(ids) == sorted(item["id"] for item in ITEMS)


# --- errors -----------------------------------------------------------------------------


def test_stac_error_body_reaches_the_message():
    body = json_fixture("pystac-client/pc_error_404_item_not_found.json")
    with StacPagingServer(ITEMS, style="token-get") as server:
        server.set_fault("/search", faults.respond(404, body))
        client = StacClient.open(server.url)
        with pytest.raises(HttpError) as info:
            fetch_ids(client, SearchRequest())
    error = info.value
    assert error.status == 404
    assert body["description"] in str(error)
    assert "HTTP 404" in str(error)
    assert error.server_message == body["description"]
    assert len(search_requests(server)) == 1  # a 404 is not retried


def test_sentinelhub_error_body_reaches_the_message():
    with StacPagingServer(ITEMS, style="sentinelhub") as server:
        message = "Invalid bbox: west is after east."
        error = faults.sentinelhub_error(400, message, "COMMON_BAD_PAYLOAD")
        server.set_fault("/search", error)
        client = StacClient.open(server.url)
        with pytest.raises(HttpError) as info:
            fetch_ids(client, SearchRequest([COLLECTION], start=START))
    text = str(info.value)
    assert info.value.status == 400
    assert "HTTP 400" in text
    assert "Invalid bbox: west is after east." in text
    assert "COMMON_BAD_PAYLOAD" in text


def test_server_rejecting_the_request_in_its_own_words():
    # the real server's own 400 for a bad limit, in the STAC error shape
    with StacPagingServer(ITEMS, style="token-get") as server:
        client = StacClient.open(server.url)
        bad = client.first_request(SearchRequest())
        with pytest.raises(HttpError) as info:
            client.http.get_json(bad.url, params={"limit": "lots"})
    assert "invalid limit 'lots'" in str(info.value)
    assert "BadRequest" in str(info.value)


def test_recorded_sentinelhub_error_file_reaches_the_message():
    body = json_fixture(
        "sentinelhub/process-api-errors/process_500_RENDERER_EXCEPTION_newLimit_capacity.json"
    )
    with StacPagingServer(ITEMS, style="sentinelhub") as server:
        server.set_fault("/search", faults.respond(500, body))
        client = StacClient.open(server.url)
        with pytest.raises(HttpError) as info:
            fetch_ids(client, SearchRequest([COLLECTION], start=START))
    assert body["error"]["message"] in str(info.value)
    assert "HTTP 500" in str(info.value)


def test_html_error_page_is_not_shown_to_the_user():
    with StacPagingServer(ITEMS, style="token-get") as server:
        server.set_fault("/search", faults.html_error(502))
        client = StacClient.open(server.url, http=HttpClient(settings=FAST))
        with pytest.raises(HttpError) as info:
            fetch_ids(client, SearchRequest())
        assert len(search_requests(server)) == 1 + FAST.retries  # 502 is retried
    assert "HTTP 502" in str(info.value)
    assert "<" not in str(info.value)


def test_invalid_json_search_answer():
    with StacPagingServer(ITEMS, style="post-body-merge") as server:
        server.set_fault("/search", faults.invalid_json())
        client = StacClient.open(server.url)
        with pytest.raises(InvalidResponse, match="not valid JSON"):
            fetch_ids(client, SearchRequest())


def test_json_that_is_not_a_feature_collection():
    with StacPagingServer(ITEMS, style="post-body-merge") as server:
        server.set_fault("/search", faults.respond(200, {"type": "Catalog", "links": []}))
        client = StacClient.open(server.url)
        with pytest.raises(InvalidResponse, match="not a GeoJSON FeatureCollection"):
            fetch_ids(client, SearchRequest())


def test_dropped_connection_is_a_network_error():
    with StacPagingServer(ITEMS, style="token-get") as server:
        server.set_fault("/search", faults.drop_connection())
        client = StacClient.open(server.url, http=HttpClient(settings=FAST))
        with pytest.raises(NetworkError, match="Could not reach 127.0.0.1"):
            fetch_ids(client, SearchRequest())


def test_cancel_during_a_slow_search():
    with StacPagingServer(ITEMS, style="token-get") as server:
        server.set_fault("/search", faults.slow(10))
        client = StacClient.open(server.url)
        checks = []

        def is_cancelled() -> bool:  # the user presses Cancel after a few checks
            checks.append(1)
            return len(checks) > 5

        pages = client.search(SearchRequest(), is_cancelled=is_cancelled)
        with pytest.raises(Cancelled):
            next(pages)
        assert len(search_requests(server)) == 1


# --- rustac: a real STAC API over the sandbox -------------------------------------------


def _sandbox_items() -> list[dict]:
    items = []
    for path in sandbox_files():
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        if document.get("type") == "FeatureCollection":
            items.extend(document["features"])
    return items


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture(scope="module")
def rustac():
    with RustacServer(sandbox_files()) as server:
        yield server


@pytest.fixture(scope="module")
def sandbox_items():
    return _sandbox_items()


def test_rustac_bbox_and_datetime_give_exactly_the_expected_items(rustac, sandbox_items):
    collection = "sandbox-sentinel-2-l2a"
    area = (10.0, 45.0, 16.0, 50.0)
    start = datetime(2024, 3, 1, tzinfo=timezone.utc)
    end = datetime(2024, 6, 30, 23, 59, 59, 999999, tzinfo=timezone.utc)
    expected = [
        item["id"]
        for item in sandbox_items
        if item["collection"] == collection
        and shape(item["geometry"]).intersects(box(*area))
        and start <= _instant(item["properties"]["datetime"]) <= end
    ]
    assert 10 < len(expected) < 100  # a search worth several pages

    client = StacClient.open(rustac.url)
    request = SearchRequest(
        collections=[collection],
        area=SearchArea(bboxes=(area,)),
        start=date(2024, 3, 1),
        end=date(2024, 6, 30),
        page_size=10,
        max_items=1000,
    )
    sent = []
    ids = [
        item["id"]
        for page in client.search(request, on_request=lambda m, u, body: sent.append(body))
        for item in page.items
    ]
    assert ids == expected  # rustac keeps load order
    assert len(sent) == -(-len(expected) // 10)
    assert sent[0]["bbox"] == list(area)
    assert sent[0]["datetime"] == "2024-03-01T00:00:00Z/2024-06-30T23:59:59.999999Z"


@pytest.mark.parametrize(
    ("ring", "parts"),
    [
        # drawn over Fiji, continuously past 180: sent as two polygons
        ([(178, -20), (182, -20), (182, -15), (178, -15), (178, -20)], 2),
        # drawn just east of the antimeridian only (180.2 .. 182 = -179.8 .. -178)
        ([(180.2, -20), (182, -20), (182, -15), (180.2, -15), (180.2, -20)], 1),
    ],
)
def test_rustac_intersects_across_antimeridian(rustac, sandbox_items, ring, parts):
    collection = "sandbox-sentinel-2-l2a"
    area = area_from_polygons([[ring]])
    wanted = shape(area.geometry)
    assert len(getattr(wanted, "geoms", [wanted])) == parts
    expected = {
        item["id"]
        for item in sandbox_items
        if item["collection"] == collection and shape(item["geometry"]).intersects(wanted)
    }
    assert len(expected) >= 5

    client = StacClient.open(rustac.url)
    request = SearchRequest(collections=[collection], area=area, page_size=4, max_items=1000)
    ids = fetch_ids(client, request)
    assert len(ids) == len(set(ids))
    assert set(ids) == expected


def test_rustac_max_items_and_all_collections(rustac, sandbox_items):
    client = StacClient.open(rustac.url)
    ids = [item["id"] for item in client.items(SearchRequest(page_size=40, max_items=95))]
    assert len(ids) == len(set(ids)) == 95
    assert set(ids) <= {item["id"] for item in sandbox_items}
    assert {c.id for c in client.collections()} == {
        "sandbox-sentinel-2-l2a",
        "sandbox-sentinel-1-grd",
        "sandbox-lst",
    }


def test_rustac_cloud_limit_applied_locally(rustac, sandbox_items):
    # rustac understands neither CQL2 filter nor query: the limit is applied to the items
    collection = "sandbox-sentinel-2-l2a"
    client = StacClient.open(rustac.url)
    request = SearchRequest(
        collections=[collection], max_cloud_cover=10, page_size=50, max_items=20
    )
    assert request.cloud_filter_is_local(client.capabilities)
    assert "filter" not in request.post_body(client.capabilities)
    expected = [
        item["id"]
        for item in sandbox_items
        if item["collection"] == collection and item["properties"]["eo:cloud_cover"] <= 10
    ][:20]
    assert len(expected) == 20
    assert [item["id"] for item in client.items(request)] == expected


# --- Sentinel Hub Catalog contract (seed 001 CatalogItemSearch, seed 002) ------------------


@pytest.mark.parametrize(
    ("request_", "sentence"),
    [
        (SearchRequest([], start=START), search.SH_ONE_COLLECTION),
        (SearchRequest([COLLECTION, "other"], start=START), search.SH_ONE_COLLECTION),
        (SearchRequest([COLLECTION]), search.SH_NEEDS_DATES),
        (
            SearchRequest([COLLECTION], start=START, cql2_text="platform = 'a' OR gsd < 20"),
            search.SH_FILTER_OPS,
        ),
        (SearchRequest([COLLECTION], start=START, cql2_text="NOT gsd = 10"), search.SH_FILTER_OPS),
        (
            SearchRequest([COLLECTION], start=START, cql2_text="platform LIKE 'sentinel%'"),
            search.SH_FILTER_OPS,
        ),
        (
            SearchRequest([COLLECTION], start=START, cql2_text="gsd IN (10, 20)"),
            search.SH_FILTER_OPS,
        ),
        (
            SearchRequest([COLLECTION], start=START, cql2_text="S_INTERSECTS(geometry, x)"),
            search.SH_FILTER_OPS,
        ),
    ],
)
def test_sentinelhub_search_refused_before_anything_is_sent(request_, sentence):
    with StacPagingServer(ITEMS, style="sentinelhub") as server:
        client = StacClient.open(server.url)
        with pytest.raises(UnsupportedRequest) as caught:
            list(client.search(request_))
        assert str(caught.value) == sentence
        assert search_requests(server) == []


def test_sentinelhub_sentences_are_short_and_say_why():
    assert search.SH_ONE_COLLECTION == (
        "Sentinel Hub Catalog searches one collection at a time: choose one."
    )
    assert "AND" in search.SH_FILTER_OPS and "OR" in search.SH_FILTER_OPS


def test_sentinelhub_search_sends_and_of_comparisons_with_the_cloud_limit():
    with StacPagingServer(ITEMS, style="sentinelhub") as server:
        client = StacClient.open(server.url)
        request = SearchRequest(
            [COLLECTION],
            start=START,
            end=date(2030, 1, 1),
            max_cloud_cover=30,
            cql2_text="gsd BETWEEN 10 AND 20 AND platform = 'sentinel-2a'",
            page_size=500,
        )
        list(client.search(request))
        [sent] = search_requests(server)
    assert sent["method"] == "POST"
    body = sent["json"]
    assert body["collections"] == [COLLECTION]
    assert body["datetime"] == "2000-01-01T00:00:00Z/2030-01-01T23:59:59.999999Z"
    assert body["limit"] == 100  # the service's maximum
    assert body["filter-lang"] == "cql2-json"
    assert body["filter"] == {
        "op": "and",
        "args": [
            {
                "op": "and",
                "args": [
                    {"op": "between", "args": [{"property": "gsd"}, 10, 20]},
                    {"op": "=", "args": [{"property": "platform"}, "sentinel-2a"]},
                ],
            },
            {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 30]},
        ],
    }


def test_sentinelhub_dates_with_data_come_from_distinct():
    with StacPagingServer(ITEMS, style="sentinelhub") as server:
        client = StacClient.open(server.url)
        dates = client.distinct_dates(SearchRequest([COLLECTION], start=START))
        [sent] = search_requests(server)
    assert sent["json"]["distinct"] == "date"
    assert sent["json"]["collections"] == [COLLECTION]
    assert dates == sorted({i["properties"]["datetime"][:10] for i in ITEMS})


def test_dates_with_data_refused_where_the_catalog_has_no_distinct():
    with StacPagingServer(ITEMS, style="post-body-merge") as server:
        client = StacClient.open(server.url)
        with pytest.raises(UnsupportedRequest, match="Only Sentinel Hub Catalog"):
            client.distinct_dates(SearchRequest([COLLECTION], start=START))
        assert search_requests(server) == []
