"""QGIS's GEOS gives the plugin the same polygons as shapely does outside QGIS.

Inside the ``qgis`` executable only QGIS's GEOS is safe (a shapely wheel's GEOS clashes
with it); these tests hold the two engines to the same answers.
"""

from __future__ import annotations

import pytest
from shapely.geometry import shape

from plugin.api import polygon_engine
from plugin.api.footprints import geometry_wkb
from plugin.api.geometry import area_from_polygons
from plugin.api.polygon_engine import ShapelyEngine, polygons_from_wkb
from plugin.api.process import clip_geometry
from plugin.core.geos_engine import QgsGeometryEngine

DRAWINGS = {
    "square": [[[(5, 45), (7, 45), (7, 47), (5, 47)]]],
    "bow tie": [[[(0, 0), (2, 2), (2, 0), (0, 2)]]],
    "two overlapping": [
        [[(0, 0), (2, 0), (2, 2), (0, 2)]],
        [[(1, 1), (3, 1), (3, 3), (1, 3)]],
    ],
    "with a hole": [
        [[(0, 0), (4, 0), (4, 4), (0, 4)], [(1, 1), (1, 2), (2, 2), (2, 1)]],
    ],
    "across the antimeridian": [[[(175, -5), (-175, -5), (-175, 5), (175, 5)]]],
}


def _with(engine, function, *args):
    polygon_engine.use(engine)
    try:
        return function(*args)
    finally:
        polygon_engine.use(QgsGeometryEngine())


@pytest.mark.parametrize("name", sorted(DRAWINGS))
def test_search_areas_are_the_same_with_either_engine(name):
    ours = _with(QgsGeometryEngine(), area_from_polygons, DRAWINGS[name]).geometry
    theirs = _with(ShapelyEngine(), area_from_polygons, DRAWINGS[name]).geometry
    assert shape(ours).symmetric_difference(shape(theirs)).area < 1e-9
    assert shape(ours).is_valid


def test_footprints_past_180_and_points_are_the_same_with_either_engine():
    past = {"type": "Polygon", "coordinates": [[[170, 0], [190, 0], [190, 5], [170, 5], [170, 0]]]}
    point = {"type": "Point", "coordinates": [10, 20]}
    open_past = {"type": "Polygon", "coordinates": [[[181, 0], [182, 0], [182, 1], [181, 1]]]}
    for geometry in (past, point, open_past):
        ours = _with(QgsGeometryEngine(), geometry_wkb, geometry)
        theirs = _with(ShapelyEngine(), geometry_wkb, geometry)
        a = shape({"type": "MultiPolygon", "coordinates": polygons_from_wkb(ours)})
        b = shape({"type": "MultiPolygon", "coordinates": polygons_from_wkb(theirs)})
        assert a.symmetric_difference(b).area <= 1e-6 * b.area


def test_process_tiles_clip_the_same_with_either_engine():
    triangle = {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [0, 10], [0, 0]]]}
    for bbox, expected_empty in (((0, 0, 5, 5), False), ((8, 8, 9, 9), True)):
        ours = _with(QgsGeometryEngine(), clip_geometry, triangle, bbox, True)
        theirs = _with(ShapelyEngine(), clip_geometry, triangle, bbox, True)
        assert (ours is None) is expected_empty
        assert (theirs is None) is expected_empty
        if ours is not None:
            assert shape(ours).symmetric_difference(shape(theirs)).area < 1e-9


def test_the_plugin_installs_qgis_geos(qgis_iface):
    from plugin.main import EOExplorerPlugin

    polygon_engine.use(None)
    EOExplorerPlugin(qgis_iface)
    assert isinstance(polygon_engine.current(), QgsGeometryEngine)
