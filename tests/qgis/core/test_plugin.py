"""The plugin shell: load, open the dock, unload leaving nothing behind."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtWidgets import QDockWidget

from ..conftest import clean_settings


def load_plugin(iface):
    import eo_explorer

    plugin = eo_explorer.classFactory(iface)
    plugin.initGui()
    return plugin


def test_metadata_is_complete_for_the_plugin_repository():
    import configparser
    from pathlib import Path

    parser = configparser.ConfigParser()
    parser.read(Path(__file__).resolve().parents[3] / "metadata.txt")
    general = parser["general"]
    for key in (
        "name",
        "description",
        "about",
        "version",
        "author",
        "email",
        "repository",
        "tracker",
        "tags",
        "icon",
        "qgisMinimumVersion",
        "hasProcessingProvider",
    ):
        assert general.get(key, "").strip(), key
    assert general["name"] == "EO Explorer"
    assert general["qgisMinimumVersion"] == "3.22"
    assert (Path(__file__).resolve().parents[3] / general["icon"]).exists()


def test_load_open_dock_and_unload_cleanly(
    qgis_iface, qgis_app, qgis_new_project, monkeypatch, sandbox_server
):
    monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", sandbox_server.url)
    clean_settings()
    registry = QgsApplication.processingRegistry()
    plugin = load_plugin(qgis_iface)
    assert plugin.missing == []
    assert registry.providerById("eo_explorer") is not None
    assert registry.algorithmById("eo_explorer:search_catalog") is not None
    action = plugin.search.action
    assert action.text() == "EO Explorer Search"

    dock = plugin.dock  # a new user finds the Search dock open
    assert dock is not None and not dock.isHidden() and action.isChecked()
    action.trigger()  # the toolbar button hides it and shows it again
    assert dock.isHidden()
    action.trigger()
    assert plugin.dock is dock and not dock.isHidden()
    docks = qgis_iface.mainWindow().findChildren(QDockWidget, "EOExplorerSearchDock")
    assert docks
    canvas = qgis_iface.mapCanvas()
    dock.form.drawButton.click()
    assert canvas.mapTool() is dock.draw_tool

    # A running task is cancelled by unload.
    task = QgsTask.fromFunction("EO Explorer: test task", lambda t: t.waitForFinished(5000))
    dock.search_task = task
    from osgeo import gdal

    from eo_explorer.plugin.assets.streaming import HEADER_FOLDER

    gdal.FileFromMemBuffer(f"{HEADER_FOLDER}/left-over.txt", b"X-Api-Key: k\r\n")
    # The footprints layers' "Show quicklooks" is taken out of the Layers panel's menu.
    quicklooks = plugin.quicklooks_action.action
    assert quicklooks.text() == "Show quicklooks"
    qgis_iface.removeCustomActionForLayerType.reset_mock()
    plugin.unload()
    qgis_iface.removeCustomActionForLayerType.assert_called_once_with(quicklooks)
    assert plugin.quicklooks_action is None
    assert task.isCanceled()
    assert not gdal.ReadDir(HEADER_FOLDER)  # no credential header left in GDAL's memory
    assert plugin.actions == [] and plugin.dock is None
    assert canvas.mapTool() is None
    assert registry.providerById("eo_explorer") is None
    qgis_app.processEvents()


def test_dock_opens_at_start_until_the_user_closes_it(
    qgis_iface, qgis_app, monkeypatch, sandbox_server
):
    monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", sandbox_server.url)
    clean_settings()
    qgis_iface.mainWindow().show()  # docks report visibility only in a shown window
    plugin = load_plugin(qgis_iface)
    assert plugin.dock is not None and not plugin.dock.isHidden()  # a new user sees it
    plugin.dock.close()  # the dock's own X button
    assert not plugin.search.action.isChecked()
    plugin.unload()
    plugin = load_plugin(qgis_iface)
    assert plugin.dock is None  # QGIS restarted: the dock stays closed
    plugin.search.action.trigger()
    assert plugin.dock is not None
    plugin.unload()
    plugin = load_plugin(qgis_iface)
    assert plugin.dock is not None  # opened with the button last time: open again
    plugin.unload()
    qgis_iface.mainWindow().hide()


def test_unload_without_opening_the_dock(qgis_iface):
    from eo_explorer.plugin.core import settings

    settings.set(settings.Key.DOCK_OPEN, False)
    plugin = load_plugin(qgis_iface)
    assert plugin.dock is None
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("eo_explorer") is None


@pytest.mark.parametrize("entry", ["process", "constellr"])
def test_process_and_constellr_docks_reopen_where_the_user_left_them(
    qgis_iface, qgis_app, qgis_new_project, entry
):
    clean_settings()
    qgis_iface.mainWindow().show()  # docks report visibility only in a shown window
    plugin = load_plugin(qgis_iface)
    assert getattr(plugin, entry).dock is None  # closed for a new user
    getattr(plugin, entry).action.trigger()  # the toolbar button
    dock = getattr(plugin, entry).dock
    assert dock is not None and not dock.isHidden()
    plugin.unload()

    plugin = load_plugin(qgis_iface)  # QGIS restarted: open again
    dock = getattr(plugin, entry).dock
    assert dock is not None and not dock.isHidden()
    assert getattr(plugin, entry).action.isChecked()
    dock.close()  # the dock's own X button
    plugin.unload()

    plugin = load_plugin(qgis_iface)  # closed by the user: stays closed
    assert getattr(plugin, entry).dock is None
    plugin.unload()
    qgis_iface.mainWindow().hide()


@pytest.mark.parametrize("entry", ["search", "process", "constellr"])
def test_each_toolbar_button_opens_closes_and_reopens_its_dock_the_same_way(
    qgis_iface, qgis_app, monkeypatch, sandbox_server, entry
):
    monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", sandbox_server.url)
    clean_settings()
    from eo_explorer.plugin.core import settings

    settings.set(settings.Key.DOCK_OPEN, False)
    qgis_iface.mainWindow().show()  # docks report visibility only in a shown window
    plugin = load_plugin(qgis_iface)
    part = getattr(plugin, entry)
    assert part.dock is None and not part.action.isChecked()
    part.action.trigger()  # open
    dock = part.dock
    assert dock is not None and not dock.isHidden() and part.action.isChecked()
    part.action.trigger()  # close
    assert dock.isHidden() and not part.action.isChecked()
    part.action.trigger()  # reopen: the same dock
    assert part.dock is dock and not dock.isHidden()
    plugin.unload()
    plugin = load_plugin(qgis_iface)  # left open: open again at start
    part = getattr(plugin, entry)
    assert part.dock is not None and part.action.isChecked()
    plugin.unload()
    assert part.action is None and part.dock is None  # removed on unload
    qgis_iface.mainWindow().hide()
    qgis_app.processEvents()


@pytest.mark.parametrize("entry", ["search", "process", "constellr"])
def test_each_draw_button_gives_the_map_back_its_tool_and_unload_leaves_no_drawing(
    qgis_iface, qgis_app, monkeypatch, sandbox_server, entry
):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapToolPan

    monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", sandbox_server.url)
    clean_settings()
    canvas = qgis_iface.mapCanvas()
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    plugin = load_plugin(qgis_iface)
    part = getattr(plugin, entry)
    if part.dock is None:
        part.action.trigger()
    owner = part.dock.areas if entry == "constellr" else part.dock
    button, tool = owner.form.drawButton, owner.draw_tool
    button.click()
    assert canvas.mapTool() is tool and button.isChecked()
    button.click()  # drawing stops: the pan tool the user had is back
    assert canvas.mapTool() is pan and not button.isChecked()
    button.click()
    canvas.setMapTool(pan)  # another tool chosen: the button is released
    assert not button.isChecked()
    tool.set_points([QgsPointXY(0, 0), QgsPointXY(1, 0), QgsPointXY(1, 1)])
    assert tool.band in canvas.scene().items()
    band = tool.band
    plugin.unload()
    assert band not in canvas.scene().items()  # no rubber band left on the map
    canvas.unsetMapTool(pan)
    qgis_app.processEvents()


UNEXPECTED = "Something unexpected went wrong; details are in the EO Explorer message log."


def _bug(*_args, **_kwargs):
    raise RuntimeError("a bug in a slot")


@pytest.mark.parametrize("entry", ["search", "process", "constellr"])
def test_a_bug_in_a_slot_of_each_dock_is_the_same_sentence_and_a_logged_traceback(
    qgis_iface, qgis_app, monkeypatch, sandbox_server, entry
):
    from qgis.core import QgsApplication

    monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", sandbox_server.url)
    clean_settings()
    plugin = load_plugin(qgis_iface)
    part = getattr(plugin, entry)
    if part.dock is None:
        part.action.trigger()
    dock = part.dock
    logged = []

    def keep(message, tag, _level):
        if tag == "EO Explorer":
            logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    try:
        owner = dock.areas if entry == "constellr" else dock
        dock.message_bar.clearWidgets()  # e.g. "Set up your Constellr account first"
        monkeypatch.setattr(owner.drawing, "on_start", _bug)
        owner.form.drawButton.click()  # the Draw button's slot raises
        if entry == "search":
            monkeypatch.setattr(dock, "build_request", _bug)
            dock.form.searchButton.click()
        elif entry == "process":
            monkeypatch.setattr(dock, "build_job", _bug)
            dock.form.runButton.click()
        qgis_app.processEvents()
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    # Run and Search clear the message bar first: one sentence stays, every bug is logged.
    assert [item.text() for item in dock.message_bar.items()] == [UNEXPECTED]
    tracebacks = [m for m in logged if "RuntimeError: a bug in a slot" in m]
    assert len(tracebacks) == (1 if entry == "constellr" else 2)
    assert all(m.startswith(UNEXPECTED) for m in tracebacks)
    plugin.unload()
    qgis_app.processEvents()
