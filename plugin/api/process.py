"""Sentinel Hub Process API (seed 001, ``POST /api/v1/process``): endpoints, data
collections, the form's options, and the request bodies of a job.

A job is the user's request for one area: the output grid (:mod:`tiling`), cut into
requests of at most 2500 x 2500 px. Each request body has exactly the shape of seed 001::

    {"input": {"bounds": {"bbox": [...], "properties": {"crs": "<CRS URI>"},
                          "geometry": <polygon clipped to the bbox, for drawn areas>},
               "data": [{"type": "sentinel-2-l2a",
                         "dataFilter": {"timeRange": {"from", "to"}, "mosaickingOrder",
                                        "maxCloudCoverage"},
                         "processing": {"upsampling", "downsampling", ...}}]},
     "output": {"width", "height",
              "responses": [{"identifier": "<output id>", "format": {"type": "image/tiff"}},
                            ... one per output of the evalscript]},
     "evalscript": "//VERSION=3 ..."}

sent with ``Accept: image/tiff`` (one output) or ``application/tar`` (several). Errors are
mapped in :mod:`process_client`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import polygon_engine
from .evalscripts import ScriptInfo
from .polygon_engine import geojson_of, polygon_area, polygons_from_wkb, wkb_from_geojson
from .tiling import (
    MAX_PIXELS,
    BBox,
    Grid,
    Tile,
    degrees_for_metres,
    estimate_units,
    grid_from_resolution,
    grid_from_size,
    split,
)

PROCESS_PATH = "/api/v1/process"
#: The Accept of a request with several responses (OpenAPI ``Accept``: "application/tar",
#: "application/x-tar" or "multipart/mixed"; the tar holds ``<identifier>.<ext>`` files).
MULTI_ACCEPT = "application/tar"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG_URI = "http://www.opengis.net/def/crs/EPSG/0/{}"


@dataclass(frozen=True)
class Endpoint:
    """A Sentinel Hub deployment and the account (service id) that signs in to it."""

    id: str
    title: str
    url: str
    account: str

    @property
    def process_url(self) -> str:
        return self.url.rstrip("/") + PROCESS_PATH


ENDPOINTS = (
    Endpoint(
        "sentinelhub",
        "Sentinel Hub (services.sentinel-hub.com)",
        "https://services.sentinel-hub.com",
        "sentinelhub",
    ),
    Endpoint(
        "sentinelhub-uswest2",
        "Sentinel Hub US West (services-uswest2.sentinel-hub.com)",
        "https://services-uswest2.sentinel-hub.com",
        "sentinelhub",
    ),
    Endpoint(
        "sentinelhub-cdse",
        "Copernicus Data Space (sh.dataspace.copernicus.eu)",
        "https://sh.dataspace.copernicus.eu",
        "sentinelhub-cdse",
    ),
)

ORDERS_2 = ("mostRecent", "leastRecent")
ORDERS_3 = ("mostRecent", "leastRecent", "leastCC")
INTERPOLATIONS = ("NEAREST", "BILINEAR", "BICUBIC")
BACK_COEFFS = ("BETA0", "SIGMA0_ELLIPSOID", "GAMMA0_ELLIPSOID", "GAMMA0_TERRAIN")
POLARIZATIONS = ("DV", "DH", "SV", "SH", "VV", "VH", "HH", "HV")
ACQUISITION_MODES = ("IW", "EW", "SM", "WV")
S1_DEMS = ("COPERNICUS", "COPERNICUS_30", "COPERNICUS_90", "MAPZEN")
DEM_INSTANCES = ("COPERNICUS_30", "COPERNICUS_90", "MAPZEN")


@dataclass(frozen=True)
class CollectionSpec:
    """What the OpenAPI's ``*Dataset`` schemas allow for one ``input.data[].type``."""

    id: str
    title: str
    orders: tuple[str, ...] = ORDERS_2
    cloud: bool = False
    s1: bool = False
    dem: bool = False
    resolution: float = 10.0  # a sensible default pixel size in metres


COLLECTIONS = {
    c.id: c
    for c in (
        CollectionSpec("sentinel-2-l2a", "Sentinel-2 L2A", ORDERS_3, cloud=True),
        CollectionSpec("sentinel-2-l1c", "Sentinel-2 L1C", ORDERS_3, cloud=True),
        CollectionSpec("sentinel-1-grd", "Sentinel-1 GRD", ORDERS_2, s1=True),
        CollectionSpec("sentinel-3-olci", "Sentinel-3 OLCI", ORDERS_2, resolution=300.0),
        CollectionSpec("sentinel-3-slstr", "Sentinel-3 SLSTR", ORDERS_3, True, resolution=500.0),
        CollectionSpec("landsat-ot-l2", "Landsat 8-9 L2", ORDERS_3, cloud=True, resolution=30.0),
        CollectionSpec("dem", "DEM (elevation)", (), dem=True, resolution=30.0),
    )
}

