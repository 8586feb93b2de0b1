"""Catalog presets and the user's saved catalogs."""

from __future__ import annotations

import pytest

from eo_explorer.plugin.api.catalogs import (
    PRESETS,
    Catalog,
    merge_catalogs,
    new_catalog_id,
    parse_catalogs,
    sandbox_catalog,
)

PRESET_URLS = {
    "cdse": "https://stac.dataspace.copernicus.eu/v1/",
    "sentinelhub": "https://services.sentinel-hub.com/api/v1/catalog/1.0.0/",
    "sentinelhub-cdse": "https://sh.dataspace.copernicus.eu/api/v1/catalog/1.0.0/",
    "constellr": "https://api.constellr.com/stac/",
    "maap": "https://catalog.maap.eo.esa.int/catalogue/",
}


def by_id(catalogs) -> dict[str, Catalog]:
    return {c.id: c for c in catalogs}


@pytest.mark.parametrize(("catalog_id", "url"), sorted(PRESET_URLS.items()))
def test_presets_point_at_the_documented_catalogs(catalog_id, url):
    preset = by_id(PRESETS)[catalog_id]
    assert preset.url == url
    assert preset.builtin
    assert preset.title


def test_which_presets_need_an_account():
    presets = by_id(PRESETS)
    assert not presets["cdse"].needs_account  # CDSE search is public
    assert not presets["maap"].needs_account
    assert presets["sentinelhub"].account == "sentinelhub"
    assert presets["sentinelhub-cdse"].account == "sentinelhub-cdse"
    assert presets["constellr"].account == "constellr"
    assert "OAuth client id and secret" in presets["sentinelhub"].account_text()
    assert "Copernicus Data Space" in presets["sentinelhub-cdse"].account_text()
    assert "API key" in presets["constellr"].account_text()


def test_preset_ids_are_unique():
    ids = [c.id for c in PRESETS]
    assert len(ids) == len(set(ids))


def test_saved_entries_are_read_and_urls_normalised():
    saved = [
        {
            "id": "earth-search",
            "title": "Earth Search",
            "url": " https://earth-search.aws.element84.com/v1 ",
        },
        {
            "id": "pc",
            "title": "Planetary Computer",
            "url": "https://planetarycomputer.microsoft.com/api/stac/v1/",
            "extra": "ignored",
        },
    ]
    catalogs, problems = parse_catalogs(saved)
    assert problems == []
    assert [c.url for c in catalogs] == [
        "https://earth-search.aws.element84.com/v1/",
        "https://planetarycomputer.microsoft.com/api/stac/v1/",
    ]
    assert not any(c.builtin for c in catalogs)


def test_bad_saved_entries_are_reported_not_raised():
    saved = [
        {"id": "ok", "title": "Fine", "url": "https://example.org/stac"},
        {"id": "ftp", "title": "FTP", "url": "ftp://example.org/stac"},
        {"id": "no-title", "url": "https://example.org/other"},
        "not a dict",
        {"id": "", "title": "Empty id", "url": "https://example.org/x"},
    ]
    catalogs, problems = parse_catalogs(saved)
    assert [c.id for c in catalogs] == ["ok"]
    assert len(problems) == 4
    assert problems[0].startswith("saved catalog #2: url: ")
    assert "must start with http:// or https://" in problems[0]
    assert problems[1].startswith("saved catalog #3: title: ")
    assert problems[2].startswith("saved catalog #4")
    assert problems[3].startswith("saved catalog #5: id: ")


@pytest.mark.parametrize("entries", [None, [], ""])
def test_nothing_saved_is_no_problem(entries):
    assert parse_catalogs(entries) == ([], [])


@pytest.mark.parametrize("entries", [{"id": "x"}, "garbage", 42])
def test_saved_list_that_is_not_a_list_is_reported(entries):
    assert parse_catalogs(entries) == ([], ["the saved catalog list is not a list"])


def test_merge_puts_presets_first_then_the_users_catalogs():
    own = Catalog(id="earth-search", title="Earth Search", url="https://example.org/v1")
    merged = merge_catalogs([own])
    assert [c.id for c in merged] == [c.id for c in PRESETS] + ["earth-search"]


def test_saved_entry_replaces_its_preset_in_place():
    moved = Catalog(id="cdse", title="CDSE (proxy)", url="https://proxy.example.org/cdse/v1")
    merged = merge_catalogs([moved])
    assert [c.id for c in merged] == [c.id for c in PRESETS]
    assert by_id(merged)["cdse"].url == "https://proxy.example.org/cdse/v1/"
    assert merged.index(by_id(merged)["cdse"]) == 0


def test_sandbox_preset_comes_first_when_a_url_is_given():
    merged = merge_catalogs([], sandbox_url="http://127.0.0.1:8765")
    assert merged[0].id == "sandbox"
    assert merged[0].url == "http://127.0.0.1:8765/"
    assert [c.id for c in merged[1:]] == [c.id for c in PRESETS]
    assert "sandbox" not in {c.id for c in merge_catalogs([])}


def test_saved_sandbox_entry_is_not_duplicated():
    saved = sandbox_catalog("http://127.0.0.1:9000/")
    merged = merge_catalogs([saved], sandbox_url="http://127.0.0.1:8765/")
    assert [c.url for c in merged if c.id == "sandbox"] == ["http://127.0.0.1:9000/"]


def test_new_catalog_ids_are_readable_and_unique():
    made = new_catalog_id("Earth Search (AWS)", set())
    assert made.startswith("earth-search") and made.endswith("aws")
    assert all(ch.isalnum() or ch == "-" for ch in made)
    assert new_catalog_id("My STAC", {"my-stac"}) == "my-stac-2"
    assert new_catalog_id("My STAC", {"my-stac", "my-stac-2"}) == "my-stac-3"
    assert new_catalog_id("???", set()) == "catalog"
    assert new_catalog_id("CDSE", {c.id for c in PRESETS}) == "cdse-2"


def test_catalogs_are_immutable():
    with pytest.raises(Exception):  # noqa: B017 - pydantic's frozen-instance error
        PRESETS[0].url = "https://elsewhere.example.org/"  # type: ignore[misc]
