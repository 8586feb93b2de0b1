"""The Batch engine inside the real QGIS application, against the sandbox's Batch API and
its S3 bucket: analysed, started after the user's yes, followed, and loaded as a mosaic."""

from __future__ import annotations

import pytest

from .expected import assert_picture


@pytest.mark.flow("batch_dock_picture")
def test_batch_dock_picture(app_run, sandbox):
    data = app_run["batch_dock_picture"].check()
    assert not data["error"], data
    assert data["asked"] and "tile(s)" in data["asked"][0], data["asked"]
    assert data["layer_valid"] and data["layer_source"].endswith(".vrt"), data
    assert "(batch mosaic)" in data["layer"]
    assert data["states"][0] == "DONE", data["states"]
    assert data["status"].startswith("Mosaic of"), data["status"]
    server = sandbox["servers"]["accounts"].process
    assert [r["status"] for r in server.batches.values()] == ["DONE"]
    assert data["layout"]["sideways"] == 0, data["layout"]  # fits a laptop's dock
    assert_picture(data["screenshot"])
