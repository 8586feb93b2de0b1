"""Areas for the Process API in the output CRS: a map extent, drawn or selected polygons.

The output CRS is by default the WGS 84 / UTM zone of the area's centre (metres, the grid
Sentinel-2 is delivered in); any CRS the user picks works too. Edges are densified before
reprojection so a rectangle or polygon keeps its real shape.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
    QgsWkbTypes,
)

from ..api.process import Area
from ..api.tiling import utm_epsg

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def epsg_of(crs: QgsCoordinateReferenceSystem) -> int:
    """The EPSG code of ``crs`` (ValueError if it has none: the API takes EPSG codes)."""
    auth = crs.authid()
    if auth.upper().startswith("EPSG:"):
        return int(auth.split(":", 1)[1])
    raise ValueError(
        f"The output CRS {crs.description() or auth} has no EPSG code; Sentinel Hub takes "
        "EPSG codes only."
    )


def _polygons(geometries: Iterable[QgsGeometry]) -> list[QgsGeometry]:
    """The polygons among ``geometries``, skipping empty ones and other types."""
    found = []
    for geometry in geometries:
        if geometry is None or geometry.isEmpty():
            continue
        if geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
            continue
        found.append(QgsGeometry(geometry))
    return found


def area_centre_lonlat(
    geometry: QgsGeometry,
    crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
) -> QgsPointXY:
    centre = geometry.boundingBox().center()
    if crs.authid() == "EPSG:4326":
        return centre
    return QgsCoordinateTransform(crs, WGS84, context).transform(centre)


def output_crs_for(
    geometry: QgsGeometry,
    crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
) -> QgsCoordinateReferenceSystem:
    """WGS 84 / UTM zone of the centre of ``geometry`` (given in ``crs``)."""
    centre = area_centre_lonlat(geometry, crs, context)
    return QgsCoordinateReferenceSystem(f"EPSG:{utm_epsg(centre.x(), centre.y())}")


def _to(
    geometry: QgsGeometry,
    source: QgsCoordinateReferenceSystem,
    target: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
) -> QgsGeometry:
    g = QgsGeometry(geometry)
    if source != target:
        g = g.densifyByCount(16)
        if g.transform(QgsCoordinateTransform(source, target, context)) != 0:
            raise ValueError("The area cannot be expressed in the output CRS.")
    return g


def extent_geometry(extent: QgsRectangle) -> QgsGeometry:
    return QgsGeometry.fromRect(extent)


def merged_polygons(geometries: Iterable[QgsGeometry]) -> QgsGeometry:
    """One (multi)polygon from drawn or selected polygons."""
    polygons = _polygons(geometries)
    if not polygons:
        raise ValueError("There is no polygon to request imagery for.")
    merged = QgsGeometry.unaryUnion(polygons)
    if merged is None or merged.isEmpty():
        raise ValueError("The polygons are empty.")
    return merged


def make_area(
    geometry: QgsGeometry,
    source: QgsCoordinateReferenceSystem,
    target: QgsCoordinateReferenceSystem | None,
    context: QgsCoordinateTransformContext,
    clip: bool,
) -> Area:
    """``geometry`` (in ``source``) as an :class:`Area` in ``target`` (None: UTM zone).

    ``clip``: keep the polygon (requests clip to it); else only its bounding box counts.
    """
    if target is None or not target.isValid():
        target = output_crs_for(geometry, source, context)
    projected = _to(geometry, source, target, context)
    box = projected.boundingBox()
    if box.isEmpty() or box.width() <= 0 or box.height() <= 0:
        raise ValueError("The area is empty: it has no width or no height.")
    bbox = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
    polygon = None
    if clip:
        polygon = json.loads(projected.asJson(9 if target.isGeographic() else 4))
    return Area(bbox, epsg_of(target), polygon)
