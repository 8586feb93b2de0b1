"""Which asset is an item's quicklook, and where the picture goes on the ground."""

from __future__ import annotations

import pytest

from eo_explorer.plugin.api.quicklooks import (
    NoQuicklook,
    Placement,
    choose,
    footprint_placement,
    quadrilateral_corners,
)

BOX = {
    "type": "Polygon",
    "coordinates": [[[10.0, 50.0], [11.0, 50.0], [11.0, 51.0], [10.0, 51.0], [10.0, 50.0]]],
}
# A Landsat-like scene turned by about 12 degrees: its corners, counter-clockwise.
TURNED = {
    "type": "Polygon",
    "coordinates": [
        [[10.2, 49.9], [11.3, 50.1], [11.1, 51.1], [10.0, 50.9], [10.2, 49.9]],
    ],
}
# A Sentinel-2 valid-data footprint: more than four corners.
JAGGED = {
    "type": "Polygon",
    "coordinates": [
        [[10.0, 50.0], [10.8, 50.0], [11.0, 50.4], [11.0, 51.0], [10.0, 51.0], [10.0, 50.0]]
    ],
}


def _item(geometry=BOX, properties=None, **assets):
    return {
        "id": "S1",
        "geometry": geometry,
        "bbox": [10.0, 50.0, 11.0, 51.0],
        "properties": properties or {},
        "assets": assets,
    }


PNG = {"href": "https://data.example/S1/thumb.png", "type": "image/png", "roles": ["thumbnail"]}
JPEG = {"href": "https://data.example/S1/preview.jpg", "roles": ["overview"]}
COG = {
    "href": "https://data.example/S1/overview.tif",
    "type": "image/tiff; application=geotiff; profile=cloud-optimized",
    "roles": ["overview"],
}
VISUAL = {"href": "https://data.example/S1/TCI.tif", "type": "image/tiff", "roles": ["visual"]}


def test_a_geotiff_overview_is_used_with_its_own_georeferencing():
    look = choose(_item(thumbnail=PNG, overview=COG, visual=VISUAL))
    assert (look.key, look.georeferenced, look.placement) == ("overview", True, None)
    assert look.href == COG["href"]


def test_a_thumbnail_by_key_or_by_role_but_never_the_full_resolution_data():
    assert choose(_item(thumbnail=PNG, visual=VISUAL)).key == "thumbnail"
    assert choose(_item(small=PNG, visual=VISUAL)).key == "small"  # by its role
    with pytest.raises(NoQuicklook, match="no thumbnail, overview or preview"):
        choose(_item(visual=VISUAL))


def test_a_picture_without_media_type_is_known_by_its_suffix():
    look = choose(_item(overview=JPEG))
    assert look.key == "overview" and not look.georeferenced


def test_a_picture_on_a_box_footprint_gets_a_geotransform_on_its_bbox():
    placement = choose(_item(thumbnail=PNG)).placement
    assert placement == Placement("EPSG:4326", box=(10.0, 50.0, 11.0, 51.0), how="footprint bbox")
    assert placement.geotransform(200, 100) == (10.0, 0.005, 0.0, 51.0, 0.0, -0.01)


def test_proj_bbox_places_the_picture_in_the_item_crs():
    properties = {"proj:epsg": 32632, "proj:bbox": [600000, 5540000, 709800, 5649800]}
    placement = choose(_item(properties=properties, thumbnail=PNG)).placement
    assert placement.crs == "EPSG:32632" and placement.how == "proj:bbox"
    assert placement.box == (600000, 5540000, 709800, 5649800)
    # projection v2: proj:code; and the asset's own fields win over the item's
    asset = {**PNG, "proj:code": "EPSG:3035", "proj:bbox": [1, 2, 3, 4]}
    placement = choose(_item(properties={"proj:code": "EPSG:32633", **properties}, t=asset))
    assert placement.placement.crs == "EPSG:3035" and placement.placement.box == (1, 2, 3, 4)


def test_proj_transform_and_shape_give_the_box():
    properties = {
        "proj:epsg": 32632,
        "proj:transform": [10.0, 0.0, 600000.0, 0.0, -10.0, 5650000.0],
        "proj:shape": [10980, 10980],
    }
    placement = choose(_item(properties=properties, thumbnail=PNG)).placement
    assert placement.box == (600000.0, 5540200.0, 709800.0, 5650000.0)


def test_proj_without_a_box_falls_back_to_the_footprint():
    placement = choose(_item(properties={"proj:epsg": 32632}, thumbnail=PNG)).placement
    assert placement.how == "footprint bbox"


def test_a_turned_scene_puts_the_picture_corners_on_its_corners():
    placement = choose(_item(geometry=TURNED, thumbnail=PNG)).placement
    assert placement.how == "footprint corners" and placement.geotransform(10, 10) is None
    gcps = placement.gcps(100, 50)
    assert [(g.pixel, g.line, g.x, g.y) for g in gcps] == [
        (0, 0, 10.0, 50.9),
        (100, 0, 11.1, 51.1),
        (100, 50, 11.3, 50.1),
        (0, 50, 10.2, 49.9),
    ]


def test_a_footprint_with_more_corners_uses_its_bounding_box():
    placement = footprint_placement(JAGGED)
    assert placement.box == (10.0, 50.0, 11.0, 51.0) and placement.corners is None
    assert quadrilateral_corners([(0, 0), (1, 1), (2, 0), (1, 0.5)]) is None  # not convex


def test_a_footprint_split_at_the_antimeridian_goes_on_past_180():
    split = {
        "type": "MultiPolygon",
        "coordinates": [
            [[[179.0, 0.0], [180.0, 0.0], [180.0, 1.0], [179.0, 1.0], [179.0, 0.0]]],
            [[[-180.0, 0.0], [-179.5, 0.0], [-179.5, 1.0], [-180.0, 1.0], [-180.0, 0.0]]],
        ],
    }
    assert footprint_placement(split).box == (179.0, 0.0, 180.5, 1.0)


def test_without_geometry_the_item_bbox_places_it():
    assert footprint_placement(None, [10, 50, 11, 51]).box == (10, 50, 11, 51)
    with pytest.raises(NoQuicklook, match="neither a footprint nor a bounding box"):
        footprint_placement(None, None)


def test_an_asset_that_is_no_picture_is_said():
    html = {
        "href": "https://data.example/S1/preview.html",
        "type": "text/html",
        "roles": ["overview"],
    }
    with pytest.raises(NoQuicklook, match="not an image QGIS can draw"):
        choose(_item(preview=html))
    s3_only = {"href": "s3://bucket/S1/thumb.png", "roles": ["thumbnail"]}
    with pytest.raises(NoQuicklook, match="no thumbnail"):
        choose(_item(thumbnail=s3_only))
