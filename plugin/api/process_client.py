"""Sending Process API requests: retries that respect the service's limits, errors with
hints, and a job's tiles fetched in parallel.

Rate limits: Sentinel Hub answers 429 with a ``Retry-After`` header in **milliseconds**
(Sentinel Hub "Rate limiting", docs.sentinel-hub.com/api/latest/api/overview/rate-limiting,
and the CDSE page of the same name), not the seconds of RFC 9110 ``Retry-After`` that
:mod:`http` reads for STAC catalogs. Every worker waits until then (one shared
:class:`Throttle`), at most :data:`MAX_RATE_PAUSE` at a time (then the request is sent again
and the service says how long is left), cancellable, and ``on_wait`` is told each pause so
the user sees why nothing arrives. Without the header the pause is one second, never a
guess of tens of seconds. A 429 that says the processing units are used up
(``errors.processingUnitsLeft``, or a wait of more than a minute) is not retried: it is
reported with a hint. Server errors
(5xx) and broken connections are retried with back-off; other 4xx are final and stop the
whole job, since every tile would get the same answer.
"""

from __future__ import annotations

import io
import json
import re
import tarfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from .errors import Cancelled, EOExplorerError, HttpError, InvalidResponse, NetworkError
from .http import HttpClient, IsCancelled, Response, _never
from .process import MULTI_ACCEPT, ProcessJob
from .threads import sleep_unless_cancelled
from .tiling import Tile

DEFAULT_WORKERS = 4
MAX_ATTEMPTS = 3  # per tile, for server errors and broken connections
MAX_RATE_LIMITED = 20  # 429 answers tolerated per tile before giving up
MAX_RATE_WAIT = 60.0  # seconds; a longer Retry-After means a quota, not a rate limit
MAX_RATE_PAUSE = 10.0  # seconds; the longest single pause after a 429
NO_RETRY_AFTER_PAUSE = 1.0  # seconds, when a 429 has no Retry-After
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
                return max(0.0, float(value) / 1000.0)  # milliseconds (Sentinel Hub)
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
    """The images of one request by output id, and the processing units it cost."""

    files: dict[str, bytes]
    units: float = 0.0  # x-processingunits-spent

    @property
    def content(self) -> bytes:
        """The first (for one output, the only) image."""
        return next(iter(self.files.values()))


def units_spent(headers: Any) -> float:
    """The ``x-processingunits-spent`` header of an answer (0 when absent or unreadable)."""
    for key, value in headers.items():
        if key.lower() == "x-processingunits-spent":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 0.0


TIFF_MAGIC = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")


def _not_tiff(url: str, what: str, content: bytes) -> InvalidResponse:
    return InvalidResponse(
        f"Sentinel Hub did not answer with a GeoTIFF{what}.",
        details=f"{url}: {content[:200]!r}",
    )


def read_answer(content: bytes, output_ids: tuple[str, ...], url: str = "") -> dict[str, bytes]:
    """The GeoTIFF of each output id: the body itself for one output; for several, the
    entries ``<identifier>.tif`` of the tar the service answers with (Process API,
    "Multi-response requests": a tar with one file per ``responses[]`` identifier, named by
    the identifier and the format's extension). InvalidResponse when one is missing."""
    if len(output_ids) == 1:
        if content[:4] not in TIFF_MAGIC:
            raise _not_tiff(url, "", content)
        return {output_ids[0]: content}
    files: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(content), mode="r:") as tar:
            for member in tar:
                if not member.isfile():
                    continue
                name = member.name.rsplit("/", 1)[-1]
                stem, _, ext = name.rpartition(".")
                if stem in output_ids and ext.lower() in ("tif", "tiff"):
                    handle = tar.extractfile(member)
                    files[stem] = handle.read() if handle is not None else b""
    except (tarfile.TarError, EOFError) as exc:
        raise InvalidResponse(
            "Sentinel Hub did not answer with the tar of several images it was asked for.",
            details=f"{url}: {exc}; {content[:200]!r}",
        ) from None
    missing = [i for i in output_ids if i not in files]
    if missing:
        raise InvalidResponse(
            f"Sentinel Hub's answer lacks the image of output {', '.join(missing)}.",
            details=f"{url}: tar entries {sorted(files)}",
        )
    for identifier, data in files.items():
        if data[:4] not in TIFF_MAGIC:
            raise _not_tiff(url, f" for output {identifier}", data)
    return {i: files[i] for i in output_ids}


