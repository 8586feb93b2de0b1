"""STAC items to footprint rows: geometry as WKB MultiPolygon, attribute values, and the
reasons given for items that cannot be drawn."""

from __future__ import annotations

import json
import struct

import pytest
from shapely import wkb
from shapely.geometry import MultiPolygon, Point, Polygon, shape

from eo_explorer.plugin.api.footprints import (
    DATETIME_FIELDS,
    FIELD_NAMES,
    FIELDS,
    NotAFootprint,
    Rejected,
    convert_items,
    geometry_wkb,
    thumbnail_href,
    to_footprint,
)

SQUARE = [[10.0, 45.0], [11.0, 45.0], [11.0, 46.0], [10.0, 46.0], [10.0, 45.0]]


def polygon(ring=SQUARE, *holes):
    return {"type": "Polygon", "coordinates": [ring, *holes]}


def item(identifier="S2A_test", geometry=None, **properties):
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": identifier,
        "collection": "sentinel-2-l2a",
        "geometry": polygon() if geometry is None else geometry,
        "properties": {"datetime": "2024-05-01T10:20:30Z", **properties},
        "links": [{"rel": "self", "href": f"https://example.org/items/{identifier}"}],
        "assets": {},
    }


def row(footprint) -> dict:
    return dict(zip(FIELD_NAMES, footprint.values))


def load(data: bytes):
    return wkb.loads(data)


# --- geometry -----------------------------------------------------------------------------


def test_polygon_becomes_little_endian_wkb_multipolygon():
    data = geometry_wkb(polygon())
    assert data[:1] == b"\x01"  # little endian
    assert struct.unpack("<II", data[1:9]) == (6, 1)  # MultiPolygon of one polygon
    shp = load(data)
    assert isinstance(shp, MultiPolygon)
    assert shp.equals(MultiPolygon([Polygon(SQUARE)]))


def test_multipolygon_with_hole_is_kept():
    hole = [[10.4, 45.4], [10.6, 45.4], [10.6, 45.6], [10.4, 45.6], [10.4, 45.4]]
    other = [[20, 0], [21, 0], [21, 1], [20, 0]]
    geometry = {"type": "MultiPolygon", "coordinates": [[SQUARE, hole], [other]]}
    shp = load(geometry_wkb(geometry))
    assert len(shp.geoms) == 2
    assert shp.area == pytest.approx(1 - 0.04 + 0.5)
    assert shp.equals(shape(geometry))


def test_third_coordinate_is_dropped():
    ring = [[x, y, 123.0] for x, y in SQUARE]
    shp = load(geometry_wkb(polygon(ring)))
    assert not shp.has_z
    assert shp.equals(MultiPolygon([Polygon(SQUARE)]))


def test_polygon_past_180_is_cut_and_wrapped():
    ring = [[179, -1], [181, -1], [181, 1], [179, 1], [179, -1]]
    shp = load(geometry_wkb(polygon(ring)))
    assert sorted(g.bounds for g in shp.geoms) == [(-180, -1, -179, 1), (179, -1, 180, 1)]
    assert shp.area == pytest.approx(4.0)


def test_polygon_past_minus_180_is_cut_and_wrapped():
    ring = [[-181.5, 10], [-179.5, 10], [-179.5, 11], [-181.5, 11], [-181.5, 10]]
    shp = load(geometry_wkb(polygon(ring)))
    assert sorted(g.bounds for g in shp.geoms) == [(-180, 10, -179.5, 11), (178.5, 10, 180, 11)]


def test_polygon_entirely_past_180_is_moved_onto_the_map():
    ring = [[185, 0], [190, 0], [190, 1], [185, 1], [185, 0]]
    assert load(geometry_wkb(polygon(ring))).bounds == (-175, 0, -170, 1)


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [10.5, 45.5]},
        {"type": "LineString", "coordinates": [[10, 45], [11, 46]]},
        {"type": "MultiPoint", "coordinates": [[10, 45], [11, 46]]},
    ],
)
def test_points_and_lines_become_small_polygons(geometry):
    shp = load(geometry_wkb(geometry))
    assert shp.geom_type == "MultiPolygon"
    assert shp.covers(shape(geometry))
    assert shp.area < 0.01


@pytest.mark.parametrize(
    ("geometry", "reason"),
    [
        (None, "it has no geometry"),
        ("POLYGON ((0 0, 1 0, 1 1, 0 0))", "its geometry is not a GeoJSON object"),
        ({"type": "Circle", "coordinates": [0, 0]}, "its geometry type 'Circle' is not GeoJSON"),
        (polygon([[0, 0], [1, 0], [0, 0]]), "a polygon ring has fewer than 4 positions"),
        (polygon([["0", "0"], [1, 0], [1, 1], [0, 0]]), "coordinates are not pairs of numbers"),
        (polygon([[0], [1, 0], [1, 1], [0, 0]]), "coordinates are not pairs of numbers"),
        (polygon([[0, None], [1, 0], [1, 1], [0, 0]]), "coordinates are not pairs of numbers"),
        ({"type": "Polygon", "coordinates": []}, "a polygon has no rings"),
        ({"type": "MultiPolygon", "coordinates": []}, "its MultiPolygon has no polygons"),
        ({"type": "Point", "coordinates": []}, "its geometry is empty"),
    ],
)
def test_geometries_that_cannot_be_drawn_are_rejected_with_a_reason(geometry, reason):
    with pytest.raises(NotAFootprint) as info:
        geometry_wkb(geometry)
    assert str(info.value) == reason
    bad = item("bad-one")
    bad["geometry"] = geometry
    result = convert_items([item("good-one"), bad, item("good-two")])
    assert [f.id for f in result.footprints] == ["good-one", "good-two"]
    assert result.rejected == [Rejected("bad-one", reason)]


