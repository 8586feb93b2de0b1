"""The Constellr client and order rules (plugin/api/constellr*.py) against the local
ConstellrServer: every rule at its boundary (and the server agreeing), batch splitting,
paging, deliveries, and no order placed twice when the answer to a batch is lost."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from eo_explorer.plugin.api import constellr as api
from eo_explorer.plugin.api.auth import api_key_auth
from eo_explorer.plugin.api.constellr_rules import (
    OrderBatch,
    OrderInvalid,
    split_batches,
    validate_spec,
)
from eo_explorer.plugin.api.errors import HttpError
from eo_explorer.plugin.api.http import HttpClient, HttpSettings
from tests.servers.common import faults
from tests.servers.constellr.server import ConstellrServer
from tests.unit.constellr.test_constellr_server import rect, sized

KEY = "ws-key-for-client-tests"
NOW = datetime(2025, 9, 1, 12, 0, 0, tzinfo=timezone.utc)
TODAY = NOW.replace(hour=0)
US = timedelta(microseconds=1)
DAY = timedelta(days=1)


@pytest.fixture()
def server(tmp_path):
    with ConstellrServer({KEY: "ws"}, now=lambda: NOW, data_dir=tmp_path) as srv:
        yield srv


@pytest.fixture()
def client(server):
    http = HttpClient(settings=HttpSettings(retries=0, timeout=(5, 10)))
    found = api.ConstellrClient(http.with_auth(api_key_auth(KEY)), server.url)
    found.look_for, found.look_every = 4.0, 0.2
    return found


def area(width=1000.0, height=1000.0, aoi_id="a1", name="Field") -> dict:
    return {"id": aoi_id, "name": name, "bbox_width": width, "bbox_height": height}


def spec(product="LSTprecision", **changes) -> dict:
    data = {
        "product_name": product,
        "use_case": "Yield Prediction",
        "areas": [area()],
        "frequency": "weekly",
        "start_date": TODAY + DAY,
        "end_date": TODAY + 22 * DAY,
        "illumination_constraint": "day",
        "maximum_number_of_images": 2,
        "tags": ["t1"],
        "comment": "field 7",
    }
    if product == "LSTfusion":
        data.update(
            start_date=NOW - 30 * DAY,
            end_date=NOW - 2 * DAY,
            frequency="daily",
            maximum_number_of_images=None,
        )
    data.update(changes)
    return data


def problems(data: dict) -> dict:
    try:
        validate_spec(data, now=NOW)
    except OrderInvalid as exc:
        return exc.errors
    return {}


# -- every rule at its boundary, pure ------------------------------------------------------
BOUNDARIES = [
    # (product, changes, field that must complain or None)
    ("LSTprecision", {"areas": [area(15000.0, 15000.0)]}, None),
    ("LSTprecision", {"areas": [area(15000.1, 14000.0)]}, "areas"),
    ("LSTzoom", {"areas": [area(14000.0, 15000.1)]}, "areas"),
    ("LSTfusion", {"areas": [area(60.0, 60.0)]}, None),
    ("LSTfusion", {"areas": [area(59.9, 100.0)]}, "areas"),
    ("LSTfusion", {"areas": [area(100.0, 59.9)]}, "areas"),
    ("LSTfusion", {"areas": [area(110000.0, 110000.0)]}, None),
    ("LSTfusion", {"areas": [area(110000.1, 5000.0)]}, "areas"),
    ("LSTprecision", {"start_date": TODAY, "end_date": TODAY + 7 * DAY}, None),
    ("LSTprecision", {"start_date": TODAY - US, "end_date": TODAY + 7 * DAY}, "start_date"),
    ("LSTzoom", {"start_date": TODAY, "end_date": TODAY + 7 * DAY - US}, "end_date"),
    ("LSTprecision", {"start_date": TODAY, "end_date": TODAY + 365 * DAY}, None),
    ("LSTprecision", {"start_date": TODAY, "end_date": TODAY + 365 * DAY + US}, "end_date"),
    ("LSTfusion", {"start_date": NOW, "end_date": NOW + US}, None),
    ("LSTfusion", {"start_date": NOW + US, "end_date": NOW + 2 * DAY}, "start_date"),
    ("LSTfusion", {"start_date": NOW - 800 * DAY, "end_date": NOW + 400 * DAY}, None),
    ("LSTfusion", {"start_date": NOW, "end_date": NOW}, "end_date"),
    ("LSTprecision", {"frequency": "max_frequency"}, None),
    ("LSTprecision", {"frequency": "once_every_two_weeks"}, None),
    ("LSTzoom", {"frequency": "monthly"}, None),
    ("LSTprecision", {"frequency": "daily"}, "frequency"),
    ("LSTfusion", {"frequency": "weekly"}, "frequency"),
    ("LSTprecision", {"frequency": "single_image", "maximum_number_of_images": 1}, None),
    ("LSTprecision", {"frequency": "single_image", "maximum_number_of_images": 2}, "x"),
    ("LSTprecision", {"frequency": "single_image", "maximum_number_of_images": None}, "x"),
    ("LSTprecision", {"maximum_number_of_images": 0}, "x"),
    ("LSTprecision", {"maximum_number_of_images": None}, None),
    ("LSTfusion", {"maximum_number_of_images": 1}, "x"),
    ("LSTprecision", {"tags": [f"t{i}" for i in range(9)]}, None),
    ("LSTprecision", {"tags": [f"t{i}" for i in range(10)]}, "tags"),  # +1: the batch tag
    ("LSTprecision", {"tags": ["x" * 50]}, None),
    ("LSTprecision", {"tags": ["x" * 51]}, "tags"),
    ("LSTfusion", {"tags": ["same", "same"]}, "tags"),
    ("LSTprecision", {"illumination_constraint": "night"}, None),
    ("LSTprecision", {"illumination_constraint": None}, None),
    ("LSTprecision", {"illumination_constraint": "dusk"}, "illumination_constraint"),
]


@pytest.mark.parametrize("product, changes, field", BOUNDARIES)
def test_every_rule_at_its_boundary(product, changes, field):
    found = problems(spec(product, **changes))
    field = "maximum_number_of_images" if field == "x" else field
    if field is None:
        assert found == {}
    else:
        assert list(found) == [field], found
        assert all(m[0].isupper() and m.endswith(".") for m in found[field])


def test_messages_are_sentences_about_the_field():
    found = problems(
        spec(
            areas=[area(16200.0, 3400.0, name="North field")],
            start_date=TODAY - DAY,
            tags=["a", "a"],
        )
    )
    assert found["areas"] == [
        "North field is 16.2 km × 3.4 km (bounding box); LSTprecision allows at most "
        "15.0 km × 15.0 km."
    ]
    assert found["start_date"] == [
        "LSTprecision orders start today or later (today is 2025-09-01, UTC)."
    ]
    assert "twice" in found["tags"][0]
    assert problems(spec(areas=[]))["areas"] == ["Choose at least one area of interest."]
    short = problems(spec(start_date=TODAY, end_date=TODAY + 5 * DAY))
    assert short["end_date"] == [
        "LSTprecision orders last at least 7 days and at most 1 year (365 days); this one "
        "lasts 5 days."
    ]
    unknown = validate_spec(spec("LSTultra", frequency="daily"), now=NOW)  # general rules only
    assert unknown.product_name == "LSTultra"
    with pytest.raises(OrderInvalid) as info:
        validate_spec(spec(), now=NOW, products=["LSTfusion"])
    assert list(info.value.errors) == ["product_name"]


def test_one_spec_for_many_areas_splits_into_batches_of_25():
    many = [area(aoi_id=f"a{i}", name=f"F{i}") for i in range(26)]
    checked = validate_spec(spec(areas=many), now=NOW)
    assert checked.needs_split
    batches = checked.batches()
    assert [len(b.orders) for b in batches] == [25, 1]
    assert [o.area_of_interest_id for b in batches for o in b.orders] == [a["id"] for a in many]
    body = batches[0].payload()
    assert body["use_case"] == "Yield Prediction"
    assert body["orders"][0]["start_date"] == "2025-09-02T00:00:00.000000Z"
    assert not validate_spec(spec(areas=many[:25]), now=NOW).needs_split
    with pytest.raises(ValueError, match="At most 25"):
        OrderBatch(orders=checked.orders())
    assert split_batches([]) == []


# -- the server agrees with the rules ------------------------------------------------------
SIZED = {
    "15000x15000": (15000.0, 15000.0),
    "15000.1x14000": (15000.1, 14000.0),
    "60x60": (60.0, 60.0),
    "59.9x100": (59.9, 100.0),
}


@pytest.mark.parametrize(
    "product, size, changes",
    [
        ("LSTprecision", "15000x15000", {}),
        ("LSTzoom", "15000.1x14000", {}),
        ("LSTfusion", "60x60", {}),
        ("LSTfusion", "59.9x100", {}),
        ("LSTprecision", "60x60", {"start_date": TODAY - US, "end_date": TODAY + 7 * DAY}),
        ("LSTprecision", "60x60", {"start_date": TODAY, "end_date": TODAY + 365 * DAY + US}),
        ("LSTfusion", "60x60", {"start_date": NOW + US, "end_date": NOW + 2 * DAY}),
        ("LSTprecision", "60x60", {"frequency": "single_image", "maximum_number_of_images": 2}),
        ("LSTfusion", "60x60", {"maximum_number_of_images": 1}),
        ("LSTprecision", "60x60", {"tags": ["x" * 50] + [f"t{i}" for i in range(8)]}),
    ],
)
def test_server_accepts_exactly_what_the_rules_accept(server, client, product, size, changes):
    geometry = sized(*SIZED[size])
    created = client.create_area(size, {"type": "Feature", "properties": {}, "geometry": geometry})
    assert (created.bbox_width, created.bbox_height) == SIZED[size]
    data = spec(product, areas=[created.ref().model_dump()], **changes)
    found = problems(data)
    # Send the same orders unchecked, as a client without the rules would.
    payload = {"orders": [dict(o.payload()) for o in _orders_unchecked(data)]}
    status = None
    try:
        client.http.post_json(client.url("orders/batch"), payload, idempotent=False)
        status = 201
    except HttpError as exc:
        status = exc.status
    assert (status == 201) == (found == {}), (found, status)


def _orders_unchecked(data: dict):
    from eo_explorer.plugin.api.constellr_models import AreaRef
    from eo_explorer.plugin.api.constellr_rules import OrderSpec

    return OrderSpec.model_construct(
        **{**data, "areas": [AreaRef(**a) for a in data["areas"]]}
    ).orders()


# -- lists, paging, deliveries -------------------------------------------------------------
def test_areas_and_orders_all_pages_sorted(server, client, monkeypatch):
    monkeypatch.setattr(api, "PAGE_SIZE", 7)
    names = [f"Field {n:02d}" for n in range(20, 0, -1)]
    for n, name in enumerate(names):
        feature = {
            "type": "Feature",
            "properties": {},
            "geometry": rect(13 + n / 100, 52, 0.01, 0.01),
        }
        client.create_area(name, feature)
    areas = client.areas()
    assert [a.name for a in areas] == sorted(names)
    assert areas[0].geometry["type"] == "Polygon" and areas[0].bbox_width > 0
    refs = [a.ref().model_dump() for a in areas[:12]]
    checked = validate_spec(spec(areas=refs * 3), now=NOW)  # 36 orders: 25 + 11
    created = [o for b in checked.batches() for o in client.submit(b).created]
    assert len(created) == 36 and len(server.orders) == 36
    listed = client.orders()
    assert len(listed) == 36 and {o.id for o in listed} == {o["id"] for o in server.orders}
    assert [o.id for o in listed] == [o["id"] for o in reversed(server.orders)]  # newest first
    gets = [e for e in server.requests if e["path"] == "/orders" and e["method"] == "GET"]
    assert {e["query"]["limit"][0] for e in gets} == {"7"}


def test_deliveries_of_an_order_follow_token_pages(server, client, monkeypatch):
    """Delivered items carry only gsd and datetime (seed 003): an order's deliveries are
    its product's collection, over its area, within its dates."""
    monkeypatch.setattr(api, "PAGE_SIZE", 2)
    feature = {"type": "Feature", "properties": {}, "geometry": rect(13.0, 52.0, 0.02, 0.02)}
    aoi = client.create_area("Vineyard", feature)
    server.images_per_order = 3
    first_spec = spec(areas=[aoi.ref().model_dump()], maximum_number_of_images=3)
    later_spec = dict(first_spec, start_date=TODAY + 30 * DAY, end_date=TODAY + 60 * DAY)
    first = client.submit(validate_spec(first_spec, now=NOW).batches()[0]).created[0]
    later = client.submit(validate_spec(later_spec, now=NOW).batches()[0]).created[0]
    server.settle()
    assert client.order(first.id).state == "delivered"
    items = client.order_deliveries(client.order(first.id))  # the area is looked up
    expected = [i["id"] for i in server.items if i["id"].endswith(first.id)]
    assert sorted(i["id"] for i in items) == sorted(expected) and len(items) == 3
    second = client.order_deliveries(client.order(later.id), aoi.geometry)
    assert sorted(i["id"] for i in second) == sorted(
        i["id"] for i in server.items if i["id"].endswith(later.id)
    )
    assert len(client.deliveries(aoi.geometry)) == 6  # the area: every order, every product
    searches = [e for e in server.requests if e["path"] == "/stac/search"]
    assert searches[1]["json"]["token"].startswith("next:")
    body = searches[0]["json"]
    assert body["collections"] == ["lstprecision"] and body["intersects"] == aoi.geometry
    assert body["datetime"] == (
        f"{first.start_date:%Y-%m-%dT%H:%M:%SZ}/{first.end_date:%Y-%m-%dT%H:%M:%SZ}"
    )
    assert "filter" not in body


