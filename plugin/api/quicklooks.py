"""Quicklooks: which asset of a STAC item is its preview, and where on Earth it goes.

An item's quicklook is, in this order:

1. a *georeferenced* preview: an asset with a preview role or key (``overview``,
   ``thumbnail``, ``preview``, ``quicklook``, ``browse``) that is a GeoTIFF/COG. GDAL reads
   its own georeferencing; it is used as is (reduced to a small image);
2. a picture (PNG, JPEG, WebP, GIF, or no media type) with such a role or key. It has no
   georeferencing, so it is placed:

   - by the asset's or the item's ``proj:bbox`` in its ``proj:code``/``proj:epsg`` CRS
     (a Sentinel-2 thumbnail covers its whole tile, not only the valid-data footprint);
     ``proj:transform`` with ``proj:shape`` give that box too;
   - else by the footprint: a footprint that is a quadrilateral (a scene's four corners,
     as Landsat and Sentinel-1 give them) puts the image's corners on its corners (four
     ground control points, the image is warped); any other footprint puts the image on
     its bounding box in EPSG:4326 (a geotransform, no warp).

A picture is assumed north up, its top row at the northern edge. Pure Python, no GDAL.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

#: Asset keys that name a preview, most wanted first.
PREVIEW_KEYS = ("overview", "thumbnail", "preview", "quicklook", "browse", "rendered_preview")
#: Roles that name a preview (STAC best practices: ``thumbnail``, ``overview``).
PREVIEW_ROLES = ("overview", "thumbnail", "visual-preview", "preview")
_PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
_PICTURE_TYPES = ("image/png", "image/jpeg", "image/jpg", "image/webp", "image/gif")
_TIFF_SUFFIXES = (".tif", ".tiff")


@dataclass(frozen=True)
class GroundControlPoint:
    pixel: float  # column, 0 at the image's left edge
    line: float  # row, 0 at the image's top edge
    x: float
    y: float


@dataclass(frozen=True)
class Placement:
    """Where a picture goes: the CRS and either a box or four corners.

    ``box`` is (xmin, ymin, xmax, ymax) in ``crs``; ``corners`` are the upper-left,
    upper-right, lower-right and lower-left points of the image on the ground.
    """

    crs: str
    box: tuple[float, float, float, float] | None = None
    corners: tuple[tuple[float, float], ...] | None = None
    how: str = ""  # "proj:bbox", "footprint corners", "footprint bbox": for the log

    def geotransform(self, width: int, height: int) -> tuple[float, ...] | None:
        """GDAL's geotransform of a ``width`` x ``height`` image on the box (None: corners)."""
        if self.box is None:
            return None
        xmin, ymin, xmax, ymax = self.box
        return (xmin, (xmax - xmin) / width, 0.0, ymax, 0.0, -(ymax - ymin) / height)

    def gcps(self, width: int, height: int) -> list[GroundControlPoint]:
        """The image's four corners on the ground."""
        if self.corners is not None:
            points = self.corners
        else:
            assert self.box is not None
            xmin, ymin, xmax, ymax = self.box
            points = ((xmin, ymax), (xmax, ymax), (xmax, ymin), (xmin, ymin))
        pixels = ((0, 0), (width, 0), (width, height), (0, height))
        return [GroundControlPoint(p, li, x, y) for (p, li), (x, y) in zip(pixels, points)]


@dataclass(frozen=True)
class Quicklook:
    item_id: str
    key: str
    href: str
    media_type: str
    #: the image has its own georeferencing (GeoTIFF): GDAL reads it, ``placement`` is None
    georeferenced: bool
    placement: Placement | None = None

    @property
    def how(self) -> str:
        return "its own georeferencing" if self.georeferenced else (self.placement or _NONE).how


_NONE = Placement(crs="", how="")


class NoQuicklook(ValueError):
    """The item has no preview asset that can be placed; the message says why."""


def _roles(asset: dict) -> list[str]:
    roles = asset.get("roles")
    return [r for r in roles if isinstance(r, str)] if isinstance(roles, list) else []


def _href(asset: dict) -> str:
    href = asset.get("href")
    if isinstance(href, str) and href.startswith(("http://", "https://")):
        return href
    alternates = asset.get("alternate")
    if isinstance(alternates, dict):
        for alt in alternates.values():
            alt_href = alt.get("href") if isinstance(alt, dict) else None
            if isinstance(alt_href, str) and alt_href.startswith(("http://", "https://")):
                return alt_href
    return ""


