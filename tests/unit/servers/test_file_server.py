"""Self-checks of the COG maker and FileServer (not of the plugin): ranges, HEAD, auth,
every fault kind, and GDAL /vsicurl/ reading COGs from it with a header for one dataset."""

from __future__ import annotations

import hashlib
import http.client
import socket
import threading
import time
from urllib.parse import quote, urlsplit

import pytest
import requests
import urllib3
from osgeo import gdal

from tests.servers.common import file_server as fs
from tests.servers.common.cogs import cog_bytes_checksum, make_cog, sha256_multihash
from tests.servers.common.file_server import FileServer

TIMEOUT = 10


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    base = tmp_path_factory.mktemp("assets")
    make_cog(base / "b04.tif")
    make_cog(base / "lst" / "lst.tif", pattern="lst")
    (base / "small.bin").write_bytes(bytes(range(256)) * 16)  # 4096 bytes
    return base


@pytest.fixture
def srv(root):
    with FileServer(root) as server:
        yield server


@pytest.fixture
def vsi():
    """GDAL settings of the asset feature; undo every global GDAL change afterwards."""
    gdal.SetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR")
    gdal.SetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", None)
    gdal.VSICurlClearCache()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    yield
    gdal.PopErrorHandler()
    for key in ("GDAL_DISABLE_READDIR_ON_OPEN", "GDAL_HTTP_HEADERS", "GDAL_HTTP_MAX_RETRY"):
        gdal.SetConfigOption(key, None)
    gdal.SetConfigOption("GDAL_HTTP_RETRY_DELAY", None)
    gdal.ClearPathSpecificOptions()  # all of them ("" clears only prefix "" on GDAL 3.10+)
    gdal.VSICurlClearCache()
    for name in gdal.ReadDirRecursive("/vsimem/headers/") or []:
        if not name.endswith("/"):
            gdal.Unlink("/vsimem/headers/" + name)


def get(url: str, **kw) -> requests.Response:
    """``requests.get`` whose ``content`` is every byte the server sent, also when the
    server closes early (a drop fault): urllib3 1.26 hands such a short body over,
    urllib3 2 raises, and these tests look at the bytes."""
    response = requests.get(url, timeout=TIMEOUT, stream=True, **kw)
    body = bytearray()
    try:
        while chunk := response.raw.read(65536, decode_content=False):
            body += chunk
    except (urllib3.exceptions.ProtocolError, http.client.IncompleteRead):
        pass  # the connection closed before Content-Length bytes came
    finally:
        response.close()
    response._content = bytes(body)
    return response


def header_file_name(url: str, headers: bytes, tag: str = "a") -> str:
    """The 3.6-compatible scoped-header dataset name: header file in /vsimem/."""
    path = f"/vsimem/headers/{tag}.txt"
    gdal.FileFromMemBuffer(path, headers)
    return f"/vsicurl?header_file={quote(path, safe='')}&url={quote(url, safe='')}"


def read_block(name: str):
    ds = gdal.Open(name)
    if ds is None:
        return None
    return ds.GetRasterBand(1).ReadAsArray(256, 256, 256, 256)


def local_block(path):
    ds = gdal.Open(str(path))  # keep the dataset referenced while its band is used
    return ds.GetRasterBand(1).ReadAsArray(256, 256, 256, 256)


# -- COGs ------------------------------------------------------------------------------------
def test_make_cog_writes_a_cloud_optimized_geotiff_with_checksums(tmp_path):
    cog = make_cog(tmp_path / "a.tif")
    ds = gdal.Open(str(cog.path))
    assert ds.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert (ds.RasterXSize, ds.RasterYSize, ds.RasterCount) == (512, 512, 3) == cog.size + (3,)
    assert ds.GetRasterBand(1).GetBlockSize() == [256, 256]
    assert ds.GetRasterBand(1).GetOverviewCount() == cog.overviews == 1
    assert cog.bounds == (500000.0, 5294880.0, 505120.0, 5300000.0)
    west, south, east, north = cog.bounds_4326
    assert west == pytest.approx(9.0, abs=1e-6) and 9.06 < east < 9.07
    assert 47.80 < south < north < 47.86
    data = cog.path.read_bytes()
    assert cog.file_size == len(data) and cog.sha256 == hashlib.sha256(data).hexdigest()
    assert cog.multihash == "1220" + cog.sha256 == cog_bytes_checksum(cog.path)
    assert sha256_multihash(data) == cog.multihash and len(cog.multihash) == 68
    assert make_cog(tmp_path / "b.tif").sha256 == cog.sha256  # deterministic
    asset = cog.asset("http://h/a.tif")
    assert asset["file:checksum"] == cog.multihash and asset["file:size"] == len(data)
    assert asset["proj:transform"] == [10.0, 0.0, 500000.0, 0.0, -10.0, 5300000.0]


