"""Raster layers for assets: the temperature legend says the unit the data is in, and the
layer knows when the data was acquired (QGIS's Temporal Controller)."""

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


def test_a_raster_shows_in_the_temporal_controller_during_its_acquisition(
    qgis_app, qgis_new_project, tmp_path
):
    from qgis.core import QgsDateTimeRange
    from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

    from eo_explorer.plugin.api.assets import assets_of

    source = _lst_file(tmp_path / "lst.tif", np.full((64, 64), 300.0))
    item = {
        "id": "LST_2",
        "collection": "lstfusion",
        "properties": {"datetime": "2025-09-02T14:00:00.123456Z"},
        "assets": {"lst": {"href": source, "type": "image/tiff"}},
    }
    (asset,) = assets_of(item)
    layer = rasters.add_raster(source, asset)
    time = layer.temporalProperties()
    assert time.isActive()

    def utc(day: int, hour: int, minute: int = 0) -> QDateTime:
        return QDateTime(QDate(2025, 9, day), QTime(hour, minute), Qt.TimeSpec.UTC)

    assert time.isVisibleInTemporalRange(QgsDateTimeRange(utc(2, 13), utc(2, 15)))
    assert not time.isVisibleInTemporalRange(QgsDateTimeRange(utc(3, 0), utc(4, 0)))


def test_a_span_uses_start_and_end_and_no_time_means_always_shown(
    qgis_app, qgis_new_project, tmp_path
):
    from eo_explorer.plugin.api.assets import assets_of

    source = _lst_file(tmp_path / "lst.tif", np.full((64, 64), 300.0))
    span = {
        "id": "MOSAIC",
        "properties": {
            "datetime": None,
            "start_datetime": "2025-06-01T00:00:00Z",
            "end_datetime": "2025-06-30T23:59:59Z",
        },
        "assets": {"data": {"href": source, "type": "image/tiff"}},
    }
    (asset,) = assets_of(span)
    assert (asset.start, asset.end) == ("2025-06-01T00:00:00Z", "2025-06-30T23:59:59Z")
    range_ = rasters.add_raster(source, asset).temporalProperties().fixedTemporalRange()
    assert range_.begin().date().day() == 1 and range_.end().date().day() == 30

    undated = {"id": "U", "properties": {}, "assets": {"data": {"href": source}}}
    (asset,) = assets_of(undated)
    assert not rasters.add_raster(source, asset).temporalProperties().isActive()
