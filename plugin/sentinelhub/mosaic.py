"""One Cloud-Optimized GeoTIFF from the tiles of a Process API job (GDAL).

The tiles are placed by their window in the job's grid, not by their georeferencing: a
VRT with integer source and destination rectangles, so nothing is resampled and tiles meet
without a seam. Each tile's size and origin are checked against its window first. The VRT
is then written as a COG (DEFLATE, overviews). Tiles that are missing (failed, or outside
a drawn polygon) are no-data.

GDAL's exception mode is global and shared with QGIS (3.40+ Processing turns exceptions
on), so it is left alone: every call goes through :func:`gdal_calls.call`, which fails the
same way in both modes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Optional
from xml.sax.saxutils import escape

from osgeo import gdal

from ..api.errors import EOExplorerError
from ..api.tiling import Grid, Tile
from ..core.gdal_calls import GdalFailed, call

COG_OPTIONS = [
    "COMPRESS=DEFLATE",
    "PREDICTOR=YES",
    "BIGTIFF=IF_SAFER",
    "NUM_THREADS=ALL_CPUS",
    "OVERVIEW_RESAMPLING=AVERAGE",
]


class MosaicError(EOExplorerError):
    """The tiles could not be put together."""


@dataclass
class MosaicInfo:
    path: Path
    bands: int
    data_type: str
    nodata: Optional[float]
    empty: bool  # every pixel is no-data


def _open(path: Path):
    try:
        return call(gdal.Open, str(path))
    except GdalFailed as exc:
        raise MosaicError(
            f"The tile {path.name} is not a readable GeoTIFF.", details=exc.message
        ) from exc


def _check_tile(dataset, tile: Tile, grid: Grid, path: Path) -> None:
    size = (dataset.RasterXSize, dataset.RasterYSize)
    if size != (tile.width, tile.height):
        raise MosaicError(
            f"Tile {tile.name} is {size[0]} x {size[1]} px instead of "
            f"{tile.width} x {tile.height}.",
            details=str(path),
        )
    gt = dataset.GetGeoTransform(can_return_null=True)
    if gt is None:
        return  # no georeferencing: placed by its window anyway
    tolerance_x, tolerance_y = abs(grid.px) * 1e-3, abs(grid.py) * 1e-3
    expected_x, expected_y = grid.x(tile.col_off), grid.y(tile.row_off)
    if abs(gt[0] - expected_x) > tolerance_x or abs(gt[3] - expected_y) > tolerance_y:
        raise MosaicError(
            f"Tile {tile.name} starts at ({gt[0]}, {gt[3]}) instead of "
            f"({expected_x}, {expected_y}): the service changed the grid.",
            details=str(path),
        )


def _nodata_text(value: float) -> str:
    return "nan" if math.isnan(value) else repr(float(value))


def build_vrt(
    tiles: list[tuple[Tile, Path]], grid: Grid, vrt_path: Path, nodata: Optional[float] = None
) -> tuple[int, str, Optional[float]]:
    """Write the VRT of ``tiles`` (checked); returns (bands, data type name, nodata)."""
    if not tiles:
        raise MosaicError("No tile came back, so there is nothing to assemble.")
    first = _open(tiles[0][1])
    bands = first.RasterCount
    data_type = gdal.GetDataTypeName(first.GetRasterBand(1).DataType)
    srs = first.GetProjectionRef() or ""
    if nodata is None:
        nodata = first.GetRasterBand(1).GetNoDataValue()
    if nodata is None and len(tiles) and _has_gaps(tiles, grid):
        nodata = 0.0
    first = None
    sources: list[list[str]] = [[] for _ in range(bands)]
    for tile, path in tiles:
        dataset = _open(path)
        _check_tile(dataset, tile, grid, path)
        if dataset.RasterCount != bands:
            raise MosaicError(
                f"Tile {tile.name} has {dataset.RasterCount} bands instead of {bands}."
            )
        dataset = None
        for band in range(bands):
            sources[band].append(
                "<SimpleSource>"
                f'<SourceFilename relativeToVRT="0">{escape(str(path))}</SourceFilename>'
                f"<SourceBand>{band + 1}</SourceBand>"
                f'<SrcRect xOff="0" yOff="0" xSize="{tile.width}" ySize="{tile.height}"/>'
                f'<DstRect xOff="{tile.col_off}" yOff="{tile.row_off}" '
                f'xSize="{tile.width}" ySize="{tile.height}"/>'
                "</SimpleSource>"
            )
    gt = ", ".join(repr(float(v)) for v in grid.geotransform)
    parts = [
        f'<VRTDataset rasterXSize="{grid.width}" rasterYSize="{grid.height}">',
        f'<SRS dataAxisToSRSAxisMapping="1,2">{escape(srs)}</SRS>',
        f"<GeoTransform>{gt}</GeoTransform>",
    ]
    for band in range(bands):
        parts.append(f'<VRTRasterBand dataType="{data_type}" band="{band + 1}">')
        if nodata is not None:
            parts.append(f"<NoDataValue>{_nodata_text(nodata)}</NoDataValue>")
        parts.extend(sources[band])
        parts.append("</VRTRasterBand>")
    parts.append("</VRTDataset>")
    vrt_path.write_text("\n".join(parts), encoding="utf-8")
    return bands, data_type, nodata


def _has_gaps(tiles: list[tuple[Tile, Path]], grid: Grid) -> bool:
    return sum(t.width * t.height for t, _ in tiles) < grid.pixels


def assemble(
    tiles: list[tuple[Tile, Path]],
    grid: Grid,
    out_path: Path,
    nodata: Optional[float] = None,
) -> MosaicInfo:
    """Write ``out_path`` as a COG from the tiles; the VRT is left beside the tiles."""
    vrt_path = tiles[0][1].parent / "mosaic.vrt" if tiles else out_path.with_suffix(".vrt")
    bands, data_type, nodata = build_vrt(tiles, grid, vrt_path, nodata)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        written = call(
            gdal.Translate,
            str(out_path),
            str(vrt_path),
            format="COG",
            creationOptions=list(COG_OPTIONS),
        )
    except GdalFailed as exc:
        raise MosaicError(f"GDAL could not write {out_path.name}.", details=exc.message) from exc
    del written  # closes the COG
    return MosaicInfo(out_path, bands, data_type, nodata, is_empty(out_path, nodata))


def is_empty(path: Path, nodata: Optional[float]) -> bool:
    """Every pixel of band 1 is no-data: the no-data value, NaN, or 0 (Sentinel Hub's
    value where there is no data and the evalscript does not say otherwise). Read from
    the smallest overview."""
    import numpy as np

    dataset = _open(path)
    band = dataset.GetRasterBand(1)
    if band.GetOverviewCount():
        band = band.GetOverview(band.GetOverviewCount() - 1)
    try:
        values = call(band.ReadAsArray)
    except GdalFailed:
        return False
    finally:
        band = dataset = None
    empty = values == 0
    if values.dtype.kind == "f":
        empty |= np.isnan(values)
    if nodata is not None and not math.isnan(nodata):
        empty |= values == nodata
    return bool(empty.all())
