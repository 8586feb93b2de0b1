"""Sending Process API requests: retries that respect the service's limits, errors with
hints, and a job's tiles fetched in parallel.

Rate limits: a 429 carries ``Retry-After`` in **milliseconds** (CDSE "Rate limiting"), not
the seconds of RFC 9110; every worker waits until then (one shared :class:`Throttle`).
A 429 that says the processing units are used up (``errors.processingUnitsLeft``, or a
wait of more than a minute) is not retried: it is reported with a hint. Server errors
(5xx) and broken connections are retried with back-off; other 4xx are final and stop the
whole job, since every tile would get the same answer.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from .errors import Cancelled, EOExplorerError, HttpError, InvalidResponse, NetworkError
from .http import HttpClient, IsCancelled, _never
from .process import ProcessJob
from .tiling import Tile

DEFAULT_WORKERS = 4
MAX_ATTEMPTS = 3  # per tile, for server errors and broken connections
MAX_RATE_LIMITED = 20  # 429 answers tolerated per tile before giving up
MAX_RATE_WAIT = 60.0  # seconds; a longer Retry-After means a quota, not a rate limit
EMPTY_RESULT_HINT = (
    "Sentinel Hub found no data for this area and time range (the image is all no-data): "
    "widen the time range, raise the maximum cloud cover, or check the collection covers "
    "the area."
)


class ProcessError(EOExplorerError):
    """Sentinel Hub's answer as a sentence: its message and code, and a hint."""

    def __init__(
        self,
        message: str,
        status: int = 0,
        code: str = "",
        server_message: str = "",
        hint: str = "",
        details: str = "",
        retry_after: Optional[float] = None,
    ) -> None:
        text = message + (f" {hint}" if hint else "")
        super().__init__(text, details)
        self.status, self.code, self.server_message = status, code, server_message
        self.hint, self.retry_after = hint, retry_after

    @property
    def transient(self) -> bool:
        return self.status >= 500 or (self.status == 429 and not self.out_of_units)

    @property
    def out_of_units(self) -> bool:
        return self.code == "OUT_OF_PROCESSING_UNITS"


def _body_of(exc: HttpError) -> str:
    return exc.details.split("body: ", 1)[-1] if "body: " in exc.details else ""


def _retry_after_seconds(headers: dict) -> Optional[float]:
    for key, value in headers.items():
        if key.lower() == "retry-after":
            try:
                return max(0.0, float(value) / 1000.0)  # milliseconds (CDSE)
            except ValueError:
                return None
    return None


def _hint(status: int, code: str, message: str) -> str:
    lowered = message.lower()
    if code == "RENDERER_S1_MISSING_POLARIZATION":
        return (
            "Hint: the Sentinel-1 product found lacks a band the evalscript reads. Choose a "
            "polarization filter with those bands (DV has VV and VH, DH has HH and HV) or "
            "an evalscript for the product's polarization (e.g. the VV preset)."
        )
    if code == "OUT_OF_PROCESSING_UNITS":
        return (
            "Hint: the account has no processing units left for this request. Wait until "
            "the quota renews, or ask for a smaller area or a coarser resolution."
        )
    if status == 401:
        return (
            "Hint: the endpoint refused the account's token. Check the client id and secret "
            "under Accounts…, and that the account belongs to this endpoint."
        )
    if status == 403:
        return (
            "Hint: the account may not use this collection or endpoint (BYOC collections "
            "belong to one account; CDSE accounts work only on sh.dataspace.copernicus.eu)."
        )
    if status == 429:
        return "Hint: too many requests at once; try again in a minute."
    if "empty" in lowered and ("area" in lowered or "geometry" in lowered):
        return "Hint: the area is empty: draw a larger polygon or choose another area."
    if "meters per pixel" in lowered:
        return "Hint: choose a finer resolution (Sentinel-2: at most 1500 m per pixel)."
    if "does not exist in data collection" in lowered or "unknown band" in lowered:
        return "Hint: the evalscript reads bands this collection does not have; pick a preset."
    if code == "RENDERER_EXCEPTION" and status == 400:
        return "Hint: check the evalscript (setup() and evaluatePixel())."
    if status == 404:
        return "Hint: check the endpoint, and the id of a BYOC collection."
    if status >= 500:
        return "Hint: a temporary problem of the service; try again later."
    return ""


def process_error(exc: HttpError) -> ProcessError:
    """An HTTP error of the Process API with Sentinel Hub's message, code and a hint."""
    raw = _body_of(exc)
    message, code, errors = exc.server_message, "", None
    try:
        inner = json.loads(raw).get("error", {})
        message = str(inner.get("message") or message)
        code = str(inner.get("code") or "")
        errors = inner.get("errors")
    except (ValueError, AttributeError):
        found = re.search(r'"code"\s*:\s*"([A-Z0-9_]+)"', raw)
        code = found.group(1) if found else ""
    message = message.strip()
    wait = _retry_after_seconds(exc.headers)
    quota = "processingUnitsLeft" in raw or code == "COMMON_INSUFFICIENT_PERMISSIONS"
    quota = quota or (exc.status == 429 and wait is not None and wait > MAX_RATE_WAIT)
    shown_code = code
    if quota:
        code = "OUT_OF_PROCESSING_UNITS"
        if isinstance(errors, dict) and "processingUnitsLeft" in errors:
            message += (
                f" (needed {errors.get('processingUnitsRequired')}, "
                f"left {errors.get('processingUnitsLeft')})"
            )
    host = urlsplit(exc.details.split(" ", 1)[0]).netloc or "Sentinel Hub"
    label = f"HTTP {exc.status}" + (f" {shown_code}" if shown_code else "")
    text = f"{host} refused the request ({label})"
    text += f": {message}" if message else "."
    if not text.endswith("."):
        text += "."
    return ProcessError(
        text,
        exc.status,
        code,
        message,
        _hint(exc.status, code, message),
        exc.details,
        wait,
    )


