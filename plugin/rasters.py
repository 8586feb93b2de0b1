"""Raster layers for downloaded or streamed assets, with a sensible first look.

* ``visual``/TCI (3 or 4 bands of bytes): true colour RGB, no stretch.
* land-surface temperature: a temperature colour ramp with a legend in °C.
* anything else: single band grey with a 2–98 % cumulative-cut stretch.
"""

from __future__ import annotations

from qgis.core import (
    QgsColorRampShader,
    QgsContrastEnhancement,
    QgsLayerTreeGroup,
    QgsMultiBandColorRenderer,
    QgsProject,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsRasterShader,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtGui import QColor

from .api.assets import Asset
from .layers import results_group

#: Temperatures (°C) and colours of the LST ramp: cold blue to hot red.
LST_STOPS = (
    (-10, "#313695"),
    (0, "#4575b4"),
    (10, "#74add1"),
    (20, "#fee090"),
    (30, "#f46d43"),
    (40, "#d73027"),
    (50, "#a50026"),
)


def style_kind(asset: Asset, band_count: int) -> str:
    words = " ".join((asset.key, asset.title, *asset.roles)).lower()
    if band_count >= 3 and ("visual" in words or "tci" in words or "true" in words):
        return "rgb"  # an LST item's colour composite is still RGB
    if band_count == 1 and any(
        w in words + " " + asset.collection.lower() for w in ("lst", "temperature")
    ):
        return "lst"
    return "grey"


def open_raster(source: str, name: str) -> QgsRasterLayer:
    layer = QgsRasterLayer(source, name, "gdal")
    return layer


def apply_style(layer: QgsRasterLayer, kind: str) -> None:
    provider = layer.dataProvider()
    if kind == "rgb" and layer.bandCount() >= 3:
        layer.setRenderer(QgsMultiBandColorRenderer(provider, 1, 2, 3))
    elif kind == "lst":
        ramp = QgsColorRampShader(LST_STOPS[0][0], LST_STOPS[-1][0])
        ramp.setColorRampType(QgsColorRampShader.Type.Interpolated)
        ramp.setColorRampItemList(
            [
                QgsColorRampShader.ColorRampItem(value, QColor(color), f"{value} °C")
                for value, color in LST_STOPS
            ]
        )
        shader = QgsRasterShader(LST_STOPS[0][0], LST_STOPS[-1][0])
        shader.setRasterShaderFunction(ramp)
        layer.setRenderer(QgsSingleBandPseudoColorRenderer(provider, 1, shader))
    else:
        layer.setRenderer(QgsSingleBandGrayRenderer(provider, 1))
        layer.setContrastEnhancement(
            QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum,
            QgsRasterMinMaxOrigin.Limits.CumulativeCut,
        )
    layer.triggerRepaint()


def item_group(item_id: str, project: QgsProject | None = None) -> QgsLayerTreeGroup:
    """``EO Explorer ▸ <item id>``: rasters of one item stay together."""
    parent = results_group(project)
    group = parent.findGroup(item_id)
    return group if group is not None else parent.addGroup(item_id)


def add_raster(source: str, asset: Asset, project: QgsProject | None = None) -> QgsRasterLayer:
    """Open ``source`` (a file or a GDAL path), style it and put it in its item's group."""
    name = f"{asset.item_id} · {asset.key}"
    layer = open_raster(source, name)
    if not layer.isValid():
        raise ValueError(f"QGIS could not open {asset.key} of {asset.item_id} as a raster.")
    apply_style(layer, style_kind(asset, layer.bandCount()))
    project = project or QgsProject.instance()
    project.addMapLayer(layer, False)
    item_group(asset.item_id, project).insertLayer(0, layer)
    return layer
