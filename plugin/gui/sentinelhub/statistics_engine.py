"""The Process dock's "Time series (Statistical API)" engine.

Same form as an image (collection, dates, data options, evalscript, area, resolution);
its own options: the aggregation interval, the band drawn around the mean, and what
happens to a last interval that does not fit the dates. The area is the form's: the map
extent, the drawn polygon, or the selected polygons, each of them its own request and its
own series (joined back to its feature). The result opens in the "EO Explorer – Time
series" window (chart, table, CSV, table layer, join).
"""

from __future__ import annotations

from typing import Any, Optional

from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from ...api.errors import EOExplorerError
from ...api.process_client import ProcessClient
from ...api.statistical import (
    DATA_MASK_MISSING,
    LAST_INTERVAL,
    StatisticalClient,
    declares_data_mask,
    intervals_of,
)
from ...core import log
from ...sentinelhub.areas import make_area
from ...sentinelhub.statistics import (
    BANDS,
    INTERVALS,
    PolygonArea,
    PolygonDone,
    SlowingDown,
    StatisticsJob,
    StatisticsOutcome,
    outcome_summary,
    statistics_task,
)
from ..common.messages import account_refused
from ..common.slots import call
from .engines import Engine
from .run import layer_name

#: a preset and its version with a dataMask output, chosen when the engine is
STATISTICAL_TWINS = {"ndvi": "ndvi_statistics", "ndwi": "ndwi_statistics"}


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


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
        self.dialog = None  # the last time-series window
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
        for combo in (self.interval_combo, self.last_combo):
            combo.currentIndexChanged.connect(self.dock.schedule_estimate)
        self.dock.engine_combo.currentIndexChanged.connect(
            lambda *_a: call(self.dock, self._chosen)
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
        return tr("Time series: {n} interval(s) for {a} area(s), one request per area.").format(
            n=count, a=areas
        )

    # -- running -------------------------------------------------------------------------

    def start(self) -> None:
        dock = self.dock
        request = dock.run_request()
        job = self.statistics_job(request)
        problems = job.problems()
        if problems:
            raise ValueError(" ".join(problems))
        endpoint = request.endpoint
        try:
            http = dock.sign_in(endpoint)
        except EOExplorerError as exc:
            dock.show_error(exc)
            dock.offer_accounts(endpoint.account)
            return
        client = StatisticalClient.for_endpoint(
            ProcessClient(http, endpoint.process_url), endpoint.url
        )
        task = statistics_task(job, client)
        name = layer_name(
            job.options.collection, request.script, job.options.start, job.options.end
        )
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
        self.dialog = TimeSeriesDialog(outcome, name, self.dock.canvas.window())
        self.dialog.show()

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
