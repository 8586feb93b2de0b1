"""The Processing algorithm "Search catalog" against hostile pages (tests/servers/
hostile_server.py): each run ends in a QgsProcessingException carrying the plugin's own
sentence, never a raw Python exception, and QGIS carries on."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsProcessingException

from tests.servers.common.hostile_server import HostileServer, Page, deep_json, feature, gzip_bomb
from tests.unit.core.test_hostile_pages import DEEP

ALG = "eo_explorer:search_catalog"


@pytest.fixture()
def server():
    with HostileServer() as srv:
        yield srv


def run(server):
    import processing

    return processing.run(
        ALG, {"CATALOG": server.url, "MAX_ITEMS": 50, "OUTPUT": "TEMPORARY_OUTPUT"}
    )


def _tail_page() -> str:
    page = json.dumps({"type": "FeatureCollection", "features": [feature()]})
    return page[:-1] + ', "links": ' + deep_json(DEEP) + "}"


HOSTILE = {
    "deep landing page": ("/", lambda: Page(deep_json(DEEP)), "nested too deeply"),
    "deep item": (
        "/search",
        lambda: Page('{"features": [' + deep_json(DEEP, kind="object") + '], "links": []}'),
        "nested too deeply",
    ),
    "deep links tail": ("/search", lambda: Page(_tail_page()), "nested too deeply"),
    "gzip bomb": (
        "/search",
        lambda: Page(gzip_bomb(512 * 1024 * 1024), headers={"Content-Encoding": "gzip"}),
        "larger than 256 MiB",
    ),
    "next link not an address": (
        "/search",
        lambda: Page(
            {"features": [feature()], "links": [{"rel": "next", "href": "http://[::1/x"}]}
        ),
        "cannot follow",
    ),
    "redirect to port 99999": (
        "/search",
        lambda: Page(b"", 302, "text/plain", {"Location": "http://127.0.0.1:99999/"}),
        "not valid",
    ),
    "features as an object": (
        "/search",
        lambda: Page({"type": "FeatureCollection", "features": {"0": feature()}}),
        "malformed",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_pages_end_in_a_processing_error(provider, server, case):
    path, page, words = HOSTILE[case]
    server.pages[path] = page()
    with pytest.raises(QgsProcessingException) as raised:
        run(server)
    assert words in str(raised.value)


def test_a_nonsense_number_matched_keeps_the_results(provider, server):
    body = {"type": "FeatureCollection", "features": [feature()], "links": []}
    server.pages["/search"] = Page({**body, "numberMatched": "9" * 5000})
    result = run(server)
    assert result["COUNT"] == 1
