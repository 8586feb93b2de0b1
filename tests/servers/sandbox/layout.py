"""Where and when the sandbox acquisitions happen: footprints, tiles, times, antimeridian.

Helpers for :mod:`tests.servers.sandbox.items`. Footprints are built in *continuous*
longitudes (a tile at 179.6 .. 181.1 is one polygon) and only split at +-180 when written
out by :func:`split_antimeridian`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from shapely.geometry import Polygon, box, mapping
from shapely.geometry.polygon import orient


def parse_dt(value: str | datetime) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def fmt_dt(dt: datetime) -> str:
    return (
        dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.")
        + f"{dt.microsecond // 1000:03d}Z"
    )


def round_coords(coords: Any) -> Any:
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 5), round(coords[1], 5)]
    return [round_coords(c) for c in coords]


def split_antimeridian(poly: Polygon, bbox_style: str = "rfc7946") -> tuple[dict, list[float]]:
    """GeoJSON geometry and STAC bbox for a polygon given in continuous longitudes.

    ``poly`` may extend past +180 (e.g. 179.4 .. 180.9). If it crosses the antimeridian it is
    split into a MultiPolygon at +-180 (RFC 7946 section 3.1.9). The bbox then follows
    ``bbox_style``: "rfc7946" gives west > east (RFC 7946 section 5.2, what STAC specifies),
    "full-width" gives [-180, s, 180, n] (what the CDSE metadata generator writes).
    """
    minx, miny, maxx, maxy = poly.bounds
    if minx >= 180:
        poly = Polygon([(x - 360, y) for x, y in poly.exterior.coords])
        minx, maxx = minx - 360, maxx - 360
    if maxx <= 180:
        geom = mapping(orient(poly))
        geom = {"type": "Polygon", "coordinates": round_coords(geom["coordinates"])}
        return geom, [round(v, 5) for v in poly.bounds]
    east = orient(poly.intersection(box(minx - 1, -90, 180, 90)))
    west = orient(poly.intersection(box(180, -90, maxx + 1, 90)))
    west = Polygon([(x - 360, y) for x, y in west.exterior.coords])
    parts = [round_coords(mapping(p)["coordinates"]) for p in (east, west)]
    s, n = round(miny, 5), round(maxy, 5)
    if bbox_style == "full-width":
        bbox = [-180.0, s, 180.0, n]
    else:
        bbox = [round(east.bounds[0], 5), s, round(west.bounds[2], 5), n]
    return {"type": "MultiPolygon", "coordinates": parts}, bbox


def footprint(rng: random.Random, kind: str, x0: float, y0: float, size: float) -> Polygon:
    """Base footprint of one tile / frame / AOI, in continuous longitudes."""
    coslat = max(math.cos(math.radians(y0 + size / 2)), 0.2)
    if kind == "sar":  # IW slice: ~250 km across track, ~170 km along, tilted with the orbit
        w, h = 2.25 / coslat, size
        k, s = rng.choice((-1, 1)) * rng.uniform(0.25, 0.4), rng.uniform(-0.3, 0.3)
        pts = [(x0, y0), (x0 + w, y0 + s), (x0 + w + k, y0 + h + s), (x0 + k, y0 + h)]
    else:  # UTM-aligned square seen in lon/lat: a slightly skewed trapezoid
        h = 0.99 * size
        wb = h / coslat
        wt = h / max(math.cos(math.radians(y0 + h)), 0.2)
        dx = rng.uniform(-0.06, 0.06) * size
        pts = [
            (x0, y0),
            (x0 + wb, y0 + rng.uniform(-0.01, 0.01) * size),
            (x0 + dx + wt, y0 + h),
            (x0 + dx, y0 + h + rng.uniform(-0.01, 0.01) * size),
        ]
    return Polygon(pts)


def partial_footprint(rng: random.Random, poly: Polygon) -> Polygon:
    """Cut a tile along a slanted swath edge, like a partially covered Sentinel-2 tile.

    A steep cut keeps a quadrilateral; a flatter one clips a corner off and gives a pentagon
    or a triangle. Cuts keeping less than a fifth of the tile are not used.
    """
    minx, miny, maxx, maxy = poly.bounds
    cut = minx + (maxx - minx) * rng.uniform(0.2, 0.8)
    tilt = rng.uniform(-0.8, 0.8) * (maxx - minx)
    # the cut line runs from (cut - tilt, miny) to (cut + tilt, maxy), extended far both ways
    dx, dy = 2 * tilt * 10, (maxy - miny) * 10
    p, q = (cut - tilt - dx, miny - dy), (cut + tilt + dx, maxy + dy)
    left = Polygon([p, q, (minx - 1000, q[1]), (minx - 1000, p[1])])
    keep = poly.intersection(left) if rng.random() < 0.5 else poly.difference(left)
    if isinstance(keep, Polygon) and keep.area >= 0.2 * poly.area:
        return keep
    return poly


def utm_epsg(lon: float, lat: float) -> int:
    lon = (lon + 180) % 360 - 180
    zone = min(int((lon + 180) // 6) + 1, 60)
    return (32600 if lat >= 0 else 32700) + zone


def mgrs_like(rng: random.Random, lon: float, lat: float) -> str:
    lon = (lon + 180) % 360 - 180
    zone = min(int((lon + 180) // 6) + 1, 60)
    band = "CDEFGHJKLMNPQRSTUVWX"[min(max(int((lat + 80) // 8), 0), 19)]
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return f"{zone:02d}{band}{rng.choice(letters)}{rng.choice(letters)}"


def make_tiles(
    rng: random.Random, kind: str, region: Sequence[float], n: int, size: float, cross: bool
) -> list[dict]:
    """Fixed tiles / frames / AOIs that repeat acquisitions are drawn from."""
    west, south, east, north = region
    if east < west:  # region crosses the antimeridian: use continuous longitudes
        east += 360
    tiles: list[dict] = []
    seen: set = set()
    names: set = set()
    while len(tiles) < n:
        lat = rng.uniform(south, max(south, north - size))
        if kind == "optical":  # snap to a 1-degree row and a row-dependent column grid
            y0 = math.floor(lat / size) * size
            width = 0.99 * size / max(math.cos(math.radians(y0 + size / 2)), 0.2)
            col = math.floor((rng.uniform(west, max(west, east - width)) - west) / width)
            x0, key = west + col * width, (y0, col)
        else:
            y0 = lat
            x0 = rng.uniform(west, max(west, east - 2.5 * size))
            key = (round(x0, 3), round(y0, 3))
        if key in seen and not cross:
            continue
        seen.add(key)
        poly = footprint(rng, kind, x0, y0, size)
        if cross:  # move the footprint so that 20-80 % of it lies east of 180
            minx, _, maxx, _ = poly.bounds
            shift = 180 - (minx + rng.uniform(0.2, 0.8) * (maxx - minx))
            poly = Polygon([(x + shift, y) for x, y in poly.exterior.coords])
        name = mgrs_like(rng, poly.centroid.x, poly.centroid.y)
        if name in names:
            continue
        names.add(name)
        tiles.append(
            {
                "poly": poly,
                "name": name,
                "orbit": rng.randint(1, 175),
                "asc": rng.random() < 0.5,
                "n": len(tiles),
            }
        )
    return tiles


def acquisition_time(
    rng: random.Random, solar_hour: float, lon: float, start: datetime, end: datetime
) -> datetime:
    """A random time in [start, end] near ``solar_hour`` local solar time over ``lon``."""
    days = max((end - start).days, 1)
    hour = solar_hour
    for _ in range(100):
        day = start.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(
            days=rng.randrange(days + 1)
        )
        utc_hours = (hour - ((lon + 180) % 360 - 180) / 15) % 24 + rng.uniform(-0.3, 0.3)
        dt = day + timedelta(hours=utc_hours, microseconds=rng.randrange(1000) * 1000)
        if start <= dt <= end:
            return dt
    return start
