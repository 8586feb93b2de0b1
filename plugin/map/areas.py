"""Search areas from QGIS objects: the canvas extent, a drawn polygon, selected features.

Everything is reprojected to EPSG:4326 here; the antimeridian and densifying logic lives
in :mod:`api.geometry`.
"""

from __future__ import annotations

from collections.abc import Iterable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..api.geometry import (
    SearchArea,
    area_from_extent_ring,
    area_from_polygons,
    densified_rectangle,
)

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


def _shows_an_area(extent: QgsRectangle) -> bool:
    values = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    finite = all(v == v and abs(v) != float("inf") for v in values)
    return finite and extent.width() > 0 and extent.height() > 0


def _transform(
    crs: QgsCoordinateReferenceSystem, context: QgsCoordinateTransformContext
) -> QgsCoordinateTransform:
    return QgsCoordinateTransform(crs, WGS84, context)


def extent_area(
    extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, context: QgsCoordinateTransformContext
) -> SearchArea:
    """A map extent as bbox(es) in EPSG:4326, keeping the real shape of projected extents.

    A blank project's map has an empty extent (0, 0, 0, 0): searching it would silently
    find nothing, so it is refused with a sentence instead.
    """
    if not _shows_an_area(extent):
        raise ValueError(
            tr(
                "The map shows no area yet: add a layer or zoom to the place you want to "
                "search, or draw a polygon."
            )
        )
    if crs.authid() == "EPSG:4326":
        if extent.width() >= 360:
            # Zoomed out past the whole world: every longitude is on screen.
            south, north = max(-90.0, extent.yMinimum()), min(90.0, extent.yMaximum())
            return SearchArea(bboxes=((-180.0, south, 180.0, north),))
        return area_from_extent_ring(
            densified_rectangle(
                extent.xMinimum(),
                max(-90.0, extent.yMinimum()),
                extent.xMaximum(),
                min(90.0, extent.yMaximum()),
            )
        )
    ring = densified_rectangle(
        extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()
    )
    transform = _transform(crs, context)
    points = []
    for x, y in ring:
        try:
            p = transform.transform(x, y)
        except Exception:  # noqa: BLE001 - points outside the projection's domain
            continue
        points.append((p.x(), p.y()))
    if len(points) < 3:
        raise ValueError("The map extent cannot be expressed in longitude/latitude.")
    return area_from_extent_ring(points)


def geometries_area(
    geometries: Iterable[QgsGeometry],
    crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
) -> SearchArea:
    """Polygons (drawn or selected) as an ``intersects`` area in EPSG:4326."""
    transform = None if crs.authid() == "EPSG:4326" else _transform(crs, context)
    polygons = []
    for geometry in geometries:
        if geometry is None or geometry.isEmpty():
            continue
        if geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
            continue
        g = QgsGeometry(geometry)
        if transform is not None:
            # Densify first so long edges keep their shape after reprojection.
            g = g.densifyByCount(8)
            g.transform(transform)
        parts = g.asMultiPolygon() if g.isMultipart() else [g.asPolygon()]
        for rings in parts:
            polygons.append([[(p.x(), p.y()) for p in ring] for ring in rings])
    if not polygons:
        raise ValueError("There is no polygon to search with.")
    return area_from_polygons(polygons)


def geometry_from_geojson(geojson: dict) -> QgsGeometry:
    """A GeoJSON geometry (EPSG:4326) as a QgsGeometry, through the API layer's WKB."""
    from ..api.polygon_engine import wkb_from_geojson

    geometry = QgsGeometry()
    geometry.fromWkb(wkb_from_geojson(geojson))
    return geometry
