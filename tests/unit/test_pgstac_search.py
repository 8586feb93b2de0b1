"""Searches against stac-fastapi-pgstac, the server CDSE STAC v1 runs: what it returns is
what the plugin asked for (filters, cloud limit)."""

from __future__ import annotations

from datetime import datetime

import pytest

from eo_explorer.plugin.api.search import SearchRequest
from eo_explorer.plugin.api.stac import StacClient

COLLECTION = "sentinel-2-l2a"


def _cloud(item: dict):
    return item["properties"].get("eo:cloud_cover")


def _search(server, **kwargs) -> tuple[list[dict], list[tuple[str, str, object]]]:
    client = StacClient.open(server.url)
    sent: list[tuple[str, str, object]] = []
    request = SearchRequest(collections=[COLLECTION], max_items=1000, **kwargs)
    found = []
    for page in client.search(request, on_request=lambda m, u, b: sent.append((m, u, b))):
        found.extend(page.items)
    return found, sent


def test_pgstac_declares_filter_sort_fields_and_both_cql2_encodings(pgstac) -> None:
    caps = StacClient.open(pgstac.url).capabilities
    assert caps.filter and caps.sort and caps.fields and caps.query
    assert caps.cql2_json and caps.cql2_text and caps.post_filter_json


@pytest.mark.parametrize("limit", [0, 12.5, 40])
def test_cloud_limited_search_returns_exactly_the_items_under_the_limit(pgstac, limit) -> None:
    found, sent = _search(pgstac, max_cloud_cover=limit, page_size=50)
    expected = {
        i["id"] for i in pgstac.items if _cloud(i) is None or _cloud(i) <= limit
    }  # items without cloud cover are kept, as when the plugin filters itself
    assert sorted(i["id"] for i in found) == sorted(expected)
    assert any(_cloud(i) is None for i in pgstac.items if i["id"] in expected)
    assert sent[0][0] == "POST"
    assert sent[0][2]["filter-lang"] == "cql2-json"


def test_user_cql2_filter_is_translated_for_post(pgstac) -> None:
    text = (
        "platform = 'sentinel-2a' AND eo:cloud_cover BETWEEN 10 AND 60 "
        "AND datetime >= TIMESTAMP('2024-07-01T00:00:00Z') AND id LIKE 'S2A%'"
    )
    found, sent = _search(pgstac, cql2_text=text)
    start = datetime.fromisoformat("2024-07-01T00:00:00+00:00")
    expected = {
        i["id"]
        for i in pgstac.items
        if i["properties"]["platform"] == "sentinel-2a"
        and _cloud(i) is not None
        and 10 <= _cloud(i) <= 60
        and datetime.fromisoformat(i["properties"]["datetime"].replace("Z", "+00:00")) >= start
    }
    assert expected and sorted(i["id"] for i in found) == sorted(expected)
    assert sent[0][0] == "POST" and isinstance(sent[0][2]["filter"], dict)


def test_user_filter_or_not_in_and_is_null(pgstac) -> None:
    text = "eo:cloud_cover IS NULL OR NOT (eo:cloud_cover IN (0, 100) OR eo:cloud_cover > 5)"
    found, _ = _search(pgstac, cql2_text=text)
    expected = {
        i["id"]
        for i in pgstac.items
        if _cloud(i) is None or not (_cloud(i) in (0, 100) or _cloud(i) > 5)
    }
    assert expected and sorted(i["id"] for i in found) == sorted(expected)


def test_filter_the_plugin_cannot_translate_goes_by_get_as_text(pgstac) -> None:
    text = "S_INTERSECTS(geometry, POLYGON((4 40, 12 40, 12 48, 4 48, 4 40)))"
    found, sent = _search(pgstac, cql2_text=text, max_cloud_cover=30)
    assert sent[0][0] == "GET"
    assert sent[0][2]["filter-lang"] == "cql2-text"
    assert found and all(_cloud(i) is None or _cloud(i) <= 30 for i in found)


def test_next_pages_are_asked_for_ahead_from_the_links_before_the_features(pgstac) -> None:
    """pgstac writes ``links`` before ``features``: the next page is requested from the
    head of the page while the page is parsed, and that early answer is the one used."""
    client = StacClient.open(pgstac.url)
    fetched, guesses = [], []
    fetch, ask_ahead = client._fetch, client._ask_ahead

    def counting_fetch(current, is_cancelled):
        fetched.append(current)
        return fetch(current, is_cancelled)

    def recording_ask_ahead(current, body, is_cancelled):
        ahead = ask_ahead(current, body, is_cancelled)
        guesses.append(ahead)
        return ahead

    client._fetch, client._ask_ahead = counting_fetch, recording_ask_ahead
    request = SearchRequest(collections=[COLLECTION], max_cloud_cover=15, page_size=12)
    pages = list(client.search(request))
    expected = {i["id"] for i in pgstac.items if _cloud(i) is None or _cloud(i) <= 15}
    assert sorted(i["id"] for p in pages for i in p.items) == sorted(expected)
    assert len(pages) >= 4
    assert all(ahead is not None for ahead in guesses[:-1])  # the last page has no next
    assert len(fetched) == len(pages) + 1 - (guesses[-1] is None)  # no page fetched twice