def test_make_cog_lst_is_float32_celsius_with_nodata(tmp_path):
    cog = make_cog(tmp_path / "lst.tif", pattern="lst", width=300, height=200)
    ds = gdal.Open(str(cog.path))
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray()
    assert (cog.dtype, cog.bands, cog.nodata, band.GetNoDataValue()) == ("Float32", 1, -9999, -9999)
    assert values.dtype.name == "float32" and values.shape == (200, 300)
    valid = values[values != -9999]
    assert 0 < (values == -9999).sum() < values.size // 10
    assert 15.0 <= valid.min() < 20.0 and 35.0 < valid.max() <= 45.0


def test_make_cog_options_and_errors(tmp_path):
    cog = make_cog(tmp_path / "g.tif", dtype="UInt16", bands=2, nodata=0, crs="EPSG:4326",
                   origin=(9.0, 48.0), pixel_size=0.001, width=256, height=128)  # fmt: skip
    ds = gdal.Open(str(cog.path))
    assert ds.GetRasterBand(2).DataType == gdal.GDT_UInt16 and ds.RasterCount == 2
    assert ds.GetRasterBand(1).ReadAsArray()[:16, :16].max() == 0
    assert cog.bounds_4326 == pytest.approx((9.0, 47.872, 9.256, 48.0))
    assert cog.overviews == 0 and cog.epsg == 4326
    with pytest.raises(ValueError):
        make_cog(tmp_path / "x.tif", dtype="Int8")
    with pytest.raises(ValueError):
        make_cog(tmp_path / "x.tif", pattern="lst", dtype="Byte")


# -- serving ---------------------------------------------------------------------------------
def test_get_and_head_send_object_store_headers(srv, root):
    data = (root / "b04.tif").read_bytes()
    r = get(srv.url_for("b04.tif"))
    assert r.status_code == 200 and r.content == data
    assert r.headers["Content-Length"] == str(len(data)) and r.headers["Accept-Ranges"] == "bytes"
    assert r.headers["Content-Type"] == "image/tiff" and r.headers["ETag"].startswith('"')
    assert r.headers["Last-Modified"].endswith(" GMT")
    h = requests.head(srv.url_for("b04.tif"), timeout=TIMEOUT)
    assert h.status_code == 200 and h.content == b"" and srv.wait_idle()
    assert h.headers["Content-Length"] == str(len(data)) and h.headers["ETag"] == r.headers["ETag"]
    assert [(e["method"], e["status"], e["bytes_sent"]) for e in srv.requests] == [
        ("GET", 200, len(data)),
        ("HEAD", 200, 0),
    ]
    assert get(srv.url_for("lst/lst.tif")).content == (root / "lst" / "lst.tif").read_bytes()


