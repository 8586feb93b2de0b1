"""The Search dock inside the real QGIS application: the map extent, a polygon drawn with
the mouse, the selected features of a layer and a polygon drawn across the antimeridian,
each checked against the ids the sandbox holds for that area."""

from __future__ import annotations

import pytest
from shapely.geometry import shape

from .expected import JUNE, S2, assert_picture, expected_ids, polygon, wrapped

SEARCH = "search"


def search_request(data: dict, sandbox: dict) -> dict:
    assert data["requests"], f"no request was sent: {data}"
    method, url, body = data["requests"][0]
    assert method == "POST" and url == sandbox["config"]["stac"] + SEARCH
    assert body["collections"] == [S2]
    return body


def assert_found(data: dict, expected: set[str]) -> None:
    assert data["error"] == "", data
    assert expected, "the area was chosen to hold sandbox items"
    assert sorted(data["ids"]) == sorted(expected)
    assert len(data["ids"]) == len(set(data["ids"]))
    assert data["layer"] in data["layers"], "the footprints layer is in the project"


@pytest.mark.flow("search_extent")
def test_search_from_the_map_extent(app_run, sandbox):
    data = app_run["search_extent"].check()
    body = search_request(data, sandbox)
    assert body["datetime"] == "2024-06-01T00:00:00Z/2024-06-30T23:59:59.999999Z"
    assert body["bbox"] == pytest.approx(data["extent"], abs=1e-6)
    assert_found(data, expected_ids(data["extent"], JUNE))
    assert_picture(data["screenshot"])


@pytest.mark.flow("search_drawn")
def test_search_from_a_polygon_drawn_with_the_mouse(app_run, sandbox):
    data = app_run["search_drawn"].check()
    drawn = polygon(data["vertices"])
    # The clicks landed where they were aimed (within a pixel of the 20-degree-wide map).
    assert drawn.bounds == pytest.approx((4, 44, 13, 50), abs=0.1)
    body = search_request(data, sandbox)
    assert "bbox" not in body
    sent = shape(body["intersects"])
    assert sent.geom_type == "Polygon"
    assert sent.symmetric_difference(drawn).area / drawn.area < 1e-6
    assert_found(data, expected_ids(drawn))


@pytest.mark.flow("search_selected")
def test_search_from_the_selected_features_of_a_layer(app_run, sandbox):
    data = app_run["search_selected"].check()
    fields = [polygon(ring) for ring in data["fields"]]
    body = search_request(data, sandbox)
    sent = shape(body["intersects"])
    for field in fields:  # both selected fields, and nothing else, reached the server
        assert sent.intersection(field).area == pytest.approx(field.area, rel=1e-4)
    assert sent.area == pytest.approx(sum(f.area for f in fields), rel=1e-3)
    expected = expected_ids(fields[0], JUNE) | expected_ids(fields[1], JUNE)
    assert_found(data, expected)


@pytest.mark.flow("search_antimeridian")
def test_search_from_a_polygon_drawn_across_the_antimeridian(app_run, sandbox):
    data = app_run["search_antimeridian"].check()
    drawn = polygon(data["vertices"])
    assert drawn.bounds == pytest.approx((175, -20, 185, -14), abs=0.1)
    body = search_request(data, sandbox)
    sent = shape(body["intersects"])
    assert sent.geom_type == "MultiPolygon" and len(sent.geoms) == 2
    area = wrapped(drawn)
    assert sent.symmetric_difference(area).area / area.area < 1e-6
    assert_found(data, expected_ids(area))


@pytest.mark.flow("search_dock_picture")
def test_search_dock_after_a_first_search(app_run, sandbox):
    """On the screen (a 1366x768 laptop): the form folded into its summary, Search in
    sight at the top, the table showing many rows, no sideways scrolling, no sort arrow."""
    data = app_run["search_dock_picture"].check()
    assert data["error"] == "" and data["ids"], data
    assert not data["form_open"]
    assert "Sandbox" in data["summary"] and S2 in data["summary"]
    assert data["search_button_bottom"] < 120
    assert data["rows_in_sight"] >= min(data["rows"], 8)
    assert data["form_sideways"] == 0
    assert not data["sort_arrow"]
    # the clicked row's thumbnail, decoded in its task, fills the box's shorter side
    width, height = data["thumbnail"]
    assert 0 < width <= data["thumbnail_box"][0] and 0 < height <= data["thumbnail_box"][1]
    assert max(width, height) == min(256, *data["thumbnail_box"])
    assert_picture(data["screenshot"])
