"""Settings of the Sentinel Hub Process dock and algorithm: the endpoint chosen, an optional
custom endpoint (another deployment, an on-premises proxy or a local test server) with the
account it uses, the output folder, and how many requests run at once.

The keys and their defaults are declared with the others in :mod:`core.settings`
(``Key.PROCESS_*``); this module holds what the Process dock makes of them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..api.process import ENDPOINTS, Endpoint
from ..core import settings

Key = settings.Key

CUSTOM_ID = "custom"
SANDBOX_ID = "sandbox"
DEFAULT_ENDPOINT = "sentinelhub-cdse"


def _int(key: str, low: int, high: int) -> int:
    return max(low, min(high, settings.get(key)))


def endpoints() -> list[Endpoint]:
    """The three Sentinel Hub deployments, the sandbox's (``make run``) and a custom one."""
    found = list(ENDPOINTS)
    sandbox = settings.sandbox_config().get("sentinelhub")
    if isinstance(sandbox, dict) and sandbox.get("process"):
        url = str(sandbox["process"]).split("/api/v1/process")[0]
        found.insert(0, Endpoint(SANDBOX_ID, "Sandbox Process API", url, "sentinelhub"))
    url = settings.get(Key.PROCESS_CUSTOM_URL).strip()
    if url:
        account = settings.get(Key.PROCESS_CUSTOM_ACCOUNT) or "sentinelhub"
        found.append(Endpoint(CUSTOM_ID, f"Custom ({url})", url, account))
    return found


def set_custom_endpoint(url: str, account: str = "sentinelhub") -> None:
    settings.set(Key.PROCESS_CUSTOM_URL, url)
    settings.set(Key.PROCESS_CUSTOM_ACCOUNT, account)


def find_endpoint(endpoint_id: str) -> Endpoint | None:
    return next((e for e in endpoints() if e.id == endpoint_id), None)


def _sandbox_running() -> bool:
    return bool(os.environ.get(settings.SANDBOX_ENV)) and find_endpoint(SANDBOX_ID) is not None


def current_endpoint() -> Endpoint:
    """The endpoint chosen last; before any choice, the sandbox's while ``make run``'s
    sandbox is running, else CDSE."""
    default = SANDBOX_ID if _sandbox_running() else DEFAULT_ENDPOINT
    chosen = find_endpoint(settings.get(Key.PROCESS_ENDPOINT) or default)
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
    settings.set(Key.PROCESS_ENDPOINT, endpoint_id)


def output_folder() -> Path:
    saved = settings.get(Key.PROCESS_OUTPUT_FOLDER)
    return Path(saved) if saved else Path.home() / "EO Explorer" / "process"


def set_output_folder(folder: str) -> None:
    settings.set(Key.PROCESS_OUTPUT_FOLDER, folder)


def workers() -> int:
    return _int(Key.PROCESS_WORKERS, 1, 16)


def max_tile_pixels() -> int:
    """Tile size; 2500 (the service's limit) unless set lower (tests, slow links)."""
    return _int(Key.PROCESS_MAX_TILE_PIXELS, 16, 2500)
