"""The benchmark catalog: realistic generated items, written where ``rustac serve`` reads them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.servers.sandbox.items import (
    EUROPE,
    FIJI,
    YEAR_2024,
    dumps,
    make_antimeridian_items,
    make_collection,
    make_items,
)

S2 = "bench-sentinel-2-l2a"
S1 = "bench-sentinel-1-grd"
LST = "bench-lst"
COLLECTIONS = [S2, S1, LST]


class BenchError(RuntimeError):
    """The benchmark could not measure what it should: exit non-zero."""


def _split(total: int) -> dict[str, int]:
    """70 % Sentinel-2 (3 % of them across the antimeridian), 20 % Sentinel-1, 10 % LST."""
    s2 = round(total * 0.7)
    s1 = round(total * 0.2)
    lst = total - s2 - s1
    antimeridian = max(1, round(s2 * 0.03)) if s2 > 1 else 0
    return {"s2": s2 - antimeridian, "s2_am": antimeridian, "s1": s1, "lst": lst}


def make_catalog(total: int) -> dict[str, tuple[dict, list[dict]]]:
    """{collection id: (collection, items)} with ``total`` items, all ids unique.

    Tile counts are given explicitly: the optical tile grid over Europe holds only a few
    hundred 1-degree tiles, and the default (one tile per 9 items) cannot be met at 10,000.
    """
    n = _split(total)
    s2_items = make_items(
        S2,
        n["s2"],
        EUROPE,
        *YEAR_2024,
        seed=102,
        n_tiles=max(1, min(400, n["s2"] // 15)),
        base_url=None,
    )
    if n["s2_am"]:
        s2_items += make_antimeridian_items(
            S2,
            n["s2_am"],
            FIJI[1::2],
            *YEAR_2024,
            seed=104,
            n_tiles=max(1, min(10, n["s2_am"] // 10)),
            base_url=None,
        )
    s2_items.sort(key=lambda i: (i["properties"]["datetime"], i["id"]), reverse=True)
    s1_items = lst_items = []
    if n["s1"]:
        s1_items = make_items(
            S1,
            n["s1"],
            EUROPE,
            *YEAR_2024,
            seed=112,
            kind="sar",
            n_tiles=max(1, min(150, n["s1"] // 12)),
            base_url=None,
        )
    if n["lst"]:
        lst_items = make_items(
            LST,
            n["lst"],
            EUROPE,
            *YEAR_2024,
            seed=122,
            kind="lst",
            n_tiles=max(1, min(40, n["lst"] // 15)),
            base_url=None,
        )
    catalog = {
        S2: (make_collection(S2, "Bench Sentinel-2 L2A", items=s2_items), s2_items),
        S1: (make_collection(S1, "Bench Sentinel-1 GRD", kind="sar", items=s1_items), s1_items),
        LST: (
            make_collection(LST, "Bench LST", kind="lst", items=lst_items, license="other"),
            lst_items,
        ),
    }
    catalog = {cid: pair for cid, pair in catalog.items() if pair[1]}
    ids = [item["id"] for _, items in catalog.values() for item in items]
    if len(ids) != total or len(set(ids)) != total:
        raise BenchError(
            f"generated {len(ids)} items with {len(set(ids))} unique ids, expected {total}"
        )
    return catalog


def write_catalog(catalog: dict[str, tuple[dict, list[dict]]], folder: Path) -> list[str]:
    """collections/<id>.json then items/<id>.json (FeatureCollections): rustac's load order."""
    (folder / "collections").mkdir(parents=True, exist_ok=True)
    (folder / "items").mkdir(parents=True, exist_ok=True)
    collections, item_files = [], []
    for cid, (collection, items) in catalog.items():
        path = folder / "collections" / f"{cid}.json"
        path.write_text(dumps(collection), encoding="utf-8")
        collections.append(str(path))
        path = folder / "items" / f"{cid}.json"
        path.write_text(dumps({"type": "FeatureCollection", "features": items}), encoding="utf-8")
        item_files.append(str(path))
    return collections + item_files


def item_sizes(catalog: dict[str, tuple[dict, list[dict]]]) -> tuple[int, float]:
    """Total items and mean serialised item size in bytes (as generated, before rustac)."""
    sizes = [
        len(json.dumps(i, separators=(",", ":"))) for _, items in catalog.values() for i in items
    ]
    return len(sizes), sum(sizes) / max(1, len(sizes))
