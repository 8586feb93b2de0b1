"""Raster layers for Process API results, styled for the evalscript preset.

* ``rgb``: bands 1, 2, 3 as red, green, blue (byte values shown as they are);
* ``ndvi`` / ``ndwi``: a colour ramp from -1 to 1 with a labelled legend;
* ``dem``: a terrain ramp between the layer's minimum and maximum, labelled in metres;
* ``backscatter`` and ``grey``: band 1 in grey, 2-98 % cumulative-cut stretch.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsColorRampShader,
    QgsContrastEnhancement,
    QgsMultiBandColorRenderer,
    QgsProject,
    QgsRasterBandStats,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsRasterShader,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

from ..map.footprints import results_group
from ..map.rasters import set_acquisition_time

#: NDVI: water and clouds, bare soil, sparse to dense vegetation.
NDVI_STOPS = (
    (-1.0, "#0c3c78", "-1 water, clouds"),
    (0.0, "#d9c9a3", "0 bare soil"),
    (0.2, "#f4e285", "0.2 sparse vegetation"),
    (0.4, "#9acd62", "0.4"),
    (0.6, "#3a9d3a", "0.6 dense vegetation"),
    (1.0, "#00441b", "1"),
)
#: NDWI (McFeeters): dry land brown, water (above 0) blue.
NDWI_STOPS = (
    (-1.0, "#8c510a", "-1 dry land"),
    (-0.3, "#dfc27d", "-0.3 vegetation"),
    (0.0, "#f5f5f5", "0"),
    (0.3, "#74add1", "0.3 water"),
    (1.0, "#08306b", "1"),
)
TERRAIN = ("#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#d8b365", "#8c510a", "#ffffff")
STYLES = ("rgb", "ndvi", "ndwi", "dem", "backscatter", "grey")


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


def _ramp(layer: QgsRasterLayer, stops) -> None:
    ramp = QgsColorRampShader(stops[0][0], stops[-1][0])
    ramp.setColorRampType(QgsColorRampShader.Type.Interpolated)
    ramp.setColorRampItemList(
        [QgsColorRampShader.ColorRampItem(v, QColor(c), label) for v, c, label in stops]
    )
    shader = QgsRasterShader(stops[0][0], stops[-1][0])
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(stops[0][0])
    renderer.setClassificationMax(stops[-1][0])
    layer.setRenderer(renderer)


def _terrain_stops(layer: QgsRasterLayer) -> tuple:
    stats = layer.dataProvider().bandStatistics(
        1, QgsRasterBandStats.Stats.Min | QgsRasterBandStats.Stats.Max, layer.extent(), 250_000
    )
    low, high = float(stats.minimumValue), float(stats.maximumValue)
    if not high > low:
        high = low + 1.0
    steps = len(TERRAIN) - 1
    return tuple(
        (
            low + (high - low) * i / steps,
            color,
            f"{low + (high - low) * i / steps:.0f} m",
        )
        for i, color in enumerate(TERRAIN)
    )


def _grey(layer: QgsRasterLayer) -> None:
    layer.setRenderer(QgsSingleBandGrayRenderer(layer.dataProvider(), 1))
    layer.setContrastEnhancement(
        QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum,
        QgsRasterMinMaxOrigin.Limits.CumulativeCut,
    )


def apply_style(layer: QgsRasterLayer, style: str) -> None:
    if style == "rgb" and layer.bandCount() >= 3:
        renderer = QgsMultiBandColorRenderer(layer.dataProvider(), 1, 2, 3)
        layer.setRenderer(renderer)
        if layer.dataProvider().dataType(1) > 1:  # not bytes: stretch
            layer.setContrastEnhancement(
                QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum,
                QgsRasterMinMaxOrigin.Limits.CumulativeCut,
            )
    elif style == "ndvi":
        _ramp(layer, NDVI_STOPS)
    elif style == "ndwi":
        _ramp(layer, NDWI_STOPS)
    elif style == "dem":
        _ramp(layer, _terrain_stops(layer))
    else:
        _grey(layer)
    layer.triggerRepaint()


def add_result(
    path: Path,
    name: str,
    style: str,
    project: QgsProject | None = None,
    acquired: tuple[str, str] = ("", ""),
) -> QgsRasterLayer:
    """Open the result, style it and put it on top of the EO Explorer group; ``acquired``
    (the job's time range) lets QGIS's Temporal Controller show it then."""
    layer = QgsRasterLayer(str(path), name, "gdal")
    if not layer.isValid():
        raise ValueError(tr("QGIS could not open {path} as a raster.").format(path=path))
    apply_style(layer, style)
    set_acquisition_time(layer, *acquired)
    project = project or QgsProject.instance()
    project.addMapLayer(layer, False)
    results_group(project).insertLayer(0, layer)
    return layer
