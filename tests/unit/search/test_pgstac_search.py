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


# --- sort and fields ---------------------------------------------------------------------


def _when(item: dict) -> str:
    return item["properties"]["datetime"]


def test_newest_first_brings_the_newest_items_of_a_capped_search(pgstac) -> None:
    client = StacClient.open(pgstac.url)
    request = SearchRequest(
        collections=[COLLECTION], max_cloud_cover=30, max_items=25, page_size=10, sort="newest"
    )
    found = list(client.items(request))
    under = [i for i in pgstac.items if _cloud(i) is None or _cloud(i) <= 30]
    expected = sorted(under, key=_when, reverse=True)[:25]
    assert [i["id"] for i in found] == [i["id"] for i in expected]


def test_least_cloudy_first_brings_the_clearest_items(pgstac) -> None:
    client = StacClient.open(pgstac.url)
    request = SearchRequest(collections=[COLLECTION], max_items=30, sort="least-cloudy")
    found = list(client.items(request))
    clouds = sorted(_cloud(i) for i in pgstac.items if _cloud(i) is not None)[:30]
    assert [_cloud(i) for i in found] == clouds


def test_sort_by_get_uses_the_sign_syntax(pgstac) -> None:
    import requests

    caps = StacClient.open(pgstac.url).capabilities
    params = SearchRequest(collections=[COLLECTION], max_items=5, sort="newest").get_params(caps)
    assert params["sortby"] == "-properties.datetime"
    page = requests.get(pgstac.url + "search", params=params, timeout=60).json()
    newest = sorted(pgstac.items, key=_when, reverse=True)[:5]
    assert [f["id"] for f in page["features"]] == [i["id"] for i in newest]


def test_fields_by_get_are_a_comma_separated_list(pgstac) -> None:
    import requests

    from eo_explorer.plugin.api.footprints import FOOTPRINT_FIELDS
    from eo_explorer.plugin.api.stac import is_partial

    caps = StacClient.open(pgstac.url).capabilities
    request = SearchRequest(max_items=3, include_fields=list(FOOTPRINT_FIELDS))
    page = requests.get(pgstac.url + "search", params=request.get_params(caps), timeout=60)
    features = page.json()["features"]
    assert len(features) == 3 and all(is_partial(f) for f in features)
    assert all(set(f["assets"]) == {"thumbnail"} and f["geometry"] for f in features)


def test_footprint_fields_make_the_same_rows_from_a_fraction_of_the_bytes(pgstac) -> None:
    """Measured: ~68 kB per whole CDSE-like item, ~1.6 kB with the footprint fields."""
    from eo_explorer.plugin.api.footprints import FOOTPRINT_FIELDS, convert_items

    client = StacClient.open(pgstac.url)
    results = {}
    for name, include in (("whole", None), ("slim", list(FOOTPRINT_FIELDS))):
        request = SearchRequest(collections=[COLLECTION], max_items=40, include_fields=include)
        pages = list(client.search(request))
        items = [i for p in pages for i in p.items]
        texts = [t for p in pages for t in p.item_texts]
        results[name] = (
            sum(p.size_bytes for p in pages) / len(items),
            convert_items(items, texts=texts).footprints,
        )
    whole_size, whole = results["whole"]
    slim_size, slim = results["slim"]
    print(f"bytes per item: whole {whole_size:.0f}, with fields {slim_size:.0f}")
    assert slim_size * 10 < whole_size
    assert [f.values[:-1] for f in slim] == [f.values[:-1] for f in whole]  # all but item_json
    assert [f.wkb for f in slim] == [f.wkb for f in whole]
    assert all(f.values[9] for f in slim)  # the thumbnail is still there


def test_whole_item_fetches_a_partial_item_by_its_self_link(pgstac) -> None:
    import json

    from eo_explorer.plugin.api.footprints import FOOTPRINT_FIELDS
    from eo_explorer.plugin.api.stac import is_partial, whole_item

    client = StacClient.open(pgstac.url)
    request = SearchRequest(
        collections=[COLLECTION], max_items=2, include_fields=list(FOOTPRINT_FIELDS)
    )
    page = next(iter(client.search(request)))
    slim = json.loads(page.item_texts[0])
    assert is_partial(slim) and set(slim["assets"]) == {"thumbnail"}
    whole = whole_item(slim, client.http)
    loaded = next(i for i in pgstac.items if i["id"] == slim["id"])
    assert not is_partial(whole)
    assert set(whole["assets"]) == set(loaded["assets"])
    assert whole["properties"]["eo:cloud_cover"] == loaded["properties"].get("eo:cloud_cover")
    assert whole_item(whole, client.http) is whole  # a whole item is not fetched again
