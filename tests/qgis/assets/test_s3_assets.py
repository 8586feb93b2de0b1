"""``s3://`` assets with no https twin: streamed and downloaded through GDAL's /vsis3/
with the S3 account's keys, from a real S3 API (moto) on 127.0.0.1."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject

from tests.servers.common.cogs import make_cog
from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY, S3Server

from ..conftest import clean_settings, unlock_auth_database, wait_for


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    folder = tmp_path_factory.mktemp("s3")
    info = make_cog(folder / "B04.tif", bands=1, dtype="UInt16")
    with S3Server() as server:
        server.put("eodata", "Sentinel-2/MSI/L2A/2024/06/01/S2X.SAFE/B04.tif", info.path)
        yield server, info


def _asset(info):
    from eo_explorer.plugin.api.assets import Asset

    return Asset(
        "S2X",
        "sentinel-2-l2a",
        "B04",
        "s3://eodata/Sentinel-2/MSI/L2A/2024/06/01/S2X.SAFE/B04.tif",
        media_type="image/tiff; application=geotiff",
        size=info.file_size,
        checksum=info.multihash,
    )


@pytest.fixture()
def account(qgis_app, s3):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    unlock_auth_database()
    clean_settings()
    server, _info = s3
    credentials.save(Credentials("cdse-s3", ACCESS_KEY, SECRET_KEY, endpoint=server.endpoint))
    yield
    credentials.delete("cdse-s3")


def test_without_keys_the_asset_says_which_account(qgis_app, s3, tmp_path):
    from eo_explorer.plugin.api import batch
    from eo_explorer.plugin.assets import s3 as s3_support

    clean_settings()
    _server, info = s3
    jobs, failures = batch.plan([_asset(info)], tmp_path, lambda a: None, s3=s3_support)
    assert jobs == []
    assert "set up the Copernicus Data Space S3 account" in failures[0].message


def test_download_from_s3_is_verified_and_atomic(account, s3, tmp_path):
    from eo_explorer.plugin.api import batch
    from eo_explorer.plugin.assets import s3 as s3_support

    _server, info = s3
    jobs, failures = batch.plan([_asset(info)], tmp_path, lambda a: None, s3=s3_support)
    assert failures == []
    summary = batch.run(jobs)
    assert summary.failed == []
    ((asset, result),) = summary.done
    assert result.verified_checksum
    assert result.path == tmp_path / "sentinel-2-l2a" / "S2X" / "B04.tif"
    assert result.path.read_bytes() == info.path.read_bytes()


def test_stream_from_s3_keeps_the_keys_out_of_the_project(account, s3, tmp_path):
    from eo_explorer.plugin.assets import s3 as s3_support
    from eo_explorer.plugin.map import rasters

    _server, info = s3
    asset = _asset(info)
    location = asset.location()
    s3_support.ready(location)
    layer = rasters.add_raster(location.gdal_path, asset)
    assert layer.isValid() and layer.width() == info.width
    assert layer.crs().authid() == "EPSG:32632"
    project = tmp_path / "p.qgs"
    assert QgsProject.instance().write(str(project))
    text = project.read_text()
    assert "/vsis3/eodata/Sentinel-2" in text
    assert SECRET_KEY not in text and ACCESS_KEY not in text


def test_accounts_dialog_tests_s3_keys(account, s3, qgis_app):
    from eo_explorer.plugin.core import settings
    from eo_explorer.plugin.gui.common.accounts_dialog import AccountsDialog

    server, _info = s3
    dialog = AccountsDialog(None, "cdse-s3", catalogs=settings.catalogs())
    f = dialog.form
    assert f.tokenUrlLabel.text() == "S3 endpoint" and f.tokenUrlEdit.text() == server.endpoint
    f.testButton.click()
    wait_for(qgis_app, lambda: dialog.task is None)
    assert f.resultLabel.text().startswith("✔ The S3 endpoint accepted the keys")
    dialog.close()


def test_s3_in_both_gdal_modes(gdal_exceptions, account, s3, tmp_path):
    """Download, a missing object and a missing bucket, with GDAL's exceptions on and off."""
    import dataclasses

    from eo_explorer.plugin.api import batch
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.api.download import DownloadError
    from eo_explorer.plugin.assets import s3 as s3_support

    server, info = s3
    asset = _asset(info)
    jobs, failures = batch.plan([asset], tmp_path, lambda a: None, s3=s3_support)
    assert failures == []
    summary = batch.run(jobs)
    assert summary.failed == []
    assert summary.done[0][1].path.read_bytes() == info.path.read_bytes()

    gone = dataclasses.replace(asset, href=asset.href.replace("B04", "B99"))
    location = gone.location()
    s3_support.ready(location)
    with pytest.raises(DownloadError, match="the S3 object cannot be read"):
        s3_support.download(gone, location, tmp_path / "B99.tif")

    keys = Credentials("cdse-s3", ACCESS_KEY, SECRET_KEY, endpoint=server.endpoint)
    ok, message = s3_support.check(keys, bucket="no-such-bucket")
    assert not ok and message.startswith("The S3 endpoint refused the keys or the bucket")
    ok, message = s3_support.check(keys)
    assert ok, message
