"""What the local Process API server renders for a valid request: real images made with GDAL.

Part of :class:`tests.servers.sentinelhub.process_server.ProcessApiServer`.

Pixel values are a pure function of the pixel centre's coordinates in the requested CRS
(:func:`pattern`), so tiles of one grid join without a seam and a shifted, overlapping or
missing tile shows. Band ``k`` follows x for even ``k`` and y for odd ``k``:

- FLOAT32: the coordinate itself (x or y, as float32);
- integer sample types (AUTO writes UINT8): ``1 + (round(c / q) + 37 k) mod M`` with
  ``q`` = 7e-6 (degrees) or 0.7 (metres) and ``M`` = 255 (UINT8, AUTO), 65535 (UINT16),
  127 (INT8), 32767 (INT16): never 0, so 0 always means "no data".

"No data" pixels (CDSE "Data Mask" page: outside the requested polygon, or no source data)
have all band values 0, so the evalscript's output is 0 too (NaN for FLOAT32 output of a
Landsat collection, whose no-data band values are NaN). There is no data where a time range
ends before the collection's first data, or inside the server's ``no_data_areas``.

Processing units follow the CDSE "Processing Unit definition": 512 x 512 px (factor at
least 0.01) x input bands / 3 (dataMask not counted unless alone) x 2 for FLOAT32 TIFF x
number of collections (data fusion) x Sentinel-1 orthorectification 2 / terrain correction
2.5 / speckle filter 2; at least 0.005 PU. One sample per pixel is assumed (ORBIT and TILE
mosaicking would multiply by the number of acquisitions, which this server does not model).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import tarfile
import threading
import uuid
from typing import Optional

import numpy as np
from osgeo import gdal, ogr, osr

from tests.servers.sentinelhub.collections import S1_BANDS_BY_POLARIZATION, ApiError
from tests.servers.sentinelhub.request import ProcessRequest

__all__ = ["encode", "pattern", "pixel_centres", "processing_units", "render", "s1_tile_check"]


_exceptions_lock = threading.Lock()
_exceptions_depth = 0
_exceptions_saved = (False, False, False)


def _with_gdal_exceptions(function):
    """Run with GDAL exceptions on, then restore the caller's mode: the server shares the
    process with the plugin and tests, which must see GDAL as they left it. Counted, so
    overlapping requests in server threads restore the mode only when the last ends."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        global _exceptions_depth, _exceptions_saved
        with _exceptions_lock:
            if _exceptions_depth == 0:
                _exceptions_saved = (
                    gdal.GetUseExceptions(),
                    ogr.GetUseExceptions(),
                    osr.GetUseExceptions(),
                )
                gdal.UseExceptions()
                ogr.UseExceptions()
                osr.UseExceptions()
            _exceptions_depth += 1
        try:
            return function(*args, **kwargs)
        finally:
            with _exceptions_lock:
                _exceptions_depth -= 1
                if _exceptions_depth == 0:
                    # GDAL 3.6 keeps a stack of error handlers: undo in reverse order.
                    for module, was_on in reversed(list(zip((gdal, ogr, osr), _exceptions_saved))):
                        if not was_on:
                            module.DontUseExceptions()

    return wrapper


QUANTUM = {True: 7e-6, False: 0.7}  # lon/lat degrees, projected units
MODULUS = {"AUTO": 255, "UINT8": 255, "UINT16": 65535, "INT8": 127, "INT16": 32767}
GDAL_TYPES = {
    "AUTO": gdal.GDT_Byte,
    "UINT8": gdal.GDT_Byte,
    "INT8": gdal.GDT_Byte,  # GeoTIFF PIXELTYPE=SIGNEDBYTE (no Int8 before GDAL 3.7)
    "UINT16": gdal.GDT_UInt16,
    "INT16": gdal.GDT_Int16,
    "FLOAT32": gdal.GDT_Float32,
}
NUMPY_TYPES = {
    "AUTO": np.uint8,
    "UINT8": np.uint8,
    "INT8": np.uint8,
    "UINT16": np.uint16,
    "INT16": np.int16,
    "FLOAT32": np.float32,
}
EXTENSIONS = {
    "image/tiff": "tif",
    "image/png": "png",
    "image/jpeg": "jpg",
    "application/json": "json",
}


@_with_gdal_exceptions
def pixel_centres(bbox: tuple, width: int, height: int) -> tuple:
    """(xs, ys): pixel-centre x of each column, y of each row (top row first)."""
    x0, y0, x1, y1 = bbox
    xs = x0 + (np.arange(width) + 0.5) * ((x1 - x0) / width)
    ys = y1 - (np.arange(height) + 0.5) * ((y1 - y0) / height)
    return xs, ys


