"""Self-checks of the Constellr test server (tests/servers/constellr_server.py), not of the
plugin: every seed-003 rule at its boundary, auth, 404 / 409 / 422, paging and sorting, the
order state machine up to delivered COGs read by GDAL /vsicurl/, the STAC API, and the
fault hooks (drop_after_commit, per-path faults)."""

from __future__ import annotations

import json
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from osgeo import gdal, osr

from tests.servers.common import faults
from tests.servers.constellr.geometry import geometry_info
from tests.servers.constellr.server import ConstellrServer

TIMEOUT = 10
KEY, KEY2 = "key-ws1", "key-ws2"
NOW = datetime(2025, 9, 1, 12, 0, 0, tzinfo=timezone.utc)
TODAY = NOW.replace(hour=0)
US = timedelta(microseconds=1)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def srv(clock: Clock, tmp_path: Path):
    with ConstellrServer({KEY: "ws-1", KEY2: "ws-2"}, now=clock, data_dir=tmp_path) as server:
        yield server


def call(srv, method: str, path: str, key=KEY, **kw) -> requests.Response:
    headers = dict(kw.pop("headers", {}))
    if key is not None:
        headers["X-Api-Key"] = key
    return requests.request(method, srv.url + path, headers=headers, timeout=TIMEOUT, **kw)


def z(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# -- geometry helpers ----------------------------------------------------------------------
def rect(lon: float, lat: float, dlon: float, dlat: float) -> dict:
    ring = [[lon, lat], [lon + dlon, lat], [lon + dlon, lat + dlat], [lon, lat + dlat]]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def _smallest(f, target: float) -> float:
    """Smallest x in [0, 3] with f(x) >= target (f non-decreasing)."""
    low, high = 0.0, 3.0
    for _ in range(48):
        mid = (low + high) / 2
        low, high = (mid, high) if f(mid) < target - 0.01 else (low, mid)
    return high


def sized(width: float, height: float, lon: float = 13.2, lat: float = 52.1) -> dict:
    """A lon/lat rectangle whose geometry-info bbox is ``width`` x ``height`` exactly (the
    server truncates to 0.1 m: aim at the middle of the [w, w + 0.1) bucket)."""
    dlon, dlat = width / 68_000.0, height / 111_000.0

    def info(x: float, y: float) -> dict:
        return geometry_info(rect(lon, lat, x, y))

    for _ in range(3):
        edges = [
            _smallest(lambda x, y=dlat: info(x, y)["bbox_width"], w) for w in (width, width + 0.1)
        ]
        dlon = sum(edges) / 2
        edges = [
            _smallest(lambda y, x=dlon: info(x, y)["bbox_height"], h)
            for h in (height, height + 0.1)
        ]
        dlat = sum(edges) / 2
    result = info(dlon, dlat)
    assert (result["bbox_width"], result["bbox_height"]) == (width, height), result
    return rect(lon, lat, dlon, dlat)


def feature(geometry: dict, **properties) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def make_aoi(srv, name: str, geometry=None, key=KEY) -> dict:
    geometry = geometry or rect(13.0, 52.0, 0.05, 0.04)
    r = call(
        srv, "POST", "areas-of-interest", key=key, json={"name": name, "geojson": feature(geometry)}
    )
    assert r.status_code == 201, r.text
    return r.json()


def order(aoi_id: str, product: str = "LSTprecision", **fields) -> dict:
    doc = {
        "area_of_interest_id": aoi_id,
        "start_date": z(NOW + timedelta(days=1)),
        "end_date": z(NOW + timedelta(days=22)),
        "frequency": "weekly",
        "product_name": product,
        "comment": "field 7",
        "tags": ["t1"],
        "illumination_constraint": "day",
        "maximum_number_of_images": 2,
    }
    if product == "LSTfusion":
        doc.update(
            start_date=z(NOW - timedelta(days=30)),
            end_date=z(NOW - timedelta(days=2)),
            frequency="daily",
            maximum_number_of_images=None,
        )
    doc.update(fields)
    return doc


def batch(srv, *orders, key=KEY, **top) -> requests.Response:
    return call(srv, "POST", "orders/batch", key=key, json={"orders": list(orders), **top})


# -- auth, products, use cases -------------------------------------------------------------
@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "products"),
        ("GET", "orders"),
        ("POST", "orders/batch"),
        ("GET", "areas-of-interest"),
        ("GET", "stac"),
        ("POST", "stac/search"),
        ("GET", "assets/x/lst.tiff"),
    ],
)
def test_every_endpoint_needs_a_known_api_key(srv, method, path):
    missing = call(srv, method, path, key=None)
    wrong = call(srv, method, path, key="revoked")
    assert (missing.status_code, missing.json()) == (401, {"detail": "Not authenticated"})
    assert (wrong.status_code, wrong.json()) == (401, {"detail": "Invalid API key"})
    assert srv.orders == [] and srv.requests[-1]["status"] == 401


