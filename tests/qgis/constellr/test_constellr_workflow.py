# ruff: noqa: F811 - the dock fixture is imported from the dock tests
"""One order flow for the dock and the Processing algorithm (plugin.constellr.workflow):
both place the same orders for the same areas, a gateway error followed by a retry never
places an order twice in either, and the progress reaches 100 %."""

from __future__ import annotations

import pytest
import requests
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtCore import QDate

from tests.servers.common import faults
from tests.servers.constellr.server import ConstellrServer

from ..conftest import wait_for
from .test_constellr_algorithm import fields_layer, quick_client, run  # noqa: F401 - fixture
from .test_constellr_dock import KEY, dock, posts, signal_value, use_server  # noqa: F401

SQUARES = [("Plot A", 13.0, 52.0, 0.01), ("Plot B", 13.05, 52.0, 0.01)]


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_database(unlocked_auth):
    yield unlocked_auth


@pytest.fixture()
def server(tmp_path, provider):
    with ConstellrServer({KEY: "workspace"}, data_dir=tmp_path / "server") as srv:
        use_server(srv)
        yield srv


def add_areas(server, squares=SQUARES) -> None:
    """The areas created elsewhere (as the algorithm's earlier run or the web app would)."""
    for name, lon, lat, size in squares:
        ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size]]
        body = {"name": name, "geojson": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}}
        response = requests.post(
            server.url + "areas-of-interest", json=body, headers={"X-Api-Key": KEY}
        )
        assert response.ok, response.text


def fill_like_the_algorithm(dock) -> None:
    """The order form filled in as :func:`run` fills the algorithm's parameters."""
    form = dock.order_form
    f = form.form
    form.tick([a.id for a in dock.reference.areas])
    f.productCombo.setCurrentText("LSTprecision")
    f.useCaseCombo.setCurrentText("Yield Prediction")
    f.frequencyCombo.setCurrentIndex(f.frequencyCombo.findData("weekly"))
    f.illuminationCombo.setCurrentIndex(f.illuminationCombo.findData("day"))
    f.imagesSpin.setValue(2)
    f.tagsEdit.setText("batch-run, 2025")
    start = QDate.currentDate().addDays(1)
    f.startDate.setDate(start)
    f.endDate.setDate(start.addDays(30))
    assert form.errors == {}, form.errors


def without_batch_tag(body: dict) -> dict:
    orders = [
        {**o, "tags": [t for t in o["tags"] if not t.startswith("eo-explorer-")]}
        for o in body["orders"]
    ]
    return {**body, "orders": orders}


def dock_places(qgis_app, dock):
    signal_value(qgis_app, dock.referenceLoaded, dock.form.refreshButton.click)
    fill_like_the_algorithm(dock)
    progress = signal_value(
        qgis_app, dock.order_form.submitted, dock.order_form.form.submitButton.click
    )
    wait_for(qgis_app, lambda: not dock.busy)
    return progress


def test_the_dock_and_the_algorithm_place_the_same_orders(qgis_app, dock, server):
    add_areas(server)
    placed = dock_places(qgis_app, dock)
    assert placed.error is None and len(placed.orders) == 2
    result = run(fields_layer(SQUARES), USE_CASE="Yield Prediction")
    assert result["ORDERS"] == 2
    assert len(server.aois) == 2  # the algorithm reused the areas of the same names
    from_dock, from_algorithm = (p["json"] for p in posts(server))
    assert from_dock["orders"][0]["tags"][-1] != from_algorithm["orders"][0]["tags"][-1]
    assert without_batch_tag(from_dock) == without_batch_tag(from_algorithm)
    assert [o["area_of_interest_id"] for o in from_dock["orders"]] == [a["id"] for a in server.aois]
    assert len(server.orders) == 4


GATEWAY_ERRORS = {
    "502, nothing stored": lambda srv: srv.set_fault(
        "/orders/batch", faults.respond(502, {"detail": "Bad Gateway"}, times=1)
    ),
    "504, stored a moment later": lambda srv: srv.commit_late(504, delay=1.0),
}


@pytest.mark.parametrize("error", list(GATEWAY_ERRORS))
def test_a_gateway_error_then_a_retry_places_each_order_once_from_the_dock(
    qgis_app, dock, server, error
):
    add_areas(server, SQUARES[:1])
    GATEWAY_ERRORS[error](server)
    results = []
    dock.order_form.submitted.connect(results.append)
    signal_value(qgis_app, dock.referenceLoaded, dock.form.refreshButton.click)
    fill_like_the_algorithm(dock)
    dock.order_form.form.submitButton.click()
    wait_for(qgis_app, lambda: results and results[-1].error is None and not dock.busy, 30)
    assert len(server.orders) == 1
    assert "1 order(s) placed" in dock.order_form.form.formStatus.text()


@pytest.mark.parametrize("error", list(GATEWAY_ERRORS))
def test_a_gateway_error_then_a_retry_places_each_order_once_from_the_algorithm(server, error):
    layer = fields_layer(SQUARES[:1])
    GATEWAY_ERRORS[error](server)
    try:
        first = run(layer)["ORDERS"]
    except QgsProcessingException as exc:
        assert "most likely not placed" in str(exc) and "eo-explorer-" in str(exc)
        assert server.orders == []
        first = run(layer)["ORDERS"]  # the retry
    assert first == 1 and len(server.orders) == 1 and len(server.aois) == 1


def test_progress_reaches_100_percent_in_both(qgis_app, dock, server):
    squares = [
        (f"P{n:02d}", 13.0 + (n % 6) * 0.02, 52.0 + (n // 6) * 0.02, 0.01) for n in range(26)
    ]
    feedback = QgsProcessingFeedback()
    percents = []
    feedback.progressChanged.connect(percents.append)
    assert run(fields_layer(squares), feedback=feedback)["ORDERS"] == 26
    assert percents[-1] == 100.0 and percents == sorted(percents)
    # the bar moves while the areas are measured and created, before any order is sent
    assert [p for p in percents if 0 < p < 60] and [p for p in percents if 30 < p < 60]
    assert "Batch 2 of 2" in feedback.textLog()

    signal_value(qgis_app, dock.referenceLoaded, dock.form.refreshButton.click)
    wait_for(qgis_app, lambda: not dock.busy)
    fill_like_the_algorithm(dock)
    form = dock.order_form
    got, snapshots, values = [], [], []
    form.submitted.connect(got.append)
    form.form.submitButton.click()
    (task,) = dock.tasks
    task.progressChanged.connect(values.append)
    task.reported.connect(snapshots.append)
    wait_for(qgis_app, lambda: got and not dock.busy, 30)
    assert len(got[0].orders) == 26 and len(got[0].placed) == 2
    assert values and max(values) == 100.0
    assert [len(s.placed) for s in snapshots][-1] == 2
    assert len(server.orders) == 52