@pytest.mark.parametrize(
    "header, status, piece, content_range",
    [
        ("bytes=0-99", 206, slice(0, 100), "bytes 0-99/4096"),
        ("bytes=4000-", 206, slice(4000, None), "bytes 4000-4095/4096"),
        ("bytes=-50", 206, slice(-50, None), "bytes 4046-4095/4096"),
        ("bytes=-5000", 206, slice(None), "bytes 0-4095/4096"),
        ("bytes=4090-9999", 206, slice(4090, None), "bytes 4090-4095/4096"),
        ("bytes=4096-", 416, None, "bytes */4096"),
        ("bytes=-0", 416, None, "bytes */4096"),
        ("bytes=0-1,5-6", 200, slice(None), None),  # several ranges: ignored
        ("bytes=9-3", 200, slice(None), None),  # invalid: ignored
        ("items=0-1", 200, slice(None), None),
    ],
)
def test_range_requests(srv, root, header, status, piece, content_range):
    data = (root / "small.bin").read_bytes()
    r = get(srv.url_for("small.bin"), headers={"Range": header})
    assert r.status_code == status
    assert r.headers.get("Content-Range") == content_range
    if piece is not None:
        assert r.content == data[piece] and r.headers["Content-Length"] == str(len(r.content))
    assert srv.requests[-1]["range"] == header and srv.requests[-1]["status"] == status


def test_if_range_and_lookup_rules(srv, root):
    url = srv.url_for("small.bin")
    etag = get(url).headers["ETag"]
    assert get(url, headers={"Range": "bytes=0-9", "If-Range": etag}).status_code == 206
    changed = get(url, headers={"Range": "bytes=0-9", "If-Range": '"other"'})
    assert changed.status_code == 200 and len(changed.content) == 4096
    assert get(url + "?X-Amz-Signature=abc").status_code == 200  # query ignored, but logged
    assert srv.requests[-1]["query"] == {"X-Amz-Signature": ["abc"]}
    assert get(srv.url + "missing.tif").status_code == 404
    assert get(srv.url + "lst").status_code == 404  # a folder
    assert requests.post(url, timeout=TIMEOUT).status_code == 405
    conn = http.client.HTTPConnection(srv.host, srv.port, timeout=TIMEOUT)
    conn.request("GET", "/../../etc/passwd")
    assert conn.getresponse().status == 404
    conn.close()


@pytest.mark.parametrize(
    "authorize, good",
    [
        (fs.api_key_auth("k-1"), {"X-Api-Key": "k-1"}),
        (fs.bearer_auth("tok"), {"Authorization": "Bearer tok"}),
    ],
)
def test_authorize(root, authorize, good):
    with FileServer(root, authorize=authorize) as srv:
        url = srv.url_for("small.bin")
        assert get(url, headers=good).status_code == 200
        refused = get(url, headers={"X-Api-Key": "wrong", "Authorization": "Bearer wrong"})
        assert refused.status_code == 401 and refused.headers["Content-Type"] == "application/json"
        assert requests.head(url, timeout=TIMEOUT).status_code == 401
        if "Authorization" in good:
            assert refused.headers["WWW-Authenticate"] == 'Bearer realm="assets"'


# -- faults ----------------------------------------------------------------------------------
def test_drop_then_resume_with_range(srv, root):
    data = (root / "b04.tif").read_bytes()
    srv.set_fault("b04.tif", fs.drop_after(10000, times=1))
    url = srv.url_for("b04.tif")
    assert requests.head(url, timeout=TIMEOUT).status_code == 200  # HEAD does not consume it
    first = get(url)
    assert first.headers["Content-Length"] == str(len(data)) and len(first.content) == 10000
    rest = get(url, headers={"Range": "bytes=10000-"})
    assert rest.status_code == 206 and rest.headers["Content-Range"].startswith("bytes 10000-")
    assert sha256_multihash(first.content + rest.content) == cog_bytes_checksum(root / "b04.tif")
    assert [e["fault"] for e in srv.requests] == [None, "drop", None]
    assert [e["range"] for e in srv.requests_for("b04.tif", "GET")] == [None, "bytes=10000-"]


def test_fault_lists_count_after_and_times(srv):
    url = srv.url_for("small.bin")
    srv.add_fault("/small.bin", fs.drop_after(10, times=1))
    srv.add_fault("small.bin", fs.unavailable(retry_after=7, after=1, times=2))
    statuses = []
    for _ in range(4):
        r = get(url)
        statuses.append((r.status_code, len(r.content), r.headers.get("Retry-After")))
    assert statuses == [(200, 10, None), (503, 20, "7"), (503, 20, "7"), (200, 4096, None)]
    srv.set_fault("*", fs.unavailable(None, status=500, times=1))
    assert get(srv.url_for("b04.tif")).status_code == 500 and get(url).status_code == 200
    srv.clear_faults()
    assert get(srv.url_for("b04.tif")).status_code == 200


