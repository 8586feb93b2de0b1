"""Self-checks of the local Sentinel Hub Process API server (not of the plugin): validation
errors as the service words them (recorded bodies where there are recordings), real GeoTIFFs
georeferenced to the request, the coordinate pattern that makes seams visible, geometry
clipping, no-data answers, 401, 429 rate limiting and processing-unit accounting."""

from __future__ import annotations

import copy
import io
import json
import re
import tarfile
import threading
import time
import uuid
from pathlib import Path

import numpy as np
import pytest
import requests
from osgeo import gdal
from shapely.geometry import Point, shape

from tests.servers.common import faults
from tests.servers.sentinelhub.process_server import ProcessApiServer, Tile, pattern, pixel_centres

TIMEOUT = 30
RECORDED = Path(__file__).resolve().parents[2] / "fixtures" / "sentinelhub" / "process-api-errors"
WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
UTM33 = "http://www.opengis.net/def/crs/EPSG/0/32633"
UTM_BBOX = [500000.0, 5100000.0, 500640.0, 5100480.0]  # 64 x 48 px of 10 m
S1_TILE = r"S1[AB]_(IW|EW|SM|WV)_GRD[HM]_1S(SH|SV|DH|DV|HH|HV|VV|VH)_\d{8}T\d{6}_\d{8}T\d{6}_\d{6}_[0-9A-F]{6}_[0-9A-F]{4}"  # noqa: E501


def evalscript(bands=3, sample_type="UINT8", inputs=("B02", "B03", "B04"), extra=""):
    names = ", ".join(f'"{b}"' for b in inputs)
    return (
        "//VERSION=3\n"
        "function setup() {\n"
        f"  return {{ input: [{{ bands: [{names}] }}],\n"
        f'    output: {{ bands: {bands}, sampleType: "{sample_type}"{extra} }} }};\n'
        "}\n"
        "function evaluatePixel(sample) { return [sample.B04, sample.B03, sample.B02]; }\n"
    )


def make_body(
    bbox=(13.8, 45.8, 14.0, 45.9),
    crs=WGS84,
    size=(64, 32),
    fmt="image/tiff",
    data_type="sentinel-2-l2a",
    script=None,
    time_range=("2022-06-01T00:00:00Z", "2022-06-30T23:59:59Z"),
):
    body = {
        "input": {
            "bounds": {"bbox": list(bbox), "properties": {"crs": crs}},
            "data": [
                {
                    "type": data_type,
                    "dataFilter": {"timeRange": {"from": time_range[0], "to": time_range[1]}},
                }
            ],
        },
        "output": {"responses": [{"identifier": "default", "format": {"type": fmt}}]},
        "evalscript": script or evalscript(),
    }
    if size is not None:
        body["output"].update(width=size[0], height=size[1])
    return body


def utm_body(**kw):
    body = make_body(bbox=UTM_BBOX, crs=UTM33, size=None, **kw)
    body["output"].update(resx=10, resy=10)
    return body


def post(srv, body, **headers):
    return requests.post(srv.process_url, json=body, headers=headers, timeout=TIMEOUT)


def read_image(content: bytes) -> dict:
    path = f"/vsimem/test_{uuid.uuid4().hex}"
    gdal.FileFromMemBuffer(path, content)
    try:
        ds = gdal.Open(path)
        srs = ds.GetSpatialRef()
        info = {
            "driver": ds.GetDriver().ShortName,
            "size": (ds.RasterXSize, ds.RasterYSize),
            "count": ds.RasterCount,
            "dtype": gdal.GetDataTypeName(ds.GetRasterBand(1).DataType),
            "gt": ds.GetGeoTransform(),
            "epsg": int(srs.GetAuthorityCode(None)) if srs is not None else None,
            "nodata": ds.GetRasterBand(1).GetNoDataValue(),
            "pixeltype": ds.GetRasterBand(1).GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE"),
            "bands": [ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)],
        }
        ds = None
        return info
    finally:
        gdal.Unlink(path)


def error(response) -> dict:
    assert response.headers["Content-Type"] == "application/json"
    doc = response.json()
    assert set(doc) == {"error"}
    return doc["error"]


def recorded(name: str) -> dict:
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def srv():
    with ProcessApiServer() as server:
        yield server


