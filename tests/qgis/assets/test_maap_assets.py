"""ESA MAAP products on the catalogue's own host need the MAAP bearer token: the Assets
tab (the searched catalog), the Processing download (only the items) and streaming all
send it, decided in one place (``streaming.asset_account``)."""

from __future__ import annotations

import pytest
from osgeo import gdal

from tests.servers.common.cogs import make_cog
from tests.servers.common.token_server import TokenServer
from tests.servers.stac.maap_server import MaapServer, collection, item

from ..conftest import clean_settings

OFFLINE = "maap-offline-token-qgis"


@pytest.fixture()
def maap(tmp_path, qgis_app, qgis_new_project, unlocked_auth):
    from eo_explorer.plugin.api.auth import MAAP_CLIENT_SECRET
    from eo_explorer.plugin.api.catalogs import PRESETS
    from eo_explorer.plugin.assets import streaming
    from eo_explorer.plugin.core import credentials, settings

    clean_settings()
    granule = item(
        "BIO_L1A_Q", "BiomassLevel1aIOC", (11.0, 47.0, 11.2, 47.2), "2025-05-01T10:00:00Z"
    )
    cog = make_cog(tmp_path / "cog.tif", bands=1, dtype="UInt16", width=512, height=512)
    with TokenServer(
        realm_path="/realms/esa-maap/protocol/openid-connect/token",
        clients={"offline-token": MAAP_CLIENT_SECRET},
        offline_tokens={OFFLINE: "offline-token"},
    ) as tokens:
        files = {"BiomassLevel1aIOC/BIO_L1A_Q.tif": cog.path}
        collections = [collection("BiomassLevel1aIOC", "Biomass Level 1a IOC", "BIOMASS")]
        with MaapServer(collections, [granule], files, tokens.is_valid) as srv:
            preset = next(p for p in PRESETS if p.id == "maap")
            catalog = preset.model_copy(update={"url": srv.catalogue_url})
            settings.save_catalogs([catalog])  # the preset pointed at the local server
            yield srv, tokens, settings.find_catalog("maap")
            credentials.delete("maap")
    streaming.forget_header_files()
    gdal.VSICurlClearCache()
    clean_settings()


def _asset(srv):
    from eo_explorer.plugin.api.assets import assets_of
    from eo_explorer.plugin.api.search import SearchRequest
    from eo_explorer.plugin.api.stac import StacClient
    from eo_explorer.plugin.core.network import plain_client

    client = StacClient.open(srv.catalogue_url, plain_client())
    (granule,) = client.items(SearchRequest(collections=["BiomassLevel1aIOC"]))
    return assets_of(granule)[0]


def _save_account(tokens):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    credentials.save(Credentials(service="maap", secret=OFFLINE, token_url=tokens.token_url))


def test_assets_tab_and_processing_download_send_the_maap_token(maap, tmp_path):
    from eo_explorer.plugin.api.download import download
    from eo_explorer.plugin.assets import streaming
    from eo_explorer.plugin.core.network import http_for, plain_client

    srv, tokens, catalog = maap
    assert catalog.data_account == "maap" and catalog.account is None
    asset = _asset(srv)
    _save_account(tokens)
    url = asset.location().url
    # The Assets tab: the searched catalog and its (anonymous) search client.
    tab = streaming.http_for_asset(url, catalog, http_for(catalog))
    assert download(url, tmp_path / "tab.tif", tab).size > 0
    # The Processing download: only the items, no catalog.
    algorithm = streaming.http_for_asset(url, None, plain_client())
    assert download(url, tmp_path / "alg.tif", algorithm).size > 0
    sent = [e["headers"].get("Authorization", "") for e in srv.data_requests()]
    assert len(sent) == 2 and all(tokens.is_valid(v[7:]) for v in sent)
    # Search requests never carry it.
    searches = [e for e in srv.requests if not e["path"].startswith("/data/")]
    assert searches and not any("Authorization" in e["headers"] for e in searches)


def test_streamed_maap_product_opens_with_the_token(maap):
    from eo_explorer.plugin.assets import streaming
    from eo_explorer.plugin.core.network import http_for

    srv, tokens, catalog = maap
    asset = _asset(srv)
    _save_account(tokens)
    source = streaming.stream_source(asset, catalog, http_for(catalog))
    assert OFFLINE not in source and "maap" in source
    dataset = gdal.OpenEx(source, gdal.OF_RASTER)
    assert dataset is not None and dataset.GetRasterBand(1).ReadRaster(0, 0, 16, 16)


def test_without_the_account_the_user_is_told_which_to_set_up(maap):
    from eo_explorer.plugin.api.errors import CredentialsRequired
    from eo_explorer.plugin.assets import streaming
    from eo_explorer.plugin.core.network import http_for

    srv, _tokens, catalog = maap
    asset = _asset(srv)
    with pytest.raises(CredentialsRequired, match="ESA MAAP"):
        streaming.http_for_asset(asset.location().url, catalog, http_for(catalog))


def test_search_dock_asks_maap_for_collections_instead_of_reading_every_page(
    qgis_iface, qgis_app, qgis_new_project, tmp_path
):
    from qgis.PyQt.QtCore import Qt

    from eo_explorer.plugin.api.catalogs import PRESETS
    from eo_explorer.plugin.core import settings
    from eo_explorer.plugin.gui.search.dock import SearchDock

    from ..conftest import wait_for

    clean_settings()
    names = [("BiomassSimulated", "BIOMASS"), ("BiomassLevel1aIOC", "BIOMASS")]
    names += [(f"Other{n:02d}", "Landsat-8") for n in range(30)]
    collections = [collection(cid, cid, platform) for cid, platform in names]
    with MaapServer(collections, [], {}, lambda _t: False, collections_page=10) as srv:
        preset = next(p for p in PRESETS if p.id == "maap")
        settings.save_catalogs([preset.model_copy(update={"url": srv.catalogue_url})])
        dock = SearchDock(qgis_iface)
        try:
            f = dock.form
            f.catalogCombo.setCurrentIndex(f.catalogCombo.findData("maap"))
            wait_for(qgis_app, lambda: f.collectionsList.count() > 0)
            asked = [e for e in srv.requests if e["path"] == "/catalogue/collections"]
            assert len(asked) == 1 and f.collectionsList.count() == 10  # one page only

            def listed():
                return sorted(
                    f.collectionsList.item(r).data(Qt.ItemDataRole.UserRole + 1).id
                    for r in range(f.collectionsList.count())
                )

            f.collectionsFilter.setText("biomass")
            wait_for(qgis_app, lambda: listed() == ["BiomassLevel1aIOC", "BiomassSimulated"])
            assert srv.requests[-1]["query"]["q"] == ["biomass"]
            f.collectionsList.item(0).setCheckState(Qt.CheckState.Checked)
            f.collectionsFilter.setText("platform='Landsat-8'")
            wait_for(qgis_app, lambda: len(listed()) == 1 + 30, 10)  # the ticked one stays
            assert srv.requests[-1]["query"]["filter"] == ["platform='Landsat-8'"]
            assert [c.id for c in dock.selected_collections()] == ["BiomassLevel1aIOC"]
        finally:
            dock.shutdown()
            dock.deleteLater()
            clean_settings()