def _path(href: str) -> str:
    return href.split("?", 1)[0].split("#", 1)[0].lower()


def is_tiff(asset: dict) -> bool:
    media = str(asset.get("type") or "").lower()
    return "tiff" in media or _path(str(asset.get("href") or "")).endswith(_TIFF_SUFFIXES)


def is_picture(asset: dict) -> bool:
    media = str(asset.get("type") or "").lower().split(";", 1)[0].strip()
    if media:
        return media in _PICTURE_TYPES
    return _path(str(asset.get("href") or "")).endswith(_PICTURE_SUFFIXES)


def preview_assets(item: dict) -> list[tuple[str, dict]]:
    """The item's preview assets with an http(s) link, most wanted first: by key in
    :data:`PREVIEW_KEYS` order, then by role."""
    assets = item.get("assets")
    if not isinstance(assets, dict):
        return []
    found: list[tuple[str, dict]] = []
    for key in PREVIEW_KEYS:
        asset = assets.get(key)
        if isinstance(asset, dict) and _href(asset):
            found.append((key, asset))
    for role in PREVIEW_ROLES:
        for key, asset in assets.items():
            if (
                isinstance(asset, dict)
                and role in _roles(asset)
                and _href(asset)
                and all(k != key for k, _ in found)
            ):
                found.append((str(key), asset))
    return found


def choose(item: dict) -> Quicklook:
    """The item's quicklook (see the module's docstring), or :class:`NoQuicklook`."""
    item_id = str(item.get("id") or "")
    previews = preview_assets(item)
    if not previews:
        raise NoQuicklook(f"{item_id}: no thumbnail, overview or preview asset.")
    for key, asset in previews:
        if is_tiff(asset):
            return Quicklook(item_id, key, _href(asset), str(asset.get("type") or ""), True)
    problems = []
    for key, asset in previews:
        if not is_picture(asset):
            continue
        try:
            placement = place(item, asset)
        except NoQuicklook as exc:
            problems.append(str(exc))
            continue
        return Quicklook(item_id, key, _href(asset), str(asset.get("type") or ""), False, placement)
    if problems:
        raise NoQuicklook(f"{item_id}: {problems[0]}")
    raise NoQuicklook(f"{item_id}: its preview is not an image QGIS can draw.")


# -- placement ------------------------------------------------------------------------------


def place(item: dict, asset: dict | None = None) -> Placement:
    """Where a picture of ``item`` goes: its ``proj:bbox`` (asset's, then item's), else
    its footprint's corners or bounding box in EPSG:4326."""
    properties = item.get("properties") if isinstance(item.get("properties"), dict) else {}
    for source in (asset or {}, properties or {}):
        placement = _proj_placement(source)
        if placement is not None:
            return placement
    return footprint_placement(item.get("geometry"), item.get("bbox"))


def proj_crs(source: dict) -> str | None:
    """``proj:code`` (STAC projection v2) or ``proj:epsg`` as an authority id."""
    code = source.get("proj:code")
    if isinstance(code, str) and ":" in code and code.split(":", 1)[1].strip():
        return code.strip()
    epsg = source.get("proj:epsg")
    if isinstance(epsg, (int, float)) and not isinstance(epsg, bool) and int(epsg) > 0:
        return f"EPSG:{int(epsg)}"
    if isinstance(epsg, str) and epsg.strip().isdigit():
        return f"EPSG:{int(epsg)}"
    return None


def _numbers(value: Any, count: int) -> list[float] | None:
    if not isinstance(value, (list, tuple)) or len(value) < count:
        return None
    try:
        numbers = [float(v) for v in value[:count]]
    except (TypeError, ValueError):
        return None
    return numbers if all(math.isfinite(n) for n in numbers) else None


def _proj_placement(source: dict) -> Placement | None:
    crs = proj_crs(source)
    if crs is None:
        return None
    box = _numbers(source.get("proj:bbox"), 4)
    if box is not None and len(source.get("proj:bbox") or ()) == 6:  # 3D: x, y, z twice
        values = [float(v) for v in source["proj:bbox"]]
        box = [values[0], values[1], values[3], values[4]]
    if box is None:
        box = _box_from_transform(source.get("proj:transform"), source.get("proj:shape"))
    if box is None:
        return None
    xmin, ymin, xmax, ymax = box
    if not (xmax > xmin and ymax > ymin):
        return None
    return Placement(crs=crs, box=(xmin, ymin, xmax, ymax), how="proj:bbox")


