"""The Process dock as Sentinel Hub documents the Process API: the collection list follows
the endpoint, an evalscript with several outputs becomes one layer per output (each
mosaicked across tiles from tar answers), and a rate limit's pause is shown."""

from __future__ import annotations

import json

import numpy as np
from osgeo import gdal
from qgis.core import QgsProject

from tests.servers.sentinelhub.process_server import ProcessApiServer, pattern, pixel_centres

from .process_support import *  # noqa: F403 - the fixtures of process_support.__all__
from .process_support import bearer_check, make_dock, messages, run_dock

TWO_OUTPUTS = """//VERSION=3
function setup() {
  return {
    input: [{bands: ["B02", "B03", "B04", "dataMask"]}],
    output: [
      {id: "rgb", bands: 3, sampleType: "UINT8"},
      {id: "mask", bands: 1, sampleType: "UINT8"}
    ]
  };
}
function evaluatePixel(s) {
  return {rgb: [s.B04, s.B03, s.B02], mask: [s.dataMask]};
}
"""


def offered(dock) -> list:
    combo = dock.form.collectionCombo
    return [combo.itemData(i) for i in range(combo.count())]


def test_the_collection_list_follows_the_endpoint(qgis_iface, canvas, tmp_path):
    with ProcessApiServer() as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        f = dock.form
        try:
            assert "landsat-ot-l2" in offered(dock) and "sentinel-2-l2a" in offered(dock)
            f.endpointCombo.setCurrentIndex(f.endpointCombo.findData("sentinelhub"))
            f.collectionCombo.setCurrentIndex(f.collectionCombo.findData("sentinel-1-grd"))
            assert "landsat-ot-l2" not in offered(dock)
            f.endpointCombo.setCurrentIndex(f.endpointCombo.findData("sentinelhub-uswest2"))
            assert offered(dock) == ["landsat-ot-l2", "dem", "byoc"]
            # Sentinel-1 is not served there: the first collection is chosen, with its preset
            assert f.collectionCombo.currentData() == "landsat-ot-l2"
            assert dock.form.presetCombo.currentData() == "landsat_true_color"
            assert not f.s1Group.isVisibleTo(dock)
            f.collectionCombo.setCurrentIndex(f.collectionCombo.findData("dem"))
            f.endpointCombo.setCurrentIndex(f.endpointCombo.findData("sentinelhub-cdse"))
            assert "landsat-ot-l2" not in offered(dock) and "sentinel-3-olci" in offered(dock)
            assert f.collectionCombo.currentData() == "dem"  # served by both: kept
        finally:
            dock.shutdown()


def test_two_outputs_become_two_layers_from_tiled_tar_answers(
    qgis_app, qgis_iface, canvas, keycloak, account, tmp_path, monkeypatch
):
    from eo_explorer.plugin.gui.sentinelhub import run as process_run

    shown = []
    original = process_run._waiting

    def waiting(dock, seconds):
        original(dock, seconds)
        shown.append(dock.form.statusLabel.text())

    monkeypatch.setattr(process_run, "_waiting", waiting)
    with ProcessApiServer(token_check=bearer_check(keycloak), rate_limit=2) as sh:
        dock = make_dock(qgis_iface, sh, tmp_path, max_tile=700)
        try:
            f = dock.form
            f.collectionCombo.setCurrentIndex(f.collectionCombo.findData("sentinel-2-l2a"))
            dock.editor.set_text(TWO_OUTPUTS)
            job = dock.build_job()
            assert len(job.tiles) >= 4 and job.output_ids == ("rgb", "mask")
            sh.pixel_size = (job.grid.px, job.grid.py)  # every tile: exactly the grid's pixels
            dock.update_estimate()
            assert f.scriptInfoLabel.text().endswith("rgb: 3 band(s) UINT8, mask: 1 band(s) UINT8")
            outcome = run_dock(qgis_app, dock, timeout=120)
            assert outcome is not None and outcome.error is None, messages(dock)
        finally:
            dock.shutdown()
        answered = [r for r in sh.requests if r["status"] == 200]
        assert {r["headers"]["Accept"] for r in answered} == {"application/tar"}
        assert all(
            [x["identifier"] for x in r["json"]["output"]["responses"]] == ["rgb", "mask"]
            for r in answered
        )
        assert any(r["status"] == 429 for r in sh.requests)
    assert shown and all("waiting" in text for text in shown)

    grid = job.grid
    assert [o.id for o in outcome.outputs] == ["rgb", "mask"]
    rgb, mask = outcome.outputs
    assert rgb.path == outcome.path and mask.path.name == f"{outcome.path.stem}_mask.tif"
    assert (rgb.bands, mask.bands) == (3, 1)
    xs, ys = pixel_centres(grid.bbox, grid.width, grid.height)
    dataset = gdal.Open(str(mask.path))
    assert (dataset.RasterXSize, dataset.RasterYSize) == (grid.width, grid.height)
    assert np.array_equal(
        dataset.GetRasterBand(1).ReadAsArray(), pattern(xs, ys, 0, "UINT8", False)
    )
    dataset = None
    saved = json.loads(outcome.request_path.read_text())
    assert saved["accept"] == "application/tar"
    layers = dock.result_layers
    assert [layer.source() for layer in layers] == [str(rgb.path), str(mask.path)]
    assert layers[0].name().endswith(" · rgb") and layers[1].name().endswith(" · mask")
    assert layers[0].renderer().type() == "multibandcolor" and layers[1].bandCount() == 1
    assert all(QgsProject.instance().mapLayer(layer.id()) for layer in layers)
