"""Sentinel Hub Statistical API (seed 001, ``StatisticalRequest`` / ``StatisticalResponse``;
``POST /api/v1/statistics`` in the CDSE Sentinel Hub OpenAPI it is rendered from).

A request has the shape of seed 001::

    {"input": {"bounds": {"bbox": [...], "geometry": {...}, "properties": {"crs": "<URI>"}},
               "data": [{"type": "sentinel-2-l2a",
                         "dataFilter": {"timeRange": {"from", "to"}, "mosaickingOrder", ...},
                         "processing": {...}}]},
     "aggregation": {"timeRange": {"from", "to"},
                     "aggregationInterval": {"of": "P10D", "lastIntervalBehavior": "SKIP"},
                     "width", "height"  |  "resx", "resy",
                     "evalscript": "//VERSION=3 ..."},
     "calculations": {"<output id>|default": {
         "histograms": {"<band>|default": {"nBins" | "binWidth" | "bins", "lowEdge", "highEdge"}},
         "statistics": {"<band>|default": {"percentiles": {"k": [0.1, 0.5, 0.9]}}}}}}

and the answer ``{"data": [{"interval": {"from", "to"}, "outputs": {"<output id>": {"bands":
{"<band>": {"stats": {min, max, mean, stDev, sampleCount, noDataCount, percentiles},
"histogram": {...}}}}}, "error": {"type": "BAD_REQUEST" | "EXECUTION_ERROR" | "TIMEOUT"}}]}``
(one entry per interval "where data is available"; an interval whose statistics failed
carries ``error``). Rules kept here before anything is sent (seed 001 / OpenAPI
``StatisticalRequestAggregationWithoutEvalscript``, ``Aggregation``, ``StatisticsDefinition``):
``timeRange`` and ``aggregationInterval`` are required, ``of`` is an ISO 8601 duration,
``lastIntervalBehavior`` is SKIP (default), SHORTEN or EXTEND, width and height are 1..2500,
"only one pair of parameters width/height or resx/resy", percentiles ``k`` lie in [0, 1].

The ``dataMask`` output is not in seed 001: the Statistical API documentation
(docs.sentinel-hub.com/api/latest/api/statistical, "Statistical API and evalscript") asks
for an evalscript output with id ``dataMask``, which says which pixels count: those where
it is 0 are left out of the statistics and counted in ``noDataCount``.

Pure Python: no Qt, no QGIS. Sending is :class:`StatisticalClient`, the Process API client
of :mod:`process_client` (same account, throttle on 429, retries) posting JSON here.
"""

from __future__ import annotations

import calendar
import csv
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Optional

from .errors import InvalidResponse
from .evalscripts import EvalscriptProblem, check_evalscript
from .http import IsCancelled, _never
from .process import ProcessOptions, crs_uri, iso
from .process_client import ProcessClient

STATISTICS_PATH = "/api/v1/statistics"
BATCH_STATISTICS_PATH = "/api/v1/statistics/batch"
MAX_SIZE = 2500  # aggregation width / height maximum (OpenAPI)
LAST_INTERVAL = ("SKIP", "SHORTEN", "EXTEND")  # Aggregation.lastIntervalBehavior
INTERVAL_ERRORS = ("BAD_REQUEST", "EXECUTION_ERROR", "TIMEOUT")  # StatisticalResponse
DEFAULT_PERCENTILES = (0.1, 0.5, 0.9)  # the p10 / p50 / p90 columns of the CSV
STATS = ("min", "max", "mean", "stDev", "sampleCount", "noDataCount")
DATA_MASK_MISSING = (
    "The evalscript has no output with id dataMask: the Statistical API needs one, since its "
    "value decides which pixels count (0: left out of the statistics and counted as no "
    'data). Add {id: "dataMask", bands: 1} to the outputs of setup() and return '
    "dataMask: [sample.dataMask] from evaluatePixel()."
)

NO_INTERVALS = (
    "Sentinel Hub found no data in any interval of this time range for this area (the "
    "answer lists only intervals where data is available): widen the time range, raise the "
    "maximum cloud cover, or check that the collection covers the area."
)

# ISO 8601 duration: PnYnMnWnD with an optional TnHnMnS part.
_DURATION = re.compile(
    r"P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?"
)


class StatisticalProblem(ValueError):
    """A request the Statistical API would refuse; ``str()`` says what to change."""


@dataclass(frozen=True)
class Duration:
    """An ISO 8601 duration split into calendar months and seconds."""

    months: int = 0
    days: int = 0
    seconds: float = 0.0
    text: str = ""