# -- no order placed twice -----------------------------------------------------------------
def _one_batch(client) -> OrderBatch:
    feature = {"type": "Feature", "properties": {}, "geometry": rect(13.0, 52.0, 0.02, 0.02)}
    aoi = client.create_area("Dropped", feature)
    return validate_spec(spec(areas=[aoi.ref().model_dump()]), now=NOW).batches()[0]


def test_dropped_connection_after_commit_finds_the_orders_instead_of_resending(server, client):
    batch = _one_batch(client)
    client.submit(batch.again())  # an identical earlier order must not be taken for this one
    server.drop_after_commit = 1
    result = client.submit(batch)
    assert result.recovered and len(result.created) == 1
    posts = [e for e in server.requests if e["path"] == "/orders/batch"]
    assert len(posts) == 2 and posts[-1]["dropped"]
    assert result.created[0].id == posts[-1]["created_orders"][0]
    assert len(server.orders) == 2


def test_a_cut_answer_is_checked_too(server, client):
    batch = _one_batch(client)
    server.set_fault("/orders/batch", faults.drop_connection(times=1))
    result = client.submit(batch)
    assert result.recovered and len(server.orders) == 1


def test_not_created_says_so_and_sending_again_places_one_batch(server, client):
    batch = _one_batch(client)
    server.set_fault("/orders/batch", faults.respond(504, {"detail": "Gateway Timeout"}, times=1))
    with pytest.raises(api.NotCreated, match="showed none of the 1 order"):
        client.submit(batch)
    assert server.orders == []
    assert len(client.submit(batch).created) == 1 and len(server.orders) == 1


