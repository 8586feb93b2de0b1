"""Time series of an evalscript's output per interval (Sentinel Hub Statistical API).

:func:`polygon_statistics` sends one Statistical request per polygon (or one for the whole
area), in the calling thread, and returns a :class:`StatisticsOutcome` that says
everything (series per polygon, failures, Cancel). The dock runs it in a WorkflowTask
(:func:`statistics_task`), the Processing algorithm calls it directly. The requests go one
after the other: the Process client waits out a 429 (Retry-After) and retries, so many
polygons stay within the account's rate limit. A workflow that sends the same polygons as
one Batch Statistical request can take the place of :func:`polygon_statistics` behind the
same outcome.

The chart's geometry (intervals to points, gaps where an interval had no valid pixel) is
here too, as plain numbers, so that it is tested without a widget.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Optional

from ..api.errors import Cancelled, EOExplorerError
from ..api.process import Area, ProcessOptions
from ..api.statistical import (
    NO_INTERVALS,
    BandStats,
    StatisticalClient,
    StatisticalProblem,
    StatisticalRequest,
    StatisticalResult,
    csv_rows,
    intervals_of,
    series_names,
)
from ..core.tasks import Progress, WorkflowTask, unexpected

#: the interval choices: (ISO 8601 duration, label)
INTERVALS = (("P1D", "1 day"), ("P5D", "5 days"), ("P10D", "10 days"), ("P1M", "1 month"))
#: the percentile band choices: (low, high) fractions, or None for mean ± stDev
BANDS: tuple[Optional[tuple[float, float]], ...] = ((0.1, 0.9), (0.25, 0.75), (0.05, 0.95), None)


@dataclass(frozen=True)
class PolygonArea:
    """One polygon (or the whole area) whose statistics are asked for. ``fid``: its
    feature id in ``layer_id`` (None for an extent or a drawn polygon)."""

    label: str
    area: Area
    fid: Optional[int] = None


@dataclass(frozen=True)
class StatisticsJob:
    """Everything a run needs: the form's options, the interval, the polygons."""

    options: ProcessOptions
    interval: str
    polygons: tuple[PolygonArea, ...]
    resolution: tuple[float, float]  # resx, resy in each polygon's CRS units
    last_interval: str = "SKIP"
    band: Optional[tuple[float, float]] = (0.1, 0.9)
    layer_id: str = ""  # the polygons' layer, for "Join to polygons"

    @property
    def percentiles(self) -> tuple[float, ...]:
        if self.band is None:
            return ()
        low, high = self.band
        return (low, 0.5, high)

    def request(self, polygon: PolygonArea) -> StatisticalRequest:
        area = polygon.area
        return StatisticalRequest.from_options(
            self.options,
            self.interval,
            bbox=tuple(area.bbox),
            epsg=area.epsg,
            geometry=area.geometry,
            resolution=self.resolution,
            last_interval=self.last_interval,
            percentiles=self.percentiles,
        )

    def problems(self) -> list[str]:
        """What the service would refuse, said once (the first polygon's sentences, and
        the polygons too large at this resolution)."""
        if not self.polygons:
            return ["Choose an area: the map extent, a drawn polygon or selected polygons."]
        found = self.request(self.polygons[0]).problems()
        for polygon in self.polygons[1:]:
            for text in self.request(polygon).problems():
                if text not in found:
                    found.append(f"{polygon.label}: {text}")
        return found


@dataclass
class Series:
    """The statistics of one polygon (``result``), or why there are none (``error``)."""

    label: str
    fid: Optional[int] = None
    result: Optional[StatisticalResult] = None
    error: Optional[EOExplorerError] = None


@dataclass
class StatisticsOutcome:
    series: list[Series] = field(default_factory=list)
    requests: int = 0
    cancelled: bool = False
    error: Optional[EOExplorerError] = None
    job: Optional[StatisticsJob] = None

    @property
    def done(self) -> list[Series]:
        return [s for s in self.series if s.result is not None]

    @property
    def failed(self) -> list[Series]:
        return [s for s in self.series if s.error is not None]

    @property
    def empty(self) -> bool:
        """No polygon has any interval with data."""
        return all(s.result is None or s.result.empty for s in self.series)

    def names(self) -> list[tuple[str, str]]:
        """The (output, band) pairs of the series, first seen first."""
        seen: dict[tuple[str, str], None] = {}
        for s in self.done:
            for name in series_names(s.result):  # type: ignore[arg-type]
                seen[name] = None
        return list(seen)

    def rows(self) -> list[list[Any]]:
        """The table: header ``polygon``, ``fid`` and the CSV columns of
        :func:`plugin.api.statistical.csv_rows`; one row per polygon, interval and band."""
        percentiles = self.job.percentiles if self.job else ()
        out: list[list[Any]] = []
        for s in self.done:
            rows = csv_rows(s.result, percentiles)  # type: ignore[arg-type]
            if not out:
                out.append(["polygon", "fid", *rows[0]])
            fid = "" if s.fid is None else s.fid
            out.extend([s.label, fid, *row] for row in rows[1:])
        return out


