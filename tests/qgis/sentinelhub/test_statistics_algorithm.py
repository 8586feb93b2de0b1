"""The Processing algorithm "Sentinel Hub statistics (time series)" against the local
Statistical API server (numbers computed from the sandbox scenes' pixels)."""

from __future__ import annotations

import csv

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from tests.servers.common.token_server import TokenServer
from tests.servers.sandbox.assets import sandbox_items
from tests.servers.sentinelhub.scenes import SandboxScenes, javascript_available
from tests.servers.sentinelhub.statistical_server import StatisticalApiServer

from ..conftest import clean_settings

ALG = "eo_explorer:sentinelhub_statistics"
SECRET = "sh-Secret-for-statistics"
FIELDS = {"north": (11.60, 47.60, 11.66, 47.64), "south": (12.20, 47.00, 12.26, 47.04)}

needs_js = pytest.mark.skipif(not javascript_available(), reason="mini-racer not installed")


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_database(unlocked_auth):
    yield unlocked_auth


@pytest.fixture()
def sh(provider):
    with TokenServer(clients={"sh-client": SECRET}) as keycloak:

        def check(headers) -> bool:
            value = headers.get("Authorization", "")
            return value.startswith("Bearer ") and keycloak.is_valid(value[7:])

        scenes = SandboxScenes(sandbox_items()) if javascript_available() else None
        with StatisticalApiServer(token_check=check, scenes=scenes) as server:
            from eo_explorer.plugin.api.accounts import Credentials
            from eo_explorer.plugin.core import credentials
            from eo_explorer.plugin.sentinelhub import settings as process_settings

            clean_settings()
            credentials.save(
                Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url)
            )
            process_settings.set_custom_endpoint(server.url, "sentinelhub")
            yield server
            credentials.delete("sentinelhub")


def fields_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "fields", "memory")
    for name, (x0, y0, x1, y1) in FIELDS.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, y0, x1, y1)))
        feature.setAttributes([name])
        layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    return layer


def run(**parameters):
    import processing

    parameters.setdefault("ENDPOINT", "custom")
    return processing.run(ALG, parameters)


def test_the_algorithm_is_listed(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    assert algorithm is not None
    assert algorithm.displayName() == "Sentinel Hub statistics (time series)"
    names = {p.name() for p in algorithm.parameterDefinitions()}
    assert {"AREA", "EXTENT", "EVALSCRIPT", "INTERVAL", "PERCENTILES", "OUTPUT", "CSV"} <= names


@needs_js
def test_polygons_become_a_table_and_a_csv(sh, tmp_path):
    layer = fields_layer()
    out_csv = tmp_path / "series.csv"
    result = run(
        COLLECTION="sentinel-2-l2a",
        AREA=layer.id(),
        START="2024-06-01",
        END="2024-06-30",
        EVALSCRIPT="ndvi_statistics",
        INTERVAL="P10D",
        PERCENTILES="25-75",
        LAST_INTERVAL="SHORTEN",
        RESOLUTION=200,
        OUTPUT="memory:",
        CSV=str(out_csv),
    )
    assert result["REQUESTS"] == 2
    sent = [r for r in sh.requests if r.get("status") == 200]
    assert len(sent) == 2
    assert sent[0]["json"]["calculations"]["default"]["statistics"]["default"] == {
        "percentiles": {"k": [0.25, 0.5, 0.75]}
    }
    table = result["OUTPUT"]
    if isinstance(table, str):
        table = QgsProject.instance().mapLayer(table)
    features = list(table.getFeatures())
    # two intervals with scenes (1-11 and 21-30 June) per polygon
    assert len(features) == 4
    assert {f["polygon"] for f in features} == set(FIELDS)
    names = table.fields().names()
    assert {"interval_from", "mean", "p25", "p50", "p75", "sampleCount"} <= set(names)
    assert all(-1 <= f["mean"] <= 1 for f in features)
    rows = list(csv.reader(out_csv.open(encoding="utf-8")))
    assert rows[0][:3] == ["polygon", "fid", "interval_from"] and len(rows) == 5
    assert sorted(float(r[rows[0].index("mean")]) for r in rows[1:]) == pytest.approx(
        sorted(f["mean"] for f in features)
    )


def test_a_script_without_data_mask_is_refused_with_the_reason(sh, tmp_path):
    with pytest.raises(QgsProcessingException, match="dataMask"):
        run(
            COLLECTION="sentinel-2-l2a",
            EXTENT="11.6,11.7,47.6,47.7 [EPSG:4326]",
            START="2024-06-01",
            END="2024-06-30",
            EVALSCRIPT="ndvi",
            RESOLUTION=200,
            OUTPUT="memory:",
        )
    assert not [r for r in sh.requests if r["path"] == "/api/v1/statistics"]


@needs_js
def test_many_polygons_stay_within_the_rate_limit(sh, tmp_path):
    """One request per second allowed: the second polygon is answered 429 first, waited
    out (Retry-After), then answered; both series arrive."""
    sh.rate_limit, sh.rate_window = 1, 1.0
    layer = fields_layer()
    result = run(
        COLLECTION="sentinel-2-l2a",
        AREA=layer.id(),
        START="2024-06-01",
        END="2024-06-30",
        EVALSCRIPT="ndvi_statistics",
        INTERVAL="P1M",
        RESOLUTION=400,
        OUTPUT="memory:",
    )
    statuses = [r.get("status") for r in sh.requests if r["path"] == "/api/v1/statistics"]
    assert 429 in statuses and statuses.count(200) == 2
    assert result["REQUESTS"] == 2
