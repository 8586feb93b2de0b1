"""The pixel grid of a Process API result and its split into requests of at most 2500 px.

A :class:`Grid` is the output raster: origin (top-left corner), pixel size and size in
pixels, in one CRS. :func:`split` cuts it into windows; every window's bounding box is
computed from the grid with the same expression, so neighbouring tiles share their edge
coordinate bit for bit, and the union of the windows is the grid, each pixel exactly once.

Pure Python: the QGIS glue projects the area into the output CRS first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: ProcessRequestOutput: width and height are at most 2500 px.
MAX_PIXELS = 2500
#: Metres per degree (WGS 84, used only to turn a resolution in metres into degrees).
METRES_PER_DEGREE_LAT = 110_574.0
METRES_PER_DEGREE_LON = 111_320.0
#: A job larger than this many requests is refused: choose a coarser resolution.
MAX_TILES = 400

BBox = tuple[float, float, float, float]


def utm_epsg(lon: float, lat: float) -> int:
    """The WGS 84 / UTM zone EPSG code (326xx north, 327xx south) of a point."""
    lon = ((lon + 180.0) % 360.0) - 180.0
    zone = min(60, int(math.floor((lon + 180.0) / 6.0)) + 1)
    return (32600 if lat >= 0 else 32700) + zone


def degrees_for_metres(metres: float, lat: float) -> tuple[float, float]:
    """(x, y) pixel size in degrees for ``metres`` at latitude ``lat``."""
    cos = max(0.01, math.cos(math.radians(lat)))
    return metres / (METRES_PER_DEGREE_LON * cos), metres / METRES_PER_DEGREE_LAT


@dataclass(frozen=True)
class Grid:
    """``width`` x ``height`` pixels of ``px`` x ``py`` from the top-left ``(x0, y1)``.

    ``by_resolution``: the user chose a pixel size; otherwise a size in pixels. Either way
    each request sends its tile's ``width``/``height`` (see ``ProcessJob.body``).
    """

    x0: float
    y1: float
    px: float
    py: float
    width: int
    height: int
    epsg: int
    by_resolution: bool = True

    def x(self, col: int) -> float:
        return self.x0 if col == 0 else self.x0 + col * self.px

    def y(self, row: int) -> float:
        return self.y1 if row == 0 else self.y1 - row * self.py

    @property
    def bbox(self) -> BBox:
        return (self.x(0), self.y(self.height), self.x(self.width), self.y(0))

    def window_bbox(self, col: int, row: int, width: int, height: int) -> BBox:
        return (self.x(col), self.y(row + height), self.x(col + width), self.y(row))

    @property
    def geotransform(self) -> tuple[float, float, float, float, float, float]:
        return (self.x0, self.px, 0.0, self.y1, 0.0, -self.py)

    @property
    def pixels(self) -> int:
        return self.width * self.height


@dataclass(frozen=True)
class Tile:
    """One request: a window of the grid (offsets and size in pixels) and its bbox."""

    index: int
    row: int
    col: int
    col_off: int
    row_off: int
    width: int
    height: int
    bbox: BBox

    @property
    def name(self) -> str:
        return f"r{self.row:03d}_c{self.col:03d}"


def _snap_down(value: float, step: float) -> float:
    return math.floor(value / step + 1e-9) * step


def _snap_up(value: float, step: float) -> float:
    return math.ceil(value / step - 1e-9) * step


def grid_from_resolution(bbox: BBox, res_x: float, res_y: float, epsg: int) -> Grid:
    """The grid of pixels ``res_x`` x ``res_y`` covering ``bbox``, its edges on multiples
    of the pixel size (so 10 m pixels in a UTM zone fall on Sentinel-2's own grid)."""
    minx, miny, maxx, maxy = bbox
    if not (res_x > 0 and res_y > 0):
        raise ValueError("The resolution must be a positive number.")
    if not (maxx > minx and maxy > miny):
        raise ValueError("The area is empty: it has no width or no height.")
    x0, y1 = _snap_down(minx, res_x), _snap_up(maxy, res_y)
    width = max(1, int(math.ceil((maxx - x0) / res_x - 1e-9)))
    height = max(1, int(math.ceil((y1 - miny) / res_y - 1e-9)))
    return Grid(x0, y1, res_x, res_y, width, height, epsg, True)


def grid_from_size(bbox: BBox, width: int, height: int, epsg: int) -> Grid:
    """The grid of ``width`` x ``height`` pixels filling ``bbox`` exactly."""
    minx, miny, maxx, maxy = bbox
    if width < 1 or height < 1:
        raise ValueError("Width and height must be at least 1 pixel.")
    if not (maxx > minx and maxy > miny):
        raise ValueError("The area is empty: it has no width or no height.")
    return Grid(
        minx, maxy, (maxx - minx) / width, (maxy - miny) / height, width, height, epsg, False
    )


def _cuts(total: int, parts: int) -> list[tuple[int, int]]:
    """(offset, size) of ``parts`` near-equal pieces of ``total``."""
    base, extra = divmod(total, parts)
    out, offset = [], 0
    for i in range(parts):
        size = base + (1 if i < extra else 0)
        out.append((offset, size))
        offset += size
    return out


def tile_counts(grid: Grid, max_pixels: int = MAX_PIXELS) -> tuple[int, int]:
    """(columns, rows) of tiles needed."""
    return math.ceil(grid.width / max_pixels), math.ceil(grid.height / max_pixels)


def split(grid: Grid, max_pixels: int = MAX_PIXELS) -> list[Tile]:
    """The grid as tiles of at most ``max_pixels`` a side, in near-equal sizes, row by row."""
    if max_pixels < 1:
        raise ValueError("max_pixels must be at least 1")
    cols, rows = tile_counts(grid, max_pixels)
    if cols * rows > MAX_TILES:
        raise ValueError(
            f"The result would need {cols * rows} requests of {max_pixels} x {max_pixels} "
            f"pixels (at most {MAX_TILES}): choose a coarser resolution or a smaller area."
        )
    tiles: list[Tile] = []
    for r, (row_off, height) in enumerate(_cuts(grid.height, rows)):
        for c, (col_off, width) in enumerate(_cuts(grid.width, cols)):
            bbox = grid.window_bbox(col_off, row_off, width, height)
            tiles.append(Tile(len(tiles), r, c, col_off, row_off, width, height, bbox))
    return tiles


def estimate_units(
    tiles: list[Tile],
    input_bands: int,
    float32: bool,
    multiplier: float = 1.0,
) -> float:
    """Processing units (CDSE "Processing Unit definition"): per request
    max(0.01, pixels / 512²) x input bands / 3 x 2 for 32-bit float output x the
    collection's multiplier (Sentinel-1 orthorectification, terrain correction, speckle
    filter), at least 0.005. One acquisition per pixel is assumed."""
    total = 0.0
    for tile in tiles:
        cost = max(0.01, tile.width * tile.height / (512 * 512)) * input_bands / 3
        if float32:
            cost *= 2
        total += max(0.005, cost * multiplier)
    return total
