"""Every QgsSettings key the plugin uses, with its default, in one place.

Only non-secret values live here. Credentials go to the QGIS authentication database.
Every key sits under ``eo_explorer/``; a key's type is its default's type, and :func:`get`
returns that type (the default when the saved value cannot be read as one). Per-account
options (``accounts/<service>/<option>``) are declared in :data:`ACCOUNT_OPTIONS`.
Nothing else in the plugin names a key string (tests/unit/core/test_settings_keys.py).
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
    PROCESS_DOCK_OPEN = "ui/process_dock_open"  # see dock_open_key()
    CONSTELLR_DOCK_OPEN = "ui/constellr_dock_open"
    # Downloads of assets (the Assets tab and the Download algorithm)
    DOWNLOAD_FOLDER = "downloads/last_folder"  # the last folder chosen (projects keep theirs)
    DOWNLOAD_WORKERS = "downloads/workers"  # files fetched at once; see download_workers()
    # Sentinel Hub Process dock and algorithm (logic in sentinelhub/settings.py)
    PROCESS_ENDPOINT = "process/endpoint"  # an Endpoint id, "" before the first choice
    PROCESS_CUSTOM_URL = "process/custom_url"  # another deployment, a proxy, a test server
    PROCESS_CUSTOM_ACCOUNT = "process/custom_account"  # its account, "" for "sentinelhub"
    PROCESS_OUTPUT_FOLDER = "process/output_folder"  # "" for ~/EO Explorer/process
    PROCESS_WORKERS = "process/workers"  # requests at once (1-16)
    PROCESS_MAX_TILE_PIXELS = "process/max_tile_pixels"  # lower in tests, on slow links
    ASYNC_BUCKET_FOLDER = "process/async_bucket_folder"  # s3://bucket/folder of Async results
    ASYNC_IAM_ROLE = "process/async_iam_role"  # the IAM role ARN Sentinel Hub assumes, or ""
    BATCH_FOLDER = "process/batch_folder"  # s3://bucket/prefix the Batch API writes to
    BATCH_GRID = "process/batch_grid"  # the tiling grid id last chosen
    BATCH_RESOLUTION = "process/batch_resolution"  # its resolution (grid units)
    STATISTICS_BUCKET_FOLDER = "process/statistics_bucket_folder"  # s3://… for Batch Statistical
    STATISTICS_IAM_ROLE = "process/statistics_iam_role"  # the IAM role ARN it assumes, or ""
    # Constellr dock
    CONSTELLR_FOLDER = "constellr/download_folder"
    CONSTELLR_ORDER_STATES = "constellr/order_states"  # JSON {order id: state} last seen
    # Accounts
    S3_BUCKETS = "accounts/s3_buckets"  # the "s3:<bucket>" accounts, in the order added
    # Quicklooks on the map (see quicklook_folder())
    QUICKLOOKS_MAX = "quicklooks/max_items"  # quicklooks fetched at once for one layer
    QUICKLOOKS_FOLDER = "quicklooks/folder"  # "" for <profile>/eo_explorer/quicklooks


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
    Key.PROCESS_DOCK_OPEN: False,  # the other docks open when the user asks
    Key.CONSTELLR_DOCK_OPEN: False,
    Key.DOWNLOAD_FOLDER: "",
    Key.DOWNLOAD_WORKERS: 4,  # api.batch.DEFAULT_WORKERS (not imported: it needs requests)
    Key.PROCESS_ENDPOINT: "",
    Key.PROCESS_CUSTOM_URL: "",
    Key.PROCESS_CUSTOM_ACCOUNT: "",
    Key.PROCESS_OUTPUT_FOLDER: "",
    Key.PROCESS_WORKERS: 4,
    Key.PROCESS_MAX_TILE_PIXELS: 2500,  # the service's limit
    Key.ASYNC_BUCKET_FOLDER: "",
    Key.ASYNC_IAM_ROLE: "",
    Key.BATCH_FOLDER: "",
    Key.BATCH_GRID: 0,
    Key.BATCH_RESOLUTION: 10.0,
    Key.STATISTICS_BUCKET_FOLDER: "",
    Key.STATISTICS_IAM_ROLE: "",
    Key.CONSTELLR_FOLDER: "",
    Key.CONSTELLR_ORDER_STATES: "{}",
    Key.S3_BUCKETS: [],
    Key.QUICKLOOKS_MAX: 50,
    Key.QUICKLOOKS_FOLDER: "",
}

#: Each key's type: :func:`get` returns it (tests check that the default has it too).
TYPES: dict[str, type] = {
    Key.CATALOGS: str,
    Key.LAST_CATALOG: str,
    Key.MAX_ITEMS: int,
    Key.PAGE_SIZE: int,
    Key.MAX_CLOUD: int,
    Key.USE_CLOUD: bool,
    Key.SORT: str,
    Key.START_DATE: str,
    Key.END_DATE: str,
    Key.END_WAS_TODAY: bool,
    Key.USE_START: bool,
    Key.USE_END: bool,
    Key.DOCK_OPEN: bool,
    Key.DOCK_SIZED: bool,
    Key.PROCESS_DOCK_OPEN: bool,
    Key.CONSTELLR_DOCK_OPEN: bool,
    Key.DOWNLOAD_FOLDER: str,
    Key.DOWNLOAD_WORKERS: int,
    Key.PROCESS_ENDPOINT: str,
    Key.PROCESS_CUSTOM_URL: str,
    Key.PROCESS_CUSTOM_ACCOUNT: str,
    Key.PROCESS_OUTPUT_FOLDER: str,
    Key.PROCESS_WORKERS: int,
    Key.PROCESS_MAX_TILE_PIXELS: int,
    Key.ASYNC_BUCKET_FOLDER: str,
    Key.ASYNC_IAM_ROLE: str,
    Key.BATCH_FOLDER: str,
    Key.BATCH_GRID: int,
    Key.BATCH_RESOLUTION: float,
    Key.STATISTICS_BUCKET_FOLDER: str,
    Key.STATISTICS_IAM_ROLE: str,
    Key.CONSTELLR_FOLDER: str,
    Key.CONSTELLR_ORDER_STATES: str,
    Key.S3_BUCKETS: list,
    Key.QUICKLOOKS_MAX: int,
    Key.QUICKLOOKS_FOLDER: str,
}

#: The options saved per account under ``accounts/<service>/<option>``, with their defaults;
#: the secrets themselves are in the QGIS authentication database.
ACCOUNT_OPTIONS: dict[str, Any] = {
    "authcfg": "",  # the id of its QGIS authentication configuration
    "token_url": "",
    "style": "",
    "header": "",
    "endpoint": "",
    "region": "",
    "anonymous": False,  # S3 bucket accounts
    "requester_pays": False,
}


def _typed(value: Any, kind: type, default: Any) -> Any:
    """``value`` as read from QgsSettings, as a ``kind`` (``default`` when it is not one)."""
    if kind is bool:
        return value in (True, "true", "True", 1, "1")
    if kind in (int, float):
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default
    if kind is list:  # QSettings gives one string for a one-item list
        if value is None or value == "":
            return []
        return [value] if isinstance(value, str) else list(value)
    if kind is str:
        return default if value is None else str(value)
    return value


def get(key: str) -> Any:
    default = DEFAULTS[key]
    kind = TYPES.get(key, type(default))
    return _typed(QgsSettings().value(PREFIX + key, default), kind, default)


def set(key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(f"{key!r} is not a declared setting (settings.Key)")
    QgsSettings().setValue(PREFIX + key, value)


def dock_open_key(name: str) -> str:
    """The key that remembers whether the user left the dock called ``name`` open."""
    key = f"ui/{name.lower()}_dock_open"
    if key not in DEFAULTS:
        raise KeyError(f"{key!r} is not a declared setting (settings.Key)")
    return key


def download_workers() -> int:
    """How many asset files the Assets tab and the Download algorithm fetch at once."""
    return max(1, get(Key.DOWNLOAD_WORKERS))


def quicklook_folder() -> Path:
    """Where georeferenced quicklooks are kept: a cache in the QGIS profile (they are
    fetched again when it is emptied), so that a saved project still finds them."""
    folder = get(Key.QUICKLOOKS_FOLDER)
    if folder:
        return Path(folder)
    from qgis.core import QgsApplication

    return Path(QgsApplication.qgisSettingsDirPath()) / "eo_explorer" / "quicklooks"


def _account_key(service: str, option: str) -> str:
    if option not in ACCOUNT_OPTIONS:
        raise KeyError(f"{option!r} is not a declared account option")
    return f"{PREFIX}accounts/{service}/{option}"


def account_option(service: str, option: str) -> Any:
    """One of :data:`ACCOUNT_OPTIONS` for ``service`` (its default when not saved)."""
    return QgsSettings().value(_account_key(service, option), ACCOUNT_OPTIONS[option])


def set_account_option(service: str, option: str, value: Any) -> None:
    QgsSettings().setValue(_account_key(service, option), value)


def remove_account_options(service: str) -> None:
    for option in ACCOUNT_OPTIONS:
        QgsSettings().remove(_account_key(service, option))


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


def default_catalog_id() -> str:
    """The catalog a new search starts on: the one last searched in the Search dock; before
    any, the sandbox where ``make run`` started one, else the default (CDSE)."""
    ids = [c.id for c in catalogs()]
    if QgsSettings().contains(PREFIX + Key.LAST_CATALOG):
        last = get(Key.LAST_CATALOG)
        if last in ids:
            return last
    if "sandbox" in ids:
        return "sandbox"
    return DEFAULTS[Key.LAST_CATALOG]


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
