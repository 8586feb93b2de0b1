"""Every QgsSettings key the plugin uses, with its default, in one place.

Only non-secret values live here. Credentials go to the QGIS authentication database.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from qgis.core import QgsSettings

from ..api.catalogs import Catalog, merge_catalogs, parse_catalogs, sandbox_account_catalogs

PREFIX = "eo_explorer/"
SANDBOX_ENV = "EO_EXPLORER_SANDBOX_URL"
SANDBOX_CONFIG_ENV = "EO_EXPLORER_SANDBOX_CONFIG"


class Key:
    CATALOGS = "catalogs"  # JSON list of user-edited or user-added catalogs
    LAST_CATALOG = "search/last_catalog"
    MAX_ITEMS = "search/max_items"
    PAGE_SIZE = "search/page_size"
    MAX_CLOUD = "search/max_cloud"
    USE_CLOUD = "search/use_cloud"
    SORT = "search/sort"  # a key of api.search.SORT_ORDERS
    START_DATE = "search/start_date"  # yyyy-MM-dd, "" for the default (a month ago)
    END_DATE = "search/end_date"  # yyyy-MM-dd, "" for the default (today)
    END_WAS_TODAY = "search/end_was_today"  # the end was the day it was chosen: today again
    USE_START = "search/use_start"
    USE_END = "search/use_end"
    DOCK_OPEN = "ui/search_dock_open"  # reopen the dock where the user left it
    DOCK_SIZED = "ui/search_dock_sized"  # its first width was set; QGIS keeps the user's


DEFAULTS: dict[str, Any] = {
    Key.CATALOGS: "[]",
    Key.LAST_CATALOG: "cdse",
    Key.MAX_ITEMS: 500,
    Key.PAGE_SIZE: 100,
    Key.MAX_CLOUD: 30,
    Key.USE_CLOUD: False,
    Key.SORT: "",
    Key.START_DATE: "",
    Key.END_DATE: "",
    Key.END_WAS_TODAY: True,
    Key.USE_START: True,
    Key.USE_END: True,
    Key.DOCK_OPEN: True,  # a new user sees the dock right away
    Key.DOCK_SIZED: False,
}


def get(key: str) -> Any:
    default = DEFAULTS[key]
    value = QgsSettings().value(PREFIX + key, default)
    if isinstance(default, bool):
        return value in (True, "true", "True", 1, "1")
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    return value


def set(key: str, value: Any) -> None:
    QgsSettings().setValue(PREFIX + key, value)


def value(key: str, default: Any = None) -> Any:
    """A key outside :data:`DEFAULTS` (per-account options)."""
    return QgsSettings().value(PREFIX + key, default)


def set_value(key: str, new_value: Any) -> None:
    QgsSettings().setValue(PREFIX + key, new_value)


def remove(key: str) -> None:
    QgsSettings().remove(PREFIX + key)


def saved_catalogs() -> tuple[list[Catalog], list[str]]:
    try:
        data = json.loads(get(Key.CATALOGS) or "[]")
    except ValueError:
        return [], ["the saved catalog list is not valid JSON; presets are used"]
    return parse_catalogs(data)


def sandbox_config() -> dict:
    """What ``make run``'s sandbox wrote about itself (URLs, demo credentials), or {}."""
    path = os.environ.get(SANDBOX_CONFIG_ENV, "")
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def catalogs() -> list[Catalog]:
    """Presets, the user's catalogs and, when ``make run`` started one, the sandbox."""
    saved, _problems = saved_catalogs()
    return merge_catalogs(
        saved, os.environ.get(SANDBOX_ENV, ""), sandbox_account_catalogs(sandbox_config())
    )


def save_catalogs(entries: list[Catalog]) -> None:
    """Store what differs from the presets (edited presets and the user's own)."""
    from ..api.catalogs import PRESETS

    presets = {p.id: p for p in PRESETS}
    keep = [c for c in entries if c.id != "sandbox" and presets.get(c.id) != c]
    set(Key.CATALOGS, json.dumps([c.model_dump() for c in keep]))


def find_catalog(id_or_url: str) -> Catalog | None:
    for catalog in catalogs():
        if catalog.id == id_or_url:
            return catalog
    return None
