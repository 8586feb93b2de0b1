"""Process API requests built from the form's options: evalscript presets (read like the
local server reads them), request bodies for every option (each accepted by the server's
own validation, which follows seed 001), option checks, drawn polygons clipped per tile,
output names and endpoints."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

import numpy as np
import pytest

from eo_explorer.plugin.api.evalscripts import (
    EvalscriptProblem,
    check_evalscript,
    default_preset,
    guess_style,
)
from eo_explorer.plugin.api.process import (
    COLLECTIONS,
    CRS84,
    ENDPOINTS,
    Area,
    OutputSize,
    ProcessOptions,
    collection_spec,
    day_range,
    options_problem,
    output_stem,
)
from tests.servers.sentinelhub.evalscript import parse_evalscript
from tests.servers.sentinelhub.request import validate
from tests.unit.sentinelhub.process_cases import JUNE, PRESETS, UTM33, job_for, options

# -- evalscripts ----------------------------------------------------------------------------

EXPECTED_PRESETS = {
    "true_color": (3, "UINT8", "rgb"),
    "false_color": (3, "UINT8", "rgb"),
    "ndvi": (1, "FLOAT32", "ndvi"),
    "ndwi": (1, "FLOAT32", "ndwi"),
    "ndvi_statistics": (1, "FLOAT32", "ndvi"),
    "ndwi_statistics": (1, "FLOAT32", "ndwi"),
    "swir": (3, "UINT8", "rgb"),
    "s1_vv_vh": (2, "FLOAT32", "backscatter"),
    "s1_vv": (1, "FLOAT32", "backscatter"),
    "dem": (1, "FLOAT32", "dem"),
    "olci_true_color": (3, "UINT8", "rgb"),
    "slstr_thermal": (1, "FLOAT32", "grey"),
    "landsat_true_color": (3, "UINT8", "rgb"),
}


@pytest.mark.parametrize("preset_id", sorted(EXPECTED_PRESETS))
def test_every_preset_declares_what_the_server_reads(preset_id):
    preset = PRESETS[preset_id]
    info = preset.info()
    bands, sample_type, style = EXPECTED_PRESETS[preset_id]
    assert (info.bands, info.sample_type, preset.style) == (bands, sample_type, style)
    server = parse_evalscript(preset.text())  # the server's own reading of setup()
    assert list(info.inputs) == server.inputs
    assert (server.outputs[0].bands, server.outputs[0].sample_type) == (bands, sample_type)
    assert all(c in COLLECTIONS for c in preset.collections)
    if sample_type == "FLOAT32":
        assert info.nodata is not None and np.isnan(info.nodata)


def test_presets_cover_the_collections():
    assert set(PRESETS) == set(EXPECTED_PRESETS)
    for collection in COLLECTIONS:
        assert default_preset(collection) is not None, collection
    assert default_preset("sentinel-1-grd").id == "s1_vv_vh"


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ("", "empty"),
        ("//VERSION=3\nfunction evaluatePixel(s) { return [1]; }", "no setup() function"),
        ("//VERSION=3\nfunction setup() { return {}; }", "no evaluatePixel() function"),
        (
            "//VERSION=3\nfunction setup() { return {}; }\n// function evaluatePixel(s) {}",
            "no evaluatePixel() function",
        ),
        (
            "function setup() { return {}; }\nfunction evaluatePixel(s) { return [1]; }",
            "//VERSION=3",
        ),
        (
            "//VERSION=3\nfunction setup() { return {input: ['B02'], output: {bands: 1, "
            "sampleType: 'UINT12'}}; }\nfunction evaluatePixel(s) { return [1]; }",
            "Unknown sampleType",
        ),
    ],
)
def test_scripts_that_cannot_be_sent(script, message):
    with pytest.raises(EvalscriptProblem, match=re.escape(message)):
        check_evalscript(script)


def test_setup_read_tolerantly():
    info = check_evalscript(
        "//VERSION=3\n"
        "const setup = () => {\n"
        "  return {\n"
        "    input: [{bands: ['B04', 'B08'], units: 'REFLECTANCE'}, 'dataMask'], // comment\n"
        "    output: [\n"
        "      {id: 'mask', bands: 1, sampleType: SampleType.UINT8},\n"
        "      {id: 'default', bands: 2, sampleType: SampleType.UINT16, nodataValue: 0,},\n"
        "    ],\n"
        "    mosaicking: Mosaicking.ORBIT\n"
        "  };\n"
        "};\n"
        "var evaluatePixel = function (s) { return {default: [s.B04, s.B08], mask: [1]}; };\n"
    )
    assert info.inputs == ("B04", "B08", "dataMask") and info.input_band_count == 2
    assert (info.bands, info.sample_type, info.nodata, info.output_id) == (
        2,
        "UINT16",
        0.0,
        "default",
    )
    assert info.mosaicking == "ORBIT"
    computed = check_evalscript(
        "//VERSION=3\nfunction setup() { return makeSetup(); }\n"
        "function evaluatePixel(s) { return [s.B04]; }\n"
    )
    assert not computed.known and computed.sample_type == "AUTO"
    assert "unknown" in computed.describe()
    assert guess_style(computed) == "grey" and guess_style(PRESETS["swir"].info()) == "rgb"


# -- request bodies -------------------------------------------------------------------------


def _validated(job):
    """Every request of the job passes the server's validation (seed 001 shape)."""
    for _tile, body in job.requests():
        validate(json.loads(json.dumps(body)), "image/tiff")
    return job.requests()[0][1]


