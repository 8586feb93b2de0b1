"""Footprint layers: fields, features, style and their place in the layer tree."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsLayerTreeGroup,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..api.footprints import DATETIME_FIELDS, FIELDS, Footprint
from .fields import field

GROUP_NAME = "EO Explorer"
STYLE = Path(__file__).resolve().parents[2] / "resources" / "styles" / "footprints.qml"


def footprint_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in FIELDS:
        fields.append(field(name, kind))
    return fields


def to_qdatetime(text: str | None) -> QDateTime | None:
    """An RFC 3339 string as a UTC QDateTime (microseconds are cut to milliseconds)."""
    if not text:
        return None
    value = text.strip()
    if "." in value:
        # Qt reads at most milliseconds; keep the zone suffix after the fraction.
        head, _, tail = value.partition(".")
        digits = len(tail) - len(tail.lstrip("0123456789"))
        value = head + "." + (tail[:digits] + "000")[:3] + tail[digits:]
    parsed = QDateTime.fromString(value, Qt.DateFormat.ISODateWithMs)
    if not parsed.isValid():
        return None
    return parsed.toUTC()


def to_features(footprints: Sequence[Footprint], fields: QgsFields) -> list[QgsFeature]:
    """QgsFeatures for footprints. Safe in a worker thread: no QObject is touched."""
    features = []
    # datetime, start and end are usually the same instant: parse each string once.
    parsed: dict[str | None, QDateTime | None] = {}
    for footprint in footprints:
        feature = QgsFeature(fields)
        geometry = QgsGeometry()
        geometry.fromWkb(footprint.wkb)
        feature.setGeometry(geometry)
        values = list(footprint.values)
        for index in DATETIME_FIELDS:
            text = values[index]
            value = parsed.get(text)
            if value is None and text not in parsed:
                value = parsed[text] = to_qdatetime(text)
            values[index] = value
        feature.setAttributes(values)
        features.append(feature)
    return features


def create_footprints_layer(name: str, features: Sequence[QgsFeature]) -> QgsVectorLayer:
    """A memory layer (EPSG:4326) holding the features, added in one batch, styled."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes(footprint_fields().toList())
    layer.updateFields()
    provider.addFeatures(list(features))
    layer.updateExtents()
    style_footprints(layer)
    return layer


def style_footprints(layer: QgsVectorLayer) -> None:
    """The footprints look (outlines, selection) and time, for the dock's and Processing's."""
    if STYLE.exists():
        layer.loadNamedStyle(str(STYLE))
    layer.setCustomProperty("eo_explorer/kind", "footprints")
    make_time_aware(layer)


def move_into_group(layer: QgsVectorLayer, project: QgsProject | None = None) -> None:
    """Put a layer already in the project on top of the EO Explorer group."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    node = root.findLayer(layer.id())
    group = results_group(project)
    if node is None or node.parent() is group:
        return
    group.insertChildNode(0, node.clone())
    parent = node.parent()
    if parent is not None:
        parent.removeChildNode(node)


#: An item's time span: its start and end, or its single datetime for both.
START_EXPRESSION = 'coalesce("start", "datetime", "end")'
END_EXPRESSION = 'coalesce("end", "datetime", "start")'


def make_time_aware(layer: QgsVectorLayer) -> None:
    """Let QGIS's Temporal Controller show each footprint during its acquisition time.

    Items with a ``start``/``end`` span use it; the others are an instant at their
    ``datetime``. An item without any date has no time: it shows only while the
    Temporal Controller is off.
    """
    properties = layer.temporalProperties()
    properties.setMode(Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromExpressions)
    properties.setStartExpression(START_EXPRESSION)
    properties.setEndExpression(END_EXPRESSION)
    properties.setIsActive(True)


def results_group(project: QgsProject | None = None) -> QgsLayerTreeGroup:
    root = (project or QgsProject.instance()).layerTreeRoot()
    group = root.findGroup(GROUP_NAME)
    if group is None:
        group = root.insertGroup(0, GROUP_NAME)
    return group


def add_to_project(layer: QgsVectorLayer, project: QgsProject | None = None) -> None:
    project = project or QgsProject.instance()
    project.addMapLayer(layer, False)
    results_group(project).insertLayer(0, layer)


def layer_name(catalog_title: str, collections: Sequence[str], start, end) -> str:
    """e.g. ``CDSE STAC · sentinel-2-l2a · 2024-06-01 – 2024-06-30``."""
    what = ", ".join(collections[:3]) + (" …" if len(collections) > 3 else "")
    when = ""
    if start or end:
        when = f"{_date_text(start)} – {_date_text(end)}"
    parts = [catalog_title, what or "all collections"]
    if when:
        parts.append(when)
    return " · ".join(parts)


def _date_text(value) -> str:
    if value is None:
        return "…"
    return value.strftime("%Y-%m-%d")
