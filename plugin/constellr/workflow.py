"""Placing Constellr orders, the one flow for the dock and the Processing algorithm.

:func:`place_orders` takes polygons (a name and a GeoJSON each) and one order
specification: an area of interest is reused by name or measured (``geometry-info``), the
whole order is checked with :mod:`api.constellr_rules` before anything is created, the
missing areas are created, and the orders are sent with :func:`submit_batches`. The dock's
order form, whose areas already exist, calls :func:`submit_batches` directly.

Batches go one after the other, each with its own tag. A batch whose answer was lost is
looked for in the order list by that tag, and :meth:`ConstellrClient.submit` looks again
before any resend, so an order is never placed twice. Each batch reports a
:class:`SubmitProgress` snapshot, a percentage and an info line through the
:class:`~plugin.core.tasks.Progress`; the outcome carries the failure as a sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Optional

from ..api.constellr import ConstellrClient, SubmitResult
from ..api.constellr_models import AreaOfInterest
from ..api.constellr_rules import AreaRef, OrderBatch, OrderInvalid, OrderSpec, validate_spec
from ..api.errors import Cancelled, EOExplorerError
from ..core.i18n import tr
from ..core.tasks import Progress

IsCancelled = Callable[[], bool]


@dataclass
class Outcome:
    """What one of the dock's smaller jobs brought back: a value, or the error to show."""

    value: Any = None
    error: Optional[Exception] = None
    cancelled: bool = False


def run_job(work: Callable[[IsCancelled], Any], progress: Progress) -> Outcome:
    """``work(is_cancelled)`` as an :class:`Outcome`: cancelling and broken rules are
    answers, not failures (other errors are left to the task)."""
    try:
        return Outcome(value=work(progress.is_cancelled))
    except Cancelled:
        return Outcome(cancelled=True)
    except (EOExplorerError, OrderInvalid) as exc:
        return Outcome(error=exc)


@dataclass
class Reference:
    """What the forms offer: the workspace's products, use cases and areas."""

    products: list[str] = field(default_factory=list)
    use_cases: list[str] = field(default_factory=list)
    areas: list = field(default_factory=list)


def load_reference(client: ConstellrClient, is_cancelled: IsCancelled) -> Reference:
    return Reference(
        products=client.products(is_cancelled),
        use_cases=client.use_cases(is_cancelled),
        areas=client.areas(is_cancelled),
    )


@dataclass
class SubmitProgress:
    """Batches placed so far; the ones not sent (after ``error`` or a cancel) are
    ``remaining``. Reported after each batch, and the outcome of :func:`submit_batches`."""

    placed: list[SubmitResult] = field(default_factory=list)
    remaining: list[OrderBatch] = field(default_factory=list)
    error: Optional[EOExplorerError] = None
    cancelled: bool = False
    total: int = 0

    @property
    def orders(self) -> list:
        return [o for result in self.placed for o in result.created]

    @property
    def recovered(self) -> bool:
        return any(result.recovered for result in self.placed)


def submit_batches(
    client: ConstellrClient, batches: list[OrderBatch], progress: Progress
) -> SubmitProgress:
    """Send the batches one after the other; stop at the first that fails or at a cancel."""
    outcome = SubmitProgress(total=sum(len(b.orders) for b in batches))
    progress.percent(0.0)
    for index, batch in enumerate(batches):
        if progress.is_cancelled():
            outcome.cancelled = True
            outcome.remaining = list(batches[index:])
            break
        try:
            result = client.submit(batch, progress.is_cancelled)
        except Cancelled:
            outcome.cancelled = True
            outcome.remaining = list(batches[index:])
            break
        except EOExplorerError as exc:
            outcome.error = exc
            outcome.remaining = list(batches[index:])
            break
        outcome.placed.append(result)
        number = index + 1
        progress.info(
            tr("Batch {0} of {1} (tag {2}): {3} order(s) placed.").format(
                number, len(batches), batch.tag, len(result.created)
            )
        )
        if result.recovered:
            progress.info(
                tr(
                    "Batch {0}: the answer was lost, but its orders are in the order "
                    "list; nothing was sent twice."
                ).format(number)
            )
        progress.percent(100.0 * number / max(1, len(batches)))
        progress.report(outcome)
    return outcome


# -- the whole flow: polygons to orders ------------------------------------------------


@dataclass
class Polygon:
    """One polygon to order for: the area's name and its GeoJSON (EPSG:4326)."""

    name: str
    geojson: dict
    key: Any = None  # the caller's own handle (a feature id)


