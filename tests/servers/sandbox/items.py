"""Deterministic generator of realistic STAC 1.0.0 collections and items.

The shipped sandbox data in ``resources/sandbox`` is written by this module's CLI::

    python -m tests.servers.sandbox.items resources/sandbox

Everything is derived from ``random.Random(seed)``, so the same arguments always give
the same JSON (the self-tests regenerate the sandbox and compare it byte for byte).
Asset hrefs point at ``*.invalid`` hosts (RFC 2606): they never resolve, which is the
point - nothing in the sandbox may reach the network.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.servers.sandbox.layout import (
    acquisition_time,
    fmt_dt,
    make_tiles,
    parse_dt,
    partial_footprint,
    split_antimeridian,
    utm_epsg,
)
from tests.servers.sandbox.profiles import (
    EXTENSIONS,
    KINDS,
    assets,
    id_and_properties,
    item_assets,
    summaries,
)

STAC_VERSION = "1.0.0"
DEFAULT_BASE_URL = "http://127.0.0.1:8765"
DEFAULT_ASSET_BASE = "https://data.sandbox.eo-explorer.invalid"
SANDBOX_DIR = Path(__file__).resolve().parents[3] / "resources" / "sandbox"
COPERNICUS_LEGAL = (
    "https://sentinels.copernicus.eu/documents/247904/690755/Sentinel_Data_Legal_Notice"
)


def _item(
    rng: random.Random,
    collection_id: str,
    kind: str,
    tile: dict,
    dt: datetime,
    bbox_style: str,
    base_url: str | None,
    asset_base: str,
) -> dict:
    k = KINDS[kind]
    poly = tile["poly"]
    if kind == "optical" and rng.random() < 0.3:
        poly = partial_footprint(rng, poly)
    geometry, bbox = split_antimeridian(poly, bbox_style)
    platform = rng.choice(k.platforms)
    props: dict[str, Any] = {
        "datetime": fmt_dt(dt),
        "start_datetime": fmt_dt(dt),
        "end_datetime": fmt_dt(dt),
        "platform": platform,
        "constellation": k.constellation,
        "instruments": k.instruments,
        "gsd": k.gsd,
        "proj:epsg": utm_epsg(poly.centroid.x, poly.centroid.y),
    }
    item_id, extra = id_and_properties(rng, kind, tile, dt, platform)
    props.update(extra)
    return {
        "type": "Feature",
        "stac_version": STAC_VERSION,
        "stac_extensions": [EXTENSIONS[e] for e in k.extensions],
        "id": item_id,
        "collection": collection_id,
        "geometry": geometry,
        "bbox": bbox,
        "properties": props,
        "links": []
        if base_url is None
        else [
            {
                "rel": "self",
                "type": "application/geo+json",
                "href": f"{base_url}/collections/{collection_id}/items/{item_id}",
            }
        ],
        "assets": assets(rng, kind, f"{asset_base}/{collection_id}/{item_id}"),
    }


def make_items(
    collection_id: str,
    count: int,
    bbox_region: Sequence[float],
    start: str | datetime,
    end: str | datetime,
    seed: int,
    *,
    kind: str = "optical",
    n_tiles: int | None = None,
    size: float | None = None,
    bbox_style: str = "rfc7946",
    base_url: str | None = DEFAULT_BASE_URL,
    asset_base: str = DEFAULT_ASSET_BASE,
    _cross: bool = False,
) -> list[dict]:
    """``count`` items of ``kind`` ("optical", "sar" or "lst") inside ``bbox_region``.

    Items repeat over ``n_tiles`` fixed footprints (default: ~1 tile per 9 items), with
    acquisition times in [start, end] at the sensor's local solar time. ``bbox_region`` may
    cross the antimeridian (west > east). Sorted newest first; ids are unique. Each item gets
    a ``self`` link under ``base_url``, or no links at all if ``base_url`` is None.
    """
    rng = random.Random(seed)
    t0, t1 = parse_dt(start), parse_dt(end)
    size = KINDS[kind].size if size is None else size
    tiles = make_tiles(rng, kind, bbox_region, n_tiles or max(1, count // 9), size, _cross)
    items: dict[str, dict] = {}
    while len(items) < count:
        tile = rng.choice(tiles)
        # Sentinel-1 ascending passes are ~12 h after the descending ones (dawn/dusk orbit)
        hour = KINDS[kind].solar_hour + (12 if kind == "sar" and tile["asc"] else 0)
        dt = acquisition_time(rng, hour, tile["poly"].centroid.x, t0, t1)
        item = _item(rng, collection_id, kind, tile, dt, bbox_style, base_url, asset_base)
        items.setdefault(item["id"], item)
    return sorted(
        items.values(), key=lambda i: (i["properties"]["datetime"], i["id"]), reverse=True
    )


def make_antimeridian_items(
    collection_id: str,
    count: int,
    lat_range: Sequence[float],
    start: str | datetime,
    end: str | datetime,
    seed: int,
    **kwargs: Any,
) -> list[dict]:
    """Items whose footprints all straddle 180 deg: MultiPolygons split at +-180."""
    south, north = lat_range
    return make_items(
        collection_id, count, [179.0, south, -179.0, north], start, end, seed, _cross=True, **kwargs
    )


def _overall_bbox(items: Sequence[dict]) -> list[float]:
    crosses = any(i["bbox"][0] > i["bbox"][2] or i["bbox"][2] - i["bbox"][0] >= 360 for i in items)
    west = -180.0 if crosses else min(i["bbox"][0] for i in items)
    east = 180.0 if crosses else max(i["bbox"][2] for i in items)
    return [west, min(i["bbox"][1] for i in items), east, max(i["bbox"][3] for i in items)]


def make_collection(
    collection_id: str,
    title: str,
    *,
    kind: str = "optical",
    description: str | None = None,
    items: Sequence[dict] = (),
    bboxes: Sequence[Sequence[float]] = (),
    interval: Sequence[str | None] | None = None,
    license: str = "proprietary",
    base_url: str = DEFAULT_BASE_URL,
) -> dict:
    """A STAC 1.0.0 Collection with extent, summaries and item_assets for ``kind``.

    The extent is ``bboxes`` (first = overall) or, if empty, computed from ``items``;
    likewise the temporal interval. ``eo:cloud_cover`` is summarised only for "optical".
    """
    if not bboxes:
        bboxes = [_overall_bbox(items)] if items else [[-180.0, -90.0, 180.0, 90.0]]
    if interval is None:
        times = sorted(i["properties"]["datetime"] for i in items)
        interval = [times[0], times[-1]] if times else [None, None]
    extensions, summary = summaries(kind)
    if items:
        summary["proj:epsg"] = sorted({i["properties"]["proj:epsg"] for i in items})
    links = [
        {
            "rel": "self",
            "type": "application/json",
            "href": f"{base_url}/collections/{collection_id}",
        },
        {"rel": "root", "type": "application/json", "href": f"{base_url}/"},
        {
            "rel": "items",
            "type": "application/geo+json",
            "href": f"{base_url}/collections/{collection_id}/items",
        },
    ]
    if license == "proprietary":
        links.append(
            {
                "rel": "license",
                "type": "application/pdf",
                "href": COPERNICUS_LEGAL,
                "title": "Legal notice on the use of Copernicus Sentinel Data",
            }
        )
    return {
        "type": "Collection",
        "stac_version": STAC_VERSION,
        "stac_extensions": [EXTENSIONS[e] for e in extensions],
        "id": collection_id,
        "title": title,
        "description": description or f"{title} (synthetic sandbox data for EO Explorer tests).",
        "keywords": ["sandbox", KINDS[kind].constellation],
        "license": license,
        "providers": [{"name": "EO Explorer sandbox", "roles": ["producer", "host"]}],
        "extent": {
            "spatial": {"bbox": [list(b) for b in bboxes]},
            "temporal": {"interval": [list(interval)]},
        },
        "summaries": summary,
        "item_assets": item_assets(kind),
        "links": links,
    }


EUROPE = (-10.0, 36.0, 30.0, 60.0)
CENTRAL_EUROPE = (4.0, 44.0, 16.0, 52.0)  # dense: most searches there find Sentinel-2 tiles
FIJI = (176.5, -19.5, -179.0, -15.5)
YEAR_2024 = ("2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z")


def build_sandbox() -> dict[str, tuple[dict, list[dict]]]:
    """The shipped sandbox: {collection id: (collection, items)}.

    Shipped items carry no links: rustac adds root/self/collection/parent links itself but,
    unlike for collections, keeps an item's own ``self`` link too, so a stored one would
    show up twice (and point at the wrong port when the sandbox runs elsewhere).
    """
    s2 = "sandbox-sentinel-2-l2a"
    s2_items = (
        make_items(s2, 450, CENTRAL_EUROPE, *YEAR_2024, seed=2, n_tiles=50, base_url=None)
        + make_items(s2, 135, EUROPE, *YEAR_2024, seed=6, n_tiles=15, base_url=None)
        + make_items(s2, 4, FIJI, *YEAR_2024, seed=3, n_tiles=2, base_url=None)
        + make_antimeridian_items(s2, 7, FIJI[1::2], *YEAR_2024, seed=4, n_tiles=2, base_url=None)
        + make_antimeridian_items(
            s2, 4, FIJI[1::2], *YEAR_2024, seed=5, n_tiles=1, bbox_style="full-width", base_url=None
        )
    )
    s2_items.sort(key=lambda i: (i["properties"]["datetime"], i["id"]), reverse=True)
    s1 = "sandbox-sentinel-1-grd"
    s1_items = make_items(
        s1, 150, (0.0, 43.0, 18.0, 55.0), *YEAR_2024, seed=12, kind="sar", n_tiles=30, base_url=None
    )
    lst = "sandbox-lst"
    lst_items = make_items(
        lst, 100, CENTRAL_EUROPE, *YEAR_2024, seed=22, kind="lst", n_tiles=8, base_url=None
    )
    return {
        s2: (
            make_collection(
                s2,
                "Sandbox Sentinel-2 L2A",
                items=s2_items,
                bboxes=[_overall_bbox(s2_items), list(EUROPE), list(FIJI)],
            ),
            s2_items,
        ),
        s1: (make_collection(s1, "Sandbox Sentinel-1 GRD", kind="sar", items=s1_items), s1_items),
        lst: (
            make_collection(
                lst,
                "Sandbox LST (Constellr-like)",
                kind="lst",
                items=lst_items,
                license="other",
                description="Land surface temperature on small areas of interest, "
                "modelled on Constellr LSTfusion (synthetic sandbox data).",
            ),
            lst_items,
        ),
    }


def dumps(doc: Any) -> str:
    """Compact, deterministic JSON as written to the sandbox files."""
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n"


def write_sandbox(outdir: str | Path) -> list[Path]:
    """Write collections/<id>.json and items/<id>.json (FeatureCollections); return paths."""
    out = Path(outdir)
    (out / "collections").mkdir(parents=True, exist_ok=True)
    (out / "items").mkdir(parents=True, exist_ok=True)
    written = []
    for cid, (collection, items) in build_sandbox().items():
        for path, doc in (
            (out / "collections" / f"{cid}.json", collection),
            (out / "items" / f"{cid}.json", {"type": "FeatureCollection", "features": items}),
        ):
            path.write_text(dumps(doc), encoding="utf-8")
            written.append(path)
    return written


def sandbox_files(root: str | Path = SANDBOX_DIR) -> list[str]:
    """Sandbox JSON files in the order rustac must load them: collections first, then items."""
    root = Path(root)
    files = sorted((root / "collections").glob("*.json")) + sorted((root / "items").glob("*.json"))
    return [str(p) for p in files]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", help="target directory, e.g. resources/sandbox")
    args = parser.parse_args(argv)
    for path in write_sandbox(args.outdir):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
