"""The Batch Processing API client and the local Batch server's refusals (seed 001 shapes):
the request body of a job, unknown grid or resolution, missing output, analyse and start
in the wrong state, cancel, and the server's errors as sentences."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from eo_explorer.plugin.api.batch_process import (
    BatchClient,
    batch_body,
    batch_job,
    tile_path,
)
from eo_explorer.plugin.api.evalscripts import check_evalscript, find_preset
from eo_explorer.plugin.api.http import HttpClient
from eo_explorer.plugin.api.process import Area, ProcessOptions
from eo_explorer.plugin.api.process_client import ProcessError
from tests.servers.sentinelhub.batch_server import BatchProcessServer


def job():
    script = find_preset("ndvi").text()
    options = ProcessOptions(
        collection="sentinel-2-l2a",
        start=datetime(2024, 6, 1, tzinfo=timezone.utc),
        end=datetime(2024, 6, 30, 23, 59, 59, tzinfo=timezone.utc),
        evalscript=script,
    )
    return batch_job(options, check_evalscript(script), Area((14.4, 46.0, 14.6, 46.1), 4326))


def test_the_body_is_the_process_request_on_a_tiling_grid():
    body = batch_body(job(), 1, 20.0, "s3://my-bucket/out/", "a test")
    assert set(body) == {"processRequest", "tilingGrid", "output", "description"}
    assert body["tilingGrid"] == {"id": 1, "resolution": 20.0}
    assert body["output"]["defaultTilePath"] == (
        "s3://my-bucket/out/<requestId>/<tileName>/<outputId>.tiff"
    )
    process = body["processRequest"]
    assert process["input"]["bounds"]["bbox"] == [14.4, 46.0, 14.6, 46.1]
    assert process["output"]["responses"] == [
        {"identifier": "default", "format": {"type": "image/tiff"}}
    ]
    assert tile_path("s3://b-1") == "s3://b-1/<requestId>/<tileName>/<outputId>.tiff"
    with pytest.raises(ValueError, match="offers the resolutions 10, 20"):
        batch_body(job(), 1, 60.0, "s3://my-bucket/out")


@pytest.fixture()
def client():
    with BatchProcessServer(buckets={"my-bucket"}) as server:
        yield server, BatchClient(HttpClient(), server.url)


def test_the_server_refuses_what_the_service_refuses(client):
    server, api = client
    body = batch_body(job(), 0, 60.0, "s3://my-bucket/out")
    for wrong, words in (
        (dict(body, tilingGrid={"id": 4, "resolution": 60.0}), "does not exist"),
        (dict(body, tilingGrid={"id": 0, "resolution": 15.0}), "not supported"),
        ({k: v for k, v in body.items() if k != "output"}, "bucketName"),
        (
            dict(body, output={"defaultTilePath": "s3://other-bucket/<tileName>/<outputId>"}),
            "cannot write to the bucket other-bucket",
        ),  # fmt: skip
    ):
        with pytest.raises(ProcessError, match=words):
            api.create(wrong)
    assert not server.batches
    request = api.create(body)
    assert request.status == "CREATED" and request.tile_count is None
    with pytest.raises(ProcessError, match="Only a PARTIAL request"):
        api.action(request.id, "restartpartial")
    api.action(request.id, "analyse")
    with pytest.raises(ProcessError, match="cannot be analysed"):
        api.action(request.id, "analyse")
    server.advance_batches()
    analysed = api.get(request.id)
    assert analysed.status == "ANALYSIS_DONE" and analysed.tile_count == 2
    api.action(request.id, "cancel")
    assert api.get(request.id).status == "CANCELED"
    with pytest.raises(ProcessError, match="cannot be started"):
        api.action(request.id, "start")
    assert [r.id for r in api.all_requests()] == [request.id]
    with pytest.raises(ProcessError, match="not found"):
        api.get("00000000-0000-0000-0000-000000000000")