def test_products_use_cases_and_unknown_paths(srv):
    assert call(srv, "GET", "products").json() == [
        {"name": "LSTprecision"},
        {"name": "LSTzoom"},
        {"name": "LSTfusion"},
    ]
    cases = call(srv, "GET", "orders/meta/use-cases").json()
    assert cases[0] == "Unknown" and "Yield Prediction" in cases and len(cases) == 6
    assert call(srv, "GET", "nothing").json() == {"detail": "Not Found"}
    assert call(srv, "PUT", "products").status_code == 405


# -- geometry-info and AOIs ----------------------------------------------------------------
def test_geometry_info_of_a_utm_square_is_exact(srv):
    """A 10 km square in UTM 33N, vertices taken to lon/lat: the area is 1e8 m² again."""
    utm, wgs = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32633)
    wgs.ImportFromEPSG(4326)
    for s in (utm, wgs):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_wgs = osr.CoordinateTransformation(utm, wgs)
    square = [(495000, 5755000), (505000, 5755000), (505000, 5765000), (495000, 5765000)]
    ring = [list(to_wgs.TransformPoint(x, y)[:2]) for x, y in square]
    polygon = {"type": "Polygon", "coordinates": [ring + [ring[0]]]}
    r = call(srv, "POST", "areas-of-interest/geometry-info", json=feature(polygon))
    info = r.json()
    assert r.status_code == 200 and set(info) == {"bbox_width", "bbox_height", "area"}
    assert abs(info["area"] - 1e8) <= 0.2
    assert abs(info["bbox_width"] - 1e4) < 100 and abs(info["bbox_height"] - 1e4) < 100
    assert info["bbox_width"] == round(info["bbox_width"], 1)


@pytest.mark.parametrize(
    "doc",
    [
        {"type": "Point", "coordinates": [13, 52]},
        {"type": "FeatureCollection", "features": []},
        {"type": "FeatureCollection", "features": [feature(rect(13, 52, 0.1, 0.1))] * 2},
        {"type": "MultiPolygon", "coordinates": [rect(13, 52, 0.1, 0.1)["coordinates"]] * 2},
        {"type": "Polygon", "coordinates": [[[13, 52], [13.1, 52], [13.1, 52.1], [13, 52.1]]]},
        {
            "type": "Polygon",
            "coordinates": [[[13, 52], [13.1, 52.1], [13.1, 52], [13, 52.1], [13, 52]]],
        },
        rect(13, 89.95, 0.1, 0.1),
    ],
    ids=["point", "fc-empty", "fc-two", "multi-two", "unclosed", "bowtie", "lat-over-90"],
)
def test_invalid_geometries_are_400(srv, doc):
    info = call(srv, "POST", "areas-of-interest/geometry-info", json=doc)
    created = call(srv, "POST", "areas-of-interest", json={"name": "x", "geojson": doc})
    assert info.status_code == created.status_code == 400
    assert isinstance(info.json()["detail"], str) and srv.aois == []


def test_geometry_info_422_for_non_objects(srv):
    assert call(srv, "POST", "areas-of-interest/geometry-info", json=[1]).status_code == 422
    bad = call(
        srv,
        "POST",
        "areas-of-interest/geometry-info",
        data=b"{",
        headers={"Content-Type": "application/json"},
    )
    assert bad.status_code == 422 and bad.json()["detail"][0]["type"] == "json_invalid"


def test_aoi_accepts_the_four_documented_inputs(srv):
    poly = rect(13.0, 52.0, 0.05, 0.04)
    inputs = {
        "feature": feature(poly),
        "collection": {"type": "FeatureCollection", "features": [feature(poly, a=1)]},
        "polygon": poly,
        "multi": {"type": "MultiPolygon", "coordinates": [poly["coordinates"]]},
    }
    stored = {}
    for name, geojson in inputs.items():
        r = call(srv, "POST", "areas-of-interest", json={"name": name, "geojson": geojson})
        assert r.status_code == 201, r.text
        stored[name] = r.json()
    doc = stored["feature"]
    assert list(doc) == [
        "name",
        "geojson",
        "description",
        "bbox_width",
        "bbox_height",
        "id",
        "created",
    ]
    assert doc["geojson"] == inputs["feature"] and doc["created"] == "2025-09-01T12:00:00.000000"
    assert stored["collection"]["geojson"] == feature(poly, a=1)
    assert stored["polygon"]["geojson"] == stored["multi"]["geojson"] == poly
    assert {d["bbox_width"] for d in stored.values()} == {geometry_info(poly)["bbox_width"]}
    assert str(uuid.UUID(doc["id"])) == doc["id"]


