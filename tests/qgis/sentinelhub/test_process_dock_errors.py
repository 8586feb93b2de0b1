"""What the Process dock says when something is wrong: no account, a refused token,
Sentinel Hub's errors with hints, no data, a form that cannot be sent; plus the other
ways to give an area (selected features, a search footprint), the evalscript editor,
and the toolbar action of the plugin."""

from __future__ import annotations

import pytest

from tests.servers.sentinelhub.process_server import ProcessApiServer

from ..conftest import clean_settings
from .process_support import *  # noqa: F403 - the fixtures of process_support.__all__
from .process_support import (
    bearer_check,
    choose,
    make_dock,
    messages,
    run_dock,
)

# -- accounts and errors ------------------------------------------------------------------


def test_without_an_account_the_dock_says_which_account(qgis_app, qgis_iface, canvas, tmp_path):
    clean_settings()
    with ProcessApiServer(token_check=lambda headers: False) as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        try:
            choose(dock, "sentinel-2-l2a", "true_color")
            dock.form.runButton.click()
            qgis_app.processEvents()
            text = messages(dock)
            assert "Set up your Sentinel Hub account first" in text
            assert "Check the Sentinel Hub account" in text
            assert dock.task is None and not sh.requests
        finally:
            dock.shutdown()


def test_a_refused_token_shows_the_service_message_and_a_hint(
    qgis_app, qgis_iface, canvas, keycloak, account, tmp_path
):
    with ProcessApiServer(token_check=lambda headers: False) as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        try:
            choose(dock, "sentinel-2-l2a", "true_color")
            outcome = run_dock(qgis_app, dock)
        finally:
            dock.shutdown()
    assert outcome.error is not None and outcome.path is None
    text = messages(dock)
    assert "HTTP 401 COMMON_UNAUTHORIZED" in text
    assert "You are not authorized!" in text
    assert "Hint: the endpoint refused the account's token" in text
    assert "Check the Sentinel Hub account" in text
    assert keycloak.count("client_credentials") == 2  # renewed once after the first 401


@pytest.mark.parametrize(
    ("server_options", "collection", "preset", "expected"),
    [
        (
            {"s1_polarization": "SV"},
            "sentinel-1-grd",
            "s1_vv_vh",
            ("RENDERER_S1_MISSING_POLARIZATION", "Requested band 'VH' is not present", "DV"),
        ),
        (
            {"processing_units_left": 0.001},
            "sentinel-2-l2a",
            "true_color",
            ("RATE_LIMIT_EXCEEDED", "needed", "no processing units left"),
        ),
        (
            {"processing_units_left": 0.001, "quota_status": 403},
            "sentinel-2-l2a",
            "ndvi",
            ("COMMON_INSUFFICIENT_PERMISSIONS", "used up", "no processing units left"),
        ),
    ],
)
def test_service_errors_are_shown_with_a_hint(
    qgis_app,
    qgis_iface,
    canvas,
    keycloak,
    account,
    tmp_path,
    server_options,
    collection,
    preset,
    expected,
):
    with ProcessApiServer(token_check=bearer_check(keycloak), **server_options) as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        try:
            choose(dock, collection, preset)
            outcome = run_dock(qgis_app, dock)
        finally:
            dock.shutdown()
    assert outcome.error is not None
    text = messages(dock)
    for words in expected:
        assert words in text
    assert "Check the Sentinel Hub account" not in text  # not the account's fault
    assert not list(tmp_path.glob("*.tif"))


def test_no_data_in_the_area_is_said(qgis_app, qgis_iface, canvas, keycloak, account, tmp_path):
    with ProcessApiServer(
        token_check=bearer_check(keycloak), no_data_areas=[(14.0, 45.5, 15.0, 46.5)]
    ) as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        try:
            choose(dock, "sentinel-2-l2a", "ndvi")
            outcome = run_dock(qgis_app, dock)
        finally:
            dock.shutdown()
    assert outcome.error is None and outcome.empty
    assert "found no data for this area" in messages(dock)


def test_form_checks_before_anything_is_sent(
    qgis_app, qgis_iface, canvas, keycloak, account, tmp_path
):
    with ProcessApiServer(token_check=bearer_check(keycloak)) as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        try:
            choose(dock, "sentinel-2-l2a", "true_color")
            dock.editor.set_text("//VERSION=3\nfunction setup() { return {}; }\n")
            dock.form.runButton.click()
            assert "no evaluatePixel() function" in messages(dock)
            dock.message_bar.clearWidgets()
            dock.use_preset("true_color")
            dock.form.drawnRadio.setChecked(True)
            dock.form.runButton.click()
            assert "Draw a polygon on the map first" in messages(dock)
            assert "Not ready" in dock.update_estimate()
            dock.message_bar.clearWidgets()
            choose(dock, "sentinel-1-grd", "s1_vv")
            dock.form.extentRadio.setChecked(True)
            dock.form.backCoeffCombo.setCurrentIndex(
                dock.form.backCoeffCombo.findData("GAMMA0_TERRAIN")
            )
            dock.form.runButton.click()
            assert "needs orthorectification" in messages(dock)
            assert not sh.requests
        finally:
            dock.shutdown()


# -- other areas, the editor, the toolbar action ---------------------------------------------


