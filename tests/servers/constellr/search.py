"""Search parameters of the Constellr test server's ``/stac`` API, and item matching.

``bbox`` (4 or 6 numbers; west > east crosses the antimeridian), ``intersects`` (GeoJSON,
not with ``bbox``), ``datetime`` (RFC 3339 instant or interval, ``..`` or empty = open),
``collections`` / ``ids`` (lists or comma-separated), ``filter`` (CQL2-JSON only, as the
seed documents it: a JSON object in a POST body, a JSON string in a GET query; CQL2 text
is refused; see :mod:`tests.servers.constellr.cql2`; ``filter-crs`` must be CRS84),
``sortby`` (``-datetime,+id`` or ``[{"field", "direction"}]``; default ``-datetime``, then
``id``; items without the field last). Malformed values are 400 (stac-fastapi body).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Optional

from shapely.geometry import box, shape

from tests.servers.constellr.common import StacError
from tests.servers.constellr.cql2 import CqlError, matches, parse_json

__all__ = ["parse_bbox", "parse_interval", "parse_time", "search_items"]

CRS84 = (
    "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
    "http://www.opengis.net/def/crs/EPSG/0/4326",
)


def parse_time(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise StacError(400, f"Invalid datetime {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def parse_interval(value: Any) -> Optional[tuple[Optional[datetime], Optional[datetime]]]:
    if value in (None, ""):
        return None
    parts = str(value).split("/")
    if len(parts) > 2 or parts == ["", ""] or (len(parts) == 2 and set(parts) <= {"", ".."}):
        raise StacError(400, f"Invalid datetime {value!r}")
    if len(parts) == 1:
        instant = parse_time(parts[0])
        return instant, instant
    start, end = (None if p in ("", "..") else parse_time(p) for p in parts)
    if start and end and start > end:
        raise StacError(400, f"Invalid datetime {value!r}: start after end")
    return start, end


def parse_bbox(value: Any) -> Optional[list[float]]:
    if value in (None, "", []):
        return None
    raw = value.split(",") if isinstance(value, str) else value
    try:
        numbers = [float(v) for v in raw]
    except (TypeError, ValueError):
        raise StacError(400, f"Invalid bbox {value!r}") from None
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    if len(numbers) != 4 or numbers[1] > numbers[3]:
        raise StacError(400, f"Invalid bbox {value!r}")
    return numbers


def bbox_shape(bbox: list[float]) -> Any:
    west, south, east, north = bbox
    if west > east:  # crosses the antimeridian
        return box(west, south, 180.0, north).union(box(-180.0, south, east, north))
    return box(west, south, east, north)


def _list(value: Any) -> Optional[list[str]]:
    if value in (None, "", []):
        return None
    return [v for v in value.split(",") if v] if isinstance(value, str) else list(value)


def _sort_keys(value: Any) -> list[tuple[str, bool]]:
    """[(field, descending)] from ``-datetime,+id`` or ``[{"field", "direction"}]``."""
    if value in (None, "", []):
        return [("datetime", True), ("id", False)]
    keys = []
    for entry in value.split(",") if isinstance(value, str) else value:
        if isinstance(entry, dict):
            name, descending = str(entry.get("field", "")), entry.get("direction") == "desc"
        else:
            text = str(entry).strip()
            name, descending = text.lstrip("+- "), text.startswith("-")
        if not name:
            raise StacError(400, f"Invalid sortby {value!r}")
        keys.append(
            (name[len("properties.") :] if name.startswith("properties.") else name, descending)
        )
    return keys


def _field(item: dict, name: str) -> Any:
    return item.get(name) if name in ("id", "collection") else item["properties"].get(name)


def _filter(params: dict) -> Optional[dict]:
    """Seed 003 documents ``filter`` as "CQL2-JSON filter expression as a JSON string" and
    ``filter-lang`` as "currently cql2-json": CQL2 text is refused (400)."""
    value, lang = params.get("filter"), params.get("filter-lang")
    if value in (None, ""):
        return None
    crs = params.get("filter-crs")
    if crs not in (None, "") and crs not in CRS84:
        raise StacError(400, f"Unsupported filter-crs {crs!r}")
    try:
        if lang not in (None, "cql2-json"):
            raise CqlError(f"unsupported filter-lang {lang!r} (only cql2-json)")
        if isinstance(value, dict):
            return parse_json(value)
        try:
            document = json.loads(value)
        except ValueError:
            raise CqlError("filter is not a CQL2-JSON expression") from None
        if not isinstance(document, dict):
            raise CqlError("filter is not a CQL2-JSON expression")
        return parse_json(document)
    except CqlError as exc:
        raise StacError(400, f"Invalid filter: {exc}") from None


def search_items(items: list[dict], params: dict) -> list[dict]:
    """The items matching the search ``params``, sorted by ``sortby``."""
    collections, ids = _list(params.get("collections")), _list(params.get("ids"))
    bbox, intersects = parse_bbox(params.get("bbox")), params.get("intersects")
    if bbox and intersects:
        raise StacError(400, "Only one of bbox and intersects can be given")
    area = bbox_shape(bbox) if bbox else None
    if intersects not in (None, ""):
        try:
            geometry = json.loads(intersects) if isinstance(intersects, str) else intersects
            area = shape(geometry)
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            raise StacError(400, f"Invalid intersects geometry: {exc}") from None
    interval, expression = parse_interval(params.get("datetime")), _filter(params)
    out = []
    for item in items:
        if collections and item["collection"] not in collections:
            continue
        if ids and item["id"] not in ids:
            continue
        if area is not None and not area.intersects(shape(item["geometry"])):
            continue
        if interval:
            when = parse_time(item["properties"]["datetime"])
            if (interval[0] and when < interval[0]) or (interval[1] and when > interval[1]):
                continue
        try:
            if expression is not None and not matches(expression, item):
                continue
        except CqlError as exc:
            raise StacError(400, f"Invalid filter: {exc}") from None
        out.append(item)
    for name, descending in reversed(_sort_keys(params.get("sortby"))):
        present = [i for i in out if _field(i, name) is not None]
        missing = [i for i in out if _field(i, name) is None]
        present.sort(key=lambda i, n=name: _field(i, n), reverse=descending)
        out = present + missing
    return out