@_with_gdal_exceptions
def pattern(xs, ys, band: int, sample_type: str, lonlat: bool) -> np.ndarray:
    """Values of ``band`` at the pixel centres ``xs`` x ``ys``: array (len(ys), len(xs))."""
    xs, ys = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)
    coord = xs[None, :] if band % 2 == 0 else ys[:, None]
    shape = (ys.size, xs.size)
    if sample_type == "FLOAT32":
        return np.broadcast_to(coord, shape).astype(np.float32)
    n = np.round(coord / QUANTUM[lonlat]) + 37 * band
    values = 1 + np.mod(n, MODULUS[sample_type])
    return np.broadcast_to(values, shape).astype(NUMPY_TYPES[sample_type])


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _geotransform(req: ProcessRequest) -> tuple:
    x0, y0, x1, y1 = req.bbox
    return (x0, (x1 - x0) / req.width, 0.0, y1, 0.0, -(y1 - y0) / req.height)


def _burn(req: ProcessRequest, geometries: list) -> np.ndarray:
    """Boolean mask (height, width): pixel centre inside any of ``geometries``."""
    mem = gdal.GetDriverByName("MEM").Create("", req.width, req.height, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(_geotransform(req))
    mem.SetSpatialRef(_srs(req.epsg))
    vec = ogr.GetDriverByName("Memory").CreateDataSource("mask")
    layer = vec.CreateLayer("mask", srs=_srs(req.epsg), geom_type=ogr.wkbUnknown)
    for geometry in geometries:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    gdal.RasterizeLayer(mem, [1], layer, burn_values=[1])
    return mem.GetRasterBand(1).ReadAsArray().astype(bool)


@_with_gdal_exceptions
def data_mask(req: ProcessRequest, no_data_areas: list) -> np.ndarray:
    """True where there is data: inside the geometry (if any), outside ``no_data_areas``
    (lon/lat boxes), and only if every collection has data in the time range."""
    for d in req.data:
        first = d.collection.first_data
        if first and d.time_to is not None:
            start = dt.datetime.fromisoformat(first).replace(tzinfo=dt.timezone.utc)
            if d.time_to < start:
                return np.zeros((req.height, req.width), dtype=bool)
    mask = np.ones((req.height, req.width), dtype=bool)
    if req.geometry is not None:
        mask &= _burn(req, [ogr.CreateGeometryFromJson(json.dumps(req.geometry))])
    if no_data_areas:
        to_request = osr.CoordinateTransformation(_srs(4326), _srs(req.epsg))
        boxes = []
        for x0, y0, x1, y1 in no_data_areas:
            box = ogr.CreateGeometryFromWkt(
                f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"
            )
            box.Segmentize(0.05)
            box.Transform(to_request)
            boxes.append(box)
        mask &= ~_burn(req, boxes)
    return mask


@_with_gdal_exceptions
def s1_tile_check(req: ProcessRequest, polarization: str, has_data: bool) -> None:
    """400 RENDERER_S1_MISSING_POLARIZATION (as recorded) when the evalscript asks for a
    polarization band the Sentinel-1 product found does not have (data page, "Available
    Bands": VV in SV/DV/VV products, VH in VH/DV, HV in HV/DH, HH in SH/DH/HH)."""
    if not has_data:
        return
    for d in req.data:
        if d.type != "sentinel-1-grd":
            continue
        df = d.data_filter
        pol = df.get("polarization") or (
            "DH" if df.get("acquisitionMode") == "EW" else polarization
        )
        mode = df.get("acquisitionMode") or ("EW" if pol in ("DH", "SH", "HH", "HV") else "IW")
        for band in req.evalscript.inputs:
            if band in S1_BANDS_BY_POLARIZATION and pol not in S1_BANDS_BY_POLARIZATION[band]:
                raise ApiError(
                    400,
                    f"Requested band '{band}' is not present in Sentinel 1 tile "
                    f"'{_s1_product_id(d, mode, pol)}' returned by criteria specified in "
                    "`dataFilter` parameter.",
                    "RENDERER_S1_MISSING_POLARIZATION",
                )


def _s1_product_id(d, mode: str, pol: str) -> str:
    when = d.time_from if d.data_filter.get("mosaickingOrder") == "leastRecent" else d.time_to
    day = (when or dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)).strftime("%Y%m%d")
    seq = int(day) % 99991
    res = "M" if mode == "EW" else "H"
    return (
        f"S1A_{mode}_GRD{res}_1S{pol}_{day}T051000_{day}T051025_"
        f"{seq % 60000:06d}_{seq * 7 % 0xFFFFFF:06X}_{seq * 13 % 0xFFFF:04X}"
    )


@_with_gdal_exceptions
def processing_units(req: ProcessRequest) -> float:
    area = max(0.01, req.width * req.height / (512 * 512))
    bands = [b for b in req.evalscript.inputs if b != "dataMask"] or req.evalscript.inputs
    cost = area * len(bands) / 3
    for identifier, mime in req.responses:
        out = req.evalscript.output(identifier)
        if out is not None and mime == "image/tiff" and out.sample_type == "FLOAT32":
            cost *= 2
            break
    if len(req.data) > 1:
        cost *= len(req.data)
    for d in req.data:
        if d.type == "sentinel-1-grd":
            if d.processing.get("backCoeff") == "GAMMA0_TERRAIN":
                cost *= 2.5
            elif d.processing.get("orthorectify") is True:
                cost *= 2
            if (d.processing.get("speckleFilter") or {}).get("type") == "LEE":
                cost *= 2
    return max(0.005, cost)


