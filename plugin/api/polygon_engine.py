"""Polygon operations (valid, union, clip, buffer) done by a GEOS the process can trust.

Why an engine instead of calling shapely directly: shapely's pip wheels carry their own
copy of GEOS. The ``qgis`` and ``qgis_process`` executables link the system's GEOS into the
global symbol scope, so inside them such a wheel resolves part of its GEOS calls to QGIS's
copy; with two different GEOS versions QGIS aborts (``free(): invalid size``) or shapely
returns garbage. Inside QGIS the plugin therefore registers an engine backed by QGIS's
own GEOS (``QgsGeometry``, see ``plugin/geos_engine.py``) and never calls shapely; a script
outside QGIS gets shapely, where its bundled GEOS is the only one loaded.

Geometries travel between this module and an engine as WKB (2D, little endian). What
needs no GEOS (shifting longitudes, picking polygon parts, ring orientation, GeoJSON) is
plain Python here, the same whichever engine runs.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Sequence
from typing import Any, Optional, Protocol

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]  # exterior first, then holes
BBox = tuple[float, float, float, float]


class GeometryEngineError(ValueError):
    """No engine can run, or the engine failed on a geometry (the message says which)."""


class PolygonEngine(Protocol):
    """What the API layer asks of GEOS. Every argument and result is WKB."""

    name: str

    def make_valid(self, wkb: bytes) -> bytes:
        """The geometry unchanged when it is valid, else a valid version of it."""
        ...

    def union(self, wkbs: Sequence[bytes]) -> bytes: ...

    def clip(self, wkb: bytes, bbox: BBox) -> bytes:
        """The intersection with the rectangle ``bbox`` (west, south, east, north)."""
        ...

    def buffer(self, wkb: bytes, distance: float) -> bytes: ...


class ShapelyEngine:
    """shapely's GEOS: right outside QGIS, unsafe inside the QGIS executables."""

    name = "shapely"

    def __init__(self) -> None:
        try:
            import shapely  # noqa: F401
            from shapely import wkb as shapely_wkb
            from shapely.geometry import box
            from shapely.ops import unary_union
            from shapely.validation import make_valid
        except ImportError as exc:
            raise GeometryEngineError(
                "Polygon operations outside QGIS need the Python package shapely "
                "(pip install shapely)."
            ) from exc
        self._loads = shapely_wkb.loads
        self._box = box
        self._unary_union = unary_union
        self._make_valid = make_valid

    def make_valid(self, wkb: bytes) -> bytes:
        geometry = self._loads(wkb)
        return wkb if geometry.is_valid else self._make_valid(geometry).wkb

    def union(self, wkbs: Sequence[bytes]) -> bytes:
        return self._unary_union([self._loads(w) for w in wkbs]).wkb

    def clip(self, wkb: bytes, bbox: BBox) -> bytes:
        return self._loads(wkb).intersection(self._box(*bbox)).wkb

    def buffer(self, wkb: bytes, distance: float) -> bytes:
        return self._loads(wkb).buffer(distance, 8).wkb


_engine: Optional[PolygonEngine] = None
_lock = threading.Lock()


def use(engine: Optional[PolygonEngine]) -> None:
    """Make ``engine`` the one every polygon operation uses (None: back to the default)."""
    global _engine
    with _lock:
        _engine = engine


def current() -> PolygonEngine:
    """The registered engine; shapely when nothing was registered (scripts outside QGIS)."""
    global _engine
    with _lock:
        if _engine is None:
            _engine = ShapelyEngine()
        return _engine


# --- WKB: read polygon parts, write (multi)polygons and GeoJSON -----------------------

_POINT, _LINESTRING, _POLYGON = 1, 2, 3
_MULTIPOINT, _MULTILINESTRING, _MULTIPOLYGON, _COLLECTION = 4, 5, 6, 7
_EWKB_Z, _EWKB_M, _EWKB_SRID = 0x80000000, 0x40000000, 0x20000000
_MAX_DEPTH = 32


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple:
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.data):
            raise ValueError("truncated WKB")
        values = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return values


