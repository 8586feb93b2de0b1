"""The Processing algorithm "Search catalog" against a real STAC API server (rustac).

In process through ``processing.run`` and out of process through ``qgis_process``.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..conftest import REPO, expected_ids, layer_ids, sandbox_items

ALG = "eo_explorer:search_catalog"
S2 = "sandbox-sentinel-2-l2a"
EUROPE = (5.0, 45.0, 15.0, 55.0)
YEAR = ("2024-01-01", "2024-12-31")
JUNE = ("2024-06-01", "2024-06-30")
TRIANGLE = "POLYGON((6.3 46.2, 14.1 47.3, 10.2 53.6, 6.3 46.2))"
SQUARE = "POLYGON((-3.1 40.2, 2.7 40.2, 2.7 44.9, -3.1 44.9, -3.1 40.2))"


def day_range(start: str, end: str) -> tuple[str, str]:
    """The instants a date interval covers, for :func:`expected_ids`."""
    return start + "T00:00:00Z", end + "T23:59:59.999999Z"


def wkt_area(wkt: str) -> dict:
    from shapely import wkt as shapely_wkt
    from shapely.geometry import mapping

    return mapping(shapely_wkt.loads(wkt))


def run(**parameters):
    import processing

    parameters.setdefault("OUTPUT", "TEMPORARY_OUTPUT")
    return processing.run(ALG, parameters)


def test_provider_lists_the_algorithm(provider):
    assert provider.id() == "eo_explorer"
    assert provider.name() == "EO Explorer"
    assert not provider.icon().isNull()
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    assert algorithm is not None
    assert algorithm.displayName() == "Search catalog"
    assert algorithm.group() == ""
    assert "STAC" in algorithm.shortHelpString()
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names == [
        "CATALOG",
        "COLLECTIONS",
        "EXTENT",
        "AREA",
        "START",
        "END",
        "MAX_CLOUD",
        "FILTER",
        "MAX_ITEMS",
        "SORT",
        "OUTPUT",
    ]
    assert algorithm.parameterDefinition("MAX_ITEMS").defaultValue() == 500


def test_extent_search_to_geopackage(provider, sandbox_server, tmp_path):
    output = tmp_path / "footprints.gpkg"
    result = run(
        CATALOG=sandbox_server.url,
        EXTENT="5,15,45,55 [EPSG:4326]",
        START=YEAR[0],
        END=YEAR[1],
        MAX_ITEMS=5000,
        OUTPUT=str(output),
    )
    expected = expected_ids(EUROPE, *day_range(*YEAR))
    assert len(expected) > 100  # more than one page of 100
    layer = QgsVectorLayer(result["OUTPUT"], "footprints", "ogr")
    assert layer.isValid()
    ids = layer_ids(layer)
    assert sorted(ids) == sorted(expected)
    assert result["COUNT"] == len(expected)
    assert result["NUMBER_MATCHED"] == -1  # rustac does not say
    assert layer.crs().authid() == "EPSG:4326"
    assert QgsWkbTypes.flatType(layer.wkbType()) == QgsWkbTypes.Type.MultiPolygon
    from eo_explorer.plugin.api.footprints import FIELD_NAMES

    assert set(FIELD_NAMES) <= set(layer.fields().names())
    feature = next(layer.getFeatures())
    assert feature["datetime"].isValid()
    assert json.loads(feature["item_json"])["id"] == feature["id"]


def test_a_loaded_output_looks_like_the_docks_layer(
    provider, sandbox_server, layer_tree_view, tmp_path
):
    """Styled outlines, time-aware, in the EO Explorer group: not QGIS's default grey."""
    import processing

    from eo_explorer.plugin.map.footprints import GROUP_NAME

    output = str(tmp_path / "styled.gpkg")
    result = processing.runAndLoadResults(
        ALG,
        {
            "CATALOG": sandbox_server.url,
            "EXTENT": "5,15,45,55 [EPSG:4326]",
            "START": JUNE[0],
            "END": JUNE[1],
            "OUTPUT": output,
        },
    )
    project = QgsProject.instance()
    layer = project.mapLayer(result["OUTPUT"]) or next(
        lyr for lyr in project.mapLayers().values() if lyr.source().startswith(output)
    )
    try:
        assert layer.customProperty("eo_explorer/kind") == "footprints"
        assert layer.temporalProperties().isActive()
        symbol = layer.renderer().symbol() if hasattr(layer.renderer(), "symbol") else None
        assert symbol is not None, "the footprints style, not QGIS's default"
        kinds = [sl.layerType() for sl in symbol.symbolLayers()]
        assert kinds == ["SimpleLine"], "outlines, not a grey fill"
        node = project.layerTreeRoot().findLayer(layer.id())
        assert node is not None and node.parent().name() == GROUP_NAME
    finally:
        project.removeMapLayer(layer.id())


