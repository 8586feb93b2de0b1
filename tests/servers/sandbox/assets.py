"""Real assets for the sandbox items: COGs and PNG thumbnails made on first request.

The shipped sandbox items (``resources/sandbox``) point their assets at
``https://data.sandbox.eo-explorer.invalid/<collection>/<item id>/<file>``, which never
resolves. :class:`SandboxAssetServer` serves the same paths for real::

    items = sandbox_items()
    with SandboxAssetServer(items, cache_dir) as assets:
        files = write_items(workdir / "stac", assets.url)  # rewritten copy for rustac
        RustacServer(files)  # item hrefs now point at assets.url

* Each COG is generated on its first request (GET or HEAD), once even when requests come
  in parallel (one lock per file), written to a temporary name and renamed, and kept in
  ``cache_dir`` (a folder per generator version, so a changed generator never serves
  stale files). The bytes are deterministic: they depend on the item and the key only.
* Georeferencing follows the item: its ``proj:epsg`` and its footprint (the geometry, or
  the bbox), transformed into that CRS; ``size`` pixels on the longer side (square
  pixels); pixels outside the footprint are nodata. The pictures are a synthetic
  landscape (water, forest, fields, towns) that is the same for every item over the same
  ground in the same CRS, with each item's own clouds (``eo:cloud_cover``) and speckle:

  - ``visual``: 3 bands Byte RGB, nodata 0 (Sentinel-1: VV/VH/ratio false colour, LST:
    the temperature through a colour ramp);
  - other optical keys: 1 band UInt16 reflectance x 10000, nodata 0;
  - ``lst`` (and any data key of an LST item): 1 band Float32 in deg C, nodata -9999
    (clouds are nodata);
  - ``vv`` / ``vh`` (and any data key of a Sentinel-1 item): 1 band Float32 backscatter
    in dB (speckled), nodata -9999;
  - ``thumbnail`` (PNG): the ``visual`` COG at 256 px, RGBA (the alpha is the footprint),
    written by GDAL's PNG driver.

* Everything else is :class:`~tests.servers.common.file_server.FileServer`: ranges, ETag, HEAD,
  ``authorize`` and faults. ``download_rate`` (bytes/s, None: no limit) slows down
  whole-file GETs of COGs (no ``Range``, or ``bytes=N-``) like a slow link, so a person
  trying the sandbox can cancel and resume a download; GDAL's bounded range reads
  (streaming) and thumbnails are never slowed down.

:func:`write_items` writes the rewritten copy of the sandbox for rustac: hrefs on the
asset server (same path layout), ``file:size`` and ``file:checksum`` removed (the sizes
are unknown until a file is generated; the plugin downloads files of unknown size), and
the file extension dropped from ``stac_extensions`` when no ``file:*`` field is left.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import os
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union
from urllib.parse import unquote, urlsplit

import numpy as np
from osgeo import gdal, ogr, osr

from tests.servers.common.cogs import LST_NODATA
from tests.servers.common.file_server import FileFault, FileServer, _FileHandler
from tests.servers.sandbox.items import (
    DEFAULT_ASSET_BASE,
    SANDBOX_DIR,
    dumps,
    sandbox_files,
)

__all__ = [
    "DEFAULT_CACHE_DIR",
    "GENERATOR_VERSION",
    "SandboxAssetServer",
    "cache_folder",
    "make_asset",
    "rewrite_item",
    "sandbox_items",
    "write_items",
]

#: Pixels on the longer side of every COG.
SIZE = 1024
THUMBNAIL_SIZE = 256
#: Changes whenever this file changes: cached files of an older generator are not served.
GENERATOR_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[3] / "build" / "sandbox-assets"
FILE_EXTENSION = re.compile(r"^https://stac-extensions\.github\.io/file/")
_OPEN_RANGE = re.compile(r"^bytes=\d*-$")
SAR_NODATA = -9999.0

#: LST colour ramp of the ``visual`` composite (deg C, RGB): cold blue to hot red.
_LST_RAMP = (
    (10, (49, 54, 149)),
    (18, (69, 117, 180)),
    (24, (116, 173, 209)),
    (28, (254, 224, 144)),
    (33, (244, 109, 67)),
    (38, (215, 48, 39)),
    (45, (165, 0, 38)),
)


def cache_folder(base: Union[str, os.PathLike]) -> Path:
    """The cache of this generator version under ``base``."""
    return Path(base) / f"v-{GENERATOR_VERSION}"


def sandbox_items(root: Union[str, os.PathLike] = SANDBOX_DIR, shift_days: int = 0) -> list[dict]:
    """Every item of the sandbox under ``root`` (its ``items/*.json`` FeatureCollections),
    every date moved by ``shift_days`` days (see :mod:`tests.servers.sandbox.dates`)."""
    if shift_days:
        from tests.servers.sandbox.dates import shift

        return shift(sandbox_items(root), shift_days)
    items: list[dict] = []
    for path in sandbox_files(root):
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        if document.get("type") == "FeatureCollection":
            items.extend(document.get("features") or [])
    return items


# -- rewriting the items ------------------------------------------------------------------


def rewrite_item(item: dict, asset_url: str, asset_base: str = DEFAULT_ASSET_BASE) -> dict:
    """A copy of ``item`` whose assets under ``asset_base`` are served from ``asset_url``,
    without ``file:size`` / ``file:checksum``, with the ``proj:bbox`` its generated rasters
    cover (quicklooks are placed by it, as on a real catalog)."""
    out = copy.deepcopy(item)
    properties = out.get("properties") or {}
    if properties.get("proj:epsg") and "proj:bbox" not in properties and out.get("geometry"):
        properties["proj:bbox"] = [round(v, 3) for v in proj_bbox(item)]
    prefix = asset_base.rstrip("/") + "/"
    target = asset_url.rstrip("/") + "/"
    for asset in (out.get("assets") or {}).values():
        href = asset.get("href")
        if isinstance(href, str) and href.startswith(prefix):
            asset["href"] = target + href[len(prefix) :]
            asset.pop("file:size", None)
            asset.pop("file:checksum", None)
    still_used = any(
        name.startswith("file:") for asset in (out.get("assets") or {}).values() for name in asset
    ) or any(name.startswith("file:") for name in out.get("properties") or {})
    if not still_used and "stac_extensions" in out:
        out["stac_extensions"] = [e for e in out["stac_extensions"] if not FILE_EXTENSION.match(e)]
    return out


def write_items(
    outdir: Union[str, os.PathLike],
    asset_url: str,
    source: Union[str, os.PathLike] = SANDBOX_DIR,
    shift_days: int = 0,
) -> list[str]:
    """Write ``collections/`` (as they are) and ``items/`` (rewritten for ``asset_url``)
    of the sandbox at ``source`` under ``outdir``; return the files for rustac, collections
    first. ``shift_days`` moves every date (see :mod:`tests.servers.sandbox.dates`)."""
    from tests.servers.sandbox.dates import shift

    out = Path(outdir)
    for path in sandbox_files(source):
        document = shift(json.loads(Path(path).read_text(encoding="utf-8")), shift_days)
        folder = "collections" if document.get("type") == "Collection" else "items"
        if document.get("type") == "FeatureCollection":
            document["features"] = [
                rewrite_item(item, asset_url) for item in document.get("features") or []
            ]
        target = out / folder / Path(path).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dumps(document), encoding="utf-8")
    return sandbox_files(out)


# -- where an item's pixels are -----------------------------------------------------------


@dataclass(frozen=True)
class Grid:
    """A north-up raster grid in ``epsg``: geotransform, size and the footprint mask."""

    epsg: int
    wkt: str
    geotransform: tuple[float, float, float, float, float, float]
    width: int
    height: int
    mask: np.ndarray  # bool, True inside the footprint

    def centres_km(self) -> tuple[np.ndarray, np.ndarray]:
        """Pixel centre coordinates in (about) kilometres of the grid's CRS, as a row
        (1, width) of x and a column (height, 1) of y that broadcast to the grid."""
        x0, step, _, y0, _, step_y = self.geotransform
        xs = x0 + (np.arange(self.width) + 0.5) * step
        ys = y0 + (np.arange(self.height) + 0.5) * step_y
        if self.epsg == 4326:  # degrees: make the landscape's scales comparable
            lat = math.radians(float(np.mean(ys)))
            xs, ys = xs * 111.32 * math.cos(lat), ys * 110.57
        else:
            xs, ys = xs / 1000.0, ys / 1000.0
        return xs[None, :], ys[:, None]


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(epsg))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _footprint(item: dict) -> ogr.Geometry:
    geometry = item.get("geometry")
    if isinstance(geometry, dict):
        found = ogr.CreateGeometryFromJson(json.dumps(geometry))
        if found is not None and not found.IsEmpty():
            return found
    bbox = item["bbox"]
    west, south, east, north = bbox[:4] if len(bbox) == 4 else (bbox[0], bbox[1], bbox[3], bbox[4])
    if west > east:
        east += 360.0
    ring = f"{west} {south},{east} {south},{east} {north},{west} {north},{west} {south}"
    return ogr.CreateGeometryFromWkt(f"POLYGON(({ring}))")


def _grid_frame(item: dict, size: int) -> tuple:
    """(epsg, CRS, footprint in it, geotransform, width, height) of the item's grid."""
    epsg = int((item.get("properties") or {}).get("proj:epsg") or 4326)
    target = _srs(epsg)
    footprint = _footprint(item)
    footprint.AssignSpatialReference(_srs(4326))
    footprint.Segmentize(0.02)
    if epsg == 4326:
        footprint = _unwrapped(footprint)
    elif footprint.TransformTo(target) != 0:
        raise ValueError(f"the footprint of {item.get('id')} cannot be put in EPSG:{epsg}")
    minx, maxx, miny, maxy = footprint.GetEnvelope()
    step = max(maxx - minx, maxy - miny) / size
    width = max(1, math.ceil((maxx - minx) / step))
    height = max(1, math.ceil((maxy - miny) / step))
    return epsg, target, footprint, (minx, step, 0.0, maxy, 0.0, -step), width, height


def proj_bbox(item: dict, size: int = SIZE) -> list[float]:
    """The box the item's rasters (and so its thumbnail) cover, in its ``proj:epsg``: what
    a real catalog gives as ``proj:bbox``."""
    _epsg, _target, _footprint, geotransform, width, height = _grid_frame(item, size)
    x0, step, _, y0, _, step_y = geotransform
    return [x0, y0 + height * step_y, x0 + width * step, y0]


def grid_for(item: dict, size: int = SIZE) -> Grid:
    """The item's grid: its footprint in its ``proj:epsg``, ``size`` px on the longer side."""
    epsg, target, footprint, geotransform, width, height = _grid_frame(item, size)
    mem = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(geotransform)
    mem.SetProjection(target.ExportToWkt())
    vectors = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = vectors.CreateLayer("footprint", target, ogr.wkbUnknown)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(footprint)
    layer.CreateFeature(feature)
    gdal.RasterizeLayer(mem, [1], layer, burn_values=[1], options=["ALL_TOUCHED=TRUE"])
    mask = mem.GetRasterBand(1).ReadAsArray().astype(bool)
    if not mask.any():
        mask[:] = True
    return Grid(epsg, target.ExportToWkt(), geotransform, width, height, mask)


def _unwrapped(geometry: ogr.Geometry) -> ogr.Geometry:
    """Longitudes west of 0 moved by +360 when the footprint crosses the antimeridian."""
    minx, maxx, _, _ = geometry.GetEnvelope()
    if maxx - minx <= 180:
        return geometry
    doc = json.loads(geometry.ExportToJson())

    def shift(coords: Any) -> Any:
        if coords and isinstance(coords[0], (int, float)):
            return [coords[0] + 360.0 if coords[0] < 0 else coords[0], *coords[1:]]
        return [shift(c) for c in coords]

    doc["coordinates"] = shift(doc["coordinates"])
    return ogr.CreateGeometryFromJson(json.dumps(doc))


# -- what the pixels show -----------------------------------------------------------------


def _seed(*parts: object) -> int:
    text = "|".join(str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")


def _waves(
    rng: np.random.Generator,
    x: np.ndarray,
    y: np.ndarray,
    count: int,
    shortest: float,
    longest: float,
    power: float = 0.8,
) -> np.ndarray:
    """Sum of ``count`` plane waves (wavelengths in km, amplitude wavelength ** power) on
    the grid of the row ``x`` and the column ``y``, scaled to 0..1."""
    field = np.zeros((y.shape[0], x.shape[1]))
    for _ in range(count):
        wavelength = math.exp(rng.uniform(math.log(shortest), math.log(longest)))
        angle, phase = rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi)
        along_x = 2 * math.pi * math.cos(angle) / wavelength * x + phase
        along_y = 2 * math.pi * math.sin(angle) / wavelength * y
        # sin(a + b), separably: four small arrays and two products instead of a big sin
        amplitude = wavelength**power
        field += (amplitude * np.sin(along_x)) * np.cos(along_y)
        field += (amplitude * np.cos(along_x)) * np.sin(along_y)
    low, high = float(field.min()), float(field.max())
    return (field - low) / max(high - low, 1e-9)


def _cell_noise(x: np.ndarray, y: np.ndarray, cell_km: float, salt: int) -> np.ndarray:
    """A value in 0..1 per square cell of ``cell_km`` (fields, blocks of houses)."""
    x, y = np.broadcast_arrays(x, y)
    ix = np.floor(x / cell_km).astype(np.int64)
    iy = np.floor(y / cell_km).astype(np.int64)
    mixed = (ix * 73856093) ^ (iy * 19349663) ^ salt
    mixed = (mixed * 2654435761) & 0xFFFFFFFF
    mixed ^= mixed >> 15
    return ((mixed * 2246822519) & 0xFFFF).astype(np.float64) / 65535.0


@dataclass
class Landscape:
    """Land cover classes of the ground under a grid: 0 water, 1 forest, 2 fields, 3 town."""

    classes: np.ndarray
    parcel: np.ndarray  # 0..1 per field parcel
    relief: np.ndarray  # 0..1, smooth


def landscape(grid: Grid) -> Landscape:
    x, y = grid.centres_km()
    relief = _waves(np.random.default_rng(_seed("relief", grid.epsg)), x, y, 12, 3.0, 60.0)
    detail = _waves(np.random.default_rng(_seed("detail", grid.epsg)), x, y, 8, 0.4, 4.0)
    parcel = _cell_noise(x + 0.37 * np.sin(y / 3.1), y, 0.6, _seed("parcels") & 0xFFFF)
    blocks = _cell_noise(x, y, 2.5, _seed("towns") & 0xFFFF)
    level = 0.8 * relief + 0.2 * detail
    classes = np.full(level.shape, 2, dtype=np.uint8)
    classes[level > 0.66] = 1
    classes[(blocks > 0.94) & (level > 0.3) & (level < 0.66)] = 3
    classes[level < 0.2] = 0
    return Landscape(classes, parcel, relief)


def _value_noise(rng: np.random.Generator, height: int, width: int, octaves: int = 5) -> np.ndarray:
    """Fractal value noise in 0..1 over the grid's pixels (smooth-stepped random lattices,
    4, 8, 16, ... cells across, each octave half as strong)."""
    field = np.zeros((height, width))
    for octave in range(octaves):
        cells = 4 * 2**octave
        lattice = rng.random((cells + 1, cells + 1))
        ys = np.linspace(0.0, cells, height, endpoint=False)
        xs = np.linspace(0.0, cells, width, endpoint=False)
        iy, ix = ys.astype(int), xs.astype(int)
        fy, fx = ys - iy, xs - ix
        sy, sx = (fy * fy * (3 - 2 * fy))[:, None], (fx * fx * (3 - 2 * fx))[None, :]
        rows, rows_below = lattice[iy], lattice[iy + 1]
        top = rows[:, ix] + (rows[:, ix + 1] - rows[:, ix]) * sx
        bottom = rows_below[:, ix] + (rows_below[:, ix + 1] - rows_below[:, ix]) * sx
        field += (top + (bottom - top) * sy) * 0.5**octave
    low, high = float(field.min()), float(field.max())
    return (field - low) / max(high - low, 1e-9)


def _clouds(grid: Grid, item: dict, cover: float) -> np.ndarray:
    """Cloud opacity 0..1 covering about ``cover`` percent of the footprint."""
    if cover <= 0:
        return np.zeros(grid.mask.shape)
    if cover >= 100:
        return np.ones(grid.mask.shape)
    rng = np.random.default_rng(_seed("clouds", item.get("id")))
    field = _value_noise(rng, grid.height, grid.width)
    inside = field[grid.mask]
    threshold = float(np.quantile(inside, 1.0 - cover / 100.0)) if inside.size else 1.0
    return np.clip((field - threshold) / 0.04 + 0.5, 0.0, 1.0)


def _rgb_landscape(grid: Grid, item: dict, ground: Landscape) -> list[np.ndarray]:
    rng = np.random.default_rng(_seed("texture", item.get("id")))
    palette = np.array(
        [(22, 42, 68), (34, 72, 38), (0, 0, 0), (128, 124, 122)], dtype=np.float64
    )  # fields come from the parcel colours
    fields = np.array(
        [(96, 128, 58), (150, 138, 92), (118, 150, 70), (172, 152, 112), (80, 110, 50)],
        dtype=np.float64,
    )
    rgb = palette[ground.classes]
    parcel_colour = fields[np.minimum((ground.parcel * len(fields)).astype(int), len(fields) - 1)]
    is_field = ground.classes == 2
    rgb[is_field] = parcel_colour[is_field]
    rgb += rng.normal(0.0, 6.0, rgb.shape) + (ground.relief[..., None] - 0.5) * 30
    cover = float((item.get("properties") or {}).get("eo:cloud_cover") or 0.0)
    opacity = _clouds(grid, item, cover)[..., None]
    rgb = rgb * (1 - opacity) + np.array([236.0, 238.0, 242.0]) * opacity
    return [_byte(rgb[..., i], grid.mask) for i in range(3)]


def _byte(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    out = np.clip(np.round(values), 1, 255).astype(np.uint8)  # 0 is nodata
    out[~mask] = 0
    return out


def _reflectance(grid: Grid, item: dict, key: str, ground: Landscape) -> np.ndarray:
    rng = np.random.default_rng(_seed("band", item.get("id"), key))
    near_infrared = any(word in key.lower() for word in ("08", "8a", "nir"))
    by_class = (
        np.array([300.0, 3500.0, 2800.0, 1800.0])
        if near_infrared
        else np.array([400.0, 600.0, 1200.0, 1700.0])
    )
    values = by_class[ground.classes] * (0.75 + 0.5 * ground.parcel)
    values += rng.normal(0, 60, values.shape)
    cover = float((item.get("properties") or {}).get("eo:cloud_cover") or 0.0)
    opacity = _clouds(grid, item, cover)
    values = values * (1 - opacity) + 7500 * opacity
    out = np.clip(np.round(values), 1, 10000).astype(np.uint16)
    out[~grid.mask] = 0
    return out


def _backscatter(grid: Grid, item: dict, ground: Landscape) -> dict[str, np.ndarray]:
    """VV and VH in dB: by land cover, with multiplicative speckle (5 looks)."""
    rng = np.random.default_rng(_seed("speckle", item.get("id")))
    mean_db = {
        "vv": np.array([-22.0, -7.5, -11.0, -3.0]),
        "vh": np.array([-28.0, -13.0, -18.0, -9.0]),
    }
    out = {}
    for pol, by_class in mean_db.items():
        db = by_class[ground.classes] + 3.0 * (ground.parcel - 0.5)
        speckle = rng.gamma(5.0, 1.0 / 5.0, db.shape)
        values = (db + 10.0 * np.log10(np.maximum(speckle, 1e-6))).astype(np.float32)
        values[~grid.mask] = SAR_NODATA
        out[pol] = values
    return out


def _temperature(grid: Grid, item: dict, ground: Landscape) -> np.ndarray:
    """Land surface temperature in deg C; clouds and outside the footprint are nodata."""
    properties = item.get("properties") or {}
    month = int(str(properties.get("datetime") or "2024-07")[5:7] or 7)
    season = 8.0 * math.cos(2 * math.pi * (month - 7) / 12.0)  # July warmest
    by_class = np.array([18.0, 24.0, 30.0, 37.0]) + season
    values = by_class[ground.classes] + 4.0 * (ground.parcel - 0.5) + 3.0 * ground.relief
    rng = np.random.default_rng(_seed("lst", item.get("id")))
    values += rng.normal(0.0, 0.4, values.shape)
    cover = float(properties.get("eo:cloud_cover") or rng.uniform(0.0, 12.0))
    values = values.astype(np.float32)
    values[_clouds(grid, item, cover) > 0.5] = LST_NODATA
    values[~grid.mask] = LST_NODATA
    return values


def _ramp(values: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
    stops = np.array([s for s, _ in _LST_RAMP], dtype=np.float64)
    colours = np.array([c for _, c in _LST_RAMP], dtype=np.float64)
    return [_byte(np.interp(values, stops, colours[:, i]), mask) for i in range(3)]


def _scaled(values: np.ndarray, low: float, high: float) -> np.ndarray:
    return (values - low) / (high - low) * 254.0 + 1.0


def item_kind(item: dict) -> str:
    """ "sar", "lst" or "optical"."""
    collection = str(item.get("collection") or "").lower()
    properties = item.get("properties") or {}
    if "sentinel-1" in collection or any(k.startswith("sar:") for k in properties):
        return "sar"
    if "lst" in collection or "lst" in (item.get("assets") or {}):
        return "lst"
    return "optical"


@dataclass
class Raster:
    bands: list[np.ndarray]
    dtype: int  # gdal.GDT_*
    nodata: Optional[float]
    rgb: bool = False


def render(item: dict, key: str, grid: Grid) -> Raster:
    """The pixels of asset ``key`` of ``item`` on ``grid``."""
    kind = item_kind(item)
    ground = landscape(grid)
    if kind == "sar":
        pols = _backscatter(grid, item, ground)
        if key == "visual":
            vv, vh = pols["vv"], pols["vh"]
            bands = [
                _byte(_scaled(vv, -25.0, 0.0), grid.mask),
                _byte(_scaled(vh, -30.0, -5.0), grid.mask),
                _byte(_scaled(vv - vh, 0.0, 15.0), grid.mask),
            ]
            return Raster(bands, gdal.GDT_Byte, 0.0, rgb=True)
        return Raster([pols.get(key.lower(), pols["vv"])], gdal.GDT_Float32, SAR_NODATA)
    if kind == "lst":
        celsius = _temperature(grid, item, ground)
        if key == "visual":
            return Raster(_ramp(celsius, celsius != LST_NODATA), gdal.GDT_Byte, 0.0, rgb=True)
        return Raster([celsius], gdal.GDT_Float32, LST_NODATA)
    if key == "visual":
        return Raster(_rgb_landscape(grid, item, ground), gdal.GDT_Byte, 0.0, rgb=True)
    return Raster([_reflectance(grid, item, key, ground)], gdal.GDT_UInt16, 0.0)


# -- files --------------------------------------------------------------------------------


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")


def write_cog(path: Path, item: dict, key: str, size: int = SIZE) -> Path:
    """Generate the COG of asset ``key`` of ``item`` at ``path`` (atomically)."""
    grid = grid_for(item, size)
    raster = render(item, key, grid)
    mem = gdal.GetDriverByName("MEM").Create(
        "", grid.width, grid.height, len(raster.bands), raster.dtype
    )
    mem.SetGeoTransform(grid.geotransform)
    mem.SetProjection(grid.wkt)
    colours = (gdal.GCI_RedBand, gdal.GCI_GreenBand, gdal.GCI_BlueBand)
    for index, values in enumerate(raster.bands):
        band = mem.GetRasterBand(index + 1)
        band.WriteArray(values)
        if raster.nodata is not None:
            band.SetNoDataValue(raster.nodata)
        if raster.rgb:
            band.SetColorInterpretation(colours[index])
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary(path)
    options = ["BLOCKSIZE=256", "COMPRESS=DEFLATE", "PREDICTOR=YES", "RESAMPLING=AVERAGE"]
    cog = gdal.Translate(str(temporary), mem, format="COG", creationOptions=options)
    if cog is None:
        temporary.unlink(missing_ok=True)
        raise RuntimeError(f"COG creation failed: {gdal.GetLastErrorMsg()}")
    cog = mem = None  # close: flush to disk
    os.replace(temporary, path)
    return path


def write_thumbnail(path: Path, visual: Path, size: int = THUMBNAIL_SIZE) -> Path:
    """A PNG (RGBA, alpha = the footprint) of the ``visual`` COG, ``size`` px wide/high."""
    source = gdal.Open(str(visual))
    if source is None:
        raise RuntimeError(f"cannot open {visual}: {gdal.GetLastErrorMsg()}")
    scale = size / max(source.RasterXSize, source.RasterYSize)
    width = max(1, round(source.RasterXSize * scale))
    height = max(1, round(source.RasterYSize * scale))
    small = gdal.Translate(
        "", source, format="MEM", width=width, height=height, resampleAlg="average"
    )
    bands = [small.GetRasterBand(i + 1).ReadAsArray() for i in range(min(3, small.RasterCount))]
    while len(bands) < 3:
        bands.append(bands[0])
    alpha = np.where(np.any(np.stack(bands) > 0, axis=0), 255, 0).astype(np.uint8)
    rgba = gdal.GetDriverByName("MEM").Create("", width, height, 4, gdal.GDT_Byte)
    for index, values in enumerate([*bands, alpha]):
        rgba.GetRasterBand(index + 1).WriteArray(values)
    rgba.GetRasterBand(4).SetColorInterpretation(gdal.GCI_AlphaBand)
    temporary = _temporary(path)
    png = gdal.GetDriverByName("PNG").CreateCopy(str(temporary), rgba)
    if png is None:
        raise RuntimeError(f"PNG creation failed: {gdal.GetLastErrorMsg()}")
    png = rgba = small = source = None
    Path(str(temporary) + ".aux.xml").unlink(missing_ok=True)
    os.replace(temporary, path)
    return path


def make_asset(path: Path, item: dict, key: str, size: int = SIZE) -> Path:
    """Generate asset ``key`` of ``item`` at ``path``: a PNG thumbnail or a COG."""
    asset = (item.get("assets") or {}).get(key) or {}
    if "thumbnail" in (asset.get("roles") or []) or path.suffix.lower() == ".png":
        visual = path.with_name("visual.tif")
        if not visual.is_file():
            write_cog(visual, item, "visual", size)
        return write_thumbnail(path, visual)
    return write_cog(path, item, key, size)


# -- the server ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Spec:
    item: dict
    key: str
    derived_from: str = ""  # the file a thumbnail is made from (generated first)


class _AssetHandler(_FileHandler):
    server_version = "SandboxAssets/1.0"

    def _send_body(self, path, start, length, size, fault):  # type: ignore[override]
        srv: SandboxAssetServer = self.owner
        wanted = (self.headers.get("Range") or "").replace(" ", "")
        whole = not wanted or _OPEN_RANGE.match(wanted) is not None
        if fault is None and srv.download_rate and whole and path.suffix == ".tif":
            fault = FileFault("trickle", rate=float(srv.download_rate), chunk_size=16 * 1024)
        return super()._send_body(path, start, length, size, fault)


class SandboxAssetServer(FileServer):
    """Serve the assets of ``items`` (STAC item dicts with hrefs under ``asset_base``),
    generated on first request into :func:`cache_folder` of ``cache_dir``."""

    handler = _AssetHandler

    def __init__(
        self,
        items: list[dict],
        cache_dir: Union[str, os.PathLike] = DEFAULT_CACHE_DIR,
        *,
        size: int = SIZE,
        download_rate: Optional[float] = None,
        asset_base: str = DEFAULT_ASSET_BASE,
        **options: Any,
    ) -> None:
        root = cache_folder(cache_dir)
        root.mkdir(parents=True, exist_ok=True)
        super().__init__(root, **options)
        self.size = size
        self.download_rate = download_rate
        self.generated: list[str] = []  # relative paths generated by this server, in order
        self._specs: dict[str, _Spec] = {}
        self._file_locks: dict[str, threading.Lock] = {}
        prefix = urlsplit(asset_base.rstrip("/") + "/").path
        for item in items:
            for key, asset in (item.get("assets") or {}).items():
                href = asset.get("href") if isinstance(asset, dict) else None
                if not isinstance(href, str) or not href.startswith(asset_base.rstrip("/") + "/"):
                    continue
                relpath = unquote(urlsplit(href).path)[len(prefix) :]
                self._specs[relpath] = _Spec(item, str(key))
        for relpath, spec in list(self._specs.items()):
            if relpath.endswith(".png"):
                visual = relpath.rsplit("/", 1)[0] + "/visual.tif"
                self._specs[relpath] = _Spec(spec.item, spec.key, visual)

    @property
    def running(self) -> bool:
        return self._httpd is not None

    def config(self) -> dict[str, Any]:
        return {"assets": self.url}

    def relpaths(self) -> list[str]:
        """Every path this server can generate (``<collection>/<item id>/<file>``)."""
        return list(self._specs)

    def url_for_asset(self, item_id: str, key: str) -> str:
        for relpath, spec in self._specs.items():
            if spec.item.get("id") == item_id and spec.key == key:
                return self.url_for(relpath)
        raise KeyError((item_id, key))

    def _file_lock(self, relpath: str) -> threading.Lock:
        with self._lock:
            return self._file_locks.setdefault(relpath, threading.Lock())

    def ensure(self, relpath: str) -> Optional[Path]:
        """The cached file of ``relpath``, generated now if needed; None if unknown."""
        spec = self._specs.get(relpath)
        if spec is None:
            return None
        path = self.root / relpath
        if path.is_file():
            return path
        with self._file_lock(relpath):
            if not path.is_file():
                if spec.derived_from:
                    self.ensure(spec.derived_from)
                make_asset(path, spec.item, spec.key, self.size)
                with self._lock:
                    self.generated.append(relpath)
        return path

    def file_for(self, url_path: str) -> Optional[Path]:
        relpath = unquote(url_path).lstrip("/")
        if relpath in self._specs:
            try:
                self.ensure(relpath)
            except Exception as exc:  # noqa: BLE001 - a 404 and a message, not a dead thread
                print(f"sandbox assets: cannot generate {relpath}: {exc}", file=sys.stderr)
                return None
        return super().file_for(url_path)