def _memory_layer(definition: str, name: str, wkt: str, fields=None, values=None):
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(definition, name, "memory")
    if fields is not None:
        layer.dataProvider().addAttributes(list(fields))
        layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    for key, value in (values or {}).items():
        feature[key] = value
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    layer.selectAll()
    return layer


def test_selected_features_and_a_search_footprint(
    qgis_app, qgis_iface, canvas, keycloak, account, tmp_path
):
    from qgis.core import QgsSingleBandGrayRenderer
    from qgis.PyQt.QtCore import QDate, QDateTime, Qt

    from eo_explorer.plugin.map.footprints import footprint_fields

    square = (
        "POLYGON((1613000 5789000, 1615000 5789000, 1615000 5791000, 1613000 5791000, "
        "1613000 5789000))"
    )
    fields = _memory_layer("Polygon?crs=EPSG:3857", "fields", square)
    when = QDateTime.fromString("2024-05-07T05:10:00Z", Qt.DateFormat.ISODate)
    footprint = _memory_layer(
        "MultiPolygon?crs=EPSG:4326",
        "search results",
        "MULTIPOLYGON(((14.40 46.00, 14.44 46.00, 14.44 46.03, 14.40 46.03, 14.40 46.00)))",
        footprint_fields(),
        {
            "id": "S1A_IW_GRDH_1SDV_20240507",
            "collection": "sentinel-1-grd",
            "datetime": when,
            "item_json": "{}",
        },
    )
    with ProcessApiServer(token_check=bearer_check(keycloak)) as sh:
        dock = make_dock(qgis_iface, sh, tmp_path)
        try:
            choose(dock, "sentinel-2-l2a", "true_color")
            dock.form.selectionRadio.setChecked(True)
            dock.layer_combo.setLayer(fields)
            job = dock.build_job()
            assert job.grid.epsg == 32633 and job.area.geometry["type"] == "Polygon"
            dock.form.footprintRadio.setChecked(True)  # the day and collection of the item
            assert dock.form.collectionCombo.currentData() == "sentinel-1-grd"
            assert dock.form.startDate.date() == QDate(2024, 5, 7) == dock.form.endDate.date()
            assert dock.form.presetCombo.currentData() == "s1_vv_vh"
            assert dock.form.s1Group.isVisibleTo(dock) and not dock.form.cloudSpin.isEnabled()
            outcome = run_dock(qgis_app, dock)
            assert outcome.error is None, messages(dock)
        finally:
            dock.shutdown()
    (body,) = [r["json"] for r in sh.requests if r["status"] == 200]
    entry = body["input"]["data"][0]
    assert entry["type"] == "sentinel-1-grd"
    assert entry["dataFilter"]["timeRange"] == {
        "from": "2024-05-07T00:00:00Z",
        "to": "2024-05-07T23:59:59Z",
    }
    assert body["input"]["bounds"]["geometry"]["type"] == "Polygon"
    assert isinstance(dock.result_layer.renderer(), QgsSingleBandGrayRenderer)
    del footprint


def test_the_evalscript_editor(qgis_iface, canvas, tmp_path):
    from qgis.PyQt.Qsci import QsciLexerJavaScript

    from eo_explorer.plugin.gui.sentinelhub.dock import ProcessDock

    clean_settings()
    dock = ProcessDock(qgis_iface)
    try:
        assert dock.editor.is_scintilla
        assert isinstance(dock.editor.editor.lexer(), QsciLexerJavaScript)
        from qgis.PyQt.QtGui import QFontDatabase

        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        assert dock.editor.editor.lexer().font(0).family() == fixed.family()
        dock.use_preset("ndwi")
        saved = tmp_path / "mine.js"
        dock.save_script(str(saved))
        assert saved.read_text() == dock.current_preset().text()
        custom = tmp_path / "two_bands.js"
        custom.write_text(
            "//VERSION=3\nfunction setup() { return {input: ['B04', 'B08'], "
            "output: {bands: 2, sampleType: 'UINT16'}}; }\n"
            "function evaluatePixel(s) { return [s.B04, s.B08]; }\n"
        )
        dock.load_script(str(custom))
        assert dock.form.presetCombo.currentData() == "" and dock.script_name == "two_bands"
        dock.update_estimate()
        assert dock.form.scriptInfoLabel.text() == "Output: 2 band(s), UINT16"
        from eo_explorer.plugin.api.evalscripts import check_evalscript

        assert dock.style(check_evalscript(dock.editor.text())) == "grey"
    finally:
        dock.shutdown()


def test_the_process_action_opens_the_dock_and_unload_removes_it(qgis_iface, qgis_app, canvas):
    from qgis.PyQt.QtWidgets import QDockWidget

    import eo_explorer
    from eo_explorer.plugin.core import settings

    clean_settings()
    settings.set(settings.Key.DOCK_OPEN, False)
    plugin = eo_explorer.classFactory(qgis_iface)
    plugin.initGui()
    action = plugin.process.action
    assert action.text() == "EO Explorer Process" and not action.icon().isNull()
    action.trigger()
    dock = plugin.process.dock
    assert dock is not None and not dock.isHidden() and action.isChecked()
    assert qgis_iface.mainWindow().findChildren(QDockWidget, "EOExplorerProcessDock")
    dock.form.drawButton.click()
    assert canvas.mapTool() is dock.draw_tool
    plugin.unload()
    assert plugin.process is None and canvas.mapTool() is None
    qgis_app.processEvents()
