"""Streaming through GDAL sends an account's headers only to the account's origin.

libcurl (under GDAL's ``/vsicurl/``) follows redirects and forwards custom headers such as
``X-Api-Key`` to the target, even on another host (``test_file_server``'s
``test_gdal_redirect_forwards_custom_headers_not_authorization``). The plugin resolves the
redirect chain before GDAL gets the URL; these tests open the path the plugin builds with
``gdal.OpenEx`` (with the in-memory header file the plugin writes) against two loopback
hosts: A (127.0.0.1, the account's origin) answers 301/302/303/307/308 to B (127.0.0.2,
a presigned storage URL). B never sees the secret, A always gets it, the pixels arrive.
"""

from __future__ import annotations

import base64

import pytest
from osgeo import gdal
from qgis.core import QgsProject

from tests.servers.common import file_server as fs
from tests.servers.common.cogs import make_cog

from ..conftest import clean_settings

STATUSES = (301, 302, 303, 307, 308)
SECRET = "str3am-secret-9c1e"
KINDS = ("api-key", "bearer", "basic", "custom-header", "oauth")
PRESIGNED = "?X-Amz-Expires=300&X-Amz-Signature=0badc0de"


def make_auth(kind: str):
    from eo_explorer.plugin.api import auth

    class Token:
        status, headers = 200, {}

        def json(self):
            return {"access_token": SECRET, "expires_in": 600}

    class Flow(auth.TokenFlow):
        def first_form(self):
            return {"grant_type": "client_credentials"}

    return {
        "api-key": lambda: auth.api_key_auth(SECRET),
        "bearer": lambda: auth.bearer_token_auth(SECRET),
        "basic": lambda: auth.basic_auth("user", SECRET),
        "custom-header": lambda: auth.HeaderAuth("X-Catalog-Secret", SECRET),
        "oauth": lambda: auth.BearerAuth(
            auth.TokenProvider(Flow("http://127.0.0.1:1/t"), lambda url, form: Token())
        ),
    }[kind]()


def carries_secret(entry: dict) -> bool:
    encoded = base64.b64encode(f"user:{SECRET}".encode()).decode()
    return any(SECRET in v or encoded in v for v in entry["headers"].values())


def with_secret(headers):
    if carries_secret({"headers": headers}):
        return None
    return 401, {"code": "Unauthorized", "description": "no key"}


@pytest.fixture()
def cog(tmp_path):
    root = tmp_path / "served"
    make_cog(root / "cog.tif", bands=1, dtype="UInt16", width=1024, height=1024)
    make_cog(root / "real" / "cog.tif", bands=1, dtype="UInt16", width=1024, height=1024)
    return root


@pytest.fixture()
def gdal_quiet():
    from eo_explorer.plugin.assets import streaming

    gdal.SetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR")
    gdal.VSICurlClearCache()
    yield
    streaming.forget_header_files()
    gdal.SetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", None)
    gdal.VSICurlClearCache()


def reads(path: str) -> bool:
    dataset = gdal.OpenEx(path, gdal.OF_RASTER)
    if dataset is None:
        return False
    return dataset.GetRasterBand(1).ReadRaster(512, 512, 256, 256) is not None


def open_path(url: str, kind: str, origin: str) -> str:
    """The GDAL path the plugin builds for an asset at ``url`` whose account is ``kind``
    and belongs to ``origin`` (what ``stream_source`` does once it knows the account)."""
    from eo_explorer.plugin.api.assets import Location
    from eo_explorer.plugin.api.http import HttpClient
    from eo_explorer.plugin.assets import streaming

    auth = make_auth(kind)
    http = HttpClient().with_auth(auth, origin)
    return streaming.gdal_source(Location("https", url), auth, f"test-{kind}", http)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("status", STATUSES)
def test_gdal_never_sends_the_account_to_the_redirect_target(
    qgis_app, cog, gdal_quiet, kind, status
):
    with fs.FileServer(cog, host="127.0.0.2") as b, fs.FileServer(cog, authorize=with_secret) as a:
        a.set_fault("cog.tif", fs.redirect(b.url_for("cog.tif") + PRESIGNED, status, False))
        path = open_path(a.url_for("cog.tif"), kind, a.url)
        assert SECRET not in path and "header_file" not in path  # B gets no header file
        assert reads(path)
        assert b.requests and not any(carries_secret(e) for e in b.requests)
        assert a.requests and all(carries_secret(e) for e in a.requests)
        assert {e["status"] for e in b.requests} <= {200, 206}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("status", STATUSES)