def test_extent_text_is_xmin_xmax_ymin_ymax(provider, sandbox_server):
    """The README's qgis_process example: ``--EXTENT="5,7,45,47 [EPSG:4326]"`` is
    longitude 5 to 7, latitude 45 to 47 (QGIS's order), not a box from (5, 7) to (45, 47)."""
    result = run(
        CATALOG=sandbox_server.url, EXTENT="5,7,45,47 [EPSG:4326]", START=YEAR[0], END=YEAR[1]
    )
    expected = expected_ids((5.0, 45.0, 7.0, 47.0), *day_range(*YEAR))
    misread = expected_ids((5.0, 7.0, 45.0, 47.0), *day_range(*YEAR))
    assert expected and sorted(expected) != sorted(misread)
    assert sorted(layer_ids(result["OUTPUT"])) == sorted(expected)


def test_projected_extent_is_reprojected(provider, sandbox_server):
    web_mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        web_mercator,
        QgsProject.instance().transformContext(),
    )
    rect = transform.transformBoundingBox(QgsRectangle(*EUROPE))
    extent = (
        f"{rect.xMinimum()!r},{rect.xMaximum()!r},{rect.yMinimum()!r},"
        f"{rect.yMaximum()!r} [EPSG:3857]"
    )
    result = run(CATALOG=sandbox_server.url, EXTENT=extent, START=JUNE[0], END=JUNE[1])
    expected = expected_ids(EUROPE, *day_range(*JUNE))
    assert expected
    assert sorted(layer_ids(result["OUTPUT"])) == sorted(expected)


def test_sandbox_preset_collections_and_cloud_cover(provider, sandbox_server, monkeypatch):
    monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", sandbox_server.url)
    result = run(
        CATALOG="sandbox",
        COLLECTIONS=f" {S2} , ",
        EXTENT="5,15,45,55",
        START=YEAR[0],
        END=YEAR[1],
        MAX_CLOUD=20,
    )
    expected = expected_ids(EUROPE, *day_range(*YEAR), collections=[S2], max_cloud=20)
    everything = expected_ids(EUROPE, *day_range(*YEAR), collections=[S2])
    assert expected and len(expected) < len(everything)
    layer = result["OUTPUT"]
    assert sorted(layer_ids(layer)) == sorted(expected)
    assert all(f["cloud_cover"] <= 20 for f in layer.getFeatures())


def polygon_layer(*wkts: str) -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "areas", "memory")
    features = []
    for wkt in wkts:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_area_layer_search(provider, sandbox_server):
    layer = polygon_layer(TRIANGLE)
    try:
        # The area layer wins over the extent given too.
        result = run(
            CATALOG=sandbox_server.url,
            AREA=layer.id(),
            EXTENT="-20,-10,-50,-40",
            START=YEAR[0],
            END=YEAR[1],
        )
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    expected = expected_ids(wkt_area(TRIANGLE), *day_range(*YEAR))
    in_box = expected_ids(EUROPE, *day_range(*YEAR))
    assert expected and expected < in_box  # the triangle, not its bounding box
    assert sorted(layer_ids(result["OUTPUT"])) == sorted(expected)


