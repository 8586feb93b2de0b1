"""Raster layers for assets: the temperature legend says the unit the data is in."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import QgsProject

from eo_explorer.plugin.api.assets import Asset
from eo_explorer.plugin.map import rasters


def _lst_file(path, values: np.ndarray) -> str:
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 64, 64, 1, gdal.GDT_Float32)
    ds.SetGeoTransform([13.0, 0.001, 0, 52.0, 0, -0.001])
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(values.astype(np.float32))
    ds = None
    return str(path)


@pytest.mark.parametrize(
    ("values", "unit", "first", "last"),
    [
        (np.linspace(15, 45, 64 * 64).reshape(64, 64), "°C", "-10 °C", "50 °C"),
        (np.linspace(288, 318, 64 * 64).reshape(64, 64), "K", "263 K", "323 K"),
    ],
)
def test_lst_legend_is_in_the_unit_of_the_data(
    qgis_app, qgis_new_project, tmp_path, values, unit, first, last
):
    source = _lst_file(tmp_path / "lst.tif", values)
    asset = Asset("LST_1", "lstprecision", "lst", source, media_type="image/tiff")
    layer = rasters.add_raster(source, asset)
    renderer = layer.renderer()
    legend = [label for label, _color in renderer.legendSymbologyItems()]
    assert (legend[0], legend[-1]) == (first, last)
    assert renderer.shader().rasterShaderFunction().legendSettings().suffix() == f" {unit}"
    # The picture is coloured, not one colour off the ramp's end.
    low, high = renderer.classificationMin(), renderer.classificationMax()
    assert low < float(values.mean()) < high
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    assert node.isExpanded() and node.parent().name() == "LST_1"