# -- validation errors -----------------------------------------------------------------------
def test_empty_body_is_the_recorded_answer(srv):
    r = requests.post(srv.process_url, data=b"", timeout=TIMEOUT)
    assert r.status_code == 400
    assert r.json() == recorded("process_400_COMMON_BAD_PAYLOAD_empty_body.json")


def test_not_json(srv):
    r = requests.post(
        srv.process_url,
        data=b"{nope",
        headers={"Content-Type": "application/json"},
        timeout=TIMEOUT,
    )
    assert (r.status_code, error(r)["code"]) == (400, "COMMON_BAD_PAYLOAD")
    assert error(r)["message"].startswith("Request body is not valid JSON")
    r = requests.post(
        srv.process_url, data=b"x", headers={"Content-Type": "text/plain"}, timeout=TIMEOUT
    )
    assert (r.status_code, error(r)["code"]) == (415, "COMMON_UNSUPPORTED_MEDIA_TYPE")


def test_width_from_resx_too_large_is_the_recorded_answer(srv):
    # Recorded answer of sh.dataspace.copernicus.eu to a 26.24 km wide UTM bbox at 10 m.
    body = utm_body()
    body["input"]["bounds"]["bbox"] = [500000.0, 5100000.0, 526240.0, 5110000.0]
    r = post(srv, body)
    violation = "`width = 2624`, calculated from resx, is larger than allowed 2500."
    assert r.status_code == 400
    assert r.json() == {
        "error": {
            "status": 400,
            "reason": "Bad Request",
            "message": violation + "\n",
            "code": "COMMON_BAD_PAYLOAD",
            "errors": [{"parameter": "output->resx", "violation": violation}],
        }
    }


def test_sentinel2_too_coarse_is_worded_as_recorded(srv):
    r = post(srv, make_body(bbox=(0.0, 40.0, 20.0, 50.0), size=(100, 50)))
    assert (r.status_code, error(r)["code"]) == (400, "COMMON_EXCEPTION")
    assert re.fullmatch(
        r"Your request of \d+\.\d\d meters per pixel exceeds the limit 1500\.00 meters per "
        r"pixel of the collection S2L2A\. Please revise the resolution \(or corresponding "
        r"width/height\) to make sure it is in supported range\.",
        error(r)["message"],
    )


def _set(path, value):
    def change(body):
        node = body
        for key in path[:-1]:
            node = node[key]
        if value is DELETE:
            del node[path[-1]]
        else:
            node[path[-1]] = value
        return body

    return change


DELETE = object()
S1_SCRIPT = evalscript(2, "FLOAT32", ("VV", "VH"))
BAD = [
    ("no bounds", _set(("input", "bounds"), DELETE), "input->bounds", "must be specified"),
    ("bbox of 3", _set(("input", "bounds", "bbox"), [1, 2, 3]), "->bbox", "array of 4 numbers"),
    ("empty bbox", _set(("input", "bounds", "bbox"), [1, 2, 1, 3]), "input->bounds", "empty"),
    ("latitude 95", _set(("input", "bounds", "bbox"), [1, 80, 2, 95]), "bounds", "out of range"),
    (
        "unknown CRS",
        _set(("input", "bounds", "properties", "crs"), "EPSG:4326"),
        "properties->crs",
        "is not supported",
    ),
    ("no data", _set(("input", "data"), []), "input->data", "at least one"),
    ("unknown type", _set(("input", "data", 0, "type"), "sentinel-9"), "0->type", "Unknown"),
    (
        "date without time",
        _set(("input", "data", 0, "dataFilter", "timeRange", "from"), "2022-06-01"),
        "timeRange->from",
        "ISO-8601 date and time",
    ),
    (
        "from after to",
        _set(("input", "data", 0, "dataFilter", "timeRange", "from"), "2023-01-01T00:00:00Z"),
        "dataFilter->timeRange",
        "must not be after",
    ),
    (
        "cloud 150",
        _set(("input", "data", 0, "dataFilter", "maxCloudCoverage"), 150),
        "maxCloudCoverage",
        "between 0 and 100",
    ),
    (
        "mosaicking order",
        _set(("input", "data", 0, "dataFilter", "mosaickingOrder"), "newest"),
        "mosaickingOrder",
        "allowed values: mostRecent, leastRecent, leastCC",
    ),
    ("both pairs", _set(("output", "resx"), 10), "output", 'Only one pair of parameters "width"'),
    ("width 2501", _set(("output", "width"), 2501), "output->width", "`width = 2501` is larger"),
    ("height 0", _set(("output", "height"), 0), "output->height", "`height = 0` is smaller"),
    (
        "format",
        _set(("output", "responses", 0, "format", "type"), "image/webp"),
        "format->type",
        "Unsupported output format",
    ),
    (
        "identifier",
        _set(("output", "responses", 0, "identifier"), "rgb"),
        "0->identifier",
        "matches no output id",
    ),
    ("no evalscript", _set(("evalscript",), DELETE), "evalscript", "must be specified"),
]


