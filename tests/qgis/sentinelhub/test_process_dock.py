"""The Process dock against the local Sentinel Hub Process API server (seed 001), with a
real sign-in (Keycloak-shaped token server) and the account in the QGIS auth database:
the requests the server received, the tiling, the mosaic's pixels and georeferencing,
the styled layer, progress, cancel and a failed tile."""

from __future__ import annotations

import json

import numpy as np
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsRectangle,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtCore import QDate, Qt

from tests.servers.common import faults
from tests.servers.sentinelhub.process_server import ProcessApiServer, pattern, pixel_centres

from ..conftest import wait_for
from .process_support import *  # noqa: F403 - the fixtures of process_support.__all__
from .process_support import (
    UTM33,
    bearer_check,
    choose,
    draw_field,
    last_month,
    make_dock,
    messages,
    run_dock,
)

# -- the done-when scenario: a drawn field, NDVI, Sentinel-2 L2A, last month, 10 m ---------


def test_ndvi_of_a_drawn_field_becomes_a_styled_layer(
    qgis_app, qgis_iface, canvas, keycloak, account, tmp_path
):

    with ProcessApiServer(token_check=bearer_check(keycloak)) as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        try:
            choose(dock, "sentinel-2-l2a", "ndvi")
            first, last = last_month()
            dock.form.startDate.setDate(QDate(first.year, first.month, first.day))
            dock.form.endDate.setDate(QDate(last.year, last.month, last.day))
            dock.form.mosaickingCombo.setCurrentIndex(dock.form.mosaickingCombo.findData("leastCC"))
            dock.form.cloudSpin.setValue(30)
            draw_field(dock)
            assert dock.form.drawnRadio.isChecked()
            estimate = dock.update_estimate()
            assert "px of 10 m in EPSG:32633" in estimate and "1 request(s)" in estimate
            assert "processing units" in estimate
            outcome = run_dock(qgis_app, dock)
            assert outcome is not None and outcome.error is None, messages(dock)
        finally:
            dock.shutdown()

        # What the server received: one request shaped as seed 001.
        done = [r for r in sh.requests if r["status"] == 200]
        assert len(done) == 1
        request = done[0]
        assert request["headers"]["Accept"] == "image/tiff"
        assert request["headers"]["Authorization"].startswith("Bearer ")
        body = request["json"]
        bounds = body["input"]["bounds"]
        assert bounds["properties"] == {"crs": UTM33}
        assert len(bounds["bbox"]) == 4 and all(v % 10 == 0 for v in bounds["bbox"])
        assert bounds["geometry"]["type"] == "Polygon"
        data = body["input"]["data"]
        assert data == [
            {
                "type": "sentinel-2-l2a",
                "dataFilter": {
                    "timeRange": {
                        "from": f"{first.isoformat()}T00:00:00Z",
                        "to": f"{last.isoformat()}T23:59:59Z",
                    },
                    "mosaickingOrder": "leastCC",
                    "maxCloudCoverage": 30.0,
                },
            }
        ]
        # The tile's size in pixels, so that its pixels are exactly 10 m.
        x0, y0, x1, y1 = bounds["bbox"]
        assert body["output"] == {
            "width": round((x1 - x0) / 10),
            "height": round((y1 - y0) / 10),
            "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
        }
        assert body["evalscript"].startswith("//VERSION=3") and "B08" in body["evalscript"]

    # The result: a COG beside its request JSON, named after collection, script and dates.
    path = outcome.path
    assert path.parent == tmp_path
    assert path.name == f"sentinel-2-l2a_ndvi_{first.isoformat()}_{last.isoformat()}.tif"
    saved = json.loads(outcome.request_path.read_text())
    assert saved["requests"] == [body] and saved["crs"] == "EPSG:32633"
    dataset = gdal.Open(str(path))
    assert dataset.GetMetadata("IMAGE_STRUCTURE")["LAYOUT"] == "COG"
    assert dataset.RasterCount == 1
    assert gdal.GetDataTypeName(dataset.GetRasterBand(1).DataType) == "Float32"
    gt = dataset.GetGeoTransform()
    assert (gt[0], gt[3], gt[1], gt[5]) == (bounds["bbox"][0], bounds["bbox"][3], 10.0, -10.0)
    values = dataset.GetRasterBand(1).ReadAsArray()
    # Clipped to the field: the server renders "no data" as 0 (its evalscript is not run).
    assert (values == 0).any() and (values != 0).any()
    dataset = None

    # The layer: in the EO Explorer group, NDVI colour ramp with a legend.
    layer = dock.result_layer
    assert layer.isValid() and layer.source() == str(path)
    assert "ndvi" in layer.name().lower() and "sentinel-2-l2a" in layer.name()
    group = QgsProject.instance().layerTreeRoot().findGroup("EO Explorer")
    assert group.findLayer(layer.id()) is not None
    renderer = layer.renderer()
    assert isinstance(renderer, QgsSingleBandPseudoColorRenderer)
    labels = [label for label, _color in renderer.legendSymbologyItems()]
    assert "0.6 dense vegetation" in labels and "-1 water, clouds" in labels
    assert renderer.classificationMin() == -1.0 and renderer.classificationMax() == 1.0
    assert "Saved" in dock.form.statusLabel.text()
    # QGIS's Temporal Controller shows it during the time range the request asked for.
    asked = body["input"]["data"][0]["dataFilter"]["timeRange"]
    shown = layer.temporalProperties()
    assert shown.isActive()
    span = shown.fixedTemporalRange()
    iso = Qt.DateFormat.ISODate
    assert (span.begin().toUTC().toString(iso), span.end().toUTC().toString(iso)) == (
        asked["from"],
        asked["to"],
    )


