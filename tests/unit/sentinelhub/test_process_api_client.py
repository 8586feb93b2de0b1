"""The Process API client: tiling math, processing-unit estimates, error mapping, and the
client and tile runner against the real local ProcessApiServer (429 with Retry-After in
milliseconds, retries, a final error stopping the job, cancel, coverage exactly once)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal

from eo_explorer.plugin.api.errors import Cancelled, HttpError, InvalidResponse
from eo_explorer.plugin.api.http import HttpClient
from eo_explorer.plugin.api.process import Area, OutputSize
from eo_explorer.plugin.api.process_client import (
    ProcessClient,
    ProcessError,
    process_error,
    run_job,
)
from eo_explorer.plugin.api.tiling import (
    MAX_PIXELS,
    degrees_for_metres,
    grid_from_resolution,
    grid_from_size,
    split,
    utm_epsg,
)
from tests.servers.common import faults
from tests.servers.sentinelhub.process_server import ProcessApiServer, pattern, pixel_centres
from tests.servers.sentinelhub.render import processing_units
from tests.servers.sentinelhub.request import validate
from tests.unit.sentinelhub.process_cases import UTM33, job_for, options

RECORDED = Path(__file__).resolve().parents[2] / "fixtures" / "sentinelhub" / "process-api-errors"


# -- tiling math ----------------------------------------------------------------------------


def coverage_of(tiles, grid) -> np.ndarray:
    counts = np.zeros((grid.height, grid.width), dtype=int)
    for t in tiles:
        counts[t.row_off : t.row_off + t.height, t.col_off : t.col_off + t.width] += 1
    return counts


@pytest.mark.parametrize(
    ("width", "height", "max_px", "expected"),
    [
        (1, 1, 2500, 1),
        (2500, 2500, 2500, 1),
        (2501, 10, 2500, 2),
        (7001, 5003, 2500, 9),
        (10, 10, 3, 16),
    ],
)
def test_split_covers_every_pixel_exactly_once(width, height, max_px, expected):
    grid = grid_from_size((0.0, 0.0, width * 0.3, height * 0.7), width, height, 32633)
    tiles = split(grid, max_px)
    assert len(tiles) == expected
    assert (coverage_of(tiles, grid) == 1).all()
    assert all(1 <= t.width <= max_px and 1 <= t.height <= max_px for t in tiles)
    assert max(t.width for t in tiles) - min(t.width for t in tiles) <= 1  # near-equal
    by_pos = {(t.row, t.col): t for t in tiles}
    for (r, c), t in by_pos.items():  # neighbours share their edge coordinate exactly
        if (r, c + 1) in by_pos:
            assert t.bbox[2] == by_pos[(r, c + 1)].bbox[0]
        if (r + 1, c) in by_pos:
            assert t.bbox[1] == by_pos[(r + 1, c)].bbox[3]
    assert tiles[0].bbox[0] == grid.bbox[0] and tiles[-1].bbox[2] == grid.bbox[2]


def test_grid_from_resolution_snaps_to_the_pixel_size():
    grid = grid_from_resolution((500_003.0, 5_100_007.0, 530_011.0, 5_112_003.0), 10, 10, 32633)
    assert (grid.x0, grid.y1, grid.width, grid.height) == (500_000.0, 5_112_010.0, 3002, 1201)
    assert grid.bbox[2] >= 530_011 and grid.bbox[1] <= 5_100_007
    assert grid_from_resolution((0, 0, 100, 100), 10, 10, 32633).width == 10
    with pytest.raises(ValueError, match="empty"):
        grid_from_resolution((0, 0, 0, 100), 10, 10, 32633)
    with pytest.raises(ValueError, match="coarser resolution"):
        split(grid_from_size((0, 0, 1, 1), 60_000, 50_000, 32633))
    assert MAX_PIXELS == 2500


def test_utm_zones_and_degrees():
    assert utm_epsg(14.5, 46.05) == 32633
    assert utm_epsg(-70.6, -33.4) == 32719
    assert utm_epsg(180.0, 10) == 32601 and utm_epsg(179.99, 10) == 32660
    dx, dy = degrees_for_metres(111_320.0, 0.0)
    assert dx == pytest.approx(1.0) and dy == pytest.approx(111_320 / 110_574)


@pytest.mark.parametrize(
    ("collection", "preset", "extra"),
    [
        ("sentinel-2-l2a", "true_color", {}),
        ("sentinel-2-l2a", "ndvi", {}),
        ("sentinel-1-grd", "s1_vv", {"orthorectify": True, "speckle_window": 3}),
        ("sentinel-1-grd", "s1_vv_vh", {"orthorectify": True, "back_coeff": "GAMMA0_TERRAIN"}),
        ("dem", "dem", {}),
    ],
)
def test_estimated_units_match_the_service_definition(collection, preset, extra):
    job = job_for(options(collection, preset, **extra), max_px=700)
    expected = sum(processing_units(validate(body, "image/tiff")) for _, body in job.requests())
    assert job.estimate_units() == pytest.approx(expected)


# -- errors ---------------------------------------------------------------------------------


def http_error(status, body, headers=None) -> HttpError:
    raw = json.dumps(body) if not isinstance(body, str) else body
    return HttpError(
        f"HTTP {status}",
        status,
        server_message=(body.get("error", {}).get("message", "") if isinstance(body, dict) else ""),
        details=f"https://sh.dataspace.copernicus.eu/api/v1/process -> HTTP {status}; body: {raw}",
        headers=headers or {},
    )


def test_recorded_errors_become_sentences_with_hints():
    body = json.loads((RECORDED / "process_400_RENDERER_S1_MISSING_POLARIZATION.json").read_text())
    error = process_error(http_error(400, body))
    assert error.code == "RENDERER_S1_MISSING_POLARIZATION" and not error.transient
    text = str(error)
    assert text.startswith("sh.dataspace.copernicus.eu refused the request (HTTP 400 RENDERER_S1_")
    assert "Requested band 'VH' is not present in Sentinel 1 tile" in text
    assert "DV has VV and VH" in error.hint
    empty = json.loads((RECORDED / "process_400_COMMON_BAD_PAYLOAD_empty_body.json").read_text())
    assert "Request body should be non-empty." in str(process_error(http_error(400, empty)))
    crash = json.loads(
        (RECORDED / "process_500_RENDERER_EXCEPTION_newLimit_capacity.json").read_text()
    )
    failed = process_error(http_error(500, crash))
    assert failed.transient and "temporary problem" in failed.hint


def test_rate_limit_quota_and_account_errors():
    limited = {
        "error": {
            "status": 429,
            "message": "You have exceeded your rate limit",
            "code": "RATE_LIMIT_EXCEEDED",
        }
    }
    error = process_error(http_error(429, limited, {"Retry-After": "1500"}))
    assert error.retry_after == 1.5 and error.transient  # milliseconds
    quota = dict(limited)
    quota["error"] = dict(
        limited["error"], errors={"processingUnitsRequired": 2.0, "processingUnitsLeft": 0.5}
    )
    out = process_error(http_error(429, quota, {"Retry-After": "3600000"}))
    assert out.out_of_units and not out.transient
    assert "needed 2.0, left 0.5" in str(out) and "no processing units left" in out.hint
    long_wait = process_error(http_error(429, limited, {"Retry-After": "3600000"}))
    assert long_wait.out_of_units
    refused = {
        "error": {
            "status": 401,
            "message": "You are not authorized!",
            "code": "COMMON_UNAUTHORIZED",
        }
    }
    assert "Accounts" in process_error(http_error(401, refused)).hint
    empty = {
        "error": {
            "status": 400,
            "message": "The requested area must not be empty.\n",
            "code": "COMMON_BAD_PAYLOAD",
        }
    }
    assert "larger polygon" in process_error(http_error(400, empty)).hint
    coarse = {
        "error": {
            "status": 400,
            "message": "Your request of 2000.00 meters per pixel exceeds the limit",
            "code": "COMMON_EXCEPTION",
        }
    }
    assert "finer resolution" in process_error(http_error(400, coarse)).hint
    assert process_error(http_error(502, "<html>bad gateway</html>")).transient


# -- against the local server ---------------------------------------------------------------


def fetch_job(max_px=200, **opts):
    area = Area((500_000.0, 5_100_000.0, 500_600.0, 5_100_400.0), 32633)
    return job_for(options(**opts), area, OutputSize(resolution=1.0), max_px=max_px)


def test_tiles_fetched_in_parallel_cover_the_grid_once(tmp_path):
    job = fetch_job()
    with ProcessApiServer(delay=0.05) as sh:
        client = ProcessClient(HttpClient(), sh.process_url)
        seen = []
        outcome = run_job(
            job, client, tmp_path, workers=3, progress=lambda d, t, _: seen.append((d, t))
        )
        assert sh.max_in_flight <= 3 and sh.max_in_flight >= 2
        grid = job.grid
        assert (sh.coverage(grid.bbox, grid.width, grid.height, UTM33) == 1).all()
    assert len(outcome.done) == len(job.tiles) == 6 and not outcome.failed
    assert sorted(seen) == [(i, 6) for i in range(1, 7)]
    assert outcome.units == pytest.approx(job.estimate_units())
    tile, path = outcome.done[4]
    dataset = gdal.Open(str(path))
    assert dataset.GetGeoTransform()[0] == tile.bbox[0]
    xs, ys = pixel_centres(tile.bbox, tile.width, tile.height)
    assert np.array_equal(
        dataset.GetRasterBand(1).ReadAsArray(), pattern(xs, ys, 0, "UINT8", False)
    )


def test_429_waits_retry_after_milliseconds_for_every_worker(tmp_path):
    job = fetch_job()
    with ProcessApiServer(rate_limit=2, rate_window=0.4) as sh:
        client = ProcessClient(HttpClient(), sh.process_url)
        started = time.monotonic()
        outcome = run_job(job, client, tmp_path, workers=4)
        elapsed = time.monotonic() - started
        limited = [r for r in sh.requests if r["status"] == 429]
    assert len(outcome.done) == 6 and not outcome.failed
    assert limited and all(0 < int(r["response_headers"]["Retry-After"]) <= 400 for r in limited)
    assert client.throttle.waits >= 1
    assert 0.7 < elapsed < 10  # waited about 0.4 s per window, not Retry-After seconds


def test_server_errors_are_retried_then_reported(tmp_path):
    body = faults.sentinelhub_error_body(500, "Internal error", "RENDERER_EXCEPTION")
    with ProcessApiServer() as sh:
        client = ProcessClient(HttpClient(), sh.process_url, backoff=0.01)
        sh.set_fault(faults.respond(500, body, times=2))
        answer = client.fetch(fetch_job(max_px=1000).requests()[0][1])
        assert answer.content[:4] == b"II*\x00" and len(sh.requests) == 3
        sh.set_fault(faults.respond(503, body))
        with pytest.raises(ProcessError) as caught:
            client.fetch(fetch_job(max_px=1000).requests()[0][1])
        assert caught.value.transient and len(sh.requests) == 6
        sh.set_fault(faults.respond(200, {"not": "a tiff"}))
        with pytest.raises(InvalidResponse, match="GeoTIFF"):
            client.fetch(fetch_job(max_px=1000).requests()[0][1])


def test_a_final_error_stops_the_other_tiles(tmp_path):
    job = fetch_job(collection="sentinel-1-grd", preset="s1_vv_vh")
    with ProcessApiServer(s1_polarization="SV") as sh:
        client = ProcessClient(HttpClient(), sh.process_url)
        outcome = run_job(job, client, tmp_path, workers=1)
        assert len(sh.requests) == 1  # 400 is not retried; the other tiles are not sent
    assert outcome.fatal.code == "RENDERER_S1_MISSING_POLARIZATION"
    assert not outcome.done


def test_cancel_stops_within_a_second(tmp_path):
    job = fetch_job()
    cancel = threading.Event()
    with ProcessApiServer(delay=3.0) as sh:
        client = ProcessClient(HttpClient(), sh.process_url)
        threading.Timer(0.3, cancel.set).start()
        started = time.monotonic()
        outcome = run_job(job, client, tmp_path, workers=2, is_cancelled=cancel.is_set)
        assert time.monotonic() - started < 1.5
        assert outcome.cancelled and not outcome.done
        with pytest.raises(Cancelled):
            client.fetch(job.requests()[0][1], is_cancelled=lambda: True)
        assert len(sh.requests) == 2
