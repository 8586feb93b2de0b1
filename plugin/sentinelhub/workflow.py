"""Running a Process API job in the background: tiles, mosaic, request JSON.

:func:`execute` does the whole job in the calling thread (a QgsTask's worker, or a
Processing algorithm's); :func:`process_task` runs it in a WorkflowTask for the dock. Tiles
are fetched into a hidden folder beside the result and removed when the COG is written. The
main thread loads the layer from the outcome.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..api.errors import Cancelled, EOExplorerError
from ..api.http import HttpClient
from ..api.process import ProcessJob, iso
from ..api.process_client import (
    EMPTY_RESULT_HINT,
    ProcessClient,
    RunOutcome,
    run_job,
)
from ..api.tiling import Tile
from ..core.tasks import Progress, WorkflowTask, unexpected
from .mosaic import assemble


@dataclass
class OutputResult:
    """The mosaic of one output of the evalscript."""

    id: str
    path: Path
    bands: int
    data_type: str
    empty: bool


@dataclass
class ProcessOutcome:
    """What a job produced, whether it finished, failed or was cancelled. ``path``, ``bands``,
    ``data_type`` and ``empty`` are those of the main output; ``outputs`` lists every
    output's raster, the main one first."""

    path: Optional[Path] = None
    outputs: list[OutputResult] = field(default_factory=list)
    request_path: Optional[Path] = None
    requests: int = 0
    tiles_done: int = 0
    failed: list[tuple[Tile, EOExplorerError]] = field(default_factory=list)
    units: float = 0.0
    cancelled: bool = False
    empty: bool = False
    error: Optional[EOExplorerError] = None
    bands: int = 0
    data_type: str = ""
    #: the job's time range (ISO 8601, UTC): the acquisition time its rasters carry
    start: str = ""
    end: str = ""

    def failed_text(self) -> str:
        return "; ".join(f"tile {t.name}: {e}" for t, e in self.failed[:3]) + (
            f" (and {len(self.failed) - 3} more)" if len(self.failed) > 3 else ""
        )


def unique_path(folder: Path, stem: str, suffix: str = ".tif") -> Path:
    """``folder/stem.tif``, or ``stem_2.tif``… when taken (with its request JSON)."""
    candidate, n = folder / f"{stem}{suffix}", 2
    while candidate.exists() or candidate.with_suffix(".json").exists():
        candidate, n = folder / f"{stem}_{n}{suffix}", n + 1
    return candidate


def output_path(out_path: Path, identifier: str) -> Path:
    """Where an output other than the main one is written: ``<stem>_<output id>.tif``."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", identifier).strip("-.") or "output"
    return out_path.with_name(f"{out_path.stem}_{safe}{out_path.suffix}")


def request_document(job: ProcessJob, run: RunOutcome, url: str) -> dict[str, Any]:
    """The JSON saved beside the result: endpoint, grid and every request sent."""
    grid = job.grid
    return {
        "url": url,
        "accept": job.accept,
        "crs": f"EPSG:{grid.epsg}",
        "bbox": list(grid.bbox),
        "width": grid.width,
        "height": grid.height,
        "tiles": len(run.bodies),
        "requests": run.bodies,
    }


def execute(
    job: ProcessJob,
    client: ProcessClient,
    out_path: Path,
    *,
    workers: int,
    nodata: Optional[float] = None,
    progress: Optional[Callable[[int, int, Tile], None]] = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> ProcessOutcome:
    """Fetch the tiles, write ``out_path`` (COG) and ``out_path.json``; never raises."""
    outcome = ProcessOutcome(start=iso(job.options.start), end=iso(job.options.end))
    folder: Optional[Path] = None
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f".{out_path.stem}.", dir=out_path.parent))
        run = run_job(job, client, folder, workers, progress, is_cancelled)
        outcome.requests = len(run.bodies)
        outcome.tiles_done = len(run.done)
        outcome.failed = run.failed
        outcome.units = run.units
        if run.cancelled:
            outcome.cancelled = True
            return outcome
        if run.fatal is not None:
            outcome.error = run.fatal
            return outcome
        if not run.done:
            outcome.error = run.failed[0][1] if run.failed else EOExplorerError("No tile.")
            return outcome
        if nodata is None:
            nodata = job.info.nodata
        for identifier in job.output_ids:
            main = identifier == job.output_ids[0]
            path = out_path if main else output_path(out_path, identifier)
            value = nodata if main else job.info.output(identifier).nodata
            info = assemble(run.by_output[identifier], job.grid, path, value)
            outcome.outputs.append(
                OutputResult(identifier, info.path, info.bands, info.data_type, info.empty)
            )
        first = outcome.outputs[0]
        outcome.path, outcome.bands, outcome.data_type = first.path, first.bands, first.data_type
        outcome.empty = first.empty
        request_path = out_path.with_suffix(".json")
        document = request_document(job, run, client.process_url)
        request_path.write_text(json.dumps(document, indent=2), encoding="utf-8")
        outcome.request_path = request_path
    except EOExplorerError as exc:
        outcome.error = exc
    except Exception as exc:  # noqa: BLE001 - nothing a server sends may crash QGIS
        outcome.error = unexpected(exc)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    return outcome


@dataclass(frozen=True)
class TilesReceived:
    """Report payload of a Process task: ``done`` of ``total`` tiles are in."""

    done: int
    total: int


@dataclass(frozen=True)
class SlowingDown:
    """Report payload of a Process task: Sentinel Hub asked to wait (429 Retry-After)."""

    seconds: float


def process_task(
    job: ProcessJob,
    client: ProcessClient,
    out_path: Path,
    workers: int,
    nodata: Optional[float] = None,
) -> WorkflowTask:
    """One Process job as a :class:`~plugin.core.tasks.WorkflowTask` running :func:`execute`:
    ``reported`` carries :class:`TilesReceived` and :class:`SlowingDown`, ``completed`` the
    :class:`ProcessOutcome`."""

    def work(progress: Progress) -> ProcessOutcome:
        def tile_done(done: int, wanted: int, _tile: Tile) -> None:
            progress.percent(min(99.0, 100.0 * done / max(1, wanted)))
            progress.report(TilesReceived(done, wanted))

        client.on_wait = lambda seconds: progress.report(SlowingDown(float(seconds)))
        return execute(
            job,
            client,
            out_path,
            workers=workers,
            nodata=nodata,
            progress=tile_done,
            is_cancelled=progress.is_cancelled,
        )

    return WorkflowTask(
        "EO Explorer: Sentinel Hub Process",
        work,
        failed=lambda error: (
            ProcessOutcome(cancelled=True)
            if isinstance(error, Cancelled)
            else ProcessOutcome(error=error)
        ),
        succeeded=lambda outcome: outcome.error is None,
    )


__all__ = [
    "EMPTY_RESULT_HINT",
    "OutputResult",
    "ProcessOutcome",
    "SlowingDown",
    "TilesReceived",
    "execute",
    "output_path",
    "process_http",
    "process_task",
    "unique_path",
]


def process_http(endpoint) -> HttpClient:
    """The endpoint's HTTP client with its account (main thread: may ask for the master
    password). Raises CredentialsRequired when the account is not set up."""
    from ..core import credentials
    from ..core.network import plain_client

    client = plain_client()
    return client.with_auth(credentials.auth_for(endpoint.account, client), endpoint.url)