def parse_duration(text: Any) -> Duration:
    """``aggregationInterval.of`` ("P1D", "P5D", "P10D", "P1W", "P1M", "P1Y", "PT12H")."""
    m = _DURATION.fullmatch(text) if isinstance(text, str) else None
    if m is None or not any(m.groupdict().values()) or text.endswith("T"):
        raise StatisticalProblem(
            f"The aggregation interval {text!r} is not an ISO 8601 duration: use for "
            "example P1D (a day), P5D, P10D, P1W (a week), P1M (a month) or P1Y (a year)."
        )
    g = {k: float(v) if v else 0.0 for k, v in m.groupdict().items()}
    duration = Duration(
        months=int(g["Y"]) * 12 + int(g["M"]),
        days=int(g["W"]) * 7 + int(g["D"]),
        seconds=g["h"] * 3600 + g["m"] * 60 + g["s"],
        text=text,
    )
    if duration.months == 0 and duration.days == 0 and duration.seconds == 0:
        raise StatisticalProblem(f"The aggregation interval {text!r} is zero long.")
    return duration


def declares_data_mask(evalscript: str) -> Optional[bool]:
    """True when setup() declares an output with id ``dataMask``; None when the outputs
    cannot be read without running the script (then the service decides)."""
    try:
        info = check_evalscript(evalscript)
    except EvalscriptProblem:
        return None
    if not info.outputs:
        return None
    return any(o.id == "dataMask" for o in info.outputs)


@dataclass(frozen=True)
class Histogram:
    """A histogram definition: one of ``bins`` (edges), ``bin_width`` or ``n_bins``."""

    n_bins: Optional[int] = None
    bin_width: Optional[float] = None
    bins: tuple[float, ...] = ()
    low_edge: Optional[float] = None
    high_edge: Optional[float] = None

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.bins:
            out["bins"] = list(self.bins)
        elif self.bin_width is not None:
            out["binWidth"] = self.bin_width
        elif self.n_bins is not None:
            out["nBins"] = self.n_bins
        if self.low_edge is not None:
            out["lowEdge"] = self.low_edge
        if self.high_edge is not None:
            out["highEdge"] = self.high_edge
        return out


