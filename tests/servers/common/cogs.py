"""Real Cloud-Optimized GeoTIFFs for asset tests, with the checksums STAC items carry.

:func:`make_cog` writes a small COG with GDAL (a MEM dataset, then ``gdal.Translate`` with
the COG driver: tiled, DEFLATE, internal overviews) and returns a :class:`CogInfo` with its
bounds, size and checksums::

    cog = make_cog(tmp_path / "b04.tif")  # 512 x 512, 3 bands Byte, EPSG:32632
    lst = make_cog(tmp_path / "lst.tif", pattern="lst")  # 1 band Float32 deg C, nodata -9999
    cog.multihash  # "1220" + sha256 hex, the STAC file extension's `file:checksum`
    cog.asset("http://127.0.0.1:PORT/b04.tif")  # STAC asset dict (type, file:size, ...)

The pixels are deterministic, so the same arguments give the same bytes (same checksum).
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import numpy as np
from osgeo import gdal, osr

__all__ = ["COG_MEDIA_TYPE", "CogInfo", "cog_bytes_checksum", "make_cog", "sha256_multihash"]

COG_MEDIA_TYPE = "image/tiff; application=geotiff; profile=cloud-optimized"
LST_NODATA = -9999.0
_DTYPES = {"Byte": gdal.GDT_Byte, "UInt16": gdal.GDT_UInt16, "Float32": gdal.GDT_Float32}
_NUMPY = {"Byte": np.uint8, "UInt16": np.uint16, "Float32": np.float32}
_MAX = {"Byte": 255.0, "UInt16": 10000.0, "Float32": 1.0}  # UInt16: reflectance * 10000


def sha256_multihash(data: bytes) -> str:
    """``file:checksum`` of ``data``: multihash sha2-256 (0x12, length 0x20, digest) as hex."""
    return "1220" + hashlib.sha256(data).hexdigest()


def cog_bytes_checksum(path: Union[str, os.PathLike]) -> str:
    """``file:checksum`` (sha2-256 multihash hex, "1220...") of the file at ``path``."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return "1220" + digest.hexdigest()


@dataclass(frozen=True)
class CogInfo:
    """What :func:`make_cog` wrote. Bounds are (minx, miny, maxx, maxy); ``bounds_4326``
    is (west, south, east, north) in degrees, edges densified."""

    path: Path
    crs: str
    epsg: int
    bounds: tuple[float, float, float, float]
    bounds_4326: tuple[float, float, float, float]
    geotransform: tuple[float, ...]
    width: int
    height: int
    bands: int
    dtype: str
    nodata: Optional[float]
    overviews: int
    file_size: int
    sha256: str
    multihash: str

    @property
    def size(self) -> tuple[int, int]:
        """Raster size (width, height) in pixels; the byte size is ``file_size``."""
        return (self.width, self.height)

    def asset(self, href: str, roles: tuple[str, ...] = ("data",), **extra: object) -> dict:
        """A STAC asset for this file (file, projection and raster extension fields)."""
        doc: dict = {
            "href": href,
            "type": COG_MEDIA_TYPE,
            "roles": list(roles),
            "file:size": self.file_size,
            "file:checksum": self.multihash,
            "proj:epsg": self.epsg,
            "proj:bbox": list(self.bounds),
            "proj:shape": [self.height, self.width],
            "proj:transform": _affine(self.geotransform),
        }
        band = {"data_type": self.dtype.lower().replace("byte", "uint8")}
        if self.nodata is not None:
            band["nodata"] = self.nodata
        doc["raster:bands"] = [dict(band) for _ in range(self.bands)]
        doc.update(extra)
        return doc


def _affine(gt: tuple[float, ...]) -> list[float]:
    """GDAL geotransform -> ``proj:transform`` (affine a, b, c, d, e, f)."""
    return [gt[1], gt[2], gt[0], gt[4], gt[5], gt[3]]


