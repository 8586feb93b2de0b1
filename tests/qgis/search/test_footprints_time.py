"""Footprint layers are time-aware: the Temporal Controller shows each item at its time."""

from __future__ import annotations

from qgis.core import (
    QgsDateTimeRange,
    QgsFeatureRequest,
    QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from plugin.api.footprints import convert_items
from plugin.map import footprints as layers


def _item(item_id: str, **properties) -> dict:
    return {
        "type": "Feature",
        "id": item_id,
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
        "properties": properties,
    }


def _at(text: str) -> QDateTime:
    return QDateTime.fromString(text, Qt.DateFormat.ISODate)


def _visible(layer, start: str, end: str) -> list[str]:
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    window = QgsDateTimeRange(_at(start), _at(end))
    expression = layer.temporalProperties().createFilterString(context, window)
    request = QgsFeatureRequest().setFilterExpression(expression) if expression else None
    features = layer.getFeatures(request) if request else layer.getFeatures()
    return sorted(f["id"] for f in features)


def test_each_footprint_shows_during_its_acquisition_time(qgis_app):
    items = [
        _item("june-instant", datetime="2024-06-10T10:30:00Z"),
        _item(
            "july-span",
            datetime=None,
            start_datetime="2024-07-01T00:00:00Z",
            end_datetime="2024-07-20T00:00:00Z",
        ),
        _item("undated"),
    ]
    footprints = convert_items(items).footprints
    layer = layers.create_footprints_layer(
        "time", layers.to_features(footprints, layers.footprint_fields())
    )
    assert layer.temporalProperties().isActive()

    assert _visible(layer, "2024-06-10T00:00:00Z", "2024-06-11T00:00:00Z") == ["june-instant"]
    assert _visible(layer, "2024-07-05T00:00:00Z", "2024-07-06T00:00:00Z") == ["july-span"]
    assert _visible(layer, "2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z") == []
    assert len(list(layer.getFeatures())) == 3  # the Temporal Controller off: all of them
