"""Each item's own text is kept from the page, and equals the parsed item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eo_explorer.plugin.api.footprints import convert_items
from eo_explorer.plugin.api.pagejson import loads_page, skim, skim_head, skim_tail

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAGES = sorted(
    p
    for p in FIXTURES.rglob("*.json")
    if json.loads(p.read_bytes()).__class__ is dict
    and json.loads(p.read_bytes()).get("type") == "FeatureCollection"
)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_recorded_pages_parse_like_json_loads_and_keep_item_texts(path):
    body = path.read_bytes()
    document, texts = loads_page(body)
    assert document == json.loads(body)
    assert texts is not None and len(texts) == len(document["features"])
    assert [json.loads(t) for t in texts] == document["features"]


@pytest.mark.parametrize(
    "body",
    [
        b'\xef\xbb\xbf{"type": "FeatureCollection", "features": [{"id": "a"}]}',  # BOM
        '{"features":[{"id":"\u00e9t\u00e9"}],"features":[]}'.encode("utf-16"),
        b'  {\n "features" : [ {"id" : "a"} , {"id": "b"}\n ] , "links": [] }  ',
        b'{"features": {"not": "a list"}}',
        b"[1, 2, 3]",
    ],
    ids=["bom", "utf16-duplicate-key", "whitespace", "features-not-a-list", "not-an-object"],
)
def test_odd_pages_give_what_json_loads_gives(body):
    document, texts = loads_page(body)
    text = body.decode(json.detect_encoding(body)).lstrip("\ufeff")
    assert document == json.loads(text)
    if texts is not None:
        assert [json.loads(t) for t in texts] == document["features"]


def test_invalid_json_raises_like_json_loads():
    with pytest.raises(ValueError):
        loads_page(b'{"features": [{"id": "a"}')


def test_item_json_is_the_server_text():
    body = (
        b'{"type":"FeatureCollection","features":[{"id":"x","geometry":{"type":"Polygon",'
        b'"coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{"gsd":10.50}}]}'
    )
    document, texts = loads_page(body)
    conversion = convert_items(document["features"], texts=texts)
    assert conversion.footprints[0].values[-1] == texts[0]
    assert '"gsd":10.50' in texts[0]  # the number exactly as sent, not re-encoded


@pytest.mark.parametrize(
    "body, expected",
    [
        # rustac, stac-fastapi, Earth Search: links (and counts) after the features
        (
            b'{"type":"FeatureCollection","features":[{"id":"a","links":[{"rel":"next"}]}],'
            b'"links":[{"rel":"next","href":"p2"}],"numberReturned":1}',
            {"links": [{"rel": "next", "href": "p2"}], "numberReturned": 1},
        ),
        (
            b'{"features": [] ,\n "links" : [ ] , "context": {"next": 5} }\n',
            {"links": [], "context": {"next": 5}},
        ),
        # eoAPI: links first, so the last "links" is an item's: no guess
        (b'{"links":[{"rel":"next"}],"features":[{"links":[{"rel":"self"}]}]}', None),
        # links nested in another member, a truncated page, no links at all
        (b'{"features":[],"context":{"links":[]}}', None),
        (b'{"features":[],"links":[{"rel":"next","href":"p2"}', None),
        (b'{"features":[]}', None),
    ],
)
def test_the_tail_of_a_page_is_read_without_its_features(body, expected):
    assert skim_tail(body) == expected


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_tail_of_every_recorded_page_agrees_with_the_whole_page(path):
    """Whatever the tail says, the page parsed whole says the same."""
    body = path.read_bytes()
    tail = skim_tail(body)
    if tail is not None:
        whole = json.loads(body)
        assert all(whole[key] == value for key, value in tail.items())


@pytest.mark.parametrize(
    "body, expected",
    [
        # stac-fastapi-pgstac (CDSE STAC v1, eoAPI): links before the features
        (
            b'\xef\xbb\xbf { "type" : "FeatureCollection", "links":[{"rel":"next","href":"p2"}],'
            b'"features":[{"id":"a","links":[{"rel":"next"}]}],"numberReturned":1}',
            {"type": "FeatureCollection", "links": [{"rel": "next", "href": "p2"}]},
        ),
        # features first: nothing before them
        (b'{"features":[],"links":[]}', None),
        # no features at all, not an object, a head cut short
        (b'{"links":[]}', None),
        (b"[1, 2]", None),
        (b'{"links":[{"rel":"next","href":"p2"', None),
    ],
)
def test_the_head_of_a_page_is_read_without_its_features(body, expected):
    assert skim_head(body) == expected


def test_a_head_longer_than_the_limit_is_not_guessed():
    body = b'{"links":[{"rel":"next","href":"' + b"x" * 100 + b'"}],"features":[]}'
    assert skim_head(body, limit=50) is None
    assert skim_head(body)["links"][0]["href"] == "x" * 100


def test_skim_reads_the_head_when_links_come_first_else_joins_head_and_tail():
    body = b'{"links":[{"rel":"next","href":"p2"}],"features":[{"id":"a"}],"context":{"n":3}}'
    assert skim(body) == {"links": [{"rel": "next", "href": "p2"}]}
    body = b'{"type":"FeatureCollection","features":[],"links":[],"context":{"next":3}}'
    assert skim(body) == {"type": "FeatureCollection", "links": [], "context": {"next": 3}}
    assert skim(b'{"features":[]}') is None


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_skimming_every_recorded_page_agrees_with_the_whole_page(path):
    """Recorded CDSE pages put links before features: their next link is found."""
    body = path.read_bytes()
    around = skim(body)
    whole = json.loads(body)
    if around is not None:
        assert all(whole[key] == value for key, value in around.items())
    has_next = isinstance(whole, dict) and any(
        isinstance(link, dict) and link.get("rel") == "next" for link in whole.get("links") or []
    )
    if has_next and "cdse" in str(path):
        assert around is not None and around["links"] == whole["links"]