@dataclass(frozen=True)
class StatisticalRequest:
    """One Statistical API request. ``bbox`` / ``geometry`` in ``epsg`` (4326: CRS84,
    longitude first); ``data``: the ``input.data`` entries (e.g.
    ``ProcessOptions.data_entry()``); ``size`` (width, height) or ``resolution`` (resx, resy)
    in units of the CRS; ``percentiles`` and ``histograms`` for ``output`` ("default": every
    output)."""

    bbox: Optional[tuple[float, float, float, float]]
    epsg: int
    data: tuple[dict, ...]
    start: datetime
    end: datetime
    interval: str
    evalscript: str
    geometry: Optional[dict] = None
    size: Optional[tuple[int, int]] = None
    resolution: Optional[tuple[float, float]] = None
    last_interval: Optional[str] = None
    percentiles: tuple[float, ...] = ()
    histograms: dict[str, Histogram] = field(default_factory=dict)  # band (or "default")
    output: str = "default"

    @classmethod
    def from_options(cls, options: ProcessOptions, interval: str, **kw: Any) -> StatisticalRequest:
        """The Process form's choices (collection, time range, mosaicking order, cloud
        cover, processing, evalscript) as a Statistical request: ``input.data`` is
        ``options.data_entry()`` (its ``dataFilter.timeRange`` equal to the aggregation's);
        ``kw``: bbox, epsg, geometry, size or resolution, percentiles..."""
        kw.setdefault("bbox", None)
        kw.setdefault("epsg", 4326)
        return cls(
            data=(options.data_entry(),),
            start=options.start,
            end=options.end,
            interval=interval,
            evalscript=options.evalscript,
            **kw,
        )

    def problems(self) -> list[str]:
        """Sentences saying what the service would refuse; empty when the request is fine."""
        out: list[str] = []
        if self.bbox is None and self.geometry is None:
            out.append("The request needs an area: a bounding box or a polygon.")
        if not self.data:
            out.append("The request needs a data collection (input.data).")
        if self.start.tzinfo is None or self.end.tzinfo is None:
            out.append("The start and end of the time range need a time zone (use UTC).")
        elif self.start >= self.end:
            out.append("The time range must end after it starts.")
        try:
            parse_duration(self.interval)
        except StatisticalProblem as exc:
            out.append(str(exc))
        if self.last_interval is not None and self.last_interval not in LAST_INTERVAL:
            out.append(
                f"lastIntervalBehavior {self.last_interval!r} is not one of "
                f"{', '.join(LAST_INTERVAL)}."
            )
        if (self.size is None) == (self.resolution is None):
            out.append(
                "Give either a size in pixels (width, height) or a resolution (resx, resy), "
                "not both and not neither."
            )
        if self.size is not None and not all(1 <= int(v) <= MAX_SIZE for v in self.size):
            out.append(
                f"The statistics grid of {self.size[0]} x {self.size[1]} pixels is larger "
                f"than the {MAX_SIZE} x {MAX_SIZE} the Statistical API computes at once "
                "(or empty): choose a coarser resolution or a smaller area."
            )
        if self.resolution is not None:
            if not all(v > 0 for v in self.resolution):
                out.append("The resolution must be positive.")
            elif self.bbox is not None:
                w, h = self.pixels_from_resolution()
                if w > MAX_SIZE or h > MAX_SIZE:
                    out.append(
                        f"At this resolution the area is {w} x {h} pixels, more than the "
                        f"{MAX_SIZE} x {MAX_SIZE} the Statistical API computes at once: "
                        "choose a coarser resolution or a smaller area."
                    )
        if any(not 0 <= k <= 1 for k in self.percentiles):
            out.append("Percentiles are fractions between 0 and 1 (0.5 is the median).")
        if declares_data_mask(self.evalscript) is False:
            out.append(DATA_MASK_MISSING)
        return out

    def pixels_from_resolution(self) -> tuple[int, int]:
        assert self.bbox is not None and self.resolution is not None
        x0, y0, x1, y1 = self.bbox
        return (
            max(1, round(abs(x1 - x0) / self.resolution[0])),
            max(1, round(abs(y1 - y0) / self.resolution[1])),
        )

    def check(self) -> None:
        found = self.problems()
        if found:
            raise StatisticalProblem(" ".join(found))

    def body(self) -> dict[str, Any]:
        """The JSON body of seed 001's StatisticalRequest; StatisticalProblem if refused."""
        self.check()
        bounds: dict[str, Any] = {"properties": {"crs": crs_uri(self.epsg)}}
        if self.bbox is not None:
            bounds["bbox"] = list(self.bbox)
        if self.geometry is not None:
            bounds["geometry"] = self.geometry
        body: dict[str, Any] = {
            "input": {"bounds": bounds, "data": [dict(d) for d in self.data]},
            "aggregation": self.aggregation_body(),
        }
        calculations = self.calculations_body()
        if calculations:
            body["calculations"] = calculations
        return body

    def aggregation_body(self, with_evalscript: bool = True) -> dict[str, Any]:
        """``aggregation`` (not checked: :meth:`body` checks)."""
        interval: dict[str, Any] = {"of": self.interval}
        if self.last_interval:
            interval["lastIntervalBehavior"] = self.last_interval
        aggregation: dict[str, Any] = {
            "timeRange": {"from": iso(self.start), "to": iso(self.end)},
            "aggregationInterval": interval,
        }
        if self.size is not None:
            aggregation["width"], aggregation["height"] = int(self.size[0]), int(self.size[1])
        elif self.resolution is not None:
            aggregation["resx"], aggregation["resy"] = self.resolution
        if with_evalscript:
            aggregation["evalscript"] = self.evalscript
        return aggregation

    def calculations_body(self) -> dict[str, Any]:
        """``calculations`` ({} when only the basic statistics are wanted)."""
        calculation: dict[str, Any] = {}
        if self.histograms:
            calculation["histograms"] = {b: h.body() for b, h in self.histograms.items()}
        if self.percentiles:
            k = [float(p) for p in self.percentiles]
            calculation["statistics"] = {"default": {"percentiles": {"k": k}}}
        return {self.output: calculation} if calculation else {}


# -- the answer -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int


@dataclass(frozen=True)
class HistogramResult:
    bins: tuple[Bin, ...] = ()
    overflow: int = 0
    underflow: int = 0


@dataclass(frozen=True)
class BandStats:
    min: float = math.nan
    max: float = math.nan
    mean: float = math.nan
    st_dev: float = math.nan
    sample_count: int = 0
    no_data_count: int = 0
    percentiles: dict[float, float] = field(default_factory=dict)  # k in [0, 1] -> value
    histogram: Optional[HistogramResult] = None

    def percentile(self, k: float) -> Optional[float]:
        for key, value in self.percentiles.items():
            if math.isclose(key, k, abs_tol=1e-9):
                return value
        return None