def test_sentinel2_body_has_the_seed_shape():
    job = job_for(
        options(mosaicking_order="leastCC", max_cloud_coverage=20, downsampling="BICUBIC")
    )
    body = _validated(job)
    assert body == {
        "input": {
            "bounds": {
                "bbox": [500_000.0, 5_100_000.0, 503_020.0, 5_101_210.0],
                "properties": {"crs": UTM33},
            },
            "data": [
                {
                    "type": "sentinel-2-l2a",
                    "dataFilter": {
                        "timeRange": {"from": "2024-06-01T00:00:00Z", "to": "2024-06-30T23:59:59Z"},
                        "mosaickingOrder": "leastCC",
                        "maxCloudCoverage": 20.0,
                    },
                    "processing": {"downsampling": "BICUBIC"},
                }
            ],
        },
        "output": {
            "width": 302,  # 3020 m of 10 m pixels: the size in pixels, never resx/resy
            "height": 121,
            "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
        },
        "evalscript": PRESETS["true_color"].text(),
    }


def test_sentinel1_options():
    opts = options(
        "sentinel-1-grd",
        "s1_vv_vh",
        orthorectify=True,
        back_coeff="GAMMA0_TERRAIN",
        speckle_window=5,
        polarization="DV",
        acquisition_mode="IW",
        dem_instance="COPERNICUS_30",
        upsampling="BILINEAR",
        max_cloud_coverage=10,  # no such filter for Sentinel-1: left out
    )
    entry = _validated(job_for(opts))["input"]["data"][0]
    assert entry["dataFilter"] == {
        "timeRange": {"from": "2024-06-01T00:00:00Z", "to": "2024-06-30T23:59:59Z"},
        "acquisitionMode": "IW",
        "polarization": "DV",
    }
    assert entry["processing"] == {
        "orthorectify": True,
        "demInstance": "COPERNICUS_30",
        "backCoeff": "GAMMA0_TERRAIN",
        "speckleFilter": {"type": "LEE", "windowSizeX": 5, "windowSizeY": 5},
        "upsampling": "BILINEAR",
    }
    assert opts.units_multiplier() == 5.0


