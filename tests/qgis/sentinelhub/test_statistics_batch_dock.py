"""The Time series engine with a bucket folder: several selected polygons go to Sentinel
Hub's Batch Statistical API as one request (the polygons and the results through a real S3
API, moto), their series reach the same chart and table; an account without the API falls
back to one Statistical request per polygon with a sentence; the bucket's keys go to
Sentinel Hub only with the user's consent. Against the combined local Sentinel Hub."""

from __future__ import annotations

import math

import pytest
from osgeo import gdal
from qgis.core import QgsProject

from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY, S3Server
from tests.servers.sentinelhub.scenes import javascript_available
from tests.servers.sentinelhub.sentinelhub_server import SentinelHubServer

from . import test_statistics_dock as base
from .process_support import *  # noqa: F403 - the fixtures of process_support.__all__
from .process_support import bearer_check, messages, run_dock

pytestmark = pytest.mark.skipif(not javascript_available(), reason="mini-racer not installed")
FIELDS, june_dock = base.FIELDS, base.june_dock
scenes, fields_layer = base.scenes, base.fields_layer  # the same fixtures

BUCKET = "eo-explorer-results"
FOLDER = f"s3://{BUCKET}/fields"
ROLE = "arn:aws:iam::123456789012:role/sentinel-hub-batch"


@pytest.fixture(scope="module")
def s3():
    with S3Server() as server:
        server.client().create_bucket(Bucket=BUCKET)
        yield server


@pytest.fixture()
def bucket_account(account, s3):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    credentials.save(
        Credentials(
            "s3:" + BUCKET, ACCESS_KEY, SECRET_KEY, endpoint=s3.endpoint, region="us-east-1"
        )
    )
    yield
    credentials.delete("s3:" + BUCKET)
    gdal.VSICurlClearCache()


def server_for(keycloak, scenes, s3, **kw):
    return SentinelHubServer(
        token_check=bearer_check(keycloak),
        scenes=scenes,
        s3_endpoint=s3.endpoint,
        iam_roles={ROLE: (ACCESS_KEY, SECRET_KEY)},
        advance_every=0,
        **kw,
    )


def batch_dock(qgis_iface, sh, tmp_path, layer, role=ROLE, keys=False):
    dock, engine = june_dock(qgis_iface, sh, tmp_path, layer, set(FIELDS))
    engine.poll_seconds = 0
    engine.delivery.bucketEdit.setText(FOLDER)
    engine.delivery.roleEdit.setText(role)
    engine.delivery.keysCheck.setChecked(keys)
    return dock, engine


def posted(sh, path: str) -> list[dict]:
    return [r for r in sh.requests if r["method"] == "POST" and r["path"] == path]


