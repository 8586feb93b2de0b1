"""The Processing algorithm "Sentinel Hub Process" against the local Process API server."""

from __future__ import annotations

import json

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)

from tests.servers.common.token_server import TokenServer
from tests.servers.sentinelhub.process_server import ProcessApiServer, pattern, pixel_centres

from ..conftest import clean_settings

ALG = "eo_explorer:sentinelhub_process"
SECRET = "sh-Secret-for-the-algorithm"
UTM33 = "http://www.opengis.net/def/crs/EPSG/0/32633"
FIELD = "POLYGON((14.500 46.050, 14.512 46.050, 14.514 46.058, 14.501 46.057, 14.500 46.050))"
CUSTOM_SCRIPT = """//VERSION=3
function setup() {
  return {input: ["B04", "B08"], output: {bands: 2, sampleType: SampleType.UINT16}};
}
function evaluatePixel(s) { return [s.B04 * 10000, s.B08 * 10000]; }
"""


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_database(unlocked_auth):
    yield unlocked_auth


@pytest.fixture()
def sh(provider):
    with TokenServer(clients={"sh-client": SECRET}) as keycloak:

        def check(headers) -> bool:
            value = headers.get("Authorization", "")
            return value.startswith("Bearer ") and keycloak.is_valid(value[7:])

        with ProcessApiServer(token_check=check) as server:
            from eo_explorer.plugin.api.accounts import Credentials
            from eo_explorer.plugin.core import credentials, settings
            from eo_explorer.plugin.sentinelhub import settings as process_settings

            clean_settings()
            credentials.save(
                Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url)
            )
            process_settings.set_custom_endpoint(server.url, "sentinelhub")
            settings.set(settings.Key.PROCESS_MAX_TILE_PIXELS, 1000)
            yield server
            credentials.delete("sentinelhub")


def run(**parameters):
    import processing

    parameters.setdefault("ENDPOINT", "custom")
    return processing.run(ALG, parameters)


def loaded(output: str):
    """The layer runAndLoadResults added for ``output`` (an id or the file)."""
    project = QgsProject.instance()
    layer = project.mapLayer(output)
    found = [lyr for lyr in project.mapLayers().values() if lyr.source() == output]
    assert layer is not None or found, output
    return layer or found[-1]


def bodies(server) -> list[dict]:
    return [r["json"] for r in server.requests if r["status"] == 200]


