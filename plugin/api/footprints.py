"""STAC items to footprint records: the rows of the results layer.

Real servers send odd things (see the quirk index of the recorded responses): garbage
where an array belongs, ``datetime: null``, strings for numbers, longitudes past -180,
``geometry: null``. An item is kept whenever it can become a footprint; odd fields become
empty values. Only items that cannot be drawn are rejected, each with its id and reason.

This runs for every item of every page, in the search task; it is written for speed
(plain dict access, WKB packed with :mod:`struct`) rather than a full pydantic parse.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from typing import Any

from . import polygon_engine
from .polygon_engine import multipolygon_wkb, polygons_from_wkb, wkb_from_geojson

#: Field name, type ("string", "datetime", "double") in layer order.
FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("collection", "string"),
    ("datetime", "datetime"),
    ("start", "datetime"),
    ("end", "datetime"),
    ("cloud_cover", "double"),
    ("platform", "string"),
    ("constellation", "string"),
    ("gsd", "double"),
    ("thumbnail", "string"),
    ("self_href", "string"),
    ("item_json", "string"),
)
FIELD_NAMES = tuple(name for name, _ in FIELDS)
DATETIME_FIELDS = tuple(i for i, (_, kind) in enumerate(FIELDS) if kind == "datetime")

_THUMBNAIL_KEYS = ("thumbnail", "quicklook", "preview", "overview")

#: What :func:`to_footprint` reads, as a Fields extension ``include`` list: searches for
#: the results layer ask for these only (a CDSE Sentinel-2 item shrinks from ~65 kB to
#: ~2 kB). Such an item has no ``stac_version``: :func:`stac.is_partial` tells it, and
#: :func:`stac.whole_item` fetches the whole item when its assets are needed.
#: Thumbnails found only by their role are not kept.
FOOTPRINT_FIELDS: tuple[str, ...] = (
    "id",
    "collection",
    "geometry",
    "bbox",
    "links",
    "properties.datetime",
    "properties.start_datetime",
    "properties.end_datetime",
    "properties.eo:cloud_cover",
    "properties.platform",
    "properties.constellation",
    "properties.gsd",
    *(f"assets.{key}" for key in _THUMBNAIL_KEYS),
)

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


@dataclass
class Footprint:
    """One result row: attribute values in :data:`FIELDS` order and the WKB geometry."""

    values: list[Any]
    wkb: bytes

    @property
    def id(self) -> str:
        return self.values[0]


@dataclass
class Rejected:
    """An item that cannot be drawn: which one, and why, in words."""

    item_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item_id}: {self.reason}"


class NotAFootprint(ValueError):
    """Raised inside the conversion; becomes a :class:`Rejected`."""


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def _datetime_text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _href(asset: Any) -> str | None:
    """An asset's href, preferring an https alternate over ``s3://``."""
    if not isinstance(asset, dict):
        return None
    href = asset.get("href")
    if isinstance(href, str) and href.startswith(("http://", "https://")):
        return href
    alternates = asset.get("alternate")
    if isinstance(alternates, dict):
        for alt in alternates.values():
            alt_href = alt.get("href") if isinstance(alt, dict) else None
            if isinstance(alt_href, str) and alt_href.startswith(("http://", "https://")):
                return alt_href
    return href if isinstance(href, str) else None


def thumbnail_href(assets: Any) -> str | None:
    if not isinstance(assets, dict):
        return None
    for key in _THUMBNAIL_KEYS:
        if key in assets:
            return _href(assets[key])
    for asset in assets.values():
        roles = asset.get("roles") if isinstance(asset, dict) else None
        if isinstance(roles, list) and ("thumbnail" in roles or "overview" in roles):
            return _href(asset)
    return None


def self_href(links: Any) -> str | None:
    if isinstance(links, list):
        for link in links:
            if isinstance(link, dict) and link.get("rel") == "self":
                href = link.get("href")
                return href if isinstance(href, str) else None
    return None


# --- geometry: GeoJSON to WKB ------------------------------------------------------------

_WKB_POLYGON = struct.pack("<BI", 1, 3)
_WKB_MULTIPOLYGON_HEAD = struct.Struct("<BII")
_UINT = struct.Struct("<I")


def _ring_wkb(ring: Any, parts: list[bytes]) -> bool:
    """Append one linear ring; returns whether any longitude lies outside ±180."""
    if not isinstance(ring, list) or len(ring) < 4:
        raise NotAFootprint("a polygon ring has fewer than 4 positions")
    flat: list[float] = []
    extend = flat.extend
    try:
        for position in ring:
            extend(position[:2])
        packed = struct.pack(f"<{len(flat)}d", *flat)
    except (TypeError, struct.error, IndexError) as exc:
        raise NotAFootprint("coordinates are not pairs of numbers") from exc
    if len(flat) != 2 * len(ring):
        raise NotAFootprint("coordinates are not pairs of numbers")
    count = len(ring)
    if flat[0] != flat[-2] or flat[1] != flat[-1]:
        # GeoJSON rings end where they start (RFC 7946 3.1.6); a catalog that leaves a ring
        # open gets it closed here, so every polygon engine reads the same shape (GEOS in
        # shapely refuses an open ring, QGIS's closes it).
        packed += struct.pack("<2d", flat[0], flat[1])
        flat.extend(flat[:2])
        count += 1
    parts.append(_UINT.pack(count))
    parts.append(packed)
    lons = flat[0::2]
    return min(lons) < -180.0 or max(lons) > 180.0