class ProcessClient:
    def __init__(
        self,
        http: HttpClient,
        process_url: str,
        throttle: Optional[Throttle] = None,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: float = 0.5,
        on_wait: Optional[Callable[[float], None]] = None,
    ) -> None:
        self.http = http
        self.on_wait = on_wait  # told the seconds of each pause after a 429 (any thread)
        self.process_url = process_url
        self.throttle = throttle or Throttle()
        self.max_attempts = max_attempts
        self.backoff = backoff

    def fetch(
        self,
        body: dict[str, Any],
        is_cancelled: IsCancelled = _never,
        output_ids: tuple[str, ...] = (),
    ) -> Answer:
        """One request's GeoTIFF(s), by output id (``output_ids``: its ``responses[]``
        identifiers; several are asked as a tar). Raises :class:`ProcessError` (or
        Cancelled)."""
        if not output_ids:
            responses = (body.get("output") or {}).get("responses") or [{}]
            output_ids = tuple(str(r.get("identifier", "default")) for r in responses)
        accept = MULTI_ACCEPT if len(output_ids) > 1 else "image/tiff"
        response = self.post(self.process_url, body, accept, is_cancelled)
        files = read_answer(response.content, output_ids, self.process_url)
        return Answer(files, units_spent(response.headers))

    def post(
        self, url: str, body: dict[str, Any], accept: str, is_cancelled: IsCancelled = _never
    ) -> Response:
        """POST ``body`` to ``url`` (the Process API or another Sentinel Hub API taking the
        same account): waits out 429s (Retry-After in milliseconds, shared throttle),
        retries server errors and broken connections with back-off. Raises
        :class:`ProcessError` (or Cancelled)."""
        failures = limited = 0
        while True:
            self.throttle.wait(is_cancelled)
            try:
                return self.http.request(
                    "POST",
                    url,
                    json_body=body,
                    headers={"Accept": accept},
                    idempotent=False,  # retried here: Retry-After is in milliseconds
                    is_cancelled=is_cancelled,
                )
            except HttpError as exc:
                error = process_error(exc)
                if error.status == 429 and error.transient and limited < MAX_RATE_LIMITED:
                    limited += 1
                    wait = NO_RETRY_AFTER_PAUSE if error.retry_after is None else error.retry_after
                    wait = min(MAX_RATE_PAUSE, wait)
                    self.throttle.pause(wait)
                    if self.on_wait is not None:
                        self.on_wait(wait)
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

    @staticmethod
    def _sleep(seconds: float, is_cancelled: IsCancelled) -> None:
        sleep_unless_cancelled(seconds, is_cancelled, step=0.05)


@dataclass
class RunOutcome:
    """What came back for a job's tiles."""

    done: list[tuple[Tile, Path]] = field(default_factory=list)  # the main output's images
    # every output's images, by output id (the main output's are ``done``)
    by_output: dict[str, list[tuple[Tile, Path]]] = field(default_factory=dict)
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
    """Fetch every tile of ``job`` into ``folder`` (``<tile name>.tif`` for one output,
    ``<tile name>.<output id>.tif`` for several), ``workers`` at a time. A final error
    (4xx) stops the others; failed tiles are listed, not raised."""
    outcome = RunOutcome()
    output_ids = job.output_ids
    outcome.by_output = {identifier: [] for identifier in output_ids}
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
            answer = client.fetch(body, stopped, output_ids)
            paths = {}
            for identifier, content in answer.files.items():
                suffix = ".tif" if len(output_ids) == 1 else f".{_safe(identifier)}.tif"
                paths[identifier] = folder / f"{tile.name}{suffix}"
                paths[identifier].write_bytes(content)
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
            outcome.done.append((tile, paths[output_ids[0]]))
            for identifier, path in paths.items():
                outcome.by_output[identifier].append((tile, path))
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
    for pairs in outcome.by_output.values():
        pairs.sort(key=lambda pair: pair[0].index)
    outcome.failed.sort(key=lambda pair: pair[0].index)
    outcome.cancelled = is_cancelled()
    return outcome


def _safe(identifier: str) -> str:
    """An output id as part of a file name."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", identifier).strip("-.") or "output"
