"""Starting a Process job from the dock, and showing its outcome."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication

from ...api.errors import EOExplorerError
from ...api.evalscripts import find_preset, guess_style
from ...api.process import output_stem
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


def layer_name(collection: str, script: str, start, end) -> str:
    """e.g. ``sentinel-2-l2a · NDVI (vegetation index) · 2024-06-01 – 2024-06-30``."""
    preset = find_preset(script)
    title = preset.title if preset is not None else (script or "custom")
    first, last = start.date().isoformat(), end.date().isoformat()
    when = first if first == last else f"{first} – {last}"
    return " · ".join((collection, title, when))


def start_job(dock) -> None:
    """Check the form, sign in, and start the task (errors are raised as sentences)."""
    f = dock.form
    job = dock.build_job()
    endpoint = dock.current_endpoint()
    try:
        http = dock.http_factory(endpoint)
    except EOExplorerError as exc:
        dock.show_error(exc)
        dock.offer_accounts(endpoint.account)
        return
    folder = Path(dock.folder_widget.filePath().strip() or process_settings.output_folder())
    process_settings.set_output_folder(str(folder))
    info = job.info
    style = dock.style(info)
    script = dock.script_name or "custom"
    options = job.options
    out_path = unique_path(
        folder, output_stem(options.collection, script, options.start, options.end)
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
    task.reported.connect(lambda payload: call(dock, _reported, dock, payload))
    task.completed.connect(
        lambda outcome, t=task: call(dock, _completed, dock, t, outcome, styles, name, estimate)
    )
    dock.task = task
    f.runButton.setEnabled(False)
    f.cancelButton.setEnabled(True)
    f.progressBar.setVisible(True)
    f.progressBar.setValue(0)
    count = len(job.requests())
    f.statusLabel.setText(
        tr("Requesting {n} image(s) from {host}…").format(n=count, host=endpoint.title)
    )
    dock.drawing.stop()
    QgsApplication.taskManager().addTask(task)


def _reported(dock, payload) -> None:
    if isinstance(payload, TilesReceived):
        _progress(dock, payload.done, payload.total)
    elif isinstance(payload, SlowingDown):
        _waiting(dock, payload.seconds)


def _progress(dock, done: int, total: int) -> None:
    dock.form.progressBar.setValue(int(100 * done / max(1, total)))
    dock.form.statusLabel.setText(
        tr("{done} of {total} image(s) received").format(done=done, total=total)
    )


def _waiting(dock, seconds: float) -> None:
    dock.form.statusLabel.setText(
        tr("Sentinel Hub asked to slow down: waiting {s} s before the next request…").format(
            s=f"{seconds:.1f}"
        )
    )


def _completed(dock, task, outcome: ProcessOutcome, styles: dict, name: str, estimate: float):
    if task is not dock.task:
        return  # the dock was shut down meanwhile
    dock.task = None
    f = dock.form
    f.runButton.setEnabled(True)
    f.cancelButton.setEnabled(False)
    f.progressBar.setVisible(False)
    if outcome.cancelled:
        f.statusLabel.setText(tr("Cancelled: nothing was saved."))
    elif outcome.error is not None:
        f.statusLabel.setText(tr("The request failed."))
        dock.show_error(outcome.error)
        if account_refused(outcome.error):
            dock.offer_accounts(dock.current_endpoint().account)
    else:
        _loaded(dock, outcome, styles, name, estimate)
    dock.processFinished.emit(outcome)


def _loaded(dock, outcome: ProcessOutcome, styles: dict, name: str, estimate: float) -> None:
    several = len(outcome.outputs) > 1
    layers = []
    for result in reversed(outcome.outputs):  # each goes on top: the main one ends first
        title = f"{name} · {result.id}" if several else name
        layers.insert(0, add_result(result.path, title, styles.get(result.id, "grey")))
    dock.result_layer = layers[0] if layers else None
    dock.result_layers = layers
    units = outcome.units or estimate
    dock.form.statusLabel.setText(
        tr("Saved {file} ({n} request(s), {units} processing units); request in {json}.").format(
            file=outcome.path.name,
            n=outcome.requests,
            units=f"{units:.3g}",
            json=outcome.request_path.name if outcome.request_path else "",
        )
    )
    log.info(f"Process result {outcome.path} from {outcome.requests} request(s)")
    if outcome.failed:
        text = tr("{n} image(s) failed after retries and are empty in the result: {which}")
        dock.message_bar.pushMessage(
            tr("EO Explorer"),
            text.format(n=len(outcome.failed), which=outcome.failed_text()),
            Qgis.MessageLevel.Warning,
            0,
        )
        for tile, error in outcome.failed:
            log.warning(f"Tile {tile.name} failed: {error}\n{getattr(error, 'details', '')}")
    if outcome.empty:
        dock.message_bar.pushMessage(
            tr("EO Explorer"), tr(EMPTY_RESULT_HINT), Qgis.MessageLevel.Warning, 0
        )