def test_a_to_b_to_a_gives_gdal_the_header_file_for_a_only(qgis_app, cog, gdal_quiet, kind, status):
    with fs.FileServer(cog, host="127.0.0.2") as b, fs.FileServer(cog, authorize=with_secret) as a:
        a.set_fault("cog.tif", fs.redirect(b.url, status))  # A/cog.tif -> B/cog.tif
        b.set_fault("cog.tif", fs.redirect(a.url + "real", status))  # -> A/real/cog.tif
        path = open_path(a.url_for("cog.tif"), kind, a.url)
        assert "header_file" in path and "real%2Fcog.tif" in path
        assert reads(path)
        assert [e["path"] for e in b.requests] == ["/cog.tif"]  # only the resolving hop
        assert not carries_secret(b.requests[0])
        assert all(carries_secret(e) for e in a.requests)
        assert any(e["status"] == 206 and e["path"] == "/real/cog.tif" for e in a.requests)


@pytest.mark.parametrize("status", STATUSES)
def test_same_origin_redirects_keep_the_asset_url_and_its_header_file(
    qgis_app, cog, gdal_quiet, status
):
    with fs.FileServer(cog, authorize=with_secret) as a:
        a.set_fault("cog.tif", fs.redirect(a.url + "real", status))
        url = a.url_for("cog.tif")
        path = open_path(url, "api-key", a.url)
        assert "header_file" in path and path.endswith(gdal.EscapeString(url, gdal.CPLES_URL))
        assert reads(path)
        assert all(carries_secret(e) for e in a.requests)


def test_no_redirect_no_change(qgis_app, cog, gdal_quiet):
    from eo_explorer.plugin.assets import streaming

    with fs.FileServer(cog, authorize=with_secret) as a:
        url = a.url_for("cog.tif")
        path = open_path(url, "custom-header", a.url)
        assert path == streaming.vsicurl_path(url, streaming.header_path("test-custom-header"))
        assert reads(path)


# --- through stream_source, and through a saved project ------------------------------------


@pytest.fixture()
def constellr_account(qgis_app, unlocked_auth):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    clean_settings()
    credentials.save(Credentials(service="constellr", secret=SECRET))
    yield
    credentials.delete("constellr")


def stream(a_url: str, href: str):
    """What the Stream button does for a Constellr asset on the catalog's host."""
    from eo_explorer.plugin.api.assets import assets_of
    from eo_explorer.plugin.api.catalogs import Catalog
    from eo_explorer.plugin.assets import streaming
    from eo_explorer.plugin.core.network import http_for
    from eo_explorer.plugin.map import rasters

    catalog = Catalog(id="constellr-test", title="Constellr", url=a_url, account="constellr")
    item = {
        "type": "Feature",
        "id": "LST_1",
        "collection": "lst",
        "assets": {"lst": {"href": href, "type": "image/tiff", "roles": ["data"]}},
    }
    asset = assets_of(item)[0]
    return rasters.add_raster(streaming.stream_source(asset, catalog, http_for(catalog)), asset)


@pytest.mark.parametrize("status", STATUSES)
def test_stream_source_with_the_workspace_key(
    constellr_account, qgis_new_project, cog, gdal_quiet, status
):
    with fs.FileServer(cog, host="127.0.0.2") as b, fs.FileServer(cog, authorize=with_secret) as a:
        a.set_fault("cog.tif", fs.redirect(b.url_for("cog.tif") + PRESIGNED, status, False))
        layer = stream(a.url, a.url_for("cog.tif"))
        assert layer.isValid()
        block = layer.dataProvider().block(1, layer.extent(), 64, 64)
        assert block.isValid()
        assert b.requests and not any(carries_secret(e) for e in b.requests)
        assert all(e["headers"].get("X-Api-Key") == SECRET for e in a.requests)
        QgsProject.instance().removeMapLayer(layer.id())  # before its servers stop


