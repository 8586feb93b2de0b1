"""Quicklooks on the map, from the Search dock: the previews of the chosen footprints
fetched (with the catalog's credentials on the catalog's own host only), draped on their
footprints as raster layers in a "Quicklooks" group under the footprints layer."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProject, QgsRectangle

from tests.servers.common import file_server as fs
from tests.servers.common.cogs import make_cog
from tests.servers.stac.paging_server import StacPagingServer

from ..conftest import clean_settings, run_search, show_world, wait_for

KEY = "catalog-key-for-quicklooks"
WIDTH, HEIGHT = 64, 48


def _box(west, south, east, north):
    return {
        "type": "Polygon",
        "coordinates": [
            [[west, south], [east, south], [east, north], [west, north], [west, south]]
        ],
    }


# A scene turned by about 12 degrees: four corners.
TURNED = {
    "type": "Polygon",
    "coordinates": [[[14.2, 49.9], [15.3, 50.1], [15.1, 51.1], [14.0, 50.9], [14.2, 49.9]]],
}
FOOTPRINTS = {
    "P1": _box(10, 50, 11, 51),
    "P2": _box(12, 50, 13, 51.5),
    "T1": TURNED,
    "Q1": _box(16, 50, 17, 51),
    "Q2": _box(18, 50, 19, 51),
    "NOTHUMB": _box(20, 50, 21, 51),
    "BROKEN": _box(22, 50, 23, 51),
    "G1": _box(24, 50, 25, 51),
    "J1": _box(26, 50, 27, 51),
}


def _picture(seed: int) -> np.ndarray:
    """RGBA, (4, HEIGHT, WIDTH): a pattern of its own per item, opaque."""
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH]
    return np.stack(
        [
            (x * 4 + seed * 40) % 256,
            (y * 5 + seed * 20) % 256,
            np.full_like(x, (seed * 50 + 30) % 256),
            np.full_like(x, 255),
        ]
    ).astype(np.uint8)


def _png(values: np.ndarray) -> bytes:
    memory = gdal.GetDriverByName("MEM").Create("", WIDTH, HEIGHT, 4, gdal.GDT_Byte)
    for band in range(4):
        memory.GetRasterBand(band + 1).WriteArray(values[band])
    path = f"/vsimem/quicklook-test-{id(values)}.png"
    png = gdal.GetDriverByName("PNG").CreateCopy(path, memory)
    png = None  # noqa: F841 - flushed
    handle = gdal.VSIFOpenL(path, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    data = gdal.VSIFReadL(1, size, handle)
    gdal.VSIFCloseL(handle)
    gdal.Unlink(path)
    return bytes(data)


def _jpeg(path: Path) -> None:
    """An RGB JPEG, black (no data) on an 8-pixel border, as JPEG previews are outside the
    swath."""
    memory = gdal.GetDriverByName("MEM").Create("", WIDTH, HEIGHT, 3, gdal.GDT_Byte)
    for band, value in enumerate((200, 120, 60)):
        values = np.zeros((HEIGHT, WIDTH), dtype=np.uint8)
        values[8:-8, 8:-8] = value
        memory.GetRasterBand(band + 1).WriteArray(values)
    gdal.GetDriverByName("JPEG").CreateCopy(str(path), memory)
    Path(str(path) + ".aux.xml").unlink(missing_ok=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _item(item_id: str, collection: str, thumbnail: str | None, overview: str = "") -> dict:
    geometry = FOOTPRINTS[item_id]
    ring = geometry["coordinates"][0]
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    item = {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": item_id,
        "collection": collection,
        "bbox": [min(xs), min(ys), max(xs), max(ys)],
        "geometry": geometry,
        "properties": {"datetime": "2024-06-01T10:00:00Z"},
        "links": [],
        "assets": {},
    }
    if thumbnail:
        item["assets"]["thumbnail"] = {
            "href": thumbnail,
            "type": "image/png",
            "roles": ["thumbnail"],
        }
    if overview:
        item["assets"]["overview"] = {
            "href": overview,
            "type": "image/tiff; application=geotiff; profile=cloud-optimized",
            "roles": ["overview"],
        }
    return item


@pytest.fixture()
def catalog(tmp_path):
    """A catalog that wants its key (X-Api-Key) and serves the thumbnails of its
    ``ql-private`` items itself; the ``ql-public`` thumbnails are on another host that
    needs nothing (and must get nothing)."""
    public = tmp_path / "public"
    public.mkdir()
    pictures = {name: _picture(n) for n, name in enumerate(FOOTPRINTS)}
    for name in ("P1", "P2", "T1"):
        (public / f"{name}.png").write_bytes(_png(pictures[name]))
    _jpeg(public / "J1.jpg")
    port = _free_port()
    own = f"http://127.0.0.1:{port}/"

    def check(headers):
        return None if headers.get("X-Api-Key") == KEY else (401, {"detail": "Invalid API key"})

    secured = tmp_path / "secured"
    cog = make_cog(
        secured / "G1" / "overview.tif",
        width=2048,
        height=1024,
        origin=(500000.0, 5600000.0),
        pixel_size=50.0,
    )
    with (
        fs.FileServer(public) as files,
        fs.FileServer(secured, authorize=fs.api_key_auth(KEY)) as keyed,
    ):
        items = [
            _item("P1", "ql-public", files.url_for("P1.png")),
            _item("P2", "ql-public", files.url_for("P2.png")),
            _item("T1", "ql-public", files.url_for("T1.png")),
            _item("Q1", "ql-private", own + "thumbs/Q1.png"),
            _item("Q2", "ql-private", own + "thumbs/Q2.png"),
            _item("NOTHUMB", "ql-public", None),
            _item("BROKEN", "ql-public", files.url_for("BROKEN.png")),  # 404
            _item("G1", "ql-public", files.url_for("P1.png"), keyed.url_for("G1/overview.tif")),
            _item("J1", "ql-public", files.url_for("J1.jpg")),
        ]
        items[-1]["assets"]["thumbnail"]["type"] = "image/jpeg"
        served = {f"/thumbs/{n}.png": ("image/png", _png(pictures[n])) for n in ("Q1", "Q2")}
        with StacPagingServer(
            items, style="token-get", authorize=check, port=port, files=served
        ) as stac:
            yield stac, files, pictures, keyed, cog


@pytest.fixture()
def searched(qgis_iface, qgis_app, qgis_new_project, catalog, tmp_path, unlocked_auth, monkeypatch):
    """A search of the catalog (the Constellr STAC preset pointed at the test server,
    with its account's key) done in the dock; the host of the georeferenced overviews
    plays another Constellr host (its files want the same key)."""
    from eo_explorer.plugin.api import accounts
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.api.catalogs import PRESETS
    from eo_explorer.plugin.core import credentials, settings
    from eo_explorer.plugin.gui.search.dock import SearchDock

    stac, files, pictures, keyed, cog = catalog
    host = urlsplit(keyed.url).netloc
    monkeypatch.setitem(accounts.HOSTS, "constellr", (*accounts.HOSTS["constellr"], host))
    clean_settings()
    settings.save_catalogs(
        [p.model_copy(update={"url": stac.url}) for p in PRESETS if p.id == "constellr"]
    )
    credentials.save(Credentials("constellr", secret=KEY))
    settings.set(settings.Key.QUICKLOOKS_FOLDER, str(tmp_path / "quicklooks"))
    show_world(qgis_iface.mapCanvas())
    dock = SearchDock(qgis_iface)
    dock.form.catalogCombo.setCurrentIndex(dock.form.catalogCombo.findData("constellr"))
    wait_for(qgis_app, lambda: dock.collections_task is None)
    dock.form.startCheck.setChecked(False)
    dock.form.endCheck.setChecked(False)
    outcome = run_search(qgis_app, dock)
    assert outcome.error is None and outcome.count == len(FOOTPRINTS)
    dock.cog, dock.keyed = cog, keyed
    yield dock, stac, files, pictures
    dock.shutdown()
    credentials.delete("constellr")


def _select(dock, *item_ids):
    layer = dock.results_layer
    layer.selectByIds([f.id() for f in layer.getFeatures() if f["id"] in item_ids])


def _turn_on(app, dock):
    outcomes = []
    dock.quicklooks.finished.connect(outcomes.append)
    dock.form.quicklooksButton.click()
    wait_for(app, lambda: outcomes, 60)
    dock.quicklooks.finished.disconnect(outcomes.append)
    return outcomes[0]


def _group(dock):
    from eo_explorer.plugin.map.quicklooks import find_group

    return find_group(dock.results_layer.id())


def _layers(dock) -> dict:
    group = _group(dock)
    return {} if group is None else {n.layer().name(): n.layer() for n in group.findLayers()}


def _pixels(layer) -> np.ndarray:
    provider = layer.dataProvider()
    extent = layer.extent()
    width, height = layer.width(), layer.height()
    bands = []
    for band in range(1, layer.bandCount() + 1):
        block = provider.block(band, extent, width, height)
        bands.append(np.frombuffer(bytes(block.data()), dtype=np.uint8).reshape(height, width))
    return np.stack(bands)


def _messages(dock) -> str:
    return " ".join(item.text() for item in dock.message_bar.items())


def _near(rectangle: QgsRectangle, box, pixel: tuple[float, float]) -> bool:
    xmin, ymin, xmax, ymax = box
    dx, dy = pixel
    return (
        abs(rectangle.xMinimum() - xmin) <= dx
        and abs(rectangle.xMaximum() - xmax) <= dx
        and abs(rectangle.yMinimum() - ymin) <= dy
        and abs(rectangle.yMaximum() - ymax) <= dy
    )


def test_selected_footprints_get_their_quicklooks_draped_on_them(searched, qgis_app):
    dock, stac, files, pictures = searched
    _select(dock, "P1", "P2", "T1", "Q1")
    outcome = _turn_on(qgis_app, dock)
    assert outcome.failed == [] and not outcome.cancelled
    assert dock.form.quicklooksButton.isChecked()

    # The group sits right under its footprints layer, in the EO Explorer group.
    root = QgsProject.instance().layerTreeRoot()
    footprints = root.findLayer(dock.results_layer.id())
    group = _group(dock)
    assert group.name() == "Quicklooks" and group.parent() is footprints.parent()
    siblings = footprints.parent().children()
    assert siblings.index(group) == siblings.index(footprints) + 1  # drawn under the outlines
    layers = _layers(dock)
    assert sorted(layers) == ["P1", "P2", "Q1", "T1"]

    # On a box footprint: the picture's pixels, exactly on the footprint.
    for name, box in (
        ("P1", (10, 50, 11, 51)),
        ("P2", (12, 50, 13, 51.5)),
        ("Q1", (16, 50, 17, 51)),
    ):
        layer = layers[name]
        assert layer.crs().authid() == "EPSG:4326"
        pixel = ((box[2] - box[0]) / WIDTH, (box[3] - box[1]) / HEIGHT)
        assert _near(layer.extent(), box, pixel), (name, layer.extent().toString())
        assert (layer.width(), layer.height()) == (WIDTH, HEIGHT)
        assert np.array_equal(_pixels(layer), pictures[name])

    # A turned scene: warped onto its four corners, transparent around them.
    turned = layers["T1"]
    pixel = (turned.rasterUnitsPerPixelX(), turned.rasterUnitsPerPixelY())
    assert _near(turned.extent(), (14.0, 49.9, 15.3, 51.1), pixel), turned.extent().toString()
    values = _pixels(turned)
    assert values.shape[0] == 4 and values[3].min() == 0 and values[3].max() == 255

    # The catalog's key went with the catalog's own thumbnail, never to the other host.
    own = [r for r in stac.requests if r["path"] == "/thumbs/Q1.png"]
    assert own and all(r["headers"].get("X-Api-Key") == KEY for r in own)
    assert files.requests and not any("X-Api-Key" in r["headers"] for r in files.requests)
    assert {r["path"] for r in files.requests} == {"/P1.png", "/P2.png", "/T1.png"}
    assert "4 quicklook(s) on the map." in _messages(dock)


def test_a_quicklook_that_fails_is_a_sentence_and_the_others_show(searched, qgis_app):
    dock, _stac, _files, _pictures = searched
    _select(dock, "P1", "NOTHUMB", "BROKEN")
    outcome = _turn_on(qgis_app, dock)
    assert sorted(_layers(dock)) == ["P1"]
    assert len(outcome.failed) == 2
    assert any(t.startswith("NOTHUMB: no thumbnail") for t in outcome.failed)
    assert any(t.startswith("BROKEN: ") and "404" in t for t in outcome.failed), outcome.failed
    text = _messages(dock)
    assert "1 quicklook(s) on the map." in text and "2 could not be shown" in text


def test_without_a_selection_the_footprints_in_view_up_to_the_cap(searched, qgis_app, qgis_iface):
    from eo_explorer.plugin.core import settings

    dock, _stac, _files, _pictures = searched
    settings.set(settings.Key.QUICKLOOKS_MAX, 2)
    canvas = qgis_iface.mapCanvas()
    canvas.setExtent(QgsRectangle(9.5, 49, 15.5, 52))  # P1, P2, T1 (and what the shape adds)
    view = canvas.extent()
    in_view = [f for f in dock.results_layer.getFeatures() if f.geometry().intersects(view)]
    assert len(in_view) >= 3
    first_two = sorted(f["id"] for f in sorted(in_view, key=lambda f: f.id())[:2])
    dock.results_layer.removeSelection()
    _turn_on(qgis_app, dock)
    assert sorted(_layers(dock)) == first_two  # the first two, in the layer's order
    assert f"first 2 of {len(in_view)} footprints in the map view" in _messages(dock)


def test_cancel_keeps_what_was_made_and_leaves_no_partial_file(
    searched, qgis_app, tmp_path, monkeypatch
):
    dock, _stac, files, _pictures = searched
    # Only the quicklooks ask for P2's thumbnail (not the details pane), and slowly.
    monkeypatch.setattr(dock.thumbnails, "show", lambda *_args: None)
    files.add_fault("P2.png", fs.trickle(rate=50, chunk_size=10))
    _select(dock, "P1", "P2", "Q1")
    outcomes = []
    dock.quicklooks.finished.connect(outcomes.append)
    dock.form.quicklooksButton.click()
    wait_for(qgis_app, lambda: files.requests_for("P2.png"), 30)
    dock.quicklooks.task.cancel()  # as QGIS's task manager does
    wait_for(qgis_app, lambda: outcomes, 30)
    outcome = outcomes[0]
    assert outcome.cancelled
    made = sorted(item_id for _fid, item_id, _path in outcome.made)
    assert "P2" not in made and sorted(_layers(dock)) == made  # those before P2, if any
    assert f"Cancelled: {len(made)} quicklook(s) on the map." in _messages(dock)
    assert not list((tmp_path / "quicklooks").glob("*.part*"))
    assert dock.form.quicklooksButton.isChecked()  # the layer keeps what it has


def test_toggling_off_removes_them_and_on_again_reads_the_folder(searched, qgis_app):
    dock, _stac, files, _pictures = searched
    _select(dock, "P1", "P2")
    _turn_on(qgis_app, dock)
    ids = [layer.id() for layer in _layers(dock).values()]
    dock.form.quicklooksButton.click()  # off
    assert _group(dock) is None
    assert all(QgsProject.instance().mapLayer(i) is None for i in ids)
    fetched = len(files.requests)
    _turn_on(qgis_app, dock)
    assert sorted(_layers(dock)) == ["P1", "P2"]
    assert len(files.requests) == fetched  # made once, kept in the quicklook folder


def test_removing_the_footprints_layer_removes_its_quicklooks(searched, qgis_app):
    dock, _stac, _files, _pictures = searched
    _select(dock, "P1", "Q1")
    _turn_on(qgis_app, dock)
    ids = [layer.id() for layer in _layers(dock).values()]
    footprints = dock.results_layer.id()
    QgsProject.instance().removeMapLayer(footprints)
    from eo_explorer.plugin.map.quicklooks import find_group

    assert find_group(footprints) is None
    assert all(QgsProject.instance().mapLayer(i) is None for i in ids)
    assert not dock.form.quicklooksButton.isChecked()
    assert not dock.form.quicklooksButton.isEnabled()


def test_the_quicklook_files_are_geotiffs_in_the_folder(searched, qgis_app, tmp_path):
    dock, _stac, _files, _pictures = searched
    _select(dock, "P1")
    outcome = _turn_on(qgis_app, dock)
    (fid, item_id, path) = outcome.made[0]
    assert item_id == "P1" and Path(path).parent == tmp_path / "quicklooks"
    dataset = gdal.Open(str(path))
    assert dataset.GetDriver().ShortName == "GTiff" and dataset.RasterCount == 4


def test_sandbox_thumbnails_are_placed_by_their_proj_bbox(
    qgis_iface, qgis_app, qgis_new_project, tmp_path, monkeypatch
):
    """The sandbox of ``make run``: a Sentinel-2 thumbnail (made by the asset server from
    its COG) is placed on the item's ``proj:bbox`` in its UTM zone, pixel for pixel."""
    from eo_explorer.plugin.core import settings
    from tests.servers.sandbox.assets import SandboxAssetServer, sandbox_items, write_items
    from tests.servers.stac.rustac_server import RustacServer

    from ..conftest import sandbox_dock
    from .test_search_dock import tick

    with SandboxAssetServer(sandbox_items(), tmp_path / "cache", size=256) as assets:
        with RustacServer(write_items(tmp_path / "stac", assets.url)) as stac:
            docks = sandbox_dock(stac.url, qgis_iface, qgis_app, monkeypatch)
            dock = next(docks)
            try:
                settings.set(settings.Key.QUICKLOOKS_FOLDER, str(tmp_path / "quicklooks"))
                show_world(qgis_iface.mapCanvas())
                dock.form.startCheck.setChecked(False)
                dock.form.endCheck.setChecked(False)
                dock.form.maxItemsSpin.setValue(5)
                tick(dock, "sandbox-sentinel-2-l2a")
                run_search(qgis_app, dock)
                layer = dock.results_layer
                s2 = next(f for f in layer.getFeatures() if "sentinel-2" in f["collection"])
                layer.selectByIds([s2.id()])
                outcome = _turn_on(qgis_app, dock)
                assert outcome.failed == []
                quicklook = _layers(dock)[s2["id"]]
                item = json.loads(layer.getFeature(s2.id())["item_json"])
                epsg = item["properties"]["proj:epsg"]
                assert quicklook.crs().authid() == f"EPSG:{epsg}"
                xmin, ymin, xmax, ymax = item["properties"]["proj:bbox"]
                pixel = (quicklook.rasterUnitsPerPixelX(), quicklook.rasterUnitsPerPixelY())
                assert _near(quicklook.extent(), (xmin, ymin, xmax, ymax), pixel)
                png = assets.root / "sandbox-sentinel-2-l2a" / s2["id"] / "thumbnail.png"
                served = gdal.Open(str(png)).ReadAsArray()
                assert np.array_equal(_pixels(quicklook), served)
            finally:
                next(docks, None)


def test_a_georeferenced_overview_is_used_as_it_is(searched, qgis_app, qgis_iface):
    dock, _stac, files, _pictures = searched
    keyed = dock.keyed
    _select(dock, "G1")
    outcome = _turn_on(qgis_app, dock)
    assert outcome.failed == []
    layer = _layers(dock)["G1"]
    # its own CRS and extent, reduced to 1024 pixels on its longer side
    assert layer.crs().authid() == "EPSG:32632"
    assert (layer.width(), layer.height()) == (1024, 512)
    assert _near(layer.extent(), (500000, 5548800, 602400, 5600000), (100, 100))
    # read through GDAL with the key of its host, which only that host got
    assert keyed.requests and all(r["headers"].get("X-Api-Key") == KEY for r in keyed.requests)
    assert not any(r["path"].startswith("/G1") for r in files.requests)


def test_the_black_around_a_jpeg_preview_is_transparent(searched, qgis_app):
    dock, _stac, _files, _pictures = searched
    _select(dock, "J1")
    assert _turn_on(qgis_app, dock).failed == []
    values = _pixels(_layers(dock)["J1"])
    assert values.shape == (4, HEIGHT, WIDTH)
    assert values[3, :4, :].max() == 0 and values[3, :, :4].max() == 0  # the black border
    assert values[3, 12:-12, 12:-12].min() == 255  # the picture
    assert abs(int(values[0, HEIGHT // 2, WIDTH // 2]) - 200) < 8


# -- the footprints layers' context menu ---------------------------------------------------


@pytest.fixture()
def layer_action(searched, qgis_iface):
    """The "Show quicklooks" action of the layer tree, as the plugin sets it up."""
    from eo_explorer.plugin.gui.search.quicklooks_action import QuicklooksLayerAction

    dock = searched[0]
    for name in (
        "addCustomActionForLayerType",
        "addCustomActionForLayer",
        "removeCustomActionForLayerType",
    ):
        getattr(qgis_iface, name).reset_mock()
    action = QuicklooksLayerAction(qgis_iface, lambda: dock)
    yield action
    action.remove()


def _trigger(app, dock, layer_action):
    outcomes = []
    dock.quicklooks.finished.connect(outcomes.append)
    layer_action.action.trigger()
    wait_for(app, lambda: outcomes, 60)
    dock.quicklooks.finished.disconnect(outcomes.append)
    return outcomes[0]


def test_the_layer_action_is_for_footprints_layers_only(
    searched, layer_action, qgis_iface, qgis_app
):
    from qgis.core import QgsVectorLayer

    from eo_explorer.plugin.gui.search.quicklooks_action import vector_layer_type

    dock = searched[0]
    action = layer_action.action
    qgis_iface.addCustomActionForLayerType.assert_called_once_with(
        action, "", vector_layer_type(), False
    )
    given = qgis_iface.addCustomActionForLayer.call_args_list
    assert [c.args for c in given] == [(action, dock.results_layer)]

    ordinary = QgsVectorLayer("Point?crs=EPSG:4326", "places", "memory")
    QgsProject.instance().addMapLayer(ordinary)
    assert len(qgis_iface.addCustomActionForLayer.call_args_list) == 1  # not for it

    outcome = run_search(qgis_app, dock)  # a new search: a new footprints layer
    assert outcome.error is None
    assert [c.args[1] for c in qgis_iface.addCustomActionForLayer.call_args_list] == [
        given[0].args[1],
        dock.results_layer,
    ]

    layer_action.remove()
    qgis_iface.removeCustomActionForLayerType.assert_called_once_with(action)


def test_the_layer_action_drapes_the_quicklooks_of_an_older_search(
    searched, layer_action, qgis_app, qgis_iface
):
    from eo_explorer.plugin.map.quicklooks import find_group

    dock, _stac, files, _pictures = searched
    older = dock.results_layer
    assert run_search(qgis_app, dock).error is None
    assert dock.results_layer is not older  # the older layer is no longer the dock's

    older.selectByIds([f.id() for f in older.getFeatures() if f["id"] in ("P1", "P2", "Q1")])
    qgis_iface.setActiveLayer(older)  # right-clicked in the Layers panel
    layer_action._current_changed()
    assert layer_action.action.text() == "Show quicklooks"
    outcome = _trigger(qgis_app, dock, layer_action)
    assert outcome.failed == []

    group = find_group(older.id())
    root = QgsProject.instance().layerTreeRoot()
    node = root.findLayer(older.id())
    assert group is not None and group.name() == "Quicklooks"
    assert group.parent() is node.parent()
    siblings = node.parent().children()
    assert siblings.index(group) == siblings.index(node) + 1
    assert sorted(n.layer().name() for n in group.findLayers()) == ["P1", "P2", "Q1"]
    assert {r["path"] for r in files.requests} == {"/P1.png", "/P2.png"}
    assert not any("X-Api-Key" in r["headers"] for r in files.requests)
    assert "3 quicklook(s) on the map." in _messages(dock)
    assert layer_action.action.text() == "Hide quicklooks"
    # the dock's own results layer has none: its button stays off
    assert find_group(dock.results_layer.id()) is None
    assert not dock.form.quicklooksButton.isChecked()

    ids = [n.layerId() for n in group.findLayers()]
    layer_action.action.trigger()  # again: removed
    assert find_group(older.id()) is None
    assert all(QgsProject.instance().mapLayer(i) is None for i in ids)
    assert layer_action.action.text() == "Show quicklooks"


def test_the_layer_action_on_the_docks_layer_moves_its_button(
    searched, layer_action, qgis_app, qgis_iface
):
    dock = searched[0]
    _select(dock, "P1")
    qgis_iface.setActiveLayer(dock.results_layer)
    outcome = _trigger(qgis_app, dock, layer_action)
    assert outcome.failed == []
    assert sorted(_layers(dock)) == ["P1"]
    assert dock.form.quicklooksButton.isChecked()
    layer_action.action.trigger()
    assert _group(dock) is None
    assert not dock.form.quicklooksButton.isChecked()


def test_a_layer_without_footprints_in_reach_is_a_sentence(
    searched, layer_action, qgis_app, qgis_iface
):
    dock = searched[0]
    qgis_iface.mapCanvas().setExtent(QgsRectangle(-170, -80, -160, -70))
    dock.results_layer.removeSelection()
    qgis_iface.setActiveLayer(dock.results_layer)
    layer_action.action.trigger()
    assert _group(dock) is None
    assert "nothing to show" in _messages(dock)
    assert layer_action.action.text() == "Show quicklooks"