@dataclass(frozen=True)
class IntervalError:
    type: str
    message: str = ""

    def sentence(self) -> str:
        what = {
            "BAD_REQUEST": "the request does not suit the data of this interval",
            "EXECUTION_ERROR": "the evalscript failed on the data of this interval",
            "TIMEOUT": "the service ran out of time for this interval",
        }.get(self.type, f"the service reported {self.type}")
        return f"No statistics: {what}" + (f" ({self.message})." if self.message else ".")


@dataclass(frozen=True)
class IntervalStats:
    start: str
    end: str
    outputs: dict[str, dict[str, BandStats]] = field(default_factory=dict)
    error: Optional[IntervalError] = None


@dataclass(frozen=True)
class StatisticalResult:
    intervals: tuple[IntervalStats, ...] = ()

    @property
    def empty(self) -> bool:
        """No interval had data (:data:`NO_INTERVALS` says so to the user)."""
        return not self.intervals

    @property
    def errors(self) -> list[IntervalStats]:
        return [i for i in self.intervals if i.error is not None]

    def series(self, output: str, band: str, stat: str = "mean") -> list[tuple[str, float]]:
        """(interval start, value) of one statistic, intervals without error only."""
        attribute = {"stDev": "st_dev", "sampleCount": "sample_count"}.get(stat, stat)
        attribute = {"noDataCount": "no_data_count"}.get(attribute, attribute)
        out = []
        for interval in self.intervals:
            stats = interval.outputs.get(output, {}).get(band)
            if interval.error is None and stats is not None:
                out.append((interval.start, getattr(stats, attribute)))
        return out


def _number(value: Any) -> float:
    """A statistic: a number, or the strings "NaN" / "Infinity" JSON cannot carry."""
    if isinstance(value, bool) or value is None:
        return math.nan
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace("Infinity", "inf"))
        except ValueError:
            return math.nan
    return math.nan


def _count(value: Any) -> int:
    number = _number(value)
    return int(number) if math.isfinite(number) else 0


def _fraction(key: str) -> Optional[float]:
    """A percentile key: "0.5" (k in [0, 1], seed 001) or "50.0" (percent), as a fraction."""
    try:
        k = float(key)
    except ValueError:
        return None
    return k / 100.0 if k > 1 else k


def _band(raw: dict) -> BandStats:
    stats = raw.get("stats") or {}
    percentiles = {}
    for key, value in (stats.get("percentiles") or {}).items():
        k = _fraction(str(key))
        if k is not None:
            percentiles[k] = _number(value)
    histogram = None
    if isinstance(raw.get("histogram"), dict):
        h = raw["histogram"]
        bins = tuple(
            Bin(_number(b.get("lowEdge")), _number(b.get("highEdge")), _count(b.get("count")))
            for b in h.get("bins") or ()
            if isinstance(b, dict)
        )
        histogram = HistogramResult(bins, _count(h.get("overflow")), _count(h.get("underflow")))
    return BandStats(
        _number(stats.get("min")),
        _number(stats.get("max")),
        _number(stats.get("mean")),
        _number(stats.get("stDev")),
        _count(stats.get("sampleCount")),
        _count(stats.get("noDataCount")),
        percentiles,
        histogram,
    )


def parse_response(document: Any, url: str = "") -> StatisticalResult:
    """Seed 001's StatisticalResponse as dataclasses; InvalidResponse if it is not one."""
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, list):
        raise InvalidResponse(
            "Sentinel Hub did not answer with statistics (no data list).",
            details=f"{url}: {str(document)[:200]}",
        )
    intervals = []
    for entry in data:
        if not isinstance(entry, dict):
            continue
        span = entry.get("interval") or {}
        outputs: dict[str, dict[str, BandStats]] = {}
        for output_id, output in (entry.get("outputs") or {}).items():
            bands = (output or {}).get("bands") or {}
            outputs[str(output_id)] = {
                str(name): _band(raw) for name, raw in bands.items() if isinstance(raw, dict)
            }
        error = None
        if isinstance(entry.get("error"), dict):
            raw = entry["error"]
            error = IntervalError(str(raw.get("type") or "UNKNOWN"), str(raw.get("message") or ""))
        intervals.append(
            IntervalStats(str(span.get("from", "")), str(span.get("to", "")), outputs, error)
        )
    return StatisticalResult(tuple(intervals))


# -- CSV ------------------------------------------------------------------------------------


def _percent_label(k: float) -> str:
    value = k * 100
    return f"p{value:g}"


def csv_header(percentiles: Sequence[float] = ()) -> list[str]:
    return [
        "interval_from",
        "interval_to",
        "output",
        "band",
        "mean",
        "stDev",
        "min",
        "max",
        *(_percent_label(k) for k in percentiles),
        "sampleCount",
        "noDataCount",
        "error",
    ]


