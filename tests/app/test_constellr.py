"""The Constellr dock inside the real QGIS application, against the sandbox Constellr
API: a field drawn with the mouse, measured, created as an area of interest, then
ordered. Checked against what the server received and now holds."""

from __future__ import annotations

import pytest
from shapely.geometry import shape

from .expected import assert_picture, polygon
from .test_process import assert_readable


def posts(server, path: str) -> list[dict]:
    return [e for e in server.requests if e["method"] == "POST" and e["path"].rstrip("/") == path]


@pytest.mark.flow("constellr")
def test_measure_create_an_area_and_order(app_run, sandbox):
    data = app_run["constellr"].check()
    server = sandbox["servers"]["accounts"].constellr
    drawn = polygon(data["vertices"])
    assert drawn.bounds == pytest.approx((13.0, 52.0, 13.01, 52.01), abs=0.0005)

    # Measure: the drawn polygon went to geometry-info; the answer is shown in hectares.
    assert data["measured"].startswith("Bounding box ") and " ha." in data["measured"]
    (sent,) = [  # the module's other flow measures another field
        shape(p["json"]["geometry"])  # a GeoJSON Feature
        for p in posts(server, "/areas-of-interest/geometry-info")
        if shape(p["json"]["geometry"]).intersects(drawn)
    ]
    assert sent.symmetric_difference(drawn).area / drawn.area < 1e-4

    # Create: the area the server holds is the one drawn, under the name typed.
    (area,) = [a for a in server.aois if a["name"] == "North field"]
    assert area["id"] == data["created"]["id"]
    held = shape(area["geojson"]["geometry"])
    assert held.symmetric_difference(drawn).area / drawn.area < 1e-4
    assert "North field created" in data["areas_status"]
    assert "Constellr areas of interest" in data["layers"]

    # Order: the new area ticked, one batch with one order for it.
    assert data["ticked"] == ["North field"]
    assert data["order_error"] == "" and len(data["orders"]) == 1, data
    (body,) = [
        b["json"]
        for b in posts(server, "/orders/batch")
        if b["json"]["orders"][0]["area_of_interest_id"] == area["id"]
    ]
    assert [o["area_of_interest_id"] for o in body["orders"]] == [area["id"]]
    assert body["use_case"] == "Yield Prediction"
    assert body["orders"][0]["maximum_number_of_images"] == 2
    assert "1 order(s) placed in 1 batch(es)." in data["order_status"]
    # Orders cost money: one confirmation, naming what is ordered, and nothing else asked.
    (question,) = data["questions"]
    assert question.startswith("Place 1 Constellr order(s)?")
    assert "North field" in question and "LSTprecision" in question


@pytest.mark.flow("constellr_dock_picture")
def test_constellr_dock_picture(app_run, sandbox):
    """On the screen (a 1366x768 laptop): a field drawn and measured in the Areas tab;
    then its LSTfusion order selected in the Orders tab with its newest delivery opened
    as an LST layer (legend in °C); the buttons of both tabs in sight."""
    data = app_run["constellr_dock_picture"].check()
    drawn = polygon(data["vertices"])
    assert drawn.bounds == pytest.approx((15.22, 50.19, 15.31, 50.245), abs=0.002)
    assert data["measured"].startswith("Bounding box ") and " ha." in data["measured"]
    assert data["selected"] == data["order"] and data["orders_shown"] >= 1
    assert data["delivered"], "the sandbox's LSTfusion scenes over the field are delivered"
    (layer,) = data["opened"]
    assert layer in data["layers"]
    assert "1 LST layer(s) opened, in °C." in data["lst_status"]
    (question,) = data["questions"]
    assert "Vineyard" in question and "LSTfusion" in question
    assert_readable(data["areas_layout"])
    assert_readable(data["orders_layout"])
    assert_picture(data["areas_screenshot"])
    assert_picture(data["orders_screenshot"])
