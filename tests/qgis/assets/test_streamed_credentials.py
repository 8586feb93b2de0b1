"""Streamed layers behind a bearer token: they keep reading after the token expires, and
come back, without any secret in the project, when the project is opened again."""

from __future__ import annotations

import pytest
from osgeo import gdal
from qgis.core import Qgis, QgsProject, QgsRectangle

from tests.servers.common import file_server as fs
from tests.servers.common.cogs import make_cog
from tests.servers.common.token_server import TokenServer

from ..conftest import clean_settings, wait_for

CLIENT_ID, CLIENT_SECRET = "streaming-client", "streaming-secret-123"


def _bearer(headers) -> str:
    value = headers.get("Authorization", "")
    return value[7:] if value.startswith("Bearer ") else ""


@pytest.fixture()
def servers(tmp_path, qgis_app, qgis_new_project, unlocked_auth):
    """A Sentinel Hub account whose tokens a local token server issues, and a file server
    that serves a real COG only with a token that server considers valid."""
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.assets import streaming
    from eo_explorer.plugin.core import credentials

    clean_settings()
    with TokenServer(clients={CLIENT_ID: CLIENT_SECRET}) as tokens:

        def authorize(headers):
            if tokens.is_valid(_bearer(headers)):
                return None
            return 401, {"error": "invalid_token", "error_description": "expired or unknown"}

        root = tmp_path / "served"
        make_cog(root / "S2_STREAM" / "b04.tif", bands=1, dtype="UInt16", width=2048, height=2048)
        with fs.FileServer(root, authorize=authorize) as files:
            credentials.save(
                Credentials(
                    service="sentinelhub",
                    username=CLIENT_ID,
                    secret=CLIENT_SECRET,
                    token_url=tokens.token_url,
                )
            )
            yield tokens, files
            credentials.delete("sentinelhub")
    streaming.forget_header_files()
    gdal.VSICurlClearCache()


def _stream(files):
    """What the Stream button does for an asset on the catalog's host."""
    from eo_explorer.plugin.api.assets import assets_of
    from eo_explorer.plugin.api.catalogs import Catalog
    from eo_explorer.plugin.assets import streaming
    from eo_explorer.plugin.core.network import http_for
    from eo_explorer.plugin.map import rasters

    catalog = Catalog(id="sh-test", title="SH test", url=files.url, account="sentinelhub")
    item = {
        "type": "Feature",
        "id": "S2_STREAM",
        "collection": "sentinel-2-l2a",
        "assets": {
            "b04": {
                "href": files.url_for("S2_STREAM/b04.tif"),
                "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                "roles": ["data"],
            }
        },
    }
    asset = assets_of(item)[0]
    layer = rasters.add_raster(streaming.stream_source(asset, catalog, http_for(catalog)), asset)
    return layer


def _bearer_in(header_file: str) -> str:
    """The token in one of the plugin's in-memory header files."""
    handle = gdal.VSIFOpenL(header_file, "rb")
    try:
        text = gdal.VSIFReadL(1, 100_000, handle).decode()
    finally:
        gdal.VSIFCloseL(handle)
    return text.split("Bearer ", 1)[1].strip() if "Bearer " in text else ""


def _reads(source: str) -> bool:
    """A fresh GDAL read of the streamed raster (no cached block, no cached refusal)."""
    gdal.VSICurlClearCache()
    try:
        dataset = gdal.OpenEx(source, gdal.OF_RASTER)
        return dataset is not None and dataset.GetRasterBand(1).ReadRaster(0, 0, 16, 16) is not None
    except RuntimeError:  # GDAL exceptions are on (QGIS 3.40+ once Processing has run)
        return False


def test_a_streamed_layer_keeps_reading_after_its_token_expires(servers, qgis_app, monkeypatch):
    from eo_explorer.plugin.assets import streaming

    tokens, files = servers
    monkeypatch.setattr(streaming.header_files, "period", 0.3)
    tokens.expires_in = 2.0  # shorter than the 30 s margin: each renewal fetches a new token
    layer = _stream(files)
    assert layer.isValid()
    first = _bearer(files.requests[-1]["headers"])
    assert tokens.is_valid(first) and CLIENT_SECRET not in layer.source()

    header = streaming.header_path("sentinelhub")
    wait_for(qgis_app, lambda: not tokens.is_valid(first), 10)
    wait_for(qgis_app, lambda: tokens.is_valid(_bearer_in(header)), 10)  # renewed
    # The layer, still open, reads a part of the image it has not read yet: GDAL reads
    # the header file at each request.
    extent = layer.extent()
    corner = QgsRectangle(
        extent.xMaximum() - extent.width() / 8,
        extent.yMinimum(),
        extent.xMaximum(),
        extent.yMinimum() + extent.height() / 8,
    )
    block = layer.dataProvider().block(1, corner, 256, 256)
    assert block.isValid() and block.width() == 256
    latest = _bearer(files.requests[-1]["headers"])
    assert files.requests[-1]["status"] == 206
    assert latest != first and tokens.is_valid(latest)
    assert tokens.count("client_credentials") >= 2


