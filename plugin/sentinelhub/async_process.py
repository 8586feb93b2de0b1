"""An image delivered to a bucket by Sentinel Hub's Async Process API, followed and loaded.

:func:`execute` does the whole run in the calling thread (a WorkflowTask's worker, or a
Processing algorithm's): submit the request (``api.async_process``), follow its status with
growing pauses until Sentinel Hub answers 404 (the request has ended, successfully or not),
then copy the objects it wrote (``<bucket folder>/<request id>/<identifier>.tif``) from the
bucket to the output folder through GDAL ``/vsis3/`` (``.part`` file, atomic rename), so the
result is a local GeoTIFF like the Process engine's. No object after the 404 means the
request failed on Sentinel Hub. Cancel stops following only: the Async API has no way to
cancel a request, which keeps running and still writes its result to the bucket.

The bucket's keys are given to GDAL for that bucket's path only (:mod:`plugin.assets.s3`),
in the main thread, by :func:`bucket_keys` before the run; they go to Sentinel Hub only when
the user allowed it, and never into a log or the request file saved beside the result.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from osgeo import gdal

from ..api.accounts import Credentials
from ..api.assets import Asset, Location
from ..api.async_process import (
    AsyncClient,
    Delivery,
    async_body,
    redacted,
)
from ..api.errors import Cancelled, EOExplorerError
from ..api.process import ProcessJob, iso
from ..api.threads import sleep_unless_cancelled
from ..core import log
from ..core.gdal_calls import GdalFailed, call
from ..core.tasks import Progress, WorkflowTask, unexpected
from .workflow import OutputResult, output_path

#: Pauses between status requests: the first, the growth factor and the longest (seconds).
POLL_FIRST = 2.0
POLL_FACTOR = 1.5
POLL_MAX = 30.0

FAILED_ON_SENTINEL_HUB = (
    "The request failed on Sentinel Hub: it ended without writing {url}. Check that "
    "Sentinel Hub may write to the bucket (the IAM role's policy, or the keys), and try "
    "again; the request is saved in {json}."
)
STOPPED_FOLLOWING = (
    "Stopped following request {id}. The Async Process API cannot cancel a request: it "
    "keeps running on Sentinel Hub and writes its result to {url}."
)

COPY_CANCELLED = (
    "Cancelled while copying the result of request {id}: it stays in the bucket at {url}."
)


@dataclass(frozen=True)
class Following:
    """Report payload: the request ``id`` is still RUNNING after ``checks`` status checks;
    the next check in ``wait`` seconds."""

    id: str
    checks: int
    wait: float


@dataclass(frozen=True)
class Fetching:
    """Report payload: the request has ended; its result is being copied from the bucket."""

    id: str
    url: str


@dataclass
class AsyncOutcome:
    """What an Async run produced: the request id, the result files (main output first)."""

    request_id: str = ""
    result_url: str = ""  # the main output's object in the bucket
    path: Optional[Path] = None
    outputs: list[OutputResult] = field(default_factory=list)
    request_path: Optional[Path] = None
    checks: int = 0  # status requests sent
    ended: bool = False  # Sentinel Hub said the request has ended (404)
    cancelled: bool = False
    error: Optional[EOExplorerError] = None
    start: str = ""
    end: str = ""

    @property
    def stopped_text(self) -> str:
        if not self.request_id:
            return "Cancelled before the request was sent: nothing was asked of Sentinel Hub."
        if self.ended:
            return COPY_CANCELLED.format(id=self.request_id, url=self.result_url)
        return STOPPED_FOLLOWING.format(id=self.request_id, url=self.result_url)


def bucket_keys(url: str) -> Credentials:
    """The saved keys of the bucket of ``url`` (s3://bucket/folder), given to GDAL for that
    bucket only (main thread: reads the auth database). CredentialsRequired otherwise."""
    from ..assets import s3

    location = Location("s3", url.rstrip("/") + "/")
    keys = s3.keys_for(location)
    s3.configure(s3.bucket_of(location), keys)
    return keys


def delivery_for(url: str, iam_role_arn: str, keys: Optional[Credentials]) -> Delivery:
    """The ``delivery.s3`` of a run: the role when given, the keys only when ``keys``."""
    return Delivery(
        url=url.strip().rstrip("/"),
        iam_role_arn=iam_role_arn.strip(),
        access_key=keys.username if keys else "",
        secret_access_key=keys.secret if keys else "",
        region=(keys.region if keys else "") or "",
    )


def copy_object(url: str, path: Path, is_cancelled: Callable[[], bool]) -> bool:
    """Copy the object ``url`` to ``path`` atomically; False when there is no such object."""
    from ..assets import s3

    location = Location("s3", url)
    folder = location.gdal_path.rsplit("/", 1)[0] + "/"
    gdal.VSICurlPartialClearCache(folder)  # a "not found" of an earlier look is stale
    try:
        call(gdal.VSIStatL, location.gdal_path)
    except GdalFailed:
        return False
    asset = Asset(item_id=path.stem, collection="", key=path.stem, href=url)
    s3.download(asset, location, path, is_cancelled=is_cancelled)
    return True


def execute(
    job: ProcessJob,
    delivery: Delivery,
    client: AsyncClient,
    out_path: Path,
    progress: Optional[Progress] = None,
    *,
    poll: tuple[float, float, float] = (POLL_FIRST, POLL_FACTOR, POLL_MAX),
) -> AsyncOutcome:
    """Submit, follow until 404, copy the result to ``out_path`` (and ``<stem>_<id>.tif``
    for further outputs); never raises."""
    progress = progress or Progress()
    outcome = AsyncOutcome(start=iso(job.options.start), end=iso(job.options.end))
    try:
        _run(job, delivery, client, out_path, progress, poll, outcome)
    except Cancelled:
        outcome.cancelled = True
    except ValueError as exc:
        outcome.error = EOExplorerError(str(exc))
    except EOExplorerError as exc:
        outcome.error = exc
    except Exception as exc:  # noqa: BLE001 - nothing a server sends may crash QGIS
        outcome.error = unexpected(exc)
    return outcome


def _run(job, delivery, client, out_path, progress, poll, outcome: AsyncOutcome) -> None:
    body = async_body(job, delivery)
    shown = json.dumps(redacted(body))
    if progress.is_cancelled():
        raise Cancelled()
    status = client.submit(body, progress.is_cancelled)
    outcome.request_id = status.id
    ids = job.output_ids
    outcome.result_url = delivery.result_url(status.id, ids[0])
    log.info(f"Async Process request {status.id} sent to {client.url}: {shown}")
    progress.info(f"Request {status.id} is running; its result goes to {outcome.result_url}")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    request_path = out_path.with_suffix(".json")
    document = {
        "url": client.url,
        "id": status.id,
        "results": [delivery.result_url(status.id, i) for i in ids],
        "request": redacted(body),
    }
    request_path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    outcome.request_path = request_path
    wait, factor, longest = poll
    while not status.ended:
        progress.report(Following(status.id, outcome.checks, wait))
        sleep_unless_cancelled(wait, progress.is_cancelled)
        status = client.status(outcome.request_id, progress.is_cancelled)
        outcome.checks += 1
        wait = min(longest, wait * factor)
    outcome.ended = True
    progress.report(Fetching(outcome.request_id, outcome.result_url))
    progress.percent(90)
    for identifier in ids:
        main = identifier == ids[0]
        path = out_path if main else output_path(out_path, identifier)
        url = delivery.result_url(outcome.request_id, identifier)
        if not copy_object(url, path, progress.is_cancelled):
            if main:
                raise EOExplorerError(
                    FAILED_ON_SENTINEL_HUB.format(url=url, json=request_path.name),
                    details=f"request {outcome.request_id}: no object at {url} after 404",
                )
            log.warning(f"Async request {outcome.request_id}: no object at {url}")
            continue
        info = job.info.output(identifier)
        outcome.outputs.append(OutputResult(identifier, path, info.bands, info.sample_type, False))
    outcome.path = outcome.outputs[0].path
    progress.percent(100)


def async_task(
    job: ProcessJob,
    delivery: Delivery,
    client: AsyncClient,
    out_path: Path,
    poll: tuple[float, float, float] = (POLL_FIRST, POLL_FACTOR, POLL_MAX),
) -> WorkflowTask:
    """:func:`execute` as a WorkflowTask: ``reported`` carries :class:`Following` and
    :class:`Fetching`, ``completed`` the :class:`AsyncOutcome`."""

    def work(progress: Progress) -> AsyncOutcome:
        return execute(job, delivery, client, out_path, progress, poll=poll)

    return WorkflowTask(
        "EO Explorer: Sentinel Hub Async Process",
        work,
        failed=lambda error: (
            AsyncOutcome(cancelled=True)
            if isinstance(error, Cancelled)
            else AsyncOutcome(error=error)
        ),
        succeeded=lambda outcome: outcome.error is None and not outcome.cancelled,
    )


def describe(outcome: AsyncOutcome) -> dict[str, Any]:
    """A short summary for logs and the Processing algorithm's outputs."""
    return {
        "request_id": outcome.request_id,
        "result_url": outcome.result_url,
        "path": str(outcome.path or ""),
        "checks": outcome.checks,
    }
