"""The Process dock's "Large area (Batch Processing API)" engine.

Run = Analyse: the form becomes a batch request, Sentinel Hub cuts the area on the chosen
tiling grid and estimates the cost; the dock says "N tiles, about X processing units" and
asks before starting (starting costs units). Then it follows the request (tiles done /
total), names failed tiles, and loads the tiles Sentinel Hub wrote to the bucket as one
mosaic layer (a VRT of ``/vsis3/`` COGs, read with the bucket's S3 account, scoped to that
bucket). The "Batch requests" table lists the account's requests with Refresh, Start,
Stop and Load mosaic.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Optional

from osgeo import osr
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...api.accounts import s3_account
from ...api.batch_process import (
    TILING_GRIDS,
    BatchClient,
    BatchRequest,
    batch_body,
    batch_job,
    check_grid,
    find_grid,
    split_s3_url,
    status_text,
)
from ...api.errors import CredentialsRequired, EOExplorerError
from ...api.evalscripts import check_evalscript, guess_style
from ...api.process import check_endpoint
from ...core import log, settings
from ...core.tasks import WorkflowTask
from ...sentinelhub import batch_process as workflow
from ...sentinelhub.styles import add_result
from ..common.slots import call, guarded
from .batch_requests import BatchRequestsTable
from .engines import Engine

Key = settings.Key


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


def tiles_about(area: Any, grid: Any) -> int:
    """About how many of the grid's tiles (squares of ``grid.tile_size`` in its unit) the
    area's bounding box covers: metres of a projected area as they are, degrees as metres
    at the box's middle latitude (and back for a grid in degrees)."""
    x0, y0, x1, y1 = area.bbox
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(int(area.epsg))
    ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    width, height = abs(x1 - x0), abs(y1 - y0)
    metres = 111_320.0  # a degree of latitude
    if ref.IsGeographic():
        latitude = (y0 + y1) / 2
    else:
        to_wgs84 = osr.SpatialReference()
        to_wgs84.ImportFromEPSG(4326)
        to_wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        _x, latitude, _z = osr.CoordinateTransformation(ref, to_wgs84).TransformPoint(
            (x0 + x1) / 2, (y0 + y1) / 2
        )
    shrink = max(0.01, math.cos(math.radians(latitude)))
    if ref.IsGeographic() and grid.unit != "DEGREE":
        width, height = width * metres * shrink, height * metres
    elif not ref.IsGeographic() and grid.unit == "DEGREE":
        width, height = width / (metres * shrink), height / metres
    return max(1, math.ceil(width / grid.tile_size)) * max(1, math.ceil(height / grid.tile_size))


