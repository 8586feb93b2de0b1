"""The Process API as Sentinel Hub documents it: the collections each endpoint serves,
evalscripts with several outputs (one ``responses[]`` entry each, a tar answer, one raster
each), tiles sent by width and height, and 429 pauses in milliseconds, capped and
cancellable. Against the local ProcessApiServer."""

from __future__ import annotations

import io
import tarfile
import threading
import time

import numpy as np
import pytest
import requests
from osgeo import gdal

from eo_explorer.plugin.api.errors import InvalidResponse
from eo_explorer.plugin.api.evalscripts import check_evalscript
from eo_explorer.plugin.api.http import HttpClient
from eo_explorer.plugin.api.process import (
    Area,
    OutputSize,
    ProcessOptions,
    check_endpoint,
    endpoint_collections,
    plan_job,
)
from eo_explorer.plugin.api.process_client import (
    MAX_RATE_PAUSE,
    ProcessClient,
    read_answer,
    run_job,
)
from tests.servers.sentinelhub.process_server import ProcessApiServer, pattern, pixel_centres
from tests.unit.sentinelhub.process_cases import JUNE, job_for, options

TWO_OUTPUTS = """//VERSION=3
function setup() {
  return {
    input: [{bands: ["B02", "B03", "B04", "dataMask"]}],
    output: [
      {id: "rgb", bands: 3, sampleType: "UINT8"},
      {id: "mask", bands: 1, sampleType: "UINT8"}
    ]
  };
}
function evaluatePixel(s) {
  return {rgb: [s.B04, s.B03, s.B02], mask: [s.dataMask]};
}
"""


# -- the collections of each endpoint -------------------------------------------------------


def test_each_endpoint_offers_what_it_serves():
    assert endpoint_collections("sentinelhub-uswest2") == ["landsat-ot-l2", "dem"]
    assert "landsat-ot-l2" not in endpoint_collections("sentinelhub")
    assert "landsat-ot-l2" not in endpoint_collections("sentinelhub-cdse")
    for endpoint in ("sentinelhub", "sentinelhub-cdse"):
        assert {"sentinel-2-l2a", "sentinel-1-grd", "sentinel-3-olci", "dem"} <= set(
            endpoint_collections(endpoint)
        )
    # the sandbox and a custom endpoint (a proxy, a test server) offer every collection
    assert "landsat-ot-l2" in endpoint_collections("custom")
    check_endpoint("landsat-ot-l2", "custom")
    check_endpoint("byoc-0b1a2c3d-1234-4abc-8def-0123456789ab", "sentinelhub-uswest2")
    with pytest.raises(ValueError) as refused:
        check_endpoint("landsat-ot-l2", "sentinelhub-cdse")
    assert str(refused.value) == (
        "Copernicus Data Space (sh.dataspace.copernicus.eu) does not serve the collection "
        "landsat-ot-l2. Use Sentinel Hub US West (services-uswest2.sentinel-hub.com)."
    )
    with pytest.raises(ValueError, match="US West .* does not serve .* sentinel-2-l2a"):
        check_endpoint("sentinel-2-l2a", "sentinelhub-uswest2")


def test_the_server_refuses_a_collection_its_deployment_does_not_serve():
    job = job_for(options())
    body = job.requests()[0][1]
    with ProcessApiServer(deployment="services-uswest2.sentinel-hub.com") as sh:
        r = requests.post(sh.process_url, json=body, headers={"Accept": "image/tiff"}, timeout=30)
        landsat = job_for(options("landsat-ot-l2", "landsat_true_color")).requests()[0][1]
        ok = requests.post(
            sh.process_url, json=landsat, headers={"Accept": "image/tiff"}, timeout=30
        )
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["code"] == "COMMON_BAD_PAYLOAD" and error["reason"] == "Bad Request"
    assert error["errors"] == [
        {
            "parameter": "input->data->0->type",
            "violation": "Data collection 'sentinel-2-l2a' is not available on "
            "services-uswest2.sentinel-hub.com; use the endpoint that serves it.",
        }
    ]
    assert ok.status_code == 200 and ok.content[:4] == b"II*\x00"


