"""The Processing algorithm "Sentinel Hub batch process" against the local Batch server and
a local S3: analysis only unless "Start after analysis" is checked, then the mosaic VRT."""

from __future__ import annotations

import pytest
from osgeo import gdal

from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY, S3Server
from tests.servers.common.token_server import TokenServer
from tests.servers.sentinelhub.batch_server import BatchProcessServer

from ..conftest import clean_settings

ALG = "eo_explorer:sentinelhub_batch_process"
SECRET = "sh-Secret-for-the-batch-algorithm"
BUCKET = "batch-algorithm"


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_database(unlocked_auth):
    yield unlocked_auth


@pytest.fixture()
def sh(provider):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials
    from eo_explorer.plugin.processing import batch_process_algorithm
    from eo_explorer.plugin.sentinelhub import settings as process_settings

    with TokenServer(clients={"sh-client": SECRET}) as keycloak, S3Server() as s3:
        s3.client().create_bucket(Bucket=BUCKET)

        def check(headers) -> bool:
            value = headers.get("Authorization", "")
            return value.startswith("Bearer ") and keycloak.is_valid(value[7:])

        with BatchProcessServer(
            token_check=check, s3_endpoint=s3.endpoint, buckets={BUCKET}, advance_seconds=0.1
        ) as server:
            clean_settings()
            credentials.save(
                Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url)
            )
            credentials.save(
                Credentials(f"s3:{BUCKET}", ACCESS_KEY, SECRET_KEY, endpoint=s3.endpoint)
            )
            process_settings.set_custom_endpoint(server.url, "sentinelhub")
            old = batch_process_algorithm.SentinelHubBatchAlgorithm.poll_seconds
            batch_process_algorithm.SentinelHubBatchAlgorithm.poll_seconds = 0.05
            yield server
            batch_process_algorithm.SentinelHubBatchAlgorithm.poll_seconds = old
            credentials.delete("sentinelhub")
            credentials.delete(f"s3:{BUCKET}")


def run(**parameters):
    import processing

    parameters.setdefault("ENDPOINT", "custom")
    parameters.setdefault("COLLECTION", "sentinel-2-l2a")
    parameters.setdefault("EVALSCRIPT", "ndvi")
    parameters.setdefault("EXTENT", "14.4,14.6,46.0,46.1 [EPSG:4326]")
    parameters.setdefault("GRID", 3)  # UTM 20km grid, 60 m
    parameters.setdefault("BUCKET_FOLDER", f"s3://{BUCKET}/alg")
    return processing.run(ALG, parameters)


def declared() -> set[str]:
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    return {output.name() for output in algorithm.outputDefinitions()}


def test_analysis_only_unless_start_is_checked(sh):
    result = run()
    # it declares what it returns: the request, its state, tiles and cost (the mosaic only
    # once started), none of the Process algorithm's requests, units or request JSON
    assert declared() == {"REQUEST_ID", "STATUS", "TILES", "ESTIMATE", "MOSAIC"}
    assert set(result) == declared() - {"MOSAIC"}
    record = next(iter(sh.batches.values()))
    assert result["STATUS"] == "ANALYSIS_DONE" == record["status"]
    assert result["TILES"] == 2 and result["ESTIMATE"] == pytest.approx(record["valueEstimate"])
    assert not [e for e in sh.requests if e["path"].endswith("/start")]


def test_started_it_outputs_the_mosaic_of_the_tiles(sh, tmp_path):
    result = run(START_PROCESSING=True, MOSAIC=str(tmp_path / "mosaic.vrt"))
    assert set(result) == declared()
    record = next(iter(sh.batches.values()))
    assert result["STATUS"] == "DONE" == record["status"]
    mosaic = gdal.Open(result["MOSAIC"])
    assert (mosaic.RasterXSize, mosaic.RasterYSize) == (2 * 334, 334)
    assert SECRET_KEY not in open(result["MOSAIC"], encoding="utf-8").read()
