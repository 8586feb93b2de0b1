"""Delivery of a Constellr test order: LST COGs and the STAC items that point at them.

Per delivered order: one image for ``single_image``, else ``maximum_number_of_images``
capped at the server's ``images_per_order`` (default 2). Image times are spread evenly
between ``start_date`` and ``end_date``, or the server's now when that comes first (a
delivery is never dated in the future). Each image is a real COG written with
:func:`tests.servers.common.cogs.make_cog` (``pattern="lst"``: Float32 deg C 15..45, nodata
-9999) in the WGS 84 / UTM zone of the AOI covering its bounding box, at the product's GSD
(LSTprecision 30 m, LSTzoom 10 m, LSTfusion 30 m) but with 32..256 pixels a side, and a
metadata JSON (field names from Constellr's product-deliverables page: ``min_lst`` ...
in Kelvin).

Items: id ``<acquisition time>_<product>_<order id>`` (Constellr's file naming
convention), geometry and bbox of the AOI polygon, assets ``lst`` (``image/tiff``) and
``metadata`` (``application/json``) as in the documented item example, and only the
documented properties ``gsd`` and ``datetime``, in the product's collection (``lstfusion``
...). An order's deliveries are its collection's items intersecting its area within its
dates.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Optional, Union

import numpy as np
from osgeo import gdal, osr

from tests.servers.common.cogs import make_cog
from tests.servers.constellr.common import parse_datetime
from tests.servers.constellr.geometry import bbox_of, utm_epsg
from tests.servers.constellr.orders import Record
from tests.servers.constellr.stac import collection_id

__all__ = ["GSD", "Asset", "deliver"]

GSD = {"LSTprecision": 30.0, "LSTzoom": 10.0, "LSTfusion": 30.0}
MIN_PIXELS, MAX_PIXELS = 32, 256


@dataclass(frozen=True)
class Asset:
    """A file the server serves at ``/assets/<item id>/<name>`` to ``workspace`` only."""

    workspace: str
    content: Union[Path, bytes]
    content_type: str

    def read(self) -> bytes:
        return self.content.read_bytes() if isinstance(self.content, Path) else self.content


def _image_times(order: dict, count: int, now: Optional[datetime] = None) -> list[datetime]:
    """Spread evenly over the order's span, but never later than ``now``: no delivered
    image is dated in the future. An order whose span starts after ``now`` (the server
    delivers at once; Constellr would wait) gets images in the first ``count`` hours of
    its span: an order's deliveries are always within its dates, which is how they are
    found (seed 003's items name no order)."""
    start = parse_datetime(order["start_date"], ())
    end = parse_datetime(order["end_date"], ())
    if now is not None:
        if now > start:
            end = min(end, now)
        else:
            end = min(end, start + timedelta(hours=count + 1))
    step = (end - start) / (count + 1)
    return [(start + step * (k + 1)).replace(microsecond=0) for k in range(count)]


def _utm_bounds(polygon: dict) -> tuple[int, tuple[float, float, float, float]]:
    west, south, east, north = bbox_of(polygon)
    epsg = utm_epsg((west + east) / 2.0, (south + north) / 2.0)
    wgs84, utm = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    utm.ImportFromEPSG(epsg)
    for srs in (wgs84, utm):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    bounds = osr.CoordinateTransformation(wgs84, utm).TransformBounds(west, south, east, north, 21)
    return epsg, tuple(bounds)


def _stats_kelvin(path: Path) -> dict:
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray()
    valid = values[values != band.GetNoDataValue()].astype(np.float64) + 273.15
    ds = None
    return {
        "min_lst": round(float(valid.min()), 2),
        "max_lst": round(float(valid.max()), 2),
        "median_lst": round(float(np.median(valid)), 2),
        "na_ratio_aoi": round(1.0 - valid.size / values.size, 4),
    }


def deliver(
    record: Record,
    *,
    base: str,
    data_dir: Path,
    images_per_order: int,
    now: Optional[datetime] = None,
) -> list[tuple[dict, dict[str, Asset]]]:
    """Items (and their assets by URL path) for one accepted order. ``base``: server URL;
    ``now``: the server's clock (no image is dated after it)."""
    order, polygon = record.doc, record.polygon or {}
    product = order["product_name"]
    wanted = order.get("maximum_number_of_images") or images_per_order
    count = 1 if order["frequency"] == "single_image" else max(1, min(wanted, images_per_order))
    epsg, (minx, miny, maxx, maxy) = _utm_bounds(polygon)
    extent = max(maxx - minx, maxy - miny)
    gsd = GSD.get(product, 30.0)
    pixel = min(max(gsd, extent / MAX_PIXELS), extent / MIN_PIXELS)
    width = max(1, math.ceil((maxx - minx) / pixel))
    height = max(1, math.ceil((maxy - miny) / pixel))
    cid = collection_id(product)
    aoi = record.aoi or {}
    out, seen = [], set()
    for index, when in enumerate(_image_times(order, count, now)):
        item_id = f"{when:%Y%m%dT%H%M%SZ}_{product}_{order['id']}"
        if item_id in seen:
            item_id += f"_{index + 1}"
        seen.add(item_id)
        folder = Path(data_dir) / record.workspace / order["id"] / item_id
        cog = make_cog(
            folder / "lst.tiff",
            width=width,
            height=height,
            crs=f"EPSG:{epsg}",
            origin=(minx, maxy),
            pixel_size=pixel,
            pattern="lst",
        )
        metadata = {
            "product_name": product,
            "order_id": order["id"],
            "area_of_interest_id": order["area_of_interest_id"],
            "area_of_interest_name": aoi.get("name"),
            "bbox": list(bbox_of(polygon)),
            "scene_datetime": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "processing_datetime": (when + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            **_stats_kelvin(cog.path),
            "proj:epsg": epsg,
            "proj:shape": [height, width],
            "requested_area_of_interest": polygon,
        }
        root = f"{base}stac/"
        assets_url = f"{base}assets/{item_id}/"
        item = {
            "id": item_id,
            "type": "Feature",
            "bbox": list(bbox_of(polygon)),
            "geometry": polygon,
            "links": [
                {"rel": "collection", "href": f"{root}collections/{cid}"},
                {"rel": "self", "href": f"{root}collections/{cid}/items/{item_id}"},
                {"rel": "parent", "href": f"{root}collections/{cid}"},
                {"rel": "root", "href": root},
            ],
            "assets": {
                "lst": {"href": assets_url + "lst.tiff", "type": "image/tiff"},
                "metadata": {"href": assets_url + "metadata.json", "type": "application/json"},
            },
            "collection": cid,
            # Exactly what seed 003 shows ("Get a Single Item"): the order and area are
            # not named; an order's deliveries are found by collection, area and dates.
            "properties": {"gsd": gsd, "datetime": when.strftime("%Y-%m-%dT%H:%M:%SZ")},
            "stac_version": "1.1.0",
            "stac_extensions": [],
        }
        assets = {
            f"/assets/{item_id}/lst.tiff": Asset(record.workspace, cog.path, "image/tiff"),
            f"/assets/{item_id}/metadata.json": Asset(
                record.workspace, json.dumps(metadata).encode("utf-8"), "application/json"
            ),
        }
        out.append((item, assets))
    return out
