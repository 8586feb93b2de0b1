"""The Processing algorithm "Download assets": the COG assets of a footprints layer
downloaded from a real file server, through ``processing.run``: files on disk, counts,
failures reported one by one, selected footprints only, cancel and resume, credentials
for the asset host, styled rasters loaded on the main thread; started as the Toolbox
starts it, cut-down items are read whole and planned off the main thread."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from qgis.core import (
    QgsApplication,
    QgsMultiBandColorRenderer,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)

from tests.servers.common import file_server as fs
from tests.servers.common.cogs import make_cog

ALG = "eo_explorer:download_assets"
COLLECTION = "download-test"
KEY = "asset-key-for-processing"
IDS = ("S2_DL_1", "S2_DL_2", "S2_DL_3")
CUT_KEY = "asset-key-for-cut-down-items"


class Feedback(QgsProcessingFeedback):
    """Keeps what the algorithm says, by kind."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[str] = []
        self.infos: list[str] = []

    def pushWarning(self, text: str) -> None:
        self.warnings.append(text)
        super().pushWarning(text)

    def pushInfo(self, text: str) -> None:
        self.infos.append(text)
        super().pushInfo(text)


def _item(item_id: str, files: fs.FileServer, cogs: dict) -> dict:
    west, south, east, north = cogs["visual"].bounds_4326
    assets = {
        "thumbnail": {
            "href": files.url_for(f"{item_id}/thumbnail.png"),
            "type": "image/png",
            "roles": ["thumbnail"],
        }
    }
    titles = {"visual": "True colour", "b08": "NIR", "lst": "Land surface temperature"}
    for key, info in cogs.items():
        roles = ("visual",) if key == "visual" else ("data",)
        assets[key] = info.asset(files.url_for(f"{item_id}/{key}.tif"), roles, title=titles[key])
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": item_id,
        "collection": COLLECTION,
        "bbox": [west, south, east, north],
        "geometry": {
            "type": "Polygon",
            "coordinates": [
                [[west, south], [east, south], [east, north], [west, north], [west, south]]
            ],
        },
        "properties": {"datetime": "2024-06-01T10:00:00Z", "proj:epsg": 32632},
        "links": [],
        "assets": assets,
    }


def footprints_layer(items: list[dict]) -> QgsVectorLayer:
    """The layer a search makes of ``items``, in the project."""
    from eo_explorer.plugin.api.footprints import convert_items
    from eo_explorer.plugin.map.footprints import (
        create_footprints_layer,
        footprint_fields,
        to_features,
    )

    conversion = convert_items(items)
    assert not conversion.rejected
    layer = create_footprints_layer(
        "footprints", to_features(conversion.footprints, footprint_fields())
    )
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture()
def served(tmp_path, qgis_new_project):
    """A file server with three items' real COGs (the asset host wants an API key), and a
    footprints layer made from those items the way a search makes it."""
    from eo_explorer.plugin.api.auth import api_key_auth
    from eo_explorer.plugin.assets import streaming

    root = tmp_path / "served"
    with fs.FileServer(root, authorize=fs.api_key_auth(KEY)) as files:
        items = []
        for item_id in IDS:
            side = 2048 if item_id == IDS[-1] else 512
            cogs = {
                # the last one big enough to be cancelled half way (reads are 64 kB)
                "visual": make_cog(root / item_id / "visual.tif", bands=3, width=side, height=side),
                "b08": make_cog(root / item_id / "b08.tif", bands=1, dtype="UInt16"),
                "lst": make_cog(root / item_id / "lst.tif", pattern="lst"),
            }
            (root / item_id / "thumbnail.png").write_bytes(b"\x89PNG not really")
            items.append(_item(item_id, files, cogs))
        # The sandbox's items have no file:size (unknown until downloaded): one like them.
        for asset in items[2]["assets"].values():
            asset.pop("file:size", None)
        layer = footprints_layer(items)

        original = streaming.http_for_asset
        hosts = []

        def with_key(url, catalog, http):
            hosts.append((url, catalog))
            client = original(url, catalog, http)
            return client.with_auth(api_key_auth(KEY)) if url.startswith(files.url) else client

        streaming.http_for_asset = with_key
        try:
            yield files, layer, items, hosts
        finally:
            streaming.http_for_asset = original
            QgsProject.instance().removeMapLayer(layer.id())


