"""The Process dock's "Large area (Batch Processing API)" engine against a local Batch
server that writes real COG tiles into a local S3 (moto): analyse without starting, start
after the user's yes, the states followed, a failed tile named, stop, the mosaic layer's
extent and pixels, the requests table, and no key ever sent to Sentinel Hub."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from osgeo import gdal

from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY, S3Server
from tests.servers.sentinelhub.batch_server import BatchProcessServer

from ..conftest import wait_for
from .process_support import *  # noqa: F403 - the fixtures of process_support.__all__
from .process_support import bearer_check, choose, make_dock, messages

BUCKET = "batch-results"
FOLDER = f"s3://{BUCKET}/ndvi"


@pytest.fixture(scope="module")
def s3():
    with S3Server() as server:
        server.client().create_bucket(Bucket=BUCKET)
        yield server


@pytest.fixture()
def bucket_account(s3):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    credentials.save(Credentials(f"s3:{BUCKET}", ACCESS_KEY, SECRET_KEY, endpoint=s3.endpoint))
    yield
    credentials.delete(f"s3:{BUCKET}")


def batch_dock(qgis_iface, sh, tmp_path):
    dock = make_dock(qgis_iface, sh, tmp_path)
    choose(dock, "sentinel-2-l2a", "ndvi")
    dock.use_engine("batch")
    engine = dock.current_engine()
    engine.poll_seconds = 0.05
    engine.choose(0, 60.0, FOLDER)  # the UTM 20 km grid at 60 m: 334 x 334 px tiles
    return dock, engine


def run(app, dock, timeout: float = 90.0):
    outcomes: list = []
    dock.processFinished.connect(outcomes.append)
    dock.form.runButton.click()
    wait_for(app, lambda: outcomes, timeout)
    dock.processFinished.disconnect(outcomes.append)
    return outcomes[0]


def server(keycloak, s3, **kwargs) -> BatchProcessServer:
    return BatchProcessServer(
        token_check=bearer_check(keycloak),
        s3_endpoint=s3.endpoint,
        buckets={BUCKET},
        advance_seconds=0.1,
        **kwargs,
    )


def calls(sh, action: str) -> list:
    return [e for e in sh.requests if e["path"].endswith("/" + action)]


def test_analyse_shows_the_tiles_and_cost_and_starts_nothing(
    qgis_app, qgis_iface, canvas, keycloak, account, s3, tmp_path
):
    with server(keycloak, s3) as sh:
        dock, engine = batch_dock(qgis_iface, sh, tmp_path)
        asked: list = []
        engine.confirm_start = lambda request: asked.append(request) or False
        try:
            assert dock.form.runButton.text() == "Analyse (cost and tiles)"
            outcome = run(qgis_app, dock)
            assert outcome.error is None, messages(dock)
            record = next(iter(sh.batches.values()))
            assert record["status"] == "ANALYSIS_DONE"
            request = asked[0]
            assert request.tile_count == record["tileCount"] == 2
            assert request.value_estimate == pytest.approx(record["valueEstimate"])
            status = dock.form.statusLabel.text()
            assert "2 tile(s) of 334 x 334 px" in status
            assert f"about {record['valueEstimate']:.4g} processing units" in status
            assert "Not started" in status
            assert calls(sh, "analyse") and not calls(sh, "start")
            body = next(e["json"] for e in sh.requests if e["method"] == "POST"
                        and e["path"] == "/api/v1/batch/process")  # fmt: skip
            assert body["tilingGrid"] == {"id": 0, "resolution": 60.0}
            assert body["output"] == {
                "defaultTilePath": f"{FOLDER}/<requestId>/<tileName>/<outputId>.tiff",
                "cogOutput": True,
            }
            assert body["processRequest"]["input"]["data"][0]["type"] == "sentinel-2-l2a"
            table = engine.requests
            assert table.table.rowCount() == 1
            assert table.table.item(0, 0).text() == "ANALYSIS_DONE"
            assert table.start_button.isEnabled() and not table.mosaic_button.isEnabled()
        finally:
            dock.shutdown()


def test_started_after_yes_followed_to_a_mosaic_of_the_bucket_tiles(
    qgis_app, qgis_iface, canvas, keycloak, account, bucket_account, s3, tmp_path
):
    with server(keycloak, s3) as sh:
        dock, engine = batch_dock(qgis_iface, sh, tmp_path)
        engine.confirm_start = lambda request: True
        seen: list = []
        engine_reported = engine._reported
        engine._reported = lambda payload: (seen.append(payload), engine_reported(payload))
        try:
            outcome = run(qgis_app, dock)
            assert outcome.error is None, messages(dock)
            record = next(iter(sh.batches.values()))
            assert record["status"] == "DONE" and len(calls(sh, "start")) == 1
            states = [p.request.status for p in seen]
            for state in ("CREATED", "ANALYSIS_DONE", "DONE"):
                assert state in states
            layer = engine.mosaic_layer
            assert layer is not None and layer.isValid()
            assert "(batch mosaic)" in layer.name()
            source = layer.source()
            assert source.endswith(".vrt") and SECRET_KEY not in source
            vrt_text = open(source, encoding="utf-8").read()
            assert f"/vsis3/{BUCKET}/ndvi/{record['id']}/" in vrt_text
            assert SECRET_KEY not in vrt_text and ACCESS_KEY not in vrt_text
            # the tiles in the bucket, read directly with boto3
            client = s3.client()
            keys = sorted(
                o["Key"] for o in client.list_objects_v2(Bucket=BUCKET)["Contents"]
                if record["id"] in o["Key"]
            )  # fmt: skip
            assert len(keys) == 2 and all(k.endswith("/default.tiff") for k in keys)
            tiles = []
            for n, key in enumerate(keys):
                path = str(tmp_path / f"tile{n}.tif")
                client.download_file(BUCKET, key, path)
                tiles.append(gdal.Open(path))
            xs = [t.GetGeoTransform()[0] for t in tiles]
            ys = [t.GetGeoTransform()[3] for t in tiles]
            size = 334 * 60.0
            extent = layer.extent()
            assert extent.xMinimum() == pytest.approx(min(xs))
            assert extent.xMaximum() == pytest.approx(max(xs) + size)
            assert extent.yMaximum() == pytest.approx(max(ys))
            assert extent.yMinimum() == pytest.approx(min(ys) - size)
            mosaic = gdal.Open(source).ReadAsArray()
            for tile, x in zip(tiles, xs):
                col = int(round((x - min(xs)) / 60.0))
                part = mosaic[:, col : col + 334] if mosaic.ndim == 2 else mosaic[0][:, col:]
                np.testing.assert_array_equal(part, tile.ReadAsArray())
            table = engine.requests
            assert table.table.item(0, 0).text() == "DONE"
            assert table.mosaic_button.isEnabled()
            # "Load mosaic" in the table loads it again, from the request as listed
            again: list = []
            dock.processFinished.connect(again.append)
            table.mosaic_button.click()
            wait_for(qgis_app, lambda: again, 60)
            assert again[0].error is None and engine.mosaic_layer is not layer
            assert engine.mosaic_layer.extent() == layer.extent()
            # no key ever went to Sentinel Hub
            for entry in sh.requests:
                raw = entry["body"].decode("utf-8", "replace")
                assert SECRET_KEY not in raw and ACCESS_KEY not in raw
        finally:
            dock.shutdown()


def test_a_failed_tile_makes_it_partial_and_is_named(
    qgis_app, qgis_iface, canvas, keycloak, account, bucket_account, s3, tmp_path
):
    with server(keycloak, s3, failing_tiles={1}) as sh:
        dock, engine = batch_dock(qgis_iface, sh, tmp_path)
        engine.confirm_start = lambda request: True
        try:
            outcome = run(qgis_app, dock)
            record = next(iter(sh.batches.values()))
            assert record["status"] == "PARTIAL"
            assert [t.id for t in outcome.failed_tiles] == [1]
            text = messages(dock)
            assert "1 tile(s) failed" in text and "tile 1: The evalscript failed" in text
            assert engine.mosaic_layer is not None and engine.mosaic_layer.isValid()
            assert engine.mosaic_layer.width() == 334  # the one tile that was made
            # Restart failed tiles: tile 1 works this time, the request ends DONE
            sh.failing_tiles.clear()
            table = engine.requests
            assert table.restart_button.isEnabled()
            again: list = []
            dock.processFinished.connect(again.append)
            table.restart_button.click()
            wait_for(qgis_app, lambda: again, 60)
            assert again[0].error is None and record["status"] == "DONE"
            assert calls(sh, "restartpartial")
            assert engine.mosaic_layer.width() == 2 * 334
        finally:
            dock.shutdown()


def test_stop_cancels_the_request_at_sentinel_hub(
    qgis_app, qgis_iface, canvas, keycloak, account, s3, tmp_path
):
    with server(keycloak, s3) as sh:
        dock, engine = batch_dock(qgis_iface, sh, tmp_path)
        engine.confirm_start = lambda request: False
        try:
            run(qgis_app, dock)
            table = engine.requests
            table.table.selectRow(0)
            assert table.stop_button.isEnabled()
            table.stop_button.click()
            wait_for(qgis_app, lambda: table.table.item(0, 0).text() == "CANCELED", 30)
            record = next(iter(sh.batches.values()))
            assert record["status"] == "CANCELED" and record["userAction"] == "CANCEL"
            assert not table.stop_button.isEnabled()
        finally:
            dock.shutdown()


def test_the_mosaic_needs_the_bucket_account(
    qgis_app, qgis_iface, canvas, keycloak, account, s3, tmp_path
):
    from eo_explorer.plugin.core import credentials

    credentials.delete(f"s3:{BUCKET}")
    with server(keycloak, s3) as sh:
        dock, engine = batch_dock(qgis_iface, sh, tmp_path)
        engine.confirm_start = lambda request: True
        try:
            run(qgis_app, dock)
            assert engine.mosaic_layer is None
            assert f"Set up the S3 account of the bucket {BUCKET}" in messages(dock)
        finally:
            dock.shutdown()


def test_refused_grid_resolution_is_a_sentence(qgis_iface, canvas, keycloak, account, s3, tmp_path):
    with server(keycloak, s3) as sh:
        dock, engine = batch_dock(qgis_iface, sh, tmp_path)
        try:
            engine.folder_edit.setText("bucket-without-scheme")
            dock.form.runButton.click()
            assert "s3://bucket/folder" in messages(dock)
            assert not sh.requests
        finally:
            dock.shutdown()


def test_the_process_engine_proposes_batch_for_a_large_area(qgis_iface, canvas, account, tmp_path):
    from qgis.core import QgsRectangle

    with BatchProcessServer() as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        try:
            choose(dock, "sentinel-2-l2a", "ndvi")
            canvas.setExtent(QgsRectangle(14.0, 45.8, 14.4, 46.0))  # ~31 x 22 km at 10 m
            text = dock.update_estimate()
            # the map's extent follows the canvas's shape: the tile count is the planner's
            assert re.search(r"Large: \d+ tiles of up to \d+ px, put together here\.", text)
            assert "The Async API makes it in one request" in text
            canvas.setExtent(QgsRectangle(13.0, 45.0, 15.0, 47.0))
            text = dock.update_estimate()
            assert "Large area (Batch Processing API)" in text
        finally:
            dock.shutdown()


def test_api_refuses_unknown_grids_and_resolutions():
    from eo_explorer.plugin.api.batch_process import BatchRequest, check_grid, split_s3_url

    with pytest.raises(ValueError, match="does not exist"):
        check_grid(5, 10)
    with pytest.raises(ValueError, match="offers the resolutions 10, 20, 30, 60"):
        check_grid(0, 15)
    assert split_s3_url("s3://my-bucket/a/b/") == ("my-bucket", "a/b")
    request = BatchRequest.from_json(
        json.loads(
            '{"id": "r1", "status": "PARTIAL", "error": "1 tile(s) failed.",'
            '"output": {"defaultTilePath": "s3://bkt1/x/<requestId>/<tileName>/'
            '<outputId>.tiff"}}'
        )  # fmt: skip
    )
    assert request.folder() == ("bkt1", "x/r1")
    assert "some tiles failed" in request.sentence() and "1 tile(s) failed." in request.sentence()


def test_each_engine_says_its_own_estimate(qgis_iface, canvas, account, tmp_path):
    """Past 400 requests of 2500 px the Process plan is not ready; Large area is (Sentinel
    Hub cuts the area on its grid) and says its grid, tiles and about how many; the Async
    engine says its one request, not the Process plan's requests."""
    import math
    import re

    from qgis.core import QgsRectangle

    with BatchProcessServer() as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        try:
            choose(dock, "sentinel-2-l2a", "ndvi")
            dock.form.resolutionRadio.setChecked(True)
            dock.form.resolutionSpin.setValue(10)
            canvas.setExtent(QgsRectangle(5.0, 40.0, 15.0, 50.0))  # ~790 x 1110 km at 10 m
            text = dock.update_estimate()
            assert text.startswith("Not ready") and "coarser resolution" in text

            dock.use_engine("batch")
            dock.current_engine().choose(0, 60.0, FOLDER)
            text = dock.update_estimate()
            assert dock.form.estimateLabel.text() == text
            assert "Not ready" not in text and "request(s)" not in text
            assert "Batch: UTM 20km grid at 60 m (334 x 334 px tiles)" in text
            about = int(re.search(r"about (\d+) tile\(s\)", text).group(1))
            x0, y0, x1, y1 = dock.area().bbox  # in metres of its UTM zone
            assert about == math.ceil((x1 - x0) / 20040) * math.ceil((y1 - y0) / 20040) > 400

            dock.use_engine("async")
            text = dock.update_estimate()
            assert "Not ready" not in text and "request(s)" not in text
            assert "the Async Process API makes at most 10000 x 10000 px" in text

            canvas.setExtent(QgsRectangle(14.0, 45.8, 14.4, 46.0))  # ~31 x 22 km
            text = dock.update_estimate()
            assert "Async API: one request of" in text and "request(s)" not in text
            assert "px of 10 m in EPSG:" in text
        finally:
            dock.shutdown()
