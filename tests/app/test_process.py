"""The Process dock inside the real QGIS application, against the sandbox Process API:
the map extent, a polygon drawn with the mouse, and the selected footprint of a search.
Checked: the GeoTIFF on disk and its layer in the project, the requests the server
answered, and their area against the area the user chose."""

from __future__ import annotations

import json

import pytest
from osgeo import gdal, ogr, osr
from shapely.geometry import box, shape

from .expected import assert_picture, polygon, sandbox_items


def to_wgs84(geometry: dict, crs: str):
    source = osr.SpatialReference()
    source.SetFromUserInput(crs)
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    for ref in (source, target):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ogr_geometry = ogr.CreateGeometryFromJson(json.dumps(geometry))
    ogr_geometry.AssignSpatialReference(source)
    ogr_geometry.TransformTo(target)
    return shape(json.loads(ogr_geometry.ExportToJson()))


def answered(data: dict, sandbox: dict) -> list[dict]:
    """The bodies of the flow's requests, each answered 200 by the sandbox server."""
    assert data["error"] == "" and not data["failed"], f"the request failed: {data['error']}"
    saved = data["saved"]
    assert saved["requests"], data
    server = sandbox["servers"]["accounts"].process
    ok = [entry["json"] for entry in server.requests if entry.get("status") == 200]
    for body in saved["requests"]:
        assert body in ok, "the saved request is the one the server answered"
    return saved["requests"]


def assert_raster(data: dict) -> None:
    dataset = gdal.Open(data["path"])
    assert dataset is not None, f"no GeoTIFF at {data['path']}"
    assert dataset.RasterCount >= 1 and dataset.RasterXSize > 0
    values = dataset.GetRasterBand(1).ReadAsArray()
    assert values.size and (values != 0).any()
    assert data["layer_valid"] and data["layer_source"] == data["path"]
    assert data["layer"] in data["layers"], "the result layer is in the project"


def relative_difference(a, b) -> float:
    return a.symmetric_difference(b).area / b.area


@pytest.mark.flow("process_extent")
def test_process_request_for_the_map_extent(app_run, sandbox):
    data = app_run["process_extent"].check()
    (body,) = answered(data, sandbox)
    bounds = body["input"]["bounds"]
    crs = data["saved"]["crs"]
    assert crs == "EPSG:32633"
    west, south, east, north = bounds["bbox"]
    sent = to_wgs84(json.loads(json.dumps(box(west, south, east, north).__geo_interface__)), crs)
    assert sent.bounds == pytest.approx(data["extent"], abs=0.005)
    assert_raster(data)


@pytest.mark.flow("process_drawn")
def test_process_request_for_a_polygon_drawn_with_the_mouse(app_run, sandbox):
    data = app_run["process_drawn"].check()
    drawn = polygon(data["vertices"])
    assert drawn.bounds == pytest.approx((14.500, 46.050, 14.514, 46.058), abs=0.001)
    (body,) = answered(data, sandbox)
    sent = to_wgs84(body["input"]["bounds"]["geometry"], data["saved"]["crs"])
    assert relative_difference(sent, drawn) < 0.01
    assert_raster(data)


@pytest.mark.flow("process_footprints")
def test_process_request_for_a_selected_footprint(app_run, sandbox):
    data = app_run["process_footprints"].check()
    item = next(i for i in sandbox_items() if i["id"] == data["item"])
    footprint = shape(item["geometry"])
    bodies = answered(data, sandbox)
    crs = data["saved"]["crs"]
    sent = [to_wgs84(b["input"]["bounds"]["geometry"], crs) for b in bodies]
    for geometry in sent:
        assert geometry.is_valid and relative_difference(geometry, footprint) < 0.01
    day = item["properties"]["datetime"][:10]
    time_range = bodies[0]["input"]["data"][0]["dataFilter"]["timeRange"]
    assert time_range["from"].startswith(day) and time_range["to"].startswith(day)
    assert_raster(data)


def assert_readable(layout: dict) -> None:
    """The dock's form never scrolls sideways and its buttons are in sight."""
    assert layout["sideways"] == 0, layout
    hidden = [name for name, inside in layout["buttons_inside"].items() if not inside]
    assert not hidden, f"buttons cut off or below the fold: {hidden} ({layout})"


@pytest.mark.flow("process_dock_picture")
def test_process_dock_picture(app_run):
    """On the screen (a 1366x768 laptop), after an NDVI over sandbox scenes came back:
    the dock's form fits its width, Request imagery and Cancel are in sight, the dock says
    it is done and nothing warns."""
    data = app_run["process_dock_picture"].check()
    assert_raster(data)
    assert data["status"].startswith("Saved "), data["status"]
    assert not data["messages"], "no warning (no data, failed tiles) on the picture"
    assert_readable(data["layout"])
    assert_picture(data["screenshot"])