def run(feedback: QgsProcessingFeedback | None = None, **parameters):
    import processing

    return processing.run(ALG, parameters, feedback=feedback or Feedback())


def _files(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def _group_layers(item_id: str) -> dict:
    root = QgsProject.instance().layerTreeRoot().findGroup("EO Explorer")
    group = root.findGroup(item_id) if root is not None else None
    if group is None:
        return {}
    return {node.layer().name(): node.layer() for node in group.findLayers()}


def test_the_algorithm_is_listed(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    assert algorithm is not None and algorithm.displayName() == "Download assets"
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names == ["INPUT", "ASSETS", "OUTPUT_FOLDER", "LOAD_RASTERS"]
    assert algorithm.parameterDefinition("LOAD_RASTERS").defaultValue() is True
    assert algorithm.parameterDefinition("ASSETS").flags() & 8  # optional
    outputs = {o.name() for o in algorithm.outputDefinitions()}
    assert {"OUTPUT_FOLDER", "DOWNLOADED", "FAILED"} <= outputs
    assert "item_json" in algorithm.shortHelpString()


def test_every_raster_asset_downloaded_and_loaded_styled(provider, served, tmp_path):
    files, layer, items, hosts = served
    folder = tmp_path / "downloads"
    feedback = Feedback()
    result = run(feedback, INPUT=layer.id(), OUTPUT_FOLDER=str(folder))
    assert (result["DOWNLOADED"], result["FAILED"]) == (9, 0), feedback.warnings
    assert result["OUTPUT_FOLDER"] == str(folder)
    expected = [f"{COLLECTION}/{i}/{k}.tif" for i in IDS for k in ("b08", "lst", "visual")]
    assert _files(folder) == expected  # no thumbnail (not a raster), no .part left
    for name in expected:
        assert (folder / name).read_bytes() == (files.root / name.split("/", 1)[1]).read_bytes()
    assert feedback.warnings == []
    assert any("9 files downloaded" in text for text in feedback.infos)
    # One client per asset host, chosen on the main thread, without a catalog.
    assert hosts and all(catalog is None for _url, catalog in hosts)
    files.wait_idle()
    gets = [r for r in files.requests if r["method"] == "GET"]
    assert len(gets) == 9 and all(r["headers"].get("X-Api-Key") == KEY for r in gets)

    layers = _group_layers("S2_DL_1")
    assert sorted(layers) == ["S2_DL_1 · b08", "S2_DL_1 · lst", "S2_DL_1 · visual"]
    assert isinstance(layers["S2_DL_1 · visual"].renderer(), QgsMultiBandColorRenderer)
    assert isinstance(layers["S2_DL_1 · lst"].renderer(), QgsSingleBandPseudoColorRenderer)
    assert isinstance(layers["S2_DL_1 · b08"].renderer(), QgsSingleBandGrayRenderer)
    assert layers["S2_DL_1 · visual"].source() == str(
        folder / COLLECTION / "S2_DL_1" / "visual.tif"
    )


def test_selected_footprints_only_and_chosen_keys(provider, served, tmp_path):
    _files_server, layer, _items, _hosts = served
    layer.selectByIds([f.id() for f in layer.getFeatures() if f["id"] == "S2_DL_2"])
    selected = QgsProcessingFeatureSourceDefinition(layer.id(), selectedFeaturesOnly=True)
    folder = tmp_path / "selected"
    result = run(
        INPUT=selected,
        ASSETS=" LST , visual,lst ",
        OUTPUT_FOLDER=str(folder),
        LOAD_RASTERS=False,
    )
    assert (result["DOWNLOADED"], result["FAILED"]) == (2, 0)
    assert _files(folder) == [f"{COLLECTION}/S2_DL_2/lst.tif", f"{COLLECTION}/S2_DL_2/visual.tif"]
    assert _group_layers("S2_DL_2") == {}  # not loaded
    # A key that is not a raster is downloaded when asked for by name.
    every = run(INPUT=layer.id(), ASSETS="thumbnail", OUTPUT_FOLDER="TEMPORARY_OUTPUT")
    assert every["DOWNLOADED"] == 3 and every["FAILED"] == 0
    thumbs = Path(every["OUTPUT_FOLDER"])
    assert _files(thumbs) == [f"{COLLECTION}/{i}/thumbnail.png" for i in IDS]
    assert _group_layers("S2_DL_3") == {}  # a PNG thumbnail is not loaded as a raster
    layer.removeSelection()
    with pytest.raises(QgsProcessingException, match="select some footprints"):
        run(INPUT=selected, OUTPUT_FOLDER=str(tmp_path / "none"))


def test_failures_are_reported_and_the_rest_downloaded(provider, served, tmp_path):
    files, layer, _items, _hosts = served
    files.add_fault("S2_DL_1/visual.tif", fs.corrupt())  # checksum mismatch, every time
    (files.root / "S2_DL_2" / "b08.tif").unlink()  # 404
    files.add_fault("S2_DL_3/lst.tif", fs.unavailable(retry_after=0, times=1))  # retried
    feedback = Feedback()
    folder = tmp_path / "downloads"
    result = run(feedback, INPUT=layer.id(), OUTPUT_FOLDER=str(folder), LOAD_RASTERS=False)
    assert (result["DOWNLOADED"], result["FAILED"]) == (7, 2)
    failed = [w for w in feedback.warnings if w.startswith("Failed:")]
    assert len(failed) == 2
    assert any("S2_DL_1 · visual" in w and "checksum" in w for w in failed)
    assert any("S2_DL_2 · b08" in w and "404" in w for w in failed)
    assert any("7 files downloaded, 2 failed" in w for w in feedback.warnings)
    assert not (folder / COLLECTION / "S2_DL_1" / "visual.tif").exists()
    assert not list(folder.rglob("*.part"))  # a corrupt file is deleted, not kept
    assert (folder / COLLECTION / "S2_DL_3" / "lst.tif").is_file()


def test_cancel_keeps_the_part_and_the_next_run_resumes(provider, served, tmp_path):
    files, layer, _items, _hosts = served
    layer.selectByIds([f.id() for f in layer.getFeatures() if f["id"] == "S2_DL_3"])
    selected = QgsProcessingFeatureSourceDefinition(layer.id(), selectedFeaturesOnly=True)
    size = (files.root / "S2_DL_3" / "visual.tif").stat().st_size
    files.add_fault("S2_DL_3/visual.tif", fs.trickle(rate=size / 4, times=1))
    folder = tmp_path / "downloads"
    part = folder / COLLECTION / "S2_DL_3" / "visual.tif.part"
    feedback = Feedback()
    feedback.progressChanged.connect(
        lambda _value: part.exists() and part.stat().st_size > size / 8 and feedback.cancel()
    )
    first = run(feedback, INPUT=selected, ASSETS="visual", OUTPUT_FOLDER=str(folder))
    assert (first["DOWNLOADED"], first["FAILED"]) == (0, 0)
    assert any(w.startswith("Cancelled") for w in feedback.warnings)
    kept = part.stat().st_size
    assert 0 < kept < size and not part.with_name("visual.tif").exists()

    second = Feedback()
    again = run(second, INPUT=selected, ASSETS="visual", OUTPUT_FOLDER=str(folder))
    assert (again["DOWNLOADED"], again["FAILED"]) == (1, 0)
    assert (
        part.with_name("visual.tif").read_bytes()
        == (files.root / "S2_DL_3" / "visual.tif").read_bytes()
    )
    assert any(f"resumed after {kept} bytes" in text for text in second.infos)
    last = files.requests_for("S2_DL_3/visual.tif", "GET")[-1]
    assert last["range"] == f"bytes={kept}-" and last["status"] == 206


def test_clear_errors(provider, served, tmp_path):
    _files_server, layer, _items, _hosts = served
    with pytest.raises(QgsProcessingException, match=r"asset named nope.*b08, lst"):
        run(INPUT=layer.id(), ASSETS="nope", OUTPUT_FOLDER=str(tmp_path / "x"))
    plain = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "not footprints", "memory")
    QgsProject.instance().addMapLayer(plain)
    try:
        with pytest.raises(QgsProcessingException, match="no item_json field"):
            run(INPUT=plain.id(), OUTPUT_FOLDER=str(tmp_path / "y"))
    finally:
        QgsProject.instance().removeMapLayer(plain.id())
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").iterdir())


def test_items_written_by_search_catalog_to_a_file_work_too(provider, served, tmp_path):
    """The footprints may come from a GeoPackage ("Search catalog" to a file)."""
    import processing

    _files_server, layer, items, _hosts = served
    gpkg = tmp_path / "footprints.gpkg"
    saved = processing.run("native:savefeatures", {"INPUT": layer.id(), "OUTPUT": str(gpkg)})
    result = run(INPUT=saved["OUTPUT"], ASSETS="b08", OUTPUT_FOLDER=str(tmp_path / "from-gpkg"))
    assert (result["DOWNLOADED"], result["FAILED"]) == (3, 0)
    assert json.loads(next(layer.getFeatures())["item_json"])["id"] in IDS
    assert len(items) == 3


def test_sandbox_search_then_download_real_cogs(provider, qgis_new_project, tmp_path):
    """The sandbox of ``make run``: items found by "Search catalog" in rustac, their COGs
    made by the asset server on first request (no file:size in the items)."""
    import processing

    from tests.servers.sandbox.assets import SandboxAssetServer, sandbox_items, write_items
    from tests.servers.stac.rustac_server import RustacServer

    downloaded, generated = {}, []
    with SandboxAssetServer(sandbox_items(), tmp_path / "cache", size=256) as assets:
        with RustacServer(write_items(tmp_path / "stac", assets.url)) as stac:
            for collection in ("sandbox-sentinel-2-l2a", "sandbox-lst"):
                found = processing.run(
                    "eo_explorer:search_catalog",
                    {
                        "CATALOG": stac.url,
                        "COLLECTIONS": collection,
                        "MAX_ITEMS": 1,
                        "OUTPUT": "TEMPORARY_OUTPUT",
                    },
                )
                footprints = found["OUTPUT"]
                (item,) = [json.loads(f["item_json"]) for f in footprints.getFeatures()]
                assert all("file:size" not in a for a in item["assets"].values())
                feedback = Feedback()
                result = run(feedback, INPUT=footprints, OUTPUT_FOLDER=str(tmp_path / "dl"))
                downloaded[collection] = (item, result)
                assert result["FAILED"] == 0, feedback.warnings
        generated = list(assets.generated)
    s2, s2_result = downloaded["sandbox-sentinel-2-l2a"]
    lst, lst_result = downloaded["sandbox-lst"]
    assert (s2_result["DOWNLOADED"], lst_result["DOWNLOADED"]) == (1, 2)  # visual; visual, lst
    assert sorted(generated) == sorted(
        [
            f"sandbox-sentinel-2-l2a/{s2['id']}/visual.tif",
            f"sandbox-lst/{lst['id']}/visual.tif",
            f"sandbox-lst/{lst['id']}/lst.tif",
        ]
    )
    visual = _group_layers(s2["id"])[f"{s2['id']} · visual"]
    assert isinstance(visual.renderer(), QgsMultiBandColorRenderer)
    assert visual.crs().authid() == f"EPSG:{s2['properties']['proj:epsg']}"
    layers = _group_layers(lst["id"])
    temperature = layers[f"{lst['id']} · lst"]
    assert isinstance(temperature.renderer(), QgsSingleBandPseudoColorRenderer)
    assert temperature.crs().authid() == f"EPSG:{lst['properties']['proj:epsg']}"
    assert layers[f"{lst['id']} · visual"].bandCount() == 3


def test_s3_only_assets_use_the_s3_account(provider, qgis_new_project, tmp_path):
    """``s3://`` without an https twin: the S3 keys are read on the main thread while the
    downloads are planned; without an account the asset fails with a clear reason."""
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials
    from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY, S3Server

    from ..conftest import clean_settings, unlock_auth_database

    info = make_cog(tmp_path / "B04.tif", bands=1, dtype="UInt16")
    key = "Sentinel-2/MSI/L2A/2024/06/01/S2S3.SAFE/B04.tif"
    west, south, east, north = info.bounds_4326
    item = {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": "S2S3",
        "collection": "sentinel-2-l2a",
        "bbox": [west, south, east, north],
        "geometry": {
            "type": "Polygon",
            "coordinates": [
                [[west, south], [east, south], [east, north], [west, north], [west, south]]
            ],
        },
        "properties": {"datetime": "2024-06-01T10:00:00Z"},
        "links": [],
        "assets": {"B04": info.asset("s3://eodata/" + key)},
    }
    layer = footprints_layer([item])
    unlock_auth_database()
    clean_settings()
    with S3Server() as server:
        server.put("eodata", key, info.path)
        feedback = Feedback()
        refused = run(feedback, INPUT=layer.id(), OUTPUT_FOLDER=str(tmp_path / "a"))
        assert (refused["DOWNLOADED"], refused["FAILED"]) == (0, 1)
        assert any("S3 account" in w for w in feedback.warnings if w.startswith("Failed:"))
        credentials.save(Credentials("cdse-s3", ACCESS_KEY, SECRET_KEY, endpoint=server.endpoint))
        try:
            done = run(INPUT=layer.id(), OUTPUT_FOLDER=str(tmp_path / "b"), LOAD_RASTERS=False)
        finally:
            credentials.delete("cdse-s3")
    assert (done["DOWNLOADED"], done["FAILED"]) == (1, 0)
    target = tmp_path / "b" / "sentinel-2-l2a" / "S2S3" / "B04.tif"
    assert target.read_bytes() == info.path.read_bytes()
    QgsProject.instance().removeMapLayer(layer.id())


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _record(monkeypatch, module, name: str, calls: list) -> None:
    """Note in ``calls`` whether each call of ``module.name`` ran on the main thread."""
    original = getattr(module, name)

    def recorded(*args, **kwargs):
        calls.append((name, _on_main_thread()))
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, recorded)