def _cell(value: Optional[float]) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value


def csv_rows(result: StatisticalResult, percentiles: Sequence[float] = ()) -> list[list[Any]]:
    """The header and one row per interval, output and band (the ``dataMask`` output left
    out: it is the mask, not a statistic); an interval with an error is one row saying so.
    ``percentiles``: the k asked for (0.1, 0.5, 0.9 -> columns p10, p50, p90)."""
    rows: list[list[Any]] = [csv_header(percentiles)]
    blanks = [""] * (4 + len(percentiles) + 2)
    for interval in result.intervals:
        if interval.error is not None:
            rows.append([interval.start, interval.end, "", "", *blanks, interval.error.sentence()])
            continue
        for output_id, bands in interval.outputs.items():
            if output_id == "dataMask":
                continue
            for band, s in bands.items():
                rows.append(
                    [
                        interval.start,
                        interval.end,
                        output_id,
                        band,
                        _cell(s.mean),
                        _cell(s.st_dev),
                        _cell(s.min),
                        _cell(s.max),
                        *(_cell(s.percentile(k)) for k in percentiles),
                        s.sample_count,
                        s.no_data_count,
                        "",
                    ]
                )
    return rows


def csv_text(result: StatisticalResult, percentiles: Sequence[float] = ()) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(csv_rows(result, percentiles))
    return buffer.getvalue()


# -- sending --------------------------------------------------------------------------------


class StatisticalClient:
    """Posts Statistical API requests with the Process API client's account, throttle and
    retries (429 Retry-After in milliseconds, 5xx back-off, errors with hints)."""

    def __init__(self, process: ProcessClient, statistics_url: str) -> None:
        self.process = process
        self.statistics_url = statistics_url

    @classmethod
    def for_endpoint(cls, process: ProcessClient, endpoint_url: str) -> StatisticalClient:
        return cls(process, endpoint_url.rstrip("/") + STATISTICS_PATH)

    def statistics(
        self, request: StatisticalRequest | dict, is_cancelled: IsCancelled = _never
    ) -> StatisticalResult:
        """The statistics of ``request`` (a StatisticalRequest or a ready body). Raises
        StatisticalProblem before sending, ProcessError / InvalidResponse after."""
        body = request.body() if isinstance(request, StatisticalRequest) else request
        response = self.process.post(self.statistics_url, body, "application/json", is_cancelled)
        document = response.json()  # InvalidResponse when it is not JSON
        return parse_response(document, self.statistics_url)


def series_names(result: StatisticalResult) -> list[tuple[str, str]]:
    """The (output, band) pairs the result holds, in order of appearance, mask left out."""
    seen: dict[tuple[str, str], None] = {}
    for interval in result.intervals:
        for output_id, bands in interval.outputs.items():
            if output_id != "dataMask":
                for band in bands:
                    seen[(output_id, band)] = None
    return list(seen)


def intervals_of(
    start: datetime, end: datetime, interval: str, last: Optional[str] = None
) -> list[tuple[datetime, datetime]]:
    """The intervals ``timeRange`` and ``aggregationInterval`` define (seed 001
    ``Aggregation``: SKIP drops a last interval that does not fit, SHORTEN ends it at the
    end of the range, EXTEND lets it run over)."""
    duration = parse_duration(interval)
    out: list[tuple[datetime, datetime]] = []
    step = 0
    while True:
        a = _add(start, duration, step)
        if a >= end:
            return out
        b = _add(start, duration, step + 1)
        if b > end:
            if (last or "SKIP") == "SKIP":
                return out
            if last == "SHORTEN":
                b = end
        out.append((a, b))
        step += 1


def _add(moment: datetime, duration: Duration, times: int) -> datetime:
    months = moment.month - 1 + duration.months * times
    year = moment.year + months // 12
    month = months % 12 + 1
    day = min(moment.day, _days_in(year, month))
    shifted = moment.replace(year=year, month=month, day=day)
    return shifted + timedelta(days=duration.days * times, seconds=duration.seconds * times)


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


__all__ = [
    "BATCH_STATISTICS_PATH",
    "DATA_MASK_MISSING",
    "STATISTICS_PATH",
    "BandStats",
    "Histogram",
    "IntervalError",
    "IntervalStats",
    "StatisticalClient",
    "StatisticalProblem",
    "StatisticalRequest",
    "StatisticalResult",
    "csv_rows",
    "csv_text",
    "declares_data_mask",
    "intervals_of",
    "parse_duration",
    "parse_response",
]