def test_unknown_when_the_list_cannot_be_read(server, client):
    batch = _one_batch(client)
    server.drop_after_commit = 1
    server.set_fault("/orders", faults.respond(503, {"detail": "busy"}, method="GET", after=1))
    with pytest.raises(api.CreationUnknown, match="Do not send them again"):
        client.submit(batch)
    assert len(server.orders) == 1
    posts = [e for e in server.requests if e["path"] == "/orders/batch"]
    assert len(posts) == 1


def _posts(server) -> list[dict]:
    return [e for e in server.requests if e["path"] == "/orders/batch"]


def test_every_order_carries_its_batch_tag(server, client):
    batch = _one_batch(client)
    (order,) = client.submit(batch).created
    assert batch.tag.startswith("eo-explorer-") and len(batch.tag) <= 50
    assert order.tag_names == ["t1", batch.tag]
    assert batch.again().tag != batch.tag


@pytest.mark.parametrize(
    "fault",
    [
        "late-504",  # answered 504 at once, stored 1.5 s later
        "stored-then-500",  # stored, then answered 500
        "drop-after-store",  # stored, connection closed without an answer
        "cut-201",  # 201 whose body stops half-way (Content-Length says more)
        "broken-201",  # 201 whose body is not JSON
        "timeout",  # the server takes longer than the read time-out, then stores
    ],
)
def test_a_lost_answer_is_found_by_its_tag_and_never_sent_twice(server, client, fault):
    batch = _one_batch(client)
    if fault == "late-504":
        server.commit_late(504, delay=1.5)
    elif fault == "stored-then-500":
        server.commit_late(500, delay=0)
    elif fault == "drop-after-store":
        server.drop_after_commit = 1
    elif fault == "cut-201":
        server.set_fault("/orders/batch", faults.drop_connection(times=1))
    elif fault == "broken-201":
        server.set_fault("/orders/batch", faults.invalid_json(times=1))
    else:
        server.set_fault("/orders/batch", faults.slow(1.5, times=1))
        client.http.settings.timeout = (5, 0.5)
    result = client.submit(batch)
    assert result.recovered and [o.id for o in result.created] == [server.orders[0]["id"]]
    assert len(_posts(server)) == 1 and len(server.orders) == 1
    # Sending the same batch again finds it first: still one order.
    again = client.submit(batch)
    assert again.recovered and len(_posts(server)) == 1 and len(server.orders) == 1