@pytest.fixture()
def cut_down(tmp_path, qgis_new_project, unlocked_auth, monkeypatch):
    """Footprints of two items cut down by the Fields extension (no asset, a ``self`` link
    to the whole item on an open catalog host); their COGs on a host that wants the
    Constellr key, saved as the account."""
    from eo_explorer.plugin.api import accounts
    from eo_explorer.plugin.core import credentials

    from ..conftest import clean_settings

    clean_settings()
    root, documents = tmp_path / "files", tmp_path / "items"
    documents.mkdir()
    with fs.FileServer(root, authorize=fs.api_key_auth(CUT_KEY)) as files:
        with fs.FileServer(documents) as catalog_host:
            slim = []
            for item_id in ("CUT_1", "CUT_2"):
                cogs = {
                    "visual": make_cog(root / item_id / "visual.tif", bands=3),
                    "b08": make_cog(root / item_id / "b08.tif", bands=1, dtype="UInt16"),
                    "lst": make_cog(root / item_id / "lst.tif", pattern="lst"),
                }
                whole = _item(item_id, files, cogs)
                whole["links"] = [{"rel": "self", "href": catalog_host.url_for(f"{item_id}.json")}]
                (documents / f"{item_id}.json").write_text(json.dumps(whole), encoding="utf-8")
                cut = {k: v for k, v in whole.items() if k not in ("stac_version", "assets")}
                slim.append(cut)
            host = urlsplit(files.url).netloc
            monkeypatch.setitem(accounts.HOSTS, "constellr", (*accounts.HOSTS["constellr"], host))
            credentials.save(accounts.Credentials(service="constellr", secret=CUT_KEY))
            layer = footprints_layer(slim)
            try:
                yield files, catalog_host, layer
            finally:
                credentials.delete("constellr")
                QgsProject.instance().removeMapLayer(layer.id())


