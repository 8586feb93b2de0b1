"""The Processing algorithm "Sentinel Hub batch statistics": a layer of fields in, the
fields joined with their series out, through Batch Statistical and the bucket (moto), or
one Statistical request per field when the account has no Batch Statistical."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)

from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY, S3Server
from tests.servers.common.token_server import TokenServer
from tests.servers.sandbox.assets import sandbox_items
from tests.servers.sentinelhub.batch_statistical_server import BatchStatisticalApiServer
from tests.servers.sentinelhub.scenes import SandboxScenes, javascript_available
from tests.servers.sentinelhub.statistical_server import StatisticalApiServer

from ..conftest import clean_settings

ALG = "eo_explorer:sentinelhub_batch_statistics"
BUCKET = "eo-explorer-results"
SECRET = "sh-secret-batch-algorithm"
ROLE = "arn:aws:iam::123456789012:role/sentinel-hub-batch"
FIELDS = {
    "north": "POLYGON((11.2 47.0, 11.5 47.0, 11.5 47.3, 11.2 47.3, 11.2 47.0))",
    "east": "POLYGON((12.5 46.9, 12.9 46.9, 12.7 47.2, 12.5 46.9))",
}

NDVI = """//VERSION=3
function setup() {
  return {
    input: [{bands: ["B04", "B08", "dataMask"]}],
    output: [{id: "ndvi", bands: 1, sampleType: "FLOAT32"}, {id: "dataMask", bands: 1}]
  };
}
function evaluatePixel(s) {
  return {ndvi: [(s.B08 - s.B04) / (s.B08 + s.B04)], dataMask: [s.dataMask]};
}
"""

needs_js = pytest.mark.skipif(not javascript_available(), reason="mini-racer not installed")


class SentinelHub(BatchStatisticalApiServer, StatisticalApiServer):
    """Batch Statistical and Statistical on one host, as services.sentinel-hub.com."""


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_database(unlocked_auth):
    yield unlocked_auth


@pytest.fixture(scope="module")
def scenes():
    return SandboxScenes(sandbox_items())


@pytest.fixture(scope="module")
def s3():
    with S3Server() as server:
        server.client().create_bucket(Bucket=BUCKET)
        yield server


@pytest.fixture()
def keycloak(provider, s3):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    with TokenServer(clients={"sh-client": SECRET}) as server:
        clean_settings()
        credentials.save(
            Credentials("sentinelhub", "sh-client", SECRET, token_url=server.token_url)
        )
        credentials.save(Credentials("s3:" + BUCKET, ACCESS_KEY, SECRET_KEY, endpoint=s3.endpoint))
        yield server
        credentials.delete("sentinelhub")
        credentials.delete("s3:" + BUCKET)


def sentinel_hub(scenes, keycloak, s3, **kw):
    from eo_explorer.plugin.sentinelhub import settings as process_settings

    server = SentinelHub(
        scenes=scenes,
        s3_endpoint=s3.endpoint,
        iam_roles={ROLE: (ACCESS_KEY, SECRET_KEY)},
        advance_every=0,
        token_check=lambda h: keycloak.is_valid(h.get("Authorization", "")[7:]),
        **kw,
    ).start()
    process_settings.set_custom_endpoint(server.url, "sentinelhub")
    return server


def fields_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "fields", "memory")
    features = []
    for name, wkt in FIELDS.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def run(layer, folder, **parameters):
    import processing

    script = folder / "ndvi_stats.js"
    script.write_text(NDVI, encoding="utf-8")
    values = dict(
        ENDPOINT="custom",
        INPUT=layer,
        COLLECTION="sentinel-2-l2a",
        START="2024-06-01",
        END="2024-06-30",
        INTERVAL="P10D",
        EVALSCRIPT_FILE=str(script),
        RESOLUTION=100,
        FOLDER=f"s3://{BUCKET}/fields",
        IAM_ROLE=ROLE,
        POLL_SECONDS=0,
        OUTPUT="memory:",
    )
    values.update(parameters)
    return processing.run(ALG, values)


def series(output) -> dict[str, list[tuple[str, float]]]:
    found: dict[str, list] = {}
    for feature in output.getFeatures():
        found.setdefault(feature["name"], []).append((feature["interval_from"], feature["mean"]))
    return found


def test_the_algorithm_is_listed(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    assert algorithm is not None and algorithm.displayName() == "Sentinel Hub batch statistics"
    names = {p.name() for p in algorithm.parameterDefinitions()}
    assert {"INPUT", "COLLECTION", "EVALSCRIPT", "INTERVAL", "FOLDER", "SHARE_KEYS"} <= names


@needs_js
def test_the_fields_are_joined_with_their_series(scenes, keycloak, s3, tmp_path):
    server = sentinel_hub(scenes, keycloak, s3)
    try:
        output = run(fields_layer(), tmp_path)["OUTPUT"]
    finally:
        server.stop()
    task = next(iter(server.batch_tasks.values()))
    assert task.status == "DONE"
    read = server.read_features[task.id]
    assert len(read) == 2 and read[0].crs.endswith("/32633")  # the UTM zone of the layer
    got = series(output)
    assert set(got) == {"north", "east"}
    for feature, name in zip(read, ("north", "east")):
        expected, _ = server.statistics_of(task, feature)
        assert got[name] == [
            (
                e["interval"]["from"],
                pytest.approx(e["outputs"]["ndvi"]["bands"]["B0"]["stats"]["mean"]),
            )
            for e in expected["data"]
        ]
    first = next(output.getFeatures())
    assert first.geometry().asWkt(4) == QgsGeometry.fromWkt(FIELDS[first["name"]]).asWkt(4)
    assert first["p50"] is not None and first["sampleCount"] > 0


@needs_js
def test_without_batch_statistical_one_request_per_field(scenes, keycloak, s3, tmp_path):
    server = sentinel_hub(scenes, keycloak, s3, allowed=False)
    try:
        output = run(fields_layer(), tmp_path)["OUTPUT"]
    finally:
        server.stop()
    paths = [r["path"] for r in server.requests]
    assert paths.count("/api/v1/statistics/batch") == 1
    assert paths.count("/api/v1/statistics") == 2
    got = series(output)
    assert set(got) == {"north", "east"} and all(got.values())


def test_without_access_to_the_bucket_nothing_is_sent(scenes, keycloak, s3, tmp_path):
    server = sentinel_hub(scenes, keycloak, s3)
    try:
        with pytest.raises(QgsProcessingException, match="Let Sentinel Hub use this bucket"):
            run(fields_layer(), tmp_path, IAM_ROLE="")
    finally:
        server.stop()
    assert not [r for r in server.requests if r["path"].startswith("/api/v1/statistics")]
