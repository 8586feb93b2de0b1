"""Orders and areas of interest of the Constellr test server: rules, store, state machine.

Pure request -> response logic (no sockets), one store per workspace (the API key's
workspace, seed 003 "Workspace Scoping"); another workspace's AOIs and orders are 404.
The product rules are in :mod:`tests.servers.constellr.rules`. Orders move
initial_state -> pending_validation -> accepted or rejected -> delivered, one step per
:meth:`OrdersApi.advance`; AOIs with orders in initial_state, pending_validation or accepted
cannot be deleted (409), orders only in pending_validation or rejected (409 otherwise).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Optional

from tests.servers.constellr.common import (
    ApiError,
    Query,
    invalid,
    iso_ms,
    iso_naive,
    iso_z,
    parse_datetime,
    parse_uuid,
    query_int,
)
from tests.servers.constellr.geometry import GeometryError, geometry_info, parse_aoi_geojson
from tests.servers.constellr.rules import (
    PRODUCTS,
    USE_CASES,
    body_object,
    check_batch_schema,
    check_order_rules,
    check_tags,
    check_type,
    raise_all,
)

__all__ = ["PRODUCTS", "STATES", "USE_CASES", "OrdersApi", "Record", "default_rejection_rule"]

STATES = ("initial_state", "pending_validation", "accepted", "rejected", "delivered")
ACTIVE_STATES = ("initial_state", "pending_validation", "accepted")
DELETABLE_STATES = ("pending_validation", "rejected")
REJECT_TAG = "reject-me"
REJECTION_REASON = "AOI is outside of the supported coverage area."

RejectionRule = Callable[[dict, dict], Optional[str]]


def default_rejection_rule(order: dict, aoi: dict) -> Optional[str]:
    """Reject orders tagged "reject-me" (reason: the documented example's)."""
    names = [t["name"] for t in order["tags"]]
    return REJECTION_REASON if REJECT_TAG in names else None


@dataclass
class Record:
    """A stored AOI or order: the public ``doc`` plus what the server keeps beside it."""

    doc: dict
    seq: int
    workspace: str
    polygon: Optional[dict] = None  # AOIs; orders: a copy of their AOI's polygon
    aoi: Optional[dict] = None  # orders: their AOI document at ordering time
    extra: dict = field(default_factory=dict)  # orders: use_case, batch comment


@dataclass
class Workspace:
    aois: dict[str, Record] = field(default_factory=dict)
    orders: dict[str, Record] = field(default_factory=dict)
    tags: dict[str, dict] = field(default_factory=dict)


def _sorted(records: Iterable[Record], sort: str, allowed: Iterable[str]) -> list[Record]:
    key = sort.strip() or "-created"
    name = key.lstrip("+-")
    if name not in allowed:
        raise invalid(("query", "sort"), f"Unsupported sort field {sort!r}", "value_error", sort)
    descending = key.startswith("-")
    if name == "created":
        return sorted(records, key=lambda r: r.seq, reverse=descending)
    return sorted(records, key=lambda r: (str(r.doc.get(name)), r.seq), reverse=descending)


class OrdersApi:
    """AOIs, orders and tags per workspace. ``now()`` returns an aware UTC datetime."""

    def __init__(
        self,
        now: Callable[[], datetime],
        *,
        products: Iterable[str] = PRODUCTS,
        max_limit: int = 100,
        rejection_rule: RejectionRule = default_rejection_rule,
    ) -> None:
        self.now = now
        self.products = list(products)
        self.max_limit = max_limit
        self.rejection_rule = rejection_rule
        self.workspaces: dict[str, Workspace] = {}
        self.lock = threading.RLock()
        self._seq = 0

    def ws(self, workspace: str) -> Workspace:
        with self.lock:
            return self.workspaces.setdefault(workspace, Workspace())

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _page(self, records: list[Record], query: Query, allowed: Iterable[str]) -> dict:
        limit = query_int(query, "limit", 10, 1, self.max_limit)
        offset = query_int(query, "offset", 0, 0)
        ordered = _sorted(records, (query.get("sort") or ["-created"])[-1], allowed)
        return {"count": len(ordered), "items": [r.doc for r in ordered[offset : offset + limit]]}

    # -- areas of interest -----------------------------------------------------------------
    def create_aoi(self, workspace: str, body: Any) -> dict:
        body, errors = body_object(body), []
        name = body.get("name")
        if name is None:
            errors.append(invalid(("body", "name"), "Field required", "missing"))
        elif not isinstance(name, str) or not name.strip():
            msg = "String should have at least 1 character"
            errors.append(invalid(("body", "name"), msg, "string_too_short", name))
        check_type(body.get("description"), str, ("body", "description"), errors, "string")
        if "geojson" not in body:
            errors.append(invalid(("body", "geojson"), "Field required", "missing"))
        elif not isinstance(body["geojson"], dict):
            msg = "Input should be a valid dictionary"
            errors.append(invalid(("body", "geojson"), msg, "dict_type", body["geojson"]))
        raise_all(errors)
        try:
            stored, polygon = parse_aoi_geojson(body["geojson"])
        except GeometryError as exc:
            raise ApiError(400, f"Invalid AOI geometry: {exc}") from None
        with self.lock:
            space = self.ws(workspace)
            if any(r.doc["name"] == name for r in space.aois.values()):
                raise ApiError(409, "An Area of Interest with this name already exists.")
            doc = {
                "name": name,
                "geojson": stored,
                "description": body.get("description"),
                **{k: v for k, v in geometry_info(polygon).items() if k != "area"},
                "id": str(uuid.uuid4()),
                "created": iso_naive(self.now()),
            }
            space.aois[doc["id"]] = Record(doc, self._next_seq(), workspace, polygon)
            return doc

    def aoi(self, workspace: str, aoi_id: str) -> Record:
        key = parse_uuid(aoi_id, ("path", "area_of_interest_id"))
        record = self.ws(workspace).aois.get(key)
        if record is None:
            raise ApiError(404, "Area of interest not found")
        return record

    def list_aois(self, workspace: str, query: Query) -> dict:
        with self.lock:
            return self._page(list(self.ws(workspace).aois.values()), query, ("created", "name"))

    def delete_aoi(self, workspace: str, aoi_id: str) -> None:
        with self.lock:
            record = self.aoi(workspace, aoi_id)
            orders = self.ws(workspace).orders.values()
            if any(
                o.doc["area_of_interest_id"] == record.doc["id"] and o.doc["state"] in ACTIVE_STATES
                for o in orders
            ):
                raise ApiError(409, "Area of interest has active orders and cannot be deleted.")
            del self.ws(workspace).aois[record.doc["id"]]

    @staticmethod
    def geometry_info(body: Any) -> dict:
        body_object(body)
        try:
            return geometry_info(parse_aoi_geojson(body)[1])
        except GeometryError as exc:
            raise ApiError(400, f"Invalid AOI geometry: {exc}") from None

    def validate_batch(self, workspace: str, body: Any) -> list[tuple[dict, Record]]:
        body = check_batch_schema(body)
        with self.lock:
            aois, now = self.ws(workspace).aois, self.now()
            return [
                (o, check_order_rules(i, o, self.products, aois, now))
                for i, o in enumerate(body["orders"])
            ]

    # -- orders: store ---------------------------------------------------------------------
    def _tag_docs(self, space: Workspace, names: list[str]) -> list[dict]:
        """Tag entities, created on first use (seed 003)."""
        for name in names:
            if name not in space.tags:
                created = iso_ms(self.now())
                space.tags[name] = {"name": name, "id": str(uuid.uuid4()), "created": created}
        return [dict(space.tags[name]) for name in names]

    def create_orders(self, workspace: str, body: Any) -> list[dict]:
        """Validate the whole batch, then store every order (state "initial_state")."""
        with self.lock:
            checked = self.validate_batch(workspace, body)
            space, docs = self.ws(workspace), []
            for order, aoi in checked:
                doc = {
                    "area_of_interest_id": aoi.doc["id"],
                    "start_date": iso_z(parse_datetime(order["start_date"], ())),
                    "end_date": iso_z(parse_datetime(order["end_date"], ())),
                    "frequency": order["frequency"],
                    "product_name": order["product_name"],
                    "comment": order.get("comment"),
                    "id": str(uuid.uuid4()),
                    "created": iso_z(self.now()),
                    "state": "initial_state",
                    "rejection_reason": None,
                    "tags": self._tag_docs(space, list(order.get("tags") or [])),
                    "illumination_constraint": order.get("illumination_constraint"),
                    "maximum_number_of_images": order.get("maximum_number_of_images"),
                    "product_options": order.get("product_options"),
                }
                extra = {"use_case": body.get("use_case"), "batch_comment": body.get("comment")}
                record = Record(doc, self._next_seq(), workspace, aoi.polygon, aoi.doc, extra)
                space.orders[doc["id"]] = record
                docs.append(doc)
            return docs

    def order(self, workspace: str, order_id: str) -> Record:
        record = self.ws(workspace).orders.get(parse_uuid(order_id, ("path", "order_id")))
        if record is None:
            raise ApiError(404, "Order not found")
        return record

    def list_orders(self, workspace: str, query: Query) -> dict:
        with self.lock:
            return self._page(list(self.ws(workspace).orders.values()), query, ("created",))

    def patch_order(self, workspace: str, order_id: str, body: Any) -> dict:
        """Only ``tags`` can change (the documented PATCH schema); other fields are 422."""
        with self.lock:
            record = self.order(workspace, order_id)
            body, errors = body_object(body), []
            for name in body:
                if name != "tags":
                    msg = "Extra inputs are not permitted"
                    errors.append(invalid(("body", name), msg, "extra_forbidden", body[name]))
            check_tags(body.get("tags"), ("body", "tags"), errors)
            raise_all(errors)
            if body.get("tags") is not None:
                record.doc["tags"] = self._tag_docs(self.ws(workspace), body["tags"])
            return record.doc

    def delete_order(self, workspace: str, order_id: str) -> None:
        with self.lock:
            record = self.order(workspace, order_id)
            if record.doc["state"] not in DELETABLE_STATES:
                raise ApiError(
                    409,
                    f"Order cannot be deleted in its current state ({record.doc['state']}). "
                    "Only pending_validation or rejected orders can be deleted.",
                )
            del self.ws(workspace).orders[record.doc["id"]]

    # -- state machine ---------------------------------------------------------------------
    def records(self, order_id: Optional[str] = None) -> list[Record]:
        with self.lock:
            found = [r for w in self.workspaces.values() for r in w.orders.values()]
        if order_id is not None:
            found = [r for r in found if r.doc["id"] == order_id]
            if not found:
                raise KeyError(f"no order {order_id}")
        return sorted(found, key=lambda r: r.seq)

    def advance(
        self, order_id: Optional[str] = None, deliver: Optional[Callable[[Record], None]] = None
    ) -> list[dict]:
        """One step for one order (or every order): initial_state -> pending_validation ->
        accepted / rejected (``rejection_rule``) -> delivered (``deliver(record)`` first).
        Returns the documents that changed."""
        changed = []
        with self.lock:
            for record in self.records(order_id):
                doc = record.doc
                state = doc["state"]
                if state == "initial_state":
                    doc["state"] = "pending_validation"
                elif state == "pending_validation":
                    reason = self.rejection_rule(doc, record.aoi or {})
                    doc["state"] = "rejected" if reason else "accepted"
                    doc["rejection_reason"] = reason or None
                elif state == "accepted":
                    if deliver is not None:
                        deliver(record)
                    doc["state"] = "delivered"
                else:
                    continue
                changed.append(doc)
        return changed
