"""The Constellr dock inside the real QGIS application, against the sandbox Constellr
API: a field drawn with the mouse, measured, created as an area of interest, then
ordered. Checked against what the server received and now holds."""

from __future__ import annotations

import pytest
from shapely.geometry import shape

from .expected import polygon


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
    (measure,) = posts(server, "/areas-of-interest/geometry-info")
    sent = shape(measure["json"]["geometry"])  # a GeoJSON Feature
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
    (batch,) = posts(server, "/orders/batch")
    body = batch["json"]
    assert [o["area_of_interest_id"] for o in body["orders"]] == [area["id"]]
    assert body["use_case"] == "Yield Prediction"
    assert body["orders"][0]["maximum_number_of_images"] == 2
    assert "1 order(s) placed in 1 batch(es)." in data["order_status"]
    # Orders cost money: one confirmation, naming what is ordered, and nothing else asked.
    (question,) = data["questions"]
    assert question.startswith("Place 1 Constellr order(s)?")
    assert "North field" in question and "LSTprecision" in question