def test_from_the_toolbox_items_are_read_whole_and_planned_off_the_main_thread(
    provider, cut_down, qgis_app, tmp_path, monkeypatch
):
    """Started as the Toolbox starts it (a task): the cut-down items are read whole, the
    downloads planned and run in the task's thread; the account only on the main thread."""
    from eo_explorer.plugin.api import batch, stac
    from eo_explorer.plugin.core import credentials

    from ..conftest import wait_for

    files, catalog_host, layer = cut_down
    calls: list[tuple[str, bool]] = []
    _record(monkeypatch, stac, "whole_item", calls)
    _record(monkeypatch, batch, "plan", calls)
    for name in ("unlock", "load", "auth_for"):
        _record(monkeypatch, credentials, name, calls)

    folder = tmp_path / "downloads"
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALG)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = Feedback()
    parameters = {"INPUT": layer.id(), "OUTPUT_FOLDER": str(folder)}
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    results = []
    task.executed.connect(lambda ok, outputs: results.append((ok, outputs)))
    QgsApplication.taskManager().addTask(task)
    wait_for(qgis_app, lambda: results, 60)

    ok, outputs = results[0]
    assert ok and (outputs["DOWNLOADED"], outputs["FAILED"]) == (6, 0), feedback.warnings
    assert _files(folder) == [
        f"{COLLECTION}/{i}/{k}.tif" for i in ("CUT_1", "CUT_2") for k in ("b08", "lst", "visual")
    ]
    assert any("2 item(s) whole" in text for text in feedback.infos)
    worker = {name for name, main in calls if not main}
    main = {name for name, main in calls if main}
    assert worker == {"whole_item", "plan"}  # the network, off the main thread
    assert "auth_for" in main and not ({"unlock", "load", "auth_for"} & worker)
    files.wait_idle()
    gets = [r for r in files.requests if r["method"] == "GET"]
    assert len(gets) == 6 and all(r["headers"].get("X-Api-Key") == CUT_KEY for r in gets)
    assert not any(r["headers"].get("X-Api-Key") for r in catalog_host.requests)
    assert sorted(_group_layers("CUT_1")) == ["CUT_1 · b08", "CUT_1 · lst", "CUT_1 · visual"]


