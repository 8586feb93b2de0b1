"""The sandbox's asset server: real COGs and thumbnails made on first request, where the
items say they are; the rewritten items rustac serves; the sandbox CLI end to end."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import numpy as np
import pytest
import requests
from osgeo import gdal, ogr, osr

from tests.servers.common import file_server as fs
from tests.servers.sandbox.assets import (
    GENERATOR_VERSION,
    SandboxAssetServer,
    cache_folder,
    rewrite_item,
    sandbox_items,
    write_items,
)
from tests.servers.sandbox.items import DEFAULT_ASSET_BASE, SANDBOX_DIR, sandbox_files
from tests.servers.stac.rustac_server import RustacServer

REPO = Path(__file__).resolve().parents[3]
S2, S1, LST = "sandbox-sentinel-2-l2a", "sandbox-sentinel-1-grd", "sandbox-lst"
TIMEOUT = 30
SMALL = 256  # px on the longer side: quick to make, same code paths


def _crosses(item: dict) -> bool:
    west, _, east, _ = item["bbox"]
    return west > east or east - west >= 360


@pytest.fixture(scope="module")
def items() -> dict[str, dict]:
    """One item of each kind, and the two kinds of antimeridian footprints."""
    everything = sandbox_items()
    first = {}
    for item in everything:
        first.setdefault(item["collection"], item)
    first["crossing"] = next(i for i in everything if _crosses(i) and i["bbox"][0] > i["bbox"][2])
    first["full-width"] = next(i for i in everything if _crosses(i) and i["bbox"][0] < 0)
    first["partial"] = next(
        i for i in everything if i["collection"] == S2 and len(i["geometry"]["coordinates"][0]) > 5
    )
    return first


@pytest.fixture()
def server(items, tmp_path):
    with SandboxAssetServer(list(items.values()), tmp_path / "cache", size=SMALL) as srv:
        yield srv


def _relpath(item: dict, key: str) -> str:
    return urlsplit(item["assets"][key]["href"]).path.lstrip("/")


def _get(url: str, **options) -> requests.Response:
    return requests.get(url, timeout=TIMEOUT, **options)


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _footprint_in(item: dict, epsg: int) -> ogr.Geometry:
    geometry = ogr.CreateGeometryFromJson(json.dumps(item["geometry"]))
    geometry.AssignSpatialReference(_srs(4326))
    geometry.Segmentize(0.02)
    if epsg != 4326:
        assert geometry.TransformTo(_srs(epsg)) == 0
    return geometry


def _extent(ds) -> ogr.Geometry:
    x0, step, _, y0, _, step_y = ds.GetGeoTransform()
    x1, y1 = x0 + ds.RasterXSize * step, y0 + ds.RasterYSize * step_y
    return ogr.CreateGeometryFromWkt(
        f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"
    )


def _open(path: Path):
    ds = gdal.Open(str(path))
    assert ds is not None, gdal.GetLastErrorMsg()
    return ds


# -- the COGs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [S2, S1, LST, "crossing", "full-width", "partial"])
def test_cog_is_made_on_first_request_where_the_item_is(server, items, name):
    item = items[name]
    relpath = _relpath(item, "visual")
    cached = server.root / relpath
    assert not cached.exists() and server.generated == []
    head = requests.head(server.url_for(relpath), timeout=TIMEOUT)
    assert head.status_code == 200 and head.headers["Accept-Ranges"] == "bytes"
    assert cached.is_file() and int(head.headers["Content-Length"]) == cached.stat().st_size
    assert server.generated == [relpath]
    assert cached.parents[2] == server.root == cache_folder(server.root.parent)

    ds = _open(cached)
    epsg = item["properties"]["proj:epsg"]
    assert ds.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert ds.GetSpatialRef().GetAuthorityCode(None) == str(epsg)
    assert max(ds.RasterXSize, ds.RasterYSize) == SMALL and ds.RasterCount == 3
    assert ds.GetRasterBand(1).DataType == gdal.GDT_Byte
    assert ds.GetRasterBand(1).GetNoDataValue() == 0
    # The raster covers the footprint (one pixel of slack) and little else.
    footprint, extent = _footprint_in(item, epsg), _extent(ds)
    assert extent.Buffer(abs(ds.GetGeoTransform()[1])).Contains(footprint)
    assert footprint.Area() > 0.3 * extent.Area()
    # Its bounds in degrees meet the item's bbox (bbox west > east: across 180 deg).
    west, south, east, north = osr.CoordinateTransformation(_srs(epsg), _srs(4326)).TransformBounds(
        *extent.GetEnvelope()[::2], *extent.GetEnvelope()[1::2], 21
    )
    bbox = item["bbox"]
    assert south < bbox[3] and north > bbox[1]
    if not _crosses(item):
        assert west < bbox[2] and east > bbox[0]
    # Pixels outside the footprint are nodata, inside they are not.
    values = ds.GetRasterBand(1).ReadAsArray()
    inside = (values > 0).mean()
    assert 0.3 < inside <= 1.0
    if name == "partial":
        assert inside < 0.97


def test_data_assets_have_the_right_types_and_values(server, items):
    expectations = {
        (S1, "vv"): (gdal.GDT_Float32, -40.0, 10.0, -9999.0),
        (S1, "vh"): (gdal.GDT_Float32, -45.0, 5.0, -9999.0),
        (LST, "lst"): (gdal.GDT_Float32, -10.0, 60.0, -9999.0),
    }
    for (name, key), (dtype, low, high, nodata) in expectations.items():
        relpath = _relpath(items[name], key)
        assert _get(server.url_for(relpath)).status_code == 200
        ds = _open(server.root / relpath)
        band = ds.GetRasterBand(1)
        assert (ds.RasterCount, band.DataType, band.GetNoDataValue()) == (1, dtype, nodata)
        values = band.ReadAsArray()
        valid = values[values != nodata]
        assert valid.size > values.size * 0.3
        assert low < valid.min() < valid.max() < high, (key, valid.min(), valid.max())
    vv_ds = _open(server.root / _relpath(items[S1], "vv"))  # keep datasets while bands are read
    vh_ds = _open(server.root / _relpath(items[S1], "vh"))
    vv, vh = vv_ds.GetRasterBand(1).ReadAsArray(), vh_ds.GetRasterBand(1).ReadAsArray()
    valid = vv != -9999
    assert np.median(vv[valid]) > np.median(vh[valid])  # co-pol is brighter than cross-pol


def test_thumbnail_is_a_png_of_the_visual(server, items):
    item = items[S2]
    response = _get(server.url_for(_relpath(item, "thumbnail")))
    assert response.status_code == 200 and response.headers["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert server.generated == [_relpath(item, "visual"), _relpath(item, "thumbnail")]
    ds = _open(server.root / _relpath(item, "thumbnail"))
    assert ds.GetDriver().ShortName == "PNG" and ds.RasterCount == 4
    assert max(ds.RasterXSize, ds.RasterYSize) == 256
    assert not list(server.root.rglob("*.aux.xml")) and not list(server.root.rglob("*.tmp"))


def test_bytes_are_deterministic(items, tmp_path):
    item = items[LST]
    digests = []
    for name in ("a", "b"):
        with SandboxAssetServer([item], tmp_path / name, size=SMALL) as srv:
            digests.append(
                [
                    hashlib.sha256(_get(srv.url_for(_relpath(item, key))).content).hexdigest()
                    for key in ("visual", "lst", "thumbnail")
                ]
            )
    assert digests[0] == digests[1]


def test_parallel_first_requests_make_the_file_once(server, items):
    relpath = _relpath(items[S1], "vh")
    url = server.url_for(relpath)
    bodies: list[bytes] = []

    def fetch() -> None:
        bodies.append(_get(url).content)

    threads = [threading.Thread(target=fetch) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert len(bodies) == 6 and len(set(bodies)) == 1 and len(bodies[0]) > 1000
    assert server.generated == [relpath]


def test_unknown_paths_are_404(server, items):
    item = items[S2]
    assert _get(server.url_for(f"{S2}/{item['id']}/b04.tif")).status_code == 404
    assert _get(server.url_for(f"{S2}/no-such-item/visual.tif")).status_code == 404
    assert _get(server.url + "..%2F..%2Fetc%2Fpasswd").status_code == 404


# -- it is a FileServer: ranges, ETag, faults, GDAL -----------------------------------------------


def test_range_requests_etag_and_faults(server, items):
    relpath = _relpath(items[S2], "visual")
    url = server.url_for(relpath)
    whole = _get(url)
    data = whole.content
    part = _get(url, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == data[100:200]
    assert part.headers["Content-Range"] == f"bytes 100-199/{len(data)}"
    assert part.headers["ETag"] == whole.headers["ETag"]
    tail = _get(url, headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == data[-10:]
    assert _get(url, headers={"Range": f"bytes={len(data)}-"}).status_code == 416
    server.add_fault(relpath, fs.unavailable(retry_after=3, times=1))
    refused = _get(url)
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "3"
    assert _get(url).content == data


def test_gdal_streams_a_cog_from_it(server, items):
    item = items[S1]
    url = server.url_for(_relpath(item, "vv"))
    gdal.VSICurlClearCache()
    ds = gdal.Open("/vsicurl?empty_dir=yes&url=" + quote(url, safe=""))
    assert ds is not None, gdal.GetLastErrorMsg()
    block = ds.GetRasterBand(1).ReadAsArray(0, 0, 64, 64)
    assert block.shape == (64, 64) and block.dtype == np.float32
    gets = list(server.requests_for(_relpath(item, "vv"), "GET"))
    assert gets and all(r["range"] for r in gets)  # only ranges: no whole download
    ds = None
    gdal.VSICurlClearCache()


def test_download_rate_slows_whole_files_only(items, tmp_path):
    relpath = _relpath(items[S2], "visual")
    with SandboxAssetServer([items[S2]], tmp_path / "fast", size=SMALL) as srv:
        size = len(_get(srv.url_for(relpath)).content)
    rate = size / 1.0  # the whole file in about a second
    with SandboxAssetServer([items[S2]], tmp_path / "fast", size=SMALL, download_rate=rate) as srv:
        url = srv.url_for(relpath)
        started = time.monotonic()
        assert len(_get(url, headers={"Range": "bytes=0-16383"}).content) == 16384
        assert time.monotonic() - started < 0.5
        started = time.monotonic()
        assert len(_get(url).content) == size
        assert time.monotonic() - started > 0.8
        started = time.monotonic()
        assert len(_get(url, headers={"Range": f"bytes={size // 2}-"}).content) == size - size // 2
        assert 0.3 < time.monotonic() - started
        assert _get(srv.url_for(_relpath(items[S2], "thumbnail"))).status_code == 200


# -- the rewritten items ----------------------------------------------------------------------


def test_rewritten_items_point_at_the_server_without_sizes(server, tmp_path):
    files = write_items(tmp_path / "stac", server.url)
    names = [str(Path(f).relative_to(tmp_path / "stac")) for f in files]
    shipped = [str(Path(f).relative_to(SANDBOX_DIR)) for f in sandbox_files()]
    assert names == shipped  # collections first, then items, same names
    for original, rewritten in zip(sandbox_files(), files):
        if "collections" in original:
            assert Path(original).read_text() == Path(rewritten).read_text()
    rewritten_items = sandbox_items(tmp_path / "stac")
    originals = sandbox_items()
    assert [i["id"] for i in rewritten_items] == [i["id"] for i in originals]
    known = set(SandboxAssetServer(originals, tmp_path / "other").relpaths())
    for item, original in zip(rewritten_items, originals):
        assert item["assets"].keys() == original["assets"].keys()
        for key, asset in item["assets"].items():
            assert asset["href"].startswith(server.url)
            assert (
                asset["href"][len(server.url) :]
                == original["assets"][key]["href"][len(DEFAULT_ASSET_BASE) + 1 :]
            )
            assert "file:size" not in asset and "file:checksum" not in asset
            assert urlsplit(asset["href"]).path.lstrip("/") in known
        assert not any("/file/" in e for e in item["stac_extensions"])
        assert item["geometry"] == original["geometry"]
        # plus the box the generated rasters cover, where the item has a CRS
        added = [k for k in item["properties"] if k not in original["properties"]]
        assert {k: item["properties"][k] for k in original["properties"]} == original["properties"]
        assert added == (["proj:bbox"] if "proj:epsg" in original["properties"] else [])


def test_rewrite_keeps_foreign_hrefs_and_their_file_fields():
    item = {
        "id": "x",
        "stac_extensions": ["https://stac-extensions.github.io/file/v2.1.0/schema.json"],
        "properties": {},
        "assets": {
            "ours": {"href": DEFAULT_ASSET_BASE + "/c/x/visual.tif", "file:size": 5},
            "theirs": {"href": "https://elsewhere.example/x.tif", "file:size": 7},
        },
    }
    out = rewrite_item(item, "http://127.0.0.1:1/")
    assert out["assets"]["ours"] == {"href": "http://127.0.0.1:1/c/x/visual.tif"}
    assert out["assets"]["theirs"] == item["assets"]["theirs"]
    assert out["stac_extensions"] == item["stac_extensions"]  # still used by "theirs"
    assert item["assets"]["ours"]["file:size"] == 5  # the input is not changed


@pytest.mark.sandbox
def test_rustac_serves_the_rewritten_items(server, items, tmp_path):
    with RustacServer(write_items(tmp_path / "stac", server.url)) as stac:
        body = {"collections": [LST], "ids": [items[LST]["id"]]}
        found = requests.post(stac.url + "search", json=body, timeout=TIMEOUT).json()["features"]
    assert [f["id"] for f in found] == [items[LST]["id"]]
    response = _get(found[0]["assets"]["lst"]["href"])
    assert response.status_code == 200 and response.content.startswith(b"II*\x00")


# -- the sandbox CLI --------------------------------------------------------------------------


def _read_lines(process: subprocess.Popen, count: int) -> list[str]:
    """The first ``count`` lines the sandbox printed (``name: URL``, flushed before the
    config file is written, so they are there once it is)."""
    return [process.stdout.readline() for _ in range(count)]


@pytest.mark.sandbox
def test_sandbox_cli_serves_items_with_real_assets(tmp_path):
    # port 0: the sandbox lets the system pick (a port found free here could be taken by
    # the time the sandbox binds it, e.g. as the source port of a client connection)
    config = tmp_path / "build" / "sandbox.json"
    config.parent.mkdir()
    command = [
        sys.executable,
        "-m",
        "tests.servers.sandbox.services",
        "--port",
        "0",
        "--assets-port",
        "0",
        "--accounts-port",
        "0",
        "--s3-port",
        "0",
        "--assets-rate",
        "0",
        "--config",
        str(config),
    ]
    process = subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while not (config.exists() and config.stat().st_size):
            assert process.poll() is None, process.stdout.read()
            assert time.monotonic() < deadline, "the sandbox did not write its config"
            time.sleep(0.2)
        settings = json.loads(config.read_text())
        printed = dict(line.split(": ", 1) for line in _read_lines(process, 4) if ": " in line)
        assert settings["assets"] == printed["assets"].strip()
        assert settings["stac"] == printed["stac"].strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", settings["stac"])
        assert settings["sentinelhub"]["catalog"].startswith("http://127.0.0.1:")
        body = {"collections": [S2], "bbox": [10.0, 48.0, 11.0, 49.0], "limit": 2}
        found = requests.post(settings["stac"] + "search", json=body, timeout=TIMEOUT).json()
        visual = found["features"][0]["assets"]["visual"]
        assert visual["href"].startswith(settings["assets"]) and "file:size" not in visual
        response = _get(visual["href"])
        assert response.status_code == 200 and response.content.startswith(b"II*\x00")
        workdir = config.parent / "sandbox"
        cached = list((workdir / "assets" / f"v-{GENERATOR_VERSION}").rglob("visual.tif"))
        assert len(cached) == 1 and cached[0].read_bytes() == response.content
        assert (workdir / "stac" / "items" / f"{S2}.json").is_file()
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
    assert process.returncode == 0