def raw_get(url: str) -> tuple[dict[str, str], bytes]:
    """The response headers and every body byte the server sends before it closes.

    Read from the socket: what a client library makes of a wrong Content-Length differs
    (urllib3 1.26 hands a short body over, urllib3 2 raises)."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=TIMEOUT) as sock:
        request = f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n"
        sock.sendall(request.encode("ascii"))
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")[1:]
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return headers, body


@pytest.mark.parametrize("delta", [100, -100])
def test_wrong_content_length(srv, delta):
    srv.set_fault("small.bin", fs.wrong_length(delta, times=1))
    headers, body = raw_get(srv.url_for("small.bin"))
    assert headers["content-length"] == str(4096 + delta)
    assert len(body) == 4096  # the real body, then the connection closes
    assert len(get(srv.url_for("small.bin")).content) == 4096


def test_corrupt_changes_one_byte_and_the_checksum(srv, root):
    data = (root / "b04.tif").read_bytes()
    srv.set_fault("b04.tif", fs.corrupt(offset=20000))
    r = get(srv.url_for("b04.tif"))
    assert r.headers["Content-Length"] == str(len(data)) and len(r.content) == len(data)
    assert [i for i in range(len(data)) if r.content[i] != data[i]] == [20000]
    assert sha256_multihash(r.content) != cog_bytes_checksum(root / "b04.tif")
    part = get(srv.url_for("b04.tif"), headers={"Range": "bytes=19990-20009"}).content
    assert part != data[19990:20010] and part[:10] == data[19990:20000]
    assert get(srv.url_for("b04.tif"), headers={"Range": "bytes=0-999"}).content == data[:1000]


def test_trickle_slow_and_parallel_requests(srv, root):
    srv.set_fault("small.bin", fs.trickle(rate=8192, chunk_size=1024))
    results = []

    def fetch():
        results.append(get(srv.url_for("small.bin")).content)

    start = time.monotonic()
    threads = [threading.Thread(target=fetch) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    assert 0.45 < elapsed < 3 and results == [(root / "small.bin").read_bytes()] * 3
    assert srv.wait_idle() and srv.max_active == 3
    srv.set_fault("small.bin", fs.slow(0.3, times=1))
    start = time.monotonic()
    assert get(srv.url_for("small.bin")).status_code == 200
    assert time.monotonic() - start >= 0.3


def test_redirect_to_another_host(root):
    with FileServer(root, host="127.0.0.2") as target, FileServer(root) as hop:
        hop.set_fault("*", fs.redirect(target.url, times=1))
        headers = {"Authorization": "Bearer t", "X-Api-Key": "k"}
        r = get(hop.url_for("small.bin") + "?sig=1", headers=headers)
        assert r.status_code == 200 and len(r.content) == 4096
        assert r.history[0].status_code == 302
        assert r.history[0].headers["Location"] == target.url + "small.bin?sig=1"
        sent = target.requests[0]["headers"]
        assert "Authorization" not in sent and sent["X-Api-Key"] == "k"  # requests 2.34
        assert get(hop.url_for("small.bin")).history == []  # times=1: consumed


# -- GDAL /vsicurl/ --------------------------------------------------------------------------
def test_gdal_reads_cogs_over_http(srv, root, vsi):
    block = read_block("/vsicurl/" + srv.url_for("b04.tif"))
    assert (block == local_block(root / "b04.tif")).all()
    methods = [(e["method"], e["status"]) for e in srv.requests]
    assert methods[0] == ("HEAD", 200) and set(methods[1:]) == {("GET", 206)}
    assert all(e["range"].startswith("bytes=") for e in srv.requests[1:])
    ds = gdal.Open("/vsicurl/" + srv.url_for("lst/lst.tif"))
    overview = ds.GetRasterBand(1).GetOverview(0).ReadAsArray()
    assert overview.shape == (256, 256) and overview.max() <= 45.0


def test_gdal_scoped_header_reaches_only_its_dataset(root, vsi):
    other_root = root / "lst"
    srv = FileServer(root, authorize=fs.api_key_auth("k-1"))
    with srv, FileServer(other_root, host="127.0.0.2") as other:
        url = srv.url_for("b04.tif")
        assert read_block("/vsicurl/" + url) is None
        assert [(e["method"], e["status"]) for e in srv.requests] == [("HEAD", 401)]
        gdal.VSICurlPartialClearCache("/vsicurl/" + srv.url)  # the 401 is cached per URL
        name = header_file_name(url, b"X-Api-Key: k-1\r\n")
        assert "k-1" not in name
        assert (read_block(name) == local_block(root / "b04.tif")).all()
        assert read_block("/vsicurl/" + other.url_for("lst.tif")) is not None
        assert {e["headers"].get("X-Api-Key") for e in srv.requests[1:]} == {"k-1"}
        assert all("X-Api-Key" not in e["headers"] for e in other.requests)
    with FileServer(root, authorize=fs.bearer_auth("tok")) as srv:
        name = header_file_name(srv.url_for("b04.tif"), b"Authorization: Bearer tok\r\n", "b")
        assert read_block(name) is not None
        assert {e["status"] for e in srv.requests} == {200, 206}


def test_gdal_36_path_specific_and_global_headers(root, vsi):
    """3.6.2 ignores path-specific HTTP options for /vsicurl/ (OSGeo/gdal#6632, later
    releases, reads them); the global option works but goes to every host."""
    scoped = int(gdal.VersionInfo()) >= 3070000
    header_file = "/vsimem/headers/k.txt"
    gdal.FileFromMemBuffer(header_file, b"X-Api-Key: k\r\n")
    srv = FileServer(root, authorize=fs.api_key_auth("k"))
    with srv, FileServer(root, host="127.0.0.2") as other:
        for prefix in ("/vsicurl/" + srv.url, srv.url):
            for key, value in (
                ("GDAL_HTTP_HEADERS", "X-Api-Key: k"),
                ("GDAL_HTTP_HEADER_FILE", header_file),
            ):
                gdal.SetPathSpecificOption(prefix, key, value)
                gdal.VSICurlClearCache()
                assert (read_block("/vsicurl/" + srv.url_for("b04.tif")) is not None) is (
                    scoped and prefix.startswith("/vsicurl/")
                )
                gdal.ClearPathSpecificOptions()  # all of them
        gdal.SetConfigOption("GDAL_HTTP_HEADERS", "X-Api-Key: k")
        gdal.VSICurlClearCache()
        assert read_block("/vsicurl/" + srv.url_for("b04.tif")) is not None
        assert read_block("/vsicurl/" + other.url_for("b04.tif")) is not None
        assert {e["headers"].get("X-Api-Key") for e in other.requests} == {"k"}  # leaked


def test_gdal_redirect_forwards_custom_headers_not_authorization(root, vsi):
    with FileServer(root, host="127.0.0.2") as target, FileServer(root) as hop:
        hop.set_fault("*", fs.redirect(target.url))
        name = header_file_name(
            hop.url_for("b04.tif"), b"X-Api-Key: k\r\nAuthorization: Bearer t\r\n"
        )
        assert read_block(name) is not None
        assert {e["status"] for e in hop.requests} == {302}
        assert {e["headers"].get("X-Api-Key") for e in target.requests} == {"k"}  # libcurl
        assert all("Authorization" not in e["headers"] for e in target.requests)


def test_gdal_retries_503(srv, root, vsi):
    srv.set_fault("b04.tif", fs.unavailable(retry_after=0, after=1, times=1, method="GET"))
    gdal.SetConfigOption("GDAL_HTTP_MAX_RETRY", "2")
    gdal.SetConfigOption("GDAL_HTTP_RETRY_DELAY", "0.1")
    assert (read_block("/vsicurl/" + srv.url_for("b04.tif")) == local_block(root / "b04.tif")).all()
    assert [e["status"] for e in srv.requests if e["method"] == "GET"][:3] == [206, 503, 206]