# Which deployment serves which collection. The OpenAPI (seed 001) only says "Make sure to
# use the appropriate end-point for each of the datasets, e.g. for Landsat, Sentinel-3";
# the table is read from:
# - Sentinel Hub "API Overview" (docs.sentinel-hub.com/api/latest/api/overview): the
#   deployments EU-Central-1 (services.sentinel-hub.com) and US-West-2
#   (services-uswest2.sentinel-hub.com) both run the Process API;
# - the Sentinel Hub data pages' examples (docs.sentinel-hub.com/api/latest/data/...):
#   Landsat 8-9 L1/L2, HLS and MODIS are requested from services-uswest2.sentinel-hub.com;
# - Planet "Public Data", "Main Deployments" (docs.planet.com/data/public-data): EU-Central-1
#   serves Sentinel-1 GRD, Sentinel-2 L1C/L2A, Sentinel-3 OLCI/SLSTR and the DEM; US-West-2
#   the Landsat collections, MODIS, HLS and the DEM;
# - CDSE "Sentinel Hub" data (documentation.dataspace.copernicus.eu/APIs/SentinelHub/Data):
#   Copernicus collections (Sentinel-1/2/3/5P) and the Copernicus DEM, no Landsat.
# BYOC / batch / zarr collections belong to the deployment they were made on: every
# deployment is offered them. The sandbox and a custom endpoint offer every collection.
ENDPOINT_COLLECTIONS: dict[str, tuple[str, ...]] = {
    "sentinelhub": (
        "sentinel-2-l2a",
        "sentinel-2-l1c",
        "sentinel-1-grd",
        "sentinel-3-olci",
        "sentinel-3-slstr",
        "dem",
    ),
    "sentinelhub-uswest2": ("landsat-ot-l2", "dem"),
    "sentinelhub-cdse": (
        "sentinel-2-l2a",
        "sentinel-2-l1c",
        "sentinel-1-grd",
        "sentinel-3-olci",
        "sentinel-3-slstr",
        "dem",
    ),
}


def endpoint_collections(endpoint_id: str) -> list[str]:
    """The collection ids (of :data:`COLLECTIONS`) a deployment serves, in that order."""
    served = ENDPOINT_COLLECTIONS.get(endpoint_id)
    return [c for c in COLLECTIONS if served is None or c in served]


def serving_endpoints(collection: str) -> list[Endpoint]:
    """The known deployments that serve ``collection``."""
    return [e for e in ENDPOINTS if collection in endpoint_collections(e.id)]


def check_endpoint(collection: str, endpoint_id: str) -> None:
    """ValueError with a sentence when ``endpoint_id`` does not serve ``collection``."""
    if BYOC_PATTERN.fullmatch(collection or "") or endpoint_id not in ENDPOINT_COLLECTIONS:
        return
    if collection in endpoint_collections(endpoint_id):
        return
    title = next((e.title for e in ENDPOINTS if e.id == endpoint_id), endpoint_id)
    others = [e.title for e in serving_endpoints(collection)]
    where = f" Use {' or '.join(others)}." if others else ""
    raise ValueError(f"{title} does not serve the collection {collection}.{where}")


_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
BYOC_PATTERN = re.compile(rf"(byoc|batch|zarr)-{_UUID}")


def collection_spec(collection: str) -> CollectionSpec:
    """The spec of a collection id, ``byoc-<uuid>`` (and batch-/zarr-) included."""
    if collection in COLLECTIONS:
        return COLLECTIONS[collection]
    if BYOC_PATTERN.fullmatch(collection or ""):
        return CollectionSpec(collection, collection, ORDERS_2)
    raise ValueError(
        f"Unknown data collection {collection!r}: use one of {', '.join(COLLECTIONS)} or "
        "byoc-<collection id> (a UUID)."
    )


def crs_uri(epsg: int) -> str:
    """The CRS URL the Process API takes; EPSG:4326 as CRS84 (longitude, latitude)."""
    return CRS84 if epsg == 4326 else EPSG_URI.format(epsg)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_range(first: date, last: date) -> tuple[datetime, datetime]:
    """Whole days, UTC: the first day from 00:00:00, the last until 23:59:59."""
    return (
        datetime.combine(first, time(0, 0, 0), timezone.utc),
        datetime.combine(last, time(23, 59, 59), timezone.utc),
    )


