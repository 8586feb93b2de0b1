"""Statistics as QGIS tables: a table layer (no geometry), one row per polygon, interval
and band, and the join of each polygon's series to its feature.

The join writes, for each polygon of the series, five fields (names of 10 characters at
most, so that a shapefile keeps them): ``ts_from`` (start of the last interval with valid
pixels), ``ts_mean``, ``ts_stdev``, ``ts_valid`` (its valid pixels) and ``ts_series``: the
whole series as JSON (one object per interval with data: from, to, mean, stDev, min, max,
percentiles, counts), so that an expression or a form can still read every interval.
The last interval is what a map of the polygons usually shows ("NDVI now"); the JSON keeps
the rest without a field per interval.
"""

from __future__ import annotations

import math
from typing import Any, Optional

from qgis.core import QgsFeature, QgsFields, QgsVectorLayer
from qgis.PyQt.QtCore import QDateTime

from ..map.fields import field
from .statistics import (
    StatisticsOutcome,
    expected_intervals,
    parse_time,
    series_json,
    series_points,
)

TEXT = {"polygon", "interval_from", "interval_to", "output", "band", "error"}
INTEGER = {"fid", "sampleCount", "noDataCount"}
JOIN_FIELDS = ("ts_from", "ts_mean", "ts_stdev", "ts_valid", "ts_series")


def table_fields(outcome: StatisticsOutcome) -> QgsFields:
    """The table's fields: the header of :meth:`StatisticsOutcome.rows`; the interval
    bounds as date-times, statistics as doubles, counts as integers."""
    fields = QgsFields()
    header = outcome.rows()[0] if outcome.rows() else ["polygon", "fid"]
    for name in header:
        if name in ("interval_from", "interval_to"):
            fields.append(field(name, "datetime"))
        elif name in TEXT:
            fields.append(field(name, "string"))
        elif name in INTEGER:
            fields.append(field(name, "int"))
        else:
            fields.append(field(name, "double"))
    return fields


def _value(name: str, cell: Any) -> Any:
    if cell == "" or cell is None:
        return None
    if name in ("interval_from", "interval_to"):
        moment = parse_time(str(cell))
        return QDateTime(moment) if moment is not None else None
    if name in INTEGER:
        return int(cell)
    if name in TEXT:
        return str(cell)
    number = float(cell)
    return number if math.isfinite(number) else None


def table_features(outcome: StatisticsOutcome, fields: Optional[QgsFields] = None) -> list:
    fields = fields or table_fields(outcome)
    rows = outcome.rows()
    features = []
    for row in rows[1:]:
        feature = QgsFeature(fields)
        feature.setAttributes([_value(n, c) for n, c in zip(rows[0], row)])
        features.append(feature)
    return features


def table_layer(outcome: StatisticsOutcome, name: str) -> QgsVectorLayer:
    """A memory layer without geometry holding the table (not yet in the project)."""
    layer = QgsVectorLayer("None", name, "memory")
    fields = table_fields(outcome)
    provider = layer.dataProvider()
    provider.addAttributes(fields.toList())
    layer.updateFields()
    provider.addFeatures(table_features(outcome, layer.fields()))
    layer.updateExtents()
    layer.setCustomProperty("eo_explorer/kind", "statistics")
    return layer


def join_to_polygons(
    outcome: StatisticsOutcome, layer: QgsVectorLayer, output: str, band: str
) -> int:
    """Write the series of ``output``/``band`` to the features they were computed for
    (the :data:`JOIN_FIELDS`, added when missing); returns the number of features written.
    Raises ValueError with a sentence when the layer cannot take them."""
    job = outcome.job
    series = [s for s in outcome.done if s.fid is not None]
    if job is None or not series:
        raise ValueError("These statistics were not made for features of a layer.")
    provider = layer.dataProvider()
    missing = [n for n in JOIN_FIELDS if layer.fields().indexOf(n) < 0]
    if missing:
        kinds = {
            "ts_from": "datetime",
            "ts_mean": "double",
            "ts_stdev": "double",
            "ts_valid": "int",
            "ts_series": "string",
        }
        if not provider.addAttributes([field(n, kinds[n]) for n in missing]):
            raise ValueError(f"The layer {layer.name()} does not accept new fields.")
        layer.updateFields()
    index = {n: layer.fields().indexOf(n) for n in JOIN_FIELDS}
    expected = expected_intervals(job)
    changes: dict[int, dict[int, Any]] = {}
    for s in series:
        points = series_points(s.result, output, band, expected)  # type: ignore[arg-type]
        last = next((p for p in reversed(points) if p.mean is not None), None)
        values: dict[int, Any] = {index["ts_series"]: series_json(points, job.percentiles)}
        if last is not None and last.stats is not None:
            values[index["ts_from"]] = QDateTime(last.start)
            values[index["ts_mean"]] = last.stats.mean
            st_dev = last.stats.st_dev
            values[index["ts_stdev"]] = st_dev if math.isfinite(st_dev) else None
            values[index["ts_valid"]] = last.stats.sample_count - last.stats.no_data_count
        changes[int(s.fid)] = values  # type: ignore[arg-type]
    if not provider.changeAttributeValues(changes):
        raise ValueError(f"The layer {layer.name()} did not accept the values.")
    layer.triggerRepaint()
    return len(changes)
