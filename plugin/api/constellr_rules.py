"""Constellr order rules (seed 003), stated once, as pydantic models.

The order form, the Processing algorithm and the client all validate with
:class:`OrderSpec` before anything is sent, and show the messages written here next to the
field they are about (``errors`` maps a field name to its sentences).

Rules (seed 003, "Product Specific Validation" and "General Validation"; boundaries are
inclusive):

* AOI bounding box in metres (as ``geometry-info`` measures it): LSTprecision and LSTzoom
  at most 15,000 x 15,000; LSTfusion at least 60 x 60 and at most 110,000 x 110,000.
* Start date: from today (UTC) for LSTprecision / LSTzoom; not in the future for LSTfusion.
* Duration: 7 days to 1 year for LSTprecision / LSTzoom ("1 year" is read as 365 days, the
  strict reading); any for LSTfusion. The end is always after the start.
* Frequency: single_image, max_frequency, once_every_two_weeks, monthly, weekly for
  LSTprecision / LSTzoom; daily for LSTfusion.
* Maximum number of images: 1 when the frequency is single_image (otherwise at least 1 or
  empty); not supported (empty) for LSTfusion.
* Tags: at most 10, each at most 50 characters, no duplicates; a new order takes at most 9
  of the user's, the tenth is its batch's own tag (:class:`OrderBatch`). Illumination: day,
  night or none. At most 25 orders per ``POST /orders/batch``.

A product the table does not know (a new one from ``GET /products``) gets the general rules
only; the server checks the rest.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from typing import Any, Optional

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from .constellr_models import AreaRef, BatchOrder
from .constellr_models import utc as _utc

FREQUENCIES = (
    "single_image",
    "max_frequency",
    "once_every_two_weeks",
    "monthly",
    "weekly",
    "daily",
)
ILLUMINATIONS = ("day", "night")
MAX_ORDERS_PER_BATCH = 25
MAX_TAGS = 10
MAX_TAG_LENGTH = 50


class ProductRules(BaseModel):
    """What one product allows (seed 003's table, one instance per product)."""

    model_config = ConfigDict(frozen=True)

    name: str
    min_bbox_m: Optional[float] = None
    max_bbox_m: Optional[float] = None
    #: "from_today": the start's UTC date is today or later; "not_future": start <= now
    start: str
    min_duration: Optional[timedelta] = None
    max_duration: Optional[timedelta] = None
    frequencies: tuple[str, ...] = FREQUENCIES
    #: False: ``maximum_number_of_images`` must be empty
    images_supported: bool = True


def _precision_like(name: str) -> ProductRules:
    return ProductRules(
        name=name,
        max_bbox_m=15_000.0,
        start="from_today",
        min_duration=timedelta(days=7),
        max_duration=timedelta(days=365),
        frequencies=FREQUENCIES[:5],
    )


PRODUCT_RULES: dict[str, ProductRules] = {
    "LSTprecision": _precision_like("LSTprecision"),
    "LSTzoom": _precision_like("LSTzoom"),
    "LSTfusion": ProductRules(
        name="LSTfusion",
        min_bbox_m=60.0,
        max_bbox_m=110_000.0,
        start="not_future",
        frequencies=("daily",),
        images_supported=False,
    ),
}


def rules_for(product: str) -> Optional[ProductRules]:
    return PRODUCT_RULES.get(product)


def frequencies_for(product: str) -> tuple[str, ...]:
    rules = rules_for(product)
    return rules.frequencies if rules else FREQUENCIES


def _rule(message: str) -> PydanticCustomError:
    # A custom error keeps the sentence as written (a ValueError gets "Value error, ").
    return PydanticCustomError("constellr_rule", message)


def size_text(width: float, height: float) -> str:
    """``16.2 km × 3.4 km`` or ``40 m × 900 m``."""

    def one(value: float) -> str:
        return f"{value / 1000:.1f} km" if value >= 1000 else f"{value:.0f} m"

    return f"{one(width)} × {one(height)}"


def area_problem(rules: ProductRules, area: AreaRef) -> Optional[str]:
    """Why an AOI's bounding box does not suit a product, or None."""
    size = size_text(area.bbox_width, area.bbox_height)
    name = area.name or area.id
    large = max(area.bbox_width, area.bbox_height)
    small = min(area.bbox_width, area.bbox_height)
    if rules.max_bbox_m is not None and large > rules.max_bbox_m:
        limit = size_text(rules.max_bbox_m, rules.max_bbox_m)
        return f"{name} is {size} (bounding box); {rules.name} allows at most {limit}."
    if rules.min_bbox_m is not None and small < rules.min_bbox_m:
        limit = size_text(rules.min_bbox_m, rules.min_bbox_m)
        return f"{name} is {size} (bounding box); {rules.name} needs at least {limit}."
    return None


def check_tags(tags: list[str]) -> list[str]:
    """The tag rules for all products (also used for ``PATCH /orders/{id}``)."""
    if len(tags) > MAX_TAGS:
        raise _rule(f"At most {MAX_TAGS} tags per order ({len(tags)} given).")
    for tag in tags:
        if not tag:
            raise _rule("A tag cannot be empty.")
        if len(tag) > MAX_TAG_LENGTH:
            raise _rule(
                f"The tag '{tag[:20]}…' has {len(tag)} characters; at most "
                f"{MAX_TAG_LENGTH} are allowed."
            )
    seen: set[str] = set()
    for tag in tags:
        if tag in seen:
            raise _rule(f"The tag '{tag}' is given twice; each tag can be used once per order.")
        seen.add(tag)
    return tags


class TagList(BaseModel):
    """Tags on their own (editing the tags of an existing order)."""

    tags: list[str] = Field(default_factory=list)

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        return check_tags(value)


def _now(info: ValidationInfo) -> datetime:
    context = info.context if isinstance(info.context, dict) else {}
    now = context.get("now") or datetime.now(timezone.utc)
    return _utc(now).astimezone(timezone.utc)


BATCH_TAG_PREFIX = "eo-explorer-"
#: The tag slots a user may fill: one of the ten is the batch's own tag.
MAX_USER_TAGS = MAX_TAGS - 1


def new_batch_tag() -> str:
    """A tag no other batch has (44 characters; seed 003 allows 50)."""
    return BATCH_TAG_PREFIX + uuid.uuid4().hex


class OrderBatch(BaseModel):
    """The body of ``POST /orders/batch``: 1 to 25 orders.

    ``tag`` names the batch: it is added to every order it sends (seed 003 allows ten tags
    per order and creates tag entities on first use), so the batch's orders can be found in
    the order list when the answer to the request is lost. The same batch object always
    carries the same tag; :meth:`again` gives the same orders under a new tag.
    """

    use_case: Optional[str] = None
    comment: Optional[str] = None
    orders: list[BatchOrder]
    tag: str = Field(default_factory=new_batch_tag, min_length=1, max_length=MAX_TAG_LENGTH)
    #: set by the client: whether this batch was ever sent, and the newest order ids seen
    #: just before its first sending (where a look through the order list can stop)
    _sent: bool = PrivateAttr(default=False)
    _known: Optional[set] = PrivateAttr(default=None)

    def again(self) -> OrderBatch:
        """The same orders as a new batch (a new tag): for ordering the same thing twice."""
        return OrderBatch(use_case=self.use_case, comment=self.comment, orders=self.orders)

    @field_validator("orders")
    @classmethod
    def _count(cls, value: list[BatchOrder]) -> list[BatchOrder]:
        if not value:
            raise _rule("A batch needs at least one order.")
        if len(value) > MAX_ORDERS_PER_BATCH:
            raise _rule(
                f"At most {MAX_ORDERS_PER_BATCH} orders can be sent at once ({len(value)} given)."
            )
        return value

    def payload(self) -> dict[str, Any]:
        orders = []
        for order in self.orders:
            data = order.payload()
            data["tags"] = [*(t for t in data.get("tags") or [] if t != self.tag), self.tag]
            orders.append(data)
        body: dict[str, Any] = {"orders": orders}
        if self.use_case:
            body["use_case"] = self.use_case
        if self.comment:
            body["comment"] = self.comment
        return body


class OrderSpec(BaseModel):
    """What the order form gathers: one order specification for one or more AOIs.

    Validate with :func:`validate_spec` (``context={"now": ...}`` fixes the clock). Field
    order matters: each rule reads the fields validated before it.
    """

    model_config = ConfigDict(extra="forbid")

    product_name: str
    use_case: Optional[str] = None
    areas: list[AreaRef]
    frequency: str
    start_date: datetime
    end_date: datetime
    illumination_constraint: Optional[str] = None
    maximum_number_of_images: Optional[int] = None
    tags: list[str] = Field(default_factory=list)
    comment: Optional[str] = None

    @field_validator("product_name")
    @classmethod
    def _product(cls, value: str, info: ValidationInfo) -> str:
        context = info.context if isinstance(info.context, dict) else {}
        known = context.get("products")
        if not value:
            raise _rule("Choose a product.")
        if known and value not in known:
            raise _rule(f"This workspace has no product {value}; choose one of {', '.join(known)}.")
        return value

    @field_validator("use_case")
    @classmethod
    def _use_case(cls, value: Optional[str], info: ValidationInfo) -> Optional[str]:
        context = info.context if isinstance(info.context, dict) else {}
        known = context.get("use_cases")
        if value and known and value not in known:
            raise _rule(f"Unknown use case {value}.")
        return value or None

    @field_validator("areas")
    @classmethod
    def _areas(cls, value: list[AreaRef], info: ValidationInfo) -> list[AreaRef]:
        if not value:
            raise _rule("Choose at least one area of interest.")
        rules = rules_for(info.data.get("product_name", ""))
        if rules is None:
            return value
        problems = [p for p in (area_problem(rules, a) for a in value) if p]
        if problems:
            raise _rule(" ".join(problems))
        return value

    @field_validator("frequency")
    @classmethod
    def _frequency(cls, value: str, info: ValidationInfo) -> str:
        product = info.data.get("product_name", "")
        allowed = frequencies_for(product)
        if value not in allowed:
            if value not in FREQUENCIES:
                raise _rule(f"Unknown frequency {value}.")
            raise _rule(f"{product} allows only these frequencies: {', '.join(allowed)}.")
        return value

    @field_validator("start_date")
    @classmethod
    def _start(cls, value: datetime, info: ValidationInfo) -> datetime:
        value = _utc(value)
        rules = rules_for(info.data.get("product_name", ""))
        now = _now(info)
        if rules is not None and rules.start == "from_today":
            if value.astimezone(timezone.utc).date() < now.date():
                raise _rule(
                    f"{rules.name} orders start today or later (today is {now:%Y-%m-%d}, UTC)."
                )
        elif rules is not None and rules.start == "not_future" and value > now:
            raise _rule(
                f"{rules.name} covers the past: the start cannot be in the future "
                f"(now is {now:%Y-%m-%d %H:%M}, UTC)."
            )
        return value

    @field_validator("end_date")
    @classmethod
    def _end(cls, value: datetime, info: ValidationInfo) -> datetime:
        value = _utc(value)
        start = info.data.get("start_date")
        if start is None:
            return value
        if value <= start:
            raise _rule("The end date must be after the start date.")
        rules = rules_for(info.data.get("product_name", ""))
        if rules is None:
            return value
        duration = value - start
        if (rules.min_duration is not None and duration < rules.min_duration) or (
            rules.max_duration is not None and duration > rules.max_duration
        ):
            raise _rule(
                f"{rules.name} orders last at least 7 days and at most 1 year (365 days); "
                f"this one lasts {_days(duration)}."
            )
        return value

    @field_validator("illumination_constraint")
    @classmethod
    def _illumination(cls, value: Optional[str]) -> Optional[str]:
        if value and value not in ILLUMINATIONS:
            raise _rule("The illumination constraint is day, night or none.")
        return value or None

    @field_validator("maximum_number_of_images")
    @classmethod
    def _images(cls, value: Optional[int], info: ValidationInfo) -> Optional[int]:
        rules = rules_for(info.data.get("product_name", ""))
        if rules is not None and not rules.images_supported:
            if value is not None:
                raise _rule(
                    f"{rules.name} does not support a maximum number of images; leave it empty."
                )
            return value
        if info.data.get("frequency") == "single_image" and value != 1:
            raise _rule("With the frequency single_image, the maximum number of images is 1.")
        if value is not None and value < 1:
            raise _rule("The maximum number of images must be at least 1 (or empty).")
        return value

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        if len(value) > MAX_USER_TAGS:
            raise _rule(
                f"At most {MAX_USER_TAGS} tags per order ({len(value)} given): EO Explorer "
                "adds one more, the batch's own tag, to find the orders again should the "
                "answer be lost."
            )
        return check_tags(value)

    # -- what is sent -----------------------------------------------------------------

    def orders(self) -> list[BatchOrder]:
        """One order per area of interest, all with this specification."""
        return [
            BatchOrder(
                area_of_interest_id=area.id,
                start_date=self.start_date,
                end_date=self.end_date,
                frequency=self.frequency,
                product_name=self.product_name,
                comment=self.comment or None,
                tags=list(self.tags),
                illumination_constraint=self.illumination_constraint,
                maximum_number_of_images=self.maximum_number_of_images,
            )
            for area in self.areas
        ]

    def batches(self) -> list[OrderBatch]:
        """The orders in batches of at most 25 (a larger selection is split)."""
        return split_batches(self.orders(), self.use_case)

    @property
    def needs_split(self) -> bool:
        return len(self.areas) > MAX_ORDERS_PER_BATCH


def split_batches(
    orders: list[BatchOrder], use_case: Optional[str] = None, comment: Optional[str] = None
) -> list[OrderBatch]:
    size = MAX_ORDERS_PER_BATCH
    return [
        OrderBatch(use_case=use_case, comment=comment, orders=orders[i : i + size])
        for i in range(0, len(orders), size)
    ]


def _days(duration: timedelta) -> str:
    days = duration.total_seconds() / 86400
    return f"{days:.0f} days" if days == int(days) else f"{days:.1f} days"


class OrderInvalid(ValueError):
    """The order breaks rules: ``errors`` maps field names to sentences."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        super().__init__(" ".join(m for ms in errors.values() for m in ms))


def problems_of(exc: ValidationError) -> dict[str, list[str]]:
    """Field name -> messages, from a pydantic error (the form's error labels)."""
    found: dict[str, list[str]] = {}
    for error in exc.errors():
        loc = error.get("loc") or ("",)
        found.setdefault(str(loc[0]), []).append(str(error.get("msg")))
    return found


def validate_spec(
    data: dict[str, Any],
    now: Optional[datetime] = None,
    products: Optional[list[str]] = None,
    use_cases: Optional[list[str]] = None,
) -> OrderSpec:
    """An :class:`OrderSpec`, or :class:`OrderInvalid` with every problem by field."""
    context = {"now": now, "products": products, "use_cases": use_cases}
    try:
        return OrderSpec.model_validate(data, context=context)
    except ValidationError as exc:
        raise OrderInvalid(problems_of(exc)) from None
