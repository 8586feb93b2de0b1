"""The Constellr STAC API opens and searches as Constellr documents it (seed 003).

Its landing page has only ``self`` and ``data`` links and its conformance list has no
core or item-search class; ``/stac/search`` answers all the same.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from plugin.api.auth import api_key_auth
from plugin.api.errors import HttpError, NotAStacApi
from plugin.api.geometry import SearchArea
from plugin.api.http import HttpClient
from plugin.api.search import SearchRequest
from plugin.api.stac import StacClient
from tests.servers.constellr.server import ConstellrServer

KEY = "key-documented"


def _item(n: int) -> dict:
    west = 8.0 + n * 0.1
    return {
        "id": f"lst-{n}",
        "type": "Feature",
        "bbox": [west, 49.6, west + 0.5, 50.1],
        "geometry": {
            "type": "Polygon",
            "coordinates": [
                [[west, 50.1], [west, 49.6], [west + 0.5, 49.6], [west + 0.5, 50.1], [west, 50.1]]
            ],
        },
        "links": [],
        "assets": {"lst": {"href": "s3://bucket/path/lst.tiff", "type": "image/tiff"}},
        "collection": "lstfusion",
        "properties": {"gsd": 30, "datetime": f"2025-08-{10 + n:02d}T11:00:00Z"},
        "stac_version": "1.1.0",
        "stac_extensions": [],
    }


@pytest.fixture
def constellr():
    with ConstellrServer({KEY: "ws"}) as server:
        for n in range(5):
            server.stac.add_item("ws", _item(n))
        yield server


def test_the_documented_landing_page_opens_and_searches(constellr):
    http = HttpClient(auth=api_key_auth(KEY))
    client = StacClient.open(constellr.url + "stac", http)
    assert client.title == "Constellr STAC API"
    assert client.search_link() == (constellr.url + "stac/search", {"POST"})
    assert [c.id for c in client.collections()] == ["lstprecision", "lstzoom", "lstfusion"]
    request = SearchRequest(
        collections=["lstfusion"],
        area=SearchArea(bboxes=((8.0, 49.0, 8.25, 51.0),)),
        start=datetime(2025, 8, 1, tzinfo=timezone.utc),
        end=datetime(2025, 8, 31, 23, 59, 59, tzinfo=timezone.utc),
    )
    ids = sorted(item["id"] for page in client.search(request) for item in page.items)
    assert ids == ["lst-0", "lst-1", "lst-2"]


def test_without_the_key_the_landing_page_is_refused(constellr):
    with pytest.raises(HttpError) as info:
        StacClient.open(constellr.url + "stac", HttpClient())
    assert info.value.status == 401


def test_a_static_catalog_without_search_is_still_not_a_stac_api(constellr):
    """The probe needs a search answer; a catalog that has none is refused as before."""
    http = HttpClient(auth=api_key_auth(KEY))
    with pytest.raises(NotAStacApi, match="offers no item search"):
        # The collection document has links but no /search below it.
        StacClient.open(constellr.url + "stac/collections/lstfusion", http)
