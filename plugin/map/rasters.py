"""Raster layers for downloaded or streamed assets, with a sensible first look.

* ``visual``/TCI (3 or 4 bands of bytes): true colour RGB, no stretch.
* land-surface temperature: a temperature colour ramp with a legend in the unit of the
  data: °C, or K when the values are kelvins.
* anything else: single band grey with a 2–98 % cumulative-cut stretch.

Layers go into a group per item at the top of the *EO Explorer* group, under the
footprints (whose outlines stay visible over the imagery) and over everything else; the
band legends of RGB and grey layers are collapsed, the temperature legend stays open.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsColorRampLegendNodeSettings,
    QgsColorRampShader,
    QgsContrastEnhancement,
    QgsDateTimeRange,
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsMultiBandColorRenderer,
    QgsProject,
    QgsRasterBandStats,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsRasterShader,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..api.assets import Asset
from .footprints import results_group, to_qdatetime

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


#: A mean above this is in kelvins: no land surface reaches 150 °C, none is below 150 K.
KELVIN_ABOVE = 150.0
KELVIN_OFFSET = 273.15


def temperature_unit(layer: QgsRasterLayer) -> str:
    """``"K"`` when the band holds kelvins, else ``"°C"`` (what the sandbox and the
    Constellr test server deliver); judged from a sample of the pixels."""
    stats = layer.dataProvider().bandStatistics(
        1, QgsRasterBandStats.Stats.Mean, layer.extent(), 10_000
    )
    return "K" if stats.mean > KELVIN_ABOVE else "°C"


def lst_stops(unit: str) -> list[tuple[float, str, str]]:
    """The ramp's (value, colour, legend label) in ``unit``."""
    if unit == "K":
        return [(c + KELVIN_OFFSET, color, f"{c + KELVIN_OFFSET:.0f} K") for c, color in LST_STOPS]
    return [(float(c), color, f"{c} °C") for c, color in LST_STOPS]


def apply_style(layer: QgsRasterLayer, kind: str) -> None:
    provider = layer.dataProvider()
    if kind == "rgb" and layer.bandCount() >= 3:
        layer.setRenderer(QgsMultiBandColorRenderer(provider, 1, 2, 3))
    elif kind == "lst":
        unit = temperature_unit(layer)
        stops = lst_stops(unit)
        low, high = stops[0][0], stops[-1][0]
        ramp = QgsColorRampShader(low, high)
        ramp.setColorRampType(QgsColorRampShader.Type.Interpolated)
        ramp.setColorRampItemList(
            [QgsColorRampShader.ColorRampItem(v, QColor(color), label) for v, color, label in stops]
        )
        legend = QgsColorRampLegendNodeSettings()
        legend.setSuffix(f" {unit}")  # the legend's bar is labelled with its two ends
        ramp.setLegendSettings(legend)
        shader = QgsRasterShader(low, high)
        shader.setRasterShaderFunction(ramp)
        renderer = QgsSingleBandPseudoColorRenderer(provider, 1, shader)
        renderer.setClassificationMin(low)
        renderer.setClassificationMax(high)
        layer.setRenderer(renderer)
        layer.setCustomProperty("eo_explorer/unit", unit)
    else:
        layer.setRenderer(QgsSingleBandGrayRenderer(provider, 1))
        layer.setContrastEnhancement(
            QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum,
            QgsRasterMinMaxOrigin.Limits.CumulativeCut,
        )
    layer.triggerRepaint()


def item_group(item_id: str, project: QgsProject | None = None) -> QgsLayerTreeGroup:
    """``EO Explorer ▸ <item id>``: rasters of one item stay together.

    A new group goes right under the footprint layers at the top of the EO Explorer
    group: the outlines stay on top of the imagery, the imagery above older imagery and
    every other layer.
    """
    parent = _on_top(results_group(project), project)
    group = parent.findGroup(item_id)
    if group is not None:
        return group
    return parent.insertGroup(_below_footprints(parent), item_id)


def _on_top(group: QgsLayerTreeGroup, project: QgsProject | None) -> QgsLayerTreeGroup:
    """The EO Explorer group moved to the top of the layer tree if layers were added above
    it since: new imagery under an opaque base map would look like nothing happened."""
    root = (project or QgsProject.instance()).layerTreeRoot()
    if group.parent() is not root or root.children()[0] is group:
        return group
    moved = group.clone()
    root.insertChildNode(0, moved)
    root.removeChildNode(group)
    return moved


def _below_footprints(group: QgsLayerTreeGroup) -> int:
    """The index after the vector layers heading ``group``."""
    index = 0
    for node in group.children():
        if not (isinstance(node, QgsLayerTreeLayer) and isinstance(node.layer(), QgsVectorLayer)):
            break
        index += 1
    return index


def add_raster(source: str, asset: Asset, project: QgsProject | None = None) -> QgsRasterLayer:
    """Open ``source`` (a file or a GDAL path), style it and put it in its item's group."""
    name = f"{asset.item_id} · {asset.key}"
    layer = open_raster(source, name)
    if not layer.isValid():
        raise ValueError(f"QGIS could not open {asset.key} of {asset.item_id} as a raster.")
    kind = style_kind(asset, layer.bandCount())
    apply_style(layer, kind)
    set_acquisition_time(layer, asset.start, asset.end)
    project = project or QgsProject.instance()
    project.addMapLayer(layer, False)
    node = item_group(asset.item_id, project).insertLayer(0, layer)
    show_legend(node, kind)
    return layer


def set_acquisition_time(layer: QgsRasterLayer, start: str, end: str) -> bool:
    """Let QGIS's Temporal Controller show the raster during its acquisition time (the
    same span as its footprint). Returns False, leaving the layer always shown, when the
    time is unknown or not ISO 8601."""
    begin, finish = to_qdatetime(start), to_qdatetime(end or start)
    if begin is None or finish is None:
        return False
    if finish < begin:
        begin, finish = finish, begin
    properties = layer.temporalProperties()
    properties.setMode(Qgis.RasterTemporalMode.FixedTemporalRange)
    properties.setFixedTemporalRange(QgsDateTimeRange(begin, finish))
    properties.setIsActive(True)
    return True


def show_legend(node: QgsLayerTreeLayer, kind: str) -> None:
    """Band legends (red/green/blue, a grey bar) say little and take room: collapsed. A
    temperature ramp reads the picture: open."""
    node.setExpanded(kind == "lst")