def test_dem_sentinel3_landsat_and_byoc_bodies():
    dem = _validated(job_for(options("dem", "dem", dem_instance="COPERNICUS_90")))
    assert dem["input"]["data"] == [{"type": "dem", "dataFilter": {"demInstance": "COPERNICUS_90"}}]
    olci = _validated(job_for(options("sentinel-3-olci", "olci_true_color", max_cloud_coverage=5)))
    assert "maxCloudCoverage" not in olci["input"]["data"][0]["dataFilter"]
    slstr = _validated(job_for(options("sentinel-3-slstr", "slstr_thermal", max_cloud_coverage=5)))
    assert slstr["input"]["data"][0]["dataFilter"]["maxCloudCoverage"] == 5
    landsat = _validated(
        job_for(options("landsat-ot-l2", "landsat_true_color", mosaicking_order="leastCC"))
    )
    assert landsat["input"]["data"][0]["dataFilter"]["mosaickingOrder"] == "leastCC"
    byoc_id = "byoc-017aa0ae-33a6-45d3-8548-0f7d1041b40c"
    byoc = ProcessOptions(
        collection=byoc_id,
        start=JUNE[0],
        end=JUNE[1],
        evalscript="//VERSION=3\nfunction setup(){return {input:['B1'],output:{bands:1}};}\n"
        "function evaluatePixel(s){return [s.B1];}",
    )
    assert _validated(job_for(byoc))["input"]["data"][0]["type"] == byoc_id


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            dict(collection="sentinel-1-grd", back_coeff="GAMMA0_TERRAIN"),
            "needs orthorectification",
        ),
        (dict(collection="sentinel-1-grd", mosaicking_order="leastCC"), "not offered"),
        (dict(collection="byoc-1234"), "Unknown data collection"),
        (dict(max_cloud_coverage=120), "less than or equal to 100"),
        (dict(start=JUNE[1], end=JUNE[0]), "after its end"),
        (dict(start=datetime(2024, 6, 1)), "time zone"),
        (dict(speckle_window=9), "less than or equal to 7"),
        (dict(collection="dem", dem_instance="COPERNICUS"), "COPERNICUS_30"),
    ],
)
def test_options_rejected_with_a_sentence(changes, message):
    values = dict(collection="sentinel-2-l2a", start=JUNE[0], end=JUNE[1], evalscript="x")
    values.update(changes)
    with pytest.raises(Exception) as caught:
        ProcessOptions(**values)
    assert message in options_problem(caught.value)


def test_width_height_polygon_and_lonlat():
    square = [[14.50, 46.05], [14.52, 46.05], [14.52, 46.06], [14.50, 46.06], [14.50, 46.05]]
    area = Area((14.50, 46.05, 14.52, 46.06), 4326, {"type": "Polygon", "coordinates": [square]})
    job = job_for(options(), area, OutputSize(width=300, height=150))
    body = _validated(job)
    assert body["output"]["width"] == 300 and body["output"]["height"] == 150
    assert body["input"]["bounds"]["properties"]["crs"] == CRS84
    assert body["input"]["bounds"]["geometry"]["type"] == "Polygon"
    metres = job_for(options(), area, OutputSize(resolution=10.0, geographic=True))
    assert metres.grid.px == pytest.approx(10 / (111_320 * np.cos(np.radians(46.055))))
    assert metres.grid.py == pytest.approx(10 / 110_574)
    assert "°" in metres.pixel_size_text()


def test_a_drawn_polygon_is_clipped_per_tile_and_empty_tiles_are_skipped():
    # An L over four tiles: the top-right tile holds none of it.
    ring = [[0, 0], [400, 0], [400, 100], [100, 100], [100, 400], [0, 400], [0, 0]]
    area = Area((0.0, 0.0, 400.0, 400.0), 32633, {"type": "Polygon", "coordinates": [ring]})
    job = job_for(options(), area, OutputSize(resolution=1.0), max_px=200)
    assert len(job.tiles) == 4
    sent = job.requests()
    assert len(sent) == 3 and job.tiles[1] not in [t for t, _ in sent]
    for tile, body in sent:
        x0, y0, x1, y1 = tile.bbox
        for x, y in body["input"]["bounds"]["geometry"]["coordinates"][0]:
            assert x0 <= x <= x1 and y0 <= y <= y1
    with pytest.raises(ValueError, match="covers no pixel"):
        job_for(
            options(),
            Area(
                (0, 0, 10, 10),
                32633,
                {"type": "Polygon", "coordinates": [[[0, 0], [0, 0], [0, 0], [0, 0]]]},
            ),
        )


def test_output_names_and_endpoints():
    assert (
        output_stem("sentinel-2-l2a", "ndvi", *JUNE) == "sentinel-2-l2a_ndvi_2024-06-01_2024-06-30"
    )
    day = day_range(date(2024, 6, 3), date(2024, 6, 3))
    assert output_stem("byoc-x", "my script", *day) == "byoc-x_my-script_2024-06-03"
    assert [e.process_url for e in ENDPOINTS] == [
        "https://services.sentinel-hub.com/api/v1/process",
        "https://services-uswest2.sentinel-hub.com/api/v1/process",
        "https://sh.dataspace.copernicus.eu/api/v1/process",
    ]
    assert [e.account for e in ENDPOINTS] == ["sentinelhub", "sentinelhub", "sentinelhub-cdse"]
    assert collection_spec("sentinel-2-l1c").cloud and not collection_spec("dem").orders