def test_counts_after_cancel_and_the_next_download(served, tmp_path):
    """Three files, one slow: Cancel once two are done; the outcome says 2 downloaded and 1
    left; the next download fetches 1 (resumed) and finds 2 already on disk."""
    from eo_explorer.plugin.assets import workflow
    from eo_explorer.plugin.core.network import plain_client
    from eo_explorer.plugin.core.tasks import Progress
    from eo_explorer.plugin.processing.download_algorithm import choose_assets

    files, _layer, items, _hosts = served
    size = (files.root / "S2_DL_3" / "visual.tif").stat().st_size
    files.add_fault("S2_DL_3/visual.tif", fs.trickle(rate=size / 4, times=1))
    assets = choose_assets([items[2]], [])
    assert sorted(a.key for a in assets) == ["b08", "lst", "visual"]
    folder = tmp_path / "downloads"
    item_folder = folder / COLLECTION / "S2_DL_3"
    part = item_folder / "visual.tif.part"

    def request() -> workflow.DownloadRequest:
        access = workflow.Access(None, plain_client()).gather(assets)  # main thread
        return workflow.DownloadRequest(folder, access, assets=assets)

    def cancelled() -> bool:
        return (
            (item_folder / "b08.tif").exists()
            and (item_folder / "lst.tif").exists()
            and part.exists()
            and part.stat().st_size > size / 8
        )

    reports, percents = [], []
    first = workflow.download(
        request(), Progress(is_cancelled=cancelled, percent=percents.append, report=reports.append)
    )
    assert (first.downloaded, first.already, first.failed, first.cancelled) == (2, 0, 0, 1)
    assert not first.succeeded()
    assert first.text() == (
        "2 of 3 files downloaded before Cancel; download again to resume the other 1."
    )
    assert {(r.item_id, r.key) for r in reports} == {(a.item_id, a.key) for a in assets}
    assert percents and all(0 <= p < 100 for p in percents)
    kept = part.stat().st_size

    percents.clear()
    again = workflow.download(request(), Progress(percent=percents.append))
    assert (again.downloaded, again.already, again.failed, again.cancelled) == (1, 2, 0, 0)
    assert again.succeeded()
    assert again.text() == "1 file downloaded, 2 already on disk."
    (visual,) = [r for a, r in again.summary.done if a.key == "visual"]
    assert visual.resumed_from == kept and not visual.existing
    assert percents[-1] == 100.0
    assert sorted(p.name for p in item_folder.iterdir()) == ["b08.tif", "lst.tif", "visual.tif"]
