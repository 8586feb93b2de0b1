"""The Process dock's Async engine inside the real QGIS application, against the sandbox:
the request delivered into the sandbox bucket, the object there, the file and its layer."""

from __future__ import annotations

import pytest
from osgeo import gdal

from .expected import assert_picture
from .test_process import assert_readable


@pytest.mark.flow("async_dock_picture")
def test_async_request_delivered_to_the_sandbox_bucket(app_run, sandbox):
    data = app_run["async_dock_picture"].check()
    assert data["error"] == "", data
    assert "Async API: one request of" in data["estimate"]
    server = sandbox["servers"]["accounts"].process
    [post] = [  # this flow's request (the toolbox flow delivers to another folder)
        e
        for e in server.requests
        if e["method"] == "POST"
        and "/async/" in e["path"]
        and e["json"]["output"]["delivery"]["s3"]["url"].endswith("/async")
    ]
    delivery = post["json"]["output"]["delivery"]["s3"]
    assert delivery["url"] == "s3://eo-explorer-results/async" and "accessKey" not in delivery
    key = f"async/{data['request_id']}/default.tif"
    s3 = sandbox["servers"]["s3"]
    delivered = s3.client().get_object(Bucket="eo-explorer-results", Key=key)["Body"].read()
    with open(data["path"], "rb") as copied:
        assert copied.read() == delivered
    assert data["checks"] >= 1, "the status was followed until 404"
    assert data["layer_valid"] and data["layer_source"] == data["path"]
    assert gdal.Open(data["path"]).RasterCount >= 1
    assert data["status"].startswith("Saved "), data["status"]
    assert not data["messages"], data["messages"]
    assert_readable(data["layout"])
    assert_picture(data["screenshot"])
