"""Batch Processing on Sentinel Hub, followed from QGIS, and its tiles as one mosaic.

Everything here runs in the calling thread (a WorkflowTask's worker, or a Processing
algorithm's) and never raises: each function returns a :class:`BatchOutcome`.

* :func:`create_and_analyse`: create the request and analyse it; the outcome carries the
  estimate (tile count, processing units). Nothing is started: that costs units.
* :func:`start_and_follow`: start it (the user said yes) and follow it to its end, with
  tiles done / total as progress and the failed tiles named.
* :func:`build_mosaic`: the output COGs of a DONE or PARTIAL request, listed in the bucket
  through GDAL's ``/vsis3/`` and gathered in one VRT. GDAL has the bucket's keys for that
  bucket's path only (:func:`plugin.assets.s3.configure`, main thread); the VRT names only
  ``/vsis3/`` paths, never a key.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from osgeo import gdal

from ..api.assets import Location
from ..api.batch_process import (
    ENDED,
    BatchClient,
    BatchRequest,
    BatchTileState,
)
from ..api.errors import Cancelled, CredentialsRequired, EOExplorerError
from ..assets import s3
from ..core.gdal_calls import GdalFailed, call
from ..core.tasks import Progress, WorkflowTask, unexpected

#: Seconds between two reads of a request's state.
POLL_SECONDS = 5.0


@dataclass(frozen=True)
class BatchState:
    """Report payload: the request as last read, and tiles processed / total."""

    request: BatchRequest
    done: int = 0
    total: int = 0


@dataclass
class BatchOutcome:
    request: Optional[BatchRequest] = None
    failed_tiles: list[BatchTileState] = field(default_factory=list)
    mosaic: Optional[Path] = None
    tiles: list[str] = field(default_factory=list)  # the /vsis3/ paths in the mosaic
    skipped: list[str] = field(default_factory=list)  # tiles in another CRS than the first
    listed: list[BatchRequest] = field(default_factory=list)  # list_requests
    cancelled: bool = False
    error: Optional[EOExplorerError] = None

    def failed_text(self) -> str:
        shown = "; ".join(f"tile {t.id}: {t.error or 'failed'}" for t in self.failed_tiles[:3])
        more = len(self.failed_tiles) - 3
        return shown + (f" (and {more} more)" if more > 0 else "")


def _outcome(error: EOExplorerError) -> BatchOutcome:
    if isinstance(error, Cancelled):
        return BatchOutcome(cancelled=True)
    return BatchOutcome(error=error)


def _sleeper(progress: Progress) -> Callable[[float], None]:
    def sleep(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if progress.is_cancelled():
                raise Cancelled()
            time.sleep(min(0.1, max(0.0, end - time.monotonic())))

    return sleep


def _follow(
    client: BatchClient,
    request_id: str,
    done: Callable[[BatchRequest], bool],
    progress: Progress,
    poll: float,
) -> BatchRequest:
    sleep = _sleeper(progress)
    while True:
        request = client.get(request_id, progress.is_cancelled)
        processed = total = 0
        if request.status == "PROCESSING" or request.ended:
            tiles = client.tiles(request_id, is_cancelled=progress.is_cancelled)
            total = len(tiles) or (request.tile_count or 0)
            processed = len([t for t in tiles if t.status in ("PROCESSED", "FAILED")])
            if total:
                progress.percent(min(99.0, 100.0 * processed / total))
        progress.report(BatchState(request, processed, total))
        progress.info(f"{request.status}: {request.sentence()}")
        if done(request):
            return request
        sleep(poll)


def create_and_analyse(
    client: BatchClient, body: dict[str, Any], progress: Progress, poll: float = POLL_SECONDS
) -> BatchOutcome:
    """Create the request, analyse it, wait for the estimate. Never starts it."""
    try:
        created = client.create(body, progress.is_cancelled)
        progress.report(BatchState(created))
        client.action(created.id, "analyse", progress.is_cancelled)
        request = _follow(
            client, created.id, lambda r: r.status not in ("CREATED", "ANALYSING"), progress, poll
        )
        outcome = BatchOutcome(request=request)
        if request.status == "FAILED":
            outcome.error = EOExplorerError(request.sentence())
        return outcome
    except EOExplorerError as exc:
        return _outcome(exc)
    except Exception as exc:  # noqa: BLE001 - nothing a server sends may crash QGIS
        return BatchOutcome(error=unexpected(exc))


def start_and_follow(
    client: BatchClient,
    request_id: str,
    progress: Progress,
    poll: float = POLL_SECONDS,
    start: bool = True,
    action: str = "start",
) -> BatchOutcome:
    """Start an analysed request (``start``: the user confirmed; ``action`` "restartpartial"
    processes the failed tiles of a PARTIAL one again) and follow it to its end."""
    try:
        if start:
            client.action(request_id, action, progress.is_cancelled)
        request = _follow(client, request_id, lambda r: r.status in ENDED, progress, poll)
        outcome = BatchOutcome(request=request)
        if request.status in ("PARTIAL", "FAILED"):
            outcome.failed_tiles = client.tiles(request_id, "FAILED", progress.is_cancelled)
        if request.status == "FAILED":
            outcome.error = EOExplorerError(request.sentence())
        return outcome
    except EOExplorerError as exc:
        return _outcome(exc)
    except Exception as exc:  # noqa: BLE001
        return BatchOutcome(error=unexpected(exc))


def list_requests(client: BatchClient, progress: Progress) -> BatchOutcome:
    """The account's batch requests, newest first (``listed``)."""
    try:
        return BatchOutcome(listed=client.all_requests(progress.is_cancelled))
    except EOExplorerError as exc:
        return _outcome(exc)