def test_a_saved_project_keeps_the_asset_url_not_the_presigned_link(
    constellr_account, qgis_new_project, qgis_iface, cog, gdal_quiet, tmp_path
):
    import eo_explorer
    from eo_explorer.plugin.assets import streaming
    from eo_explorer.plugin.core import credentials

    plugin = eo_explorer.classFactory(qgis_iface)
    plugin.initGui()  # its path writer keeps presigned links out of projects
    try:
        with (
            fs.FileServer(cog, host="127.0.0.2") as b,
            fs.FileServer(cog, authorize=with_secret) as a,
        ):
            a.set_fault("cog.tif", fs.redirect(b.url_for("cog.tif") + PRESIGNED, 302, False))
            layer = stream(a.url, a.url_for("cog.tif"))
            assert "X-Amz-Signature" in layer.source()  # GDAL reads the presigned link
            name = layer.name()
            project = tmp_path / "streamed.qgs"
            assert QgsProject.instance().write(str(project))
            text = project.read_text()
            assert "X-Amz-Signature" not in text and "127.0.0.2" not in text
            assert SECRET not in text and "constellr.txt" in text

            QgsProject.instance().clear()
            streaming.forget_header_files()
            credentials.forget_tokens()
            gdal.VSICurlClearCache()
            b.requests.clear()
            assert QgsProject.instance().read(str(project))
            (reopened,) = QgsProject.instance().mapLayersByName(name)
            assert reopened.isValid() and "X-Amz-Signature" in reopened.source()
            block = reopened.dataProvider().block(1, reopened.extent(), 32, 32)
            assert block.isValid()
            assert b.requests and not any(carries_secret(e) for e in b.requests)
    finally:
        plugin.unload()


def presigned(seconds: int, signature: str) -> str:
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return f"?X-Amz-Date={now}&X-Amz-Expires={seconds}&X-Amz-Signature={signature}"


def test_a_link_about_to_expire_is_renewed_while_the_layer_is_on_the_map(
    constellr_account, qgis_new_project, cog, gdal_quiet
):
    from eo_explorer.plugin.assets import stream_links

    renewer = stream_links.LinkRenewer()
    with fs.FileServer(cog, host="127.0.0.2") as b, fs.FileServer(cog, authorize=with_secret) as a:
        target = b.url_for("cog.tif")
        a.set_fault("cog.tif", fs.redirect(target + presigned(30, "first"), 302, False))
        layer = stream(a.url, a.url_for("cog.tif"))
        assert layer.isValid() and "Signature%3Dfirst" in layer.source()
        saved = stream_links.saved_source(layer.source())
        # The storage now hands out another link; the old one expires within the margin.
        a.set_fault("cog.tif", fs.redirect(target + presigned(3600, "second"), 302, False))
        assert renewer.tick([layer]) == 0  # asks for a new link in a thread
        assert renewer.wait_idle()
        assert renewer.tick([layer]) == 1  # ... and gives it to the layer
        assert layer.isValid() and "Signature%3Dsecond" in layer.source()
        assert layer.dataProvider().block(1, layer.extent(), 32, 32).isValid()
        assert stream_links.saved_source(layer.source()) == saved  # the project keeps A
        assert renewer.tick([layer]) == 0 and renewer.wait_idle()  # an hour left: nothing
        assert b.requests and not any(carries_secret(e) for e in b.requests)
        assert all(carries_secret(e) for e in a.requests)
        QgsProject.instance().removeMapLayer(layer.id())


@pytest.mark.parametrize(
    "query, expected",
    [
        ("X-Amz-Date=20240101T000000Z&X-Amz-Expires=300&X-Amz-Signature=s", 1704067500.0),
        ("X-Goog-Date=20240101T000000Z&X-Goog-Expires=60", 1704067260.0),
        ("Expires=1704067200&Signature=s", 1704067200.0),
        ("se=2024-01-01T00:00:00Z&sig=s", 1704067200.0),
        ("token=abc", None),
    ],
)
def test_when_a_presigned_link_expires(query, expected):
    from eo_explorer.plugin.assets.stream_links import link_expiry

    assert link_expiry("https://bucket.example/key.tif?" + query) == expected


@pytest.mark.parametrize("status", STATUSES)
def test_another_host_of_the_same_account_gets_the_header_file(qgis_app, cog, gdal_quiet, status):
    """CDSE downloads redirect to their ``zipper`` host, which wants the same token:
    GDAL goes there directly with the header file (libcurl would drop Authorization)."""
    from eo_explorer.plugin.api.assets import Location
    from eo_explorer.plugin.api.http import HttpClient
    from eo_explorer.plugin.assets import streaming

    with (
        fs.FileServer(cog, host="127.0.0.2", authorize=with_secret) as zipper,
        fs.FileServer(cog, authorize=with_secret) as a,
    ):
        a.set_fault("cog.tif", fs.redirect(zipper.url, status))
        auth = make_auth("bearer")
        http = HttpClient().with_auth(auth, a.url, zipper.url)
        path = streaming.gdal_source(Location("https", a.url_for("cog.tif")), auth, "cdse", http)
        assert "header_file" in path and "127.0.0.2" in path
        assert reads(path)
        assert all(carries_secret(e) for e in a.requests + zipper.requests)