class Throttle:
    """Shared by the workers of a job: after a 429 nobody sends until Retry-After."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._not_before = 0.0
        self.waits = 0

    def pause(self, seconds: float) -> None:
        with self._lock:
            self._not_before = max(self._not_before, time.monotonic() + seconds)
            self.waits += 1

    def wait(self, is_cancelled: IsCancelled) -> None:
        while True:
            with self._lock:
                left = self._not_before - time.monotonic()
            if left <= 0:
                return
            if is_cancelled():
                raise Cancelled()
            time.sleep(min(0.05, left))


@dataclass
class Answer:
    content: bytes
    units: float = 0.0  # x-processingunits-spent


class ProcessClient:
    def __init__(
        self,
        http: HttpClient,
        process_url: str,
        throttle: Optional[Throttle] = None,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: float = 0.5,
    ) -> None:
        self.http = http
        self.process_url = process_url
        self.throttle = throttle or Throttle()
        self.max_attempts = max_attempts
        self.backoff = backoff

    def fetch(self, body: dict[str, Any], is_cancelled: IsCancelled = _never) -> Answer:
        """One request's GeoTIFF. Raises :class:`ProcessError` (or Cancelled)."""
        failures = limited = 0
        while True:
            self.throttle.wait(is_cancelled)
            try:
                response = self.http.request(
                    "POST",
                    self.process_url,
                    json_body=body,
                    headers={"Accept": "image/tiff"},
                    idempotent=False,  # retried here: Retry-After is in milliseconds
                    is_cancelled=is_cancelled,
                )
            except HttpError as exc:
                error = process_error(exc)
                if error.status == 429 and error.transient and limited < MAX_RATE_LIMITED:
                    limited += 1
                    self.throttle.pause(error.retry_after if error.retry_after else 1.0)
                    continue
                failures += 1
                if error.status >= 500 and failures < self.max_attempts:
                    self._sleep(self.backoff * 2 ** (failures - 1), is_cancelled)
                    continue
                raise error from None
            except NetworkError as exc:
                failures += 1
                if failures < self.max_attempts:
                    self._sleep(self.backoff * 2 ** (failures - 1), is_cancelled)
                    continue
                raise ProcessError(exc.message, details=exc.details) from None
            if response.content[:4] not in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
                raise InvalidResponse(
                    "Sentinel Hub did not answer with a GeoTIFF.",
                    details=f"{self.process_url}: {response.content[:200]!r}",
                )
            units = 0.0
            for key, value in response.headers.items():
                if key.lower() == "x-processingunits-spent":
                    try:
                        units = float(value)
                    except ValueError:
                        pass
            return Answer(response.content, units)

    @staticmethod
    def _sleep(seconds: float, is_cancelled: IsCancelled) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if is_cancelled():
                raise Cancelled()
            time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))


@dataclass
class RunOutcome:
    """What came back for a job's tiles."""

    done: list[tuple[Tile, Path]] = field(default_factory=list)
    failed: list[tuple[Tile, EOExplorerError]] = field(default_factory=list)
    skipped: list[Tile] = field(default_factory=list)  # outside a drawn polygon
    units: float = 0.0
    cancelled: bool = False
    fatal: Optional[EOExplorerError] = None
    bodies: list[dict] = field(default_factory=list)


TileProgress = Callable[[int, int, Tile], None]


def run_job(
    job: ProcessJob,
    client: ProcessClient,
    folder: Path,
    workers: int = DEFAULT_WORKERS,
    progress: Optional[TileProgress] = None,
    is_cancelled: IsCancelled = _never,
) -> RunOutcome:
    """Fetch every tile of ``job`` into ``folder`` (``<tile name>.tif``), ``workers`` at a
    time. A final error (4xx) stops the others; failed tiles are listed, not raised."""
    outcome = RunOutcome()
    requests = job.requests()
    wanted = {t.index for t, _ in requests}
    outcome.skipped = [t for t in job.tiles if t.index not in wanted]
    outcome.bodies = [body for _, body in requests]
    stop = threading.Event()
    lock = threading.Lock()
    total = len(requests)

    def stopped() -> bool:
        return stop.is_set() or is_cancelled()

    def one(tile: Tile, body: dict) -> None:
        if stopped():
            return
        try:
            answer = client.fetch(body, stopped)
            path = folder / f"{tile.name}.tif"
            path.write_bytes(answer.content)
        except Cancelled:
            return
        except EOExplorerError as exc:
            with lock:
                outcome.failed.append((tile, exc))
                final = not (isinstance(exc, ProcessError) and exc.transient)
                if final and not isinstance(exc, InvalidResponse) and outcome.fatal is None:
                    if isinstance(exc, ProcessError) and exc.status:
                        outcome.fatal = exc
                        stop.set()
            return
        with lock:
            outcome.done.append((tile, path))
            outcome.units += answer.units
            count = len(outcome.done)
        if progress is not None:
            progress(count, total, tile)

    folder.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="eo-process") as pool:
        futures = [pool.submit(one, tile, body) for tile, body in requests]
        for future in futures:
            future.result()
    outcome.done.sort(key=lambda pair: pair[0].index)
    outcome.failed.sort(key=lambda pair: pair[0].index)
    outcome.cancelled = is_cancelled()
    return outcome