def test_many_polygons_go_as_one_batch_request_and_reach_the_chart_and_table(
    qgis_app, qgis_iface, keycloak, bucket_account, s3, tmp_path, scenes, fields_layer, monkeypatch
):
    from eo_explorer.plugin.gui.sentinelhub import statistics_dialog

    with server_for(keycloak, scenes, s3) as sh:
        dock, engine = batch_dock(qgis_iface, sh, tmp_path, fields_layer)
        try:
            assert "one Batch Statistical request" in dock.update_estimate()
            shown: list[str] = []
            for method in ("show_progress", "show_status"):
                original = getattr(dock, method)
                setattr(dock, method, lambda *a, f=original: (shown.append(a[-1]), f(*a)))
            outcome = run_dock(qgis_app, dock, timeout=120)
            assert outcome is not None and outcome.error is None, messages(dock)
            # the request followed in the dock, its completion on the progress bar
            assert any(t.startswith("Batch Statistical request: Processing (") for t in shown)
            # One batch request, no single Statistical request; the role, no key.
            created = posted(sh, "/api/v1/statistics/batch")
            assert len(created) == 1 and not posted(sh, "/api/v1/statistics")
            body = created[0]["body"].decode()
            assert ACCESS_KEY not in body and SECRET_KEY not in body
            assert created[0]["json"]["input"]["features"]["s3"]["iamRoleARN"] == ROLE
            # The polygons the service read: the layer's features, by id.
            (request_id,) = sh.batch_tasks
            ids = {f.id() for f in fields_layer.getFeatures()}
            assert {f.id for f in sh.read_features[request_id]} == ids
            # The chart and the table show each field's series, as the service wrote it.
            dialog = engine.dialog
            assert dialog is not None
            assert sorted(s.label for s in dialog.chart.series) == sorted(FIELDS)
            task = sh.batch_tasks[request_id]
            table = dialog.table_values()
            header, rows = table[0], table[1:]
            for feature in sh.read_features[request_id]:
                expected, _cost = sh.statistics_of(task, feature)
                label = next(f["name"] for f in fields_layer.getFeatures() if f.id() == feature.id)
                with_data = [e for e in expected["data"] if "outputs" in e]
                mine = [r for r in rows if r[0] == label]
                assert len(mine) == len(with_data) > 0
                for served in with_data:
                    stats = served["outputs"]["ndvi"]["bands"]["B0"]["stats"]
                    row = next(r for r in mine if r[2] == served["interval"]["from"][:10])
                    assert str(row[1]) == str(feature.id)
                    if isinstance(stats["mean"], float):
                        assert float(row[header.index("mean")]) == pytest.approx(
                            stats["mean"], rel=1e-5
                        )
                    else:  # "NaN": the field was under a cloud (SCL) that interval
                        assert row[header.index("mean")] == ""
            # The window's buttons, clicked: the table layer, the join, the CSV.
            before = set(QgsProject.instance().mapLayers())
            dialog.layer_button.click()
            (added,) = set(QgsProject.instance().mapLayers()) - before
            table_layer = QgsProject.instance().mapLayer(added)
            assert table_layer.featureCount() == len(rows) and not table_layer.isSpatial()
            assert "Added the table layer" in dialog.status.text()
            dialog.join_button.click()
            assert "Wrote the series of 3 polygon(s) to fields" in dialog.status.text()
            for feature in fields_layer.getFeatures():
                result = next(s for s in outcome.done if s.fid == feature.id()).result
                means = [i.outputs["ndvi"]["B0"].mean for i in result.intervals]
                last = [m for m in means if not math.isnan(m)][-1]  # the last with data
                assert feature["ts_mean"] == pytest.approx(last)
            target = tmp_path / "fields.csv"
            monkeypatch.setattr(
                statistics_dialog.QFileDialog,
                "getSaveFileName",
                lambda *_a, **_k: (str(target), "CSV (*.csv)"),
            )
            dialog.csv_button.click()
            lines = target.read_text(encoding="utf-8").splitlines()
            assert len(lines) == 1 + len(rows) and lines[0].startswith("polygon,fid,")
            # The polygons' layer gone, the join says so instead of failing.
            QgsProject.instance().removeMapLayer(fields_layer.id())
            dialog.join_button.click()
            assert "no longer there" in dialog.status.text()
        finally:
            dock.shutdown()


def test_an_account_without_batch_statistical_falls_back_to_one_request_per_polygon(
    qgis_app, qgis_iface, keycloak, bucket_account, s3, tmp_path, scenes, fields_layer
):
    with server_for(keycloak, scenes, s3, allowed=False) as sh:
        dock, engine = batch_dock(qgis_iface, sh, tmp_path, fields_layer)
        try:
            outcome = run_dock(qgis_app, dock, timeout=120)
            assert outcome is not None and outcome.error is None, messages(dock)
            refused = posted(sh, "/api/v1/statistics/batch")
            assert len(refused) == 1 and refused[0]["status"] == 403
            singles = posted(sh, "/api/v1/statistics")
            assert len(singles) == 3 and all(r["status"] == 200 for r in singles)
            assert "one request per polygon instead" in messages(dock)
            assert sorted(s.label for s in engine.dialog.chart.series) == sorted(FIELDS)
        finally:
            dock.shutdown()


@pytest.fixture()
def logged():
    from qgis.core import QgsApplication

    lines: list[str] = []

    def keep(message, *_args) -> None:
        lines.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield lines
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def test_the_bucket_keys_go_to_sentinel_hub_only_with_consent(
    qgis_app, qgis_iface, keycloak, bucket_account, s3, tmp_path, scenes, fields_layer, logged
):
    with server_for(keycloak, scenes, s3) as sh:
        dock, engine = batch_dock(qgis_iface, sh, tmp_path, fields_layer, role="", keys=False)
        try:
            outcome = run_dock(qgis_app, dock, timeout=60)
            assert outcome is not None and outcome.error is not None
            assert "Let Sentinel Hub use this bucket's keys" in messages(dock)
            assert not [r for r in sh.requests if r["path"].startswith("/api/v1/statistics")]

            dock.message_bar.clearWidgets()
            engine.delivery.keysCheck.setChecked(True)
            outcome = run_dock(qgis_app, dock, timeout=120)
            assert outcome is not None and outcome.error is None, messages(dock)
            (created,) = posted(sh, "/api/v1/statistics/batch")
            assert created["json"]["output"]["s3"]["secretAccessKey"] == SECRET_KEY
            assert len(outcome.done) == 3
            # never in the log nor in a message
            assert any("Batch Statistical request" in line for line in logged)
            shown = "\n".join(logged) + messages(dock) + dock.form.statusLabel.text()
            assert SECRET_KEY not in shown and ACCESS_KEY not in shown
        finally:
            dock.shutdown()
