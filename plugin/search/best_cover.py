"""Best cover: the fewest, least cloudy scenes that cover a search area.

A greedy choice, as analysts make it by hand: take the scene that adds the most clear
ground not yet covered, then the next, until the area is covered (or nothing adds any).
"Clear ground" weighs the new area a scene adds by how cloud-free the scene is, so a clear
scene beats a cloudy one that covers a little more; a scene without a cloud cover counts as
half cloudy. Areas are measured on the WGS 84 ellipsoid, so the fraction said is the
fraction of the ground, at any latitude.

Runs in the calling thread (a task's worker for the dock): QgsGeometry only, no widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsGeometry,
)

from ..map.areas import geometry_from_geojson

#: stop when this share of the area is covered (the last sliver rarely deserves a scene)
ENOUGH = 0.995
#: a scene must add at least this share of the area to be worth taking
NEGLIGIBLE = 0.001
UNKNOWN_CLOUD = 50.0


@dataclass
class Scene:
    """One footprint: its feature id, geometry (EPSG:4326) and cloud cover in % (or None)."""

    fid: int
    geometry: QgsGeometry
    cloud: Optional[float] = None


@dataclass
class Cover:
    """The scenes chosen, in the order taken, and how much of the area they cover."""

    fids: list[int] = field(default_factory=list)
    covered: float = 0.0  # 0..1 of the area's ground
    area_km2: float = 0.0
    cancelled: bool = False


def area_geometry(area: Any) -> Optional[QgsGeometry]:
    """A search's :class:`~plugin.api.geometry.SearchArea` as a QgsGeometry (EPSG:4326), or
    None for a search of the whole world."""
    geojson = area.as_intersects() if area is not None else None
    if not geojson:
        return None
    geometry = geometry_from_geojson(geojson)
    return None if geometry.isEmpty() else geometry


def _clear(cloud: Optional[float]) -> float:
    """How much of a scene's ground is usable: 1 for 0 % cloud, 0.05 for 100 %."""
    value = UNKNOWN_CLOUD if cloud is None else min(100.0, max(0.0, float(cloud)))
    return max(0.05, 1.0 - value / 100.0)


def _measure() -> QgsDistanceArea:
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateTransformContext())
    measure.setEllipsoid("EPSG:7030")  # WGS 84
    return measure


def best_cover(
    area: QgsGeometry,
    scenes: Iterable[Scene],
    is_cancelled: Callable[[], bool] = lambda: False,
    max_scenes: int = 100,
) -> Cover:
    """The fewest, least cloudy scenes covering ``area`` (both in EPSG:4326)."""
    measure = _measure()
    area = QgsGeometry(area).makeValid()
    total = measure.measureArea(area) if not area.isEmpty() else 0.0
    cover = Cover(area_km2=total / 1e6)
    if total <= 0:
        return cover
    candidates: list[tuple[Scene, QgsGeometry]] = []
    for scene in scenes:
        inside = QgsGeometry(scene.geometry).makeValid().intersection(area)
        if not inside.isEmpty() and measure.measureArea(inside) > NEGLIGIBLE * total:
            candidates.append((scene, inside))
    remaining = area
    left = total
    while candidates and len(cover.fids) < max_scenes:
        if is_cancelled():
            cover.cancelled = True
            break
        best, best_gain, best_new = -1, 0.0, 0.0
        for index, (scene, inside) in enumerate(candidates):
            new = measure.measureArea(inside.intersection(remaining))
            gain = new * _clear(scene.cloud)
            if gain > best_gain:
                best, best_gain, best_new = index, gain, new
        if best < 0 or best_new < NEGLIGIBLE * total:
            break
        scene, inside = candidates.pop(best)
        cover.fids.append(scene.fid)
        remaining = remaining.difference(inside)
        left = measure.measureArea(remaining) if not remaining.isEmpty() else 0.0
        if 1.0 - left / total >= ENOUGH:
            break
    cover.covered = max(0.0, min(1.0, 1.0 - left / total))
    return cover