def test_a_late_commit_found_before_sending_again(server, client):
    """The server stores the batch after the client stopped looking: the resend the user
    agreed to looks again first and finds it, instead of placing a second order."""
    batch = _one_batch(client)
    client.look_for = 0.5
    server.commit_late(504, delay=1.5)
    with pytest.raises(api.NotCreated, match="most likely not placed") as info:
        client.submit(batch)
    assert batch.tag in str(info.value) and server.orders == []
    deadline = time.monotonic() + 10
    while not server.orders and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(server.orders) == 1
    result = client.submit(batch)
    assert result.recovered and len(_posts(server)) == 1 and len(server.orders) == 1


def test_a_5xx_before_storing_is_sent_once_more_after_looking(server, client):
    batch = _one_batch(client)
    client.look_for = 0.5
    server.set_fault("/orders/batch", faults.respond(502, {"detail": "Bad Gateway"}, times=1))
    with pytest.raises(api.NotCreated):
        client.submit(batch)
    result = client.submit(batch)
    assert not result.recovered and len(result.created) == 1
    assert len(_posts(server)) == 2 and len(server.orders) == 1
    assert result.created[0].tag_names[-1] == batch.tag


def test_a_201_never_leads_to_sending_again(server, client):
    """Created (201) but unreadable, and the list does not show it (yet): unknown, not
    'not created', so nobody is invited to send it again."""
    batch = _one_batch(client)
    client.look_for = 0.5
    server.set_fault("/orders/batch", faults.invalid_json(times=1))
    empty = faults.respond(200, {"count": 0, "items": []}, method="GET", after=1)
    server.set_fault("/orders", empty)
    with pytest.raises(api.CreationUnknown, match="Do not place them again"):
        client.submit(batch)
    assert len(server.orders) == 1 and len(_posts(server)) == 1