def test_the_algorithm_is_listed(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    assert algorithm is not None and algorithm.displayName() == "Sentinel Hub Process"
    names = {p.name() for p in algorithm.parameterDefinitions()}
    assert {"ENDPOINT", "COLLECTION", "EXTENT", "AREA", "EVALSCRIPT", "RESOLUTION"} <= names
    endpoints = algorithm.parameterDefinition("ENDPOINT").options()
    assert {"sentinelhub", "sentinelhub-uswest2", "sentinelhub-cdse"} <= set(endpoints)


def test_an_extent_larger_than_one_request_becomes_one_raster(sh, tmp_path):
    out = tmp_path / "tc.tif"
    result = run(
        COLLECTION="sentinel-2-l2a",
        EXTENT="500000,515000,5100000,5108000 [EPSG:32633]",
        EVALSCRIPT="true_color",
        RESOLUTION=10,
        START="2024-06-01",
        END="2024-06-30",
        MOSAICKING="leastRecent",
        MAX_CLOUD=40,
        OUTPUT=str(out),
    )
    assert result["OUTPUT"] == str(out) and result["REQUESTS"] == 2
    assert result["PROCESSING_UNITS"] > 0
    assert sh.coverage((500000, 5100000, 515000, 5108000), 1500, 800, UTM33).min() == 1
    sent = bodies(sh)
    assert {b["input"]["bounds"]["properties"]["crs"] for b in sent} == {UTM33}
    assert sent[0]["input"]["data"][0]["dataFilter"] == {
        "timeRange": {"from": "2024-06-01T00:00:00Z", "to": "2024-06-30T23:59:59Z"},
        "mosaickingOrder": "leastRecent",
        "maxCloudCoverage": 40.0,
    }
    dataset = gdal.Open(str(out))
    assert dataset.GetGeoTransform() == (500000.0, 10.0, 0.0, 5108000.0, 0.0, -10.0)
    assert (dataset.RasterXSize, dataset.RasterYSize) == (1500, 800)
    xs, ys = pixel_centres((500000, 5100000, 515000, 5108000), 1500, 800)
    assert np.array_equal(
        dataset.GetRasterBand(2).ReadAsArray(), pattern(xs, ys, 1, "UINT8", False)
    )
    saved = json.loads(out.with_suffix(".json").read_text())
    by_bbox = sorted(sent, key=lambda b: b["input"]["bounds"]["bbox"])
    assert saved["requests"] == by_bbox and saved["width"] == 1500
    assert result["REQUEST_JSON"] == str(out.with_suffix(".json"))


def test_a_polygon_layer_custom_script_and_pixel_size(sh, tmp_path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "field", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(FIELD))
    layer.dataProvider().addFeatures([feature])
    script = tmp_path / "bands.js"
    script.write_text(CUSTOM_SCRIPT)
    out = tmp_path / "custom.tif"
    run(
        COLLECTION="sentinel-2-l2a",
        AREA=layer,
        EVALSCRIPT_FILE=str(script),
        WIDTH=120,
        HEIGHT=80,
        UPSAMPLING="BILINEAR",
        OUTPUT=str(out),
    )
    (body,) = bodies(sh)
    assert body["output"]["width"] == 120 and body["output"]["height"] == 80
    assert "resx" not in body["output"]
    assert body["input"]["bounds"]["geometry"]["type"] == "Polygon"
    assert body["input"]["data"][0]["processing"] == {"upsampling": "BILINEAR"}
    assert body["evalscript"] == CUSTOM_SCRIPT
    dataset = gdal.Open(str(out))
    assert dataset.RasterCount == 2
    assert gdal.GetDataTypeName(dataset.GetRasterBand(1).DataType) == "UInt16"


def test_sentinel1_options_and_the_style_of_a_loaded_result(sh, layer_tree_view, tmp_path):
    import processing

    result = processing.runAndLoadResults(
        ALG,
        {
            "ENDPOINT": "custom",
            "COLLECTION": "sentinel-1-grd",
            "EXTENT": "14.40,14.45,46.00,46.03 [EPSG:4326]",
            "EVALSCRIPT": "s1_vv_vh",
            "ORTHORECTIFY": True,
            "BACK_COEFF": "GAMMA0_TERRAIN",
            "SPECKLE_WINDOW": 3,
            "POLARIZATION": "DV",
            "DEM_INSTANCE": "COPERNICUS_30",
            "RESOLUTION": 20,
            "OUTPUT": str(tmp_path / "s1.tif"),
        },
    )
    (body,) = bodies(sh)
    entry = body["input"]["data"][0]
    assert entry["dataFilter"]["polarization"] == "DV"
    assert entry["processing"] == {
        "orthorectify": True,
        "demInstance": "COPERNICUS_30",
        "backCoeff": "GAMMA0_TERRAIN",
        "speckleFilter": {"type": "LEE", "windowSizeX": 3, "windowSizeY": 3},
    }
    assert loaded(result["OUTPUT"]).renderer().type() == "singlebandgray"


def test_ndvi_loaded_result_has_the_ndvi_ramp(sh, layer_tree_view, tmp_path):
    import processing

    result = processing.runAndLoadResults(
        ALG,
        {
            "ENDPOINT": "custom",
            "COLLECTION": "sentinel-2-l2a",
            "EXTENT": "14.40,14.42,46.00,46.01 [EPSG:4326]",
            "EVALSCRIPT": "ndvi",
            "OUTPUT": str(tmp_path / "ndvi.tif"),
        },
    )
    renderer = loaded(result["OUTPUT"]).renderer()
    assert isinstance(renderer, QgsSingleBandPseudoColorRenderer)
    assert renderer.legendSymbologyItems()[0][0] == "-1 water, clouds"
    # shown by the Temporal Controller during the job's time range, as from the dock
    assert loaded(result["OUTPUT"]).temporalProperties().isActive()


def test_errors_are_processing_exceptions(sh, tmp_path):
    with pytest.raises(QgsProcessingException, match="needs orthorectification"):
        run(
            COLLECTION="sentinel-1-grd",
            EXTENT="14.40,14.45,46.00,46.03 [EPSG:4326]",
            EVALSCRIPT="s1_vv",
            BACK_COEFF="GAMMA0_TERRAIN",
            OUTPUT=str(tmp_path / "x.tif"),
        )
    with pytest.raises(QgsProcessingException, match="Unknown data collection"):
        run(
            COLLECTION="sentinel-9",
            EXTENT="14,15,46,47 [EPSG:4326]",
            OUTPUT=str(tmp_path / "y.tif"),
        )
    with pytest.raises(QgsProcessingException, match="Give an extent or an area layer"):
        run(COLLECTION="sentinel-2-l2a", OUTPUT=str(tmp_path / "z.tif"))
    sh.s1_polarization = "SV"
    with pytest.raises(QgsProcessingException, match="RENDERER_S1_MISSING_POLARIZATION"):
        run(
            COLLECTION="sentinel-1-grd",
            EXTENT="14.40,14.45,46.00,46.03 [EPSG:4326]",
            EVALSCRIPT="s1_vv_vh",
            OUTPUT=str(tmp_path / "w.tif"),
        )
    assert not sh.tiles


def test_without_an_account(provider, tmp_path):
    from eo_explorer.plugin.sentinelhub import settings as process_settings

    clean_settings()
    process_settings.set_custom_endpoint("http://127.0.0.1:9/", "sentinelhub")
    with pytest.raises(QgsProcessingException, match="Set up your Sentinel Hub account first"):
        run(
            COLLECTION="sentinel-2-l2a",
            EXTENT="14,15,46,47 [EPSG:4326]",
            OUTPUT=str(tmp_path / "a.tif"),
        )


def test_a_collection_the_endpoint_does_not_serve_is_refused(provider, tmp_path):
    clean_settings()
    with pytest.raises(QgsProcessingException) as refused:
        run(
            ENDPOINT="sentinelhub-cdse",
            COLLECTION="landsat-ot-l2",
            EXTENT="14,15,46,47 [EPSG:4326]",
            EVALSCRIPT="landsat_true_color",
            OUTPUT=str(tmp_path / "l.tif"),
        )
    # said before any account is asked for (none is set up here)
    assert "does not serve the collection landsat-ot-l2" in str(refused.value)
    assert "services-uswest2.sentinel-hub.com" in str(refused.value)
    with pytest.raises(QgsProcessingException, match="US West .* does not serve .*sentinel-2"):
        run(
            ENDPOINT="sentinelhub-uswest2",
            COLLECTION="sentinel-2-l2a",
            EXTENT="14,15,46,47 [EPSG:4326]",
            OUTPUT=str(tmp_path / "s.tif"),
        )


TWO_OUTPUTS = """//VERSION=3
function setup() {
  return {input: ["B04", "B08", "dataMask"],
          output: [{id: "ndvi", bands: 1, sampleType: "FLOAT32"},
                   {id: "mask", bands: 1, sampleType: "UINT8"}]};
}
function evaluatePixel(s) {
  return {ndvi: [(s.B08 - s.B04) / (s.B08 + s.B04)], mask: [s.dataMask]};
}
"""


def test_several_outputs_are_written_side_by_side_and_loaded(sh, layer_tree_view, tmp_path):
    import processing

    script = tmp_path / "two.js"
    script.write_text(TWO_OUTPUTS)
    out = tmp_path / "two.tif"
    result = processing.runAndLoadResults(
        ALG,
        {
            "ENDPOINT": "custom",
            "COLLECTION": "sentinel-2-l2a",
            "EXTENT": "500000,512000,5100000,5104000 [EPSG:32633]",
            "EVALSCRIPT_FILE": str(script),
            "RESOLUTION": 10,
            "OUTPUT": str(out),
        },
    )
    assert result["REQUESTS"] == 2  # 1200 px wide in tiles of at most 1000
    mask = tmp_path / "two_mask.tif"
    assert result["OUTPUTS"] == f"{out};{mask}"
    sent = bodies(sh)
    assert all(
        [r["identifier"] for r in b["output"]["responses"]] == ["ndvi", "mask"] for b in sent
    )
    ndvi, mask_data = gdal.Open(str(out)), gdal.Open(str(mask))
    assert gdal.GetDataTypeName(ndvi.GetRasterBand(1).DataType) == "Float32"
    assert gdal.GetDataTypeName(mask_data.GetRasterBand(1).DataType) == "Byte"
    assert (mask_data.RasterXSize, mask_data.RasterYSize) == (1200, 400)
    xs, ys = pixel_centres((500000, 5100000, 512000, 5104000), 1200, 400)
    assert np.array_equal(
        mask_data.GetRasterBand(1).ReadAsArray(), pattern(xs, ys, 0, "UINT8", False)
    )
    ndvi = mask_data = None
    assert loaded(str(mask)).bandCount() == 1