def _gradient(width: int, height: int, band: int, dtype: str) -> np.ndarray:
    """Diagonal ramp, a different direction per band, scaled to the type's range."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    angle = band * 2.0 * math.pi / 3.0
    ramp = x * math.cos(angle) / max(width - 1, 1) + y * math.sin(angle) / max(height - 1, 1)
    ramp = (ramp - ramp.min()) / max(float(np.ptp(ramp)), 1e-9)
    values = ramp * _MAX[dtype]
    if dtype != "Float32":
        values = np.round(values)
    return values.astype(_NUMPY[dtype])


def _lst(width: int, height: int, band: int) -> np.ndarray:
    """Land surface temperature in deg C (15..45): warm "city" blobs on a cooler field,
    a cold "river", and a cloud disk plus the top-left 16 x 16 corner as nodata."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    u, v = x / max(width - 1, 1), y / max(height - 1, 1)
    field = 0.35 + 0.15 * np.sin(2 * math.pi * (u + 0.1 * band)) * np.cos(math.pi * v)
    for cx, cy, r in ((0.3, 0.35, 0.12), (0.7, 0.6, 0.18)):
        field += 0.45 * np.exp(-((u - cx) ** 2 + (v - cy) ** 2) / (2 * r * r))
    field -= 0.3 * np.exp(-((v - 0.8 - 0.1 * np.sin(6 * u)) ** 2) / 0.0008)
    celsius = 15.0 + 30.0 * np.clip(field, 0.0, 1.0)
    cloud = (u - 0.85) ** 2 + (v - 0.2) ** 2 < 0.08**2
    celsius[cloud] = LST_NODATA
    celsius[:16, :16] = LST_NODATA
    return celsius.astype(np.float32)


def make_cog(
    path: Union[str, os.PathLike],
    *,
    width: int = 512,
    height: int = 512,
    bands: Optional[int] = None,
    dtype: Optional[str] = None,
    crs: str = "EPSG:32632",
    origin: tuple[float, float] = (500000.0, 5300000.0),
    pixel_size: float = 10.0,
    nodata: Optional[float] = None,
    pattern: str = "gradient",
    blocksize: int = 256,
    compress: str = "DEFLATE",
) -> CogInfo:
    """Write a COG to ``path`` (parent folders are created) and describe it.

    ``pattern``: "gradient" (default ``bands=3``, ``dtype="Byte"``; with ``nodata`` the
    top-left 16 x 16 pixels are nodata) or "lst" (default ``bands=1``, Float32 only,
    deg C 15..45, ``nodata`` -9999 unless given). ``dtype``: "Byte", "UInt16", "Float32".
    ``origin``: upper-left corner (x, y) in ``crs``; pixels are square, north up.
    Overviews are made while the smaller side exceeds ``blocksize`` (512 px: one level).
    """
    if pattern not in ("gradient", "lst"):
        raise ValueError(f"unknown pattern {pattern!r}; expected 'gradient' or 'lst'")
    if pattern == "lst":
        bands = 1 if bands is None else bands
        dtype = dtype or "Float32"
        nodata = LST_NODATA if nodata is None else nodata
        if dtype != "Float32":
            raise ValueError("pattern 'lst' is Float32 (deg C)")
    bands = 3 if bands is None else bands
    dtype = dtype or "Byte"
    if dtype not in _DTYPES:
        raise ValueError(f"unknown dtype {dtype!r}; expected one of {sorted(_DTYPES)}")
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    epsg = int(srs.GetAuthorityCode(None))
    geotransform = (float(origin[0]), pixel_size, 0.0, float(origin[1]), 0.0, -pixel_size)

    mem = gdal.GetDriverByName("MEM").Create("", width, height, bands, _DTYPES[dtype])
    mem.SetGeoTransform(geotransform)
    mem.SetProjection(srs.ExportToWkt())
    for index in range(bands):
        band = mem.GetRasterBand(index + 1)
        if pattern == "lst":
            values = _lst(width, height, index)
        else:
            values = _gradient(width, height, index, dtype)
            if nodata is not None:
                values[:16, :16] = nodata
        band.WriteArray(values)
        if nodata is not None:
            band.SetNoDataValue(float(nodata))
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    options = [f"BLOCKSIZE={blocksize}", f"COMPRESS={compress}", "RESAMPLING=AVERAGE"]
    if compress.upper() in ("DEFLATE", "LZW", "ZSTD"):
        options.append("PREDICTOR=YES")
    cog = gdal.Translate(str(out), mem, format="COG", creationOptions=options)
    if cog is None:  # without gdal.UseExceptions(), which would change it process-wide
        raise RuntimeError(f"COG creation failed: {gdal.GetLastErrorMsg()}")
    overviews = cog.GetRasterBand(1).GetOverviewCount()
    cog = mem = None  # close: flush to disk

    minx, maxy = geotransform[0], geotransform[3]
    maxx, miny = minx + width * pixel_size, maxy - height * pixel_size
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(srs, wgs84)
    west, south, east, north = transform.TransformBounds(minx, miny, maxx, maxy, 21)
    data = out.read_bytes()
    return CogInfo(
        path=out,
        crs=crs,
        epsg=epsg,
        bounds=(minx, miny, maxx, maxy),
        bounds_4326=(west, south, east, north),
        geotransform=geotransform,
        width=width,
        height=height,
        bands=bands,
        dtype=dtype,
        nodata=None if nodata is None else float(nodata),
        overviews=overviews,
        file_size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        multihash=sha256_multihash(data),
    )
