"""The Process dock's "Image delivered to a bucket (Async API)" engine against the local
Async Process API server (seed 001) delivering to a real S3 API (moto): the request the
server got, the object in the bucket, the file on disk, the layer's pixels, the status
followed until 404, Cancel, and the refusals in sentences."""

from __future__ import annotations

import json

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsApplication, QgsMultiBandColorRenderer

from tests.servers.common.s3_server import S3Server
from tests.servers.sentinelhub.async_server import AsyncProcessApiServer

from ..conftest import wait_for
from .process_support import *  # noqa: F403 - the fixtures of process_support.__all__
from .process_support import bearer_check, choose, draw_field, make_dock, messages

BUCKET = "eo-explorer-results"
FOLDER = f"s3://{BUCKET}/async"
KEY, SECRET = "AKIAASYNCDELIVERYKEY", "async-delivery-secret-never-logged"
ROLE = "arn:aws:iam::123456789012:role/sentinel-hub-writer"


@pytest.fixture(scope="module")
def s3():
    with S3Server() as server:
        server.client().create_bucket(Bucket=BUCKET)
        yield server


@pytest.fixture()
def bucket_account(account, s3):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    credentials.save(Credentials("s3:" + BUCKET, KEY, SECRET, endpoint=s3.endpoint))
    yield
    credentials.delete("s3:" + BUCKET)
    gdal.VSICurlClearCache()


@pytest.fixture()
def logged():
    lines: list[str] = []

    def keep(message, *_args) -> None:
        lines.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield lines
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def async_dock(qgis_iface, sh, tmp_path, folder=FOLDER, role="", keys=True):
    dock = make_dock(qgis_iface, sh, tmp_path)
    dock.use_engine("async")
    engine = dock.current_engine()
    engine.poll = (0.05, 1.5, 0.2)
    options = engine.options
    options.bucketEdit.setText(folder)
    options.roleEdit.setText(role)
    options.keysCheck.setChecked(keys)
    choose(dock, "sentinel-2-l2a", "true-color")
    draw_field(dock)
    return dock


def start(app, dock):
    outcomes: list = []
    dock.processFinished.connect(outcomes.append)
    dock.form.runButton.click()
    return outcomes


def finish(app, dock, sh, outcomes, timeout=60.0):
    """Let the server end its one request once the dock has seen it RUNNING."""
    wait_for(app, lambda: outcomes or running_checks(sh) >= 1, timeout)
    for request_id in list(sh.async_requests):
        sh.finish(request_id)
    wait_for(app, lambda: outcomes or (dock.task is None and dock.message_bar.items()), timeout)
    return outcomes[0] if outcomes else None


def running_checks(sh) -> int:
    return sum(
        1
        for r in sh.requests
        if r["method"] == "GET" and "/async/" in r["path"] and r["status"] == 200
    )


def submitted(sh) -> list[dict]:
    return [
        r for r in sh.requests if r["method"] == "POST" and r["path"].endswith("/async/process")
    ]


