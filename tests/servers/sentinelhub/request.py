"""Validation of a Process API request body (``POST /api/v1/process``).

Part of :class:`tests.servers.sentinelhub.process_server.ProcessApiServer`. The rules are those of
seed 001 and the CDSE Sentinel Hub OpenAPI (``ProcessRequest``, ``ProcessRequestInput``,
``ProcessRequestInputBounds``, ``ProcessRequestOutput``, ``*Dataset``, ``TimeRange``, the
``Accept`` header): see ``tests/servers/README.md`` for which error messages are recorded
from the real service and which are worded here (the OpenAPI gives no messages).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from tests.servers.sentinelhub.collections import (
    CRS84,
    DEPLOYMENTS,
    ApiError,
    Collection,
    bad_payload,
    collection_for,
    not_on_deployment,
    parse_crs,
    too_coarse,
)
from tests.servers.sentinelhub.evalscript import Evalscript, EvalscriptError, parse_evalscript
from tests.servers.sentinelhub.output import MAX_SIZE, check_compatible, image_size, responses

__all__ = ["MAX_SIZE", "DataInput", "ProcessRequest", "parse_time", "validate"]

INTERPOLATORS = ("NEAREST", "BILINEAR", "BICUBIC")
S1_FILTERS = {
    "resolution": ("HIGH", "MEDIUM", "FULL"),
    "acquisitionMode": ("SM", "IW", "EW", "WV", "EN", "AN", "IM"),
    "polarization": ("SH", "SV", "DH", "DV", "HH", "HV", "VV", "VH"),
    "orbitDirection": ("ASCENDING", "DESCENDING"),
    "timeliness": ("NRT10m", "NRT1h", "NRT3h", "Fast24h", "Offline", "Reprocessing", "ArchNormal"),
}
S1_PROCESSING = {
    "backCoeff": ("BETA0", "SIGMA0_ELLIPSOID", "GAMMA0_ELLIPSOID", "GAMMA0_TERRAIN"),
    "demInstance": ("MAPZEN", "COPERNICUS", "COPERNICUS_30", "COPERNICUS_90"),
}
_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?"
    r"(Z|z|[+-]\d{2}:?\d{2})?"
)


@dataclass
class DataInput:
    collection: Collection
    type: str
    id: Optional[str]
    data_filter: dict
    processing: dict
    time_from: Optional[dt.datetime] = None
    time_to: Optional[dt.datetime] = None


@dataclass
class ProcessRequest:
    bbox: tuple  # (minx, miny, maxx, maxy) in ``crs``, normalised from any two opposite corners
    crs: str  # the CRS URI as requested (default CRS84)
    epsg: int  # CRS84 -> 4326
    lonlat: bool  # coordinates are longitude, latitude
    geometry: Optional[dict]
    width: int
    height: int
    data: list[DataInput]
    evalscript: Evalscript
    responses: list[tuple[str, str]]  # (identifier, MIME type actually sent)
    content_type: str  # of the whole answer: one image type, or a tar
    jpeg_quality: dict = field(default_factory=dict)
    evalscript_text: str = ""  # the script as sent (run when the server has scenes)


def parse_time(value: Any) -> Optional[dt.datetime]:
    """ISO-8601 date-time; the date alone "will not work" (OpenAPI ``TimeRange``)."""
    m = _TIME.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        return None
    y, mo, d, h, mi, s = (int(g or 0) for g in m.groups()[:6])
    micro = int((m.group(7) or "0")[:6].ljust(6, "0"))
    tz = m.group(8)
    if tz in (None, "Z", "z"):
        offset = dt.timedelta(0)
    else:
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        offset = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    try:
        return dt.datetime(y, mo, d, h, mi, s, micro, tzinfo=dt.timezone(offset))
    except ValueError:
        return None


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _dict(value: Any, path: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise bad_payload(path, f"`{path.replace('->', '.')}` must be an object.")
    return value


def _enum(obj: dict, key: str, allowed: tuple, path: str) -> None:
    if key in obj and obj[key] not in allowed:
        raise bad_payload(
            f"{path}->{key}",
            f"Invalid value {obj[key]!r} of `{key}`; allowed values: {', '.join(allowed)}.",
        )


def _geometry(geometry: Any) -> tuple:
    path = "input->bounds->geometry"
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if kind not in ("Polygon", "MultiPolygon") or not isinstance(coords, list) or not coords:
        raise bad_payload(path, "geometry must be a GeoJSON Polygon or MultiPolygon.")
    polygons = coords if kind == "MultiPolygon" else [coords]
    xs: list[float] = []
    ys: list[float] = []
    for polygon in polygons:
        for ring in polygon if isinstance(polygon, list) and polygon else [None]:
            ok = isinstance(ring, list) and len(ring) >= 4
            ok = ok and all(
                isinstance(p, list) and len(p) == 2 and all(map(_number, p)) for p in ring
            )
            if not ok or ring[0] != ring[-1]:
                raise bad_payload(
                    path, "Each polygon ring must be a closed list of at least 4 [x, y] positions."
                )
            xs.extend(p[0] for p in ring)
            ys.extend(p[1] for p in ring)
    return min(xs), min(ys), max(xs), max(ys)


def _bounds(inp: dict) -> tuple:
    bounds = inp.get("bounds")
    if not isinstance(bounds, dict):
        raise bad_payload("input->bounds", "`input.bounds` must be specified.")
    props = _dict(bounds.get("properties"), "input->bounds->properties")
    crs = props.get("crs", CRS84)
    epsg, lonlat = parse_crs(crs)
    bbox, geometry = bounds.get("bbox"), bounds.get("geometry")
    if bbox is None and geometry is None:
        raise bad_payload("input->bounds", "Either bbox or geometry (or both) must be specified.")
    envelope = _geometry(geometry) if geometry is not None else None
    if bbox is not None:
        if not isinstance(bbox, list) or len(bbox) != 4 or not all(map(_number, bbox)):
            raise bad_payload("input->bounds->bbox", "bbox must be an array of 4 numbers.")
        # "a coordinate pair on two (opposite) vertices of the bounding box rectangle"
        x0, x1 = sorted((float(bbox[0]), float(bbox[2])))
        y0, y1 = sorted((float(bbox[1]), float(bbox[3])))
    else:
        x0, y0, x1, y1 = envelope  # type: ignore[misc]
    if x0 == x1 or y0 == y1:
        raise bad_payload("input->bounds", "The requested area must not be empty.")
    if lonlat and not (-180 <= x0 and x1 <= 180 and -90 <= y0 and y1 <= 90):
        raise bad_payload(
            "input->bounds",
            "Coordinates out of range for longitude, latitude: [-180, -90, 180, 90].",
        )
    return (x0, y0, x1, y1), str(crs), epsg, lonlat, geometry


def _time_range(data_filter: dict, path: str) -> tuple:
    tr = data_filter.get("timeRange")
    if tr is None:
        return None, None
    path += "->timeRange"
    if not isinstance(tr, dict):
        raise bad_payload(path, "timeRange must be an object with `from` and `to`.")
    times = []
    for key in ("from", "to"):
        parsed = parse_time(tr.get(key))
        if parsed is None:
            raise bad_payload(
                f"{path}->{key}",
                f"`{key}` must be an ISO-8601 date and time such as 2019-01-31T14:00:00Z, "
                f"got {tr.get(key)!r}.",
            )
        times.append(parsed)
    if times[0] > times[1]:
        raise bad_payload(path, "The start of timeRange (`from`) must not be after its end (`to`).")
    return times[0], times[1]


def _data_input(
    i: int, item: Any, byoc_ids: Optional[set], deployment: Optional[str] = None
) -> DataInput:
    path = f"input->data->{i}"
    if not isinstance(item, dict):
        raise bad_payload(path, "Each `input.data` element must be an object.")
    coll = collection_for(item.get("type"), byoc_ids)
    if coll is None:
        raise bad_payload(f"{path}->type", f"Unknown data collection type {item.get('type')!r}.")
    served = DEPLOYMENTS.get(deployment or "")
    byoc = coll.type.split("-", 1)[0] in ("byoc", "batch", "zarr")  # on their own host
    if served is not None and not byoc and coll.type not in served:
        raise not_on_deployment(i, coll, str(deployment))
    df = _dict(item.get("dataFilter"), f"{path}->dataFilter")
    proc = _dict(item.get("processing"), f"{path}->processing")
    t0, t1 = _time_range(df, f"{path}->dataFilter")
    fpath, ppath = f"{path}->dataFilter", f"{path}->processing"
    if "mosaickingOrder" in df:
        _enum(df, "mosaickingOrder", coll.orders, fpath)
    cc = df.get("maxCloudCoverage")
    if coll.cloud_filter and cc is not None and not (_number(cc) and 0 <= cc <= 100):
        raise bad_payload(
            f"{fpath}->maxCloudCoverage", "maxCloudCoverage must be between 0 and 100."
        )
    if coll.type == "sentinel-2-l1c":
        _enum(df, "previewMode", ("DETAIL", "TILE_PREVIEW", "PREVIEW", "EXTENDED_PREVIEW"), fpath)
    if coll.type == "dem":
        _enum(df, "demInstance", ("MAPZEN", "COPERNICUS_30", "COPERNICUS_90"), fpath)
    for key in ("upsampling", "downsampling"):
        _enum(proc, key, INTERPOLATORS, ppath)
    if coll.type == "sentinel-1-grd":
        for key, allowed in S1_FILTERS.items():
            _enum(df, key, allowed, fpath)
        for key, allowed in S1_PROCESSING.items():
            _enum(proc, key, allowed, ppath)
        _s1_processing(proc, ppath)
    return DataInput(coll, coll.type, item.get("id"), df, proc, t0, t1)


def _s1_processing(proc: dict, path: str) -> None:
    if "orthorectify" in proc and not isinstance(proc["orthorectify"], bool):
        raise bad_payload(f"{path}->orthorectify", "orthorectify must be true or false.")
    rto = proc.get("radiometricTerrainOversampling")
    if rto is not None and not (_number(rto) and 1 <= rto <= 4):
        raise bad_payload(
            f"{path}->radiometricTerrainOversampling",
            "radiometricTerrainOversampling must be between 1 and 4.",
        )
    speckle = proc.get("speckleFilter")
    if speckle is not None:
        kind = speckle.get("type") if isinstance(speckle, dict) else None
        if kind not in ("NONE", "LEE"):
            raise bad_payload(f"{path}->speckleFilter", "speckleFilter type must be NONE or LEE.")
        for key in ("windowSizeX", "windowSizeY") if kind == "LEE" else ():
            size = speckle.get(key)
            if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= 7:
                raise bad_payload(
                    f"{path}->speckleFilter->{key}", f"{key} must be an integer from 1 to 7."
                )
    # Data page: "Radiometric terrain correction can be enabled by setting the backscatter
    # coefficient to gamma0_terrain; orthorectification must be enabled in this case."
    if proc.get("backCoeff") == "GAMMA0_TERRAIN" and proc.get("orthorectify") is not True:
        raise bad_payload(
            f"{path}->backCoeff",
            "backCoeff GAMMA0_TERRAIN (radiometric terrain correction) requires "
            "orthorectify: true.",
        )


def _check_bands(data: list, script: Evalscript) -> None:
    if len(data) != 1 or data[0].collection.bands is None:
        return  # data fusion input objects name datasources; not checked here
    coll = data[0].collection
    for band in script.inputs:
        if band not in coll.bands:
            raise ApiError(400, f"Band {band!r} does not exist in data collection {coll.type!r}.")


def meters_per_pixel(req: ProcessRequest) -> float:
    """The coarser of the two pixel sizes in metres (lon/lat: at the bbox centre)."""
    x0, y0, x1, y1 = req.bbox
    dx, dy = (x1 - x0) / req.width, (y1 - y0) / req.height
    if req.lonlat:
        dx *= 111_320.0 * math.cos(math.radians((y0 + y1) / 2))
        dy *= 110_574.0
    return max(abs(dx), abs(dy))


def validate(
    body: Any,
    accept: Optional[str] = None,
    byoc_ids: Optional[set] = None,
    deployment: Optional[str] = None,
    max_size: int = MAX_SIZE,
) -> ProcessRequest:
    """The request ``body`` (parsed JSON) as a :class:`ProcessRequest`, or ApiError.
    ``deployment``: a host of ``DEPLOYMENTS`` whose collections only are served."""
    if not isinstance(body, dict):
        raise ApiError(400, "Request body must be a JSON object.")
    inp = body.get("input")
    if not isinstance(inp, dict):
        raise bad_payload("input", "`input` must be specified.")
    bbox, crs, epsg, lonlat, geometry = _bounds(inp)
    data = inp.get("data")
    if not isinstance(data, list) or not data:
        raise bad_payload("input->data", "`input.data` must contain at least one data collection.")
    inputs = [_data_input(i, item, byoc_ids, deployment) for i, item in enumerate(data)]
    script_text = body.get("evalscript")
    if not isinstance(script_text, str) or not script_text.strip():
        raise bad_payload("evalscript", "`evalscript` must be specified.")
    try:
        script = parse_evalscript(script_text)
    except EvalscriptError as exc:
        raise ApiError(400, str(exc), "RENDERER_EXCEPTION") from None
    output = _dict(body.get("output"), "output")
    width, height = image_size(output, bbox, max_size=max_size)
    answers, content_type, quality = responses(output, script, accept)
    check_compatible(script, answers)
    _check_bands(inputs, script)
    req = ProcessRequest(
        bbox, crs, epsg, lonlat, geometry, width, height, inputs, script, answers, content_type
    )
    req.jpeg_quality = quality
    req.evalscript_text = script_text
    for d in inputs:
        limit = d.collection.max_meters_per_pixel
        if limit is not None and meters_per_pixel(req) > limit:
            raise too_coarse(meters_per_pixel(req), d.collection)
    return req
