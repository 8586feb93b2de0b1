"""A local Sentinel Hub Statistical API (``POST /api/v1/statistics``) computing real
statistics of the sandbox scenes' pixels.

Built on :class:`tests.servers.sentinelhub.process_server.ProcessApiServer` (token check, rate
limit, processing units, faults, multipart bodies, every request in ``server.requests``) and
its modules: ``input`` is validated like a Process request (``process_api_request``), the
evalscript is read by ``process_api_evalscript`` and run for real on the bands of the
sandbox scenes by ``process_api_scenes`` (mini-racer), once per aggregation interval::

    with StatisticalApiServer(scenes=SandboxScenes(sandbox_items())) as sh:
        r = requests.post(sh.statistics_url, json=body)
        r.json()["data"][0]["outputs"]["ndvi"]["bands"]["B0"]["stats"]["mean"]

Request and answer shapes: seed 001 ``StatisticalRequest`` / ``StatisticalResponse`` and the
CDSE OpenAPI schemas it is rendered from (``StatisticalRequestAggregation``,
``Aggregation``, ``CalculationDefinition``, ``HistogramDefinition``,
``StatisticsDefinition``, ``BandStatistics``). Refusals are 400 ``RestErrorWrapper`` bodies
(the documented 400 of this path) shaped like the recorded COMMON_BAD_PAYLOAD field
violation; their sentences are worded here (the OpenAPI gives none). Without a valid token:
401 COMMON_UNAUTHORIZED as the Process API server (recorded message). The ``dataMask``
output requirement is not in seed 001: it follows the Statistical API documentation
("Statistical API and evalscript"): pixels whose ``dataMask`` output is 0 (and pixels
outside the requested polygon) are not used and counted in ``noDataCount``.

This server's own choices where the documents are silent: ``sampleCount`` is every pixel of
the width x height grid; ``stDev`` is the sample standard deviation (n - 1); percentiles use
linear interpolation between samples and are keyed by ``k`` as sent ("0.1"); a statistic of
no valid sample is the string "NaN"; bands are named ``B0``, ``B1``... (as in the
documentation's examples); an interval where no scene holds data is left out of ``data``
("Statistics for intervals, where data is available"); an interval whose evaluatePixel()
throws carries ``{"error": {"type": "EXECUTION_ERROR"}}`` (seed 001 per-interval error);
each evaluated interval costs the processing units of the same Process request.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import json
import math
import re
import time
from typing import Any, Optional

import numpy as np

from tests.servers.sentinelhub.collections import ApiError, bad_payload
from tests.servers.sentinelhub.output import image_size
from tests.servers.sentinelhub.process_server import ProcessApiServer
from tests.servers.sentinelhub.render import data_mask, processing_units
from tests.servers.sentinelhub.request import ProcessRequest, _bounds, parse_time, validate
from tests.servers.sentinelhub.scenes import evaluation_step, run_evalscript, to_sample_type

__all__ = ["DATA_MASK_MISSING", "STATISTICS_PATH", "StatisticalApiServer", "intervals"]

STATISTICS_PATH = "/api/v1/statistics"
LAST_INTERVAL = ("SKIP", "SHORTEN", "EXTEND")
DATA_MASK_MISSING = (
    "The evalscript has no output with id `dataMask`: the Statistical API uses it to tell "
    "which pixels are taken into account."
)
_DURATION = re.compile(
    r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?"
)


@dataclasses.dataclass
class StatisticalCall:
    req: ProcessRequest  # input, evalscript and grid, as a Process request
    intervals: list[tuple[dt.datetime, dt.datetime]]
    calculations: dict


def _duration(text: Any) -> tuple[int, dt.timedelta]:
    m = _DURATION.fullmatch(text) if isinstance(text, str) else None
    if m is None or not any(m.groups()) or text.endswith("T"):
        raise bad_payload(
            "aggregation->aggregationInterval->of",
            f"Invalid aggregation interval {text!r}: it must be an ISO 8601 duration such as "
            "P1D, P10D or P1M.",
        )
    y, mo, w, d, h, mi, s = (int(g or 0) for g in m.groups())
    months, delta = 12 * y + mo, dt.timedelta(weeks=w, days=d, hours=h, minutes=mi, seconds=s)
    if months == 0 and not delta:
        raise bad_payload(
            "aggregation->aggregationInterval->of", f"The aggregation interval {text!r} is zero."
        )
    return months, delta


def _shift(start: dt.datetime, months: int, delta: dt.timedelta, n: int) -> dt.datetime:
    total = start.month - 1 + months * n
    year, month = start.year + total // 12, total % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return start.replace(year=year, month=month, day=day) + delta * n


def intervals(
    start: dt.datetime, end: dt.datetime, of: str, last: str = "SKIP"
) -> list[tuple[dt.datetime, dt.datetime]]:
    """``timeRange`` split by ``aggregationInterval`` (``Aggregation.lastIntervalBehavior``)."""
    months, delta = _duration(of)
    out = []
    n = 0
    while (a := _shift(start, months, delta, n)) < end:
        b = _shift(start, months, delta, n + 1)
        if b > end:
            if last == "SKIP":
                break
            if last == "SHORTEN":
                b = end
        out.append((a, b))
        n += 1
    return out


def _z(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _calculations(raw: Any, req: ProcessRequest) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise bad_payload("calculations", "`calculations` must be an object.")
    ids = {o.id for o in req.evalscript.outputs}
    for output_id, calc in raw.items():
        path = f"calculations->{output_id}"
        if output_id != "default" and output_id not in ids:
            raise bad_payload(
                path, f"Output {output_id!r} is not an output of the evalscript nor `default`."
            )
        if not isinstance(calc, dict):
            raise bad_payload(path, "A calculation definition must be an object.")
        for band, definition in (calc.get("statistics") or {}).items():
            k = ((definition or {}).get("percentiles") or {}).get("k", [])
            ok = isinstance(k, list) and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in k
            )
            if not ok:
                raise bad_payload(
                    f"{path}->statistics->{band}->percentiles->k",
                    "Percentiles `k` must be an array of numbers between 0 and 1.",
                )
        for band, definition in (calc.get("histograms") or {}).items():
            given = [key for key in ("nBins", "binWidth", "bins") if key in (definition or {})]
            if len(given) != 1:
                raise bad_payload(
                    f"{path}->histograms->{band}",
                    "A histogram is defined by exactly one of `nBins`, `binWidth` or `bins`.",
                )
    return raw


def validate_statistical(
    body: Any, byoc_ids: Optional[set] = None, deployment: Optional[str] = None
) -> StatisticalCall:
    """The request body as a :class:`StatisticalCall`, or ApiError (400)."""
    if not isinstance(body, dict):
        raise ApiError(400, "Request body must be a JSON object.")
    inp = body.get("input")
    if not isinstance(inp, dict):
        raise bad_payload("input", "`input` must be specified.")
    agg = body.get("aggregation")
    if not isinstance(agg, dict):
        raise bad_payload("aggregation", "`aggregation` must be specified.")
    tr = agg.get("timeRange")
    if not isinstance(tr, dict):
        raise bad_payload("aggregation->timeRange", "`aggregation.timeRange` must be specified.")
    times = []
    for key in ("from", "to"):
        parsed = parse_time(tr.get(key))
        if parsed is None:
            raise bad_payload(
                f"aggregation->timeRange->{key}",
                f"`{key}` must be an ISO-8601 date and time such as 2019-01-31T14:00:00Z, "
                f"got {tr.get(key)!r}.",
            )
        times.append(parsed)
    if times[0] >= times[1]:
        raise bad_payload("aggregation->timeRange", "`from` must be before `to`.")
    interval = agg.get("aggregationInterval")
    if not isinstance(interval, dict) or "of" not in interval:
        raise bad_payload(
            "aggregation->aggregationInterval",
            "`aggregation.aggregationInterval` with `of` must be specified.",
        )
    last = interval.get("lastIntervalBehavior", "SKIP")
    if last not in LAST_INTERVAL:
        raise bad_payload(
            "aggregation->aggregationInterval->lastIntervalBehavior",
            f"Invalid value {last!r} of `lastIntervalBehavior`; allowed values: "
            f"{', '.join(LAST_INTERVAL)}.",
        )
    spans = intervals(times[0], times[1], interval["of"], last)
    script = agg.get("evalscript")
    if not isinstance(script, str) or not script.strip():
        raise bad_payload("aggregation->evalscript", "`aggregation.evalscript` must be specified.")
    bbox = _bounds(inp)[0]
    width, height = image_size(agg, bbox, "aggregation")
    first_id = _first_output_id(script)
    process_body = {
        "input": inp,
        "output": {
            "width": width,
            "height": height,
            "responses": [{"identifier": first_id, "format": {"type": "image/tiff"}}],
        },
        "evalscript": script,
    }
    req = validate(process_body, "image/tiff", byoc_ids, deployment)
    if req.evalscript.output("dataMask") is None:
        raise bad_payload("aggregation->evalscript", DATA_MASK_MISSING)
    return StatisticalCall(req, spans, _calculations(body.get("calculations"), req))


def _first_output_id(script: str) -> str:
    from tests.servers.sentinelhub.evalscript import EvalscriptError, parse_evalscript

    try:
        outputs = parse_evalscript(script).outputs
    except EvalscriptError:
        return "default"  # validate() answers the script's problem
    return outputs[0].id if outputs else "default"


def _number(value: float) -> Any:
    return float(value) if math.isfinite(value) else "NaN"


def _histogram(values: np.ndarray, definition: dict) -> dict:
    low = float(definition.get("lowEdge", values.min() if values.size else 0.0))
    high = float(definition.get("highEdge", values.max() if values.size else 0.0))
    if "bins" in definition:
        edges = np.array([float(v) for v in definition["bins"]])
        low, high = float(edges[0]), float(edges[-1])
    elif "binWidth" in definition:
        width = float(definition["binWidth"])
        count = max(1, math.ceil((high - low) / width)) if width > 0 else 1
        edges = low + width * np.arange(count + 1)
        high = float(edges[-1])
    else:
        edges = np.linspace(low, high, int(definition["nBins"]) + 1)
    inside = values[(values >= low) & (values <= high)]
    counts, _ = np.histogram(inside, bins=edges)
    return {
        "bins": [
            {"lowEdge": float(a), "highEdge": float(b), "count": int(c)}
            for a, b, c in zip(edges[:-1], edges[1:], counts)
        ],
        "overflow": int((values > high).sum()),
        "underflow": int((values < low).sum()),
    }


def _definition(calculations: dict, output_id: str, kind: str, band: str) -> Optional[dict]:
    calc = calculations.get(output_id) or calculations.get("default") or {}
    by_band = calc.get(kind) or {}
    return by_band.get(band) or by_band.get("default")


def _band_stats(
    values: np.ndarray, valid: np.ndarray, calculations: dict, output_id: str, band: str
) -> dict:
    used = values[valid & np.isfinite(values)]
    n = int(used.size)
    stats: dict[str, Any] = {
        "min": _number(used.min()) if n else "NaN",
        "max": _number(used.max()) if n else "NaN",
        "mean": _number(used.mean()) if n else "NaN",
        "stDev": _number(used.std(ddof=1)) if n > 1 else (0.0 if n else "NaN"),
        "sampleCount": int(values.size),
        "noDataCount": int(values.size - n),
    }
    wanted = _definition(calculations, output_id, "statistics", band)
    k = ((wanted or {}).get("percentiles") or {}).get("k") or []
    if k:
        stats["percentiles"] = {
            repr(float(q)): (_number(float(np.quantile(used, q))) if n else "NaN") for q in k
        }
    out: dict[str, Any] = {"stats": stats}
    histogram = _definition(calculations, output_id, "histograms", band)
    if histogram is not None:
        out["histogram"] = _histogram(used, histogram)
    return out


def interval_statistics(
    call: StatisticalCall, start: dt.datetime, end: dt.datetime, scenes, no_data_areas: list
) -> Optional[dict]:
    """The ``data[]`` entry of one interval, None when no scene holds data in it."""
    req = call.req
    data = [dataclasses.replace(d, time_from=start, time_to=end) for d in req.data]
    one = dataclasses.replace(req, data=data)
    inside = data_mask(one, no_data_areas)
    names = list(dict.fromkeys([*one.evalscript.inputs, "dataMask"]))
    samples = scenes.bands(one, data[0], names)
    for name in samples:
        samples[name] = np.where(inside, samples[name], 0.0)
    if not samples["dataMask"].any():
        return None
    entry: dict[str, Any] = {"interval": {"from": _z(start), "to": _z(end)}}
    step = evaluation_step(one.width, one.height)
    rows = np.minimum(np.arange(0, one.height, step) + step // 2, one.height - 1)
    cols = np.minimum(np.arange(0, one.width, step) + step // 2, one.width - 1)
    coarse = {name: values[np.ix_(rows, cols)] for name, values in samples.items()}
    try:
        results = run_evalscript(one.evalscript_text, coarse, one.evalscript.outputs)
    except Exception:  # noqa: BLE001 - a JavaScript error in evaluatePixel() on this interval's data
        entry["error"] = {"type": "EXECUTION_ERROR"}
        return entry
    back = np.ix_(np.arange(one.height) // step, np.arange(one.width) // step)
    full = {}
    for out in one.evalscript.outputs:
        full[out.id] = [
            to_sample_type(band[back], out.sample_type).astype(np.float64)
            for band in results[out.id]
        ]
    valid = inside & (full["dataMask"][0] != 0)
    outputs = {}
    for out in one.evalscript.outputs:
        if out.id == "dataMask":
            continue
        bands = {}
        for i, values in enumerate(full[out.id]):
            bands[f"B{i}"] = _band_stats(values, valid, call.calculations, out.id, f"B{i}")
        outputs[out.id] = {"bands": bands}
    entry["outputs"] = outputs
    return entry


class StatisticalApiServer(ProcessApiServer):
    """Sentinel Hub Statistical API on ``STATISTICS_PATH`` (any other path: the Process
    API's answer); options as ProcessApiServer (``scenes`` is required: the statistics are
    those of the scenes' pixels; ``delay`` slows each answer)."""

    @property
    def statistics_url(self) -> str:
        return self.url.rstrip("/") + STATISTICS_PATH

    def _answer(self, entry: dict) -> tuple:
        if entry["path"].rstrip("/") != STATISTICS_PATH:
            return super()._answer(entry)  # the Process API (or a 404) on the same host
        self._check_call(entry, STATISTICS_PATH)
        if self.delay:
            time.sleep(self.delay)
        call = validate_statistical(self._body(entry), self.byoc_ids, self.deployment)
        if self.scenes is None:
            raise ApiError(500, "The statistics server has no scenes.", "RENDERER_EXCEPTION")
        cost = processing_units(call.req) * max(1, len(call.intervals))
        entry["processing_units"] = cost
        self._reserve(cost)
        data = []
        for start, end in call.intervals:
            found = interval_statistics(call, start, end, self.scenes, self.no_data_areas)
            if found is not None:
                data.append(found)
        payload = json.dumps({"data": data}).encode("utf-8")
        return 200, payload, "application/json", {"x-processingunits-spent": f"{cost:.6g}"}
