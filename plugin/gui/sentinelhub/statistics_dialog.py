"""The "EO Explorer – Time series" window: the chart, the numbers, and what to do with them
(CSV file, table layer, join to the polygons)."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Any, Optional

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...api.statistical import csv_text
from ...map.footprints import add_to_project
from ...sentinelhub.statistics import (
    StatisticsOutcome,
    expected_intervals,
    outcome_summary,
    series_points,
)
from ...sentinelhub.statistics_layers import join_to_polygons, table_layer
from ..common.slots import guarded
from .statistics_chart import ChartSeries, TimeSeriesChart


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


class TimeSeriesDialog(QDialog):
    """Shows one :class:`StatisticsOutcome`. ``name`` titles the chart and the layer."""

    def __init__(self, outcome: StatisticsOutcome, name: str, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("timeSeriesDialog")
        self.setWindowTitle(tr("EO Explorer – Time series"))
        self.outcome = outcome
        self.name = name
        self.layer = None  # the table layer, once added
        self.names = outcome.names()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(outcome_summary(outcome), self)
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.band_combo = QComboBox(self)
        for output, band in self.names:
            self.band_combo.addItem(f"{output} · {band}", (output, band))
        self.band_combo.setVisible(len(self.names) > 1)
        top.addWidget(self.band_combo)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.chart = TimeSeriesChart(splitter)
        self.table = QTableWidget(splitter)
        self.table.setObjectName("timeSeriesTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.csv_button = QPushButton(tr("Export CSV…"), self)
        self.layer_button = QPushButton(tr("Add as table layer"), self)
        self.join_button = QPushButton(tr("Join to polygons"), self)
        self.join_button.setToolTip(
            tr(
                "Adds to each polygon the last interval with valid pixels (ts_from, ts_mean, "
                "ts_stdev, ts_valid) and the whole series as JSON (ts_series)."
            )
        )
        self.join_button.setEnabled(self.polygons_layer() is not None)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        for button in (self.csv_button, self.layer_button, self.join_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.csv_button.clicked.connect(self._csv_clicked)
        self.layer_button.clicked.connect(self._layer_clicked)
        self.join_button.clicked.connect(self._join_clicked)
        self.band_combo.currentIndexChanged.connect(self._band_changed)
        self.resize(760, 560)
        self.show_band()

    # -- what is shown -----------------------------------------------------------------

    def current_name(self) -> tuple[str, str]:
        data = self.band_combo.currentData()
        return tuple(data) if data else ("default", "B0")

    def show_band(self) -> None:
        output, band = self.current_name()
        job = self.outcome.job
        expected = expected_intervals(job) if job is not None else []
        series = [
            ChartSeries(s.label, tuple(series_points(s.result, output, band, expected)))
            for s in self.outcome.done
            if s.result is not None  # always, for the series done
        ]
        band_choice = job.band if job is not None else None
        self.chart.set_data(series, band_choice, f"{self.name} · {output} · {band}")
        self._fill_table()

    @guarded
    def _band_changed(self, *_args) -> None:
        self.show_band()

    def _fill_table(self) -> None:
        rows = self.outcome.rows()
        several = len(self.outcome.done) > 1
        header = rows[0] if rows else []
        # one polygon: the polygon and fid columns say nothing
        skip = set() if several else {0, 1}
        columns = [i for i in range(len(header)) if i not in skip]
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels([str(header[i]) for i in columns])
        self.table.setRowCount(max(0, len(rows) - 1))
        for r, row in enumerate(rows[1:]):
            for c, i in enumerate(columns):
                item = QTableWidgetItem(_shown(row[i]))
                if header[i] in ("interval_from", "interval_to"):
                    item.setText(str(row[i])[:10])  # the day; the time is in the tooltip
                    item.setToolTip(str(row[i]))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def table_values(self) -> list[list[str]]:
        """The table as shown (header first)."""
        header = [
            self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())
        ]
        out = [header]
        for r in range(self.table.rowCount()):
            out.append([self.table.item(r, c).text() for c in range(self.table.columnCount())])
        return out

    # -- what to do with it ------------------------------------------------------------

    def csv_content(self) -> str:
        """One area: the Statistical API's CSV; several: the same columns after ``polygon``
        and ``fid``."""
        job = self.outcome.job
        percentiles = job.percentiles if job is not None else ()
        done = self.outcome.done
        if len(done) == 1 and done[0].fid is None:
            return csv_text(done[0].result, percentiles)  # type: ignore[arg-type]
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(self.outcome.rows())
        return buffer.getvalue()

    def export_csv(self, path: str) -> Path:
        target = Path(path)
        if target.suffix.lower() != ".csv":
            target = target.with_suffix(".csv")
        partial = target.with_name(target.name + ".part")
        partial.write_text(self.csv_content(), encoding="utf-8")
        partial.replace(target)
        self.status.setText(tr("Saved {file}.").format(file=str(target)))
        return target

    @guarded
    def _csv_clicked(self, *_args) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export the time series"), f"{_safe(self.name)}.csv", tr("CSV (*.csv)")
        )
        if path:
            self.export_csv(path)

    def add_table_layer(self):
        layer = table_layer(self.outcome, self.name)
        add_to_project(layer)
        self.layer = layer
        self.status.setText(
            tr("Added the table layer {name} ({n} rows).").format(
                name=layer.name(), n=layer.featureCount()
            )
        )
        return layer

    @guarded
    def _layer_clicked(self, *_args) -> None:
        self.add_table_layer()

    def polygons_layer(self):
        job = self.outcome.job
        if job is None or not job.layer_id:
            return None
        return QgsProject.instance().mapLayer(job.layer_id)

    def join(self) -> int:
        layer = self.polygons_layer()
        if layer is None:
            raise ValueError(tr("The polygons layer of these statistics is no longer there."))
        output, band = self.current_name()
        count = join_to_polygons(self.outcome, layer, output, band)
        self.status.setText(
            tr("Wrote the series of {n} polygon(s) to {layer} (fields ts_*).").format(
                n=count, layer=layer.name()
            )
        )
        return count

    @guarded
    def _join_clicked(self, *_args) -> None:
        try:
            self.join()
        except ValueError as exc:
            self.status.setText(str(exc))


def _shown(value: Any) -> str:
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.6g}"
    return str(value)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("_") or "series"
