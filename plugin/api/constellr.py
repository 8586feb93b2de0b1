"""The Constellr API (seed 003): areas of interest, tasking orders and their deliveries.

Pure Python over :class:`http.HttpClient` (the workspace key goes in ``X-Api-Key`` through
:func:`auth.api_key_auth`). The base URL is ``https://api.constellr.com/`` unless given.

Creating is never repeated blindly. ``POST /orders/batch`` and ``POST /areas-of-interest``
are sent once (no automatic retry). When the answer is lost (time-out, dropped connection,
a gateway error, a cut body), the request may still have been carried out, so the client
reads the order list (or the AOI list) to find out:

* every order of the batch is there: the batch counts as placed (``recovered``);
* none is there after looking for ``look_for`` seconds (a server may store the orders
  after answering with a gateway error): :class:`NotCreated`, and the caller may offer to
  send again; sending the same batch again looks for it once more first;
* the list cannot be read, or the server answered 2xx (it created them) with a body that
  cannot be read and they are not in the list: :class:`CreationUnknown`; nothing may be
  sent again until the user has checked.

Each batch carries its own tag (:class:`constellr_rules.OrderBatch`) on every order: its
orders are recognised by that tag among the orders newer than a snapshot of the newest ones
taken just before the batch was first sent.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Optional
from urllib.parse import urljoin

from pydantic import ValidationError

from .constellr_models import (
    STATE_WORDS,
    AreaOfInterest,
    GeometryInfo,
    Order,
)
from .constellr_models import read_model as _model
from .constellr_rules import OrderBatch, OrderInvalid, TagList, problems_of
from .errors import Cancelled, EOExplorerError, HttpError, InvalidResponse, NetworkError
from .http import HttpClient, IsCancelled, _never
from .stac import join_url

DEFAULT_BASE_URL = "https://api.constellr.com/"
PAGE_SIZE = 100
MAX_PAGES = 1000


class CreationUnknown(EOExplorerError):
    """The answer to a create request was lost and the list could not be read to check."""


class NotCreated(EOExplorerError):
    """The answer was lost, and the list shows nothing was created: sending again is safe."""


class NotDeletable(EOExplorerError):
    """The API does not allow deleting this order or area (now)."""


@dataclass
class SubmitResult:
    """What a batch created. ``recovered``: the answer was lost; found in the order list."""

    created: list[Order] = field(default_factory=list)
    recovered: bool = False


def _uncertain(exc: EOExplorerError) -> bool:
    """Whether a failed create may nevertheless have been carried out."""
    if isinstance(exc, (NetworkError, InvalidResponse)):
        return True
    return isinstance(exc, HttpError) and exc.status >= 500


def delivery_collection(product: str) -> str:
    """The STAC collection of a product's deliveries (seed 003: ``lstfusion``, ``lstzoom``)."""
    return product.strip().lower()


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def delivery_search(
    geometry: dict[str, Any],
    product: str = "",
    start: Optional[datetime] = None,
    end: Optional[datetime] = None,
) -> dict[str, Any]:
    """The ``POST /stac/search`` body for what was delivered over an area.

    Delivered items carry only ``gsd`` and ``datetime`` (seed 003, "Get a Single Item"),
    in one collection per product; so an order's deliveries are the items of its
    product's collection that intersect its area, acquired between its start and end.
    """
    body: dict[str, Any] = {"intersects": geometry, "limit": PAGE_SIZE}
    if product:
        body["collections"] = [delivery_collection(product)]
    if start is not None or end is not None:
        body["datetime"] = (
            f"{_utc_text(start) if start else '..'}/{_utc_text(end) if end else '..'}"
        )
    return body


