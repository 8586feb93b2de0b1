"""The Process dock's time-series engine against the local Statistical API server, whose
numbers are the statistics of the sandbox scenes' pixels: the requests the server got, the
chart's intervals, the table's numbers, the CSV file, the table layer, the join to the
polygons, one request per polygon, and Cancel."""

from __future__ import annotations

import csv
import json
import math

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate

from tests.servers.sandbox.assets import sandbox_items
from tests.servers.sentinelhub.scenes import SandboxScenes, javascript_available
from tests.servers.sentinelhub.statistical_server import StatisticalApiServer

from ..conftest import wait_for
from .process_support import *  # noqa: F403 - the fixtures of process_support.__all__
from .process_support import bearer_check, make_dock, messages, run_dock

pytestmark = pytest.mark.skipif(not javascript_available(), reason="mini-racer not installed")

#: three fields in the sandbox's June 2024 Sentinel-2 scenes (lon/lat)
FIELDS = {
    "north": (11.60, 47.60, 11.66, 47.64),
    "middle": (11.90, 47.30, 11.96, 47.34),
    "south": (12.20, 47.00, 12.26, 47.04),
}


class RecordingServer(StatisticalApiServer):
    """Keeps each answer in its request's record (``answer``), to compare with the table."""

    def _answer(self, entry: dict) -> tuple:
        answer = super()._answer(entry)
        entry["answer"] = json.loads(answer[1])
        return answer


@pytest.fixture(scope="module")
def scenes():
    return SandboxScenes(sandbox_items())


