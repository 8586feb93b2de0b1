"""The pure-Python half of the polygon engine: WKB in and out, orientation, antimeridian."""

from __future__ import annotations

import struct

import pytest
from shapely import wkb as shapely_wkb
from shapely.geometry import shape

from plugin.api import polygon_engine
from plugin.api.polygon_engine import (
    GeometryEngineError,
    ShapelyEngine,
    geojson_of,
    multipolygon_wkb,
    oriented,
    polygon_wkb,
    polygons_from_wkb,
    signed_area,
    split_at_antimeridian,
    wkb_from_geojson,
)

SQUARE = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]
HOLE = [(0.5, 0.5), (0.5, 1.0), (1.0, 1.0), (1.0, 0.5), (0.5, 0.5)]


@pytest.fixture(autouse=True)
def shapely_engine():
    polygon_engine.use(ShapelyEngine())
    yield
    polygon_engine.use(None)


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [1.5, 2.5]},
        {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
        {"type": "Polygon", "coordinates": [[list(p) for p in SQUARE], [list(p) for p in HOLE]]},
        {"type": "MultiPoint", "coordinates": [[0, 0], [1, 1]]},
        {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]]},
        {"type": "MultiPolygon", "coordinates": [[[list(p) for p in SQUARE]]]},
        {
            "type": "GeometryCollection",
            "geometries": [{"type": "Point", "coordinates": [0, 0]}],
        },
    ],
)
def test_geojson_to_wkb_is_what_shapely_reads(geometry):
    assert shapely_wkb.loads(wkb_from_geojson(geometry)).equals(shape(geometry))


def test_open_rings_are_closed():
    open_ring = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1]]]}
    assert polygons_from_wkb(wkb_from_geojson(open_ring)) == [
        [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]
    ]


@pytest.mark.parametrize(
    "bad",
    [None, "POLYGON EMPTY", {"type": "Circle"}, {"type": "Polygon", "coordinates": [[["a"]]]}],
)
def test_what_is_not_geojson_is_a_value_error(bad):
    with pytest.raises(ValueError):
        wkb_from_geojson(bad)


def test_polygons_are_read_from_every_wkb_flavour():
    polygon = [SQUARE, HOLE]
    little = polygon_wkb(polygon)
    assert polygons_from_wkb(little) == [polygon]
    # Big endian, ISO Z (1003) and EWKB with an SRID, as other writers send them.
    big = struct.pack(">BII", 0, 3, 1) + struct.pack(">I", 5)
    big += b"".join(struct.pack(">dd", x, y) for x, y in SQUARE)
    assert polygons_from_wkb(big) == [[SQUARE]]
    iso_z = struct.pack("<BII", 1, 1003, 1) + struct.pack("<I", 5)
    iso_z += b"".join(struct.pack("<ddd", x, y, 9.0) for x, y in SQUARE)
    assert polygons_from_wkb(iso_z) == [[SQUARE]]
    ewkb = struct.pack("<BIII", 1, 0x20000003, 4326, 1) + struct.pack("<I", 5)
    ewkb += b"".join(struct.pack("<dd", x, y) for x, y in SQUARE)
    assert polygons_from_wkb(ewkb) == [[SQUARE]]


def test_points_lines_and_empty_rings_are_not_polygons():
    collection = wkb_from_geojson(
        {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Point", "coordinates": [0, 0]},
                {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
                {"type": "Polygon", "coordinates": [[list(p) for p in SQUARE]]},
            ],
        }
    )
    assert polygons_from_wkb(collection) == [[SQUARE]]
    empty = struct.pack("<BIII", 1, 3, 1, 0)  # what GEOS gives for an empty intersection
    assert polygons_from_wkb(empty) == []


@pytest.mark.parametrize(
    "data", [b"", b"\x02", struct.pack("<BI", 1, 3), struct.pack("<BI", 1, 99)]
)
def test_broken_wkb_is_a_value_error(data):
    with pytest.raises(ValueError):
        polygons_from_wkb(data)


def test_orientation_follows_rfc7946():
    clockwise = list(reversed(SQUARE))
    exterior, hole = oriented([clockwise, list(reversed(HOLE))])
    assert signed_area(exterior) > 0
    assert signed_area(hole) < 0


def test_a_polygon_past_180_is_cut_and_moved_back():
    pieces = split_at_antimeridian(
        polygon_wkb([[(170, 0), (190, 0), (190, 5), (170, 5), (170, 0)]])
    )
    merged = shape(geojson_of(pieces))
    assert merged.bounds == (-180.0, 0.0, 180.0, 5.0)
    assert merged.area == pytest.approx(100.0)


def test_multipolygon_wkb_round_trips():
    polygons = [[SQUARE], [[(5, 5), (6, 5), (6, 6), (5, 5)]]]
    assert polygons_from_wkb(multipolygon_wkb(polygons)) == polygons


def test_engine_failures_become_sentences():
    class Broken:
        name = "broken"

        def clip(self, wkb, bbox):
            raise RuntimeError("IllegalArgumentException: WKT output dimension must be 2 or 3")

    polygon_engine.use(Broken())
    with pytest.raises(GeometryEngineError, match=r"geometry engine \(broken\) failed"):
        split_at_antimeridian(polygon_wkb([SQUARE]))