# --- items --------------------------------------------------------------------------------


def test_fields_are_in_layer_order():
    assert FIELD_NAMES[0] == "id" and FIELD_NAMES[-1] == "item_json"
    assert [FIELD_NAMES[i] for i in DATETIME_FIELDS] == ["datetime", "start", "end"]
    assert dict(FIELDS)["cloud_cover"] == "double"


def test_attribute_values():
    stac = item(
        "S2B_T33UUP",
        **{
            "start_datetime": "2024-05-01T10:20:00Z",
            "end_datetime": "2024-05-01T10:21:00Z",
            "eo:cloud_cover": 12,
            "platform": "sentinel-2b",
            "constellation": "sentinel-2",
            "gsd": "10",
        },
    )
    stac["assets"] = {
        "visual": {"href": "https://example.org/visual.tif", "roles": ["visual"]},
        "preview": {"href": "https://example.org/preview.png", "roles": ["overview"]},
    }
    values = row(to_footprint(stac))
    assert values == {
        "id": "S2B_T33UUP",
        "collection": "sentinel-2-l2a",
        "datetime": "2024-05-01T10:20:30Z",
        "start": "2024-05-01T10:20:00Z",
        "end": "2024-05-01T10:21:00Z",
        "cloud_cover": 12.0,
        "platform": "sentinel-2b",
        "constellation": "sentinel-2",
        "gsd": 10.0,
        "thumbnail": "https://example.org/preview.png",
        "self_href": "https://example.org/items/S2B_T33UUP",
        "item_json": values["item_json"],
    }
    assert json.loads(values["item_json"]) == stac


def test_odd_property_values_become_empty_not_errors():
    stac = item("odd", **{"eo:cloud_cover": True, "gsd": [10, 20], "platform": ["s2a", "s2b"]})
    stac["properties"]["datetime"] = 20240501
    stac["links"] = "none"
    stac["assets"] = ["not", "a", "dict"]
    values = row(to_footprint(stac))
    assert values["cloud_cover"] is None
    assert values["gsd"] is None
    assert values["platform"] == "s2a,s2b"
    assert values["datetime"] is None
    assert values["self_href"] is None
    assert values["thumbnail"] is None


def test_item_without_properties_is_still_drawn():
    stac = item("bare")
    del stac["properties"]
    values = row(to_footprint(stac))
    assert values["id"] == "bare"
    assert values["datetime"] is None and values["cloud_cover"] is None


def test_item_json_keeps_non_ascii_text_compact():
    stac = item("ü-item", title="Zürich – Sentinel")
    text = row(to_footprint(stac))["item_json"]
    assert "Zürich – Sentinel" in text
    assert ", " not in text and ": " not in text.replace("Zürich – Sentinel", "")


@pytest.mark.parametrize(
    ("assets", "expected"),
    [
        (
            {"thumbnail": {"href": "https://a/t.png"}, "overview": {"href": "https://a/o.png"}},
            "https://a/t.png",
        ),
        (
            {
                "data": {"href": "https://a/d.tif"},
                "x": {"href": "https://a/x.jpg", "roles": ["thumbnail"]},
            },
            "https://a/x.jpg",
        ),
        (
            {
                "thumbnail": {
                    "href": "s3://bucket/t.png",
                    "alternate": {"https": {"href": "https://a/t.png"}},
                }
            },
            "https://a/t.png",
        ),
        ({"data": {"href": "https://a/d.tif", "roles": ["data"]}}, None),
        ({}, None),
        (None, None),
    ],
)
def test_thumbnail_choice(assets, expected):
    assert thumbnail_href(assets) == expected


def test_items_that_are_not_items_are_reported():
    no_id = item()
    del no_id["id"]
    result = convert_items([no_id, "garbage", item("fine"), {"id": "", "geometry": polygon()}])
    assert [f.id for f in result.footprints] == ["fine"]
    assert result.rejected == [
        Rejected("(item without id)", "it has no id"),
        Rejected("(item without id)", "it is not a JSON object"),
        Rejected("", "it has no id"),
    ]


def test_page_whose_features_is_not_a_list():
    result = convert_items({"type": "Feature"})
    assert result.footprints == []
    assert result.rejected == [Rejected("(page)", "its 'features' is not a list")]


def test_numeric_ids_become_text():
    assert to_footprint(item(12345)).id == "12345"


def test_local_cloud_filter_keeps_unknown_cloud_cover():
    items = [
        item("clear", **{"eo:cloud_cover": 5}),
        item("cloudy", **{"eo:cloud_cover": 80}),
        item("limit", **{"eo:cloud_cover": 20}),
        item("unknown"),
    ]
    result = convert_items(items, max_cloud_cover=20)
    assert [f.id for f in result.footprints] == ["clear", "limit", "unknown"]
    assert result.filtered_out == 1
    assert result.rejected == []


def test_footprint_geometry_matches_the_item():
    stac = item("geo", geometry=polygon(SQUARE))
    footprint = to_footprint(stac)
    assert load(footprint.wkb).contains(Point(10.5, 45.5))


@pytest.mark.parametrize(
    "ring",
    [
        [[0, 0], [1, 0], [1, 1], [0, 1]],  # within ±180
        [[181, 0], [182, 0], [182, 1], [181, 1]],  # wholly past 180: moved onto the map
    ],
)
def test_an_open_ring_is_closed_so_every_polygon_engine_reads_the_same_shape(ring):
    shp = load(geometry_wkb(polygon(ring)))
    assert shp.is_valid and shp.area == pytest.approx(1.0)
    assert shp.bounds[0] in (0, -179)