def test_without_renewal_the_expired_token_is_refused(servers, qgis_app, monkeypatch):
    """The other side of the test above: it would fail if nothing renewed the header."""
    from eo_explorer.plugin.assets import streaming

    tokens, files = servers
    monkeypatch.setattr(streaming.header_files, "period", 3600)
    tokens.expires_in = 1.0
    layer = _stream(files)
    first = _bearer(files.requests[-1]["headers"])
    wait_for(qgis_app, lambda: not tokens.is_valid(first), 10)
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        assert not _reads(layer.source())
    finally:
        gdal.PopErrorHandler()
    assert files.requests[-1]["status"] == 401


def _reopen(project_file, qgis_iface, name: str):
    """QGIS restarted: nothing in memory, the plugin loaded, the project opened."""
    import eo_explorer
    from eo_explorer.plugin.assets import streaming
    from eo_explorer.plugin.core import credentials

    QgsProject.instance().clear()
    streaming.forget_header_files()
    credentials.forget_tokens()
    gdal.VSICurlClearCache()
    plugin = eo_explorer.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert QgsProject.instance().read(str(project_file))
    finally:
        plugin.unload()
    return QgsProject.instance().mapLayersByName(name)


def test_a_saved_project_streams_again_after_a_restart(servers, qgis_iface, tmp_path):
    tokens, files = servers
    layer = _stream(files)
    name, source = layer.name(), layer.source()
    first = _bearer(files.requests[-1]["headers"])
    project = tmp_path / "streamed.qgs"
    assert QgsProject.instance().write(str(project))
    text = project.read_text()
    assert first not in text and CLIENT_SECRET not in text and "Bearer" not in text
    tokens.expire(first)

    (reopened,) = _reopen(project, qgis_iface, name)
    assert reopened.isValid() and reopened.source() == source
    block = reopened.dataProvider().block(1, reopened.extent(), 32, 32)
    assert block.isValid() and block.width() == 32
    latest = _bearer(files.requests[-1]["headers"])
    assert latest != first and tokens.is_valid(latest)


def test_a_project_whose_account_is_gone_says_which_account(servers, qgis_iface, tmp_path):
    from eo_explorer.plugin.core import credentials

    tokens, files = servers
    name = _stream(files).name()
    project = tmp_path / "streamed.qgs"
    assert QgsProject.instance().write(str(project))
    credentials.delete("sentinelhub")
    qgis_iface.messageBar().clear_messages()

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        (reopened,) = _reopen(project, qgis_iface, name)
    finally:
        gdal.PopErrorHandler()
    assert not reopened.isValid()
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert len(warnings) == 1  # once, though QGIS resolves the source several times
    assert "needs your Sentinel Hub account" in warnings[0]
    assert "Accounts" in warnings[0]


@pytest.mark.parametrize(
    "path, expected",
    [
        (
            "/vsicurl?empty_dir=yes&header_file=%2Fvsimem%2Feo_explorer%2Fheaders%2Fconstellr.txt"
            "&url=https%3A%2F%2Fapi.constellr.com%2Fa.tif",
            "/vsimem/eo_explorer/headers/constellr.txt",
        ),
        ("/vsicurl?header_file=%2Ftmp%2Fheaders.txt&url=https%3A%2F%2Fa%2Fb.tif", None),
        ("/vsicurl?header_file=%2Fvsimem%2Feo_explorer%2Fheaders%2F..%2Fx.txt&url=u", None),
        ("/vsicurl/https://example.com/header_file=.tif", None),
        ("/data/scene.tif", None),
    ],
)
def test_only_the_plugins_own_header_files_are_restored(path, expected):
    from eo_explorer.plugin.assets.streaming import _header_file_of

    assert _header_file_of(path) == expected