def test_area_layer_selected_features_only(provider, sandbox_server):
    layer = polygon_layer(TRIANGLE, SQUARE)
    square_id = [f.id() for f in layer.getFeatures()][1]
    layer.selectByIds([square_id])
    try:
        selected = QgsProcessingFeatureSourceDefinition(layer.id(), selectedFeaturesOnly=True)
        result = run(CATALOG=sandbox_server.url, AREA=selected, START=JUNE[0], END=JUNE[1])
        both = run(CATALOG=sandbox_server.url, AREA=layer.id(), START=JUNE[0], END=JUNE[1])
        layer.removeSelection()
        with pytest.raises(QgsProcessingException, match="no polygon"):
            run(CATALOG=sandbox_server.url, AREA=selected)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    square = expected_ids(wkt_area(SQUARE), *day_range(*JUNE))
    triangle = expected_ids(wkt_area(TRIANGLE), *day_range(*JUNE))
    assert square and triangle - square
    assert sorted(layer_ids(result["OUTPUT"])) == sorted(square)
    assert sorted(layer_ids(both["OUTPUT"])) == sorted(square | triangle)


def test_max_items_is_honoured(provider, sandbox_server):
    all_ids = {item["id"] for item in sandbox_items()}
    few = run(CATALOG=sandbox_server.url, MAX_ITEMS=7)
    ids = layer_ids(few["OUTPUT"])
    assert len(ids) == 7 == few["COUNT"]
    assert len(set(ids)) == 7 and set(ids) <= all_ids
    # The default (500) over several pages of 100, nothing twice.
    default = run(CATALOG=sandbox_server.url)
    ids = layer_ids(default["OUTPUT"])
    assert len(all_ids) > 500
    assert len(ids) == 500 == len(set(ids))
    assert set(ids) <= all_ids


def test_cancel_keeps_what_was_found(provider, sandbox_server):
    import processing

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda progress: progress > 0 and feedback.cancel())
    result = processing.run(
        ALG, {"CATALOG": sandbox_server.url, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback
    )
    ids = layer_ids(result["OUTPUT"])
    assert 0 < len(ids) == result["COUNT"] < 500


def test_unknown_catalog_is_a_clear_error(provider):
    with pytest.raises(QgsProcessingException) as raised:
        run(CATALOG="no-such-catalog")
    message = str(raised.value)
    assert 'Unknown catalog "no-such-catalog"' in message
    assert "cdse" in message and "URL of a STAC API" in message


def test_catalog_needing_an_account_is_a_clear_error(provider):
    from eo_explorer.plugin.core import credentials

    credentials.delete("sentinelhub")  # a user who never set the account up
    with pytest.raises(QgsProcessingException, match="Set up your Sentinel Hub account"):
        run(CATALOG="sentinelhub")


def test_server_errors_become_processing_errors(provider, sandbox_server):
    with pytest.raises(QgsProcessingException, match=r"\(HTTP 404\)"):
        run(CATALOG=sandbox_server.url + "no-such-api/")
    with pytest.raises(QgsProcessingException, match="start date is after the end date"):
        run(CATALOG=sandbox_server.url, START=JUNE[1], END=JUNE[0])


@pytest.mark.parametrize(
    ("parameters", "sentence"),
    [
        ({"START": "2024-01-01"}, "one collection at a time"),
        ({"COLLECTIONS": "c1,c2", "START": "2024-01-01"}, "one collection at a time"),
        ({"COLLECTIONS": "c1"}, "needs a date range"),
        ({"COLLECTIONS": "c1", "START": "2024-01-01", "FILTER": "gsd = 10 OR gsd = 20"}, "OR"),
    ],
)
def test_sentinel_hub_catalog_refusals_are_said_before_searching(provider, parameters, sentence):
    from tests.servers.stac.paging_server import StacPagingServer

    with StacPagingServer([], style="sentinelhub") as server:
        with pytest.raises(QgsProcessingException, match=sentence):
            run(CATALOG=server.url, **parameters)
        assert not [r for r in server.requests if r["path"].endswith("/search")]


# -- qgis_process ---------------------------------------------------------------------------


def _qgis_process() -> str:
    for name in ("qgis_process.bin", "qgis_process"):
        found = shutil.which(name)
        if found:
            return found
    raise AssertionError("qgis_process is not installed")


def _distributions_for(names: list[str]) -> list[importlib.metadata.Distribution]:
    """The distributions ``names`` need to run (their non-extra requirements, recursively)."""
    from packaging.requirements import Requirement

    seen: dict[str, importlib.metadata.Distribution] = {}
    todo = list(names)
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen:
            continue
        dist = importlib.metadata.distribution(name)
        seen[name] = dist
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return list(seen.values())


def install_dependencies_like_pip(target: Path) -> None:
    """Fill the plugin's dependency folder as ``pip install --target`` would, offline.

    The Python of qgis_process is the system's; it lacks pydantic 2 and shapely here, which
    is exactly the case of a user who clicked "Install". Each distribution of the test
    environment is linked into the folder with its ``.dist-info``.
    """
    target.mkdir(parents=True, exist_ok=True)
    for dist in _distributions_for(["requests", "pydantic", "shapely"]):
        root = Path(dist.locate_file(""))
        tops = {Path(str(f)).parts[0] for f in dist.files or []}
        for top in sorted(tops):
            if top in ("..", "__pycache__") or top.endswith(".pth"):
                continue
            source = root / top
            if source.exists() and not (target / top).exists():
                (target / top).symlink_to(source, target_is_directory=source.is_dir())


def headless_qgis(tmp_path: Path, before_enable=None):
    """``qgis_process`` with its own profile, the plugin and its dependencies installed as
    a user would (``qgis_process plugins enable``); returns (run, config folder).

    ``before_enable(dependencies folder)`` may change the installed dependencies first."""
    executable = _qgis_process()
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "eo_explorer").symlink_to(REPO, target_is_directory=True)
    config = tmp_path / "config"
    profile_python = config / "profiles" / "default" / "python"
    install_dependencies_like_pip(profile_python / "eo_explorer_dependencies")
    if before_enable is not None:
        before_enable(profile_python / "eo_explorer_dependencies")
    env = dict(
        os.environ,
        QGIS_PLUGINPATH=str(plugins),
        QGIS_CUSTOM_CONFIG_PATH=str(config),
        QT_QPA_PLATFORM="offscreen",
        XDG_RUNTIME_DIR=str(tmp_path / "xdg"),
    )
    (tmp_path / "xdg").mkdir(mode=0o700)
    env.pop("PYTHONPATH", None)

    def qgis_process(*args: str, **extra_env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [executable, *args],
            env={**env, **extra_env},
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,  # nobody at the keyboard
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )

    enabled = qgis_process("plugins", "enable", "eo_explorer")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    return qgis_process, config