# -- a large area: several tiles, one seamless COG ------------------------------------------


def test_a_large_area_is_tiled_and_assembled_without_seams(
    qgis_app, qgis_iface, canvas, keycloak, account, tmp_path
):
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32633"))
    canvas.setExtent(QgsRectangle(500_000, 5_100_000, 530_000, 5_112_000))
    with ProcessApiServer(token_check=bearer_check(keycloak), rate_limit=1) as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        try:
            choose(dock, "sentinel-2-l2a", "true_color")
            job = dock.build_job()
            grid = job.grid
            assert grid.width > 2500 and len(job.tiles) >= 2
            assert all(t.width <= 2500 and t.height <= 2500 for t in job.tiles)
            progress = []
            dock.form.progressBar.valueChanged.connect(progress.append)
            outcome = run_dock(qgis_app, dock, timeout=120)
            assert outcome is not None and outcome.error is None, messages(dock)
        finally:
            dock.shutdown()
        assert outcome.requests == len(job.tiles) == len(sh.tiles)
        assert progress and max(progress) == 100
        # Every pixel of the grid was requested exactly once, in the grid's CRS.
        coverage = sh.coverage(grid.bbox, grid.width, grid.height, UTM33)
        assert coverage.min() == 1 and coverage.max() == 1
        assert sh.max_in_flight <= 4
        assert any(r["status"] == 429 for r in sh.requests)  # rate limited, then waited

    dataset = gdal.Open(str(outcome.path))
    assert (dataset.RasterXSize, dataset.RasterYSize) == (grid.width, grid.height)
    assert dataset.GetGeoTransform() == (grid.x0, 10.0, 0.0, grid.y1, 0.0, -10.0)
    assert dataset.GetSpatialRef().GetAuthorityCode(None) == "32633"
    xs, ys = pixel_centres(grid.bbox, grid.width, grid.height)
    for band in range(3):
        expected = pattern(xs, ys, band, "UINT8", False)
        actual = dataset.GetRasterBand(band + 1).ReadAsArray()
        assert np.array_equal(actual, expected), f"band {band + 1} differs"
    # The seams in particular: the columns on either side of each tile edge.
    for tile in job.tiles[1:]:
        edge = tile.col_off
        if edge:
            window = dataset.GetRasterBand(1).ReadAsArray(edge - 1, 0, 2, grid.height)
            assert np.array_equal(window, pattern(xs[edge - 1 : edge + 1], ys, 0, "UINT8", False))
    dataset = None
    renderer = dock.result_layer.renderer()
    assert renderer.type() == "multibandcolor"


def test_progress_cancel_and_a_failed_tile(
    qgis_app, qgis_iface, canvas, keycloak, account, tmp_path
):
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32633"))
    canvas.setExtent(QgsRectangle(500_000, 5_100_000, 503_000, 5_101_000))
    with ProcessApiServer(token_check=bearer_check(keycloak), delay=0.5) as sh:
        dock = make_dock(qgis_iface, sh, tmp_path, max_tile=64)
        try:
            choose(dock, "sentinel-2-l2a", "true_color")
            outcomes = []
            dock.processFinished.connect(outcomes.append)
            dock.form.runButton.click()
            wait_for(qgis_app, lambda: sh.requests)
            dock.form.cancelButton.click()
            wait_for(qgis_app, lambda: outcomes, 30)
            assert outcomes[0].cancelled and outcomes[0].path is None
            assert "Cancelled" in dock.form.statusLabel.text()
            assert not list(tmp_path.glob("*.tif"))
            assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]

            # A server error is retried; one that persists leaves a gap, reported.
            sh.delay = 0.0
            dock.form.sizeRadio.setChecked(True)
            dock.form.widthSpin.setValue(100)
            dock.form.heightSpin.setValue(40)
            error = faults.sentinelhub_error_body(500, "Internal error", "RENDERER_EXCEPTION")
            sh.set_fault(faults.respond(500, error, times=3))
            from eo_explorer.plugin.core import settings

            settings.set(settings.Key.PROCESS_WORKERS, 1)
            outcome = run_dock(qgis_app, dock)
        finally:
            dock.shutdown()
    assert outcome.error is None and outcome.path is not None
    assert len(outcome.failed) == 1 and outcome.requests == 2
    assert "failed after retries" in messages(dock) and "Internal error" in messages(dock)
    dataset = gdal.Open(str(outcome.path))
    values = dataset.GetRasterBand(1).ReadAsArray()
    tile = outcome.failed[0][0]
    gap = values[
        tile.row_off : tile.row_off + tile.height, tile.col_off : tile.col_off + tile.width
    ]
    assert (gap == 0).all() and (values != 0).any()
    assert dataset.GetRasterBand(1).GetNoDataValue() == 0
