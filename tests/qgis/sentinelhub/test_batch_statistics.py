"""Batch Statistical for a layer of polygons: the GeoPackage in the bucket, the request
followed through its states, each polygon's series read back from the bucket, Cancel
stops the request, an account without the API falls back, and the bucket's keys go to
Sentinel Hub only with the user's consent and never to a log. Against the local Batch
Statistical server (the sandbox scenes' pixels) and a real S3 API (moto)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from osgeo import ogr

from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY, S3Server
from tests.servers.common.token_server import TokenServer
from tests.servers.sandbox.assets import sandbox_items
from tests.servers.sentinelhub.batch_statistical_server import BatchStatisticalApiServer
from tests.servers.sentinelhub.scenes import SandboxScenes, javascript_available

UTC = timezone.utc
BUCKET = "eo-explorer-results"
SECRET = "batch-stat-secret"
ROLE = "arn:aws:iam::123456789012:role/sentinel-hub-batch"
NDVI = """//VERSION=3
function setup() {
  return {
    input: [{bands: ["B04", "B08", "dataMask"]}],
    output: [{id: "ndvi", bands: 1, sampleType: "FLOAT32"}, {id: "dataMask", bands: 1}]
  };
}
function evaluatePixel(s) {
  return {ndvi: [(s.B08 - s.B04) / (s.B08 + s.B04)], dataMask: [s.dataMask]};
}
"""
# Three fields in the June 2024 scenes (lon/lat)
FIELDS = [
    (11, "POLYGON((11.2 47.0, 11.5 47.0, 11.5 47.3, 11.2 47.3, 11.2 47.0))"),
    (12, "POLYGON((12.0 47.4, 12.4 47.4, 12.4 47.8, 12.0 47.8, 12.0 47.4))"),
    (15, "POLYGON((12.5 46.9, 12.9 46.9, 12.7 47.2, 12.5 46.9))"),
]

needs_js = pytest.mark.skipif(not javascript_available(), reason="mini-racer not installed")


@pytest.fixture(scope="module")
def scenes():
    return SandboxScenes(sandbox_items())


@pytest.fixture(scope="module")
def s3():
    with S3Server() as server:
        server.client().create_bucket(Bucket=BUCKET)
        yield server


@pytest.fixture(scope="module")
def keycloak():
    with TokenServer(clients={"sh-client": SECRET}) as server:
        yield server


def make_server(scenes, keycloak, s3, **kw):
    return BatchStatisticalApiServer(
        scenes=scenes,
        s3_endpoint=s3.endpoint,
        iam_roles={ROLE: (ACCESS_KEY, SECRET_KEY)},
        token_check=lambda h: keycloak.is_valid(h.get("Authorization", "")[7:]),
        **kw,
    )


@pytest.fixture()
def server(scenes, keycloak, s3):
    with make_server(scenes, keycloak, s3, advance_every=0) as sh:
        yield sh


def client_for(server, keycloak):
    from eo_explorer.plugin.api.accounts import Credentials, request_auth
    from eo_explorer.plugin.api.batch_statistical_client import BatchStatisticalClient
    from eo_explorer.plugin.api.http import HttpClient, HttpSettings
    from eo_explorer.plugin.api.process_client import ProcessClient

    http = HttpClient(settings=HttpSettings(retries=0))
    auth = request_auth(
        Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url), http
    )
    process = ProcessClient(http.with_auth(auth, server.url), server.url + "api/v1/process")
    return BatchStatisticalClient(process, server.url)


def make_job(s3, **kw):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.api.statistical import StatisticalRequest
    from eo_explorer.plugin.sentinelhub.batch_statistics import BatchStatisticsJob

    stats = StatisticalRequest(
        bbox=None,
        epsg=4326,
        data=({"type": "sentinel-2-l2a"},),
        start=datetime(2024, 6, 1, tzinfo=UTC),
        end=datetime(2024, 7, 1, tzinfo=UTC),
        interval="P10D",
        evalscript=NDVI,
        resolution=(0.004, 0.004),
        percentiles=(0.1, 0.5, 0.9),
    )
    keys = Credentials(
        "s3:" + BUCKET, ACCESS_KEY, SECRET_KEY, endpoint=s3.endpoint, region="us-east-1"
    )
    values = dict(
        features=list(FIELDS),
        epsg=4326,
        statistics=stats,
        folder=f"s3://{BUCKET}/fields",
        keys=keys,
        iam_role_arn=ROLE,
        poll_seconds=0,
    )
    values.update(kw)
    return BatchStatisticsJob(**values)


class Recorder:
    def __init__(self, cancel_at=None):
        from eo_explorer.plugin.core.tasks import Progress

        self.lines: list[str] = []
        self.percents: list[float] = []
        self.reports: list = []
        self.cancel_at = cancel_at
        self.progress = Progress(
            is_cancelled=self.cancelled,
            percent=self.percents.append,
            report=self.reports.append,
            info=self.lines.append,
        )

    def cancelled(self) -> bool:
        return self.cancel_at is not None and any(
            getattr(r, "status", "") == self.cancel_at for r in self.reports
        )


def run(server, keycloak, job, recorder=None):
    from eo_explorer.plugin.sentinelhub.batch_statistics import run_batch_statistics

    recorder = recorder or Recorder()
    return run_batch_statistics(job, client_for(server, keycloak), recorder.progress), recorder


@needs_js
def test_each_polygon_gets_the_series_the_service_computed(qgis_app, server, keycloak, s3):
    outcome, recorder = run(server, keycloak, make_job(s3))
    assert outcome.error is None, outcome.error
    # the GeoPackage the service read holds the layer's polygons and ids
    read = server.read_features[outcome.request_id]
    assert [f.id for f in read] == [11, 12, 15]
    for feature, (_, wkt) in zip(read, FIELDS):
        got = ogr.CreateGeometryFromJson(json.dumps(feature.geometry))
        assert got.Equals(ogr.CreateGeometryFromWkt(wkt))
    # the states, followed in order
    assert outcome.states[0] == "CREATED"
    assert "ANALYSIS_DONE" in outcome.states and outcome.states[-1] == "DONE"
    assert outcome.states.index("ANALYSIS_DONE") < outcome.states.index("PROCESSING")
    assert recorder.percents[-1] == 100.0
    assert any(0 < p < 100 for p in recorder.percents)
    # each feature's series equals what the service wrote into the bucket
    task = server.batch_tasks[outcome.request_id]
    assert [i for i, _ in outcome.series] == [11, 12, 15]
    for feature in read:
        expected, _cost = server.statistics_of(task, feature)
        result = outcome.by_id[feature.id]
        assert result.intervals, feature.id
        assert [i.start for i in result.intervals] == [
            e["interval"]["from"] for e in expected["data"]
        ]
        for interval, raw in zip(result.intervals, expected["data"]):
            stats = raw["outputs"]["ndvi"]["bands"]["B0"]["stats"]
            assert interval.outputs["ndvi"]["B0"].mean == pytest.approx(stats["mean"])
            assert interval.outputs["ndvi"]["B0"].percentile(0.5) == pytest.approx(
                stats["percentiles"]["0.5"]
            )
    keys = s3.client().list_objects_v2(Bucket=BUCKET, Prefix="fields/")["Contents"]
    names = sorted(k["Key"].split("/", 2)[2] for k in keys)
    assert names == [
        "features.gpkg",
        *(f"results/{outcome.request_id}/{i}.json" for i in (11, 12, 15)),
    ]
    # with an IAM role, no key went to Sentinel Hub
    created = next(e for e in server.requests if e["path"] == "/api/v1/statistics/batch")
    assert ACCESS_KEY not in created["body"].decode() and SECRET_KEY not in created["body"].decode()
    assert created["json"]["input"]["features"]["s3"]["iamRoleARN"] == ROLE


@needs_js
def test_keys_go_to_sentinel_hub_only_with_consent_and_never_to_the_log(
    qgis_app, server, keycloak, s3
):
    outcome, _ = run(server, keycloak, make_job(s3, iam_role_arn=""))
    assert outcome.error is not None and "Let Sentinel Hub use this bucket's keys" in str(
        outcome.error
    )
    assert not [e for e in server.requests if e["path"].startswith("/api/v1/statistics")]

    outcome, recorder = run(server, keycloak, make_job(s3, iam_role_arn="", share_keys=True))
    assert outcome.error is None, outcome.error
    created = next(e for e in server.requests if e["path"] == "/api/v1/statistics/batch")
    assert created["json"]["output"]["s3"]["secretAccessKey"] == SECRET_KEY
    assert len(outcome.series) == 3
    logged = "\n".join(recorder.lines)
    assert "Batch Statistical request" in logged
    assert SECRET_KEY not in logged and ACCESS_KEY not in logged
    assert SECRET_KEY not in repr(outcome)


@needs_js
def test_cancel_stops_the_request_on_the_service(qgis_app, server, keycloak, s3):
    outcome, _ = run(server, keycloak, make_job(s3), Recorder(cancel_at="PROCESSING"))
    assert outcome.cancelled and outcome.error is None
    assert server.batch_tasks[outcome.request_id].status == "STOPPED"
    assert outcome.task.stopped_reason == "USER_ACTION"
    stops = [e for e in server.requests if e["path"].endswith("/stop")]
    assert len(stops) == 1 and stops[0]["status"] == 204


def test_an_account_without_batch_statistical_falls_back(qgis_app, scenes, keycloak, s3):
    with make_server(scenes, keycloak, s3, allowed=False) as server:
        outcome, _ = run(server, keycloak, make_job(s3))
    assert outcome.not_allowed
    assert "one Statistical request per polygon" in str(outcome.error)
    assert outcome.series == []


@needs_js
def test_the_sandbox_runs_batch_statistics_into_its_bucket(qgis_app):
    from eo_explorer.plugin.api.accounts import Credentials, request_auth
    from eo_explorer.plugin.api.batch_statistical_client import BatchStatisticalClient
    from eo_explorer.plugin.api.http import HttpClient, HttpSettings
    from eo_explorer.plugin.api.process_client import ProcessClient
    from eo_explorer.plugin.sentinelhub.batch_statistics import run_batch_statistics
    from tests.servers.sandbox.accounts import (
        SANDBOX_CLIENT_ID,
        SANDBOX_CLIENT_SECRET,
        SANDBOX_ROLE_ARN,
        AccountServices,
    )
    from tests.servers.sandbox.services import SANDBOX_BUCKET, SandboxS3

    with SandboxS3() as s3:
        services = AccountServices(0, s3_endpoint=s3.endpoint).start()
        try:
            sh = services.process
            sh.advance_every = 0  # one step per look instead of every 3 s
            http = HttpClient(settings=HttpSettings(retries=0))
            account = Credentials(
                "sentinelhub",
                SANDBOX_CLIENT_ID,
                SANDBOX_CLIENT_SECRET,
                token_url=services.tokens.token_url,
            )
            process = ProcessClient(
                http.with_auth(request_auth(account, http), sh.url), sh.process_url
            )
            job = make_job(s3, iam_role_arn=SANDBOX_ROLE_ARN, folder=f"s3://{SANDBOX_BUCKET}/demo")
            outcome = run_batch_statistics(
                job, BatchStatisticalClient(process, sh.url), Recorder().progress
            )
        finally:
            services.stop()
    assert outcome.error is None, outcome.error
    assert outcome.states[-1] == "DONE"
    assert [i for i, _ in outcome.series] == [11, 12, 15]
    assert outcome.results_url.startswith(f"s3://{SANDBOX_BUCKET}/demo/")


def test_a_bucket_that_refuses_the_upload_is_a_sentence(
    qgis_app, server, keycloak, s3, gdal_exceptions
):
    from eo_explorer.plugin.sentinelhub.batch_statistics import run_batch_statistics

    job = make_job(s3, folder="s3://no-such-bucket/fields")
    outcome = run_batch_statistics(job, client_for(server, keycloak), Recorder().progress)
    assert "The polygons could not be written to the bucket" in str(outcome.error)
    assert not [e for e in server.requests if e["path"].startswith("/api/v1/statistics")]


@needs_js
def test_the_task_hands_the_series_to_the_main_thread(qgis_app, server, keycloak, s3):
    from qgis.core import QgsApplication

    from eo_explorer.plugin.sentinelhub.batch_statistics import batch_statistics_task

    from ..conftest import wait_for

    task = batch_statistics_task(make_job(s3), client_for(server, keycloak))
    received = []
    task.completed.connect(received.append)
    QgsApplication.taskManager().addTask(task)
    wait_for(qgis_app, lambda: received, timeout=120)
    assert [i for i, _ in received[0].series] == [11, 12, 15]


@needs_js
def test_a_polygon_the_service_cannot_compute_is_named_and_the_others_kept(
    qgis_app, server, keycloak, s3
):
    huge = (99, "POLYGON((5 45, 17 45, 17 47, 5 47, 5 45))")  # 3000 px wide at 0.004°
    outcome, _ = run(server, keycloak, make_job(s3, features=[*FIELDS[:2], huge]))
    assert outcome.error is None and outcome.states[-1] == "PARTIAL"
    assert [i for i, _ in outcome.series] == [11, 12]
    assert [i for i, _ in outcome.failed] == [99]
    assert "2500" in outcome.failed[0][1]