class ConstellrClient:
    """The workspace of the API key ``http`` carries."""

    #: after a lost answer, how long (seconds) to keep looking for the batch in the order
    #: list, and how often; a server may store the orders after answering with an error
    look_for = 20.0
    look_every = 1.0

    def __init__(self, http: HttpClient, base_url: str = DEFAULT_BASE_URL) -> None:
        self.http = http
        base = (base_url or DEFAULT_BASE_URL).strip()
        self.base_url = base if base.endswith("/") else base + "/"

    def __repr__(self) -> str:
        return f"ConstellrClient({self.base_url!r})"

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path)

    @property
    def stac_url(self) -> str:
        return self.url("stac/")

    # -- reference lists --------------------------------------------------------------

    def products(self, is_cancelled: IsCancelled = _never) -> list[str]:
        data = self.http.get_json(self.url("products"), is_cancelled=is_cancelled)
        return [str(p["name"]) for p in data if isinstance(p, dict) and p.get("name")]

    def use_cases(self, is_cancelled: IsCancelled = _never) -> list[str]:
        data = self.http.get_json(self.url("orders/meta/use-cases"), is_cancelled=is_cancelled)
        return [str(u) for u in data] if isinstance(data, list) else []

    def _pages(self, path: str, sort: str, is_cancelled: IsCancelled) -> Iterator[dict]:
        """Every item of an offset-paged list (``{"count", "items"}``)."""
        offset = 0
        for _ in range(MAX_PAGES):
            params = {"limit": PAGE_SIZE, "offset": offset, "sort": sort}
            page = self.http.get_json(self.url(path), params=params, is_cancelled=is_cancelled)
            if not isinstance(page, dict) or not isinstance(page.get("items"), list):
                raise InvalidResponse(
                    "The Constellr API's list is not in the documented form.", details=path
                )
            items = page["items"]
            yield from items
            offset += len(items)
            count = page.get("count")
            if not items or (isinstance(count, int) and offset >= count):
                return

    # -- areas of interest ------------------------------------------------------------

    def areas(self, is_cancelled: IsCancelled = _never) -> list[AreaOfInterest]:
        """Every AOI of the workspace (all pages), sorted by name."""
        found = [
            _model(AreaOfInterest, doc, "an area of interest")
            for doc in self._pages("areas-of-interest", "name", is_cancelled)
        ]
        return sorted(found, key=lambda a: (a.name.lower(), a.name))

    def geometry_info(self, geojson: dict, is_cancelled: IsCancelled = _never) -> GeometryInfo:
        """Bounding box width/height (m) and area (m²); creates nothing, so retried."""
        data = self.http.post_json(
            self.url("areas-of-interest/geometry-info"),
            geojson,
            idempotent=True,
            is_cancelled=is_cancelled,
        )
        return _model(GeometryInfo, data, "geometry information")

    def create_area(self, name: str, geojson: dict, description: str = "") -> AreaOfInterest:
        """Create an AOI (a GeoJSON Feature or Polygon). Sent once; see the module doc."""
        body: dict[str, Any] = {"name": name, "geojson": geojson}
        if description:
            body["description"] = description
        try:
            data = self.http.post_json(self.url("areas-of-interest"), body, idempotent=False)
        except HttpError as exc:
            if exc.status == 409:
                raise HttpError(
                    f"An area of interest called {name!r} already exists in this workspace; "
                    "choose another name.",
                    status=409,
                    server_message=exc.server_message,
                    details=exc.details,
                ) from None
            if not _uncertain(exc):
                raise
            return self._find_area(name, exc)
        except (NetworkError, InvalidResponse) as exc:
            return self._find_area(name, exc)
        return _model(AreaOfInterest, data, "an area of interest")

    def _find_area(self, name: str, cause: EOExplorerError) -> AreaOfInterest:
        """AOI names are unique in a workspace: the list says whether it was created."""
        try:
            for area in self.areas():
                if area.name == name:
                    return area
        except EOExplorerError as exc:
            raise CreationUnknown(
                f"The answer to creating {name!r} was lost ({cause}) and the list of areas "
                "could not be read to check. Refresh the areas before creating it again.",
                details=f"{cause.details}\n{exc.details}",
            ) from None
        raise NotCreated(
            f"The answer to creating {name!r} was lost ({cause}); the list of areas shows "
            "it was not created. You can create it again.",
            details=cause.details,
        )

    def delete_area(self, area_id: str) -> None:
        try:
            self.http.request("DELETE", self.url(f"areas-of-interest/{area_id}"))
        except HttpError as exc:
            if exc.status == 409:
                raise NotDeletable(
                    "This area of interest has active orders (received, waiting for "
                    "validation or accepted), so Constellr keeps it. Delete it once its "
                    "orders are delivered or rejected.",
                    details=exc.details,
                ) from None
            raise

    # -- orders -----------------------------------------------------------------------

    def orders(self, is_cancelled: IsCancelled = _never) -> list[Order]:
        """Every order of the workspace (all pages), newest first."""
        found = [
            _model(Order, doc, "an order")
            for doc in self._pages("orders", "-created", is_cancelled)
        ]
        oldest = datetime.min.replace(tzinfo=timezone.utc)
        return sorted(found, key=lambda o: o.created or oldest, reverse=True)

    def order(self, order_id: str) -> Order:
        return _model(Order, self.http.get_json(self.url(f"orders/{order_id}")), "an order")

    def set_tags(self, order_id: str, tags: list[str]) -> Order:
        try:
            TagList(tags=tags)  # the same rules as for new orders, before sending
        except ValidationError as exc:
            raise OrderInvalid(problems_of(exc)) from None
        data = self.http.request(
            "PATCH", self.url(f"orders/{order_id}"), json_body={"tags": tags}, idempotent=True
        ).json()
        return _model(Order, data, "an order")

    def delete_order(self, order: Order) -> None:
        if not order.deletable:
            raise NotDeletable(_not_deletable(order.state))
        try:
            self.http.request("DELETE", self.url(f"orders/{order.id}"))
        except HttpError as exc:
            if exc.status == 409:
                raise NotDeletable(
                    _not_deletable("") + f" ({exc.server_message})", details=exc.details
                ) from None
            raise

    def newest_order_ids(self, is_cancelled: IsCancelled = _never) -> set[str]:
        """The ids on the first page of orders, newest first (the snapshot before a batch)."""
        params = {"limit": PAGE_SIZE, "offset": 0, "sort": "-created"}
        page = self.http.get_json(self.url("orders"), params=params, is_cancelled=is_cancelled)
        items = page.get("items") if isinstance(page, dict) else None
        return {str(i.get("id")) for i in items or [] if isinstance(i, dict)}

    def find_batch(self, batch: OrderBatch) -> list[Order]:
        """The orders carrying the batch's tag, read newest first down to the newest order
        seen before the batch was first sent (the whole list when none was)."""
        known = batch._known or set()
        found = []
        for doc in self._pages("orders", "-created", _never):
            if isinstance(doc, dict) and str(doc.get("id")) in known:
                break
            tags = doc.get("tags") if isinstance(doc, dict) else None
            names = [t.get("name") if isinstance(t, dict) else t for t in tags or []]
            if batch.tag in names:
                found.append(_model(Order, doc, "an order"))
        return found

    def submit(self, batch: OrderBatch, is_cancelled: IsCancelled = _never) -> SubmitResult:
        """``POST /orders/batch`` once; a lost answer is looked for in the order list.

        A batch sent before (its answer was lost) is looked for first and sent again only
        when its orders are still not in the list. Cancel is honoured before sending only:
        once sent, the answer is awaited (and looked for, for at most ``look_for`` seconds).
        """
        if batch._sent:
            why = "An earlier answer to these orders was lost"
            found = self._look(batch, why, deadline=0.0)
            if found is not None:
                return found
        else:
            batch._known = self.newest_order_ids(is_cancelled)
        if is_cancelled():
            raise Cancelled()
        batch._sent = True
        try:
            response = self.http.request(
                "POST", self.url("orders/batch"), json_body=batch.payload(), idempotent=False
            )
        except HttpError as exc:
            if not _uncertain(exc):
                raise
            return self.recover(batch, exc)
        except (NetworkError, InvalidResponse) as exc:
            return self.recover(batch, exc)
        try:
            data = response.json()
            if not isinstance(data, list):
                raise InvalidResponse(
                    "The Constellr API's answer to the orders is not a list.",
                    details=response.content[:300].decode("utf-8", "replace"),
                )
            return SubmitResult([_model(Order, d, "an order") for d in data])
        except EOExplorerError as exc:
            # The server said the orders were created (2xx): never send them again.
            return self.recover(batch, exc, placed=True)

    def recover(
        self, batch: OrderBatch, cause: EOExplorerError, placed: bool = False
    ) -> SubmitResult:
        """After a lost answer: the batch's orders, found in the order list by its tag.

        The list is read again every ``look_every`` seconds for up to ``look_for`` seconds,
        since a server may store the orders after answering with an error (a gateway
        time-out). Raises :class:`NotCreated` when they never appear (sending the same
        batch again looks for them once more first), or :class:`CreationUnknown` when the
        list cannot be read, only part of the batch is there, or the server said they were
        created (``placed``: a 2xx whose body could not be read).
        """
        why = f"The answer to the order was lost ({cause})"
        found = self._look(batch, why, time.monotonic() + self.look_for, cause)
        if found is not None:
            return found
        count = len(batch.orders)
        if placed:
            raise CreationUnknown(
                f"Constellr accepted the {count} order(s) but its answer could not be read "
                f"({cause}), and they are not in the order list yet. Do not place them again: "
                f"refresh the Orders tab in a moment and look for the tag {batch.tag}.",
                details=cause.details,
            )
        raise NotCreated(
            f"The answer to the order was lost ({cause}). For {self.look_for:g} s the order "
            f"list showed none of the {count} order(s) (tag {batch.tag}), so they were most "
            "likely not placed.",
            details=cause.details,
        )

    def _look(
        self,
        batch: OrderBatch,
        why: str,
        deadline: float,
        cause: Optional[EOExplorerError] = None,
    ) -> Optional[SubmitResult]:
        """The batch found in the list (or an exception), None when it is not there."""
        count = len(batch.orders)
        while True:
            try:
                matched = self.find_batch(batch)
            except EOExplorerError as exc:
                raise CreationUnknown(
                    f"{why}, and the order list could not be read to check whether the "
                    f"{count} order(s) were placed (tag {batch.tag}). Do not send them again "
                    "before the Orders tab shows what was created.",
                    details=f"{cause.details if cause else ''}\n{exc.details}",
                ) from None
            if len(matched) >= count:
                return SubmitResult(matched[:count], recovered=True)
            if matched:
                # A batch is all or nothing (seed 003); should a server still place part
                # of it, say so rather than send the rest blindly.
                raise CreationUnknown(
                    f"The answer to the order was lost; {len(matched)} of {count} orders "
                    f"(tag {batch.tag}) are in the order list. Check the Orders tab before "
                    "placing the others.",
                    details=cause.details if cause else "",
                )
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            time.sleep(min(self.look_every, left))

    # -- deliveries (STAC) ------------------------------------------------------------

    def order_deliveries(
        self,
        order: Order,
        geometry: Optional[dict[str, Any]] = None,
        is_cancelled: IsCancelled = _never,
        max_items: int = 2000,
    ) -> list[dict]:
        """What was delivered for ``order``: its product's collection, over its area
        (``geometry``, read from the area list when not given), between its dates."""
        if geometry is None:
            found = [a for a in self.areas(is_cancelled) if a.id == order.area_of_interest_id]
            if not found:
                raise InvalidResponse(
                    "The area of interest of this order is no longer in the workspace, so "
                    "its deliveries cannot be looked up.",
                    details=order.area_of_interest_id,
                )
            geometry = found[0].geometry
        return self.deliveries(
            geometry,
            order.product_name,
            order.start_date,
            order.end_date,
            is_cancelled,
            max_items,
        )

    def deliveries(
        self,
        geometry: dict[str, Any],
        product: str = "",
        start: Optional[datetime] = None,
        end: Optional[datetime] = None,
        is_cancelled: IsCancelled = _never,
        max_items: int = 2000,
    ) -> list[dict]:
        """The delivered STAC items over ``geometry`` (``POST /stac/search`` with
        ``intersects``, the product's collection and the dates, following ``next`` links
        with their tokens). Without a product: every product's deliveries there."""
        body = delivery_search(geometry, product, start, end)
        method, url, params = "POST", self.stac_url + "search", None
        items: list[dict] = []
        for _ in range(MAX_PAGES):
            response = self.http.request(
                method,
                url,
                params=params,
                json_body=body if method == "POST" else None,
                idempotent=True,
                is_cancelled=is_cancelled,
            )
            page = response.json()
            features = page.get("features") if isinstance(page, dict) else None
            if not isinstance(features, list):
                raise InvalidResponse(
                    "The Constellr STAC search answer is not a FeatureCollection.", details=url
                )
            items.extend(f for f in features if isinstance(f, dict))
            link = _next_link(page)
            if link is None or not features or len(items) >= max_items:
                break
            url = join_url(url, link["href"])
            method = str(link.get("method") or "GET").upper()
            params = None
            if method == "POST" and isinstance(link.get("body"), dict):
                # STAC API paging: the link's body replaces the previous one unless
                # ``merge`` is true (stac-fastapi sends the whole body plus the token).
                body = {**body, **link["body"]} if link.get("merge") else dict(link["body"])
        return items[:max_items]


def _next_link(page: dict) -> Optional[dict]:
    for link in page.get("links") or []:
        if isinstance(link, dict) and link.get("rel") == "next" and link.get("href"):
            return link
    return None


def _not_deletable(state: str) -> str:
    words = STATE_WORDS.get(state, state)
    now = f" This one is {words}." if state else ""
    return "Constellr lets you delete only orders waiting for validation or rejected." + now
