"""Recorded responses of real catalogs (tests/fixtures, see SOURCES.md and its quirk index):
every item becomes a footprint or a reported rejection, the known quirks survive, and the
recorded paging styles are replayed from a local server to check the requests the client
sends for the next page."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Optional
from urllib.parse import parse_qs, urlsplit

import pytest
from shapely import wkb
from shapely.geometry import shape

from eo_explorer.plugin.api.footprints import (
    FIELD_NAMES,
    Rejected,
    convert_items,
    to_footprint,
)
from eo_explorer.plugin.api.geometry import SearchArea
from eo_explorer.plugin.api.http import HttpClient
from eo_explorer.plugin.api.search import SearchRequest
from eo_explorer.plugin.api.stac import StacClient

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _item_documents() -> list[Path]:
    found = []
    for path in sorted(FIXTURES.rglob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(document, dict) and document.get("type") in ("Feature", "FeatureCollection"):
            found.append(path)
    return found


ITEM_DOCUMENTS = _item_documents()


def features_of(document: dict) -> list[dict]:
    return document["features"] if document["type"] == "FeatureCollection" else [document]


def values(footprint) -> dict[str, Any]:
    return dict(zip(FIELD_NAMES, footprint.values))


def geometry(footprint):
    return wkb.loads(footprint.wkb)


# --- every recorded item -----------------------------------------------------------------


def test_the_walk_finds_the_recorded_item_documents():
    names = {p.name for p in ITEM_DOCUMENTS}
    assert len(ITEM_DOCUMENTS) >= 35
    assert "search_post_s2l2a_bbox_4items.json" in names
    assert "Sentinel-1_DH_mosaic_2020_M01_01CCV_0_0.json" in names
    assert "items_get_SENTINEL-2_page1_next_link_a.json" in names


@pytest.mark.parametrize(
    "path", ITEM_DOCUMENTS, ids=[str(p.relative_to(FIXTURES)) for p in ITEM_DOCUMENTS]
)
def test_every_recorded_item_is_a_footprint_or_a_reported_rejection(path):
    items = features_of(json.loads(path.read_text(encoding="utf-8")))
    with_geometry = [i for i in items if i.get("geometry") is not None]
    without = [i for i in items if i.get("geometry") is None]

    result = convert_items(items)

    assert [f.id for f in result.footprints] == [i["id"] for i in with_geometry]
    assert result.rejected == [Rejected(i["id"], "it has no geometry") for i in without]
    assert result.filtered_out == 0
    for footprint, item in zip(result.footprints, with_geometry):
        row = values(footprint)
        props = item["properties"]
        assert len(footprint.values) == len(FIELD_NAMES)
        assert json.loads(row["item_json"]) == item
        assert row["collection"] == item.get("collection")
        for field, key in (
            ("datetime", "datetime"),
            ("start", "start_datetime"),
            ("end", "end_datetime"),
        ):
            assert row[field] == props.get(key)
        cloud = props.get("eo:cloud_cover")
        assert row["cloud_cover"] == (float(cloud) if cloud is not None else None)
        shp = geometry(footprint)
        assert shp.geom_type == "MultiPolygon"
        assert not shp.is_empty
        west, south, east, north = shp.bounds
        assert -180 <= west <= east <= 180 and -90 <= south <= north <= 90
        assert shp.area == pytest.approx(shape(item["geometry"]).area, rel=1e-6)


# --- quirks -------------------------------------------------------------------------------


def test_cdse_storage_refs_garbage_string_is_kept():
    items = load("cdse-stac-v1/search_post_s2l2a_bbox_4items.json")["features"]
    result = convert_items(items)
    assert len(result.footprints) == 4
    for footprint in result.footprints:
        kept = json.loads(values(footprint)["item_json"])
        assert kept["assets"]["Product"]["storage:refs"] == "\U0001235f\u203b"


def test_landsat_mosaic_with_null_datetime_keeps_its_period():
    name = "cdse-item-examples-eometadatatool/Landsat_mosaic_1997_01-02_00N009E_V1.0.1.json"
    row = values(to_footprint(load(name)))
    assert row["datetime"] is None
    assert row["start"] == "1997-01-01T00:00:00.000000Z"
    assert row["end"] == "1997-02-28T23:59:59.000000Z"


def test_sentinel1_mosaic_past_minus_180_is_wrapped_onto_the_map():
    name = "cdse-item-examples-eometadatatool/Sentinel-1_DH_mosaic_2020_M01_01CCV_0_0.json"
    item = load(name)
    assert min(x for x, _ in item["geometry"]["coordinates"][0]) < -183
    shp = geometry(to_footprint(item))
    assert shp.bounds[0] == -180 and shp.bounds[2] == 180
    parts = sorted(shp.geoms, key=lambda g: g.bounds[0])
    assert len(parts) == 2
    assert parts[0].bounds[0] == -180 and parts[0].bounds[2] == pytest.approx(-179.91, abs=0.01)
    assert parts[1].bounds[0] == pytest.approx(176.89, abs=0.01) and parts[1].bounds[2] == 180
    assert shp.area == pytest.approx(shape(item["geometry"]).area)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        (
            "S3A_OL_2_LFR____20240701T000118_20240701T000418_20240702T004652_0179_114_116_1800_PS1"
            "_O_NT_002.json",
            2,
        ),
        ("S1B_WV_SLC__1SSH_20170317T183154_20170317T190001_004752_0084CF_D004.json", 116),
    ],
)
def test_antimeridian_multipolygons_are_kept_as_sent(name, parts):
    item = load(f"cdse-item-examples-eometadatatool/{name}")
    assert item["geometry"]["type"] == "MultiPolygon"
    shp = geometry(to_footprint(item))
    assert len(shp.geoms) == parts
    assert shp.equals(shape(item["geometry"]))


def test_pole_covering_sentinel3_orbit_is_kept():
    name = (
        "cdse-item-examples-eometadatatool/S3A_SL_2_LST____20200406T000355_20200406T014454"
        "_20200407T074421_6059_057_002______LN2_O_NT_004.json"
    )
    shp = geometry(to_footprint(load(name)))
    assert shp.bounds == pytest.approx((-180, -85.8309, 180, 90))


def test_legacy_cdse_aux_products_without_geometry_are_reported():
    items = load("cdse-stac-legacy/items_get_SENTINEL-2_page1_next_link_a.json")["features"]
    result = convert_items(items)
    assert result.footprints == []
    assert len(result.rejected) == 20
    assert all(r.reason == "it has no geometry" for r in result.rejected)
    assert [r.item_id for r in result.rejected] == [i["id"] for i in items]
    assert str(result.rejected[0]) == f"{items[0]['id']}: it has no geometry"


def test_fields_extension_items_without_geometry_key_are_reported():
    name = "pystac-client/earthsearch_search_post_fields_exclude_geometry_assets_links.json"
    document = load(name)
    assert all("geometry" not in item for item in document["features"])
    result = convert_items(document["features"])
    assert result.footprints == []
    assert {r.reason for r in result.rejected} == {"it has no geometry"}


def test_thumbnail_prefers_https_over_s3():
    item = load(
        "cdse-stac-v1/item_s2l2a_S2B_MSIL2A_20200705T101559_N0500_R065_T32TNT_20230530T175912.json"
    )
    thumbnail = item["assets"]["thumbnail"]
    https, s3 = thumbnail["href"], thumbnail["alternate"]["s3"]["href"]
    assert https.startswith("https://") and s3.startswith("s3://")
    assert values(to_footprint(item))["thumbnail"] == https
    # the other way round (primary s3, https alternate): still the https one
    thumbnail["href"] = s3
    thumbnail["alternate"] = {"s3": {"href": s3}, "https": {"href": https}}
    assert values(to_footprint(item))["thumbnail"] == https
    # only s3: better that than nothing
    thumbnail["alternate"] = {}
    assert values(to_footprint(item))["thumbnail"] == s3


def test_thumbnail_found_by_role_when_not_named_thumbnail():
    items = load("pystac-client/pc_items_get_landsat-c2-l2_next_get_token.json")["features"]
    rows = [values(f) for f in convert_items(items).footprints]
    assert all(
        r["thumbnail"].startswith("https://planetarycomputer.microsoft.com/api/data/") for r in rows
    )


def test_cloud_cover_is_a_number():
    items = load("cdse-stac-v1/search_post_s2l2a_bbox_4items.json")["features"]
    rows = [values(f) for f in convert_items(items).footprints]
    assert [r["cloud_cover"] for r in rows] == [
        float(i["properties"]["eo:cloud_cover"]) for i in items
    ]
    assert all(isinstance(r["cloud_cover"], float) for r in rows)
    item = items[0]
    item["properties"]["eo:cloud_cover"] = "12.5"  # a string where a number belongs
    assert values(to_footprint(item))["cloud_cover"] == 12.5
    item["properties"]["eo:cloud_cover"] = "cloudy"
    assert values(to_footprint(item))["cloud_cover"] is None


def test_local_cloud_filter_on_recorded_items():
    items = load("cdse-stac-v1/search_post_s3_syn_intersects_5items.json")["features"]
    clouds = [i["properties"]["eo:cloud_cover"] for i in items]
    limit = sorted(clouds)[2]
    result = convert_items(items, max_cloud_cover=limit)
    kept = [values(f)["cloud_cover"] for f in result.footprints]
    assert kept == [c for c in clouds if c <= limit]
    assert result.filtered_out == sum(c > limit for c in clouds)


# --- replaying recorded paging -----------------------------------------------------------


class ReplayServer:
    """Answers with recorded documents chosen by ``route(method, path, query, body)``.

    ``origin`` in the recorded links is replaced by this server's address, so the client
    follows the real links to here. Unknown requests get a STAC 404.
    """

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.requests: list[dict] = []
        self.route: Callable[[str, str, dict, Optional[dict]], Optional[str]] = lambda *a: None
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _ReplayHandler)
        self._httpd.daemon_threads = True
        self._httpd.replay = self  # type: ignore[attr-defined]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/"

    def document(self, name: str) -> dict:
        """A fixture with the recorded origin replaced by this server."""
        text = (FIXTURES / name).read_text(encoding="utf-8")
        return json.loads(text.replace(self.origin, self.base))

    def __enter__(self) -> ReplayServer:
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class _ReplayHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        replay: ReplayServer = self.server.replay  # type: ignore[attr-defined]
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        parts = urlsplit(self.path)
        request = {
            "method": self.command,
            "path": parts.path,
            "query": parse_qs(parts.query),
            "raw_query": parts.query,
            "json": json.loads(raw) if raw else None,
        }
        replay.requests.append(request)
        answer = replay.route(self.command, parts.path, request["query"], request["json"])
        if answer is None:
            status = 404
            payload = json.dumps({"code": "NotFoundError", "description": "not recorded"})
        else:
            status, payload = 200, json.dumps(answer)
        data = payload.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/geo+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def landing(base: str, *methods: str) -> dict:
    links = [
        {"rel": "search", "type": "application/geo+json", "method": m, "href": base + "search"}
        for m in methods
    ]
    return {"type": "Catalog", "id": "replay", "conformsTo": [], "links": links}


def next_link(document: dict) -> dict:
    return next(link for link in document["links"] if link["rel"] == "next")


def test_planetary_computer_post_token_walk_over_three_pages():
    origin = "https://planetarycomputer.microsoft.com/api/stac/v1/"
    names = [
        "pystac-client/pc_search_post_naip_page1_token_in_next_body.json",
        "pystac-client/pc_search_post_naip_page2_next_and_previous.json",
        "pystac-client/pc_search_post_naip_page3.json",
    ]
    with ReplayServer(origin) as server:
        pages = [server.document(n) for n in names]
        tokens = {None: 0}
        for index, page in enumerate(pages[:-1]):
            tokens[next_link(page)["body"]["token"]] = index + 1

        def route(method, path, query, body):
            if path == "/" and method == "GET":
                return landing(server.base, "GET", "POST")
            if path == "/search" and method == "POST" and body.get("token") in tokens:
                return pages[tokens[body.get("token")]]
            return None

        server.route = route
        client = StacClient.open(server.base)
        request = SearchRequest(collections=["naip"], page_size=10, max_items=30)
        ids = [item["id"] for page in client.search(request) for item in page.items]

    assert ids == [item["id"] for page in pages for item in page["features"]]
    bodies = [r["json"] for r in server.requests if r["path"] == "/search"]
    assert bodies == [
        {"limit": 10, "collections": ["naip"]},
        next_link(pages[0])["body"],  # no merge flag: the link body as recorded
        next_link(pages[1])["body"],
    ]
    assert bodies[1]["token"] == "next:naip:mt_m_4811501_se_11_060_20231117_20240103"


@pytest.mark.parametrize(
    ("name", "origin", "path", "token"),
    [
        (
            "cdse-stac-v1/items_get_s2l2a_page1_next_link.json",
            "https://stac.dataspace.copernicus.eu/v1/",
            "/collections/sentinel-2-l2a/items",
            (
                "token",
                "next:sentinel-2-l2a:S2A_MSIL2A_20241107T113311_N0511_R080_T31VDJ_20241107T123948",
            ),
        ),
        (
            "pystac-client/pc_items_get_landsat-c2-l2_next_get_token.json",
            "https://planetarycomputer.microsoft.com/api/stac/v1/",
            "/collections/landsat-c2-l2/items",
            ("token", "next:landsat-c2-l2:LC09_L2SR_084056_20250722_02_T1"),
        ),
        (
            "other/earthsearch_items_get_sentinel-2-l2a_next_get_param.json",
            "https://earth-search.aws.element84.com/v1/",
            "/collections/sentinel-2-l2a/items",
            ("next", "2024-09-03T04:51:53.452000Z,S2B_48VUL_20240903_0_L2A,sentinel-2-l2a"),
        ),
    ],
)
def test_get_next_link_is_followed_as_recorded(name, origin, path, token):
    with ReplayServer(origin) as server:
        first = server.document(name)
        empty = server.document("cdse-stac-v1/search_post_empty_result.json")
        key, value = token

        def route(method, request_path, query, body):
            if request_path == "/":
                return landing(server.base, "GET")
            if request_path == "/search":
                return first
            if request_path == path and query.get(key) == [value]:
                return empty
            return None

        server.route = route
        client = StacClient.open(server.base)
        pages = list(client.search(SearchRequest(page_size=10)))

    assert [len(p.items) for p in pages] == [len(first["features"]), 0]
    follow = server.requests[-1]
    assert follow["method"] == "GET" and follow["json"] is None
    assert follow["path"] == path
    assert follow["query"][key] == [value]
    # the href is sent as recorded, not re-encoded
    recorded_query = urlsplit(next_link(first)["href"]).query
    assert follow["raw_query"] == recorded_query


def test_earth_search_merge_false_sends_the_link_body_only():
    origin = "https://earth-search.aws.element84.com/v1/"
    with ReplayServer(origin) as server:
        first = server.document(
            "pystac-client/earthsearch_search_post_2collections_page1_next_body_merge_false.json"
        )
        last = server.document("pystac-client/earthsearch_search_post_page2_empty_no_next.json")
        link = next_link(first)
        assert link["merge"] is False

        def route(method, path, query, body):
            if path == "/":
                return landing(server.base, "POST")
            if path == "/search" and body == link["body"]:
                return last
            if path == "/search" and "next" not in body:
                return first
            return None

        server.route = route
        client = StacClient.open(server.base)
        request = SearchRequest(
            collections=["sentinel-2-l2a", "landsat-c2-l2"],
            area=SearchArea(bboxes=((-106, 40, -105, 41),)),
            page_size=10,
        )
        pages = list(client.search(request))

    assert [p.number_matched for p in pages] == [2, 2]
    assert [len(p.items) for p in pages] == [2, 0]
    first_body, second_body = (r["json"] for r in server.requests if r["path"] == "/search")
    assert first_body["bbox"] == [-106, 40, -105, 41]
    assert second_body == link["body"]  # replaced, not merged: no bbox, no limit
    assert "bbox" not in second_body


def test_legacy_cdse_merge_true_merges_the_link_body():
    origin = "https://catalogue.dataspace.copernicus.eu/stac/"
    with ReplayServer(origin) as server:
        first = server.document("cdse-stac-legacy/search_post_SENTINEL-2_bbox_16items_sortby.json")
        self_link = next(link for link in first["links"] if link["rel"] == "self")
        assert self_link["merge"] is True and self_link["body"] == {"page": 1, "limit": 20}
        # the next link this server would write after a full page, shaped like its self link
        first["links"].append({**self_link, "rel": "next", "body": {"page": 2, "limit": 20}})
        empty = server.document("cdse-stac-v1/search_post_empty_result.json")

        def route(method, path, query, body):
            if path == "/":
                return server.document("cdse-stac-legacy/landing.json")
            if path == "/search":
                return empty if body.get("page") == 2 else first
            return None

        server.route = route
        client = StacClient.open(server.base)
        request = SearchRequest(
            collections=["SENTINEL-2"],
            area=SearchArea(bboxes=((10.5, 46.0, 11.5, 46.5),)),
            page_size=20,
        )
        pages = list(client.search(request))

    assert [len(p.items) for p in pages] == [16, 0]
    first_body, second_body = (r["json"] for r in server.requests if r["path"] == "/search")
    assert first_body == {
        "limit": 20,
        "collections": ["SENTINEL-2"],
        "bbox": [10.5, 46.0, 11.5, 46.5],
    }
    assert second_body == {**first_body, "page": 2, "limit": 20}


def test_legacy_cdse_page_number_and_a_page_that_links_to_itself():
    origin = "https://catalogue.dataspace.copernicus.eu/stac/"
    with ReplayServer(origin) as server:
        page1 = server.document("cdse-stac-legacy/items_get_SENTINEL-2_page1_next_link_a.json")
        # the second recording of the same request, served as page 2: it links to page=2
        page2 = server.document("cdse-stac-legacy/items_get_SENTINEL-2_page1_next_link_b.json")

        def route(method, path, query, body):
            if path == "/":
                return landing(server.base, "GET")
            if path == "/search":
                return page1
            if path == "/collections/SENTINEL-2/items" and query.get("page") == ["2"]:
                return page2
            return None

        server.route = route
        client = StacClient.open(server.base)
        pages = list(client.search(SearchRequest(page_size=20, max_items=500)))

    ids = [item["id"] for page in pages for item in page.items]
    assert ids == [i["id"] for i in page1["features"] + page2["features"]]
    assert [r["raw_query"] for r in server.requests if r["path"] != "/"][1:] == [
        "collections=SENTINEL-2&page=2",
        "collections=SENTINEL-2&page=2",  # asked once more, then the loop is noticed
    ]
    result = convert_items([item for page in pages for item in page.items])
    assert len(result.footprints) == 17 and len(result.rejected) == 23


def test_fedeo_collections_offset_paging():
    origin = "https://emc.spacebel.be/"
    with ReplayServer(origin) as server:
        page1 = server.document("pystac-client/fedeo_emc_collections_q_sentinel_page1.json")
        page2 = server.document(
            "pystac-client/fedeo_emc_collections_q_sentinel_page2_startRecord.json"
        )
        last = {"collections": [], "links": []}

        def route(method, path, query, body):
            if path == "/":
                return server.document("pystac-client/fedeo_emc_landing.json")
            if path == "/collections":
                return {None: page1, "11": page2, "21": last}.get(
                    (query.get("startRecord") or [None])[0]
                )
            return None

        server.route = route
        client = StacClient.open(server.base)
        collections = client.collections()

    expected = [c["id"] for c in page1["collections"] + page2["collections"]]
    assert [c.id for c in collections] == expected
    assert [r["raw_query"] for r in server.requests if r["path"] == "/collections"] == [
        "",
        "limit=10&q=sentinel&startRecord=11",
        "limit=10&q=sentinel&startRecord=21",
    ]


def test_cdse_collections_single_page():
    origin = "https://stac.dataspace.copernicus.eu/v1/"
    with ReplayServer(origin) as server:

        def route(method, path, query, body):
            if path == "/":
                return server.document("cdse-stac-v1/landing.json")
            if path == "/collections":
                return server.document("cdse-stac-v1/collections_all_118.json")
            return None

        server.route = route
        client = StacClient.open(server.base, http=HttpClient())
        assert client.capabilities.filter and client.capabilities.query
        assert client.search_link() == (server.base + "search", {"GET", "POST"})
        collections = client.collections()
    assert len(collections) == 118
    assert len({c.id for c in collections}) == 118