def test_aoi_422_409_404(srv):
    r = call(srv, "POST", "areas-of-interest", json={"description": 5})
    locs = sorted(tuple(e["loc"]) for e in r.json()["detail"])
    assert r.status_code == 422
    assert locs == [("body", "description"), ("body", "geojson"), ("body", "name")]
    aoi = make_aoi(srv, "Field 1")
    duplicate = call(
        srv, "POST", "areas-of-interest", json={"name": "Field 1", "geojson": aoi["geojson"]}
    )
    assert duplicate.status_code == 409 and "already exists" in duplicate.json()["detail"]
    make_aoi(srv, "Field 1", key=KEY2)  # names are unique per workspace
    assert call(srv, "GET", f"areas-of-interest/{aoi['id']}").json() == aoi
    assert call(srv, "GET", f"areas-of-interest/{aoi['id']}", key=KEY2).status_code == 404
    assert call(srv, "GET", f"areas-of-interest/{uuid.uuid4()}").status_code == 404
    bad = call(srv, "GET", "areas-of-interest/f1c53eaaa-9b26")
    assert bad.status_code == 422 and bad.json()["detail"][0]["type"] == "uuid_parsing"


def test_aoi_list_paging_and_sorting(srv, clock):
    for index, name in enumerate(["b", "c", "a"]):
        clock.now = NOW + timedelta(minutes=index)
        make_aoi(srv, name)

    def names(**params) -> list[str]:
        r = call(srv, "GET", "areas-of-interest", params=params)
        return [a["name"] for a in r.json()["items"]]

    page = call(srv, "GET", "areas-of-interest", params={"limit": 2, "offset": 1}).json()
    assert page["count"] == 3 and [a["name"] for a in page["items"]] == ["c", "b"]
    assert names() == ["a", "c", "b"] == names(sort="-created")
    assert names(sort="+created") == ["b", "c", "a"] == names(sort="created")
    assert names(sort="name") == ["a", "b", "c"] and names(sort="-name") == ["c", "b", "a"]
    assert names(offset=3) == [] and names(limit=1) == ["a"] and len(names(limit=100)) == 3
    for params in ({"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "x"}, {"sort": "area"}):
        r = call(srv, "GET", "areas-of-interest", params=params)
        assert r.status_code == 422 and r.json()["detail"][0]["loc"][0] == "query", params


def test_aoi_delete_409_while_orders_are_active(srv):
    aoi = make_aoi(srv, "A")
    (placed,) = batch(srv, order(aoi["id"], tags=["reject-me"])).json()
    for _ in range(2):  # initial_state, pending_validation
        r = call(srv, "DELETE", f"areas-of-interest/{aoi['id']}")
        assert r.status_code == 409 and "active orders" in r.json()["detail"]
        srv.advance()
    assert srv.orders[0]["state"] == "rejected"
    assert call(srv, "DELETE", f"areas-of-interest/{aoi['id']}").status_code == 204
    assert call(srv, "DELETE", f"areas-of-interest/{aoi['id']}").status_code == 404
    assert call(srv, "GET", f"orders/{placed['id']}").json()["area_of_interest_id"] == aoi["id"]


# -- orders: shapes and every rule at its boundary -----------------------------------------
def test_batch_response_shape_and_tag_entities(srv):
    aoi = make_aoi(srv, "A")
    r = batch(
        srv, order(aoi["id"]), order(aoi["id"], tags=["t1", "t2"]), use_case="Yield Prediction"
    )
    first, second = r.json()
    assert r.status_code == 201 and len(r.json()) == 2
    assert list(first) == [
        "area_of_interest_id",
        "start_date",
        "end_date",
        "frequency",
        "product_name",
        "comment",
        "id",
        "created",
        "state",
        "rejection_reason",
        "tags",
        "illumination_constraint",
        "maximum_number_of_images",
        "product_options",
    ]
    assert first["state"] == "initial_state" and first["rejection_reason"] is None
    assert first["start_date"] == "2025-09-02T12:00:00.000000Z"
    assert first["created"] == "2025-09-01T12:00:00.000000Z"
    assert first["tags"] == [
        {"name": "t1", "id": first["tags"][0]["id"], "created": "2025-09-01T12:00:00.000Z"}
    ]
    assert second["tags"][0] == first["tags"][0]  # existing tag entity reused
    options = batch(srv, order(aoi["id"], product_options={"sharpened_10m": False})).json()
    assert options[0]["product_options"] == {"sharpened_10m": False}


def _status(srv, *orders) -> int:
    return batch(srv, *orders).status_code


def test_precision_and_zoom_bbox_limit_15_km(srv):
    inside = make_aoi(srv, "in", sized(15000.0, 15000.0))
    wide = make_aoi(srv, "wide", sized(15000.1, 14000.0))
    tall = make_aoi(srv, "tall", sized(14000.0, 15000.1))
    for product in ("LSTprecision", "LSTzoom"):
        assert _status(srv, order(inside["id"], product)) == 201
        for aoi in (wide, tall):
            r = batch(srv, order(aoi["id"], product))
            assert r.status_code == 400 and "15000 m" in r.json()["detail"], product


def test_fusion_bbox_limits_60_m_and_110_km(srv):
    ok = [
        make_aoi(srv, "small", sized(60.0, 60.0)),
        make_aoi(srv, "big", sized(110000.0, 110000.0, lat=50.0)),
    ]
    bad = [
        make_aoi(srv, "narrow", sized(59.9, 100.0)),
        make_aoi(srv, "low", sized(100.0, 59.9)),
        make_aoi(srv, "huge", sized(110000.1, 5000.0, lat=50.0)),
        make_aoi(srv, "high", sized(5000.0, 110000.1, lat=50.0)),
    ]
    for aoi in ok:
        assert _status(srv, order(aoi["id"], "LSTfusion")) == 201, aoi["name"]
    for aoi in bad:
        assert _status(srv, order(aoi["id"], "LSTfusion")) == 400, aoi["name"]


def test_precision_start_date_from_today_and_duration_7_days_to_1_year(srv):
    a = make_aoi(srv, "A")["id"]
    day, year = timedelta(days=7), timedelta(days=365)
    assert _status(srv, order(a, start_date=z(TODAY), end_date=z(TODAY + day))) == 201
    assert _status(srv, order(a, start_date=z(TODAY - US), end_date=z(TODAY + day))) == 400
    assert _status(srv, order(a, start_date=z(TODAY), end_date=z(TODAY + day - US))) == 400
    assert _status(srv, order(a, start_date=z(TODAY), end_date=z(TODAY + year))) == 201
    assert _status(srv, order(a, start_date=z(TODAY), end_date=z(TODAY + year + US))) == 400
    offset = "2025-09-01T01:30:00+02:00"  # 2025-08-31 in UTC: before today
    assert _status(srv, order(a, start_date=offset, end_date=z(TODAY + day))) == 400


def test_fusion_start_not_in_the_future_and_any_duration(srv):
    a = make_aoi(srv, "A")["id"]
    assert _status(srv, order(a, "LSTfusion", start_date=z(NOW), end_date=z(NOW + US))) == 201
    assert (
        _status(
            srv, order(a, "LSTfusion", start_date=z(NOW + US), end_date=z(NOW + timedelta(days=2)))
        )
        == 400
    )
    old = NOW - timedelta(days=800)
    assert (
        _status(
            srv, order(a, "LSTfusion", start_date=z(old), end_date=z(NOW + timedelta(days=400)))
        )
        == 201
    )
    assert _status(srv, order(a, "LSTfusion", start_date=z(NOW), end_date=z(NOW))) == 400


def test_frequencies_per_product_and_image_counts(srv):
    a = make_aoi(srv, "A")["id"]
    for frequency in ("max_frequency", "once_every_two_weeks", "monthly", "weekly"):
        assert _status(srv, order(a, frequency=frequency)) == 201
    assert _status(srv, order(a, frequency="single_image", maximum_number_of_images=1)) == 201
    assert _status(srv, order(a, frequency="single_image", maximum_number_of_images=2)) == 400
    assert _status(srv, order(a, frequency="single_image", maximum_number_of_images=None)) == 400
    assert _status(srv, order(a, maximum_number_of_images=0)) == 400
    assert _status(srv, order(a, frequency="daily")) == 400
    assert _status(srv, order(a, "LSTzoom", frequency="daily")) == 400
    assert _status(srv, order(a, "LSTfusion")) == 201
    assert _status(srv, order(a, "LSTfusion", frequency="weekly")) == 400
    assert _status(srv, order(a, "LSTfusion", maximum_number_of_images=1)) == 400
    r = batch(srv, order(a, frequency="hourly"))
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == [
        "body",
        "orders",
        0,
        "frequency",
    ]


def test_tags_limits_are_422(srv):
    a = make_aoi(srv, "A")["id"]
    assert _status(srv, order(a, tags=[f"t{i}" for i in range(10)])) == 201
    assert _status(srv, order(a, tags=["x" * 50])) == 201
    for tags, kind in (
        ([f"t{i}" for i in range(11)], "too_long"),
        (["x" * 51], "string_too_long"),
        (["same", "same"], "value_error"),
    ):
        r = batch(srv, order(a, tags=tags))
        assert r.status_code == 422 and r.json()["detail"][0]["type"] == kind


def test_batch_size_1_to_25_and_other_422(srv):
    a = make_aoi(srv, "A")["id"]
    assert _status(srv, *[order(a)] * 25) == 201 and len(srv.orders) == 25
    r = batch(srv, *[order(a)] * 26)
    assert r.status_code == 422 and r.json()["detail"][0]["type"] == "too_long"
    assert batch(srv).json()["detail"][0]["type"] == "too_short"
    assert call(srv, "POST", "orders/batch", json={}).json()["detail"][0]["type"] == "missing"
    for fields in (
        {"illumination_constraint": "dusk"},
        {"area_of_interest_id": "nope"},
        {"start_date": "tomorrow"},
        {"maximum_number_of_images": "2"},
        {"product_options": {"sharpened_10m": "yes"}},
    ):
        assert _status(srv, order(a, **fields)) == 422, fields
    assert batch(srv, order(a), use_case="Surfing").status_code == 422
    r = batch(srv, {"frequency": "weekly"})
    assert {e["loc"][-1] for e in r.json()["detail"]} == {
        "area_of_interest_id",
        "start_date",
        "end_date",
        "product_name",
    }
    assert len(srv.orders) == 25


def test_404_for_unknown_product_or_aoi_and_batches_are_atomic(srv):
    a = make_aoi(srv, "A")["id"]
    other = make_aoi(srv, "B", key=KEY2)["id"]
    assert _status(srv, order(a, "LSTultra")) == 404
    assert _status(srv, order(str(uuid.uuid4()))) == 404
    assert _status(srv, order(other)) == 404  # another workspace's AOI
    assert _status(srv, order(a), order(a, frequency="daily")) == 400
    assert _status(srv, order(a, end_date=z(NOW))) == 400
    assert srv.orders == []
    with ConstellrServer({KEY: "w"}, now=lambda: NOW, products=("LSTprecision",)) as only:
        aoi = make_aoi(only, "A")["id"]
        assert call(only, "GET", "products").json() == [{"name": "LSTprecision"}]
        assert _status(only, order(aoi, "LSTzoom")) == 404


def test_orders_list_get_patch(srv, clock):
    a = make_aoi(srv, "A")["id"]
    ids = []
    for minute in range(3):
        clock.now = NOW + timedelta(minutes=minute)
        ids.append(batch(srv, order(a, comment=str(minute))).json()[0]["id"])

    def listed(**params) -> list[str]:
        return [o["id"] for o in call(srv, "GET", "orders", params=params).json()["items"]]

    assert call(srv, "GET", "orders").json()["count"] == 3
    assert listed() == ids[::-1] == listed(sort="-created")
    assert listed(sort="created") == ids and listed(limit=1, offset=1) == [ids[1]]
    assert call(srv, "GET", "orders", params={"sort": "state"}).status_code == 422
    assert call(srv, "GET", "orders", params={"limit": 0}).status_code == 422
    assert call(srv, "GET", "orders", key=KEY2).json() == {"count": 0, "items": []}
    assert call(srv, "GET", f"orders/{ids[0]}").json()["comment"] == "0"
    assert call(srv, "GET", f"orders/{ids[0]}", key=KEY2).status_code == 404
    assert call(srv, "GET", "orders/not-a-uuid").status_code == 422
    patched = call(srv, "PATCH", f"orders/{ids[0]}", json={"tags": ["field42", "t1"]})
    assert patched.status_code == 200 and [t["name"] for t in patched.json()["tags"]] == [
        "field42",
        "t1",
    ]
    assert call(srv, "GET", f"orders/{ids[0]}").json()["tags"] == patched.json()["tags"]
    assert call(srv, "PATCH", f"orders/{ids[0]}", json={"frequency": "daily"}).status_code == 422
    assert call(srv, "PATCH", f"orders/{ids[0]}", json={"tags": ["x"] * 2}).status_code == 422
    assert call(srv, "PATCH", f"orders/{uuid.uuid4()}", json={"tags": []}).status_code == 404


def test_delete_only_pending_validation_or_rejected(srv):
    a = make_aoi(srv, "A")["id"]
    keep, reject, drop = (
        o["id"] for o in batch(srv, order(a), order(a, tags=["reject-me"]), order(a)).json()
    )
    assert call(srv, "DELETE", f"orders/{keep}").status_code == 409  # initial_state
    srv.advance()
    assert call(srv, "DELETE", f"orders/{drop}").status_code == 204  # pending_validation
    assert call(srv, "GET", f"orders/{drop}").status_code == 404
    srv.advance()
    states = {o["id"]: o["state"] for o in srv.orders}
    assert states == {keep: "accepted", reject: "rejected"}
    r = call(srv, "DELETE", f"orders/{keep}")
    assert r.status_code == 409 and "accepted" in r.json()["detail"]
    assert call(srv, "DELETE", f"orders/{reject}").status_code == 204
    srv.advance()
    assert call(srv, "DELETE", f"orders/{keep}").status_code == 409  # delivered
    assert call(srv, "DELETE", f"orders/{uuid.uuid4()}").status_code == 404


# -- state machine, delivery, assets -------------------------------------------------------
@pytest.fixture
def vsi():
    gdal.SetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR")
    gdal.VSICurlClearCache()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    yield
    gdal.PopErrorHandler()
    for key in ("GDAL_DISABLE_READDIR_ON_OPEN", "GDAL_HTTP_HEADERS"):
        gdal.SetConfigOption(key, None)
    gdal.VSICurlClearCache()


def test_state_machine_to_delivered_with_readable_cogs(srv, vsi):
    aoi = make_aoi(srv, "Vineyard")
    (placed,) = batch(srv, order(aoi["id"])).json()
    (rejected,) = batch(srv, order(aoi["id"], tags=["reject-me"])).json()
    seen = []
    for _ in range(4):
        srv.advance(placed["id"])
        seen.append(call(srv, "GET", f"orders/{placed['id']}").json()["state"])
    assert seen == ["pending_validation", "accepted", "delivered", "delivered"]
    srv.settle(rejected["id"])
    got = call(srv, "GET", f"orders/{rejected['id']}").json()
    assert (got["state"], got["rejection_reason"]) == (
        "rejected",
        "AOI is outside of the supported coverage area.",
    )
    found = call(
        srv,
        "POST",
        "stac/search",
        json={
            "collections": ["lstprecision"],
            "intersects": aoi["geojson"]["geometry"],
            "datetime": f"{placed['start_date']}/{placed['end_date']}",
        },
    ).json()
    items = found["features"]
    assert found["numberMatched"] == len(items) == 2 and len(srv.items) == 2
    item = items[0]
    assert item["collection"] == "lstprecision" and item["geometry"] == aoi["geojson"]["geometry"]
    assert set(item["properties"]) == {"gsd", "datetime"}
    assert item["id"].endswith(f"_LSTprecision_{placed['id']}")
    assert item["assets"]["lst"]["type"] == "image/tiff"
    href = item["assets"]["lst"]["href"]
    assert gdal.Open("/vsicurl/" + href) is None  # no key: 401
    gdal.VSICurlClearCache()
    gdal.SetConfigOption("GDAL_HTTP_HEADERS", f"X-Api-Key: {KEY}")
    ds = gdal.Open("/vsicurl/" + href)
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray()
    assert gdal.GetDataTypeName(band.DataType) == "Float32" and band.GetNoDataValue() == -9999
    assert 15.0 <= values[values != -9999].min() and values.max() <= 45.0
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    assert (
        srs.GetAuthorityCode(None) == "32633"
        and ds.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    )
    ds = None
    asset_log = [e for e in srv.requests if e["path"].endswith("lst.tiff")]
    assert 206 in {e["status"] for e in asset_log} and asset_log[0]["status"] == 401
    meta = call(srv, "GET", item["assets"]["metadata"]["href"][len(srv.url) :]).json()
    assert meta["order_id"] == placed["id"] and 288 < meta["min_lst"] <= meta["max_lst"] < 319


def test_asset_ranges_and_workspace_scope(srv):
    aoi = make_aoi(srv, "A")
    batch(srv, order(aoi["id"], frequency="single_image", maximum_number_of_images=1))
    srv.settle()
    (item,) = srv.items
    path = item["assets"]["lst"]["href"][len(srv.url) :]
    full = call(srv, "GET", path)
    size = len(full.content)
    assert full.status_code == 200 and full.headers["Accept-Ranges"] == "bytes"
    part = call(srv, "GET", path, headers={"Range": "bytes=10-19"})
    assert part.status_code == 206 and part.content == full.content[10:20]
    assert part.headers["Content-Range"] == f"bytes 10-19/{size}"
    tail = call(srv, "GET", path, headers={"Range": "bytes=-4"})
    assert tail.status_code == 206 and tail.content == full.content[-4:]
    over = call(srv, "GET", path, headers={"Range": f"bytes={size}-"})
    assert over.status_code == 416 and over.headers["Content-Range"] == f"bytes */{size}"
    assert call(srv, "HEAD", path).headers["Content-Length"] == str(size)
    assert call(srv, "GET", path, key=KEY2).status_code == 404
    assert call(srv, "GET", "stac/search", key=KEY2).json()["numberMatched"] == 0


def test_auto_advance_delivers(clock, tmp_path):
    with ConstellrServer({KEY: "w"}, now=clock, data_dir=tmp_path, auto_advance=0.05) as srv:
        a = make_aoi(srv, "A")["id"]
        (placed,) = batch(srv, order(a)).json()
        deadline = time.monotonic() + 20
        while srv.orders[0]["state"] != "delivered" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert call(srv, "GET", f"orders/{placed['id']}").json()["state"] == "delivered"
        assert len(srv.items) == 2


# -- STAC API ------------------------------------------------------------------------------
@pytest.fixture
def stac(clock, tmp_path):
    """9 items: 3 images each of LSTprecision orders on a Berlin and a Munich AOI and of
    an LSTfusion order (past dates) on the Munich AOI."""
    with ConstellrServer({KEY: "w"}, now=clock, data_dir=tmp_path, images_per_order=3) as srv:
        a = make_aoi(srv, "Berlin", rect(13.0, 52.0, 0.05, 0.04))
        b = make_aoi(srv, "Munich", rect(11.5, 48.1, 0.05, 0.04))
        placed = batch(
            srv,
            order(a["id"], maximum_number_of_images=3),
            order(b["id"], maximum_number_of_images=3),
            order(b["id"], "LSTfusion"),
        ).json()
        srv.settle()
        srv.placed, srv.aoi_ids = [o["id"] for o in placed], (a["id"], b["id"])
        yield srv


def _pages(srv, method: str, **params) -> list[list[str]]:
    pages = []
    r = call(
        srv, method, "stac/search", **({"params": params} if method == "GET" else {"json": params})
    )
    while True:
        doc = r.json()
        assert r.status_code == 200, doc
        pages.append([f["id"] for f in doc["features"]])
        nxt = [link for link in doc["links"] if link["rel"] == "next"]
        if not nxt:
            return pages
        link = nxt[0]
        assert link["method"] == method
        if method == "GET":
            r = requests.get(link["href"], headers={"X-Api-Key": KEY}, timeout=TIMEOUT)
        else:
            assert link["body"]["token"].startswith("next:")
            r = requests.post(
                link["href"], json=link["body"], headers={"X-Api-Key": KEY}, timeout=TIMEOUT
            )


def test_stac_documents(stac):
    landing = call(stac, "GET", "stac").json()
    assert landing["id"] == "constellr-stacapi" and [lk["rel"] for lk in landing["links"]] == [
        "self",
        "data",
    ]
    assert landing["links"][0]["href"] == stac.url + "stac/" and "conformsTo" not in landing
    assert len(call(stac, "GET", "stac/conformance").json()["conformsTo"]) == 3  # no cql2-text
    cols = call(stac, "GET", "stac/collections").json()
    assert [c["id"] for c in cols["collections"]] == ["lstprecision", "lstzoom", "lstfusion"]
    assert cols["numberMatched"] == cols["numberReturned"] == 3
    first = call(stac, "GET", "stac/collections", params={"limit": 1}).json()
    nxt = [lk for lk in first["links"] if lk["rel"] == "next"][0]["href"]
    assert "offset=1" in nxt and first["numberReturned"] == 1
    one = call(stac, "GET", "stac/collections/lstprecision").json()
    assert one["extent"]["spatial"]["bbox"][0] == [11.5, 48.1, 13.05, 52.04]
    assert {lk["rel"] for lk in one["links"]} == {"items", "self"}
    missing = call(stac, "GET", "stac/collections/nope")
    assert missing.status_code == 404 and missing.json()["code"] == "NotFoundError"
    items = call(stac, "GET", "stac/collections/lstfusion/items").json()
    assert items["numberMatched"] == 3 and items["features"][0]["collection"] == "lstfusion"
    assert [lk["rel"] for lk in items["links"]] == ["collection", "parent", "root", "self"]
    iid = items["features"][0]["id"]
    assert call(stac, "GET", f"stac/collections/lstfusion/items/{iid}").json()["id"] == iid
    assert call(stac, "GET", f"stac/collections/lstzoom/items/{iid}").status_code == 404


def test_stac_token_paging_get_and_post(stac):
    everything = _pages(stac, "GET", limit=100)[0]
    assert len(everything) == len(set(everything)) == 9
    for method in ("GET", "POST"):
        pages = _pages(stac, method, limit=4)
        assert [len(p) for p in pages] == [4, 4, 1]
        assert sum(pages, []) == everything
    by_collection = _pages(stac, "GET", collections="lstprecision", limit=4)
    assert [len(p) for p in by_collection] == [4, 2]
    r = call(stac, "GET", "stac/search", params={"token": "next:unknown"})
    assert r.status_code == 400 and r.json()["code"] == "BadRequest"
    for limit in (0, 10_001, "x"):
        assert call(stac, "GET", "stac/search", params={"limit": limit}).status_code == 422
    assert call(stac, "POST", "stac/search", json={"limit": 0}).status_code == 422


def test_stac_search_filters(stac):
    def ids(method="GET", **params):
        kw = {"params": params} if method == "GET" else {"json": params}
        r = call(stac, method, "stac/search", **kw)
        assert r.status_code == 200, r.text
        return [f["id"] for f in r.json()["features"]]

    def cql(document) -> str:
        return json.dumps(document)

    fusion = {"op": "=", "args": [{"property": "collection"}, "lstfusion"]}
    early = {"op": "<", "args": [{"property": "datetime"}, {"timestamp": "2025-09-01T00:00:00Z"}]}
    assert len(ids(filter=cql(fusion))) == 3
    assert len(ids(filter=cql(early), **{"filter-lang": "cql2-json"})) == 3  # LSTfusion
    fine = {"op": "and", "args": [{"op": ">=", "args": [{"property": "gsd"}, 30]}, fusion]}
    assert len(ids("POST", filter=fine)) == 3
    assert len(ids("POST", filter={"op": "not", "args": [fusion]})) == 6
    # delivered items carry only what seed 003 shows: gsd and datetime
    for item in call(stac, "GET", "stac/search", params={"limit": 20}).json()["features"]:
        assert set(item["properties"]) == {"gsd", "datetime"}
        assert item["assets"]["lst"]["href"].endswith("/lst.tiff")
    assert len(ids(bbox="11.4,48.0,11.6,48.2")) == 6
    assert len(ids("POST", bbox=[12.9, 51.9, 13.1, 52.1])) == 3
    assert len(ids(collections="lstfusion,lstzoom")) == 3
    some = ids(limit=2)
    assert ids(ids=",".join(some)) == some
    assert len(ids(datetime="2025-09-01T00:00:00Z/..")) == 6
    assert len(ids(datetime="../2025-09-01T00:00:00Z")) == 3
    point = {"type": "Point", "coordinates": [13.02, 52.02]}
    assert len(ids("POST", intersects=point)) == 3

    def times(**params) -> list[str]:
        r = call(stac, "GET", "stac/search", params={"limit": 20, **params})
        return [f["properties"]["datetime"] for f in r.json()["features"]]

    assert times() == sorted(times(), reverse=True) and times(sortby="+datetime") == sorted(times())
    body = {"sortby": [{"field": "properties.datetime", "direction": "asc"}], "limit": 20}
    posted = call(stac, "POST", "stac/search", json=body).json()["features"]
    assert [f["properties"]["datetime"] for f in posted] == sorted(times())
    for params in (
        {"filter": "gsd = 30"},  # CQL2 text: the seed documents CQL2-JSON only
        {"filter": "gsd = 30", "filter-lang": "cql2-text"},
        {"filter": '{"op": "="'},
        {"bbox": "1,2,3"},
        {"datetime": "yesterday"},
        {"filter": "x = 1", "filter-lang": "cql3"},
        {"bbox": "1,2,3,4", "intersects": json.dumps(point)},
    ):
        r = call(stac, "GET", "stac/search", params=params)
        assert r.status_code == 400 and set(r.json()) == {"code", "description"}, params


# -- fault hooks -----------------------------------------------------------------------------
def test_drop_after_commit_leaves_exactly_one_order(srv):
    a = make_aoi(srv, "A")["id"]
    srv.drop_after_commit = True
    with pytest.raises(requests.ConnectionError):
        batch(srv, order(a, comment="once"))
    listed = call(srv, "GET", "orders").json()
    assert listed["count"] == 1 and listed["items"][0]["comment"] == "once"
    assert len(srv.orders) == 1
    posts = [e for e in srv.requests if e["path"] == "/orders/batch"]
    assert (
        len(posts) == 1
        and posts[0]["dropped"]
        and posts[0]["created_orders"] == [listed["items"][0]["id"]]
    )
    srv.drop_after_commit = 1  # a count: the next batch only
    with pytest.raises(requests.ConnectionError):
        batch(srv, order(a))
    assert srv.drop_after_commit is False
    assert batch(srv, order(a)).status_code == 201 and len(srv.orders) == 3


def test_per_path_faults(srv):
    srv.set_fault("/orders", faults.respond(503, {"detail": "busy"}, after=1, times=1))
    assert call(srv, "GET", "orders").status_code == 200
    assert call(srv, "GET", "orders").json() == {"detail": "busy"}
    assert call(srv, "GET", "orders").status_code == 200
    srv.set_fault("/stac/search", faults.invalid_json(method="POST"))
    assert call(srv, "GET", "stac/search").status_code == 200
    with pytest.raises(ValueError):
        call(srv, "POST", "stac/search", json={}).json()
    srv.clear_faults()
    srv.set_fault("*", faults.html_error(502, times=1))
    r = call(srv, "GET", "products", key=None)
    assert r.status_code == 502 and r.headers["Content-Type"] == "text/html"
    assert call(srv, "GET", "products").status_code == 200


def test_convert_geojson_and_uploaded_file(srv):
    poly = rect(13.0, 52.0, 0.1, 0.1)
    r = call(srv, "POST", "areas-of-interest/convert", json=feature(poly, name="My Field"))
    assert r.json() == {"name": "My Field", "geojson": poly}
    upload = json.dumps({"type": "FeatureCollection", "features": [feature(poly, name="Plot 9")]})
    r = call(srv, "POST", "areas-of-interest/convert", files={"file": ("plots.geojson", upload)})
    assert r.status_code == 200 and r.json()["name"] == "Plot 9"
    assert r.json()["geojson"]["coordinates"][0][0] == [13.0, 52.0]
    two = json.dumps({"type": "FeatureCollection", "features": [feature(poly)] * 2})
    r = call(srv, "POST", "areas-of-interest/convert", files={"file": ("two.geojson", two)})
    assert r.status_code == 400


def test_deliveries_are_never_dated_after_the_servers_now(clock, tmp_path):
    """An LSTprecision order starts today and runs for months: delivered the same day, its
    images are dated between its start and the server's now, not in its future."""
    with ConstellrServer({KEY: "w"}, now=clock, data_dir=tmp_path, images_per_order=3) as srv:
        aoi = make_aoi(srv, "Berlin", rect(13.0, 52.0, 0.05, 0.04))
        start = NOW.replace(hour=0, minute=0, second=0)
        long = order(
            aoi["id"],
            maximum_number_of_images=3,
            start_date=start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            end_date=(start + timedelta(days=180)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        assert batch(srv, long).status_code == 201
        srv.settle()
        dated = sorted(item["properties"]["datetime"] for item in srv.items)
        assert len(dated) == 3
        assert all(start.strftime("%Y-%m-%dT%H:%M:%SZ") < d for d in dated)
        assert all(d <= NOW.strftime("%Y-%m-%dT%H:%M:%SZ") for d in dated), dated
