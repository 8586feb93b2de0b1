"""Validation of Constellr test orders (``POST /orders/batch``, ``PATCH /orders/{id}``).

Rules (seed 003; the boundaries are inclusive):

========================  ====================================  ===========================
rule                      LSTprecision / LSTzoom                LSTfusion
========================  ====================================  ===========================
AOI bounding box (m)      width and height <= 15,000            60 <= width, height <= 110,000
start_date                its UTC date >= today (UTC)           <= now (not in the future)
end_date - start_date     7 days .. 365 days                    any (> 0)
frequency                 single_image, max_frequency,          daily
                          once_every_two_weeks, monthly, weekly
maximum_number_of_images  1 when single_image; else >= 1        must be null ("not supported")
========================  ====================================  ===========================

All products: ``end_date`` after ``start_date``; <= 10 tags, each <= 50 characters, no
duplicates; ``illumination_constraint`` "day", "night" or null; 1..25 orders per batch.
Schema errors (types, missing fields, enums, tag and batch-size limits) are 422 with every
error listed (FastAPI validates the whole body first); then per order, in order: an unknown
product or AOI is 404, a broken product rule 400. Nothing is stored unless all pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from tests.servers.constellr.common import ApiError, invalid, parse_datetime, parse_uuid

PRODUCTS = ("LSTprecision", "LSTzoom", "LSTfusion")
PRECISION_LIKE = ("LSTprecision", "LSTzoom")
USE_CASES = (
    "Unknown",
    "Adoption of regenerative ag",
    "Algae/Bacteria bloom",
    "Cover crop monitoring",
    "Drought Stress",
    "Yield Prediction",
)
FREQUENCIES = (
    "single_image",
    "max_frequency",
    "once_every_two_weeks",
    "monthly",
    "weekly",
    "daily",
)
PRODUCT_FREQUENCIES = {"LSTprecision": FREQUENCIES[:5], "LSTzoom": FREQUENCIES[:5]}
PRODUCT_FREQUENCIES["LSTfusion"] = ("daily",)
MAX_ORDERS, MAX_TAGS, MAX_TAG_LENGTH = 25, 10, 50
PRECISION_MAX_BBOX, FUSION_MIN_BBOX, FUSION_MAX_BBOX = 15_000.0, 60.0, 110_000.0
MIN_DURATION, MAX_DURATION = timedelta(days=7), timedelta(days=365)


def check_tags(tags: Any, loc: tuple, errors: list) -> None:
    if tags is None:
        return
    if not isinstance(tags, list):
        errors.append(invalid(loc, "Input should be a valid list", "list_type", tags))
        return
    if len(tags) > MAX_TAGS:
        msg = f"List should have at most {MAX_TAGS} items after validation, not {len(tags)}"
        errors.append(invalid(loc, msg, "too_long", tags))
    for index, tag in enumerate(tags):
        if not isinstance(tag, str):
            errors.append(invalid((*loc, index), "Input should be a valid string", "string_type"))
        elif len(tag) > MAX_TAG_LENGTH:
            msg = f"String should have at most {MAX_TAG_LENGTH} characters"
            errors.append(invalid((*loc, index), msg, "string_too_long", tag))
    names = [t for t in tags if isinstance(t, str)]
    if len(set(names)) != len(names):
        msg = "Value error, Duplicate tags are not allowed for the same order"
        errors.append(invalid(loc, msg, "value_error", tags))


def check_choice(value: Any, choices: Iterable, loc: tuple, errors: list, null: bool) -> None:
    if value is None and null:
        return
    choices = tuple(choices)
    if value not in choices:
        listed = ", ".join(f"'{c}'" for c in choices[:-1]) + f" or '{choices[-1]}'"
        errors.append(invalid(loc, f"Input should be {listed}", "enum", value))


def check_type(value: Any, kind: type, loc: tuple, errors: list, name: str) -> None:
    wrong = not isinstance(value, kind) or (kind is int and isinstance(value, bool))
    if value is not None and wrong:
        errors.append(invalid(loc, f"Input should be a valid {name}", f"{name}_type", value))


def raise_all(errors: list) -> None:
    if errors:
        raise ApiError(422, [e.detail[0] for e in errors])


def body_object(body: Any) -> dict:
    if not isinstance(body, dict):
        msg = "Input should be a valid dictionary or object to extract fields from"
        raise invalid(("body",), msg, "model_attributes_type", body)
    return body


def check_batch_schema(body: Any) -> dict:
    """422 listing every schema error of a ``POST /orders/batch`` body."""
    body, errors = body_object(body), []
    orders = body.get("orders")
    if "orders" not in body:
        errors.append(invalid(("body", "orders"), "Field required", "missing"))
    elif not isinstance(orders, list):
        errors.append(invalid(("body", "orders"), "Input should be a valid list", "list_type"))
    elif not 1 <= len(orders) <= MAX_ORDERS:
        kind, bound = ("too_short", "least 1") if not orders else ("too_long", "most 25")
        msg = f"List should have at {bound} item{'s' * bool(orders)} after validation, "
        errors.append(invalid(("body", "orders"), msg + f"not {len(orders)}", kind))
    check_choice(body.get("use_case"), USE_CASES, ("body", "use_case"), errors, True)
    check_type(body.get("comment"), str, ("body", "comment"), errors, "string")
    for index, order in enumerate(orders if isinstance(orders, list) else []):
        loc = ("body", "orders", index)
        if not isinstance(order, dict):
            errors.append(invalid(loc, "Input should be a valid dictionary", "dict_type"))
            continue
        for name in ("area_of_interest_id", "start_date", "end_date", "frequency"):
            if name not in order:
                errors.append(invalid((*loc, name), "Field required", "missing"))
        if "product_name" not in order:
            errors.append(invalid((*loc, "product_name"), "Field required", "missing"))
        check_type(order.get("product_name"), str, (*loc, "product_name"), errors, "string")
        for name, check in (
            ("area_of_interest_id", lambda v, lc: parse_uuid(str(v), lc)),
            ("start_date", parse_datetime),
            ("end_date", parse_datetime),
        ):
            try:
                if name in order:
                    check(order[name], (*loc, name))
            except ApiError as exc:
                errors.append(exc)
        if "frequency" in order:
            check_choice(order["frequency"], FREQUENCIES, (*loc, "frequency"), errors, False)
        check_type(order.get("comment"), str, (*loc, "comment"), errors, "string")
        check_tags(order.get("tags"), (*loc, "tags"), errors)
        illumination = order.get("illumination_constraint")
        check_choice(
            illumination, ("day", "night"), (*loc, "illumination_constraint"), errors, True
        )
        images = order.get("maximum_number_of_images")
        check_type(images, int, (*loc, "maximum_number_of_images"), errors, "int")
        options = order.get("product_options")
        check_type(options, dict, (*loc, "product_options"), errors, "dict")
        if isinstance(options, dict):
            sharpened = options.get("sharpened_10m")
            where = (*loc, "product_options", "sharpened_10m")
            check_type(sharpened, bool, where, errors, "bool")
    raise_all(errors)
    return body


def check_order_rules(
    index: int, order: dict, products: list[str], aois: Mapping[str, Any], now: datetime
) -> Any:
    """404 / 400 for one schema-valid order; returns its AOI (``aois[id].doc`` has the size)."""
    product = order["product_name"]
    if product not in products:
        raise ApiError(404, f"Order {index}: product {product!r} not found")
    aoi = aois.get(parse_uuid(str(order["area_of_interest_id"]), ()))
    if aoi is None:
        aoi_id = order["area_of_interest_id"]
        raise ApiError(404, f"Order {index}: area of interest {aoi_id} not found")
    start = parse_datetime(order["start_date"], ())
    end = parse_datetime(order["end_date"], ())
    width, height = aoi.doc["bbox_width"], aoi.doc["bbox_height"]
    size = f"{width} m x {height} m"
    frequency, images = order["frequency"], order.get("maximum_number_of_images")

    def bad(message: str) -> ApiError:
        return ApiError(400, f"Order {index} ({product}): {message}")

    if end <= start:
        raise bad("end_date must be after start_date")
    if frequency not in PRODUCT_FREQUENCIES.get(product, FREQUENCIES):
        allowed = ", ".join(PRODUCT_FREQUENCIES.get(product, FREQUENCIES))
        raise bad(f"frequency {frequency!r} is not supported; allowed: {allowed}")
    if product in PRECISION_LIKE:
        if width > PRECISION_MAX_BBOX or height > PRECISION_MAX_BBOX:
            raise bad(f"AOI bounding box {size} exceeds 15000 m x 15000 m")
        if start.astimezone(timezone.utc).date() < now.astimezone(timezone.utc).date():
            raise bad("start_date must be today or later")
        if not MIN_DURATION <= end - start <= MAX_DURATION:
            raise bad("the order must last at least 7 days and at most 1 year")
        if frequency == "single_image" and images != 1:
            raise bad("maximum_number_of_images must be 1 when frequency is single_image")
        if images is not None and images < 1:
            raise bad("maximum_number_of_images must be at least 1")
    elif product == "LSTfusion":
        if min(width, height) < FUSION_MIN_BBOX or max(width, height) > FUSION_MAX_BBOX:
            raise bad(f"AOI bounding box {size} is outside 60 m x 60 m .. 110000 m x 110000 m")
        if start > now:
            raise bad("start_date cannot be set in the future")
        if images is not None:
            raise bad("maximum_number_of_images is not supported")
    return aoi