@pytest.fixture()
def fields_layer(qgis_new_project):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "fields", "memory")
    features = []
    for name, (x0, y0, x1, y1) in FIELDS.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, y0, x1, y1)))
        feature.setAttributes([name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setDisplayExpression('"name"')
    QgsProject.instance().addMapLayer(layer)
    return layer


def june_dock(qgis_iface, server, tmp_path, layer, names):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(11.0, 46.8, 13.0, 48.0))
    dock = make_dock(qgis_iface, server, tmp_path)
    from eo_explorer.plugin.gui.sentinelhub.statistics_engine import StatisticsEngine

    f = dock.form
    f.collectionCombo.setCurrentIndex(f.collectionCombo.findData("sentinel-2-l2a"))
    dock.use_preset("ndvi")
    dock.use_engine("statistical")
    engine = dock.current_engine()
    assert isinstance(engine, StatisticsEngine)
    # NDVI has no dataMask output: choosing the engine took its statistical version
    assert dock.current_preset().id == "ndvi_statistics"
    f.startDate.setDate(QDate(2024, 6, 1))
    f.endDate.setDate(QDate(2024, 6, 30))
    f.resolutionRadio.setChecked(True)
    f.resolutionSpin.setValue(200)
    engine.interval_combo.setCurrentIndex(engine.interval_combo.findData("P10D"))
    engine.last_combo.setCurrentIndex(engine.last_combo.findData("SHORTEN"))
    layer.selectByIds([f_.id() for f_ in layer.getFeatures() if f_["name"] in names])
    dock.layer_combo.setLayer(layer)
    f.selectionRadio.setChecked(True)
    return dock, engine


def test_three_fields_become_a_chart_a_table_a_csv_a_layer_and_a_join(
    qgis_app, qgis_iface, keycloak, account, tmp_path, scenes, fields_layer
):
    with RecordingServer(token_check=bearer_check(keycloak), scenes=scenes) as sh:
        dock, engine = june_dock(qgis_iface, sh, tmp_path, fields_layer, set(FIELDS))
        try:
            estimate = dock.update_estimate()
            assert "3 interval(s) for 3 area(s)" in estimate
            outcome = run_dock(qgis_app, dock, timeout=120)
            assert outcome is not None and outcome.error is None, messages(dock)
            dialog = engine.dialog
            assert dialog is not None and dialog.windowTitle() == "EO Explorer – Time series"

            # One request per polygon, each its own polygon, as seed 001 shapes it.
            sent = [r for r in sh.requests if r["path"] == "/api/v1/statistics"]
            assert len(sent) == 3 and all(r["status"] == 200 for r in sent)
            for request in sent:
                body = request["json"]
                assert body["input"]["bounds"]["geometry"]["type"] == "Polygon"
                assert body["aggregation"]["aggregationInterval"] == {
                    "of": "P10D",
                    "lastIntervalBehavior": "SHORTEN",
                }
                assert body["aggregation"]["resx"] == pytest.approx(200)
                assert body["calculations"] == {
                    "default": {"statistics": {"default": {"percentiles": {"k": [0.1, 0.5, 0.9]}}}}
                }
                assert 'id: "dataMask"' in body["aggregation"]["evalscript"]

            # What the server computed: per polygon, the intervals it answered, and those of
            # them with valid pixels (a field wholly under a cloud has none: SCL masks it).
            answered = {
                series.label: {
                    d["interval"]["from"][:10]: isinstance(
                        d["outputs"]["ndvi"]["bands"]["B0"]["stats"]["mean"], float
                    )
                    for d in request["answer"]["data"]
                }
                for request, series in zip(sent, outcome.series)
            }
            with_data = {
                label: [day for day, valid in days.items() if valid]
                for label, days in answered.items()
            }
            assert all(with_data.values())

            # The chart: one series per polygon, every interval of the dates, the middle one
            # a gap (the sandbox has no scene from 11 to 21 June), and a gap wherever the
            # server found no valid pixel.
            chart = dialog.chart
            assert sorted(s.label for s in chart.series) == sorted(FIELDS)
            for series in chart.series:
                days = [p.start.date().isoformat() for p in series.points]
                assert days == ["2024-06-01", "2024-06-11", "2024-06-21"]
                assert series.points[1].mean is None
                assert [d for d, p in zip(days, series.points) if p.mean is not None] == (
                    with_data[series.label]
                )
            assert chart.percentiles == (0.1, 0.9)
            assert "mean" in chart.tooltip_text(0) and "p10" in chart.tooltip_text(0)
            assert "no valid pixel" in chart.tooltip_text(1)
            image = tmp_path / "chart.png"
            assert chart.grab().save(str(image)) and image.stat().st_size > 0

            # The table shows what the server computed from the pixels, polygon by polygon.
            table = dialog.table_values()
            header = table[0]
            assert header[:4] == ["polygon", "fid", "interval_from", "interval_to"]
            rows = table[1:]
            assert len(rows) == sum(len(days) for days in answered.values())
            assert sorted(s.label for s in outcome.series) == sorted(FIELDS)  # in the order sent
            for request, series in zip(sent, outcome.series):
                for served in request["answer"]["data"]:
                    stats = served["outputs"]["ndvi"]["bands"]["B0"]["stats"]
                    row = next(
                        r
                        for r in rows
                        if r[0] == series.label and r[2] == served["interval"]["from"][:10]
                    )
                    if not isinstance(stats["mean"], float):  # "NaN": no valid pixel
                        assert row[header.index("mean")] == ""
                    else:
                        assert float(row[header.index("mean")]) == pytest.approx(
                            stats["mean"], rel=1e-5
                        )
                        assert float(row[header.index("p90")]) == pytest.approx(
                            stats["percentiles"]["0.9"], rel=1e-5
                        )
                    assert int(row[header.index("sampleCount")]) == stats["sampleCount"]
                    assert int(row[header.index("noDataCount")]) == stats["noDataCount"]

            # CSV on disk
            path = dialog.export_csv(str(tmp_path / "june"))
            assert path.name == "june.csv"
            lines = list(csv.reader(path.open(encoding="utf-8")))
            assert lines[0][:3] == ["polygon", "fid", "interval_from"]
            assert len(lines) == 1 + len(rows) and {r[0] for r in lines[1:]} == set(FIELDS)

            # Table layer in the EO Explorer group
            layer = dialog.add_table_layer()
            assert layer.featureCount() == len(rows) and not layer.isSpatial()
            group = QgsProject.instance().layerTreeRoot().findGroup("EO Explorer")
            assert group is not None and group.findLayer(layer.id()) is not None
            first = next(layer.getFeatures())
            assert first["polygon"] in FIELDS and first["interval_from"].isValid()
            assert isinstance(first["mean"], float)

            # Join: the last interval with data and the series as JSON on each field
            assert dialog.join_button.isEnabled()
            assert dialog.join() == 3
            for feature in fields_layer.getFeatures():
                s = next(s for s in outcome.done if s.fid == feature.id())
                label = s.label
                last_day = with_data[label][-1]
                (last_interval,) = [i for i in s.result.intervals if i.start[:10] == last_day]
                last = last_interval.outputs["ndvi"]["B0"]
                assert feature["ts_mean"] == pytest.approx(last.mean)
                assert feature["ts_from"].toString("yyyy-MM-dd") == last_day
                series = json.loads(feature["ts_series"])
                assert [e["from"][:10] for e in series] == with_data[label]
                means = {e["from"][:10]: e["mean"] for e in series}
                assert math.isclose(means[last_day], last.mean, rel_tol=1e-9)
        finally:
            dock.shutdown()


def test_cancel_keeps_the_polygons_already_done(
    qgis_app, qgis_iface, keycloak, account, tmp_path, scenes, fields_layer
):
    with StatisticalApiServer(token_check=bearer_check(keycloak), scenes=scenes, delay=1.0) as sh:
        dock, engine = june_dock(qgis_iface, sh, tmp_path, fields_layer, set(FIELDS))
        try:
            outcomes = []
            dock.processFinished.connect(outcomes.append)
            dock.form.runButton.click()
            wait_for(qgis_app, lambda: any(r.get("status") == 200 for r in sh.requests), 60)
            dock.form.cancelButton.click()
            wait_for(qgis_app, lambda: outcomes, 60)
            outcome = outcomes[0]
            assert outcome.cancelled
            assert len(outcome.done) < 3
            assert "Cancelled" in dock.form.statusLabel.text()
            assert dock.task is None and dock.form.runButton.isEnabled()
        finally:
            dock.shutdown()


def test_a_script_without_data_mask_is_explained_before_sending(
    qgis_app, qgis_iface, keycloak, account, tmp_path, scenes, fields_layer
):
    with StatisticalApiServer(token_check=bearer_check(keycloak), scenes=scenes) as sh:
        dock, _engine = june_dock(qgis_iface, sh, tmp_path, fields_layer, {"north"})
        try:
            dock.use_preset("ndvi")  # back to the image version
            assert "dataMask" in dock.update_estimate()
            dock.form.runButton.click()
            qgis_app.processEvents()
            assert "no output with id dataMask" in messages(dock)
            assert not [r for r in sh.requests if r["path"] == "/api/v1/statistics"]
        finally:
            dock.shutdown()


#: three fields in Thuringia, where the sandbox has Sentinel-2 scenes in 7 months of 2024
THURINGIA = {
    "Field A": (10.93, 50.47, 10.97, 50.50),
    "Field B": (11.00, 50.50, 11.04, 50.53),
    "Field C": (11.05, 50.45, 11.09, 50.48),
}


def test_a_year_of_ndvi_is_charted_with_gaps(
    qgis_app, qgis_iface, keycloak, account, tmp_path, scenes, qgis_new_project
):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "fields", "memory")
    for name, (x0, y0, x1, y1) in THURINGIA.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, y0, x1, y1)))
        feature.setAttributes([name])
        layer.dataProvider().addFeatures([feature])
    layer.setDisplayExpression('"name"')
    QgsProject.instance().addMapLayer(layer)
    with StatisticalApiServer(token_check=bearer_check(keycloak), scenes=scenes) as sh:
        dock, engine = june_dock(qgis_iface, sh, tmp_path, layer, set(THURINGIA))
        try:
            dock.form.startDate.setDate(QDate(2024, 1, 1))
            dock.form.endDate.setDate(QDate(2024, 12, 31))
            engine.interval_combo.setCurrentIndex(engine.interval_combo.findData("P1M"))
            outcome = run_dock(qgis_app, dock, timeout=300)
            assert outcome is not None and outcome.error is None, messages(dock)
            chart = engine.dialog.chart
            assert len(chart.series) == 3
            points = chart.series[0].points
            assert [p.start.month for p in points] == list(range(1, 13))
            # scenes in January, February, April, June to September: the other months are
            # gaps, and so is a month whose scene covers the field with cloud (SCL 8/9)
            (result,) = [s.result for s in outcome.done if s.label == chart.series[0].label]
            answered = {int(i.start[5:7]): i.outputs["ndvi"]["B0"] for i in result.intervals}
            assert sorted(answered) == [1, 2, 4, 6, 7, 8, 9]
            with_data = [p.start.month for p in points if p.mean is not None]
            assert with_data == [m for m, band in answered.items() if not math.isnan(band.mean)]
            assert len(with_data) >= 3
            engine.dialog.resize(900, 560)
            path = tmp_path / "time-series.png"
            assert engine.dialog.grab().save(str(path))
            print(f"chart: {path}")
        finally:
            dock.shutdown()