def test_server_rejections_are_shown_in_its_words(server, client):
    batch = _one_batch(client)
    wrong = batch.model_copy(
        update={"orders": [batch.orders[0].model_copy(update={"product_name": "LSTultra"})]}
    )
    with pytest.raises(HttpError) as info:
        client.submit(wrong)
    assert info.value.status == 404 and "product 'LSTultra' not found" in str(info.value)
    posts = [e for e in server.requests if e["path"] == "/orders/batch"]
    assert len(posts) == 1  # a 4xx is an answer: nothing to check, nothing resent


def test_area_created_once_and_duplicate_names_explained(server, client):
    feature = {"type": "Feature", "properties": {}, "geometry": rect(13.0, 52.0, 0.02, 0.02)}
    server.set_fault("/areas-of-interest", faults.drop_connection(method="POST", times=1))
    created = client.create_area("Lost answer", feature)
    assert created.name == "Lost answer" and len(server.aois) == 1
    with pytest.raises(HttpError, match="already exists"):
        client.create_area("Lost answer", feature)
    info = client.geometry_info(feature)
    assert info.bbox_width == created.bbox_width and info.area > 0


def test_delete_rules(server, client):
    batch = _one_batch(client)
    (order,) = client.submit(batch).created
    aoi_id = order.area_of_interest_id
    with pytest.raises(api.NotDeletable, match="active orders"):
        client.delete_area(aoi_id)
    with pytest.raises(api.NotDeletable, match="This one is received"):
        client.delete_order(order)  # initial_state: refused without asking the server
    server.advance()
    order = client.order(order.id)
    assert order.state == "pending_validation" and order.deletable
    client.delete_order(order)
    client.delete_area(aoi_id)
    assert server.orders == [] and server.aois == []


def test_tags_edited_with_the_same_rules(server, client):
    batch = _one_batch(client)
    (order,) = client.submit(batch).created
    assert client.set_tags(order.id, ["a", "b"]).tag_names == ["a", "b"]
    with pytest.raises(OrderInvalid) as info:
        client.set_tags(order.id, ["a", "a"])
    assert list(info.value.errors) == ["tags"]
    assert [e for e in server.requests if e["method"] == "PATCH"][-1]["json"] == {
        "tags": ["a", "b"]
    }


def test_no_resend_when_the_list_cannot_be_read_before_it(server, client):
    batch = _one_batch(client)
    client.look_for = 0.3
    server.set_fault("/orders/batch", faults.respond(502, {"detail": "Bad Gateway"}, times=1))
    with pytest.raises(api.NotCreated):
        client.submit(batch)
    server.set_fault("/orders", faults.respond(503, {"detail": "busy"}, method="GET"))
    with pytest.raises(api.CreationUnknown, match="An earlier answer to these orders was lost"):
        client.submit(batch)
    assert len(_posts(server)) == 1 and server.orders == []
