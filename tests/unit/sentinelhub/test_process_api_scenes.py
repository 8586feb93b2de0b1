"""The sandbox Process API runs the evalscript on the sandbox's own scenes: its image equals
the evalscript applied to the scenes' bands, computed here with numpy."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import requests
from osgeo import gdal

from tests.servers.sandbox.assets import sandbox_items
from tests.servers.sentinelhub.process_server import ProcessApiServer
from tests.servers.sentinelhub.request import validate
from tests.servers.sentinelhub.scenes import (
    SandboxScenes,
    evaluation_step,
    javascript_available,
    run_evalscript,
)

pytestmark = pytest.mark.skipif(not javascript_available(), reason="mini-racer not installed")

SCRIPTS = Path(__file__).resolve().parents[3] / "resources" / "evalscripts"
JUNE = {"from": "2024-06-01T00:00:00Z", "to": "2024-06-30T23:59:59Z"}
AREA = [11.0, 46.8, 13.0, 48.0]  # lon/lat: Sentinel-2 tiles acquired in June 2024


@pytest.fixture(scope="module")
def scenes():
    return SandboxScenes(sandbox_items())


def _body(
    script: str,
    width: int,
    height: int,
    time_range=JUNE,
    bbox=AREA,
    crs=None,
    collection="sentinel-2-l2a",
) -> dict:
    bounds: dict = {"bbox": bbox}
    if crs:
        bounds["properties"] = {"crs": crs}
    return {
        "input": {
            "bounds": bounds,
            "data": [{"type": collection, "dataFilter": {"timeRange": time_range}}],
        },
        "output": {
            "width": width,
            "height": height,
            "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
        },
        "evalscript": script,
    }


def _post(server, body) -> np.ndarray:
    answer = requests.post(server.process_url, json=body, timeout=120)
    assert answer.status_code == 200, answer.text
    path = "/vsimem/scene_test.tif"
    gdal.FileFromMemBuffer(path, answer.content)
    try:
        data = gdal.Open(path)
        return np.stack([data.GetRasterBand(i + 1).ReadAsArray() for i in range(data.RasterCount)])
    finally:
        gdal.Unlink(path)


def test_ndvi_image_equals_the_ndvi_of_the_scene_bands(scenes):
    script = (SCRIPTS / "ndvi.js").read_text()
    body = _body(script, 400, 240)
    with ProcessApiServer(scenes=scenes) as server:
        image = _post(server, body)[0]
    req = validate(body, "image/tiff")
    bands = scenes.bands(req, req.data[0], ["B04", "B08", "dataMask"])
    red, nir, mask = bands["B04"], bands["B08"], bands["dataMask"]
    total = nir + red
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = np.where((mask == 0) | (total == 0), np.nan, (nir - red) / total)
    np.testing.assert_allclose(image, expected.astype(np.float32), rtol=1e-6, equal_nan=True)
    data = image[~np.isnan(image)]
    assert 0.3 < np.isnan(image).mean() < 0.9  # part of the area has a June scene
    assert data.min() < 0 < 0.5 < data.max()  # water and clouds below 0, forest high


def test_true_colour_is_uint8_of_the_reflectances_times_the_gain(scenes):
    script = (SCRIPTS / "true_color.js").read_text()
    body = _body(script, 300, 200)
    with ProcessApiServer(scenes=scenes) as server:
        image = _post(server, body)
    req = validate(body, "image/tiff")
    bands = scenes.bands(req, req.data[0], ["B02", "B03", "B04", "dataMask"])
    gain = 2.5 * 255
    for got, name in zip(image, ("B04", "B03", "B02")):
        expected = np.clip(np.round(bands[name] * gain), 0, 255)
        expected[bands["dataMask"] == 0] = 0
        np.testing.assert_array_equal(got, expected.astype(np.uint8))


def test_sentinel1_vv_preset_is_the_scene_backscatter_in_decibels(scenes):
    script = (SCRIPTS / "s1_vv.js").read_text()
    body = _body(script, 400, 300, bbox=[6.0, 46.0, 10.0, 49.0], collection="sentinel-1-grd")
    with ProcessApiServer(scenes=scenes) as server:
        image = _post(server, body)[0]
    req = validate(body, "image/tiff")
    bands = scenes.bands(req, req.data[0], ["VV", "dataMask"])
    with np.errstate(divide="ignore"):
        expected = np.where(bands["dataMask"] == 0, np.nan, 10 * np.log10(bands["VV"]))
    np.testing.assert_allclose(image, expected.astype(np.float32), rtol=1e-5, equal_nan=True)
    assert (~np.isnan(image)).mean() > 0.3


def test_no_scene_in_the_time_range_is_no_data(scenes):
    script = (SCRIPTS / "ndvi.js").read_text()
    body = _body(script, 300, 200, {"from": "2023-01-01T00:00:00Z", "to": "2023-01-31T00:00:00Z"})
    with ProcessApiServer(scenes=scenes) as server:
        assert np.isnan(_post(server, body)).all()


def test_large_images_run_the_evalscript_on_a_coarser_grid(scenes):
    script = (SCRIPTS / "ndvi.js").read_text()
    # 40 x 40 km in UTM 32N, 1200 x 1200 px: evaluated every 3rd pixel
    bbox = [680000.0, 5200000.0, 720000.0, 5240000.0]
    body = _body(script, 1200, 1200, bbox=bbox, crs="http://www.opengis.net/def/crs/EPSG/0/32632")
    assert evaluation_step(1200, 1200) == 3
    with ProcessApiServer(scenes=scenes) as server:
        image = _post(server, body)[0]
    req = validate(body, "image/tiff")
    bands = scenes.bands(req, req.data[0], ["B04", "B08", "dataMask"])
    centres = np.arange(1, 1200, 3)  # the centre pixel of each 3 x 3 block
    pick = np.ix_(centres, centres)
    red, nir, mask = bands["B04"][pick], bands["B08"][pick], bands["dataMask"][pick]
    with np.errstate(invalid="ignore", divide="ignore"):
        coarse = np.where(mask == 0, np.nan, (nir - red) / (nir + red)).astype(np.float32)
    expected = np.repeat(np.repeat(coarse, 3, axis=0), 3, axis=1)
    np.testing.assert_allclose(image, expected, rtol=1e-6, equal_nan=True)
    assert (~np.isnan(image)).any()


def test_several_outputs_and_javascript_values():
    script = """//VERSION=3
function setup() { return { input: ["B04"], output: [{id: "a", bands: 2}, {id: "b", bands: 1}] }; }
function evaluatePixel(s) { return { a: [s.B04 * 2, Infinity], b: [s.B04 > 1] }; }"""
    samples = {"B04": np.array([[0.5, 2.0]])}
    outputs = validate(
        {
            "input": {
                "bounds": {"bbox": [0, 0, 0.001, 0.001]},
                "data": [{"type": "sentinel-2-l2a"}],
            },
            "output": {"width": 2, "height": 1, "responses": [{"identifier": "a"}]},
            "evalscript": script,
        },
        "image/png",
    ).evalscript.outputs
    found = run_evalscript(script, samples, outputs)
    np.testing.assert_array_equal(found["a"], [[[1.0, 4.0]], [[np.inf, np.inf]]])
    np.testing.assert_array_equal(found["b"], [[[0.0, 1.0]]])
