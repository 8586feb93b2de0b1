"""AOI geometry rules and measurements of :class:`tests.servers.constellr.server.ConstellrServer`.

Seed 003 (``POST /areas-of-interest``): a GeoJSON Feature (as is), a FeatureCollection with
exactly one feature, a Polygon, or a MultiPolygon with exactly one polygon. Anything else,
and polygons that are not valid (unclosed or short rings, coordinates out of range,
self-intersections), is :class:`GeometryError` (the server's 400).

Metres (:func:`geometry_info`): the polygon is projected with GDAL ``osr`` to the WGS 84 /
UTM zone of the centre of its lon/lat bounding box (EPSG:326zz north, 327zz south).
``bbox_width`` / ``bbox_height`` are the extent of the lon/lat bounding box's four corners
in that projection, ``area`` the projected polygon's area (m²); all three are truncated to
0.1. This reproduces the documented ``geometry-info`` example to the last digit (its polygon
near 11.5 E, 51.4 N gives 74218.0 / 72561.2 / 4728768008.0 in EPSG:32632).
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import math
import uuid
from numbers import Real
from pathlib import PurePosixPath
from typing import Any, Optional

from osgeo import gdal, ogr, osr
from shapely.geometry import shape

__all__ = ["GeometryError", "convert", "geometry_info", "parse_aoi_geojson", "utm_epsg"]


class GeometryError(ValueError):
    """The GeoJSON is not one valid polygon."""


def _wgs84() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS 84 / UTM zone containing (lon, lat)."""
    zone = min(max(int(math.floor((lon + 180.0) / 6.0)) + 1, 1), 60)
    return (32600 if lat >= 0 else 32700) + zone


def _check_ring(ring: Any, where: str) -> None:
    if not isinstance(ring, list) or len(ring) < 4:
        raise GeometryError(f"{where}: a linear ring needs at least 4 positions")
    for position in ring:
        if (
            not isinstance(position, list)
            or len(position) not in (2, 3)
            or not all(isinstance(v, Real) and not isinstance(v, bool) for v in position)
        ):
            raise GeometryError(f"{where}: invalid position {position!r}")
        lon, lat = position[0], position[1]
        if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
            raise GeometryError(f"{where}: position {position!r} is outside EPSG:4326 bounds")
    if ring[0][:2] != ring[-1][:2]:
        raise GeometryError(f"{where}: the linear ring is not closed")


def _check_polygon(geometry: dict) -> dict:
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or not coordinates:
        raise GeometryError("Polygon coordinates must be a non-empty list of rings")
    for index, ring in enumerate(coordinates):
        _check_ring(ring, f"ring {index}")
    polygon = shape({"type": "Polygon", "coordinates": coordinates})
    if not polygon.is_valid or polygon.area <= 0:
        raise GeometryError("Invalid polygon geometry (self-intersecting or empty)")
    return {"type": "Polygon", "coordinates": coordinates}


def _polygon_of(geometry: Any) -> dict:
    """The one polygon of a Polygon or single-polygon MultiPolygon geometry."""
    if not isinstance(geometry, dict):
        raise GeometryError("Feature geometry must be a Polygon or MultiPolygon")
    kind = geometry.get("type")
    if kind == "Polygon":
        return _check_polygon(geometry)
    if kind == "MultiPolygon":
        polygons = geometry.get("coordinates")
        if not isinstance(polygons, list) or len(polygons) != 1:
            raise GeometryError("MultiPolygon must contain exactly one polygon")
        return _check_polygon({"type": "Polygon", "coordinates": polygons[0]})
    raise GeometryError(f"Unsupported geometry type {kind!r}; expected Polygon or MultiPolygon")


def parse_aoi_geojson(doc: Any) -> tuple[dict, dict]:
    """``(stored, polygon)``: the GeoJSON the AOI keeps and its Polygon geometry.

    Stored: a Feature as sent; a FeatureCollection's single Feature; a Polygon as sent; a
    MultiPolygon's single polygon as a Polygon.
    """
    if not isinstance(doc, dict):
        raise GeometryError("GeoJSON must be an object")
    kind = doc.get("type")
    if kind == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list) or len(features) != 1:
            raise GeometryError("FeatureCollection must contain exactly one feature")
        return parse_aoi_geojson(features[0])
    if kind == "Feature":
        return doc, _polygon_of(doc.get("geometry"))
    if kind in ("Polygon", "MultiPolygon"):
        polygon = _polygon_of(doc)
        return (doc if kind == "Polygon" else polygon), polygon
    raise GeometryError(
        f"Unsupported GeoJSON type {kind!r}; expected Feature, FeatureCollection, "
        "Polygon or MultiPolygon"
    )