def _read(reader: _Reader, out: list[Polygon], depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        raise ValueError("WKB nested too deeply")
    (order,) = reader.take("<B")
    if order not in (0, 1):
        raise ValueError("not WKB")
    e = "<" if order == 1 else ">"
    (code,) = reader.take(e + "I")
    dims = 2
    if code & (_EWKB_Z | _EWKB_M | _EWKB_SRID):
        dims += bool(code & _EWKB_Z) + bool(code & _EWKB_M)
        if code & _EWKB_SRID:
            reader.take(e + "I")
        code &= 0xFFFF
    else:
        extra = code // 1000  # ISO WKB: 1000 Z, 2000 M, 3000 ZM
        dims += {0: 0, 1: 1, 2: 1, 3: 2}.get(extra, 0)
        code %= 1000
    fmt = e + "d" * dims

    def points(count: int) -> Ring:
        return [reader.take(fmt)[:2] for _ in range(count)]

    if code == _POINT:
        reader.take(fmt)
    elif code == _LINESTRING:
        (n,) = reader.take(e + "I")
        points(n)
    elif code == _POLYGON:
        (rings,) = reader.take(e + "I")
        polygon = []
        for _ in range(rings):
            (n,) = reader.take(e + "I")
            polygon.append(points(n))
        if polygon and len(polygon[0]) >= 4:
            out.append(polygon)
    elif code in (_MULTIPOINT, _MULTILINESTRING, _MULTIPOLYGON, _COLLECTION):
        (n,) = reader.take(e + "I")
        for _ in range(n):
            _read(reader, out, depth + 1)
    else:
        raise ValueError(f"WKB geometry type {code} is not supported")


def polygons_from_wkb(wkb: bytes) -> list[Polygon]:
    """The non-empty polygons of a WKB geometry; points and lines are left out."""
    out: list[Polygon] = []
    _read(_Reader(bytes(wkb)), out)
    return out


def _ring_bytes(ring: Sequence[Point]) -> bytes:
    flat = [c for point in ring for c in point[:2]]
    return struct.pack(f"<I{len(flat)}d", len(ring), *flat)


def polygon_wkb(polygon: Sequence[Sequence[Point]]) -> bytes:
    return struct.pack("<BII", 1, _POLYGON, len(polygon)) + b"".join(
        _ring_bytes(r) for r in polygon
    )


def multipolygon_wkb(polygons: Sequence[Sequence[Sequence[Point]]]) -> bytes:
    return struct.pack("<BII", 1, _MULTIPOLYGON, len(polygons)) + b"".join(
        polygon_wkb(p) for p in polygons
    )


def closed(ring: Sequence[Sequence[float]]) -> Ring:
    """The ring as (x, y) tuples, its last point equal to its first."""
    points = [(float(p[0]), float(p[1])) for p in ring]
    if points and points[0] != points[-1]:
        points.append(points[0])
    return points


def wkb_from_geojson(geometry: Any) -> bytes:
    """WKB of any GeoJSON geometry (ValueError for what is not GeoJSON)."""
    if not isinstance(geometry, dict):
        raise ValueError("not a GeoJSON geometry")
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        members = geometry.get("geometries")
        if not isinstance(members, list):
            raise ValueError("a GeometryCollection without geometries")
        return struct.pack("<BII", 1, _COLLECTION, len(members)) + b"".join(
            wkb_from_geojson(m) for m in members
        )
    c: Any = geometry.get("coordinates")
    try:
        if kind == "Point":
            return struct.pack("<BIdd", 1, _POINT, float(c[0]), float(c[1]))
        if kind == "LineString":
            return struct.pack("<BI", 1, _LINESTRING) + _ring_bytes([tuple(p) for p in c])
        if kind == "Polygon":
            return polygon_wkb([closed(r) for r in c])
        if kind == "MultiPoint":
            parts = [wkb_from_geojson({"type": "Point", "coordinates": p}) for p in c]
            code = _MULTIPOINT
        elif kind == "MultiLineString":
            parts = [wkb_from_geojson({"type": "LineString", "coordinates": p}) for p in c]
            code = _MULTILINESTRING
        elif kind == "MultiPolygon":
            parts = [polygon_wkb([closed(r) for r in p]) for p in c]
            code = _MULTIPOLYGON
        else:
            raise ValueError(f"{kind!r} is not a GeoJSON geometry type")
    except (TypeError, IndexError, KeyError, struct.error) as exc:
        raise ValueError(f"the {kind} coordinates are not pairs of numbers") from exc
    return struct.pack("<BII", 1, code, len(parts)) + b"".join(parts)


def geojson_of(polygons: Sequence[Polygon], digits: Optional[int] = None) -> dict[str, Any]:
    """A GeoJSON Polygon (one part) or MultiPolygon, coordinates rounded to ``digits``."""

    def ring(r: Ring) -> list[list[float]]:
        if digits is None:
            return [[x, y] for x, y in r]
        return [[round(x, digits), round(y, digits)] for x, y in r]

    coordinates = [[ring(r) for r in p] for p in polygons]
    if len(coordinates) == 1:
        return {"type": "Polygon", "coordinates": coordinates[0]}
    return {"type": "MultiPolygon", "coordinates": coordinates}


# --- plain geometry -----------------------------------------------------------------------


def signed_area(ring: Sequence[Point]) -> float:
    """Shoelace area: positive for a counterclockwise ring."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        total += x1 * y2 - x2 * y1
    return total / 2.0


def polygon_area(polygon: Polygon) -> float:
    if not polygon:
        return 0.0
    return abs(signed_area(polygon[0])) - sum(abs(signed_area(r)) for r in polygon[1:])


def oriented(polygon: Polygon) -> Polygon:
    """RFC 7946 section 3.1.6: exterior counterclockwise, holes clockwise."""
    out = []
    for index, ring in enumerate(polygon):
        ccw = signed_area(ring) > 0
        want_ccw = index == 0
        out.append(list(ring) if ccw == want_ccw else list(reversed(ring)))
    return out


def translated(polygon: Polygon, dx: float) -> Polygon:
    if dx == 0:
        return polygon
    return [[(x + dx, y) for x, y in ring] for ring in polygon]


def run(operation: str, *args: Any) -> bytes:
    """Call an engine operation; its failures become :class:`GeometryEngineError`."""
    engine = current()
    try:
        return getattr(engine, operation)(*args)
    except GeometryEngineError:
        raise
    except Exception as exc:
        raise GeometryEngineError(f"the geometry engine ({engine.name}) failed: {exc}") from exc


def split_at_antimeridian(wkb: bytes) -> list[Polygon]:
    """A lon/lat geometry drawn past ±180 cut into parts that each lie within ±180."""
    pieces: list[Polygon] = []
    for shift in (-360.0, 0.0, 360.0):
        clipped = run("clip", wkb, (-180.0 - shift, -90.0, 180.0 - shift, 90.0))
        for polygon in polygons_from_wkb(clipped):
            if polygon_area(polygon) > 0:
                pieces.append(translated(polygon, shift))
    return pieces
