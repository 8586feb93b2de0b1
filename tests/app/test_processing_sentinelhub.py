"""The Sentinel Hub algorithms of the Processing toolbox inside the real QGIS application,
against the sandbox (a QGIS run of its own)."""

from __future__ import annotations

import pytest
from osgeo import gdal


@pytest.mark.flow("processing_sentinelhub")
def test_the_sentinel_hub_algorithms_run_in_the_application(app_run, sandbox):
    """Sentinel Hub statistics, async process and batch statistics from Processing, in
    the application, against the sandbox: the table, the CSV, the image copied from the
    bucket, the fields joined with their series."""
    data = app_run["processing_sentinelhub"].check()
    stats = data["statistics"]
    assert stats["requests"] == 3  # one Statistical request per field
    assert {name for name, _month in stats["rows"]} == {"Field A", "Field B", "Field C"}
    assert {month for _name, month in stats["rows"]} <= {"2024-06", "2024-07", "2024-08"}
    assert stats["csv"].startswith("polygon,fid,interval_from")
    delivered = data["async"]
    assert delivered["result_url"].endswith(f"{delivered['request_id']}/default.tif")
    image = gdal.Open(delivered["output"])
    assert image is not None and image.RasterXSize > 0
    server = sandbox["servers"]["accounts"].process
    assert delivered["request_id"] in server.async_requests
    batch = data["batch_statistics"]
    assert batch["names"] == ["Field A", "Field B", "Field C"] and batch["geometries"]
    assert batch["features"] >= 3