@dataclass(frozen=True)
class PolygonDone:
    """Report payload: ``done`` of ``total`` polygons have their statistics."""

    done: int
    total: int


@dataclass(frozen=True)
class SlowingDown:
    """Report payload: Sentinel Hub asked to wait (429 Retry-After)."""

    seconds: float


def polygon_statistics(
    job: StatisticsJob,
    client: StatisticalClient,
    progress: Optional[Progress] = None,
) -> StatisticsOutcome:
    """One request per polygon, one after the other; never raises. A polygon that fails
    is kept as a :class:`Series` with its error; a refused account (401/403) stops the run;
    Cancel keeps the series received so far."""
    progress = progress or Progress()
    outcome = StatisticsOutcome(job=job)
    try:
        problems = job.problems()
        if problems:
            raise StatisticalProblem(" ".join(problems))
        total = len(job.polygons)
        for n, polygon in enumerate(job.polygons):
            if progress.is_cancelled():
                outcome.cancelled = True
                return outcome
            series = Series(polygon.label, polygon.fid)
            try:
                series.result = client.statistics(job.request(polygon), progress.is_cancelled)
                outcome.requests += 1
            except Cancelled:
                outcome.cancelled = True
                return outcome
            except EOExplorerError as exc:
                outcome.requests += 1
                if getattr(exc, "status", None) in (401, 403):
                    outcome.error = exc
                    return outcome
                series.error = exc
            outcome.series.append(series)
            progress.percent(100.0 * (n + 1) / total)
            progress.report(PolygonDone(n + 1, total))
            progress.info(
                f"{polygon.label}: " + ("done" if series.error is None else str(series.error))
            )
        if not outcome.done and outcome.failed:
            outcome.error = outcome.failed[0].error
    except StatisticalProblem as exc:
        outcome.error = EOExplorerError(str(exc))
    except EOExplorerError as exc:
        outcome.error = exc
    except Exception as exc:  # noqa: BLE001 - nothing a server sends may crash QGIS
        outcome.error = unexpected(exc)
    return outcome


def statistics_task(job: StatisticsJob, client: StatisticalClient) -> WorkflowTask:
    """:func:`polygon_statistics` in a WorkflowTask: ``reported`` carries
    :class:`PolygonDone` and :class:`SlowingDown`, ``completed`` the outcome."""

    def work(progress: Progress) -> StatisticsOutcome:
        client.process.on_wait = lambda seconds: progress.report(SlowingDown(float(seconds)))
        return polygon_statistics(job, client, progress)

    return WorkflowTask(
        "EO Explorer: Sentinel Hub statistics",
        work,
        failed=lambda error: (
            StatisticsOutcome(cancelled=True, job=job)
            if isinstance(error, Cancelled)
            else StatisticsOutcome(error=error, job=job)
        ),
        succeeded=lambda outcome: outcome.error is None and not outcome.cancelled,
    )


def outcome_summary(outcome: StatisticsOutcome) -> str:
    """A sentence about what came back (the empty answer explained)."""
    if outcome.empty:
        return NO_INTERVALS
    intervals = sum(len(s.result.intervals) for s in outcome.done if s.result is not None)
    text = f"{intervals} interval(s) of statistics for {len(outcome.done)} area(s)"
    if outcome.failed:
        text += f"; {len(outcome.failed)} failed: " + "; ".join(
            f"{s.label}: {s.error}" for s in outcome.failed[:3]
        )
    return text + "."


# -- the series as the chart and the layers use them -----------------------------------------


def parse_time(text: str) -> Optional[datetime]:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Point:
    """One interval of a series: its span, the statistics (None: no valid pixel, or the
    interval failed: a gap in the chart) and the band around the mean."""

    start: datetime
    end: datetime
    stats: Optional[BandStats]
    error: str = ""

    @property
    def mean(self) -> Optional[float]:
        if self.stats is None or not math.isfinite(self.stats.mean):
            return None
        return self.stats.mean

    def band(self, percentiles: Optional[tuple[float, float]]) -> Optional[tuple[float, float]]:
        """(low, high): the percentiles asked for, else mean ± stDev."""
        mean = self.mean
        if mean is None or self.stats is None:
            return None
        if percentiles is not None:
            low, high = self.stats.percentile(percentiles[0]), self.stats.percentile(percentiles[1])
            if low is not None and high is not None and math.isfinite(low) and math.isfinite(high):
                return (low, high)
        if math.isfinite(self.stats.st_dev):
            return (mean - self.stats.st_dev, mean + self.stats.st_dev)
        return (mean, mean)

    @property
    def middle(self) -> datetime:
        return self.start + (self.end - self.start) / 2


