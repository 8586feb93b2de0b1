"""Sandbox data around today: every date of the shipped 2024 items moved by whole days.

The shipped JSON (``resources/sandbox``) keeps its 2024 dates (the tests rely on them).
``make run`` serves a copy moved by :func:`days_to_today` whole days so that the newest
item is :data:`NEWEST_DAYS_AGO` days before today: the plugin's default dates (the last 30
days) then find data, as they would on a real catalog. Every date in every string moves
(``datetime``, ``start_datetime``, ``end_datetime``, collection extents, and the dates in
item ids and asset hrefs such as ``S2A_MSIL2A_20241231T103128_...``), so an item's id
still tells its acquisition day. Times of day stay as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

__all__ = ["NEWEST_DAYS_AGO", "days_to_today", "newest_datetime", "shift", "shift_date"]

#: The newest sandbox item is this many days before today.
NEWEST_DAYS_AGO = 3

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?=T\d{2}:\d{2})")
_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?=T\d{6})")


def shift_date(year: str, month: str, day: str, days: int) -> dt.date:
    return dt.date(int(year), int(month), int(day)) + dt.timedelta(days=days)


def _shift_text(text: str, days: int) -> str:
    text = _ISO.sub(lambda m: shift_date(*m.groups(), days).isoformat(), text)
    return _COMPACT.sub(lambda m: shift_date(*m.groups(), days).strftime("%Y%m%d"), text)


def shift(document: Any, days: int) -> Any:
    """A copy of ``document`` (any JSON value) with every date moved by ``days`` days."""
    if not days:
        return document
    if isinstance(document, str):
        return _shift_text(document, days)
    if isinstance(document, list):
        return [shift(value, days) for value in document]
    if isinstance(document, dict):
        return {shift(key, days): shift(value, days) for key, value in document.items()}
    return document


def newest_datetime(items: list[dict]) -> dt.datetime:
    """The latest ``datetime`` / ``end_datetime`` of ``items``."""
    found: list[dt.datetime] = []
    for item in items:
        properties = item.get("properties") or {}
        for key in ("datetime", "end_datetime"):
            value = properties.get(key)
            if isinstance(value, str):
                found.append(dt.datetime.fromisoformat(value.replace("Z", "+00:00")))
    if not found:
        raise ValueError("no item has a datetime")
    return max(found)


def days_to_today(items: list[dict], today: Optional[dt.date] = None) -> int:
    """Whole days that put the newest of ``items`` :data:`NEWEST_DAYS_AGO` days before
    ``today`` (default: today in UTC)."""
    today = today or dt.datetime.now(dt.timezone.utc).date()
    target = today - dt.timedelta(days=NEWEST_DAYS_AGO)
    return (target - newest_datetime(items).date()).days
