"""The Process dock's "Time series (Statistical API)" engine.

Same form as an image (collection, dates, data options, evalscript, area, resolution);
its own options: the aggregation interval, the band drawn around the mean, and what
happens to a last interval that does not fit the dates. The area is the form's: the map
extent, the drawn polygon, or the selected polygons, each of them its own request and its
own series (joined back to its feature). The result opens in the "EO Explorer – Time
series" window (chart, table, CSV, table layer, join).

Several polygons and a bucket folder: one Batch Statistical request for all of them (the
polygons go to the bucket, Sentinel Hub writes each one's statistics there), through an
IAM role ARN or, only when the user ticks the box, the bucket account's keys. An account
without Batch Statistical (403) falls back to one request per polygon, said in the message
bar. Without a bucket folder: one request per polygon.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Optional

from osgeo import ogr, osr
from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from ...api.accounts import Credentials, s3_account
from ...api.async_process import Delivery, folder_problem, role_problem
from ...api.batch_statistical_client import BatchStatisticalClient
from ...api.errors import CredentialsRequired, EOExplorerError
from ...api.process_client import ProcessClient
from ...api.statistical import (
    DATA_MASK_MISSING,
    LAST_INTERVAL,
    StatisticalClient,
    declares_data_mask,
    intervals_of,
)
from ...core import log, settings
from ...sentinelhub.areas import make_area
from ...sentinelhub.async_process import bucket_keys
from ...sentinelhub.batch_statistics import (
    BatchStatisticsJob,
    BatchStatisticsOutcome,
    batch_statistics_task,
)
from ...sentinelhub.statistics import (
    BANDS,
    INTERVALS,
    PolygonArea,
    PolygonDone,
    Series,
    SlowingDown,
    StatisticsJob,
    StatisticsOutcome,
    outcome_summary,
    statistics_task,
)
from ..common.messages import account_refused
from ..common.slots import call
from .delivery import DeliveryOptions
from .engines import Engine
from .run import layer_name

if TYPE_CHECKING:
    from .statistics_dialog import TimeSeriesDialog

#: a preset and its version with a dataMask output, chosen when the engine is
STATISTICAL_TWINS = {"ndvi": "ndvi_statistics", "ndwi": "ndwi_statistics"}


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


def _wkt_in(polygon: PolygonArea, epsg: int) -> str:
    """The polygon as WKT in EPSG:``epsg`` (its bounding box when it has no geometry)."""
    area = polygon.area
    if area.geometry is not None:
        geometry = ogr.CreateGeometryFromJson(json.dumps(area.geometry))
    else:
        x0, y0, x1, y1 = area.bbox
        geometry = ogr.CreateGeometryFromWkt(
            f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"
        )
    if area.epsg != epsg:
        source, target = osr.SpatialReference(), osr.SpatialReference()
        for ref, code in ((source, area.epsg), (target, epsg)):
            ref.ImportFromEPSG(code)
            ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        geometry.Transform(osr.CoordinateTransformation(source, target))
    return str(geometry.ExportToWkt())


def batch_job_of(
    job: StatisticsJob, folder: str, keys: Credentials, role: str, share_keys: bool
) -> BatchStatisticsJob:
    """The time-series job as one Batch Statistical request: every polygon in the first
    one's CRS (the form's resolution is in its units), the same data, interval,
    resolution and percentiles."""
    epsg = job.polygons[0].area.epsg
    features = [(int(p.fid if p.fid is not None else n), _wkt_in(p, epsg))
                for n, p in enumerate(job.polygons)]  # fmt: skip
    statistics = job.request(job.polygons[0])
    return BatchStatisticsJob(
        features=features,
        epsg=epsg,
        statistics=statistics,
        folder=folder,
        keys=keys,
        iam_role_arn=role,
        share_keys=share_keys,
    )


def statistics_outcome(job: StatisticsJob, batch: BatchStatisticsOutcome) -> StatisticsOutcome:
    """A Batch Statistical outcome in the shape of the one-request-per-polygon one (the
    Time series window shows either)."""
    labels = {p.fid: p.label for p in job.polygons}
    outcome = StatisticsOutcome(job=job, requests=1, cancelled=batch.cancelled, error=batch.error)
    for fid, result in batch.series:
        outcome.series.append(Series(labels.get(fid, str(fid)), fid, result=result))
    for fid, sentence in batch.failed:
        outcome.series.append(
            Series(labels.get(fid, str(fid)), fid, error=EOExplorerError(sentence))
        )
    if outcome.error is None and not outcome.done and outcome.failed:
        outcome.error = outcome.failed[0].error
    return outcome


def band_label(band: Optional[tuple[float, float]]) -> str:
    if band is None:
        return tr("mean ± standard deviation")
    return tr("{low}–{high} % percentiles").format(
        low=f"{band[0] * 100:g}", high=f"{band[1] * 100:g}"
    )


class StatisticsEngine(Engine):
    """Statistics per interval (Sentinel Hub Statistical API), as a chart and a table."""

    key = "statistical"

    def __init__(self, dock: Any) -> None:
        super().__init__(dock)
        self.dialog: Optional[TimeSeriesDialog] = None  # the last time-series window
        self.outcome: Optional[StatisticsOutcome] = None

    def title(self) -> str:
        return tr("Time series (Statistical API)")

    def run_text(self) -> str:
        return tr("Compute time series")

    def make_options(self, parent: QWidget) -> Optional[QWidget]:
        widget = QWidget(parent)
        widget.setObjectName("statisticsOptions")
        form = QFormLayout(widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.interval_combo = QComboBox(widget)
        self.interval_combo.setObjectName("statisticsInterval")
        for duration, label in INTERVALS:
            self.interval_combo.addItem(tr(label), duration)
        self.interval_combo.setCurrentIndex(2)  # 10 days: about one clear Sentinel-2 view
        self.band_combo = QComboBox(widget)
        self.band_combo.setObjectName("statisticsBand")
        for band in BANDS:
            self.band_combo.addItem(band_label(band), band)
        self.last_combo = QComboBox(widget)
        self.last_combo.setObjectName("statisticsLastInterval")
        for value, label in zip(
            LAST_INTERVAL,
            (
                tr("left out when it does not fit the dates"),
                tr("shortened to the end date"),
                tr("extended past the end date"),
            ),
        ):
            self.last_combo.addItem(label, value)
        self.mask_label = QLabel(widget)
        self.mask_label.setWordWrap(True)
        self.mask_label.setText(
            tr(
                "The Statistical API counts only the pixels where the evalscript's dataMask "
                'output is 1 (clouds and no data left out): choose a preset "with dataMask" '
                "or add such an output to your script. The resolution is the form's."
            )
        )
        # The form's end is the last second of its day, so the last whole interval is
        # always a second short: SKIP (the API's default) would drop it.
        self.last_combo.setCurrentIndex(self.last_combo.findData("SHORTEN"))
        form.addRow(tr("Interval"), self.interval_combo)
        form.addRow(tr("Band"), self.band_combo)
        form.addRow(tr("Last interval"), self.last_combo)
        form.addRow(self.mask_label)
        self.delivery = DeliveryOptions(
            "statistics",
            settings.Key.STATISTICS_BUCKET_FOLDER,
            settings.Key.STATISTICS_IAM_ROLE,
            folder_tip=tr(
                "With several polygons selected: one Batch Statistical request for all of "
                "them, the polygons and results in this bucket folder (its account under "
                "Accounts…). Empty: one request per polygon."
            ),
            role_tip=tr(
                "An IAM role Sentinel Hub may assume to read and write the bucket: no key "
                "leaves QGIS."
            ),
            keys_tip=tr(
                "Sends the access and secret key of the bucket's account to Sentinel Hub "
                "with the request, so that it can read the polygons and write the results. "
                "Without an IAM role, Sentinel Hub needs them."
            ),
            optional_folder=True,
            keys_full_width=True,
            parent=widget,
        )
        form.addRow(self.delivery)
        self.delivery.bucketEdit.textChanged.connect(self.dock.schedule_estimate)
        for combo in (self.interval_combo, self.last_combo):
            combo.currentIndexChanged.connect(self.dock.schedule_estimate)
        self.dock.engine_combo.currentIndexChanged.connect(
            lambda *_a: call(self.dock, self._chosen)
        )
        # A preset chosen while this engine is on: its dataMask version, once the dock has
        # put the chosen script in the editor.
        self.dock.form.presetCombo.activated.connect(
            lambda *_a: QTimer.singleShot(0, lambda: call(self.dock, self._chosen))
        )
        return widget

    # -- the form, as this engine reads it -----------------------------------------------

    def _chosen(self) -> None:
        """Chosen: a preset without dataMask is swapped for its statistical version."""
        if self.dock.current_engine() is not self:
            return
        preset = self.dock.current_preset()
        twin = STATISTICAL_TWINS.get(preset.id) if preset is not None else None
        if twin and self.dock.editor.text() == preset.text():
            self.dock.use_preset(twin)
        self.dock.schedule_estimate()

    def interval(self) -> str:
        return str(self.interval_combo.currentData())

    def band(self) -> Optional[tuple[float, float]]:
        data = self.band_combo.currentData()
        return tuple(data) if data else None

    def last_interval(self) -> str:
        return str(self.last_combo.currentData())

    def selected_layer(self):
        f = self.dock.form
        if f.footprintRadio.isChecked():
            return self.dock.footprint_layer()
        if f.selectionRadio.isChecked():
            return self.dock.layer_combo.currentLayer()
        return None

    def polygons(self, area) -> tuple[tuple[PolygonArea, ...], str]:
        """The polygons to ask for, and their layer's id ("" for an extent or a drawing)."""
        layer = self.selected_layer()
        if layer is None or layer.selectedFeatureCount() < 1:
            return (PolygonArea(tr("area"), area),), ""
        f = self.dock.form
        target = None if f.utmRadio.isChecked() else self.dock.crs_widget.crs()
        context = QgsProject.instance().transformContext()
        expression = QgsExpression(layer.displayExpression())
        expression_context = QgsExpressionContext(
            QgsExpressionContextUtils.globalProjectLayerScopes(layer)
        )
        out = []
        for feature in sorted(layer.selectedFeatures(), key=lambda f: f.id()):
            if not feature.hasGeometry():
                continue
            expression_context.setFeature(feature)
            name = expression.evaluate(expression_context)
            label = str(name) if name not in (None, "") else f"{layer.name()} {feature.id()}"
            polygon_area = make_area(feature.geometry(), layer.crs(), target, context, clip=True)
            out.append(PolygonArea(label, polygon_area, feature.id()))
        return tuple(out), layer.id()

    def statistics_job(self, request) -> StatisticsJob:
        job = request.job
        polygons, layer_id = self.polygons(job.area)
        return StatisticsJob(
            options=job.options,
            interval=self.interval(),
            polygons=polygons,
            resolution=(abs(job.grid.px), abs(job.grid.py)),
            last_interval=self.last_interval(),
            band=self.band(),
            layer_id=layer_id,
        )

    def estimate(self, job: Any) -> Optional[str]:
        if self.dock.current_engine() is not self:
            return None
        if declares_data_mask(job.options.evalscript) is False:
            return tr(DATA_MASK_MISSING)
        try:
            count = len(
                intervals_of(
                    job.options.start, job.options.end, self.interval(), self.last_interval()
                )
            )
        except ValueError:
            return None
        layer = self.selected_layer()
        areas = max(1, layer.selectedFeatureCount()) if layer is not None else 1
        if areas > 1 and self.bucket_folder():
            return tr(
                "Time series: {n} interval(s) for {a} area(s), one Batch Statistical request "
                "(results through the bucket folder)."
            ).format(n=count, a=areas)
        return tr("Time series: {n} interval(s) for {a} area(s), one request per area.").format(
            n=count, a=areas
        )

    def bucket_folder(self) -> str:
        return self.delivery.folder() if self._widget is not None else ""

    # -- running -------------------------------------------------------------------------

    def start(self) -> None:
        dock = self.dock
        request = dock.run_request()
        job = self.statistics_job(request)
        problems = job.problems()
        if problems:
            raise ValueError(" ".join(problems))
        folder = self.bucket_folder()
        batch = None
        if len(job.polygons) > 1 and folder:
            role = self.delivery.role()
            problem = folder_problem(folder) or role_problem(role)
            if problem:
                raise ValueError(problem)
            self.delivery.remember()
            try:
                keys = bucket_keys(folder)
            except CredentialsRequired as exc:
                bucket = Delivery(folder).bucket
                dock.show_error(
                    CredentialsRequired(
                        tr(
                            "Set up the account of the bucket {bucket} under Accounts… "
                            "(endpoint, region and keys): the polygons go there and the "
                            "statistics are read from there."
                        ).format(bucket=bucket),
                        details=exc.details,
                    )
                )
                dock.offer_accounts(s3_account(bucket))
                return
            batch = batch_job_of(job, folder, keys, role, self.delivery.share_keys())
        endpoint = request.endpoint
        try:
            http = dock.sign_in(endpoint)
        except EOExplorerError as exc:
            dock.show_error(exc)
            dock.offer_accounts(endpoint.account)
            return
        process = ProcessClient(http, endpoint.process_url)
        client = StatisticalClient.for_endpoint(process, endpoint.url)
        name = layer_name(
            job.options.collection, request.script, job.options.start, job.options.end
        )
        if batch is not None:
            self._start_batch(job, batch, BatchStatisticalClient(process, endpoint.url), client,
                              name, endpoint)  # fmt: skip
            return
        self._start_each(job, client, name, endpoint)

    #: seconds between two looks at a Batch Statistical request (tests make it short)
    poll_seconds: Optional[float] = None

    def _start_batch(self, job, batch: BatchStatisticsJob, batch_client, client, name,
                     endpoint) -> None:  # fmt: skip
        dock = self.dock
        if self.poll_seconds is not None:
            batch.poll_seconds = self.poll_seconds
        task = batch_statistics_task(
            batch, batch_client, "EO Explorer: Sentinel Hub batch statistics"
        )
        task.reported.connect(lambda payload: call(dock, self._batch_reported, payload))
        task.completed.connect(
            lambda outcome, t=task: call(
                dock, self._batch_completed, t, outcome, job, client, name, endpoint
            )
        )
        dock.task = task
        dock.set_running(
            True,
            tr("Asking {host} for the statistics of {n} area(s) in one batch request…").format(
                host=endpoint.title, n=len(job.polygons)
            ),
        )
        QgsApplication.taskManager().addTask(task)

    def _batch_completed(self, task, batch: BatchStatisticsOutcome, job, client, name,
                         endpoint) -> None:  # fmt: skip
        dock = self.dock
        if task is not dock.task:
            return
        if batch.not_allowed:
            dock.task = None
            dock.show_warning(
                tr(
                    "This account has no Batch Statistical API: the statistics are computed "
                    "with one request per polygon instead."
                )
            )
            log.info(f"Batch Statistical refused ({batch.error}); one request per polygon")
            self._start_each(job, client, name, endpoint)
            return
        if batch.request_id:
            log.info(
                f"Batch Statistical request {batch.request_id}; results in {batch.results_url}"
            )
        self._completed(task, statistics_outcome(job, batch), name, endpoint.account)

    def _batch_reported(self, payload) -> None:
        status = getattr(payload, "status", "")
        if not status:
            return
        text = tr("Batch Statistical request: {state}").format(state=tr(payload.describe()))
        if status == "PROCESSING" and payload.completion is not None:
            self.dock.show_progress(int(payload.completion), text)
        else:
            self.dock.show_status(text)

    def _start_each(self, job, client, name, endpoint) -> None:
        dock = self.dock
        task = statistics_task(job, client)
        task.reported.connect(lambda payload: call(dock, self._reported, payload))
        task.completed.connect(
            lambda outcome, t=task: call(dock, self._completed, t, outcome, name, endpoint.account)
        )
        dock.task = task
        dock.set_running(
            True,
            tr("Asking {host} for the statistics of {n} area(s)…").format(
                host=endpoint.title, n=len(job.polygons)
            ),
        )
        QgsApplication.taskManager().addTask(task)

    def _reported(self, payload) -> None:
        if isinstance(payload, PolygonDone):
            self.dock.show_progress(
                int(100 * payload.done / max(1, payload.total)),
                tr("{done} of {total} area(s) done").format(done=payload.done, total=payload.total),
            )
        elif isinstance(payload, SlowingDown):
            self.dock.show_status(
                tr(
                    "Sentinel Hub asked to slow down: waiting {s} s before the next request…"
                ).format(s=f"{payload.seconds:.1f}")
            )

    def _completed(self, task, outcome: StatisticsOutcome, name: str, account: str) -> None:
        dock = self.dock
        if task is not dock.task:
            return
        dock.task = None
        self.outcome = outcome
        if outcome.error is not None:
            dock.set_running(False, tr("The statistics failed."))
            dock.show_error(outcome.error)
            if account_refused(outcome.error):
                dock.offer_accounts(account)
        elif outcome.cancelled:
            kept = len(outcome.done)
            dock.set_running(
                False,
                tr("Cancelled after {n} area(s).").format(n=kept) if kept else tr("Cancelled."),
            )
            if kept:
                self.show(outcome, name)
        else:
            dock.set_running(False, outcome_summary(outcome))
            if outcome.empty:
                dock.show_warning(outcome_summary(outcome))
            else:
                self.show(outcome, name)
            for series in outcome.failed:
                log.warning(f"Statistics of {series.label} failed: {series.error}")
        dock.job_finished(outcome, None)

    def show(self, outcome: StatisticsOutcome, name: str) -> None:
        from .statistics_dialog import TimeSeriesDialog

        if self.dialog is not None:
            self.dialog.close()
        dialog = self.dialog = TimeSeriesDialog(outcome, name, self.dock.canvas.window())
        dialog.show()

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
