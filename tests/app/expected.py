"""What the sandbox holds for an area, computed independently of the plugin (shapely in
the test process, where no second GEOS is in the way)."""

from __future__ import annotations

import json
from pathlib import Path

from shapely.affinity import translate
from shapely.geometry import MultiPolygon, Polygon, box, shape
from shapely.ops import unary_union

REPO = Path(__file__).resolve().parents[2]
SANDBOX = REPO / "resources" / "sandbox"
S2 = "sandbox-sentinel-2-l2a"
JUNE = ("2024-06-01T00:00:00Z", "2024-06-30T23:59:59.999999Z")


def sandbox_items() -> list[dict]:
    items = []
    for path in sorted((SANDBOX / "items").glob("*.json")):
        items.extend(json.loads(path.read_text())["features"])
    return items


def expected_ids(area, interval=None, collections=(S2,)) -> set[str]:
    """Ids of the items of ``collections`` in ``interval`` whose footprint meets ``area``
    (a shapely geometry or a [w, s, e, n] box)."""
    geometry = area if hasattr(area, "geom_type") else box(*area)
    found = set()
    for item in sandbox_items():
        if collections and item["collection"] not in collections:
            continue
        when = item["properties"]["datetime"]
        if interval and not interval[0] <= when <= interval[1]:
            continue
        if shape(item["geometry"]).intersects(geometry):
            found.add(item["id"])
    return found


def polygon(vertices) -> Polygon:
    return Polygon([tuple(v) for v in vertices])


def wrapped(geometry) -> MultiPolygon:
    """A polygon drawn past 180° (a map panned over the Pacific), cut at the antimeridian
    and brought back into [-180, 180]."""
    west = geometry.intersection(box(-180, -90, 180, 90))
    east = translate(geometry.intersection(box(180, -90, 540, 90)), xoff=-360)
    return unary_union([west, east])


def screen_size() -> tuple[int, int]:
    from .harness import SCREEN

    width, height, _depth = SCREEN.split("x")
    return int(width), int(height)


def assert_picture(path: str) -> None:
    """A PNG of the whole screen with a picture on it (many colours), not a blank."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(path)
    assert not image.isNull(), f"{path} is not a readable PNG"
    width, height = screen_size()
    assert (image.width(), image.height()) == (width, height)
    colours = {image.pixel(x, y) for x in range(0, width, 7) for y in range(0, height, 7)}
    assert len(colours) > 50, f"the screenshot is blank ({len(colours)} colours)"
