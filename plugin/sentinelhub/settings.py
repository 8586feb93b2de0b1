"""Settings of the Sentinel Hub Process dock and algorithm (QgsSettings via :mod:`settings`).

Keys live under ``eo_explorer/process/``: the endpoint chosen, an optional custom endpoint
(another deployment, an on-premises proxy or a local test server) with the account it
uses, the output folder, and how many requests run at once.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..api.process import ENDPOINTS, Endpoint
from ..core import settings

ENDPOINT = "process/endpoint"
CUSTOM_URL = "process/custom_url"
CUSTOM_ACCOUNT = "process/custom_account"
OUTPUT_FOLDER = "process/output_folder"
WORKERS = "process/workers"
MAX_TILE_PIXELS = "process/max_tile_pixels"

CUSTOM_ID = "custom"
SANDBOX_ID = "sandbox"
DEFAULT_ENDPOINT = "sentinelhub-cdse"
DEFAULT_WORKERS = 4


def _int(key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(settings.value(key, default))
    except (TypeError, ValueError):
        value = default
    return max(low, min(high, value))


def endpoints() -> list[Endpoint]:
    """The three Sentinel Hub deployments, the sandbox's (``make run``) and a custom one."""
    found = list(ENDPOINTS)
    sandbox = settings.sandbox_config().get("sentinelhub")
    if isinstance(sandbox, dict) and sandbox.get("process"):
        url = str(sandbox["process"]).split("/api/v1/process")[0]
        found.insert(0, Endpoint(SANDBOX_ID, "Sandbox Process API", url, "sentinelhub"))
    url = str(settings.value(CUSTOM_URL, "") or "").strip()
    if url:
        account = str(settings.value(CUSTOM_ACCOUNT, "") or "sentinelhub")
        found.append(Endpoint(CUSTOM_ID, f"Custom ({url})", url, account))
    return found


def set_custom_endpoint(url: str, account: str = "sentinelhub") -> None:
    settings.set_value(CUSTOM_URL, url)
    settings.set_value(CUSTOM_ACCOUNT, account)


def find_endpoint(endpoint_id: str) -> Endpoint | None:
    return next((e for e in endpoints() if e.id == endpoint_id), None)


def _sandbox_running() -> bool:
    return bool(os.environ.get(settings.SANDBOX_ENV)) and find_endpoint(SANDBOX_ID) is not None


def current_endpoint() -> Endpoint:
    """The endpoint chosen last; before any choice, the sandbox's while ``make run``'s
    sandbox is running, else CDSE."""
    default = SANDBOX_ID if _sandbox_running() else DEFAULT_ENDPOINT
    chosen = find_endpoint(str(settings.value(ENDPOINT, default) or ""))
    return chosen or find_endpoint(default) or find_endpoint(DEFAULT_ENDPOINT) or ENDPOINTS[0]


def default_end_date(today: dt.date | None = None) -> dt.date:
    """The last day the dock starts with (the first is a month before): today; while
    ``make run``'s sandbox is running, the day of its newest data (``dates.last`` in its
    config), so the first request finds data."""
    end = today or dt.date.today()
    if os.environ.get(settings.SANDBOX_ENV):
        dates = settings.sandbox_config().get("dates")
        try:
            end = dt.date.fromisoformat(str(dates["last"]))  # type: ignore[index]
        except (TypeError, KeyError, ValueError):
            pass
    return end


def set_endpoint(endpoint_id: str) -> None:
    settings.set_value(ENDPOINT, endpoint_id)


def output_folder() -> Path:
    saved = str(settings.value(OUTPUT_FOLDER, "") or "")
    return Path(saved) if saved else Path.home() / "EO Explorer" / "process"


def set_output_folder(folder: str) -> None:
    settings.set_value(OUTPUT_FOLDER, folder)


def workers() -> int:
    return _int(WORKERS, DEFAULT_WORKERS, 1, 16)


def max_tile_pixels() -> int:
    """Tile size; 2500 (the service's limit) unless set lower (tests, slow links)."""
    return _int(MAX_TILE_PIXELS, 2500, 16, 2500)