def _polygon_wkb(rings: Any, parts: list[bytes]) -> bool:
    if not isinstance(rings, list) or not rings:
        raise NotAFootprint("a polygon has no rings")
    parts.append(_WKB_POLYGON)
    parts.append(_UINT.pack(len(rings)))
    outside = False
    for ring in rings:
        outside = _ring_wkb(ring, parts) or outside
    return outside


def geometry_wkb(geometry: Any) -> bytes:
    """WKB (always MultiPolygon, little endian) of a GeoJSON Polygon/MultiPolygon."""
    if geometry is None:
        raise NotAFootprint("it has no geometry")
    if not isinstance(geometry, dict):
        raise NotAFootprint("its geometry is not a GeoJSON object")
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    parts: list[bytes] = []
    if kind == "Polygon":
        outside = _polygon_wkb(coordinates, parts)
        count = 1
    elif kind == "MultiPolygon":
        if not isinstance(coordinates, list) or not coordinates:
            raise NotAFootprint("its MultiPolygon has no polygons")
        outside = False
        for polygon in coordinates:
            outside = _polygon_wkb(polygon, parts) or outside
        count = len(coordinates)
    elif kind in ("Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection"):
        return _buffered_wkb(geometry)
    else:
        raise NotAFootprint(f"its geometry type {kind!r} is not GeoJSON")
    wkb = _WKB_MULTIPOLYGON_HEAD.pack(1, 6, count) + b"".join(parts)
    if outside:
        wkb = _wrap_longitudes(wkb)
    return wkb


def _buffered_wkb(geometry: dict) -> bytes:
    """Points and lines become a small polygon so they still show as a footprint."""
    if geometry.get("coordinates") == [] or geometry.get("geometries") == []:
        raise NotAFootprint("its geometry is empty")
    try:
        buffered = polygon_engine.run("buffer", wkb_from_geojson(geometry), 0.0001)
        polygons = polygons_from_wkb(buffered)
    except ValueError as exc:
        raise NotAFootprint(f"its {geometry.get('type')} geometry is invalid") from exc
    if not polygons:
        raise NotAFootprint("its geometry is empty")
    return multipolygon_wkb(polygons)


def _wrap_longitudes(wkb: bytes) -> bytes:
    """Cut a footprint that runs past ±180 and move the outside parts onto the map."""
    try:
        pieces = polygon_engine.split_at_antimeridian(polygon_engine.run("make_valid", wkb))
    except ValueError as exc:  # GEOS refuses e.g. a ring that is not closed
        raise NotAFootprint("its geometry is not a valid polygon") from exc
    if not pieces:
        raise NotAFootprint("its geometry lies outside longitude/latitude bounds")
    return multipolygon_wkb(pieces)


# --- items -------------------------------------------------------------------------------


def item_id(item: Any) -> str:
    if isinstance(item, dict):
        value = item.get("id")
        if value is not None:
            return str(value)
    return "(item without id)"


def to_footprint(item: Any, text: str | None = None) -> Footprint:
    """One STAC item as a footprint record; raises :class:`NotAFootprint`.

    ``text`` is the item's JSON as the server sent it; without it the item is re-encoded.
    """
    if not isinstance(item, dict):
        raise NotAFootprint("it is not a JSON object")
    identifier = item.get("id")
    if identifier is None or identifier == "":
        raise NotAFootprint("it has no id")
    wkb = geometry_wkb(item.get("geometry"))
    props = item.get("properties")
    if not isinstance(props, dict):
        props = {}
    values = [
        str(identifier),
        _text(item.get("collection")),
        _datetime_text(props.get("datetime")),
        _datetime_text(props.get("start_datetime")),
        _datetime_text(props.get("end_datetime")),
        _number(props.get("eo:cloud_cover")),
        _text(props.get("platform")),
        _text(props.get("constellation")),
        _number(props.get("gsd")),
        thumbnail_href(item.get("assets")),
        self_href(item.get("links")),
        text if text is not None else _item_text(item),
    ]
    return Footprint(values, wkb)


def _item_text(item: dict) -> str:
    try:
        return _dumps(item)
    except RecursionError:  # parsed just under the limit, re-encoded from a deeper stack
        raise NotAFootprint("it is nested too deeply to be stored") from None


@dataclass
class Conversion:
    footprints: list[Footprint]
    rejected: list[Rejected]
    filtered_out: int = 0


def convert_items(
    items: Any, max_cloud_cover: float | None = None, texts: list[str] | None = None
) -> Conversion:
    """Convert a page of items; bad items are reported, never raised.

    ``max_cloud_cover`` drops items above the limit, for catalogs that cannot filter.
    ``texts`` are the items' own JSON texts (from :func:`pagejson.loads_page`).
    """
    footprints: list[Footprint] = []
    rejected: list[Rejected] = []
    filtered = 0
    if not isinstance(items, list):
        return Conversion([], [Rejected("(page)", "its 'features' is not a list")])
    if texts is not None and len(texts) != len(items):
        texts = None
    for index, item in enumerate(items):
        try:
            footprint = to_footprint(item, texts[index] if texts is not None else None)
        except NotAFootprint as exc:
            rejected.append(Rejected(item_id(item), str(exc)))
            continue
        if max_cloud_cover is not None:
            cloud = footprint.values[5]
            if cloud is not None and cloud > max_cloud_cover:
                filtered += 1
                continue
        footprints.append(footprint)
    return Conversion(footprints, rejected, filtered)
