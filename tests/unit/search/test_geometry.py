"""Search areas: map extents (densified, reprojected), the antimeridian, the poles, drawn
polygons. Everything here is in longitude/latitude, as the QGIS glue hands it over."""

from __future__ import annotations

import math

import pytest
from shapely.geometry import LinearRing, MultiPolygon, Polygon, shape
from shapely.ops import unary_union

from eo_explorer.plugin.api.geometry import (
    SearchArea,
    area_from_extent_ring,
    area_from_polygons,
    bboxes_for_ring,
    densified_rectangle,
    unwrap_longitudes,
)


def wrap(lon: float) -> float:
    """What a reprojection to EPSG:4326 returns: longitudes in [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def polar_stereographic_to_lonlat(x: float, y: float, north: bool = True) -> tuple[float, float]:
    """Inverse of a spherical polar stereographic projection (as EPSG:3413 / 3031 roughly)."""
    radius = 6_371_000.0
    rho = math.hypot(x, y)
    lat = 90.0 - math.degrees(2 * math.atan(rho / (2 * radius)))
    lon = math.degrees(math.atan2(x, -y if north else y))
    return lon, lat if north else -lat


def approx_bboxes(actual, expected, tol=1e-9):
    assert len(actual) == len(expected), actual
    for a, e in zip(actual, expected):
        assert a == pytest.approx(e, abs=tol), (actual, expected)


# --- densified rectangles --------------------------------------------------------------


def test_densified_rectangle_is_closed_and_runs_along_the_edges():
    ring = densified_rectangle(10, 40, 20, 50, per_edge=8)
    assert len(ring) == 4 * 8 + 1
    assert ring[0] == ring[-1] == (10, 40)
    for corner in [(10, 40), (20, 40), (20, 50), (10, 50)]:
        assert corner in ring
    for x, y in ring:
        assert x in (10, 20) or y in (40, 50)
        assert 10 <= x <= 20 and 40 <= y <= 50
    assert Polygon(ring).area == pytest.approx(100.0)


# --- extents ---------------------------------------------------------------------------


def test_ordinary_extent_gives_its_own_bbox():
    ring = densified_rectangle(5.5, 45.25, 11.0, 48.0)
    assert bboxes_for_ring(ring) == [(5.5, 45.25, 11.0, 48.0)]


def test_extent_crossing_antimeridian_unwrapped_from_projected_crs():
    # A Pacific-centred projected extent comes back as 170 .. 190 (continuous).
    ring = densified_rectangle(170, -20, 190, -10)
    approx_bboxes(bboxes_for_ring(ring), [(170, -20, 180, -10), (-180, -20, -170, -10)])


def test_extent_crossing_antimeridian_with_wrapped_longitudes():
    # The same extent as a reprojection really returns it: 170 .. 180, -180 .. -170.
    ring = [(wrap(x), y) for x, y in densified_rectangle(170, -20, 190, -10)]
    assert max(x for x, _ in ring) <= 180 and min(x for x, _ in ring) >= -180
    approx_bboxes(bboxes_for_ring(ring), [(170, -20, 180, -10), (-180, -20, -170, -10)])


def test_extent_past_minus_180_is_split_too():
    ring = densified_rectangle(-190, 0, -175, 5)
    approx_bboxes(bboxes_for_ring(ring), [(170, 0, 180, 5), (-180, 0, -175, 5)])


def test_extent_entirely_past_180_is_brought_back_onto_the_map():
    ring = densified_rectangle(185, 10, 195, 20)
    approx_bboxes(bboxes_for_ring(ring), [(-175, 10, -165, 20)])


def test_extent_bboxes_become_a_multipolygon_for_intersects():
    area = area_from_extent_ring(densified_rectangle(170, -20, 190, -10))
    geometry = area.as_intersects()
    assert geometry["type"] == "MultiPolygon"
    shp = shape(geometry)
    assert shp.bounds == (-180, -20, 180, -10)
    assert shp.area == pytest.approx(20 * 10)


def _polar_extent(north: bool, x0=-2e6, y0=-2e6, x1=2e6, y1=2e6):
    ring = densified_rectangle(x0, y0, x1, y1)
    return [polar_stereographic_to_lonlat(x, y, north) for x, y in ring]


def test_polar_extent_around_north_pole_covers_every_longitude():
    ring = _polar_extent(north=True)
    lowest = min(lat for _, lat in ring)
    assert 60 < lowest < 75  # the corners of a 4000 km square
    [bbox] = bboxes_for_ring(ring)
    assert bbox == pytest.approx((-180.0, lowest, 180.0, 90.0))


def test_polar_extent_around_south_pole_covers_every_longitude():
    ring = _polar_extent(north=False)
    highest = max(lat for _, lat in ring)
    assert -75 < highest < -60
    [bbox] = bboxes_for_ring(ring)
    assert bbox == pytest.approx((-180.0, -90.0, 180.0, highest))


def test_polar_extent_beside_the_pole_keeps_its_longitude_range():
    # A square east of the pole (x 1000..2000 km, y -1000..1000 km): longitudes 45..135.
    ring = _polar_extent(north=True, x0=1e6, y0=-1e6, x1=2e6, y1=1e6)
    [bbox] = bboxes_for_ring(ring)
    west, south, east, north = bbox
    assert west == pytest.approx(45.0, abs=1e-6)
    assert east == pytest.approx(135.0, abs=1e-6)
    assert north < 90
    assert south == pytest.approx(min(lat for _, lat in ring))


def test_empty_ring_is_an_error():
    with pytest.raises(ValueError):
        bboxes_for_ring([])


def test_unwrap_longitudes_makes_jumps_continuous():
    assert unwrap_longitudes([(179, 0), (-179, 0), (-178, 1), (179, 1)]) == [
        (179, 0),
        (181, 0),
        (182, 1),
        (179, 1),
    ]


# --- drawn polygons --------------------------------------------------------------------


def _parts(geometry) -> list[Polygon]:
    shp = shape(geometry)
    return list(shp.geoms) if isinstance(shp, MultiPolygon) else [shp]


def test_drawn_polygon_is_sent_as_drawn():
    ring = [(10.0, 45.0), (12.5, 45.0), (12.0, 47.0), (10.0, 46.0), (10.0, 45.0)]
    area = area_from_polygons([[ring]])
    assert area.bboxes == ()
    assert area.geometry["type"] == "Polygon"
    assert shape(area.geometry).equals(Polygon(ring))


@pytest.mark.parametrize(
    "ring",
    [
        # drawn continuously past +180 on a Pacific-centred map
        [(170, -5), (190, -5), (190, 5), (170, 5), (170, -5)],
        # the same polygon with longitudes wrapped by the reprojection
        [(170, -5), (-170, -5), (-170, 5), (170, 5), (170, -5)],
    ],
)
def test_drawn_polygon_crossing_antimeridian_is_cut_on_both_sides(ring):
    area = area_from_polygons([[ring]])
    assert area.geometry["type"] == "MultiPolygon"
    parts = _parts(area.geometry)
    assert len(parts) == 2
    bounds = sorted(p.bounds for p in parts)
    assert bounds[0] == pytest.approx((-180, -5, -170, 5))
    assert bounds[1] == pytest.approx((170, -5, 180, 5))
    # nothing lost, nothing added: 20 x 10 degrees
    assert unary_union(parts).area == pytest.approx(200.0)


def test_drawn_polygons_follow_the_geojson_right_hand_rule():
    # RFC 7946 3.1.6: exterior rings counterclockwise, holes clockwise; drawn either way.
    clockwise = [(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)]
    hole = [(4, 4), (6, 4), (6, 6), (4, 6), (4, 4)]
    for rings in ([clockwise, hole], [clockwise[::-1], hole[::-1]]):
        area = area_from_polygons([rings])
        exterior, interior = area.geometry["coordinates"]
        assert LinearRing(exterior).is_ccw
        assert not LinearRing(interior).is_ccw
    crossing = area_from_polygons([[[(170, -5), (190, -5), (190, 5), (170, 5), (170, -5)]]])
    for polygon in crossing.geometry["coordinates"]:
        assert LinearRing(polygon[0]).is_ccw


def test_drawn_polygon_entirely_past_180_lands_on_the_map():
    area = area_from_polygons([[[(190, 0), (200, 0), (200, 10), (190, 10), (190, 0)]]])
    assert shape(area.geometry).bounds == pytest.approx((-170, 0, -160, 10))


def test_drawn_polygon_keeps_its_hole():
    shell = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    hole = [(4, 4), (6, 4), (6, 6), (4, 6), (4, 4)]
    area = area_from_polygons([[shell, hole]])
    assert shape(area.geometry).area == pytest.approx(100 - 4)


def test_several_selected_polygons_become_one_multipolygon():
    a = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]
    b = [(5, 5), (6, 5), (6, 6), (5, 6), (5, 5)]
    area = area_from_polygons([[a], [b]])
    assert area.geometry["type"] == "MultiPolygon"
    assert shape(area.geometry).area == pytest.approx(2.0)


def test_self_intersecting_drawing_is_repaired_not_rejected():
    bowtie = [(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)]
    area = area_from_polygons([[bowtie]])
    geometry = shape(area.geometry)
    assert geometry.is_valid
    assert geometry.area == pytest.approx(2.0)


def test_coordinates_are_plain_lists_rounded_to_a_centimetre():
    area = area_from_polygons([[[(0.123456789, 0), (1, 0), (1, 1), (0.123456789, 0)]]])
    first = area.geometry["coordinates"][0][0]
    assert isinstance(area.geometry["coordinates"], list)
    assert isinstance(first, list)
    assert 0.123456789 not in [c for pos in area.geometry["coordinates"][0] for c in pos]
    assert 0.1234568 in [c for pos in area.geometry["coordinates"][0] for c in pos]


def test_no_polygon_is_an_error():
    with pytest.raises(ValueError):
        area_from_polygons([])


def test_empty_area():
    assert SearchArea().is_empty
    assert SearchArea().as_intersects() is None
    assert not SearchArea(bboxes=((0, 0, 1, 1),)).is_empty