@_with_gdal_exceptions
def encode(arrays: list, sample_type: str, mime: str, req: ProcessRequest, **opts) -> bytes:
    """Bands ``arrays`` as ``mime`` (GeoTIFF georeferenced to the request bbox and CRS).
    ``opts``: ``nodata`` (GeoTIFF nodata tag), ``quality`` (JPEG)."""
    mem = gdal.GetDriverByName("MEM").Create(
        "", req.width, req.height, len(arrays), GDAL_TYPES[sample_type]
    )
    for i, array in enumerate(arrays, start=1):
        mem.GetRasterBand(i).WriteArray(array)
    path = f"/vsimem/process_api_{uuid.uuid4().hex}.{EXTENSIONS[mime]}"
    if mime == "image/tiff":
        mem.SetGeoTransform(_geotransform(req))
        mem.SetSpatialRef(_srs(req.epsg))
        if opts.get("nodata") is not None:
            for i in range(1, len(arrays) + 1):
                mem.GetRasterBand(i).SetNoDataValue(float(opts["nodata"]))
        options = ["COMPRESS=DEFLATE"]
        if sample_type == "INT8":
            options.append("PIXELTYPE=SIGNEDBYTE")
        gdal.GetDriverByName("GTiff").CreateCopy(path, mem, options=options)
    elif mime == "image/png":
        gdal.GetDriverByName("PNG").CreateCopy(path, mem)
    else:
        quality = opts.get("quality", 90)  # ProcessRequestOutputFormatJpeg default 90
        gdal.GetDriverByName("JPEG").CreateCopy(path, mem, options=[f"QUALITY={quality}"])
    try:
        handle = gdal.VSIFOpenL(path, "rb")
        try:
            size = gdal.VSIStatL(path).size
            return bytes(gdal.VSIFReadL(1, size, handle))
        finally:
            gdal.VSIFCloseL(handle)
    finally:
        gdal.Unlink(path)
        if gdal.VSIStatL(path + ".aux.xml") is not None:
            gdal.Unlink(path + ".aux.xml")


def _image(req: ProcessRequest, identifier: str, mime: str, mask: np.ndarray, scenes=None) -> bytes:
    out = req.evalscript.output(identifier)
    assert out is not None
    quality = req.jpeg_quality.get(identifier, 90)
    if scenes is not None:
        from tests.servers.sentinelhub.scenes import scene_image

        arrays = scene_image(req, identifier, scenes, mask)
        return encode(arrays, out.sample_type, mime, req, nodata=out.nodata, quality=quality)
    xs, ys = pixel_centres(req.bbox, req.width, req.height)
    nan = out.sample_type == "FLOAT32" and any(d.collection.nan_nodata for d in req.data)
    fill = np.nan if nan else 0
    arrays = []
    for band in range(out.bands):
        values = np.array(pattern(xs, ys, band, out.sample_type, req.lonlat))
        values[~mask] = fill
        arrays.append(values)
    return encode(arrays, out.sample_type, mime, req, nodata=out.nodata, quality=quality)


@_with_gdal_exceptions
def render(req: ProcessRequest, mask: np.ndarray, scenes=None) -> bytes:
    """The answer body: one file, or a tar of ``<identifier>.<ext>`` files. With ``scenes``
    (:class:`tests.servers.sentinelhub.scenes.SandboxScenes`) the evalscript runs on the
    scenes' bands instead of the coordinate pattern."""
    files = []
    for identifier, mime in req.responses:
        if identifier == "userdata":
            # evaluatePixel() is not run, so outputMetadata.userData stays empty.
            files.append(("userdata.json", b"{}"))
        else:
            image = _image(req, identifier, mime, mask, scenes)
            files.append((f"{identifier}.{EXTENSIONS[mime]}", image))
    if req.content_type not in ("application/tar", "application/x-tar"):
        return files[0][1]
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, payload in files:
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    return buffer.getvalue()


@_with_gdal_exceptions
def coverage_counts(
    tiles: list, bbox: tuple, width: int, height: int, epsg: Optional[int]
) -> np.ndarray:
    """How many ``tiles`` (``(bbox, epsg)`` pairs) contain each pixel centre of the grid
    ``bbox`` / ``width`` x ``height``: half-open boxes, so a shared edge counts once."""
    xs, ys = pixel_centres(bbox, width, height)
    counts = np.zeros((height, width), dtype=np.int32)
    for (x0, y0, x1, y1), tile_epsg in tiles:
        if epsg is not None and tile_epsg != epsg:
            continue
        cols = (xs >= x0) & (xs < x1)
        rows = (ys > y0) & (ys <= y1)
        counts[np.ix_(rows, cols)] += 1
    return counts