class BatchEngine(Engine):
    """Large areas on Sentinel Hub's own engine: analyse, confirm, follow, mosaic."""

    key = "batch"
    #: seconds between two reads of a request's state (tests make it short)
    poll_seconds = workflow.POLL_SECONDS

    def __init__(self, dock: Any) -> None:
        super().__init__(dock)
        self.client: Optional[BatchClient] = None
        self.list_task: Optional[WorkflowTask] = None
        self.mosaic_layer = None
        self.last_outcome: Optional[workflow.BatchOutcome] = None
        self._style = "grey"

    def title(self) -> str:
        return tr("Large area (Batch Processing API)")

    def run_text(self) -> str:
        return tr("Analyse (cost and tiles)")

    # -- options ----------------------------------------------------------------------------
    def make_options(self, parent: QWidget) -> Optional[QWidget]:
        box = QGroupBox(tr("Batch Processing"), parent)
        box.setObjectName("batchOptions")
        outer = QVBoxLayout(box)
        form = QFormLayout()
        self.grid_combo = QComboBox(box)
        for grid in TILING_GRIDS:
            self.grid_combo.addItem(grid.label(), grid.id)
        self.resolution_combo = QComboBox(box)
        self.folder_edit = QLineEdit(box)
        self.folder_edit.setPlaceholderText("s3://bucket/folder")
        self.folder_edit.setText(settings.get(Key.BATCH_FOLDER))
        for combo in (self.grid_combo, self.resolution_combo):  # never wider than the dock
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        form.addRow(tr("Tiling grid"), self.grid_combo)
        form.addRow(tr("Resolution"), self.resolution_combo)
        form.addRow(tr("Bucket folder"), self.folder_edit)
        outer.addLayout(form)
        note = QLabel(
            tr(
                "Sentinel Hub writes the tiles into the bucket through the bucket's policy: "
                "no key is sent to it. QGIS reads the tiles with the bucket's S3 account "
                "(Accounts…), for that bucket only."
            ),
            box,
        )
        note.setWordWrap(True)
        outer.addWidget(note)
        self.requests = BatchRequestsTable(box)
        outer.addWidget(self.requests)
        grid_index = self.grid_combo.findData(settings.get(Key.BATCH_GRID))
        self.grid_combo.setCurrentIndex(max(0, grid_index))
        self._fill_resolutions()
        wanted = settings.get(Key.BATCH_RESOLUTION)
        index = next(
            (i for i in range(self.resolution_combo.count())
             if abs(self.resolution_combo.itemData(i) - wanted) < 1e-12), 0
        )  # fmt: skip
        self.resolution_combo.setCurrentIndex(index)
        self.grid_combo.currentIndexChanged.connect(self._grid_changed)
        self.requests.refresh_button.clicked.connect(self.refresh)
        self.requests.start_button.clicked.connect(self._start_selected)
        self.requests.stop_button.clicked.connect(self._stop_selected)
        self.requests.mosaic_button.clicked.connect(self._mosaic_selected)
        self.requests.restart_button.clicked.connect(self._restart_selected)
        return box

    def _fill_resolutions(self) -> None:
        grid = find_grid(self.grid_combo.currentData())
        self.resolution_combo.clear()
        if grid is None:
            return
        unit = "°" if grid.unit == "DEGREE" else " m"
        for resolution in grid.resolutions:
            pixels = grid.tile_pixels(resolution)
            self.resolution_combo.addItem(
                f"{resolution:g}{unit} ({pixels} x {pixels} px tiles)", resolution
            )

    @guarded
    def _grid_changed(self, *_args) -> None:
        self._fill_resolutions()
        self.dock.schedule_estimate()

    def choose(self, grid_id: int, resolution: float, folder: str) -> None:
        """Set the options as the user would (tests, scripting)."""
        self.options_widget()
        self.grid_combo.setCurrentIndex(self.grid_combo.findData(grid_id))
        for i in range(self.resolution_combo.count()):
            if abs(self.resolution_combo.itemData(i) - resolution) < 1e-12:
                self.resolution_combo.setCurrentIndex(i)
        self.folder_edit.setText(folder)

    def estimate_text(self) -> Optional[str]:
        """Batch's own line: the tiling grid, its resolution and tiles, and about how many
        tiles cover the area. The Process plan's limits (requests of up to 2500 px, at most
        400 of them) do not apply: Sentinel Hub cuts the area on its grid."""
        if self._widget is None:
            return None
        dock = self.dock
        check_evalscript(dock.editor.text())
        options = dock.options()
        check_endpoint(options.collection, dock.current_endpoint().id)
        area = dock.area()
        grid = find_grid(self.grid_combo.currentData())
        resolution = self.resolution_combo.currentData()
        if grid is None or resolution is None:
            return None
        unit = "°" if grid.unit == "DEGREE" else " m"
        pixels = grid.tile_pixels(float(resolution))
        return tr(
            "Batch: {grid} at {res}{unit} ({px} x {px} px tiles), about {n} tile(s) for this "
            "area; Analyse asks Sentinel Hub for the tile count and cost, nothing is processed "
            "before you confirm."
        ).format(
            grid=grid.name, res=f"{float(resolution):g}", unit=unit, px=pixels,
            n=tiles_about(area, grid),
        )  # fmt: skip

    # -- the run ----------------------------------------------------------------------------
    def _client(self) -> BatchClient:
        endpoint = self.dock.current_endpoint()
        self.client = BatchClient(self.dock.sign_in(endpoint), endpoint.url)
        return self.client

    def start(self) -> None:
        dock = self.dock
        info = check_evalscript(dock.editor.text())
        options = dock.options()
        check_endpoint(options.collection, dock.current_endpoint().id)
        job = batch_job(options, info, dock.area())
        endpoint = dock.current_endpoint()
        grid_id = int(self.grid_combo.currentData())
        resolution = float(self.resolution_combo.currentData())
        folder = self.folder_edit.text().strip()
        check_grid(grid_id, resolution)
        split_s3_url(folder)
        settings.set(Key.BATCH_FOLDER, folder)
        settings.set(Key.BATCH_GRID, grid_id)
        settings.set(Key.BATCH_RESOLUTION, resolution)
        script = dock.script_name or "custom"
        description = f"{options.collection} · {script} · EO Explorer"
        body = batch_body(job, grid_id, resolution, folder, description)
        try:
            client = self._client()
        except EOExplorerError as exc:
            self.dock.show_error(exc)
            self.dock.offer_accounts(endpoint.account)
            return
        self._style = dock.style(info)
        poll = self.poll_seconds
        task = workflow.batch_task(
            "EO Explorer: Sentinel Hub batch analysis",
            lambda progress: workflow.create_and_analyse(client, body, progress, poll),
        )
        self._run(task, tr("Creating the batch request and asking for its cost…"), self._analysed)

    def _run(self, task, status: str, done) -> None:
        task.reported.connect(lambda payload: call(self.dock, self._reported, payload))
        task.completed.connect(
            lambda outcome, t=task: call(self.dock, self._ended, t, outcome, done)
        )
        self.dock.task = task
        self.dock.set_running(True, status)
        QgsApplication.taskManager().addTask(task)

    def _ended(self, task, outcome: workflow.BatchOutcome, done) -> None:
        if task is not self.dock.task:
            return
        self.dock.task = None
        self.last_outcome = outcome
        if outcome.request is not None:
            self._remember(outcome.request)
        if outcome.cancelled:
            self.dock.set_running(
                False,
                tr("No longer following the request; it goes on at Sentinel Hub (see Batch "
                   "requests)."),
            )  # fmt: skip
            self.dock.job_finished(outcome, None)
            return
        if outcome.error is not None:
            self.dock.set_running(False, tr("The batch request failed."))
            self.dock.show_error(outcome.error)
            self.dock.job_finished(outcome, None)
            return
        self.dock.set_running(False, None)
        done(outcome)

    def _reported(self, payload) -> None:
        if not isinstance(payload, workflow.BatchState):
            return
        request = payload.request
        self._remember(request)
        if payload.total and request.status == "PROCESSING":
            self.dock.show_progress(
                int(100 * payload.done / payload.total),
                tr("Processing: {done} of {total} tile(s) done.").format(
                    done=payload.done, total=payload.total
                ),
            )
        else:
            self.dock.show_status(tr(status_text(request.status)))

    def _remember(self, request: BatchRequest) -> None:
        known = [r for r in self.requests.requests if r.id != request.id]
        self.requests.fill([request, *known])
        self.requests.select(request.id)

    def _analysed(self, outcome: workflow.BatchOutcome) -> None:
        request = outcome.request
        assert request is not None
        text = tr("Analysed: {estimate}.").format(estimate=request.estimate_text())
        self.dock.show_status(text)
        if self.confirm_start(request):
            self.follow(request, start=True)
        else:
            self.dock.show_status(
                text + " " + tr("Not started: start it from Batch requests when you want.")
            )
            self.dock.job_finished(outcome, None)

    def confirm_start(self, request: BatchRequest) -> bool:
        """Ask before anything is paid for."""
        answer = QMessageBox.question(
            self.dock,
            tr("Start the batch request?"),
            tr(
                "Sentinel Hub estimates {estimate}.\n\nStart processing now? The processing "
                "units are charged to your account."
            ).format(estimate=request.estimate_text()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def follow(self, request: BatchRequest, start: bool, action: str = "start") -> None:
        client = self.client or self._client()
        poll = self.poll_seconds
        task = workflow.batch_task(
            "EO Explorer: Sentinel Hub batch processing",
            lambda progress: workflow.start_and_follow(
                client, request.id, progress, poll, start, action
            ),
        )
        self._run(task, tr("Starting the batch request…"), self._processed)

    def _processed(self, outcome: workflow.BatchOutcome) -> None:
        request = outcome.request
        assert request is not None
        if request.status == "PARTIAL":
            self.dock.show_warning(
                tr("{n} tile(s) failed and are missing from the mosaic: {which}").format(
                    n=len(outcome.failed_tiles), which=outcome.failed_text()
                )
            )
        if request.has_results:
            self.load_mosaic(request, outcome)
        else:
            self.dock.show_status(tr(request.sentence()))
            self.dock.job_finished(outcome, None)

    # -- the mosaic -------------------------------------------------------------------------
    def load_mosaic(self, request: BatchRequest, previous=None) -> None:
        bucket, _prefix = request.folder()
        try:
            options = workflow.bucket_keys_ready(bucket)
        except CredentialsRequired as exc:
            self.dock.show_error(exc)
            self.dock.offer_accounts(s3_account(bucket))
            self.dock.job_finished(previous or workflow.BatchOutcome(request=request), None)
            return
        process = request.raw.get("processRequest") or {}
        responses = (process.get("output") or {}).get("responses") or [{}]
        output_id = str(responses[0].get("identifier") or "default")
        style = self._style
        if previous is None:
            try:
                style = guess_style(check_evalscript(str(process.get("evalscript") or "")))
            except (ValueError, EOExplorerError):
                style = "grey"
        folder = Path(self.dock.folder_widget.filePath().strip() or ".")
        vrt = folder / f"batch_{request.id}_{output_id}.vrt"
        failed = previous.failed_tiles if previous is not None else []
        task = workflow.batch_task(
            "EO Explorer: batch mosaic",
            lambda progress: workflow.build_mosaic(request, output_id, vrt, progress, options),
        )

        def loaded(outcome: workflow.BatchOutcome) -> None:
            outcome.failed_tiles = failed
            name = f"{request.description or request.id} · {output_id} (batch mosaic)"
            layer = add_result(outcome.mosaic, name, style)  # type: ignore[arg-type]
            self.mosaic_layer = layer
            self.dock.show_status(
                tr("Mosaic of {n} tile(s) from s3://{bucket} loaded ({state}).").format(
                    n=len(outcome.tiles), bucket=bucket, state=request.status
                )
            )
            if outcome.skipped:
                self.dock.show_warning(
                    tr("{n} tile(s) in another CRS are not in the mosaic.").format(
                        n=len(outcome.skipped)
                    )
                )
            log.info(f"Batch mosaic {outcome.mosaic} of {len(outcome.tiles)} tile(s)")
            self.dock.job_finished(outcome, [layer])

        self._run(task, tr("Reading the tiles from the bucket…"), loaded)

    # -- the table's buttons ----------------------------------------------------------------
    @guarded
    def refresh(self) -> None:
        if self.list_task is not None:
            return
        client = self._client()
        task = workflow.batch_task(
            "EO Explorer: batch requests",
            lambda progress: workflow.list_requests(client, progress),
        )

        def done(outcome) -> None:
            self.list_task = None
            if outcome.error is not None:
                self.dock.show_error(outcome.error)
                return
            self.requests.fill(outcome.listed)

        task.completed.connect(lambda outcome: call(self.dock, done, outcome))
        self.list_task = task
        QgsApplication.taskManager().addTask(task)

    @guarded
    def _start_selected(self) -> None:
        request = self.requests.selected()
        if request is None or self.dock.task is not None:
            return
        if request.status == "ANALYSIS_DONE" and not self.confirm_start(request):
            return
        if request.status == "CREATED" and not self.confirm_start(request):
            return
        self._style = "grey"
        self.follow(request, start=True)

    @guarded
    def _stop_selected(self) -> None:
        request = self.requests.selected()
        if request is None or self.list_task is not None:
            return
        client = self.client or self._client()
        task = workflow.batch_task(
            "EO Explorer: cancel a batch request",
            lambda progress: workflow.cancel_request(client, request.id, progress),
        )

        def done(outcome) -> None:
            self.list_task = None
            if outcome.error is not None:
                self.dock.show_error(outcome.error)
                return
            self.dock.show_status(tr("Sentinel Hub cancelled the request."))
            self.refresh()

        task.completed.connect(lambda outcome: call(self.dock, done, outcome))
        self.list_task = task
        QgsApplication.taskManager().addTask(task)

    @guarded
    def _restart_selected(self) -> None:
        """PARTIAL: Sentinel Hub processes the failed tiles again (``restartpartial``)."""
        request = self.requests.selected()
        if request is None or request.status != "PARTIAL" or self.dock.task is not None:
            return
        self.follow(request, start=True, action="restartpartial")

    @guarded
    def _mosaic_selected(self) -> None:
        request = self.requests.selected()
        if request is None or not request.has_results or self.dock.task is not None:
            return
        self.load_mosaic(request)

    def shutdown(self) -> None:
        if self.list_task is not None:
            try:
                self.list_task.cancel()
            except RuntimeError:
                pass
        self.list_task = None
