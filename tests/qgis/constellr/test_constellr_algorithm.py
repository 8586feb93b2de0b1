"""Processing "Create Constellr orders" against the local ConstellrServer: one area and one
order per feature, the same rules checked before anything is created, batches of 25,
areas reused on a second run, and no duplicate order after a dropped connection."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from eo_explorer.plugin.map.fields import field
from tests.servers.common import faults
from tests.servers.constellr.server import ConstellrServer

from .test_constellr_dock import KEY, posts, use_server

ALG = "eo_explorer:constellr_orders"


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_database(unlocked_auth):
    yield unlocked_auth


@pytest.fixture(autouse=True)
def quick_client(monkeypatch):
    """Clients that look for a lost batch for 5 s and time out after 1 s of silence."""
    from eo_explorer.plugin.constellr import client as constellr_client

    opened = constellr_client.open_client

    def tuned():
        client = opened()
        client.http.settings.timeout = (5.0, 1.0)
        client.look_for, client.look_every = 5.0, 0.2
        return client

    monkeypatch.setattr(constellr_client, "open_client", tuned)


@pytest.fixture()
def server(tmp_path, provider):
    with ConstellrServer({KEY: "workspace"}, data_dir=tmp_path / "server") as srv:
        use_server(srv)
        yield srv


def fields_layer(squares: list[tuple[str, float, float, float]]) -> QgsVectorLayer:
    """Squares (name, lon, lat, size in degrees) in a Web Mercator layer."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "fields", "memory")
    layer.dataProvider().addAttributes([field("name", "string")])
    layer.updateFields()
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateReferenceSystem("EPSG:3857"),
        QgsProject.instance(),
    )
    features = []
    for name, lon, lat, size in squares:
        feature = QgsFeature(layer.fields())
        wkt = (
            f"POLYGON(({lon} {lat},{lon + size} {lat},{lon + size} {lat + size},"
            f"{lon} {lat + size},{lon} {lat}))"
        )
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.transform(transform)
        feature.setGeometry(geometry)
        feature.setAttributes([name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def run(layer, feedback=None, **parameters):
    import processing

    start = date.today() + timedelta(days=1)
    values = {
        "INPUT": layer,
        "NAME_FIELD": "name",
        "PRODUCT": "LSTprecision",
        "USE_CASE": "Drought Stress",
        "START": start.isoformat(),
        "END": (start + timedelta(days=30)).isoformat(),
        "FREQUENCY": 4,  # weekly
        "ILLUMINATION": 1,  # day
        "MAX_IMAGES": 2,
        "TAGS": "batch-run, 2025",
        "OUTPUT": "TEMPORARY_OUTPUT",
        **parameters,
    }
    return processing.run(ALG, values, feedback=feedback)


def test_one_order_per_feature_in_one_batch_and_areas_reused(server):
    layer = fields_layer([("Plot A", 13.0, 52.0, 0.01), ("Plot B", 13.05, 52.0, 0.01)])
    result = run(layer)
    assert result["ORDERS"] == 2
    assert [a["name"] for a in server.aois] == ["Plot A", "Plot B"]
    (batch,) = posts(server)
    orders = batch["json"]["orders"]
    assert batch["json"]["use_case"] == "Drought Stress"
    assert [o["area_of_interest_id"] for o in orders] == [a["id"] for a in server.aois]
    assert orders[0]["tags"][:2] == ["batch-run", "2025"] and orders[0]["illumination_constraint"]
    assert orders[0]["tags"][2].startswith("eo-explorer-")  # the batch's own tag
    out = result["OUTPUT"]
    rows = {f["name"]: f for f in out.getFeatures()}
    assert set(rows) == {"Plot A", "Plot B"}
    assert {rows[n]["order_id"] for n in rows} == {o["id"] for o in server.orders}
    assert rows["Plot A"]["state"] == "initial_state" and rows["Plot A"]["bbox_width_m"] > 600
    geometry_info = posts(server, "/areas-of-interest/geometry-info")
    assert len(geometry_info) == 2  # measured (and checked) before anything was created

    again = run(layer)
    assert again["ORDERS"] == 2 and len(server.aois) == 2 and len(server.orders) == 4


def test_rules_checked_before_anything_is_created(server):
    layer = fields_layer([("Small", 13.0, 52.0, 0.01), ("Too big", 13.0, 52.0, 0.3)])
    with pytest.raises(QgsProcessingException) as raised:
        run(layer)
    message = str(raised.value)
    assert "Nothing was ordered" in message and "Too big is" in message
    assert "LSTprecision allows at most 15.0 km × 15.0 km" in message
    with pytest.raises(QgsProcessingException, match="at least 7 days"):
        start = date.today() + timedelta(days=1)
        run(fields_layer([("Small", 13.0, 52.0, 0.01)]), END=(start + timedelta(6)).isoformat())
    with pytest.raises(QgsProcessingException, match="does not support a maximum number"):
        run(fields_layer([("Small", 13.0, 52.0, 0.01)]), PRODUCT="LSTfusion", FREQUENCY=5)
    assert server.aois == [] and posts(server) == []


def test_multipart_features_are_explained(server):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=name:string", "plots", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(
        QgsGeometry.fromWkt(
            "MULTIPOLYGON(((13 52,13.01 52,13.01 52.01,13 52)),"
            "((13.1 52,13.11 52,13.11 52.01,13.1 52)))"
        )
    )
    feature.setAttributes(["Two parts"])
    layer.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="Two parts: This feature has 2 parts"):
        run(layer)
    assert posts(server, "/areas-of-interest/geometry-info") == []