def test_image_delivered_to_the_bucket_is_followed_copied_and_loaded(
    qgis_app, qgis_iface, canvas, keycloak, bucket_account, s3, tmp_path, logged
):
    with AsyncProcessApiServer(
        token_check=bearer_check(keycloak), s3_endpoint=s3.endpoint, running_seconds=None
    ) as sh:
        dock = async_dock(qgis_iface, sh, tmp_path)
        try:
            estimate = dock.update_estimate()
            assert "Async API: one request of" in estimate and "10000 x 10000 px" in estimate
            assert dock.form.runButton.text() == "Send to Sentinel Hub"
            outcome = finish(qgis_app, dock, sh, start(qgis_app, dock))
            assert outcome is not None and outcome.error is None, messages(dock)
            layer = dock.result_layer
            status = dock.form.statusLabel.text()
        finally:
            dock.shutdown()

        # What the server got: one request, delivered to the folder with the account's keys.
        [post] = submitted(sh)
        assert post["status"] == 200 and post["headers"]["Authorization"].startswith("Bearer ")
        body = post["json"]
        assert body["output"]["delivery"] == {
            "s3": {"url": FOLDER, "accessKey": KEY, "secretAccessKey": SECRET}
        }
        assert body["output"]["responses"] == [
            {"identifier": "default", "format": {"type": "image/tiff"}}
        ]
        assert body["input"]["bounds"]["geometry"]["type"] == "Polygon"
        # Followed: RUNNING while it ran, then 404, and no more status requests after it.
        statuses = [r["status"] for r in sh.requests if r["method"] == "GET"]
        assert statuses[0] == 200 and statuses[-1] == 404 and statuses.count(404) == 1

    # The object in the bucket, under <folder>/<request id>/<identifier>.tif.
    request_id = outcome.request_id
    key = f"async/{request_id}/default.tif"
    listed = s3.client().list_objects_v2(Bucket=BUCKET, Prefix=f"async/{request_id}/")
    assert [o["Key"] for o in listed["Contents"]] == [key]
    delivered = s3.client().get_object(Bucket=BUCKET, Key=key)["Body"].read()
    # The file on disk is that object; the layer shows it in true colour.
    assert outcome.path.read_bytes() == delivered
    assert not list(tmp_path.glob("*.part"))
    assert layer is not None and layer.source() == str(outcome.path)
    assert isinstance(layer.renderer(), QgsMultiBandColorRenderer)
    gdal.FileFromMemBuffer("/vsimem/delivered.tif", delivered)
    try:
        expected = gdal.Open("/vsimem/delivered.tif").ReadAsArray()
    finally:
        gdal.Unlink("/vsimem/delivered.tif")
    assert np.array_equal(gdal.Open(layer.source()).ReadAsArray(), expected)
    assert layer.temporalProperties().isActive()
    assert request_id in status and outcome.path.name in status
    # The request saved beside the result and the message log name the request, not the keys.
    saved = outcome.request_path.read_text()
    assert request_id in saved and json.loads(saved)["results"] == [f"{FOLDER}/{key[6:]}"]
    assert any(request_id in line for line in logged)
    for text in [saved, *logged, messages(dock)]:
        assert SECRET not in text and KEY not in text


def test_an_iam_role_sends_no_keys(
    qgis_app, qgis_iface, canvas, keycloak, bucket_account, s3, tmp_path
):
    with AsyncProcessApiServer(
        token_check=bearer_check(keycloak),
        s3_endpoint=s3.endpoint,
        running_seconds=None,
        roles={ROLE: ("AKIAROLEKEYS", "role-secret")},
    ) as sh:
        dock = async_dock(qgis_iface, sh, tmp_path, role=ROLE, keys=False)
        try:
            outcome = finish(qgis_app, dock, sh, start(qgis_app, dock))
            assert outcome is not None and outcome.error is None, messages(dock)
        finally:
            dock.shutdown()
        [post] = submitted(sh)
        assert post["json"]["output"]["delivery"] == {"s3": {"url": FOLDER, "iamRoleARN": ROLE}}
        assert KEY not in post["body"].decode() and SECRET not in post["body"].decode()
    assert outcome.path.is_file() and dock.result_layer is not None


def test_neither_role_nor_consent_is_refused_before_anything_is_sent(
    qgis_app, qgis_iface, canvas, keycloak, bucket_account, s3, tmp_path
):
    with AsyncProcessApiServer(token_check=bearer_check(keycloak), s3_endpoint=s3.endpoint) as sh:
        dock = async_dock(qgis_iface, sh, tmp_path, keys=False)
        try:
            dock.form.runButton.click()
            wait_for(qgis_app, lambda: dock.message_bar.items())
            text = messages(dock)
        finally:
            dock.shutdown()
        assert not submitted(sh)
    assert "give an IAM role ARN" in text and "bucket account's keys" in text


def test_a_bucket_without_account_names_the_account_to_set_up(
    qgis_app, qgis_iface, canvas, keycloak, account, s3, tmp_path
):
    with AsyncProcessApiServer(token_check=bearer_check(keycloak), s3_endpoint=s3.endpoint) as sh:
        dock = async_dock(qgis_iface, sh, tmp_path, folder="s3://someone-elses-bucket/x")
        try:
            dock.form.runButton.click()
            wait_for(qgis_app, lambda: dock.message_bar.items())
            text = messages(dock)
        finally:
            dock.shutdown()
        assert not submitted(sh)
    assert "someone-elses-bucket" in text and "Accounts" in text