def _box_from_transform(transform: Any, shape: Any) -> list[float] | None:
    """The box of a north-up ``proj:transform`` (GDAL order a..f) over ``proj:shape``
    (rows, columns)."""
    values = _numbers(transform, 6)
    size = _numbers(shape, 2)
    if values is None or size is None:
        return None
    a, b, c, d, e, f = values
    rows, columns = size
    if b != 0 or d != 0 or a <= 0 or e >= 0:
        return None  # rotated: not a box
    return [c, f + e * rows, c + a * columns, f]


def _rings(geometry: Any) -> list[list[tuple[float, float]]]:
    if not isinstance(geometry, dict):
        return []
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    polygons = (
        [coordinates]
        if kind == "Polygon"
        else coordinates
        if kind == "MultiPolygon" and isinstance(coordinates, list)
        else []
    )
    rings = []
    for polygon in polygons:
        if isinstance(polygon, list) and polygon and isinstance(polygon[0], list):
            ring = []
            for point in polygon[0]:
                numbers = _numbers(point, 2)
                if numbers is not None:
                    ring.append((numbers[0], numbers[1]))
            if ring:
                rings.append(ring)
    return rings


def footprint_placement(geometry: Any, bbox: Any = None) -> Placement:
    """The footprint's four corners (a quadrilateral) or its bounding box, in EPSG:4326."""
    rings = _rings(geometry)
    if len(rings) == 1:
        corners = quadrilateral_corners(rings[0])
        if corners is not None:
            return Placement(crs="EPSG:4326", corners=corners, how="footprint corners")
    points = [p for ring in rings for p in ring]
    if points:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        xmin, xmax = min(xs), max(xs)
        if len(rings) > 1 and xmax - xmin > 180:
            # Split at the antimeridian: the parts in the west go on past +180.
            xs = [x + 360 if x < 0 else x for x in xs]
            xmin, xmax = min(xs), max(xs)
        box = (xmin, min(ys), xmax, max(ys))
    else:
        numbers = _numbers(bbox, 4)
        if numbers is None:
            raise NoQuicklook("it has neither a footprint nor a bounding box to place it on.")
        west, south, east, north = (
            numbers
            if len(bbox) == 4
            else [float(bbox[0]), float(bbox[1]), float(bbox[3]), float(bbox[4])]
        )
        box = (west, south, east + 360 if east < west else east, north)
    if not (box[2] > box[0] and box[3] > box[1]):
        raise NoQuicklook("its footprint has no area to place it on.")
    return Placement(crs="EPSG:4326", box=box, how="footprint bbox")


def quadrilateral_corners(
    ring: list[tuple[float, float]],
) -> tuple[tuple[float, float], ...] | None:
    """Upper-left, upper-right, lower-right, lower-left of a convex four-cornered ring
    (closed or not), or None. A scene turned by less than 45 degrees: the two northern
    corners are the top, the western of each pair the left."""
    points = list(ring)
    if len(points) > 1 and points[0] == points[-1]:
        points = points[:-1]
    if len(points) != 4 or len(set(points)) != 4 or not _convex(points):
        return None
    by_y = sorted(points, key=lambda p: p[1], reverse=True)
    top = sorted(by_y[:2], key=lambda p: p[0])
    bottom = sorted(by_y[2:], key=lambda p: p[0])
    corners = (top[0], top[1], bottom[1], bottom[0])
    if not _convex(list(corners)) or _is_box(corners):
        return None  # a box needs no warp: the bounding box places it exactly
    return corners


def _convex(points: list[tuple[float, float]]) -> bool:
    signs = set()
    for i in range(len(points)):
        (x1, y1), (x2, y2), (x3, y3) = points[i], points[(i + 1) % 4], points[(i + 2) % 4]
        cross = (x2 - x1) * (y3 - y2) - (y2 - y1) * (x3 - x2)
        if cross == 0:
            return False
        signs.add(cross > 0)
    return len(signs) == 1


def _is_box(corners: tuple[tuple[float, float], ...]) -> bool:
    (ulx, uly), (urx, ury), (lrx, lry), (llx, lly) = corners
    return ulx == llx and urx == lrx and uly == ury and lly == lry
