"""CDSE-like Sentinel-2 L2A items for the stac-fastapi-pgstac test server.

Real items recorded from CDSE STAC v1 (``tests/fixtures/cdse-stac-v1``: ~65 kB each, 43
assets) are copied with varied ids, dates, cloud cover and footprints, deterministically
(``random.Random(seed)``), so tests can compute what a search must return:

- ids ``S2X_MSIL2A_<date>T<time>_N0511_R<orbit>_T<tile>_<n>`` (unique);
- ``datetime`` spread over 2024 (``start_datetime`` / ``end_datetime`` follow);
- ``eo:cloud_cover`` 0..100 with two decimals, some exactly 0 and 100, and about one item
  in 25 without the property;
- footprints moved over a 10 x 6 degree grid of Europe (4..44 E, 40..64 N);
- the recorded ``links`` dropped (the server makes its own).
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cdse-stac-v1"
COLLECTION_ID = "sentinel-2-l2a"
_TEMPLATE_FILES = (
    "search_post_s2l2a_bbox_4items.json",
    "items_get_s2l2a_page1_next_link.json",
    "item_s2l2a_S2A_MSIL2A_20241107T113311_N0511_R080_T32VKR_20241107T123948.json",
)


def templates() -> list[dict[str, Any]]:
    """The recorded Sentinel-2 L2A items, in a fixed order."""
    found: list[dict[str, Any]] = []
    for name in _TEMPLATE_FILES:
        data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
        found.extend(data["features"] if data.get("type") == "FeatureCollection" else [data])
    return [i for i in found if i.get("collection") == COLLECTION_ID]


def collection() -> dict[str, Any]:
    data = json.loads((FIXTURES / f"collection_{COLLECTION_ID}.json").read_text("utf-8"))
    data["links"] = []
    return data


def _shift(value: Any, dx: float, dy: float) -> Any:
    if isinstance(value, list) and value and isinstance(value[0], (int, float)):
        return [round(value[0] + dx, 6), round(value[1] + dy, 6), *value[2:]]
    if isinstance(value, list):
        return [_shift(v, dx, dy) for v in value]
    return value


def _centre(bbox: list[float]) -> tuple[float, float]:
    return (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2


def make_items(count: int = 300, seed: int = 7) -> list[dict[str, Any]]:
    return list(iter_items(count, seed))


def included(item: dict[str, Any], paths: Sequence[str]) -> dict[str, Any]:
    """``item`` with only the Fields extension ``include`` paths (``properties.datetime``),
    and ``type`` and ``stac_version``, as a server answers a search with ``fields``."""
    out: dict[str, Any] = {k: item[k] for k in ("type", "stac_version") if k in item}
    for path in paths:
        head, _, rest = path.partition(".")
        if head not in item:
            continue
        if not rest:
            out[head] = copy.deepcopy(item[head])
        elif isinstance(item[head], dict) and rest in item[head]:
            out.setdefault(head, {})[rest] = copy.deepcopy(item[head][rest])
    out.setdefault("properties", {})
    return out


def iter_items(
    count: int = 300, seed: int = 7, include: Sequence[str] | None = None
) -> Iterator[dict[str, Any]]:
    """The items of :func:`make_items` one at a time (a few GB as a list at 100,000);
    ``include``: only these fields of each (:func:`included`), the same items otherwise."""
    rng = random.Random(seed)
    sources = templates()
    if include is not None:
        sources = [included(source, include) for source in sources]
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    for n in range(count):
        item = copy.deepcopy(sources[n % len(sources)])
        when = start + timedelta(days=rng.uniform(0, 365), seconds=rng.randrange(86400))
        # distinct instants (a stable sort order) up to a million items; n * 1000 below 1000
        when = when.replace(microsecond=(n % 1000) * 1000 + n // 1000)
        column, row = n % 10, (n // 10) % 6
        cx, cy = _centre(item["bbox"])
        dx = 4.5 + column * 4 + rng.uniform(-1, 1) - cx
        dy = 41 + row * 4 + rng.uniform(-1, 1) - cy
        item["geometry"]["coordinates"] = _shift(item["geometry"]["coordinates"], dx, dy)
        item["bbox"] = [
            round(item["bbox"][0] + dx, 6),
            round(item["bbox"][1] + dy, 6),
            round(item["bbox"][2] + dx, 6),
            round(item["bbox"][3] + dy, 6),
        ]
        platform = "sentinel-2a" if n % 2 else "sentinel-2b"
        stamp = when.strftime("%Y%m%dT%H%M%S")
        item["id"] = (
            f"S2{platform[-1].upper()}_MSIL2A_{stamp}_N0511_R{n % 143:03d}"
            f"_T{30 + column}U{'ABCDEF'[row]}{chr(65 + n % 26)}_{n:04d}"
        )
        properties = item["properties"]
        iso = when.isoformat().replace("+00:00", "Z")
        properties["datetime"] = iso
        properties["start_datetime"] = iso
        properties["end_datetime"] = iso
        properties["platform"] = platform
        roll = rng.random()
        if roll < 0.04:
            properties.pop("eo:cloud_cover", None)
        elif roll < 0.08:
            properties["eo:cloud_cover"] = 0
        elif roll < 0.1:
            properties["eo:cloud_cover"] = 100
        else:
            properties["eo:cloud_cover"] = round(rng.uniform(0, 100), 2)
        item["links"] = []
        yield item
