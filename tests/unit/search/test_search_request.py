"""What the search form becomes on the wire: GET query parameters and POST bodies
(STAC API - Item Search 1.0.0, Filter extension with CQL2 text, Query extension)."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from shapely.geometry import Polygon, shape

from eo_explorer.plugin.api.conformance import Capabilities
from eo_explorer.plugin.api.cql2 import NotTranslated
from eo_explorer.plugin.api.errors import UnsupportedRequest
from eo_explorer.plugin.api.geometry import (
    SearchArea,
    area_from_extent_ring,
    area_from_polygons,
    densified_rectangle,
)
from eo_explorer.plugin.api.search import SearchRequest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

FILTER = Capabilities(filter=True, query=True)
QUERY_ONLY = Capabilities(filter=False, query=True)
NEITHER = Capabilities(filter=False, query=False)

#: RFC 3339 date-time in UTC as STAC API requires (``Z``, optional fraction).
RFC3339_UTC = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"
INTERVAL = re.compile(rf"^(\.\.|{RFC3339_UTC})/(\.\.|{RFC3339_UTC})$")


def parse_instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def landing_capabilities(name: str) -> Capabilities:
    landing = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return Capabilities.from_conformance(landing.get("conformsTo", []))


# --- conformance as real catalogs declare it -------------------------------------------


def test_cdse_declares_filter_and_query():
    caps = landing_capabilities("cdse-stac-v1/landing.json")
    assert caps.item_search and caps.filter and caps.query and caps.sort


def test_legacy_cdse_declares_neither_filter_nor_query():
    caps = landing_capabilities("cdse-stac-legacy/landing.json")
    assert caps.item_search and not caps.filter and not caps.query


def test_fedeo_declares_cql2_filter_without_query():
    caps = landing_capabilities("pystac-client/fedeo_emc_landing.json")
    assert caps.filter and not caps.query


def test_ogc_features_part3_needs_cql2_text_for_the_filter_field():
    part3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter"
    assert not Capabilities.from_conformance([part3]).filter
    text = "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text"
    assert Capabilities.from_conformance([part3, text]).filter
    assert Capabilities.from_conformance([]) == Capabilities(item_search=False)


# --- area -------------------------------------------------------------------------------


def test_extent_is_a_bbox_in_get_and_post():
    request = SearchRequest(
        collections=["sentinel-2-l2a"],
        area=area_from_extent_ring(densified_rectangle(5.5, 45.25, 11, 48)),
    )
    assert request.post_body(NEITHER) == {
        "limit": 100,
        "collections": ["sentinel-2-l2a"],
        "bbox": [5.5, 45.25, 11.0, 48.0],
    }
    assert request.get_params(NEITHER) == {
        "limit": "100",
        "collections": "sentinel-2-l2a",
        "bbox": "5.5,45.25,11,48",
    }


def test_get_bbox_keeps_the_precision_of_the_post_bbox():
    # A small area of interest far east: 6 significant digits would move it by ~100 m.
    bbox = (123.4567891, -45.1234567, 123.4667891, -45.1134567)
    request = SearchRequest(area=SearchArea(bboxes=(bbox,)))
    posted = request.post_body(NEITHER)["bbox"]
    sent = [float(v) for v in request.get_params(NEITHER)["bbox"].split(",")]
    assert posted == pytest.approx(list(bbox), abs=1e-7)
    assert sent == posted


def test_extent_across_antimeridian_is_sent_as_intersects_multipolygon():
    request = SearchRequest(area=area_from_extent_ring(densified_rectangle(170, -20, 190, -10)))
    body = request.post_body(NEITHER)
    assert "bbox" not in body
    assert body["intersects"] == {
        "type": "MultiPolygon",
        "coordinates": [
            [[[170.0, -20], [180.0, -20], [180.0, -10], [170.0, -10], [170.0, -20]]],
            [[[-180.0, -20], [-170.0, -20], [-170.0, -10], [-180.0, -10], [-180.0, -20]]],
        ],
    }
    params = request.get_params(NEITHER)
    assert "bbox" not in params
    assert json.loads(params["intersects"]) == body["intersects"]


def test_drawn_polygon_is_sent_as_intersects():
    ring = [(10.0, 45.0), (12.5, 45.0), (12.0, 47.0), (10.0, 45.0)]
    request = SearchRequest(area=area_from_polygons([[ring]]))
    body = request.post_body(FILTER)
    assert body["intersects"]["type"] == "Polygon"
    assert shape(body["intersects"]).equals(Polygon(ring))
    assert " " not in request.get_params(FILTER)["intersects"]  # compact JSON in the URL


def test_no_area_no_spatial_parameter():
    body = SearchRequest(collections=["a", "b"]).post_body(NEITHER)
    assert body == {"limit": 100, "collections": ["a", "b"]}
    params = SearchRequest(collections=["a", "b"], ids=["x", "y"]).get_params(NEITHER)
    assert params == {"limit": "100", "collections": "a,b", "ids": "x,y"}


# --- datetime ---------------------------------------------------------------------------


def test_dates_cover_whole_days_in_utc():
    request = SearchRequest(start=date(2024, 1, 1), end=date(2024, 1, 31))
    interval = request.post_body(NEITHER)["datetime"]
    assert interval == "2024-01-01T00:00:00Z/2024-01-31T23:59:59.999999Z"
    assert INTERVAL.match(interval)
    assert request.get_params(NEITHER)["datetime"] == interval


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (None, date(2024, 1, 31), "../2024-01-31T23:59:59.999999Z"),
        (date(2024, 1, 1), None, "2024-01-01T00:00:00Z/.."),
        (datetime(2024, 3, 1, 12, 30), None, "2024-03-01T12:30:00Z/.."),
        (None, datetime(2024, 3, 1, 12, 30, 0, 500000), "../2024-03-01T12:30:00.5Z"),
    ],
)
def test_open_ended_intervals(start, end, expected):
    request = SearchRequest(start=start, end=end)
    assert request.datetime_interval == expected
    assert INTERVAL.match(expected)
    assert request.post_body(NEITHER)["datetime"] == expected


def test_local_times_are_converted_to_utc():
    cet = timezone(timedelta(hours=1))
    request = SearchRequest(
        start=datetime(2024, 1, 1, 0, 30, tzinfo=cet), end=datetime(2024, 1, 2, tzinfo=cet)
    )
    start, end = request.datetime_interval.split("/")
    assert start == "2023-12-31T23:30:00Z"
    assert end == "2024-01-01T23:00:00Z"
    assert parse_instant(start) == datetime(2024, 1, 1, 0, 30, tzinfo=cet)


def test_no_dates_no_datetime_parameter():
    assert "datetime" not in SearchRequest().post_body(NEITHER)
    assert "datetime" not in SearchRequest().get_params(NEITHER)


def test_start_after_end_is_refused():
    request = SearchRequest(start=date(2024, 2, 1), end=date(2024, 1, 1))
    with pytest.raises(UnsupportedRequest, match="start date is after the end date"):
        request.post_body(FILTER)
    with pytest.raises(UnsupportedRequest, match="start date is after the end date"):
        request.get_params(FILTER)


def test_same_day_is_a_valid_interval():
    request = SearchRequest(start=date(2024, 1, 1), end=date(2024, 1, 1))
    assert request.post_body(NEITHER)["datetime"] == (
        "2024-01-01T00:00:00Z/2024-01-01T23:59:59.999999Z"
    )


def test_start_and_end_within_the_same_second_are_compared_as_times():
    # 10:00:00 is before 10:00:00.5 even though "...00Z" sorts after "...00.5Z" as text.
    ok = SearchRequest(start=datetime(2024, 1, 1, 10), end=datetime(2024, 1, 1, 10, 0, 0, 500000))
    assert ok.post_body(NEITHER)["datetime"] == "2024-01-01T10:00:00Z/2024-01-01T10:00:00.5Z"
    bad = SearchRequest(start=datetime(2024, 1, 1, 10, 0, 0, 500000), end=datetime(2024, 1, 1, 10))
    with pytest.raises(UnsupportedRequest):
        bad.post_body(NEITHER)


# --- cloud cover and CQL2 -----------------------------------------------------------------


CLOUD_20_JSON = {
    "op": "or",
    "args": [
        {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20]},
        {"op": "isNull", "args": [{"property": "eo:cloud_cover"}]},
    ],
}
TEXT_ONLY = Capabilities(filter=True, cql2_text=True, cql2_json=False)


def test_cloud_cover_is_cql2_json_in_post_and_text_in_get():
    """STAC API Filter: JSON in POST (stac-fastapi refuses text there), text in GET.
    Items without cloud cover pass, as when the plugin filters itself."""
    request = SearchRequest(max_cloud_cover=20)
    body = request.post_body(FILTER)
    assert body["filter"] == CLOUD_20_JSON
    assert body["filter-lang"] == "cql2-json"
    assert "query" not in body
    params = request.get_params(FILTER)
    assert params["filter"] == "eo:cloud_cover <= 20 OR eo:cloud_cover IS NULL"
    assert params["filter-lang"] == "cql2-text"
    assert not request.cloud_filter_is_local(FILTER)


def test_post_filter_is_text_where_the_catalog_names_cql2_text_only():
    body = SearchRequest(max_cloud_cover=20).post_body(TEXT_ONLY)
    assert body["filter"] == "eo:cloud_cover <= 20 OR eo:cloud_cover IS NULL"
    assert body["filter-lang"] == "cql2-text"


def test_cloud_limit_is_a_plain_comparison_where_cql2_has_no_or():
    caps = Capabilities(filter=True, filter_or=False)
    body = SearchRequest(max_cloud_cover=20).post_body(caps)
    assert body["filter"] == {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20]}
    assert SearchRequest(max_cloud_cover=20).get_params(caps)["filter"] == "eo:cloud_cover <= 20"


def test_untranslatable_filter_goes_as_text_or_raises():
    request = SearchRequest(cql2_text="S_INTERSECTS(geometry, POINT(1 2))")
    assert request.post_body(FILTER)["filter"] == "S_INTERSECTS(geometry, POINT(1 2))"
    with pytest.raises(NotTranslated):
        request.post_body(FILTER, text_filter_ok=False)


def test_cloud_cover_uses_query_extension_when_there_is_no_filter():
    request = SearchRequest(max_cloud_cover=12.5)
    body = request.post_body(QUERY_ONLY)
    assert body["query"] == {"eo:cloud_cover": {"lte": 12.5}}
    assert "filter" not in body
    params = request.get_params(QUERY_ONLY)
    assert json.loads(params["query"]) == {"eo:cloud_cover": {"lte": 12.5}}
    assert not request.cloud_filter_is_local(QUERY_ONLY)


def test_cloud_cover_is_filtered_locally_when_the_catalog_cannot():
    request = SearchRequest(max_cloud_cover=20)
    body = request.post_body(NEITHER)
    params = request.get_params(NEITHER)
    for sent in (body, params):
        assert not {"filter", "filter-lang", "query"} & set(sent)
    assert request.cloud_filter_is_local(NEITHER)
    assert not SearchRequest().cloud_filter_is_local(NEITHER)


def test_user_filter_and_cloud_cover_are_joined_with_and():
    request = SearchRequest(cql2_text="  platform = 'sentinel-2a'  ", max_cloud_cover=30)
    assert request.post_body(FILTER)["filter"] == {
        "op": "and",
        "args": [
            {"op": "=", "args": [{"property": "platform"}, "sentinel-2a"]},
            {
                "op": "or",
                "args": [
                    {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 30]},
                    {"op": "isNull", "args": [{"property": "eo:cloud_cover"}]},
                ],
            },
        ],
    }
    assert request.get_params(FILTER)["filter"] == (
        "(platform = 'sentinel-2a') AND (eo:cloud_cover <= 30 OR eo:cloud_cover IS NULL)"
    )
    assert SearchRequest(cql2_text="platform = 'sentinel-2b'").get_params(FILTER)["filter"] == (
        "platform = 'sentinel-2b'"
    )


@pytest.mark.parametrize("caps", [QUERY_ONLY, NEITHER])
def test_user_filter_on_catalog_without_filter_is_refused(caps):
    request = SearchRequest(cql2_text="platform = 'sentinel-2a'")
    with pytest.raises(UnsupportedRequest, match="does not support CQL2 filters"):
        request.post_body(caps)
    with pytest.raises(UnsupportedRequest, match="does not support CQL2 filters"):
        request.get_params(caps)


@pytest.mark.parametrize("cloud", [-1, 100.5])
def test_cloud_cover_outside_0_100_is_refused(cloud):
    with pytest.raises(UnsupportedRequest, match="between 0 and 100"):
        SearchRequest(max_cloud_cover=cloud).post_body(FILTER)


# --- page size --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page_size", "max_items", "limit"),
    [(100, 500, 100), (100, 7, 7), (5000, 5000, 1000), (0, 10, 1)],
)
def test_limit_is_page_size_capped_by_max_items_and_server_maximum(page_size, max_items, limit):
    request = SearchRequest(page_size=page_size, max_items=max_items)
    assert request.post_body(NEITHER)["limit"] == limit
    assert request.get_params(NEITHER)["limit"] == str(limit)


def test_max_items_below_one_is_refused():
    with pytest.raises(UnsupportedRequest, match="at least 1"):
        SearchRequest(max_items=0).post_body(NEITHER)


# --- sort and fields ----------------------------------------------------------------------

SORT_FIELDS = Capabilities(filter=True, sort=True, fields=True)


def test_sort_is_sent_only_where_the_catalog_sorts():
    request = SearchRequest(sort="least-cloudy")
    assert request.post_body(SORT_FIELDS)["sortby"] == [
        {"field": "properties.eo:cloud_cover", "direction": "asc"},
        {"field": "properties.datetime", "direction": "desc"},
    ]
    assert request.get_params(SORT_FIELDS)["sortby"] == (
        "+properties.eo:cloud_cover,-properties.datetime"
    )
    assert "sortby" not in request.post_body(FILTER)
    assert "sortby" not in request.get_params(FILTER)
    assert "sortby" not in SearchRequest().post_body(SORT_FIELDS)
    with pytest.raises(UnsupportedRequest, match="sort order"):
        SearchRequest(sort="random").post_body(SORT_FIELDS)


def test_fields_are_sent_only_where_the_catalog_declares_them():
    request = SearchRequest(include_fields=["id", "geometry"])
    assert request.post_body(SORT_FIELDS)["fields"] == {"include": ["id", "geometry"]}
    assert request.get_params(SORT_FIELDS)["fields"] == "id,geometry"
    assert "fields" not in request.post_body(FILTER)
    assert "fields" not in SearchRequest().post_body(SORT_FIELDS)