class ProcessOptions(BaseModel):
    """The data part of the form; checked before anything is sent."""

    model_config = ConfigDict(extra="forbid")

    collection: str
    start: datetime
    end: datetime
    evalscript: str
    mosaicking_order: Optional[str] = None
    max_cloud_coverage: Optional[float] = Field(default=None, ge=0, le=100)
    upsampling: Optional[Literal["NEAREST", "BILINEAR", "BICUBIC"]] = None
    downsampling: Optional[Literal["NEAREST", "BILINEAR", "BICUBIC"]] = None
    # Sentinel-1 GRD
    orthorectify: bool = False
    back_coeff: Optional[
        Literal["BETA0", "SIGMA0_ELLIPSOID", "GAMMA0_ELLIPSOID", "GAMMA0_TERRAIN"]
    ] = None
    speckle_window: int = Field(default=0, ge=0, le=7)  # 0: no filter, else LEE n x n
    polarization: Optional[Literal["DV", "DH", "SV", "SH", "VV", "VH", "HH", "HV"]] = None
    acquisition_mode: Optional[Literal["IW", "EW", "SM", "WV"]] = None
    # DEM instance: of the DEM collection, or the terrain model of S1 orthorectification
    dem_instance: Optional[Literal["COPERNICUS", "COPERNICUS_30", "COPERNICUS_90", "MAPZEN"]] = None

    @model_validator(mode="after")
    def _consistent(self) -> ProcessOptions:
        spec = collection_spec(self.collection)
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("start and end need a time zone (use UTC)")
        if self.start > self.end:
            raise ValueError("the start of the time range is after its end")
        if self.mosaicking_order and self.mosaicking_order not in spec.orders:
            allowed = ", ".join(spec.orders) or "none"
            raise ValueError(
                f"mosaicking order {self.mosaicking_order!r} is not offered for "
                f"{self.collection} (allowed: {allowed})"
            )
        if spec.s1 and self.back_coeff == "GAMMA0_TERRAIN" and not self.orthorectify:
            raise ValueError(
                "terrain correction (backscatter coefficient GAMMA0_TERRAIN) needs "
                "orthorectification: tick Orthorectify"
            )
        if spec.dem and self.dem_instance == "COPERNICUS":
            raise ValueError("the DEM collection offers COPERNICUS_30, COPERNICUS_90 or MAPZEN")
        return self

    @property
    def spec(self) -> CollectionSpec:
        return collection_spec(self.collection)

    def units_multiplier(self) -> float:
        """Sentinel-1 processing options multiply the processing units."""
        if not self.spec.s1:
            return 1.0
        factor = 2.5 if self.back_coeff == "GAMMA0_TERRAIN" else 2.0 if self.orthorectify else 1
        return factor * (2.0 if self.speckle_window else 1.0)

    def data_entry(self) -> dict[str, Any]:
        """``input.data[0]``: type, dataFilter, processing (only what applies)."""
        spec = self.spec
        data_filter: dict[str, Any] = {}
        processing: dict[str, Any] = {}
        if not spec.dem:
            data_filter["timeRange"] = {"from": iso(self.start), "to": iso(self.end)}
        if self.mosaicking_order and spec.orders:
            data_filter["mosaickingOrder"] = self.mosaicking_order
        if spec.cloud and self.max_cloud_coverage is not None:
            data_filter["maxCloudCoverage"] = self.max_cloud_coverage
        if spec.s1:
            if self.acquisition_mode:
                data_filter["acquisitionMode"] = self.acquisition_mode
            if self.polarization:
                data_filter["polarization"] = self.polarization
            if self.orthorectify:
                processing["orthorectify"] = True
                if self.dem_instance:
                    processing["demInstance"] = self.dem_instance
            if self.back_coeff:
                processing["backCoeff"] = self.back_coeff
            if self.speckle_window:
                n = self.speckle_window
                processing["speckleFilter"] = {"type": "LEE", "windowSizeX": n, "windowSizeY": n}
        if spec.dem and self.dem_instance:
            data_filter["demInstance"] = self.dem_instance
        if self.upsampling:
            processing["upsampling"] = self.upsampling
        if self.downsampling:
            processing["downsampling"] = self.downsampling
        entry: dict[str, Any] = {"type": self.collection}
        if data_filter:
            entry["dataFilter"] = data_filter
        if processing:
            entry["processing"] = processing
        return entry


def options_problem(error: ValidationError) -> str:
    """A pydantic error as one sentence per problem, with the field name."""
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "__root__")
        message = str(item.get("msg", "")).replace("Value error, ", "")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) + "."


@dataclass(frozen=True)
class Area:
    """The area in the output CRS: its bbox, and the polygon(s) for drawn areas."""

    bbox: BBox
    epsg: int
    geometry: Optional[dict] = None  # GeoJSON Polygon / MultiPolygon in ``epsg``


@dataclass(frozen=True)
class OutputSize:
    """A pixel size in metres (converted to degrees in a geographic CRS), or pixels."""

    resolution: Optional[float] = None
    width: Optional[int] = None
    height: Optional[int] = None
    geographic: bool = False


