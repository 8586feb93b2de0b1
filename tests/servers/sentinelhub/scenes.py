"""The sandbox's own scenes behind the local Process API: band values and the evalscript run
for real.

Part of :class:`tests.servers.sentinelhub.process_server.ProcessApiServer` when it is given
``scenes`` (the sandbox of ``make run`` does). A request's data input (Sentinel-2 L1C/L2A,
Sentinel-1 GRD) is answered from the sandbox items of that mission: the items whose
``datetime`` is in the time range (and, for Sentinel-2, whose ``eo:cloud_cover`` is at most
``maxCloudCoverage``) are mosaicked per pixel in ``mosaickingOrder`` (``mostRecent``
default, ``leastRecent``, ``leastCC``): each pixel takes the first item whose footprint holds
its centre; ``dataMask`` is 1 there and 0 where no item does.

Band values (:meth:`SandboxScenes.bands`) are a pure function of the pixel centre in the
request's CRS, the item and the band, so tiles of one grid join without a seam: the
sandbox's synthetic ground (water, forest, fields, towns, field parcels; built from the
same noise as :mod:`tests.servers.sandbox.assets` but scaled by fixed constants instead of
per grid) with a reflectance spectrum per land cover (Sentinel-2 bands ``B01`` ... ``B12``,
reflectance 0..1) or a backscatter per land cover (``VV``/``VH``/``HH``/``HV``, linear
power), and each item's clouds (about ``eo:cloud_cover`` percent of the ground, reflectance
0.6). The COGs of the asset server are separate pictures of the same kind, not the same
pixels.

:func:`run_evalscript` runs the evalscript's ``evaluatePixel(sample)`` in V8 (mini-racer)
for every pixel of a grid of at most :data:`MAX_EVALUATED_PIXELS` pixels: a larger image is
evaluated on a coarser grid (every n-th pixel centre, n the smallest that fits) and each
evaluated value fills its n x n block. ``setup()`` is read by
:mod:`tests.servers.sentinelhub.evalscript`. Output values are converted as Sentinel Hub
does: AUTO scales 0..1 to 0..255, the integer types round and clamp, NaN becomes 0 in them.
``preProcessScenes``, ``updateOutput`` and the ``scenes`` argument are not supported
(``evaluatePixel`` gets one sample per pixel: SIMPLE mosaicking).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import statistics
from typing import Optional

import numpy as np
from osgeo import ogr, osr

from tests.servers.sandbox.assets import _cell_noise, _seed

__all__ = ["MAX_EVALUATED_PIXELS", "SandboxScenes", "javascript_available", "run_evalscript"]

#: evaluatePixel() runs on at most this many pixels per image (a coarser grid beyond).
MAX_EVALUATED_PIXELS = 512 * 512

#: Reflectance (0..1) per land cover (water, forest, fields, town), Sentinel-2 bands.
SPECTRA = {
    "B01": (0.07, 0.03, 0.05, 0.10),
    "B02": (0.06, 0.03, 0.05, 0.11),
    "B03": (0.05, 0.05, 0.08, 0.12),
    "B04": (0.03, 0.03, 0.07, 0.13),
    "B05": (0.025, 0.08, 0.12, 0.14),
    "B06": (0.02, 0.22, 0.22, 0.16),
    "B07": (0.02, 0.28, 0.26, 0.17),
    "B08": (0.015, 0.32, 0.28, 0.18),
    "B8A": (0.012, 0.33, 0.29, 0.19),
    "B09": (0.01, 0.10, 0.09, 0.06),
    "B10": (0.002, 0.005, 0.005, 0.006),
    "B11": (0.008, 0.15, 0.22, 0.22),
    "B12": (0.005, 0.07, 0.13, 0.19),
}
CLOUD_REFLECTANCE = 0.6
#: Sentinel-2 L2A scene classification (SCL) per land cover: water 6, vegetation 4 (forest
#: and fields), not vegetated 5 (town); under clouds 8 (medium probability, opacity over 0.5)
#: or 9 (high, over 0.8), so that evalscripts can mask clouds as on the real service.
SCL_OF_CLASS = (6.0, 4.0, 4.0, 5.0)
#: Backscatter (dB) per land cover, Sentinel-1 co- and cross-polarisation.
BACKSCATTER_DB = {"co": (-22.0, -7.5, -11.0, -3.0), "cross": (-28.0, -13.0, -18.0, -9.0)}
MISSIONS = {
    "sentinel-2-l2a": "sentinel-2",
    "sentinel-2-l1c": "sentinel-2",
    "sentinel-1-grd": "sentinel-1",
}


def javascript_available() -> bool:
    try:
        import py_mini_racer  # noqa: F401
    except ImportError:
        return False
    return True


# -- the ground -----------------------------------------------------------------------------


def _field(seed: int, x: np.ndarray, y: np.ndarray, count: int, shortest: float, longest: float):
    """Plane waves (wavelengths in km) summed and divided by a constant: about unit
    variance, the same value for the same place whatever the grid."""
    rng = np.random.default_rng(seed)
    field = np.zeros(np.broadcast(x, y).shape)
    power = 0.0
    for _ in range(count):
        wavelength = math.exp(rng.uniform(math.log(shortest), math.log(longest)))
        angle, phase = rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi)
        amplitude = wavelength**0.8
        k = 2 * math.pi / wavelength
        field = field + amplitude * np.sin(k * (math.cos(angle) * x + math.sin(angle) * y) + phase)
        power += amplitude**2 / 2
    return field / math.sqrt(power)


def _km(xs: np.ndarray, ys: np.ndarray, lonlat: bool) -> tuple[np.ndarray, np.ndarray]:
    """Pixel centres in km: a row of x and a column of y (degrees at a fixed 48 deg N
    scale, so every tile of a lon/lat grid uses the same)."""
    if lonlat:
        return (xs * 111.32 * math.cos(math.radians(48.0)))[None, :], (ys * 110.57)[:, None]
    return (xs / 1000.0)[None, :], (ys / 1000.0)[:, None]


def ground(xs: np.ndarray, ys: np.ndarray, lonlat: bool, epsg: int):
    """(classes 0 water / 1 forest / 2 fields / 3 town, parcel 0..1) at the centres."""
    x, y = _km(xs, ys, lonlat)
    relief = _field(_seed("scene-relief", epsg), x, y, 12, 3.0, 60.0)
    detail = _field(_seed("scene-detail", epsg), x, y, 8, 0.4, 4.0)
    level = 0.8 * relief + 0.2 * detail
    parcel = _cell_noise(x + 0.37 * np.sin(y / 3.1), y, 0.6, _seed("parcels") & 0xFFFF)
    blocks = _cell_noise(x, y, 2.5, _seed("towns") & 0xFFFF)
    classes = np.full(level.shape, 2, dtype=np.uint8)
    classes[level > 0.6] = 1
    classes[(blocks > 0.94) & (level > -0.5) & (level < 0.6)] = 3
    classes[level < -1.0] = 0
    return classes, parcel


def cloud_opacity(item: dict, xs, ys, lonlat: bool) -> np.ndarray:
    """0..1: about ``eo:cloud_cover`` percent of the ground is under a cloud."""
    cover = float((item.get("properties") or {}).get("eo:cloud_cover") or 0.0)
    x, y = _km(xs, ys, lonlat)
    shape = (y.shape[0], x.shape[1])
    if cover <= 0:
        return np.zeros(shape)
    if cover >= 100:
        return np.ones(shape)
    field = _field(_seed("scene-clouds", item.get("id")), x, y, 10, 4.0, 80.0)
    threshold = statistics.NormalDist().inv_cdf(1.0 - cover / 100.0)
    return np.clip((field - threshold) / 0.1 + 0.5, 0.0, 1.0)


# -- the scenes -----------------------------------------------------------------------------


def _time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _mission(item: dict) -> Optional[str]:
    collection = str(item.get("collection") or "")
    if "sentinel-2" in collection:
        return "sentinel-2"
    if "sentinel-1" in collection:
        return "sentinel-1"
    return None


class SandboxScenes:
    """The sandbox items a Process request is answered from (Sentinel-2 and -1)."""

    def __init__(self, items: list[dict]) -> None:
        self.items = [i for i in items if _mission(i)]

    def found(self, data) -> list[dict]:
        """Items of the data input ``data`` (a ProcessRequest DataInput), mosaicking order."""
        mission = MISSIONS.get(data.type)
        df = data.data_filter
        most_cloud = df.get("maxCloudCoverage")
        out = []
        for item in self.items:
            if _mission(item) != mission:
                continue
            when = _time(item["properties"]["datetime"])
            if data.time_from is not None and when < data.time_from:
                continue
            if data.time_to is not None and when > data.time_to:
                continue
            cover = item["properties"].get("eo:cloud_cover")
            if most_cloud is not None and cover is not None and cover > most_cloud:
                continue
            out.append(item)
        order = df.get("mosaickingOrder") or "mostRecent"
        if order == "leastCC":
            out.sort(key=lambda i: i["properties"].get("eo:cloud_cover") or 0.0)
        else:
            out.sort(key=lambda i: i["properties"]["datetime"], reverse=order != "leastRecent")
        return out

    def coverage(self, req, data) -> tuple[list[dict], np.ndarray]:
        """(items, index): per pixel the index in ``items`` of the item it takes, -1: none."""
        from tests.servers.sentinelhub.render import _burn, _srs

        index = np.full((req.height, req.width), -1, dtype=np.int32)
        items = self.found(data)
        to_request = osr.CoordinateTransformation(_srs(4326), _srs(req.epsg))
        x0, y0, x1, y1 = req.bbox
        for n, item in enumerate(items):
            footprint = ogr.CreateGeometryFromJson(json.dumps(item["geometry"]))
            if footprint is None:
                continue
            footprint = footprint.Clone()
            footprint.Segmentize(0.05)
            if footprint.Transform(to_request) != 0:
                continue
            minx, maxx, miny, maxy = footprint.GetEnvelope()
            if maxx < x0 or minx > x1 or maxy < y0 or miny > y1:
                continue
            inside = _burn(req, [footprint]) & (index < 0)
            index[inside] = n
            if (index >= 0).all():
                break
        return items, index

    def bands(self, req, data, names: list[str]) -> dict[str, np.ndarray]:
        """``names`` (bands and ``dataMask``) on the request grid, float64 (height, width)."""
        from tests.servers.sentinelhub.render import pixel_centres

        xs, ys = pixel_centres(req.bbox, req.width, req.height)
        items, index = self.coverage(req, data)
        classes, parcel = ground(xs, ys, req.lonlat, req.epsg)
        texture = 0.8 + 0.4 * parcel
        out = {name: np.zeros((req.height, req.width)) for name in names}
        for n in np.unique(index[index >= 0]):
            item = items[int(n)]
            here = index == n
            clouds = cloud_opacity(item, xs, ys, req.lonlat)
            for name in names:
                if name == "dataMask":
                    continue
                if name.upper() == "SCL":
                    values = np.array(SCL_OF_CLASS)[classes]
                    values = np.where(clouds > 0.5, 8.0, values)
                    values = np.where(clouds > 0.8, 9.0, values)
                elif name.upper() in ("VV", "VH", "HH", "HV"):
                    pol = "co" if name.upper() in ("VV", "HH") else "cross"
                    db = np.array(BACKSCATTER_DB[pol])[classes] + 3.0 * (parcel - 0.5)
                    values = 10.0 ** (db / 10.0)
                else:
                    spectrum = np.array(SPECTRA.get(name.upper(), SPECTRA["B04"]))
                    values = spectrum[classes] * texture
                    values = values * (1 - clouds) + CLOUD_REFLECTANCE * clouds
                out[name][here] = values[here]
        if "dataMask" in out:
            out["dataMask"] = (index >= 0).astype(np.float64)
        return out


# -- the evalscript -------------------------------------------------------------------------

_RUNNER = """
function __eoExplorerRun(names, columns, count) {
  var out = new Array(count);
  for (var i = 0; i < count; i++) {
    var sample = {};
    for (var k = 0; k < names.length; k++) { sample[names[k]] = columns[k][i]; }
    out[i] = evaluatePixel(sample, [], {}, {}, {});
  }
  return JSON.stringify(out, function (key, value) {
    return (typeof value === "number" && !isFinite(value)) ? String(value) : value;
  });
}
"""


def _numbers(values) -> np.ndarray:
    """JSON values (numbers, booleans, "NaN" / "Infinity" strings, null) as float64."""
    if isinstance(values, (int, float, bool, str)) or values is None:
        values = [values]
    out = []
    for v in values:
        if isinstance(v, str):
            out.append(float(v.replace("Infinity", "inf")))
        elif v is None:
            out.append(math.nan)
        else:
            out.append(float(v))
    return np.array(out, dtype=np.float64)


def run_evalscript(script: str, samples: dict[str, np.ndarray], outputs: list) -> dict:
    """``evaluatePixel`` of ``script`` on every pixel of ``samples`` (band -> array of one
    shape): {output id: float64 array (bands, *shape)} for ``outputs`` (evalscript
    Output objects). A single output takes an array; several, an object keyed by id."""
    from py_mini_racer import MiniRacer

    names = list(samples)
    shape = next(iter(samples.values())).shape
    count = int(np.prod(shape))
    columns = [np.asarray(samples[n], dtype=np.float64).ravel().tolist() for n in names]
    context = MiniRacer()
    context.eval(script)
    context.eval(_RUNNER)
    answer = context.eval(f"__eoExplorerRun({json.dumps(names)}, {json.dumps(columns)}, {count})")
    results = json.loads(answer)
    single = len(outputs) == 1
    found = {}
    for out in outputs:
        values = np.full((out.bands, count), np.nan)
        for i, result in enumerate(results):
            if not single and isinstance(result, dict):
                result = result.get(out.id)
            row = _numbers(result)[: out.bands]
            values[: row.size, i] = row
        found[out.id] = values.reshape((out.bands, *shape))
    return found


_LIMITS = {
    "UINT8": (0, 255),
    "AUTO": (0, 255),
    "UINT16": (0, 65535),
    "INT8": (-128, 127),
    "INT16": (-32768, 32767),
}


def to_sample_type(values: np.ndarray, sample_type: str) -> np.ndarray:
    """Evalscript output values as Sentinel Hub writes them in ``sample_type``."""
    if sample_type == "FLOAT32":
        return values.astype(np.float32)
    if sample_type == "AUTO":
        values = values * 255.0
    low, high = _LIMITS[sample_type]
    out = np.clip(np.round(np.nan_to_num(values, nan=0.0)), low, high)
    if sample_type == "INT8":
        return out.astype(np.int8).view(np.uint8)
    return out.astype(
        {"AUTO": np.uint8, "UINT8": np.uint8, "UINT16": np.uint16}.get(sample_type, np.int16)
    )


def evaluation_step(width: int, height: int) -> int:
    """n: evaluatePixel runs on every n-th pixel centre (1: all of them)."""
    return max(1, math.ceil(math.sqrt(width * height / MAX_EVALUATED_PIXELS)))


def scene_image(req, identifier: str, scenes: SandboxScenes, mask: np.ndarray) -> list:
    """The bands of output ``identifier``: the evalscript run on the scenes' samples."""
    out = req.evalscript.output(identifier)
    data = req.data[0]
    samples = scenes.bands(req, data, list(dict.fromkeys(req.evalscript.inputs)))
    for name in samples:
        samples[name] = np.where(mask, samples[name], 0.0)
    step = evaluation_step(req.width, req.height)
    rows = np.minimum(np.arange(0, req.height, step) + step // 2, req.height - 1)
    cols = np.minimum(np.arange(0, req.width, step) + step // 2, req.width - 1)
    coarse = {name: values[np.ix_(rows, cols)] for name, values in samples.items()}
    result = run_evalscript(req.evalscript_text, coarse, req.evalscript.outputs)[identifier]
    back_rows, back_cols = np.arange(req.height) // step, np.arange(req.width) // step
    arrays = []
    nan = out.sample_type == "FLOAT32" and any(d.collection.nan_nodata for d in req.data)
    for band in result:
        values = to_sample_type(band[np.ix_(back_rows, back_cols)], out.sample_type)
        values[~mask] = np.nan if nan else 0
        arrays.append(values)
    return arrays
