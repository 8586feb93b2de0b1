"""S3 keys are signed per request by GDAL for one bucket's endpoint; they never reach any
other host: not an http(s) asset streamed meanwhile, not another bucket, not the target of
a redirect from the S3 endpoint (GDAL's /vsis3/ does not follow it)."""

from __future__ import annotations

import pytest
from osgeo import gdal

from tests.servers.common import file_server as fs
from tests.servers.common.cogs import make_cog
from tests.servers.common.recording import RedirectServer

ACCESS, SECRET = "AKIDSCOPETEST", "s3-secret-scope-0042"
STATUSES = (301, 302, 303, 307, 308)


def signed(entry: dict) -> bool:
    """True when a recorded request carries the keys or a signature made with them."""
    return any(
        ACCESS in value or SECRET in value or "AWS4-HMAC" in value
        for value in entry["headers"].values()
    ) or any(name.lower() == "x-amz-security-token" for name in entry["headers"])


@pytest.fixture()
def served(tmp_path):
    make_cog(tmp_path / "eodata" / "cog.tif", bands=1, dtype="UInt16")
    make_cog(tmp_path / "cog.tif", bands=1, dtype="UInt16")
    yield tmp_path
    gdal.ClearPathSpecificOptions()  # all of them ("" clears nothing on GDAL 3.10+)
    gdal.VSICurlClearCache()


def keys(endpoint: str):
    from eo_explorer.plugin.api.accounts import Credentials

    return Credentials("cdse-s3", ACCESS, SECRET, endpoint=endpoint)


def quiet_open(path: str):
    """The dataset, or None when GDAL cannot open it, whether GDAL's exceptions are on or
    off (QGIS 3.40+ Processing turns them on for the whole process)."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return gdal.OpenEx(path, gdal.OF_RASTER)
    except RuntimeError:
        return None
    finally:
        gdal.PopErrorHandler()


@pytest.mark.parametrize("status", STATUSES)
def test_a_redirect_from_the_s3_endpoint_takes_no_signature_along(qgis_app, served, status):
    from eo_explorer.plugin.assets import s3

    with fs.FileServer(served, host="127.0.0.2") as other:
        with RedirectServer(other.url, status, keep_path=True) as endpoint:
            s3.configure("eodata", keys(endpoint.url))
            quiet_open("/vsis3/eodata/cog.tif")
            assert endpoint.requests and all(signed(e) for e in endpoint.requests)
    assert not any(signed(e) for e in other.requests)


def test_an_http_asset_and_another_bucket_get_no_s3_keys(qgis_app, served):
    from eo_explorer.plugin.api.assets import Location
    from eo_explorer.plugin.assets import s3, streaming

    with fs.FileServer(served) as endpoint, fs.FileServer(served, host="127.0.0.2") as web:
        s3.configure("eodata", keys(endpoint.url))
        url = web.url_for("cog.tif")
        path = streaming.gdal_source(Location("https", url), None, None)
        dataset = quiet_open(path)
        assert dataset is not None and dataset.GetRasterBand(1).ReadRaster(0, 0, 8, 8)
        assert web.requests and not any(signed(e) for e in web.requests)
        # The keys are the bucket's, not the endpoint's: another bucket is not signed.
        quiet_open("/vsis3/another-bucket/cog.tif")
        assert not any(signed(e) for e in endpoint.requests if "another" in e["path"])
