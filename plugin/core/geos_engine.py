"""The API layer's polygon operations on QGIS's own GEOS (``QgsGeometry``).

Inside the ``qgis`` and ``qgis_process`` executables this is the only GEOS that is safe
to call: a shapely wheel bundles another GEOS, which the executables' global symbols
partly replace (see :mod:`.api.polygon_engine`). :func:`install` runs when QGIS loads the
plugin, before any search, Process request or Constellr area can use a polygon.

``QgsGeometry`` keeps one GEOS context per thread, so search tasks may use it too.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import QgsGeometry, QgsRectangle

from ..api import polygon_engine


def _geometry(wkb: bytes) -> QgsGeometry:
    geometry = QgsGeometry()
    geometry.fromWkb(bytes(wkb))
    if geometry.isNull():
        raise ValueError("not a geometry QGIS can read")
    return geometry


def _wkb(geometry: QgsGeometry) -> bytes:
    if geometry.isNull():
        # QGIS signals a GEOS failure by a null geometry (its error is in lastError()).
        raise ValueError(geometry.lastError() or "GEOS could not compute the geometry")
    return bytes(geometry.asWkb())


class QgsGeometryEngine:
    name = "QGIS GEOS"

    def make_valid(self, wkb: bytes) -> bytes:
        geometry = _geometry(wkb)
        if geometry.isGeosValid():
            return bytes(wkb)
        return _wkb(geometry.makeValid())

    def union(self, wkbs: Sequence[bytes]) -> bytes:
        return _wkb(QgsGeometry.unaryUnion([_geometry(w) for w in wkbs]))

    def clip(self, wkb: bytes, bbox: polygon_engine.BBox) -> bytes:
        box = QgsGeometry.fromRect(QgsRectangle(*bbox))
        return _wkb(_geometry(wkb).intersection(box))

    def buffer(self, wkb: bytes, distance: float) -> bytes:
        return _wkb(_geometry(wkb).buffer(distance, 8))


def install() -> None:
    """Make every polygon operation of the plugin use QGIS's GEOS."""
    polygon_engine.use(QgsGeometryEngine())