@dataclass
class OrderOutcome:
    """What :func:`place_orders` did. ``areas[i]`` (an AOI, or None when only checked) and
    ``orders[i]`` (an order, or None) belong to ``polygons[i]``; ``refs[i]`` is what was
    checked. ``error`` says, as a sentence, why it stopped; ``submitted`` holds the batches
    placed and those not sent."""

    polygons: list[Polygon] = field(default_factory=list)
    refs: list[AreaRef] = field(default_factory=list)
    areas: list[Optional[AreaOfInterest]] = field(default_factory=list)
    orders: list[Any] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    submitted: SubmitProgress = field(default_factory=SubmitProgress)
    spec: Optional[OrderSpec] = None
    checked_only: bool = False
    error: Optional[EOExplorerError] = None

    @property
    def placed(self) -> int:
        return sum(1 for order in self.orders if order is not None)


def problems_text(exc: OrderInvalid) -> str:
    return " ".join(f"[{name}] {' '.join(messages)}" for name, messages in exc.errors.items())


def _validate(data: dict, refs: list[AreaRef], products: list[str]) -> OrderSpec:
    try:
        return validate_spec({**data, "areas": refs}, products=products or None)
    except OrderInvalid as exc:
        raise EOExplorerError(tr("Nothing was ordered: ") + problems_text(exc)) from None


def place_orders(
    client: ConstellrClient,
    polygons: list[Polygon],
    data: dict[str, Any],
    progress: Progress,
    *,
    check_only: bool = False,
) -> OrderOutcome:
    """One order per polygon with the specification ``data`` (the fields of
    :func:`validate_spec` but ``areas``); with ``check_only``, measure and check only.
    Never raises an :class:`EOExplorerError`: the outcome carries it."""
    outcome = OrderOutcome(polygons=list(polygons), checked_only=check_only)
    try:
        _place(client, outcome, data, progress)
    except EOExplorerError as exc:
        outcome.error = exc
    return outcome


def _place(client: ConstellrClient, outcome: OrderOutcome, data: dict, progress: Progress):
    cancelled = progress.is_cancelled
    polygons = outcome.polygons
    # The bar: areas measured 0-30 %, created 30-60 %, orders submitted 60-100 %.
    progress.percent(0.0)
    existing = {area.name: area for area in client.areas(cancelled)}
    products = client.products(cancelled)
    for number, polygon in enumerate(polygons, 1):
        progress.percent(30.0 * (number - 1) / max(1, len(polygons)))
        if polygon.name in existing:
            progress.info(tr("{0}: the existing area of that name is used.").format(polygon.name))
            outcome.reused.append(polygon.name)
            outcome.refs.append(existing[polygon.name].ref())
            continue
        info = client.geometry_info(polygon.geojson, cancelled)
        outcome.refs.append(
            AreaRef(
                id=f"feature {polygon.key}",
                name=polygon.name,
                bbox_width=info.bbox_width,
                bbox_height=info.bbox_height,
            )
        )
    outcome.spec = _validate(data, outcome.refs, products)  # before anything is created
    if outcome.checked_only:
        outcome.areas = [None] * len(polygons)
        outcome.orders = [None] * len(polygons)
        progress.info(tr("Checked: the orders are valid. Nothing was created."))
        progress.percent(100.0)
        return
    areas: list[AreaOfInterest] = []  # outcome.areas, each one existing here
    for number, polygon in enumerate(polygons, 1):
        progress.percent(30.0 + 30.0 * (number - 1) / max(1, len(polygons)))
        if cancelled():
            raise Cancelled(tr("Cancelled before all areas were created."))
        area = existing.get(polygon.name)
        if area is None:
            area = client.create_area(polygon.name, polygon.geojson)
            outcome.created.append(polygon.name)
            progress.info(tr("Area {0} created.").format(polygon.name))
        outcome.areas.append(area)
        areas.append(area)
    outcome.spec = _validate(data, [a.ref() for a in areas], products)
    outcome.submitted = submitted = submit_batches(
        client, outcome.spec.batches(), progress.part(60.0, 100.0)
    )
    orders = list(submitted.orders)
    for area in areas:
        order = next((o for o in orders if o.area_of_interest_id == area.id), None)
        if order is not None:
            orders.remove(order)
        outcome.orders.append(order)
    if submitted.error is not None:
        raise submitted.error