def test_the_client_reports_the_refusal_with_the_servers_words(tmp_path):
    job = job_for(options())
    with ProcessApiServer(deployment="services-uswest2.sentinel-hub.com") as sh:
        outcome = run_job(job, ProcessClient(HttpClient(), sh.process_url), tmp_path)
    assert outcome.fatal is not None and outcome.fatal.status == 400
    assert "is not available on services-uswest2.sentinel-hub.com" in str(outcome.fatal)


# -- several outputs ------------------------------------------------------------------------


def two_output_job(max_px=2500):
    opts = ProcessOptions(
        collection="sentinel-2-l2a", start=JUNE[0], end=JUNE[1], evalscript=TWO_OUTPUTS
    )
    area = Area((500_000.0, 5_100_000.0, 500_600.0, 5_100_400.0), 32633)
    return plan_job(opts, check_evalscript(TWO_OUTPUTS), area, OutputSize(resolution=10.0), max_px)


def test_an_evalscript_with_two_outputs_asks_one_response_each_as_a_tar():
    info = check_evalscript(TWO_OUTPUTS)
    assert info.output_ids == ("rgb", "mask") and info.output_id == "rgb"
    assert (info.output("mask").bands, info.output("rgb").bands) == (1, 3)
    job = two_output_job()
    assert job.accept == "application/tar"
    body = job.requests()[0][1]
    assert body["output"]["responses"] == [
        {"identifier": "rgb", "format": {"type": "image/tiff"}},
        {"identifier": "mask", "format": {"type": "image/tiff"}},
    ]


def test_two_outputs_come_back_as_one_mosaic_each(tmp_path):
    job = two_output_job(max_px=25)  # 60 x 40 px in 3 x 2 tiles
    with ProcessApiServer() as sh:
        outcome = run_job(job, ProcessClient(HttpClient(), sh.process_url), tmp_path, workers=2)
        accepts = {r["headers"].get("Accept") for r in sh.requests}
    assert accepts == {"application/tar"} and not outcome.failed
    assert set(outcome.by_output) == {"rgb", "mask"}
    assert [len(v) for v in outcome.by_output.values()] == [6, 6]
    tile, rgb = outcome.by_output["rgb"][3]
    _, mask = outcome.by_output["mask"][3]
    assert (rgb.name, mask.name) == (f"{tile.name}.rgb.tif", f"{tile.name}.mask.tif")
    xs, ys = pixel_centres(tile.bbox, tile.width, tile.height)
    rgb_data, mask_data = gdal.Open(str(rgb)), gdal.Open(str(mask))
    assert (rgb_data.RasterCount, mask_data.RasterCount) == (3, 1)
    assert np.array_equal(
        mask_data.GetRasterBand(1).ReadAsArray(), pattern(xs, ys, 0, "UINT8", False)
    )
    assert outcome.done == outcome.by_output["rgb"]


def test_the_server_refuses_responses_that_do_not_match_the_outputs():
    body = two_output_job().requests()[0][1]
    with ProcessApiServer() as sh:
        one_accept = requests.post(
            sh.process_url, json=body, headers={"Accept": "image/tiff"}, timeout=30
        )
        body["output"]["responses"][1]["identifier"] = "cloud"
        unknown = requests.post(
            sh.process_url, json=body, headers={"Accept": "application/tar"}, timeout=30
        )
    assert one_accept.status_code == 400
    assert one_accept.json()["error"]["code"] == "COMMON_BAD_PAYLOAD"
    assert "application/tar" in one_accept.json()["error"]["message"]
    assert unknown.status_code == 400
    assert unknown.json()["error"]["errors"][0]["parameter"] == "output->responses->1->identifier"


def _tar(files: dict) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, payload in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    return buffer.getvalue()