def cancel_request(client: BatchClient, request_id: str, progress: Progress) -> BatchOutcome:
    """Ask Sentinel Hub to cancel (the table's Stop)."""
    try:
        client.action(request_id, "cancel", progress.is_cancelled)
        return BatchOutcome(request=client.get(request_id, progress.is_cancelled))
    except EOExplorerError as exc:
        return _outcome(exc)


def output_tiles(
    bucket: str, prefix: str, output_id: str, options: Optional[dict] = None
) -> list[str]:
    """The ``/vsis3/`` paths of one output's tiles under ``bucket/prefix``.

    ``options``: the bucket's GDAL options (:func:`plugin.assets.s3.gdal_options`). GDAL
    3.6 lists a folder without the path-specific options that reading honours, so they
    are given to this thread only, for this one listing of that bucket, then removed."""
    folder = f"/vsis3/{bucket}/{prefix}".rstrip("/")
    options = options or {}
    try:
        for key, value in options.items():
            gdal.SetThreadLocalConfigOption(key, value)
        names = call(gdal.ReadDirRecursive, folder) or []
    except GdalFailed as exc:
        raise EOExplorerError(
            f"The bucket folder s3://{bucket}/{prefix} cannot be listed: "
            f"{exc.message or 'no answer'}."
        ) from exc
    finally:
        for key in options:
            gdal.SetThreadLocalConfigOption(key, None)
    wanted = {f"{output_id}.tiff", f"{output_id}.tif"}
    return sorted(f"{folder}/{name}" for name in names if name.rsplit("/", 1)[-1] in wanted)


def _crs_of(path: str) -> str:
    dataset = call(gdal.Open, path)
    try:
        return dataset.GetProjection()
    finally:
        dataset = None


def build_mosaic(
    request: BatchRequest,
    output_id: str,
    vrt_path: Path,
    progress: Optional[Progress] = None,
    options: Optional[dict] = None,
) -> BatchOutcome:
    """One VRT of the request's output tiles in the bucket (``/vsis3/`` sources)."""
    progress = progress or Progress()
    outcome = BatchOutcome(request=request)
    try:
        bucket, prefix = request.folder()
        tiles = output_tiles(bucket, prefix, output_id, options)
        if not tiles:
            raise EOExplorerError(
                f"No tile of the output {output_id!r} is in s3://{bucket}/{prefix} (yet)."
            )
        # A VRT holds one CRS: tiles of another UTM zone than the first are left out.
        first = _crs_of(tiles[0])
        kept = [t for t in tiles if t == tiles[0] or _crs_of(t) == first]
        outcome.skipped = [t for t in tiles if t not in kept]
        vrt_path.parent.mkdir(parents=True, exist_ok=True)
        part = vrt_path.with_name(vrt_path.name + ".part")
        dataset = call(gdal.BuildVRT, str(part), kept)
        if dataset is None:
            raise EOExplorerError("GDAL could not build the mosaic of the tiles.")
        dataset.FlushCache()
        dataset = None
        part.replace(vrt_path)
        outcome.mosaic, outcome.tiles = vrt_path, kept
        progress.info(f"Mosaic of {len(kept)} tile(s): {vrt_path}")
    except EOExplorerError as exc:
        outcome.error = exc
    except GdalFailed as exc:
        outcome.error = EOExplorerError(f"GDAL could not read the tiles: {exc.message}.")
    except Exception as exc:  # noqa: BLE001
        outcome.error = unexpected(exc)
    return outcome


def bucket_keys_ready(bucket: str) -> dict:
    """Give GDAL the keys of the bucket's S3 account, for that bucket only (main thread);
    CredentialsRequired with a sentence when the account is not set up. Returns the
    bucket's GDAL options for the listing of its folder (never logged)."""
    try:
        keys = s3.keys_for(Location("s3", f"s3://{bucket}/"))
    except CredentialsRequired:
        raise CredentialsRequired(
            f"Set up the S3 account of the bucket {bucket} (Accounts…: endpoint, region and "
            "keys) so QGIS can read the tiles Sentinel Hub wrote there."
        ) from None
    s3.configure(bucket, keys)
    return s3.gdal_options(bucket, keys)


def batch_task(title: str, work: Callable[[Progress], BatchOutcome]) -> WorkflowTask:
    """A WorkflowTask whose ``reported`` carries :class:`BatchState` and ``completed`` a
    :class:`BatchOutcome`."""
    return WorkflowTask(
        title, work, failed=_outcome, succeeded=lambda outcome: outcome.error is None
    )


def batch_client(http, endpoint) -> BatchClient:
    return BatchClient(http, endpoint.url)
