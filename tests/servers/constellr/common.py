"""Errors, timestamps and query parameters shared by the Constellr test server modules.

Seed 003 names the status codes but shows no error bodies. The API is a FastAPI application
(Swagger ``/docs`` and Redoc, 422 "validation error" on every endpoint), so errors use
FastAPI's shapes: ``{"detail": "message"}`` (``HTTPException``) and, for 422,
``{"detail": [{"type", "loc", "msg", "input"}]}`` (``RequestValidationError``, pydantic 2).
The ``/stac`` API answers 400 / 404 like stac-fastapi: ``{"code", "description"}``.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any, Optional, Union

__all__ = [
    "ApiError",
    "StacError",
    "invalid",
    "iso_ms",
    "iso_naive",
    "iso_z",
    "parse_datetime",
    "parse_uuid",
    "query_int",
]

Query = dict[str, list[str]]


class ApiError(Exception):
    """An error response: ``status`` and FastAPI's ``{"detail": ...}``."""

    def __init__(self, status: int, detail: Union[str, list]) -> None:
        super().__init__(f"{status}: {detail}")
        self.status, self.detail = status, detail

    def body(self) -> dict:
        return {"detail": self.detail}


class StacError(ApiError):
    """A stac-fastapi error: ``{"code", "description"}``."""

    def __init__(self, status: int, description: str, code: str = "BadRequest") -> None:
        super().__init__(status, description)
        self.code = code

    def body(self) -> dict:
        return {"code": self.code, "description": self.detail}


def invalid(
    loc: Union[tuple, list], msg: str, type_: str = "value_error", input_: Any = None
) -> ApiError:
    """422 with one pydantic-2 style error entry."""
    return ApiError(422, [{"type": type_, "loc": list(loc), "msg": msg, "input": input_}])


def iso_z(value: datetime) -> str:
    """``2025-08-27T11:54:24.206072Z`` (orders: ``created``, ``start_date``, ``end_date``)."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def iso_ms(value: datetime) -> str:
    """``2025-11-28T10:05:36.362Z`` (tags: ``created``)."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def iso_naive(value: datetime) -> str:
    """``2025-07-31T11:05:29.157539`` (AOIs: ``created``, no zone, as documented)."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")


def parse_datetime(value: Any, loc: tuple) -> datetime:
    """ISO 8601 date-time (``Z`` or offset; naive = UTC) -> aware datetime, else 422."""
    if isinstance(value, str):
        text = value.strip()
        if text[-1:] in ("Z", "z"):
            text = text[:-1] + "+00:00"
        try:
            parsed: Optional[datetime] = datetime.fromisoformat(text)
        except ValueError:
            parsed = None
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    raise invalid(loc, "Input should be a valid datetime", "datetime_from_date_parsing", value)


def parse_uuid(value: str, loc: tuple) -> str:
    """Canonical lower-case UUID text, else 422 (FastAPI ``UUID`` path parameters)."""
    try:
        return str(uuid.UUID(value))
    except (ValueError, AttributeError, TypeError):
        raise invalid(loc, "Input should be a valid UUID", "uuid_parsing", value) from None


def query_int(
    query: Query, name: str, default: int, minimum: int, maximum: Optional[int] = None
) -> int:
    """An integer query parameter within [minimum, maximum], else 422."""
    values = query.get(name)
    if not values:
        return default
    raw = values[-1]
    try:
        number = int(raw)
    except ValueError:
        raise invalid(
            ("query", name), "Input should be a valid integer", "int_parsing", raw
        ) from None
    if number < minimum:
        msg = f"Input should be greater than or equal to {minimum}"
        raise invalid(("query", name), msg, "greater_than_equal", raw)
    if maximum is not None and number > maximum:
        msg = f"Input should be less than or equal to {maximum}"
        raise invalid(("query", name), msg, "less_than_equal", raw)
    return number
