"""Search areas in longitude/latitude: extents, drawn polygons, the antimeridian.

The QGIS glue reprojects points to EPSG:4326; everything here works on plain
coordinates so it can be tested without QGIS.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import polygon_engine
from .polygon_engine import closed, geojson_of, oriented, polygon_wkb

Point = tuple[float, float]
BBox = tuple[float, float, float, float]

#: Points per edge when densifying a rectangle before reprojection, so that a projected
#: extent (polar stereographic, a rotated grid) keeps its real shape in EPSG:4326.
DENSIFY_POINTS = 32


def densified_rectangle(
    xmin: float, ymin: float, xmax: float, ymax: float, per_edge: int = DENSIFY_POINTS
) -> list[Point]:
    """The closed ring of a rectangle with ``per_edge`` points on each edge."""
    n = max(1, per_edge)
    ring: list[Point] = []
    for i in range(n):
        ring.append((xmin + (xmax - xmin) * i / n, ymin))
    for i in range(n):
        ring.append((xmax, ymin + (ymax - ymin) * i / n))
    for i in range(n):
        ring.append((xmax - (xmax - xmin) * i / n, ymax))
    for i in range(n):
        ring.append((xmin, ymax - (ymax - ymin) * i / n))
    ring.append(ring[0])
    return ring


def unwrap_longitudes(ring: Sequence[Point]) -> list[Point]:
    """Make consecutive longitudes continuous (no jump of more than 180°).

    A ring that crosses the antimeridian then has longitudes beyond ±180 instead of
    jumping from 179 to -179.
    """
    out: list[Point] = []
    offset = 0.0
    prev = None
    for lon, lat in ring:
        if prev is not None:
            delta = lon - prev
            if delta > 180:
                offset -= 360
            elif delta < -180:
                offset += 360
        prev = lon
        out.append((lon + offset, lat))
    return out


def _clamp_lat(value: float) -> float:
    return max(-90.0, min(90.0, value))


def bboxes_for_ring(ring_lonlat: Sequence[Point]) -> list[BBox]:
    """The search bbox(es) covering a reprojected ring: one, or two at the antimeridian.

    A ring that wraps the globe (a polar extent containing the pole) covers every longitude.
    """
    if not ring_lonlat:
        raise ValueError("empty area")
    unwrapped = unwrap_longitudes(ring_lonlat)
    lons = [p[0] for p in unwrapped]
    lats = [p[1] for p in unwrapped]
    south, north = _clamp_lat(min(lats)), _clamp_lat(max(lats))
    closes_with_offset = abs(unwrapped[-1][0] - unwrapped[0][0]) > 180
    west, east = min(lons), max(lons)
    if closes_with_offset or east - west >= 360:
        # The ring winds around a pole: every longitude is inside.
        pole_north = sum(lats) / len(lats) > 0
        return [(-180.0, south if pole_north else -90.0, 180.0, 90.0 if pole_north else north)]
    # Bring the middle of the span back into [-180, 180]; what still sticks out crosses.
    shift = 360.0 * round((west + east) / 2 / 360.0)
    west, east = west - shift, east - shift
    if west >= -180 and east <= 180:
        return [(west, south, east, north)]
    if west < -180:
        return [(west + 360, south, 180.0, north), (-180.0, south, east, north)]
    return [(west, south, 180.0, north), (-180.0, south, east - 360, north)]


@dataclass(frozen=True)
class SearchArea:
    """What a search is restricted to: bboxes (an extent) or a GeoJSON geometry."""

    bboxes: tuple[BBox, ...] = ()
    geometry: dict[str, Any] | None = None

    @property
    def is_empty(self) -> bool:
        return not self.bboxes and self.geometry is None

    def as_intersects(self) -> dict[str, Any] | None:
        """The area as one GeoJSON geometry (several bboxes become a MultiPolygon)."""
        if self.geometry is not None:
            return self.geometry
        if not self.bboxes:
            return None
        polygons = [[_bbox_ring(b)] for b in self.bboxes]
        if len(polygons) == 1:
            return {"type": "Polygon", "coordinates": polygons[0]}
        return {"type": "MultiPolygon", "coordinates": polygons}


def _bbox_ring(b: BBox) -> list[list[float]]:
    w, s, e, n = b
    return [[w, s], [e, s], [e, n], [w, n], [w, s]]


def area_from_extent_ring(ring_lonlat: Sequence[Point]) -> SearchArea:
    """A map extent, already densified and reprojected, as a bbox search area."""
    return SearchArea(bboxes=tuple(bboxes_for_ring(ring_lonlat)))


def area_from_polygons(polygons: Sequence[Sequence[Sequence[Point]]]) -> SearchArea:
    """Drawn or selected polygons (lists of rings, lon/lat) as an ``intersects`` area.

    Polygons crossing the antimeridian (drawn continuously past ±180) are cut into parts
    on each side so servers that know nothing of the antimeridian still match.
    """
    parts = []
    for rings in polygons:
        if not rings:
            continue
        shell = closed(unwrap_longitudes(rings[0]))
        if len(set(shell)) < 3:
            continue  # a click or a line, not an area
        holes = [closed(unwrap_longitudes(r)) for r in rings[1:] if len(r) >= 3]
        # make_valid keeps both lobes of a self-crossing drawing; buffer(0) would drop one.
        parts.append(polygon_engine.run("make_valid", polygon_wkb([shell, *holes])))
    if not parts:
        raise ValueError("no polygon")
    merged = polygon_engine.run("union", parts)
    pieces = polygon_engine.split_at_antimeridian(merged)
    if not pieces:
        raise ValueError("the polygon lies outside longitude/latitude bounds")
    # RFC 7946 section 3.1.6: exterior rings counterclockwise (overlay output is clockwise).
    geometry = geojson_of([oriented(p) for p in pieces])
    return SearchArea(geometry=_round_coords(geometry))


def _round_coords(value: Any, digits: int = 7) -> Any:
    """Round coordinates (1 cm) and turn tuples into lists so requests stay small."""
    if isinstance(value, dict):
        return {k: _round_coords(v, digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_round_coords(v, digits) for v in value]
    if isinstance(value, float):
        return round(value, digits)
    return value
