"""The Assets tab end to end: items found by a search, their COG assets downloaded (with an
interruption and a cancel/resume) and streamed, as styled raster layers; credentials
only for the asset host and never in a layer source or a saved project."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from qgis.core import (
    QgsMultiBandColorRenderer,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtCore import Qt

from tests.servers.common import file_server as fs
from tests.servers.common.cogs import make_cog
from tests.servers.stac.paging_server import StacPagingServer

from ..conftest import clean_settings, run_search, show_world, wait_for

KEY = "asset-key-for-tests"


def _item(n: int, server: fs.FileServer, cogs: dict) -> dict:
    west, south, east, north = cogs["visual"].bounds_4326
    item_id = f"S2_SANDBOX_{n}"
    assets = {}
    for key, info in cogs.items():
        assets[key] = {
            "href": server.url_for(f"{item_id}/{key}.tif"),
            "type": "image/tiff; application=geotiff; profile=cloud-optimized",
            "roles": ["data"] if key != "visual" else ["visual"],
            "title": {"visual": "True colour", "lst": "Land surface temperature", "b08": "NIR"}[
                key
            ],
            "file:size": info.file_size,
            "file:checksum": info.multihash,
        }
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": item_id,
        "collection": "assets-test",
        "bbox": [west, south, east, north],
        "geometry": {
            "type": "Polygon",
            "coordinates": [
                [[west, south], [east, south], [east, north], [west, north], [west, south]]
            ],
        },
        "properties": {"datetime": f"2024-06-0{n}T10:00:00Z"},
        "links": [],
        "assets": assets,
    }


@pytest.fixture()
def catalog(tmp_path, monkeypatch):
    root = tmp_path / "served"
    with fs.FileServer(root, authorize=fs.api_key_auth(KEY)) as files:
        items = []
        for n in (1, 2, 3):
            cogs = {
                "visual": make_cog(
                    root / f"S2_SANDBOX_{n}" / "visual.tif", bands=3, width=2048, height=2048
                ),
                "b08": make_cog(root / f"S2_SANDBOX_{n}" / "b08.tif", bands=1, dtype="UInt16"),
                "lst": make_cog(root / f"S2_SANDBOX_{n}" / "lst.tif", pattern="lst"),
            }
            items.append(_item(n, files, cogs))
        with StacPagingServer(items, style="token-get") as stac:
            monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", stac.url)
            yield stac, files, items, cogs


@pytest.fixture()
def searched(qgis_iface, qgis_app, qgis_new_project, catalog, tmp_path, unlocked_auth, monkeypatch):
    """A search done, the results in the dock, the asset host's key saved as the Constellr
    account (the test's file server plays ``api.constellr.com``)."""
    from eo_explorer.plugin.api import accounts
    from eo_explorer.plugin.core import credentials
    from eo_explorer.plugin.gui.search.dock import SearchDock

    clean_settings()
    stac, files, items, cogs = catalog
    host = urlsplit(files.url).netloc
    monkeypatch.setitem(accounts.HOSTS, "constellr", (*accounts.HOSTS["constellr"], host))
    credentials.save(accounts.Credentials(service="constellr", secret=KEY))
    show_world(qgis_iface.mapCanvas())
    dock = SearchDock(qgis_iface)
    dock.form.catalogCombo.setCurrentIndex(dock.form.catalogCombo.findData("sandbox"))
    wait_for(qgis_app, lambda: dock.collections_task is None)
    dock.form.startCheck.setChecked(False)
    dock.form.endCheck.setChecked(False)
    run_search(qgis_app, dock)
    dock.assets.folder.setFilePath(str(tmp_path / "downloads"))
    yield dock, files
    dock.shutdown()
    credentials.delete("constellr")


def _select(dock, *item_ids):
    layer = dock.results_layer
    fids = [f.id() for f in layer.getFeatures() if f["id"] in item_ids]
    layer.selectByIds(fids)


def _download(qgis_app, dock):
    done = []
    dock.downloadsFinished.connect(done.append)
    dock.assets.form.downloadButton.click()
    wait_for(qgis_app, lambda: done, 60)
    dock.downloadsFinished.disconnect(done.append)
    return done[0]


def test_assets_of_the_selected_items_are_listed(searched):
    dock, _files = searched
    _select(dock, "S2_SANDBOX_1", "S2_SANDBOX_2")
    tree = dock.assets.form.assetTree
    assert tree.topLevelItemCount() == 2
    first = tree.topLevelItem(0)
    assert [first.child(i).text(0) for i in range(first.childCount())] == [
        "visual",
        "b08",
        "lst",
    ]
    visual = first.child(0)
    assert not visual.icon(0).isNull()  # the raster icon: QGIS opens it as a raster
    tip = visual.toolTip(0).splitlines()
    assert tip[:4] == [
        "True colour",
        "COG (image/tiff; application=geotiff; profile=cloud-optimized)",
        "QGIS opens it as a raster layer.",
        "Roles: visual",
    ]
    assert visual.text(1).endswith(("kB", "MB"))
    combo = dock.assets.form.keyCombo
    combo.setCurrentText("visual")
    dock.assets.form.tickKeyButton.click()
    assert sorted(a.item_id for a in dock.assets.ticked()) == ["S2_SANDBOX_1", "S2_SANDBOX_2"]


def test_download_interrupted_and_resumed_then_styled_layers(searched, qgis_app, tmp_path):
    dock, files = searched
    _select(dock, "S2_SANDBOX_1", "S2_SANDBOX_2")
    # One download is cut after 200 kB; the downloader resumes it with a Range request.
    size = (files.root / "S2_SANDBOX_2" / "visual.tif").stat().st_size
    files.add_fault("S2_SANDBOX_2/visual.tif", fs.drop_after(size // 3, times=1))
    for key in ("visual", "lst"):
        dock.assets.form.keyCombo.setCurrentText(key)
        dock.assets.form.tickKeyButton.click()
    summary = _download(qgis_app, dock)
    assert summary.failed == [] and len(summary.done) == 4
    resumed = [r for r in files.requests_for("S2_SANDBOX_2/visual.tif") if r["method"] == "GET"]
    assert resumed[-1]["headers"].get("Range", "").startswith("bytes=")
    folder = tmp_path / "downloads" / "assets-test"
    assert sorted(p.name for p in (folder / "S2_SANDBOX_1").iterdir()) == ["lst.tif", "visual.tif"]
    assert not list(folder.rglob("*.part"))

    group = QgsProject.instance().layerTreeRoot().findGroup("EO Explorer").findGroup("S2_SANDBOX_1")
    layers = {node.layer().name(): node.layer() for node in group.findLayers()}
    visual = layers["S2_SANDBOX_1 · visual"]
    lst = layers["S2_SANDBOX_1 · lst"]
    assert isinstance(visual.renderer(), QgsMultiBandColorRenderer)
    assert isinstance(lst.renderer(), QgsSingleBandPseudoColorRenderer)
    legend = [label for label, _color in lst.renderer().legendSymbologyItems()]
    assert "20 °C" in legend
    assert visual.crs().authid() == "EPSG:32632" and visual.bandCount() == 3
    assert "Downloading" not in dock.assets.form.downloadStatus.text()
    assert dock.assets.form.downloadStatus.text() == (
        "4 files downloaded. 4 raster layer(s) added."
    )


def test_cancel_then_resume(searched, qgis_app, tmp_path):
    dock, files = searched
    _select(dock, "S2_SANDBOX_3")
    size = (files.root / "S2_SANDBOX_3" / "visual.tif").stat().st_size
    files.add_fault("S2_SANDBOX_3/visual.tif", fs.trickle(rate=size / 6, times=1))
    dock.assets.form.keyCombo.setCurrentText("visual")
    dock.assets.form.tickKeyButton.click()
    done = []
    dock.downloadsFinished.connect(done.append)
    dock.assets.form.downloadButton.click()
    part = tmp_path / "downloads" / "assets-test" / "S2_SANDBOX_3" / "visual.tif.part"
    wait_for(qgis_app, lambda: part.exists() and part.stat().st_size > size / 5, 30)
    dock.assets.form.cancelDownloadButton.click()
    wait_for(qgis_app, lambda: done, 10)
    assert done[0].cancelled and not part.with_name("visual.tif").exists()
    kept = part.stat().st_size
    summary = _download(qgis_app, dock)
    assert len(summary.done) == 1 and summary.done[0][1].resumed_from == kept
    assert part.with_name("visual.tif").exists()


def test_cancel_and_resume_say_how_many_files_were_fetched(searched, qgis_app, tmp_path):
    """Three files, one slow: Cancel keeps two, and QGIS's task manager says cancelled; the
    next Download fetches only the third and says the other two were already there."""
    from qgis.core import QgsTask

    dock, files = searched
    _select(dock, "S2_SANDBOX_3")
    size = (files.root / "S2_SANDBOX_3" / "visual.tif").stat().st_size
    files.add_fault("S2_SANDBOX_3/visual.tif", fs.trickle(rate=size / 6, times=1))
    for key in ("visual", "b08", "lst"):
        dock.assets.form.keyCombo.setCurrentText(key)
        dock.assets.form.tickKeyButton.click()
    done, ended = [], []
    dock.downloadsFinished.connect(done.append)
    dock.assets.form.downloadButton.click()
    task = dock.assets.task
    task.statusChanged.connect(ended.append)
    folder = tmp_path / "downloads" / "assets-test" / "S2_SANDBOX_3"
    part = folder / "visual.tif.part"
    wait_for(
        qgis_app,
        lambda: (
            (folder / "b08.tif").exists()
            and (folder / "lst.tif").exists()
            and part.exists()
            and part.stat().st_size > size / 5
        ),
        30,
    )
    dock.assets.form.cancelDownloadButton.click()
    wait_for(qgis_app, lambda: done, 10)
    dock.downloadsFinished.disconnect(done.append)
    assert QgsTask.TaskStatus.Terminated in ended  # "cancelled", not "complete"
    assert QgsTask.TaskStatus.Complete not in ended
    status = dock.assets.form.downloadStatus
    assert status.text() == (
        "2 of 3 files downloaded before Cancel; download again to resume the other 1."
        " 2 raster layer(s) added."
    )
    visual = dock.assets._rows[("S2_SANDBOX_3", "visual")]
    assert visual.text(2) == "cancelled"

    summary = _download(qgis_app, dock)
    assert (summary.fetched, summary.already) == (1, 2)
    assert status.text() == (
        "1 file downloaded, 2 already on disk. 1 raster layer(s) added. 2 already on the map."
    )
    assert dock.assets._rows[("S2_SANDBOX_3", "b08")].text(2) == "on disk"
    assert sorted(p.name for p in folder.iterdir()) == ["b08.tif", "lst.tif", "visual.tif"]
    group = QgsProject.instance().layerTreeRoot().findGroup("EO Explorer").findGroup("S2_SANDBOX_3")
    assert len(group.findLayers()) == 3


def test_imagery_is_under_the_footprints_and_over_other_layers(searched, qgis_app):
    """The layer tree after a download: the footprints on top, then the item's group with
    the rasters (band legend collapsed, temperature legend open), then the user's layers;
    a selected footprint leaves the imagery under it visible."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsVectorLayer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    dock, _files = searched
    project = QgsProject.instance()
    basemap = QgsVectorLayer("Polygon?crs=EPSG:4326", "my basemap", "memory")
    project.addMapLayer(basemap)  # a layer the user had before
    _select(dock, "S2_SANDBOX_1")
    for key in ("visual", "lst"):
        dock.assets.form.keyCombo.setCurrentText(key)
        dock.assets.form.tickKeyButton.click()
    _download(qgis_app, dock)

    root = project.layerTreeRoot()
    assert [node.name() for node in root.children()][0] == "EO Explorer"
    assert root.children()[-1].name() == "my basemap"
    group = root.findGroup("EO Explorer")
    names = [node.name() for node in group.children()]
    assert names == [dock.results_layer.name(), "S2_SANDBOX_1"]
    item = group.findGroup("S2_SANDBOX_1")
    expanded = {node.name(): node.isExpanded() for node in item.findLayers()}
    assert expanded == {"S2_SANDBOX_1 · visual": False, "S2_SANDBOX_1 · lst": True}

    # What the map shows at the footprint's centre, the footprint selected.
    visual = project.mapLayersByName("S2_SANDBOX_1 · visual")[0]
    settings = QgsMapSettings()
    settings.setDestinationCrs(visual.crs())
    settings.setExtent(visual.extent())
    settings.setOutputSize(QSize(64, 64))
    settings.setSelectionColor(QColor(255, 255, 0))

    def centre(layers) -> tuple:
        # Rendered as the canvas does, with the event loop running: on QGIS 3.40 a
        # sequential job waited for on the main thread never finishes here.
        settings.setLayers(layers)
        job = QgsMapRendererParallelJob(settings)
        job.start()
        wait_for(qgis_app, lambda: not job.isActive(), 30)
        return QColor(job.renderedImage().pixel(32, 32)).getRgb()[:3]

    imagery = centre([visual])
    footprints = dock.results_layer
    assert footprints.selectedFeatureCount() == 1
    footprints.setSubsetString("\"id\" = 'S2_SANDBOX_1'")  # the test items overlap
    footprints.selectByExpression("\"id\" = 'S2_SANDBOX_1'")
    assert centre([footprints, visual]) == imagery  # no yellow over the picture
    footprints.setSubsetString("")


def test_size_from_the_server_when_the_catalog_gives_none(searched, qgis_app):
    """Items without ``file:size`` (the sandbox's): the Size column fills in from the
    download, the column says why it is empty before."""
    dock, files = searched
    _select(dock, "S2_SANDBOX_2")
    from eo_explorer.plugin.gui.assets.panel import human_size, items_by_fid

    layer = dock.results_layer
    items = list(items_by_fid(layer, layer.selectedFeatureIds()).values())
    for asset in items[0]["assets"].values():
        asset.pop("file:size")
        asset.pop("file:checksum")
    dock.assets.show_items(items, dock.assets.catalog, dock.assets.catalog_http)
    row = dock.assets._rows[("S2_SANDBOX_2", "b08")]
    assert row.text(1) == "" and "once the download starts" in row.toolTip(1)
    row.setCheckState(0, Qt.CheckState.Checked)
    _download(qgis_app, dock)
    size = (files.root / "S2_SANDBOX_2" / "b08.tif").stat().st_size
    assert row.text(1) == human_size(size) and row.text(2) == "done"


def test_the_asset_table_fits_a_laptop_dock(searched, qgis_app):
    """At the width of a dock on a 1366 x 768 screen, every column shows without
    scrolling sideways, so the check boxes stay in view during a download."""
    dock, _files = searched
    _select(dock, "S2_SANDBOX_1", "S2_SANDBOX_2")
    dock.form.itemTabs.setCurrentWidget(dock.form.assetsTab)
    dock.resize(300, 740)  # QGIS's width for a new right-hand dock
    dock.show()
    tree = dock.assets.form.assetTree
    row = dock.assets._rows[("S2_SANDBOX_1", "visual")]
    row.setText(2, "100 %")
    wait_for(qgis_app, lambda: tree.viewport().width() > 0)
    qgis_app.processEvents()
    assert tree.horizontalScrollBar().maximum() == 0
    assert tree.header().length() <= tree.viewport().width()
    # room for the indentation, check box, raster icon and a key such as "visual"
    needed = tree.indentation() + 2 * 22 + tree.fontMetrics().horizontalAdvance("visual")
    assert tree.columnWidth(0) >= needed
    assert tree.visualItemRect(row).left() >= 0
    dock.hide()


def test_stream_without_downloading_keeps_the_key_out_of_the_project(searched, qgis_app, tmp_path):
    dock, files = searched
    _select(dock, "S2_SANDBOX_3")
    dock.assets.form.keyCombo.setCurrentText("b08")
    dock.assets.form.tickKeyButton.click()
    dock.assets.form.streamButton.click()
    assert dock.assets.form.downloadStatus.text() == "1 layer(s) streamed."
    group = QgsProject.instance().layerTreeRoot().findGroup("EO Explorer").findGroup("S2_SANDBOX_3")
    layer = group.findLayers()[0].layer()
    assert layer.isValid() and layer.source().startswith("/vsicurl?empty_dir=yes&header_file=")
    assert isinstance(layer.renderer(), QgsSingleBandGrayRenderer)
    block = layer.dataProvider().block(1, layer.extent(), 64, 64)
    assert block.isValid() and block.width() == 64
    assert not list((tmp_path / "downloads").rglob("*.tif"))  # nothing downloaded
    served = list(files.requests_for("S2_SANDBOX_3/b08.tif"))
    assert served and all(r["headers"].get("X-Api-Key") == KEY for r in served)
    project = tmp_path / "project.qgs"
    assert QgsProject.instance().write(str(project))
    assert KEY not in project.read_text() and KEY not in layer.source()


def test_thumbnail_area_says_no_preview_without_thumbnail(searched):
    dock, _files = searched
    size = dock.form.thumbnailLabel.size()
    _select(dock, "S2_SANDBOX_1")
    assert dock.form.thumbnailLabel.text() == "No preview"
    assert dock.form.thumbnailLabel.size() == size  # the area keeps its place
    assert dock.form.itemTabs.count() == 2 and dock.form.itemTabs.tabText(1) == "Assets"
    assert Qt.CheckState.Unchecked == dock.assets.form.assetTree.topLevelItem(0).child(
        0
    ).checkState(0)


def test_missing_folder_and_nothing_ticked_are_said(searched):
    dock, _files = searched
    _select(dock, "S2_SANDBOX_1")
    dock.assets.form.downloadButton.click()
    assert dock.assets.form.downloadStatus.text() == "Tick the assets to download first."
    dock.assets.form.keyCombo.setCurrentText("lst")
    dock.assets.form.tickKeyButton.click()
    dock.assets.folder.setFilePath("")
    asked = []
    dock.assets.pick_folder = lambda: asked.append(True) or ""  # the picker is cancelled
    dock.assets.form.downloadButton.click()
    assert asked and dock.assets.form.downloadStatus.text() == "Choose a download folder first."


def test_download_without_a_folder_asks_for_one(searched, qgis_app, tmp_path):
    dock, _files = searched
    assert dock.assets.form.folderLabel.text() == "Download folder"
    assert dock.assets.form.folderLabel.buddy() is dock.assets.folder
    _select(dock, "S2_SANDBOX_1")
    dock.assets.form.keyCombo.setCurrentText("b08")
    dock.assets.form.tickKeyButton.click()
    dock.assets.folder.setFilePath("")
    chosen = tmp_path / "picked"
    dock.assets.pick_folder = lambda: str(chosen)
    summary = _download(qgis_app, dock)
    assert len(summary.done) == 1
    assert (chosen / "assets-test" / "S2_SANDBOX_1" / "b08.tif").exists()
    assert Path(dock.assets.folder.filePath()) == chosen


def test_folder_is_remembered_per_project(searched, tmp_path):
    dock, _files = searched
    dock.assets.folder.setFilePath(str(tmp_path / "elsewhere"))
    value, found = QgsProject.instance().readEntry("eo_explorer", "download_folder", "")
    assert found and Path(value) == tmp_path / "elsewhere"


def test_assets_of_a_huge_selection_are_bounded(searched, monkeypatch):
    from eo_explorer.plugin.gui.search import dock as search_dock

    dock, _files = searched
    monkeypatch.setattr(search_dock, "MAX_ASSET_ITEMS", 2)
    _select(dock, "S2_SANDBOX_1", "S2_SANDBOX_2", "S2_SANDBOX_3")
    assert dock.assets.form.assetTree.topLevelItemCount() == 2
    assert dock.assets.form.downloadStatus.text() == "Assets of the first 2 of 3 selected items."


def test_the_assets_tab_plans_in_its_task(searched, qgis_app, monkeypatch):
    """Pressing Download reads the account on the main thread; the plan (which files are
    there already) and the downloads run in the task."""
    from eo_explorer.plugin.api import batch
    from eo_explorer.plugin.assets import streaming

    from .test_download_algorithm import _record

    dock, _files_server = searched
    calls: list[tuple[str, bool]] = []
    _record(monkeypatch, batch, "plan", calls)
    _record(monkeypatch, streaming, "http_for_asset", calls)
    _select(dock, "S2_SANDBOX_1")
    dock.assets.form.keyCombo.setCurrentText("b08")
    dock.assets.form.tickKeyButton.click()
    summary = _download(qgis_app, dock)
    assert (summary.fetched, summary.failed) == (1, [])
    assert ("plan", False) in calls and ("plan", True) not in calls
    assert ("http_for_asset", True) in calls and ("http_for_asset", False) not in calls


def test_the_assets_tab_and_the_algorithm_download_the_same_files(
    searched, provider, qgis_app, tmp_path
):
    from .test_download_algorithm import Feedback, _files
    from .test_download_algorithm import run as run_algorithm

    dock, _files_server = searched
    _select(dock, "S2_SANDBOX_1", "S2_SANDBOX_2")
    for key in ("visual", "lst"):
        dock.assets.form.keyCombo.setCurrentText(key)
        dock.assets.form.tickKeyButton.click()
    summary = _download(qgis_app, dock)
    assert summary.failed == [] and summary.fetched == 4
    by_tab = tmp_path / "downloads"

    by_algorithm = tmp_path / "by-algorithm"
    selected = QgsProcessingFeatureSourceDefinition(
        dock.results_layer.id(), selectedFeaturesOnly=True
    )
    feedback = Feedback()
    result = run_algorithm(
        feedback,
        INPUT=selected,
        ASSETS="visual, lst",
        OUTPUT_FOLDER=str(by_algorithm),
        LOAD_RASTERS=False,
    )
    assert (result["DOWNLOADED"], result["FAILED"]) == (4, 0), feedback.warnings
    assert _files(by_algorithm) == _files(by_tab) and len(_files(by_tab)) == 4
    for name in _files(by_tab):
        assert (by_algorithm / name).read_bytes() == (by_tab / name).read_bytes()
