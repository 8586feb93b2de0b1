"""The time-series chart, drawn with QPainter (QtCharts is not installed everywhere).

One line per series (the mean of each interval), a shaded band around it (the percentiles
asked for, else mean ± stDev), gaps where an interval had no valid pixel, dates under the
x axis, values beside the y axis, a legend when there are several series, and the
interval's numbers in a tooltip under the mouse. The geometry (ranges, ticks, gaps) is in
:mod:`plugin.sentinelhub.statistics`, tested without a widget.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...sentinelhub.statistics import Point, nice_ticks, scale, segments, value_range

#: line colours of the series, in order (colour-blind safe)
COLOURS = ("#1f77b4", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02")


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


@dataclass(frozen=True)
class ChartSeries:
    label: str
    points: tuple[Point, ...]


def _seconds(moment: datetime) -> float:
    return moment.timestamp()


class TimeSeriesChart(QWidget):
    """``set_data(series, percentiles, title)``; ``series`` and ``percentiles`` are kept
    as given (tests read them)."""

    MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 14, 26, 40

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeSeriesChart")
        self.series: list[ChartSeries] = []
        self.percentiles: Optional[tuple[float, float]] = None
        self.title = ""
        self.setMouseTracking(True)
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(640, 300)

    def set_data(
        self, series: list[ChartSeries], percentiles: Optional[tuple[float, float]], title: str
    ) -> None:
        self.series, self.percentiles, self.title = list(series), percentiles, title
        self.update()

    # -- geometry ----------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        legend = 18 * ((len(self.series) + 2) // 3) if len(self.series) > 1 else 0
        return QRectF(
            self.MARGIN_LEFT,
            self.MARGIN_TOP,
            max(10, self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT),
            max(10, self.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM - legend),
        )

    def time_range(self) -> tuple[float, float]:
        starts = [_seconds(p.start) for s in self.series for p in s.points]
        ends = [_seconds(p.end) for s in self.series for p in s.points]
        if not starts:
            return (0.0, 1.0)
        return (min(starts), max(ends))

    def y_range(self) -> tuple[float, float]:
        return value_range([s.points for s in self.series], self.percentiles)

    def x_of(self, moment: datetime) -> float:
        r = self.plot_rect()
        return scale(_seconds(moment), self.time_range(), (r.left(), r.right()))

    def y_of(self, value: float) -> float:
        r = self.plot_rect()
        return scale(value, self.y_range(), (r.bottom(), r.top()))

    def line_points(self, index: int) -> list[list[QPointF]]:
        """The mean line of series ``index`` as pieces between gaps (widget pixels)."""
        points = self.series[index].points
        pieces = segments([p.mean for p in points])
        return [
            [QPointF(self.x_of(points[i].middle), self.y_of(points[i].mean or 0.0)) for i in run]
            for run in pieces
        ]

    def nearest(self, x: float) -> Optional[int]:
        """The interval index under the pixel column ``x`` (first series' intervals)."""
        if not self.series or not self.series[0].points:
            return None
        points = self.series[0].points
        distances = [abs(self.x_of(p.middle) - x) for p in points]
        return distances.index(min(distances))

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), self.palette().base())
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        r = self.plot_rect()
        text = self.palette().text().color()
        grid = QColor(text)
        grid.setAlpha(40)
        metrics = QFontMetrics(self.font())
        if self.title:
            painter.setPen(text)
            painter.drawText(
                QRectF(r.left(), 4, r.width(), 18), int(Qt.AlignmentFlag.AlignLeft), self.title
            )
        if not any(s.points for s in self.series):
            painter.setPen(text)
            painter.drawText(r, int(Qt.AlignmentFlag.AlignCenter), tr("No statistics to show."))
            return
        # y axis: ticks, grid lines and values
        low, high = self.y_range()
        for value in nice_ticks(low, high):
            y = self.y_of(value)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            painter.setPen(text)
            label = f"{value:.3g}"
            painter.drawText(
                QRectF(0, y - 8, r.left() - 6, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
        # x axis: dates, as many as fit
        points = max((s.points for s in self.series), key=len)
        label_width = metrics.horizontalAdvance("2024-06-01") + 12
        step = max(1, math.ceil(len(points) * label_width / max(1.0, r.width())))
        painter.setPen(text)
        painter.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
        painter.drawLine(QPointF(r.left(), r.top()), QPointF(r.left(), r.bottom()))
        for i in range(0, len(points), step):
            x = self.x_of(points[i].start)
            painter.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4))
            left = min(max(0.0, x - label_width / 2), self.width() - label_width)
            painter.drawText(
                QRectF(left, r.bottom() + 5, label_width, 16),
                int(Qt.AlignmentFlag.AlignHCenter),
                points[i].start.date().isoformat(),
            )
        # bands, then lines and dots
        for index, series in enumerate(self.series):
            colour = QColor(COLOURS[index % len(COLOURS)])
            fill = QColor(colour)
            fill.setAlpha(50 if len(self.series) == 1 else 30)
            for run in segments([p.mean for p in series.points]):
                bands = [series.points[i].band(self.percentiles) for i in run]
                upper = [
                    QPointF(self.x_of(series.points[i].middle), self.y_of(b[1]))
                    for i, b in zip(run, bands)
                    if b
                ]
                lower = [
                    QPointF(self.x_of(series.points[i].middle), self.y_of(b[0]))
                    for i, b in zip(run, bands)
                    if b
                ]
                if len(upper) == 1:  # a lone interval: a bar from low to high
                    painter.setPen(QPen(colour, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
                    painter.setOpacity(0.35)
                    painter.drawLine(upper[0], lower[0])
                    painter.setOpacity(1.0)
                elif upper:
                    path = QPainterPath()
                    path.addPolygon(QPolygonF(upper + list(reversed(lower))))
                    painter.fillPath(path, fill)
            painter.setPen(QPen(colour, 2))
            for piece in self.line_points(index):
                if len(piece) > 1:
                    painter.drawPolyline(QPolygonF(piece))
                painter.setBrush(colour)
                for point in piece:
                    painter.drawEllipse(point, 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        # gaps: a light mark on the x axis where an interval had no valid pixel
        gap = QColor("#999999")
        for p in points:
            if p.mean is None:
                painter.setPen(QPen(gap, 1, Qt.PenStyle.DashLine))
                x = self.x_of(p.middle)
                painter.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
        if len(self.series) > 1:
            self._legend(painter, r, text)

    def _legend(self, painter: QPainter, r: QRectF, text: QColor) -> None:
        width = r.width() / 3
        top = r.bottom() + 24
        for index, series in enumerate(self.series):
            x = r.left() + (index % 3) * width
            y = top + (index // 3) * 18
            painter.setPen(QPen(QColor(COLOURS[index % len(COLOURS)]), 3))
            painter.drawLine(QPointF(x, y + 8), QPointF(x + 18, y + 8))
            painter.setPen(text)
            painter.drawText(
                QRectF(x + 22, y, width - 24, 16), int(Qt.AlignmentFlag.AlignVCenter), series.label
            )

    # -- hover -------------------------------------------------------------------------

    def tooltip_text(self, index: int) -> str:
        """The numbers of interval ``index`` for every series."""
        lines = []
        first = self.series[0].points[index]
        lines.append(f"{first.start.date().isoformat()} – {first.end.date().isoformat()}")
        for series in self.series:
            if index >= len(series.points):
                continue
            p = series.points[index]
            prefix = f"{series.label}: " if len(self.series) > 1 else ""
            if p.stats is None or p.mean is None:
                lines.append(prefix + (p.error or tr("no valid pixel (masked)")))
                continue
            s = p.stats
            text = f"mean {s.mean:.4g}, stDev {s.st_dev:.4g}, min {s.min:.4g}, max {s.max:.4g}"
            if self.percentiles is not None:
                for k in (self.percentiles[0], 0.5, self.percentiles[1]):
                    value = s.percentile(k)
                    if value is not None:
                        text += f", p{k * 100:g} {value:.4g}"
            valid = s.sample_count - s.no_data_count
            text += ", " + tr("{n} valid pixel(s)").format(n=valid)
            lines.append(prefix + text)
        return "\n".join(lines)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        try:
            position = event.position() if hasattr(event, "position") else QPointF(event.pos())
            index = self.nearest(position.x())
            if index is None or not self.plot_rect().contains(position):
                QToolTip.hideText()
                return
            global_pos = self.mapToGlobal(position.toPoint())
            QToolTip.showText(global_pos, self.tooltip_text(index), self)
        except Exception:  # noqa: BLE001 - a hover must never raise
            pass
