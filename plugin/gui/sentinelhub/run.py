"""Starting a Process job from the dock, and showing its outcome.

The run reads the form once, as a :class:`RunRequest` the dock builds
(:meth:`ProcessDock.run_request`), and talks back to the dock only through this interface:

* ``sign_in(endpoint)`` → the endpoint's HTTP client (EOExplorerError when it cannot);
* ``show_error(error)``, ``offer_accounts(account)``, ``show_warning(text)``;
* ``set_running(running, status)`` (buttons, progress bar, status line; stops drawing),
  ``show_progress(percent, status)``, ``show_status(text)``;
* ``task`` (the running task, ``None`` when idle) and ``job_finished(outcome, layers)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsApplication, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication

from ...api.errors import EOExplorerError
from ...api.evalscripts import find_preset, guess_style
from ...api.process import Endpoint, ProcessJob, output_stem
from ...api.process_client import EMPTY_RESULT_HINT, ProcessClient
from ...core import log
from ...sentinelhub import settings as process_settings
from ...sentinelhub.styles import add_result
from ...sentinelhub.workflow import (
    ProcessOutcome,
    SlowingDown,
    TilesReceived,
    process_task,
    unique_path,
)
from ..common.messages import account_refused
from ..common.slots import call


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


@dataclass(frozen=True)
class RunRequest:
    """What a Process run needs from the dock's form, read once when Run is pressed."""

    job: ProcessJob
    endpoint: Endpoint
    folder: Path  # where the result goes (the form's folder, or the saved one)
    style: str  # how the main output is styled ("rgb", "grey", ...)
    script: str  # the evalscript's name for file and layer names ("custom" when unnamed)


def layer_name(collection: str, script: str, start, end) -> str:
    """e.g. ``sentinel-2-l2a · NDVI (vegetation index) · 2024-06-01 – 2024-06-30``."""
    preset = find_preset(script)
    title = preset.title if preset is not None else (script or "custom")
    first, last = start.date().isoformat(), end.date().isoformat()
    when = first if first == last else f"{first} – {last}"
    return " · ".join((collection, title, when))


def start_job(dock) -> None:
    """Check the form, sign in, and start the task (errors are raised as sentences)."""
    request = dock.run_request()
    job, endpoint = request.job, request.endpoint
    try:
        http = dock.sign_in(endpoint)
    except EOExplorerError as exc:
        dock.show_error(exc)
        dock.offer_accounts(endpoint.account)
        return
    process_settings.set_output_folder(str(request.folder))
    info = job.info
    style, script = request.style, request.script
    options = job.options
    out_path = unique_path(
        request.folder, output_stem(options.collection, script, options.start, options.end)
    )
    nodata = info.nodata if info.nodata is not None else (0.0 if style == "rgb" else None)
    client = ProcessClient(http, endpoint.process_url)
    task = process_task(job, client, out_path, process_settings.workers(), nodata)
    name = layer_name(options.collection, script, options.start, options.end)
    # One raster per output of the evalscript: the main one styled as the form says, the
    # others by their bands and sample type.
    styles = {
        i: style if i == job.output_ids[0] else guess_style(info.output(i)) for i in job.output_ids
    }
    estimate = job.estimate_units()
    account = endpoint.account
    task.reported.connect(lambda payload: call(dock, _reported, dock, payload))
    task.completed.connect(
        lambda outcome, t=task: call(
            dock, _completed, dock, t, outcome, styles, name, estimate, account
        )
    )
    dock.task = task
    count = len(job.requests())
    dock.set_running(
        True, tr("Requesting {n} image(s) from {host}…").format(n=count, host=endpoint.title)
    )
    QgsApplication.taskManager().addTask(task)


def _reported(dock, payload) -> None:
    if isinstance(payload, TilesReceived):
        _progress(dock, payload.done, payload.total)
    elif isinstance(payload, SlowingDown):
        _waiting(dock, payload.seconds)


def _progress(dock, done: int, total: int) -> None:
    dock.show_progress(
        int(100 * done / max(1, total)),
        tr("{done} of {total} image(s) received").format(done=done, total=total),
    )


def _waiting(dock, seconds: float) -> None:
    dock.show_status(
        tr("Sentinel Hub asked to slow down: waiting {s} s before the next request…").format(
            s=f"{seconds:.1f}"
        )
    )


def _completed(
    dock, task, outcome: ProcessOutcome, styles: dict, name: str, estimate: float, account: str
):
    if task is not dock.task:
        return  # the dock was shut down meanwhile
    dock.task = None
    layers = None
    if outcome.cancelled:
        dock.set_running(False, tr("Cancelled: nothing was saved."))
    elif outcome.error is not None:
        dock.set_running(False, tr("The request failed."))
        dock.show_error(outcome.error)
        if account_refused(outcome.error):
            dock.offer_accounts(account)
    else:
        dock.set_running(False, None)
        layers = _loaded(dock, outcome, styles, name, estimate)
    dock.job_finished(outcome, layers)


def _loaded(dock, outcome: ProcessOutcome, styles: dict, name: str, estimate: float) -> list:
    several = len(outcome.outputs) > 1
    layers: list[QgsRasterLayer] = []
    for result in reversed(outcome.outputs):  # each goes on top: the main one ends first
        title = f"{name} · {result.id}" if several else name
        style = styles.get(result.id, "grey")
        acquired = (outcome.start, outcome.end)
        layers.insert(0, add_result(result.path, title, style, acquired=acquired))
    units = outcome.units or estimate
    dock.show_status(
        tr("Saved {file} ({n} request(s), {units} processing units); request in {json}.").format(
            file=outcome.path.name if outcome.path else "",
            n=outcome.requests,
            units=f"{units:.3g}",
            json=outcome.request_path.name if outcome.request_path else "",
        )
    )
    log.info(f"Process result {outcome.path} from {outcome.requests} request(s)")
    if outcome.failed:
        text = tr("{n} image(s) failed after retries and are empty in the result: {which}")
        dock.show_warning(text.format(n=len(outcome.failed), which=outcome.failed_text()))
        for tile, error in outcome.failed:
            log.warning(f"Tile {tile.name} failed: {error}\n{getattr(error, 'details', '')}")
    if outcome.empty:
        dock.show_warning(tr(EMPTY_RESULT_HINT))
    return layers
