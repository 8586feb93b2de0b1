"""The Sentinel Hub batch process algorithm of the Processing toolbox inside the real QGIS
application, against the sandbox (a QGIS run of its own: the request moves through its
states in seconds)."""

from __future__ import annotations

import pytest
from osgeo import gdal


@pytest.mark.flow("processing_batch_process")
def test_the_batch_process_algorithm_runs_in_the_application(app_run, sandbox):
    """Analysed, started, followed to DONE, the tiles gathered in a VRT that holds no key:
    the request the sandbox's Batch API got is the one the algorithm names."""
    data = app_run["processing_batch_process"].check()
    assert data["STATUS"] == "DONE"
    assert data["TILES"] >= 1 and data["ESTIMATE"] > 0
    server = sandbox["servers"]["accounts"].process
    record = server.batches[data["REQUEST_ID"]]
    assert record["status"] == "DONE"
    assert any(e["path"].endswith(f"{data['REQUEST_ID']}/start") for e in server.requests)
    mosaic = gdal.Open(data["MOSAIC"])
    assert mosaic is not None and mosaic.RasterXSize > 0 and mosaic.RasterYSize > 0
    with open(data["MOSAIC"], encoding="utf-8") as vrt:
        text = vrt.read()
    assert "/vsis3/eo-explorer-results/toolbox-batch/" in text
    assert "SECRET" not in text.upper() and "AWS_SECRET_ACCESS_KEY" not in text