@pytest.mark.parametrize("change, parameter, text", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_payload(srv, change, parameter, text):
    r = post(srv, change(make_body()))
    assert r.status_code == 400, r.text
    err = error(r)
    assert (err["status"], err["reason"], err["code"]) == (400, "Bad Request", "COMMON_BAD_PAYLOAD")
    assert text in err["message"] and err["message"].endswith("\n")
    assert len(err["errors"]) == 1 and err["errors"][0]["parameter"].endswith(parameter)
    assert err["errors"][0]["violation"] == err["message"].rstrip("\n")


BAD_SCRIPTS = [
    ("no version", evalscript().replace("//VERSION=3\n", ""), "must start with //VERSION=3"),
    ("no evaluatePixel", evalscript().split("function evaluatePixel")[0], "evaluatePixel()"),
    ("sample type", evalscript(sample_type="UINT32"), "Unknown sampleType 'UINT32'"),
    ("no bands", evalscript().replace("bands: 3,", ""), "'bands' must be a positive integer"),
    (
        "computed setup",
        "//VERSION=3\nvar s = {input: ['B04'], output: {bands: 1}};\n"
        "function setup() { return s; }\nfunction evaluatePixel(p) { return [p.B04]; }\n",
        "must return an object literal",
    ),
]


@pytest.mark.parametrize(
    "script, text", [b[1:] for b in BAD_SCRIPTS], ids=[b[0] for b in BAD_SCRIPTS]
)
def test_bad_evalscript(srv, script, text):
    r = post(srv, make_body(script=script))
    assert (r.status_code, error(r)["code"]) == (400, "RENDERER_EXCEPTION")
    assert text in error(r)["message"]


def test_other_400s(srv):
    r = post(srv, make_body(script=evalscript(inputs=("B02", "B13"))))
    assert error(r)["message"] == "Band 'B13' does not exist in data collection 'sentinel-2-l2a'."
    # "JPEG cannot be FLOAT32"; the Accept header wins over format.type.
    r = post(srv, make_body(script=evalscript(sample_type="FLOAT32")), Accept="image/jpeg")
    assert r.status_code == 400 and "not compatible with image/jpeg" in error(r)["message"]
    r = post(srv, make_body(fmt="image/png", script=evalscript(bands=5)))
    assert r.status_code == 400 and "has 5 bands" in error(r)["message"]
    two = make_body()
    two["output"]["responses"].append(
        {"identifier": "userdata", "format": {"type": "application/json"}}
    )
    r = post(srv, two)
    assert r.status_code == 400 and "application/tar" in error(r)["message"]
    s1 = make_body(data_type="sentinel-1-grd", script=S1_SCRIPT)
    s1["input"]["data"][0]["processing"] = {"backCoeff": "GAMMA0_TERRAIN"}
    r = post(srv, s1)
    assert r.status_code == 400 and "requires orthorectify: true" in error(r)["message"]


@pytest.mark.parametrize(
    "name, band, data_filter, day",
    [
        (
            "process_400_RENDERER_S1_MISSING_POLARIZATION.json",
            "VH",
            {"polarization": "DH"},
            "2018-11-25",
        ),
        ("process_400_RENDERER_S1_MISSING_POLARIZATION_HH.json", "HH", {}, "2017-03-01"),
    ],
)
def test_s1_missing_polarization_like_the_recordings(srv, name, band, data_filter, day):
    body = make_body(
        data_type="sentinel-1-grd",
        script=evalscript(1, "FLOAT32", (band,)),
        time_range=(f"{day}T00:00:00Z", f"{day}T23:59:59Z"),
    )
    body["input"]["data"][0]["dataFilter"].update(data_filter)
    r = post(srv, body)
    expected = recorded(name)["error"]
    got = error(r)
    assert r.status_code == 400 and got["code"] == expected["code"]
    tile = re.compile(rf"'({S1_TILE})'")
    assert tile.sub("'<tile>'", got["message"]) == tile.sub("'<tile>'", expected["message"])
    product = tile.search(got["message"]).group(1)
    assert product.split("_")[1] == expected["message"].split("'")[3].split("_")[1]  # IW / EW
    assert day.replace("-", "") in product


def test_s1_band_of_the_polarization_is_served(srv):
    r = post(srv, make_body(data_type="sentinel-1-grd", script=S1_SCRIPT))
    assert r.status_code == 200 and read_image(r.content)["count"] == 2
    ew = make_body(data_type="sentinel-1-grd", script=S1_SCRIPT)
    ew["input"]["data"][0]["dataFilter"]["acquisitionMode"] = "EW"  # EW products are DH
    assert "Requested band 'VV'" in error(post(srv, ew))["message"]
    no_data = make_body(data_type="sentinel-1-grd", script=evalscript(1, "FLOAT32", ("HH",)))
    no_data["input"]["data"][0]["dataFilter"]["timeRange"]["to"] = "2014-01-01T00:00:00Z"
    no_data["input"]["data"][0]["dataFilter"]["timeRange"]["from"] = "2013-01-01T00:00:00Z"
    assert post(srv, no_data).status_code == 200  # no product found, so no missing band


# -- good requests ---------------------------------------------------------------------------
def test_wgs84_width_height_geotiff(srv):
    before = len(srv.tiles)
    r = post(srv, make_body(size=(64, 32)))
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/tiff"
    img = read_image(r.content)
    assert (img["driver"], img["size"], img["count"], img["dtype"]) == (
        "GTiff",
        (64, 32),
        3,
        "Byte",
    )
    assert img["epsg"] == 4326
    assert img["gt"] == pytest.approx((13.8, 0.2 / 64, 0, 45.9, 0, -0.1 / 32))
    xs, ys = pixel_centres((13.8, 45.8, 14.0, 45.9), 64, 32)
    for band in range(3):
        np.testing.assert_array_equal(img["bands"][band], pattern(xs, ys, band, "UINT8", True))
    assert img["bands"][0][0, 0] == 1 + (round((13.8 + 0.1 / 64) / 7e-6) % 255)
    assert srv.tiles[before:] == [Tile((13.8, 45.8, 14.0, 45.9), WGS84, 64, 32)]
    entry = srv.requests[-1]
    assert entry["json"]["output"]["width"] == 64 and entry["headers"]["Content-Type"]
    assert entry["status"] == 200


def test_utm_resx_resy_float32_is_the_pixel_centre(srv):
    r = post(srv, utm_body(script=evalscript(2, "FLOAT32")))
    img = read_image(r.content)
    assert (img["size"], img["count"], img["dtype"], img["epsg"]) == ((64, 48), 2, "Float32", 32633)
    assert img["gt"] == (500000.0, 10.0, 0.0, 5100480.0, 0.0, -10.0)
    assert img["bands"][0][0, :3].tolist() == [500005.0, 500015.0, 500025.0]
    assert img["bands"][1][:3, 0].tolist() == [5100475.0, 5100465.0, 5100455.0]
    assert srv.tiles[-1] == Tile(tuple(UTM_BBOX), UTM33, 64, 48)


def test_crs84_default_and_opposite_corners(srv):
    body = make_body(bbox=(14.0, 45.9, 13.8, 45.8))  # any two opposite vertices
    del body["input"]["bounds"]["properties"]
    r = post(srv, body)
    assert r.status_code == 200
    assert read_image(r.content)["gt"][:4:3] == pytest.approx((13.8, 45.9))
    assert srv.tiles[-1].crs == CRS84 and srv.tiles[-1].bbox == (13.8, 45.8, 14.0, 45.9)


@pytest.mark.parametrize(
    "sample_type, bands, dtype",
    [
        ("AUTO", 1, "Byte"),
        ("UINT8", 4, "Byte"),
        ("UINT16", 3, "UInt16"),
        ("INT16", 2, "Int16"),
        ("FLOAT32", 5, "Float32"),
        ("INT8", 1, "Byte"),
    ],
)
def test_bands_and_sample_type_from_setup(srv, sample_type, bands, dtype):
    r = post(srv, utm_body(script=evalscript(bands, sample_type)))
    img = read_image(r.content)
    assert img["count"] == bands
    if sample_type == "INT8":  # signed bytes: Int8 on GDAL 3.7+, Byte + SIGNEDBYTE before
        assert img["dtype"] == "Int8" or (img["dtype"], img["pixeltype"]) == ("Byte", "SIGNEDBYTE")
    else:
        assert img["dtype"] == dtype
    xs, ys = pixel_centres(tuple(UTM_BBOX), 64, 48)
    for band in range(bands):
        expected = pattern(xs, ys, band, sample_type, False)
        np.testing.assert_array_equal(img["bands"][band], expected)
        assert (expected != 0).all()


def test_output_declared_with_tolerant_js(srv):
    script = (
        "//VERSION=3\n"
        "// RGB + mask\n"
        "function setup() {\n"
        "  return {\n"
        "    input: [{bands: ['B04', 'B08', \"dataMask\"], units: 'DN'}], // comment\n"
        "    output: [{id: 'default' /* no comma */\n"
        "      bands: 2, sampleType: SampleType.UINT16, nodataValue: 0,},],\n"
        "    mosaicking: 'SIMPLE',\n"
        "  };\n"
        "}\n"
        "const evaluatePixel = (s) => [s.B04 * 10000, s.dataMask];\n"
    )
    r = post(srv, make_body(script=script))
    img = read_image(r.content)
    assert (img["count"], img["dtype"], img["nodata"]) == (2, "UInt16", 0.0)


def test_accept_has_priority_and_other_formats(srv):
    r = post(srv, make_body(fmt="image/tiff"), Accept="image/png")
    assert r.headers["Content-Type"] == "image/png" and r.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert read_image(r.content)["size"] == (64, 32)
    r = post(srv, make_body(fmt="image/jpeg"), Accept="*/*")
    assert r.headers["Content-Type"] == "image/jpeg" and r.content[:2] == b"\xff\xd8"
    r = post(srv, make_body(fmt="image/png", script=evalscript(1, "UINT16")))
    assert read_image(r.content)["dtype"] == "UInt16"
    body = make_body()
    del body["output"]["responses"]  # OpenAPI default: image/png
    assert post(srv, body).headers["Content-Type"] == "image/png"


def test_tar_with_userdata(srv):
    body = make_body()
    body["output"]["responses"].append(
        {"identifier": "userdata", "format": {"type": "application/json"}}
    )
    r = post(srv, body, Accept="application/x-tar")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/x-tar"
    with tarfile.open(fileobj=io.BytesIO(r.content)) as tar:
        assert tar.getnames() == ["default.tif", "userdata.json"]
        tif = tar.extractfile("default.tif").read()
    assert read_image(tif)["count"] == 3


def test_multipart_form_data_request(srv):
    body = make_body()
    script = body.pop("evalscript")
    files = {
        "request": (None, json.dumps(body), "application/json"),
        "evalscript": (None, script, "text/plain"),
    }
    r = requests.post(srv.process_url, files=files, timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    assert read_image(r.content)["count"] == 3
    assert srv.requests[-1]["json"]["evalscript"] == script


# -- seams, clipping, no data ----------------------------------------------------------------
@pytest.mark.parametrize(
    "crs, bbox", [(UTM33, tuple(UTM_BBOX)), (WGS84, (13.8, 45.8, 13.864, 45.848))]
)
def test_adjacent_tiles_continue_the_pattern(crs, bbox):
    x0, y0, x1, y1 = bbox
    xm = (x0 + x1) / 2
    script = evalscript(2, "UINT16")
    with ProcessApiServer() as server:
        halves = []
        for tile in ((x0, y0, xm, y1), (xm, y0, x1, y1)):
            r = post(server, make_body(bbox=tile, crs=crs, size=(32, 48), script=script))
            halves.append(read_image(r.content)["bands"])
        counts = server.coverage(bbox, 64, 48, crs)
        overlap = ProcessApiServer()
        overlap.tiles = server.tiles + [Tile((x0, y0, xm + (xm - x0) / 32, y1), crs, 33, 48)]
        doubled = overlap.coverage(bbox, 64, 48, crs)
    lonlat = crs == WGS84
    xs, ys = pixel_centres(bbox, 64, 48)
    for band in range(2):
        mosaic = np.hstack([halves[0][band], halves[1][band]])
        np.testing.assert_array_equal(mosaic, pattern(xs, ys, band, "UINT16", lonlat))
    # Across the seam the x pattern steps exactly as inside a tile.
    left, right = halves[0][0].astype(int), halves[1][0].astype(int)
    step = left[0, 1] - left[0, 0]  # lon/lat: 142.86 quanta a pixel, rounded to 142 or 143
    assert step != 0 and abs(right[0, 0] - left[0, -1] - step) <= (1 if lonlat else 0)
    assert (counts == 1).all()
    assert (doubled[:, 32] == 2).all() and (doubled[:, 33:] == 1).all()


def test_geometry_clipping_is_nodata():
    polygon = {
        "type": "Polygon",
        "coordinates": [
            [
                [500003.3, 5100011.7],
                [500611.9, 5100037.1],
                [500301.3, 5100467.7],
                [500003.3, 5100011.7],
            ]
        ],
    }
    body = utm_body(script=evalscript(3, "UINT16"))
    body["input"]["bounds"]["geometry"] = polygon
    with ProcessApiServer() as server:
        img = read_image(post(server, body).content)
        del body["input"]["bounds"]["bbox"]  # geometry alone: its envelope is the image
        only = post(server, body)
        assert server.tiles[-1].bbox == (500003.3, 5100011.7, 500611.9, 5100467.7)
    assert only.status_code == 200
    xs, ys = pixel_centres(tuple(UTM_BBOX), 64, 48)
    inside = np.array([[shape(polygon).contains(Point(x, y)) for x in xs] for y in ys])
    assert 0 < inside.sum() < inside.size
    for band in range(3):
        assert (img["bands"][band][~inside] == 0).all()
        expected = pattern(xs, ys, band, "UINT16", False)
        np.testing.assert_array_equal(img["bands"][band][inside], expected[inside])


def test_no_data_is_an_empty_image():
    sea = (13.9, 45.0, 15.0, 46.0)  # lon/lat box
    with ProcessApiServer(no_data_areas=[sea]) as server:
        early = make_body(time_range=("2014-01-01T00:00:00Z", "2014-12-31T23:59:59Z"))
        r = post(server, early)
        assert r.status_code == 200
        assert all((band == 0).all() for band in read_image(r.content)["bands"])
        img = read_image(post(server, make_body()).content)
        xs, _ = pixel_centres((13.8, 45.8, 14.0, 45.9), 64, 32)
        assert (img["bands"][0][:, xs > 13.9] == 0).all() and (
            img["bands"][0][:, xs < 13.9] > 0
        ).all()
        landsat = make_body(
            data_type="landsat-ot-l2",
            script=evalscript(1, "FLOAT32", ("B04",)),
            time_range=("2010-01-01T00:00:00Z", "2010-02-01T00:00:00Z"),
        )
        assert np.isnan(read_image(post(server, landsat).content)["bands"][0]).all()


# -- authentication, rate limiting, processing units, faults ---------------------------------
def test_401_without_a_valid_token():
    def token_ok(headers):
        return headers.get("Authorization") == "Bearer good"

    with ProcessApiServer(token_check=token_ok) as server:
        for headers in ({}, {"Authorization": "Bearer bad"}):
            r = post(server, make_body(), **headers)
            assert r.status_code == 401
            assert r.json() == {
                "error": {
                    "status": 401,
                    "reason": "Unauthorized",
                    "message": "You are not authorized! Please provide a valid access token "
                    "within the header [Authorization: Bearer <accessToken>] of your request.",
                    "code": "COMMON_UNAUTHORIZED",
                }
            }
        assert post(server, make_body(), Authorization="Bearer good").status_code == 200
        assert server.requests[0]["headers"].get("Authorization") is None
        assert server.requests[1]["headers"]["Authorization"] == "Bearer bad"
        assert len(server.tiles) == 1


def test_429_rate_limit_with_retry_after_in_milliseconds():
    with ProcessApiServer(rate_limit=2) as server:
        results = []

        def fetch():
            results.append(post(server, make_body(size=(32, 32))))

        threads = [threading.Thread(target=fetch) for _ in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        limited = [r for r in results if r.status_code == 429]
        assert sorted(r.status_code for r in results) == [200, 200, 429, 429, 429]
        for r in limited:
            assert error(r) == {
                "status": 429,
                "reason": "Too Many Requests",
                "message": "You have exceeded your rate limit",
                "code": "RATE_LIMIT_EXCEEDED",
            }
            assert 1 <= int(r.headers["Retry-After"]) <= 1000
        time.sleep(max(int(r.headers["Retry-After"]) for r in limited) / 1000 + 0.05)
        assert post(server, make_body(size=(32, 32))).status_code == 200
        assert len(server.tiles) == 3


def test_processing_units_documented_examples_and_quota():
    ndvi = utm_body(script=evalscript(1, "UINT16", ("B04", "B08")))
    ndvi["output"] = {"width": 20, "height": 20, "responses": ndvi["output"]["responses"]}
    s1 = make_body(
        data_type="sentinel-1-grd",
        size=(1024, 1024),
        script=evalscript(1, "FLOAT32", ("VV", "VH", "localIncidenceAngle", "shadowMask")),
    )
    s1["input"]["data"][0]["processing"] = {"orthorectify": True}
    with ProcessApiServer(processing_units_left=5.0) as server:
        r = post(server, ndvi)  # CDSE example: 0.01 x 2/3 = 0.0067 PU
        assert float(r.headers["x-processingunits-spent"]) == pytest.approx(0.01 * 2 / 3, 1e-4)
        r = post(server, s1)  # CDSE example without its 2 samples: 4 x 4/3 x 2 x 2 PU
        assert r.status_code == 429
        err = error(r)
        assert (err["code"], err["message"]) == (
            "RATE_LIMIT_EXCEEDED",
            "You have exceeded your rate limit",
        )
        assert err["errors"]["processingUnitsRequired"] == pytest.approx(4 * 4 / 3 * 2 * 2, 1e-4)
        assert err["errors"]["processingUnitsLeft"] == pytest.approx(5 - 0.01 * 2 / 3, 1e-4)
        assert "used up" in err["errors"]["hint"] and int(r.headers["Retry-After"]) > 0
        assert server.processing_units_spent == pytest.approx(0.01 * 2 / 3, 1e-4)
    with ProcessApiServer(processing_units_left=0.0, quota_status=403) as server:
        r = post(server, ndvi)
        assert (r.status_code, error(r)["code"]) == (403, "COMMON_INSUFFICIENT_PERMISSIONS")
        assert server.tiles == []


def test_paths_methods_faults_and_parallelism():
    with ProcessApiServer(delay=1.0) as server:
        assert requests.get(server.process_url, timeout=TIMEOUT).status_code == 405
        r = requests.post(server.url + "api/v1/nothing", json={}, timeout=TIMEOUT)
        assert (r.status_code, error(r)["code"]) == (404, "COMMON_NOT_FOUND")
        threads = [
            threading.Thread(target=post, args=(server, make_body(size=(32, 32)))) for _ in range(4)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert server.max_in_flight == 4 and server.in_flight == 0
        server.delay = 0.0
        body = recorded("process_500_RENDERER_EXCEPTION_newLimit_capacity.json")
        server.set_fault(faults.respond(500, body, times=1))
        r = post(server, make_body())
        assert (r.status_code, r.json()) == (500, body)
        assert post(server, make_body()).status_code == 200


def test_byoc_ids_and_data_fusion():
    byoc = "017aa0ae-33a6-45d3-8548-0f7d1041b40c"
    with ProcessApiServer(byoc_ids=[byoc]) as server:
        body = make_body(data_type=f"byoc-{byoc}", script=evalscript(1, "UINT16", ("anything",)))
        assert post(server, body).status_code == 200
        body["input"]["data"][0]["type"] = "byoc-00000000-0000-0000-0000-000000000000"
        assert "Unknown data collection type" in error(post(server, body))["message"]
        fused = make_body()
        second = copy.deepcopy(fused["input"]["data"][0])
        second["type"] = "sentinel-1-grd"
        fused["input"]["data"].append(second)
        r = post(server, fused)
        assert r.status_code == 200
        # Data fusion multiplies the PU by the number of collections (2 local ones).
        single = post(server, make_body())
        spent = float(r.headers["x-processingunits-spent"])
        assert spent == pytest.approx(2 * float(single.headers["x-processingunits-spent"]))
