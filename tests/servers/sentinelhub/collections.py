"""Data collections, CRSs and error bodies of the local Sentinel Hub Process API server.

Part of :class:`tests.servers.sentinelhub.process_server.ProcessApiServer`. Sources:

- collection types, ``dataFilter`` / ``processing`` enums: the CDSE Sentinel Hub OpenAPI
  (``DatasetType``, ``*Dataset``, ``*Filtering``, ``*Processing`` schemas);
- band names: the CDSE data pages (Sentinel-2 L1C / L2A, Sentinel-1 GRD, DEM); other
  collections accept any band name;
- Sentinel-1 bands per product polarization: CDSE "Sentinel-1 GRD", "Available Bands";
- CRSs: CDSE "Process/Crs" (CRS84, EPSG 4326, 3857, UTM 326xx/327xx and the "Others" list);
- 1500 m/px limit of Sentinel-2: a recorded 400 COMMON_EXCEPTION answer (see
  ``too_coarse``); other collections' limits are not documented and not enforced.

``first_data`` is the launch date of the first satellite of the mission: the service
documents no exact archive start, a time range that ends before it finds no data here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Optional

__all__ = [
    "CRS84",
    "ApiError",
    "Collection",
    "bad_payload",
    "collection_for",
    "error_body",
    "parse_crs",
]

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
_CRS_PREFIX = "http://www.opengis.net/def/crs/"
_OTHER_EPSG = {
    2154, 2180, 2193, 3003, 3004, 3005, 3006, 3031, 3035, 3161, 3346, 3413, 3416, 3578, 3580,
    3765, 3794, 3844, 3912, 3995, 4026, 5514, 28992, 32184,
}  # fmt: skip
SUPPORTED_EPSG = frozenset({4326, 3857, *range(32601, 32661), *range(32701, 32761), *_OTHER_EPSG})


class ApiError(Exception):
    """An error answer: ``RestErrorWrapper`` ``{"error": {status, reason, message, code}}``
    (+ optional ``errors``, the schema's "Additional information about the error")."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str = "COMMON_BAD_PAYLOAD",
        errors: Any = None,
        headers: Optional[dict] = None,
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code
        self.errors, self.headers = errors, dict(headers or {})

    def body(self) -> dict:
        return error_body(self.status, self.message, self.code, self.errors)


def error_body(status: int, message: str, code: str, errors: Any = None) -> dict:
    inner: dict = {
        "status": status,
        "reason": HTTPStatus(status).phrase,
        "message": message,
        "code": code,
    }
    if errors is not None:
        inner["errors"] = errors
    return {"error": inner}


def bad_payload(parameter: str, violation: str) -> ApiError:
    """400 COMMON_BAD_PAYLOAD shaped like the recorded field violation::

    {"message": "`width = 2624`, calculated from resx, is larger than allowed 2500.\\n",
     "code": "COMMON_BAD_PAYLOAD",
     "errors": [{"parameter": "output->resx", "violation": "`width = 2624`, ..."}]}
    """
    return ApiError(
        400, violation + "\n", errors=[{"parameter": parameter, "violation": violation}]
    )


def parse_crs(uri: Any) -> tuple[int, bool]:
    """(EPSG code, is lon/lat) of a documented CRS URI; ApiError if not supported."""
    if uri == CRS84:
        return 4326, True
    m = re.fullmatch(r"http://www\.opengis\.net/def/crs/EPSG/0/(\d+)", str(uri))
    if m is None or int(m.group(1)) not in SUPPORTED_EPSG:
        raise bad_payload(
            "input->bounds->properties->crs",
            f"CRS {uri!r} is not supported: use one of the CRS URLs starting with "
            f"{_CRS_PREFIX} listed in the Process API CRS documentation.",
        )
    epsg = int(m.group(1))
    return epsg, epsg == 4326


_ORDERS_2 = ("mostRecent", "leastRecent")
_ORDERS_3 = ("mostRecent", "leastRecent", "leastCC")
_S2_COMMON = (
    "B01 B02 B03 B04 B05 B06 B07 B08 B8A B09 B11 B12 sunAzimuthAngles sunZenithAngles "
    "viewAzimuthMean viewZenithMean dataMask"
).split()
S1_BANDS_BY_POLARIZATION = {
    "VV": ("SV", "DV", "VV"),
    "VH": ("VH", "DV"),
    "HV": ("HV", "DH"),
    "HH": ("SH", "DH", "HH"),
}
_S1_BANDS = ("VV", "VH", "HV", "HH", "localIncidenceAngle", "scatteringArea", "shadowMask")


@dataclass(frozen=True)
class Collection:
    type: str
    short: str  # the name the service uses in messages, e.g. "S2L2A"
    orders: tuple = _ORDERS_2  # mosaickingOrder values; () = no such filter
    first_data: Optional[str] = "2013-01-01"
    bands: Optional[frozenset] = None  # None: any band name is accepted
    cloud_filter: bool = False  # maxCloudCoverage in its dataFilter
    max_meters_per_pixel: Optional[float] = None
    nan_nodata: bool = False  # Landsat: no-data band values are NaN, not 0


def _c(type_: str, short: str, **kw: Any) -> Collection:
    return Collection(type_, short, **kw)


_LANDSAT = dict(orders=_ORDERS_3, cloud_filter=True, nan_nodata=True)
COLLECTIONS = {
    c.type: c
    for c in (
        _c(
            "sentinel-2-l1c",
            "S2L1C",
            orders=_ORDERS_3,
            first_data="2015-06-23",
            bands=frozenset(_S2_COMMON + ["B10"]),
            cloud_filter=True,
            max_meters_per_pixel=1500.0,
        ),
        _c(
            "sentinel-2-l2a",
            "S2L2A",
            orders=_ORDERS_3,
            first_data="2015-06-23",
            bands=frozenset(_S2_COMMON + ["AOT", "SCL", "SNW", "CLD"]),
            cloud_filter=True,
            max_meters_per_pixel=1500.0,
        ),
        _c(
            "sentinel-1-grd",
            "S1GRD",
            first_data="2014-04-03",
            bands=frozenset((*_S1_BANDS, "dataMask")),
        ),
        _c("sentinel-3-olci", "S3OLCI", first_data="2016-02-16"),
        _c("sentinel-3-olci-l2", "S3OLCIL2", orders=_ORDERS_3, first_data="2016-02-16"),
        _c("sentinel-3-slstr", "S3SLSTR", orders=_ORDERS_3, first_data="2016-02-16"),
        _c("sentinel-5p-l2", "S5PL2", first_data="2017-10-13"),
        _c("landsat-8-l1c", "L8L1C", first_data="2013-02-11", **_LANDSAT),
        _c("landsat-ot-l1", "LOTL1", first_data="2013-02-11", **_LANDSAT),
        _c("landsat-ot-l2", "LOTL2", first_data="2013-02-11", **_LANDSAT),
        _c("landsat-etm-l1", "LETML1", first_data="1999-04-15", **_LANDSAT),
        _c("landsat-etm-l2", "LETML2", first_data="1999-04-15", **_LANDSAT),
        _c("landsat-tm-l1", "LTML1", first_data="1982-07-16", **_LANDSAT),
        _c("landsat-tm-l2", "LTML2", first_data="1982-07-16", **_LANDSAT),
        _c("landsat-mss-l1", "LMSSL1", first_data="1972-07-23", **_LANDSAT),
        _c("modis", "MODIS", first_data="2000-02-24"),
        _c("hls", "HLS", orders=_ORDERS_3, first_data="2013-04-11", cloud_filter=True),
        _c("dem", "DEM", orders=(), first_data=None, bands=frozenset(("DEM", "dataMask"))),
    )
}
# Old identifiers the data pages still mention ("Use sentinel-1-grd (previously S1GRD)").
ALIASES = {"S2L1C": "sentinel-2-l1c", "S2L2A": "sentinel-2-l2a", "S1GRD": "sentinel-1-grd"}
_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


def collection_for(type_: Any, byoc_ids: Optional[set] = None) -> Optional[Collection]:
    """The collection of an ``input.data[].type`` (``byoc-<uuid>``, ``batch-<uuid>``,
    ``zarr-<uuid>`` too; with ``byoc_ids`` only those ids exist), None if unknown."""
    name = ALIASES.get(str(type_), str(type_))
    if name in COLLECTIONS:
        return COLLECTIONS[name]
    m = re.fullmatch(rf"(byoc|batch|zarr)-({_UUID})", name)
    if m and (byoc_ids is None or m.group(2) in byoc_ids):
        return Collection(name, name, orders=_ORDERS_2, first_data=None)
    return None


# Which deployment serves which collection: the Sentinel Hub data pages' examples (Landsat,
# MODIS and HLS on services-uswest2.sentinel-hub.com), Planet "Public Data", "Main
# Deployments" (EU-Central-1: Sentinel-1/2/3, 5P, DEM; US-West-2: Landsat, MODIS, HLS,
# DEM) and the CDSE Sentinel Hub data pages (Copernicus collections and the DEM only).
_COPERNICUS = (
    "sentinel-1-grd", "sentinel-2-l1c", "sentinel-2-l2a", "sentinel-3-olci",
    "sentinel-3-olci-l2", "sentinel-3-slstr", "sentinel-5p-l2", "dem",
)  # fmt: skip
DEPLOYMENTS = {
    "services.sentinel-hub.com": frozenset(_COPERNICUS),
    "services-uswest2.sentinel-hub.com": frozenset(
        [c for c in COLLECTIONS if c.startswith("landsat-")] + ["modis", "hls", "dem"]
    ),
    "sh.dataspace.copernicus.eu": frozenset(_COPERNICUS),
}


def not_on_deployment(index: int, collection: Collection, deployment: str) -> ApiError:
    """The answer to a collection the deployment does not serve.

    Sentinel Hub documents no error body for this case (the OpenAPI only says to use "the
    appropriate end-point for each of the datasets"); this follows the seed's general error
    shape, a 400 COMMON_BAD_PAYLOAD naming the parameter, worded here."""
    return bad_payload(
        f"input->data->{index}->type",
        f"Data collection {collection.type!r} is not available on {deployment}; use the "
        "endpoint that serves it.",
    )


def too_coarse(meters: float, collection: Collection) -> ApiError:
    """The recorded answer to a too coarse Sentinel-2 request (400 COMMON_EXCEPTION)."""
    return ApiError(
        400,
        f"Your request of {meters:.2f} meters per pixel exceeds the limit "
        f"{collection.max_meters_per_pixel:.2f} meters per pixel of the collection "
        f"{collection.short}. Please revise the resolution (or corresponding width/height) "
        "to make sure it is in supported range.",
        "COMMON_EXCEPTION",
    )