def test_a_request_that_writes_nothing_failed_on_sentinel_hub(
    qgis_app, qgis_iface, canvas, keycloak, bucket_account, s3, tmp_path
):
    # The server may not assume this role: the request ends (404) without an object.
    with AsyncProcessApiServer(
        token_check=bearer_check(keycloak), s3_endpoint=s3.endpoint, running_seconds=None
    ) as sh:
        dock = async_dock(qgis_iface, sh, tmp_path, role=ROLE, keys=False)
        try:
            outcome = finish(qgis_app, dock, sh, start(qgis_app, dock))
            text = messages(dock)
        finally:
            dock.shutdown()
    assert outcome is not None and outcome.error is not None
    assert "The request failed on Sentinel Hub" in text and outcome.request_id in text
    assert dock.result_layer is None and not list(tmp_path.glob("*.tif"))


def test_cancel_stops_following_and_says_the_request_keeps_running(
    qgis_app, qgis_iface, canvas, keycloak, bucket_account, s3, tmp_path
):
    with AsyncProcessApiServer(
        token_check=bearer_check(keycloak), s3_endpoint=s3.endpoint, running_seconds=None
    ) as sh:
        dock = async_dock(qgis_iface, sh, tmp_path)
        try:
            outcomes = start(qgis_app, dock)
            wait_for(qgis_app, lambda: running_checks(sh) >= 1)
            dock.form.cancelButton.click()
            wait_for(qgis_app, lambda: outcomes)
            text = messages(dock)
        finally:
            dock.shutdown()
        [request_id] = list(sh.async_requests)
        assert not sh.async_requests[request_id].ended
    outcome = outcomes[0]
    assert outcome.cancelled and outcome.request_id == request_id
    assert "cannot cancel" in text and "keeps running on Sentinel Hub" in text
    assert f"{FOLDER}/{request_id}/default.tif" in text


def test_the_server_refuses_what_the_async_api_refuses(keycloak, s3, tmp_path):
    """No delivery, no access, a format the Async API does not write, more than 10000 px:
    each refusal is a sentence from the client."""
    from eo_explorer.plugin.api.async_process import AsyncClient
    from eo_explorer.plugin.api.errors import EOExplorerError
    from eo_explorer.plugin.api.http import HttpClient

    script = (
        "//VERSION=3\nfunction setup() {return {input: ['B04'], output: {bands: 1}};}\n"
        "function evaluatePixel(s) {return [s.B04];}"
    )
    base = {
        "input": {
            "bounds": {"bbox": [14.5, 46.05, 14.51, 46.06]},
            "data": [{"type": "sentinel-2-l2a"}],
        },
        "output": {
            "width": 10,
            "height": 10,
            "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
            "delivery": {"s3": {"url": FOLDER, "accessKey": KEY, "secretAccessKey": SECRET}},
        },
        "evalscript": script,
    }
    with AsyncProcessApiServer(s3_endpoint=s3.endpoint, running_seconds=None) as sh:
        client = AsyncClient(HttpClient(), sh.url)
        assert client.submit(base).status == "RUNNING"
        cases = {
            "delivery.s3": dict(base["output"], delivery={}),
            "Access to the bucket": dict(base["output"], delivery={"s3": {"url": FOLDER}}),
            "Unsupported output format": dict(
                base["output"],
                responses=[{"identifier": "default", "format": {"type": "application/json"}}],
            ),
            "larger than allowed 10000": dict(base["output"], width=10001),
        }
        for words, output in cases.items():
            with pytest.raises(EOExplorerError) as caught:
                client.submit(dict(base, output=output))
            assert words in str(caught.value) and "HTTP 400" in str(caught.value)
            assert SECRET not in str(caught.value) and SECRET not in caught.value.details
        assert client.status("no-such-request").ended