def bbox_of(polygon: dict) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the polygon's exterior ring."""
    ring = polygon["coordinates"][0]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)


def _truncate(value: float) -> float:
    return math.floor(value * 10.0) / 10.0


def geometry_info(polygon: dict) -> dict:
    """``{"bbox_width", "bbox_height", "area"}`` in metres / m² (see the module docstring)."""
    west, south, east, north = bbox_of(polygon)
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(utm_epsg((west + east) / 2.0, (south + north) / 2.0))
    utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(_wgs84(), utm)
    corners = [transform.TransformPoint(x, y) for x, y in ((west, south), (east, south))]
    corners += [transform.TransformPoint(x, y) for x, y in ((east, north), (west, north))]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    projected = ogr.CreateGeometryFromJson(json.dumps(polygon))
    projected.Transform(transform)
    return {
        "bbox_width": _truncate(max(xs) - min(xs)),
        "bbox_height": _truncate(max(ys) - min(ys)),
        "area": _truncate(projected.GetArea()),
    }


# -- POST /areas-of-interest/convert ------------------------------------------------------
def _multipart_file(content_type: str, body: bytes) -> tuple[str, bytes]:
    """(filename, bytes) of the first file part of a multipart/form-data body."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    for part in message.iter_parts() if message.is_multipart() else []:
        filename = part.get_filename()
        if filename:
            return filename, part.get_payload(decode=True) or b""
    raise GeometryError("multipart body has no file part")


def _polygons_from_file(filename: str, data: bytes) -> tuple[list[dict], Optional[str]]:
    """Polygons (EPSG:4326 GeoJSON dicts) of a vector file read by GDAL, and a name field."""
    suffix = PurePosixPath(filename).suffix.lower() or ".geojson"
    path = f"/vsimem/constellr-convert-{uuid.uuid4().hex}{suffix}"
    gdal.FileFromMemBuffer(path, data)
    try:
        ds = gdal.OpenEx(("/vsizip/" + path) if suffix == ".zip" else path, gdal.OF_VECTOR)
        if ds is None:
            raise GeometryError(f"cannot read {filename!r} as a vector file")
        polygons, name = [], None
        for layer_index in range(ds.GetLayerCount()):
            layer = ds.GetLayer(layer_index)
            srs = layer.GetSpatialRef()
            transform = None
            if srs is not None:
                srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
                transform = osr.CoordinateTransformation(srs, _wgs84())
            for feature in layer:
                geometry = feature.GetGeometryRef()
                if geometry is None:
                    continue
                geometry = geometry.Clone()
                if transform is not None:
                    geometry.Transform(transform)
                polygons.append(json.loads(geometry.ExportToJson()))
                for field in ("name", "Name", "NAME"):
                    if name is None and feature.GetFieldIndex(field) >= 0:
                        name = feature.GetField(field)
        ds = None
        return polygons, name or PurePosixPath(filename).stem
    finally:
        gdal.Unlink(path)


def convert(content_type: str, body: bytes) -> dict:
    """``{"name", "geojson": Polygon}`` from a GeoJSON body or an uploaded vector file."""
    if content_type.startswith("multipart/form-data"):
        polygons, name = _polygons_from_file(*_multipart_file(content_type, body))
        if len(polygons) != 1:
            raise GeometryError(f"the file must contain exactly one polygon, not {len(polygons)}")
        return {"name": name, "geojson": _polygon_of(polygons[0])}
    try:
        doc = json.loads(body)
    except ValueError:
        raise GeometryError("body is neither GeoJSON nor multipart/form-data") from None
    stored, polygon = parse_aoi_geojson(doc)
    properties = stored.get("properties") if stored.get("type") == "Feature" else None
    name = (properties or {}).get("name") if isinstance(properties, dict) else None
    return {"name": name, "geojson": polygon}
