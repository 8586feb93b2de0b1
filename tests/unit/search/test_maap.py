"""ESA MAAP as seed 004 documents it: collection search with the server's free text ``q``
and CQL2 ``filter``, granule search by GET, and products on the catalogue's own host that
need a bearer token from the offline token."""

from __future__ import annotations

import pytest
import requests

from eo_explorer.plugin.api.accounts import Credentials, request_auth
from eo_explorer.plugin.api.auth import MAAP_CLIENT_SECRET
from eo_explorer.plugin.api.download import download
from eo_explorer.plugin.api.geometry import SearchArea
from eo_explorer.plugin.api.http import HttpClient
from eo_explorer.plugin.api.search import SearchRequest
from eo_explorer.plugin.api.stac import StacClient
from tests.servers.common.token_server import TokenServer
from tests.servers.stac.maap_server import MaapServer, collection, item

OFFLINE = "maap-offline-token-1"
COLLECTIONS = [
    collection("BiomassSimulated", "Biomass Simulated data", "BIOMASS"),
    collection("BiomassLevel1aIOC", "Biomass Level 1a IOC", "BIOMASS"),
    collection("EarthCAREL1Validated", "EarthCARE L1 validated", "EarthCARE"),
    collection("Landsat8.Collection2", "Landsat 8", "Landsat-8", "USGS"),
]
ITEMS = [
    item(
        "BIO_S1_DGM__1S_A",
        "BiomassSimulated",
        (112.3, -3.3, 112.9, -2.7),
        "2017-01-01T22:21:05Z",
        productType="S1_DGM__1S",
        instrument="P-SAR",
    ),
    item(
        "BIO_S1_SCS__1S_B",
        "BiomassSimulated",
        (112.3, -3.3, 112.9, -2.7),
        "2017-06-01T22:21:05Z",
        productType="S1_SCS__1S",
        instrument="P-SAR",
    ),
    item("BIO_L1A_C", "BiomassLevel1aIOC", (-57.1, -20.3, -56.4, -19.7), "2025-05-01T10:00:00Z"),
]


@pytest.fixture()
def maap():
    with TokenServer(
        realm_path="/realms/esa-maap/protocol/openid-connect/token",
        clients={"offline-token": MAAP_CLIENT_SECRET},
        offline_tokens={OFFLINE: "offline-token"},
    ) as tokens:
        files = {
            f"{i['collection']}/{i['id']}.tif": b"II*\x00" + bytes(range(256)) * 40 for i in ITEMS
        }
        with MaapServer(COLLECTIONS, ITEMS, files, tokens.is_valid, collections_page=2) as srv:
            yield srv, tokens


def test_collection_search_asks_the_server_with_q_and_filter(maap):
    srv, _tokens = maap
    client = StacClient.open(srv.catalogue_url, HttpClient())
    assert client.capabilities.collection_text and client.capabilities.collection_filter
    found = client.collections(text="Biomass")
    assert sorted(c.id for c in found) == ["BiomassLevel1aIOC", "BiomassSimulated"]
    asked = [e for e in srv.requests if e["path"] == "/catalogue/collections"]
    assert asked[-1]["query"]["q"] == ["Biomass"]
    found = client.collections(cql2_text="platform='EarthCARE'")
    assert [c.id for c in found] == ["EarthCAREL1Validated"]
    assert srv.requests[-1]["query"]["filter"] == ["platform='EarthCARE'"]
    assert "filter-lang" not in srv.requests[-1]["query"]  # as the seed sends it
    titled = client.collections(cql2_text="title='Biomass Simulated data'")
    assert [c.id for c in titled] == ["BiomassSimulated"]
    first_page = client.collections(max_pages=1)
    assert len(first_page) == 2  # one page, not the whole catalogue


def test_granules_are_searched_by_get_as_the_seed_does(maap):
    srv, _tokens = maap
    client = StacClient.open(srv.catalogue_url, HttpClient())
    client.get_only = True
    request = SearchRequest(
        collections=["BiomassSimulated"],
        area=SearchArea(bboxes=((112.291824, -3.33663, 112.94324, -2.66676),)),
        cql2_text="productType='S1_DGM__1S' and instrument='P-SAR'",
    )
    found = list(client.items(request))
    assert [i["id"] for i in found] == ["BIO_S1_DGM__1S_A"]
    searches = [e for e in srv.requests if e["path"] == "/catalogue/search"]
    assert {e["method"] for e in searches} == {"GET"}
    assert requests.post(srv.catalogue_url + "search", json={}, timeout=5).status_code == 405


def test_products_need_the_bearer_token_from_the_offline_token(maap, tmp_path):
    srv, tokens = maap
    client = StacClient.open(srv.catalogue_url, HttpClient())
    client.get_only = True
    (granule,) = client.items(SearchRequest(collections=["BiomassLevel1aIOC"]))
    href = granule["assets"]["product"]["href"]
    assert href.startswith(srv.url + "data/")
    assert requests.get(href, timeout=5).status_code == 401
    plain = HttpClient()
    auth = request_auth(
        Credentials(service="maap", secret=OFFLINE, token_url=tokens.token_url), plain
    )
    result = download(href, tmp_path / "p.tif", plain.with_auth(auth))
    assert result.path.read_bytes().startswith(b"II*\x00")
    grant = [e for e in tokens.requests if e.get("form")][-1]["form"]
    assert grant["grant_type"] == "refresh_token" and grant["client_id"] == "offline-token"
    assert grant["refresh_token"] == OFFLINE