def test_qgis_process_runs_the_algorithm(sandbox_server, tmp_path):
    qgis_process, _config = headless_qgis(tmp_path)
    listed = qgis_process("list")
    assert ALG in listed.stdout, (
        "qgis_process did not load the plugin's provider. It loads an enabled plugin whose "
        "metadata says hasProcessingProvider=yes and calls its initProcessing() (not initGui)."
        "\n" + listed.stderr[-2000:]
    )

    output = tmp_path / "x.gpkg"
    done = qgis_process(
        "--json",
        "run",
        ALG,
        f"--CATALOG={sandbox_server.url}",
        "--EXTENT=5,15,45,55 [EPSG:4326]",
        f"--START={JUNE[0]}",
        f"--END={JUNE[1]}",
        f"--OUTPUT={output}",
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    answer = json.loads(done.stdout[done.stdout.index("{") :])
    expected = expected_ids(EUROPE, *day_range(*JUNE))
    assert answer["results"]["COUNT"] == len(expected)
    layer = QgsVectorLayer(str(output), "footprints", "ogr")
    assert layer.isValid()
    assert sorted(layer_ids(layer)) == sorted(expected)


def test_qgis_process_searches_with_a_polygon_layer(sandbox_server, tmp_path):
    """qgis_process links QGIS's GEOS globally, like the desktop: a polygon must not crash it.

    The dependency folder holds a shapely wheel (its own GEOS), as for a user who installed
    it; with the wheel doing the polygon work this run aborted (exit 134).
    """
    qgis_process, _config = headless_qgis(tmp_path)
    # A triangle over the Alps and a square over the Netherlands, in one layer.
    triangle = [[6.0, 45.5], [12.0, 45.5], [9.0, 48.0], [6.0, 45.5]]
    square = [[4.0, 51.0], [6.0, 51.0], [6.0, 53.0], [4.0, 53.0], [4.0, 51.0]]
    area = tmp_path / "area.geojson"
    area.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "properties": {}, "geometry": g}
                    for g in (
                        {"type": "Polygon", "coordinates": [triangle]},
                        {"type": "Polygon", "coordinates": [square]},
                    )
                ],
            }
        )
    )
    output = tmp_path / "polygon.gpkg"
    done = qgis_process(
        "--json",
        "run",
        ALG,
        f"--CATALOG={sandbox_server.url}",
        f"--AREA={area}",
        f"--START={JUNE[0]}",
        f"--END={JUNE[1]}",
        f"--OUTPUT={output}",
    )
    assert done.returncode == 0, (
        f"qgis_process exited with {done.returncode}\n" + done.stdout[-3000:] + done.stderr[-3000:]
    )
    expected = expected_ids(
        {"type": "MultiPolygon", "coordinates": [[triangle], [square]]}, *day_range(*JUNE)
    )
    assert expected, "the sandbox has items under both polygons in June 2024"
    layer = QgsVectorLayer(str(output), "footprints", "ogr")
    assert sorted(layer_ids(layer)) == sorted(expected)