def series_points(
    result: StatisticalResult,
    output: str,
    band: str,
    expected: Sequence[tuple[datetime, datetime]] = (),
) -> list[Point]:
    """Every interval of ``expected`` (the intervals the request defines) with its
    statistics when the answer has them: the answer leaves out intervals without data,
    which become points without statistics (gaps). Intervals of the answer outside
    ``expected`` are kept too."""
    by_start: dict[datetime, Point] = {}
    for a, b in expected:
        by_start[a] = Point(a, b, None)
    for interval in result.intervals:
        start, end = parse_time(interval.start), parse_time(interval.end)
        if start is None or end is None:
            continue
        if interval.error is not None:
            by_start[start] = Point(start, end, None, interval.error.sentence())
            continue
        stats = interval.outputs.get(output, {}).get(band)
        if stats is not None and stats.sample_count - stats.no_data_count <= 0:
            stats = None  # every pixel masked (clouds, outside the polygon)
        by_start[start] = Point(start, end, stats)
    return [by_start[k] for k in sorted(by_start)]


def expected_intervals(job: StatisticsJob) -> list[tuple[datetime, datetime]]:
    return intervals_of(job.options.start, job.options.end, job.interval, job.last_interval)


def segments(values: Sequence[Optional[float]]) -> list[list[int]]:
    """Runs of consecutive indexes with a value: the pieces of line between gaps."""
    out: list[list[int]] = []
    current: list[int] = []
    for i, value in enumerate(values):
        if value is None or not math.isfinite(value):
            if current:
                out.append(current)
            current = []
        else:
            current.append(i)
    if current:
        out.append(current)
    return out


def value_range(points_per_series: Sequence[Sequence[Point]], percentiles) -> tuple[float, float]:
    """The y range covering every mean and band, with a margin; (0, 1) when empty."""
    values: list[float] = []
    for points in points_per_series:
        for p in points:
            band = p.band(percentiles)
            if band is not None:
                values.extend(band)
            if p.mean is not None:
                values.append(p.mean)
    if not values:
        return (0.0, 1.0)
    low, high = min(values), max(values)
    if high - low < 1e-12:
        low, high = low - 0.5, high + 0.5
    margin = (high - low) * 0.05
    return (low - margin, high + margin)


def scale(value: float, source: tuple[float, float], target: tuple[float, float]) -> float:
    """``value`` from ``source`` (low, high) to ``target`` (pixel from, pixel to)."""
    s0, s1 = source
    t0, t1 = target
    if s1 == s0:
        return (t0 + t1) / 2
    return t0 + (value - s0) * (t1 - t0) / (s1 - s0)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round values between ``low`` and ``high`` for the axis (1, 2, 5 × 10^n steps)."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low]
    raw = (high - low) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = min((m * power for m in (1, 2, 5, 10)), key=lambda v: abs(v - raw))
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 12))
        value += step
    return ticks


def series_json(points: Sequence[Point], percentiles: Sequence[float]) -> str:
    """The series as JSON for a field of the polygons layer: one object per interval
    with data (from, to, mean, stDev, min, max, the percentiles, counts)."""
    out = []
    for p in points:
        if p.stats is None:
            continue
        s = p.stats
        entry: dict[str, Any] = {
            "from": p.start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "to": p.end.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "mean": _finite(s.mean),
            "stDev": _finite(s.st_dev),
            "min": _finite(s.min),
            "max": _finite(s.max),
        }
        for k in percentiles:
            entry[f"p{k * 100:g}"] = _finite(s.percentile(k))
        entry["sampleCount"], entry["noDataCount"] = s.sample_count, s.no_data_count
        out.append(entry)
    return json.dumps(out)


def _finite(value: Optional[float]) -> Optional[float]:
    return value if value is not None and math.isfinite(value) else None


__all__ = [
    "BANDS",
    "INTERVALS",
    "PolygonArea",
    "PolygonDone",
    "Series",
    "SlowingDown",
    "StatisticsJob",
    "StatisticsOutcome",
    "expected_intervals",
    "nice_ticks",
    "outcome_summary",
    "polygon_statistics",
    "scale",
    "segments",
    "series_json",
    "series_points",
    "statistics_task",
    "value_range",
]