def test_check_only_creates_nothing(server):
    result = run(fields_layer([("Plot A", 13.0, 52.0, 0.01)]), CHECK_ONLY=True)
    assert result["ORDERS"] == 0 and server.aois == [] and posts(server) == []
    (row,) = list(result["OUTPUT"].getFeatures())
    assert row["bbox_width_m"] > 600 and not row["order_id"]


def test_more_than_25_features_go_in_batches_and_a_lost_answer_is_not_resent(server):
    squares = [
        (f"P{n:02d}", 13.0 + (n % 6) * 0.02, 52.0 + (n // 6) * 0.02, 0.01) for n in range(27)
    ]
    server.drop_after_commit = 1  # the first batch's answer is lost
    feedback = QgsProcessingFeedback()
    result = run(fields_layer(squares), feedback=feedback)
    assert "Batch 1: the answer was lost" in feedback.textLog()
    assert "nothing was sent twice" in feedback.textLog()
    assert result["ORDERS"] == 27 and len(server.orders) == 27
    assert [len(p["json"]["orders"]) for p in posts(server)] == [25, 2]
    assert posts(server)[0]["dropped"]
    names = {f["name"]: f["order_id"] for f in result["OUTPUT"].getFeatures()}
    assert len(set(names.values())) == 27


LOST_ANSWERS = {
    "late 504": lambda srv: srv.commit_late(504, delay=1.5),
    "stored, then 500": lambda srv: srv.commit_late(500, delay=0),
    "dropped after storing": lambda srv: setattr(srv, "drop_after_commit", 1),
    "201 cut short": lambda srv: srv.set_fault("/orders/batch", faults.drop_connection(times=1)),
    "201 not JSON": lambda srv: srv.set_fault("/orders/batch", faults.invalid_json(times=1)),
    "time-out, stored": lambda srv: srv.set_fault("/orders/batch", faults.slow(2.0, times=1)),
}


@pytest.mark.parametrize("fault", list(LOST_ANSWERS))
def test_a_lost_answer_ends_with_one_order_and_says_so(server, fault):
    LOST_ANSWERS[fault](server)
    feedback = QgsProcessingFeedback()
    result = run(fields_layer([("Plot A", 13.0, 52.0, 0.01)]), feedback=feedback)
    assert result["ORDERS"] == 1 and len(server.orders) == 1 and len(posts(server)) == 1
    assert "nothing was sent twice" in feedback.textLog()
    (row,) = list(result["OUTPUT"].getFeatures())
    assert row["order_id"] == server.orders[0]["id"]


def test_a_5xx_before_storing_stops_and_a_second_run_places_one_order(server):
    server.set_fault("/orders/batch", faults.respond(502, {"detail": "Bad Gateway"}, times=1))
    layer = fields_layer([("Plot A", 13.0, 52.0, 0.01)])
    with pytest.raises(QgsProcessingException, match="most likely not placed"):
        run(layer)
    assert server.orders == []
    assert run(layer)["ORDERS"] == 1 and len(server.orders) == 1 and len(server.aois) == 1


def test_the_help_says_running_places_charged_orders(provider):
    from qgis.core import QgsApplication

    text = QgsApplication.processingRegistry().algorithmById(ALG).shortHelpString()
    assert "places the orders, and Constellr charges for them" in text
    assert "Only check" in text
