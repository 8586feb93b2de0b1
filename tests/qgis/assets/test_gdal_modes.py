"""GDAL code of the plugin gives the same results and the same errors whether GDAL's
exceptions are on (QGIS 3.40+ after Processing ran) or off (older QGIS)."""

from __future__ import annotations

import pytest
from osgeo import gdal

from eo_explorer.plugin.api.tiling import Grid, Tile
from eo_explorer.plugin.core import gdal_calls
from eo_explorer.plugin.sentinelhub.mosaic import MosaicError, assemble
from tests.servers.common.cogs import make_cog

X0, Y1, PX = 500000.0, 5300000.0, 10.0


def _tiles(folder, widths=(64, 32), height=48):
    tiles, col = [], 0
    for index, width in enumerate(widths):
        path = folder / f"tile{index}.tif"
        make_cog(
            path,
            width=width,
            height=height,
            bands=1,
            dtype="UInt16",
            origin=(X0 + col * PX, Y1),
            pixel_size=PX,
        )
        bbox = (X0 + col * PX, Y1 - height * PX, X0 + (col + width) * PX, Y1)
        tiles.append((Tile(index, 0, index, col, 0, width, height, bbox), path))
        col += width
    grid = Grid(X0, Y1, PX, PX, col, height, 32632)
    return tiles, grid


def test_call_fails_the_same_way_in_both_modes(gdal_exceptions, tmp_path):
    missing = tmp_path / "missing.tif"
    with pytest.raises(gdal_calls.GdalFailed) as failed:
        gdal_calls.call(gdal.Open, str(missing))
    assert "missing.tif" in failed.value.message
    assert gdal_calls.call(gdal.VSIStatL, str(tmp_path)).size >= 0
    with pytest.raises(gdal_calls.GdalFailed):
        gdal_calls.call(gdal.VSIStatL, str(missing))


def test_tiles_become_one_cog(gdal_exceptions, tmp_path):
    tiles, grid = _tiles(tmp_path)
    info = assemble(tiles, grid, tmp_path / "out" / "mosaic.tif")
    dataset = gdal.Open(str(info.path))
    assert (dataset.RasterXSize, dataset.RasterYSize) == (96, 48)
    assert dataset.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert info.data_type == "UInt16" and not info.empty


def test_a_tile_that_is_not_a_geotiff_is_the_plugins_error(gdal_exceptions, tmp_path):
    tiles, grid = _tiles(tmp_path)
    tiles[1][1].write_text('{"error": {"status": 500}}')
    with pytest.raises(MosaicError, match=r"The tile tile1\.tif is not a readable GeoTIFF"):
        assemble(tiles, grid, tmp_path / "mosaic.tif")


def test_an_unwritable_result_is_the_plugins_error(gdal_exceptions, tmp_path):
    tiles, grid = _tiles(tmp_path)
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "mosaic.tif").mkdir()  # a folder where the file should go
    with pytest.raises(MosaicError, match=r"GDAL could not write mosaic\.tif"):
        assemble(tiles, grid, blocked / "mosaic.tif")


def test_the_mode_is_left_as_it_was(gdal_exceptions, tmp_path):
    before = gdal.GetUseExceptions()
    tiles, grid = _tiles(tmp_path)
    tiles[0][1].write_text("not a tiff")
    with pytest.raises(MosaicError):
        assemble(tiles, grid, tmp_path / "mosaic.tif")
    assert gdal.GetUseExceptions() == before