def test_a_tar_answer_is_read_by_identifier_and_checked():
    tiff = b"II*\x00" + b"\x00" * 8
    files = read_answer(_tar({"mask.tif": tiff, "rgb.tif": tiff}), ("rgb", "mask"))
    assert list(files) == ["rgb", "mask"]
    with pytest.raises(InvalidResponse, match="lacks the image of output mask"):
        read_answer(_tar({"rgb.tif": tiff}), ("rgb", "mask"))
    with pytest.raises(InvalidResponse, match="GeoTIFF for output mask"):
        read_answer(_tar({"rgb.tif": tiff, "mask.tif": b"<html>"}), ("rgb", "mask"))
    with pytest.raises(InvalidResponse, match="tar of several images"):
        read_answer(b"not a tar at all" * 40, ("rgb", "mask"))
    with pytest.raises(InvalidResponse, match="did not answer with a GeoTIFF"):
        read_answer(b"{}", ("default",))


# -- tiles by width and height --------------------------------------------------------------


def test_tiles_are_sent_by_size_and_their_pixels_are_exactly_the_grids(tmp_path):
    # degrees that do not divide the extent: a resolution would be rounded by the service
    area = Area((14.4013, 46.0007, 14.4391, 46.0219), 4326)
    opts = options()
    size = OutputSize(resolution=10.0, geographic=True)
    job = plan_job(opts, check_evalscript(opts.evalscript), area, size, 97)
    grid = job.grid
    assert len(job.tiles) > 4
    for tile, body in job.requests():
        assert "resx" not in body["output"] and "resy" not in body["output"]
        assert (body["output"]["width"], body["output"]["height"]) == (tile.width, tile.height)
    with ProcessApiServer(pixel_size=(grid.px, grid.py)) as sh:
        outcome = run_job(job, ProcessClient(HttpClient(), sh.process_url), tmp_path, workers=2)
        tiles = list(sh.tiles)
        covered = sh.coverage(grid.bbox, grid.width, grid.height)
    assert len(outcome.done) == len(job.tiles) == len(tiles)
    for tile in tiles:
        px, py = tile.pixel_size
        assert px == pytest.approx(grid.px, rel=1e-9) and py == pytest.approx(grid.py, rel=1e-9)
    assert (covered == 1).all()


# -- 429: milliseconds, capped, cancellable, shown ------------------------------------------


def test_a_long_retry_after_is_capped_shown_and_cancellable(tmp_path):
    job = job_for(options(), max_px=60)  # several requests
    waits: list[float] = []
    cancel = threading.Event()

    def on_wait(seconds: float) -> None:
        waits.append(seconds)
        cancel.set()

    # one request per 40 s: the second is told Retry-After of about 40000 ms
    with ProcessApiServer(rate_limit=1, rate_window=40.0) as sh:
        client = ProcessClient(HttpClient(), sh.process_url, on_wait=on_wait)
        started = time.monotonic()
        outcome = run_job(job, client, tmp_path, workers=2, is_cancelled=cancel.is_set)
        elapsed = time.monotonic() - started
        told = [
            int(r["response_headers"]["Retry-After"]) for r in sh.requests if r["status"] == 429
        ]
    assert told and all(30_000 < ms <= 40_000 for ms in told)
    assert waits and all(w == MAX_RATE_PAUSE for w in waits)
    assert outcome.cancelled and len(outcome.done) <= 1
    assert elapsed < 5  # not 40 s, not even the 10 s cap: cancel ends the wait


def test_a_429_without_retry_after_pauses_one_second(tmp_path):
    from tests.servers.common import faults

    job = job_for(options())
    waits: list[float] = []
    with ProcessApiServer() as sh:
        sh.set_fault(
            faults.sentinelhub_error(429, "You have exceeded your rate limit", "X", times=1)
        )
        client = ProcessClient(HttpClient(), sh.process_url, on_wait=waits.append)
        outcome = run_job(job, client, tmp_path)
    assert waits == [1.0] and len(outcome.done) == 1


def test_the_server_refuses_a_tile_whose_pixels_drift():
    job = job_for(options())
    body = job.requests()[0][1]
    with ProcessApiServer(pixel_size=(job.grid.px, job.grid.py)) as sh:
        ok = requests.post(sh.process_url, json=body, timeout=30)
        body["output"]["width"] += 1  # one pixel more over the same bounds
        drift = requests.post(sh.process_url, json=body, timeout=30)
    assert ok.status_code == 200
    assert drift.status_code == 400 and drift.json()["error"]["code"] == "TEST_PIXEL_SIZE"
