"""The Processing algorithm "Sentinel Hub async process" against the local Async Process API
server delivering to a real S3 API (moto): the same workflow as the dock's Async engine."""

from __future__ import annotations

import json

import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException

from tests.servers.common.s3_server import S3Server
from tests.servers.common.token_server import TokenServer
from tests.servers.sentinelhub.async_server import AsyncProcessApiServer

from ..conftest import clean_settings

ALG = "eo_explorer:sentinelhub_async_process"
SECRET = "sh-Secret-for-the-async-algorithm"
BUCKET = "eo-explorer-results"
FOLDER = f"s3://{BUCKET}/toolbox"
KEY, BUCKET_SECRET = "AKIAASYNCALGORITHMKEY", "bucket-secret-of-the-algorithm"
ROLE = "arn:aws:iam::123456789012:role/sentinel-hub-writer"


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_database(unlocked_auth):
    yield unlocked_auth


@pytest.fixture()
def sh(provider, monkeypatch):
    from eo_explorer.plugin.processing.async_algorithm import SentinelHubAsyncAlgorithm

    monkeypatch.setattr(SentinelHubAsyncAlgorithm, "poll", (0.05, 1.5, 0.2))
    with S3Server() as s3, TokenServer(clients={"sh-client": SECRET}) as keycloak:
        s3.client().create_bucket(Bucket=BUCKET)

        def check(headers) -> bool:
            value = headers.get("Authorization", "")
            return value.startswith("Bearer ") and keycloak.is_valid(value[7:])

        with AsyncProcessApiServer(
            token_check=check,
            s3_endpoint=s3.endpoint,
            running_seconds=0.3,
            roles={ROLE: ("AKIAROLE", "role-secret")},
        ) as server:
            from eo_explorer.plugin.api.accounts import Credentials
            from eo_explorer.plugin.core import credentials
            from eo_explorer.plugin.sentinelhub import settings as process_settings

            clean_settings()
            credentials.save(
                Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url)
            )
            credentials.save(Credentials("s3:" + BUCKET, KEY, BUCKET_SECRET, endpoint=s3.endpoint))
            process_settings.set_custom_endpoint(server.url, "sentinelhub")
            server.s3 = s3
            yield server
            credentials.delete("sentinelhub")
            credentials.delete("s3:" + BUCKET)
            gdal.VSICurlClearCache()


def run(**parameters):
    import processing

    parameters.setdefault("ENDPOINT", "custom")
    parameters.setdefault("EXTENT", "14.50,14.51,46.05,46.06 [EPSG:4326]")
    parameters.setdefault("BUCKET_FOLDER", FOLDER)
    return processing.run(ALG, parameters)


def test_the_algorithm_delivers_follows_and_copies_the_image(sh, tmp_path):
    out = tmp_path / "ndvi.tif"
    result = run(EVALSCRIPT="ndvi", IAM_ROLE=ROLE, OUTPUT=str(out))
    request_id = result["REQUEST_ID"]
    assert result["RESULT_URL"] == f"{FOLDER}/{request_id}/default.tif"
    [post] = [r for r in sh.requests if r["method"] == "POST"]
    assert post["json"]["output"]["delivery"] == {"s3": {"url": FOLDER, "iamRoleARN": ROLE}}
    statuses = [r["status"] for r in sh.requests if r["method"] == "GET"]
    assert statuses and statuses[-1] == 404
    key = f"toolbox/{request_id}/default.tif"
    delivered = sh.s3.client().get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert out.read_bytes() == delivered
    saved = json.loads((tmp_path / "ndvi.json").read_text())
    assert saved["id"] == request_id and "accessKey" not in json.dumps(saved)


def test_the_keys_go_only_with_consent(sh, tmp_path):
    with pytest.raises(QgsProcessingException, match="give an IAM role ARN"):
        run(EVALSCRIPT="ndvi", OUTPUT=str(tmp_path / "a.tif"))
    assert not sh.requests
    result = run(EVALSCRIPT="ndvi", SEND_KEYS=True, OUTPUT=str(tmp_path / "b.tif"))
    [post] = [r for r in sh.requests if r["method"] == "POST"]
    assert post["json"]["output"]["delivery"]["s3"]["accessKey"] == KEY
    assert (tmp_path / "b.tif").is_file() and result["REQUEST_ID"]
    assert BUCKET_SECRET not in (tmp_path / "b.json").read_text()


def test_too_large_for_one_async_request(sh, tmp_path):
    with pytest.raises(QgsProcessingException, match="at most 10000 x 10000 px"):
        run(
            EVALSCRIPT="ndvi",
            IAM_ROLE=ROLE,
            WIDTH=12000,
            HEIGHT=100,
            OUTPUT=str(tmp_path / "big.tif"),
        )
    assert not [r for r in sh.requests if r["method"] == "POST"]