@dataclass
class ProcessJob:
    options: ProcessOptions
    info: ScriptInfo
    area: Area
    grid: Grid
    tiles: list[Tile] = field(default_factory=list)

    def body(self, tile: Tile) -> Optional[dict[str, Any]]:
        """The request for ``tile``; None when a drawn area does not reach into it."""
        bounds: dict[str, Any] = {
            "bbox": list(tile.bbox),
            "properties": {"crs": crs_uri(self.grid.epsg)},
        }
        if self.area.geometry is not None:
            clipped = clip_geometry(self.area.geometry, tile.bbox, self.grid.epsg == 4326)
            if clipped is None:
                return None
            bounds["geometry"] = clipped
        # Always the tile's size in pixels, never resx/resy: the service turns a resolution
        # into pixels by its own rounding, which the OpenAPI does not document, so a tile
        # could come back a pixel wider or narrower than its window of the grid. With
        # width/height the pixel size is the tile's bbox divided by its size, which is the
        # grid's pixel size since every window's bbox comes from the grid.
        output: dict[str, Any] = {"width": tile.width, "height": tile.height}
        output["responses"] = [
            {"identifier": identifier, "format": {"type": "image/tiff"}}
            for identifier in self.output_ids
        ]
        return {
            "input": {"bounds": bounds, "data": [self.options.data_entry()]},
            "output": output,
            "evalscript": self.options.evalscript,
        }

    @property
    def output_ids(self) -> tuple[str, ...]:
        """One ``responses[]`` entry per output of the evalscript's setup()."""
        return self.info.output_ids

    @property
    def accept(self) -> str:
        """Several responses come back as one tar (``<identifier>.tif`` each)."""
        return MULTI_ACCEPT if len(self.output_ids) > 1 else "image/tiff"

    def requests(self) -> list[tuple[Tile, dict[str, Any]]]:
        found = []
        for tile in self.tiles:
            body = self.body(tile)
            if body is not None:
                found.append((tile, body))
        return found

    def estimate_units(self) -> float:
        tiles = [t for t, _ in self.requests()] if self.area.geometry else self.tiles
        return estimate_units(
            tiles,
            self.info.input_band_count,
            self.info.sample_type == "FLOAT32",
            self.options.units_multiplier(),
        )

    def pixel_size_text(self) -> str:
        unit = "°" if self.grid.epsg == 4326 else " m"
        if abs(self.grid.px - self.grid.py) < 1e-9 * max(1.0, self.grid.px):
            return f"{self.grid.px:.6g}{unit}"
        return f"{self.grid.px:.6g} x {self.grid.py:.6g}{unit}"


def clip_geometry(geometry: dict, bbox: BBox, geographic: bool) -> Optional[dict]:
    """The polygonal part of ``geometry`` inside ``bbox`` (GeoJSON), or None."""
    clipped = polygon_engine.run("clip", wkb_from_geojson(geometry), bbox)
    parts = [p for p in polygons_from_wkb(clipped) if polygon_area(p) > 0]
    if not parts:
        return None
    return _rounded(geojson_of(parts), 9 if geographic else 4)


def _rounded(value: Any, digits: int) -> Any:
    if isinstance(value, dict):
        return {k: _rounded(v, digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(v, digits) for v in value]
    if isinstance(value, float):
        return round(value, digits)
    return value


def plan_job(
    options: ProcessOptions,
    info: ScriptInfo,
    area: Area,
    size: OutputSize,
    max_pixels: int = MAX_PIXELS,
) -> ProcessJob:
    """The grid and the requests of a job (ValueError with a sentence when impossible)."""
    if size.resolution is not None:
        res_x = res_y = float(size.resolution)
        if size.geographic:
            res_x, res_y = degrees_for_metres(res_y, (area.bbox[1] + area.bbox[3]) / 2)
        grid = grid_from_resolution(area.bbox, res_x, res_y, area.epsg)
    elif size.width and size.height:
        grid = grid_from_size(area.bbox, int(size.width), int(size.height), area.epsg)
    else:
        raise ValueError("Give a resolution, or a width and a height in pixels.")
    job = ProcessJob(options, info, area, grid, split(grid, max_pixels))
    if area.geometry is not None and not job.requests():
        raise ValueError("The area is empty: the polygon covers no pixel of the output.")
    return job


def output_stem(collection: str, script: str, start: datetime, end: datetime) -> str:
    """A file name (no extension) from collection, script and dates."""
    first, last = start.date().isoformat(), end.date().isoformat()
    when = first if first == last else f"{first}_{last}"
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{collection}_{script}").strip("-")
    return f"{safe}_{when}"