#: Run in the headless profile before qgis_process: what a user does once in QGIS (set a
#: master password, add the Constellr account, point the preset at the local server).
_SET_UP_ACCOUNT = """
import sys
sys.path.insert(0, sys.argv[4])
import tests.conftest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
QCoreApplication.setOrganizationName("QGIS")
QCoreApplication.setOrganizationDomain("qgis.org")
QCoreApplication.setApplicationName("QGIS3")
app = QgsApplication([], False)
app.initQgis()
assert QgsApplication.authManager().setMasterPassword(sys.argv[1], True)
from eo_explorer.plugin.core import credentials, settings
from eo_explorer.plugin.api.accounts import Credentials
from eo_explorer.plugin.api.catalogs import PRESETS
credentials.save(Credentials("constellr", secret=sys.argv[2]))
settings.save_catalogs(
    [p.model_copy(update={"url": sys.argv[3]}) for p in PRESETS if p.id == "constellr"]
)
app.exitQgis()
"""


def test_qgis_process_searches_with_an_account_given_the_master_password(tmp_path):
    from tests.servers.stac.paging_server import StacPagingServer

    from ..conftest import sandbox_items

    key, master = "headless-constellr-key", "headless-master-password"
    items = [i for i in sandbox_items() if i["collection"] == "sandbox-lst"][:15]

    def check(headers):
        return None if headers.get("X-Api-Key") == key else (401, {"detail": "Invalid API key"})

    qgis_process, config = headless_qgis(tmp_path)
    with StacPagingServer(items, style="token-get", authorize=check) as server:
        env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config), QT_QPA_PLATFORM="offscreen")
        env.pop("QGIS_AUTH_PASSWORD_FILE", None)
        set_up = subprocess.run(
            [sys.executable, "-c", _SET_UP_ACCOUNT, master, key, server.url, str(REPO)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert set_up.returncode == 0, set_up.stderr[-2000:]
        output = tmp_path / "lst.gpkg"
        search = ("--json", "run", ALG, "--CATALOG=constellr", f"--OUTPUT={output}")

        locked = qgis_process(*search)  # no password file: says what to do, at once
        assert locked.returncode != 0
        assert "QGIS_AUTH_PASSWORD_FILE" in locked.stdout + locked.stderr
        assert not server.requests

        password_file = tmp_path / "master-password"
        password_file.write_text(master + "\n")
        password_file.chmod(0o600)
        done = qgis_process(*search, QGIS_AUTH_PASSWORD_FILE=str(password_file))
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        answer = json.loads(done.stdout[done.stdout.index("{") :])
        assert answer["results"]["COUNT"] == len(items)
        sent = {r["headers"].get("X-Api-Key") for r in server.requests}
        assert sent == {key}
    text = "".join(
        path.read_text(errors="replace") for path in config.rglob("*.ini") if path.is_file()
    )
    assert key not in text and master not in text
