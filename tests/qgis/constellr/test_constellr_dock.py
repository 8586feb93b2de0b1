"""The Constellr dock end to end against the local ConstellrServer: two fields drawn on
the map, measured and created as areas of interest, a rule broken and explained before
anything is sent, one batch of LSTprecision orders, the orders moving to delivered (with
the state-change badge), the deliveries' footprints and the LST as a styled layer."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate

from tests.servers.common import faults
from tests.servers.constellr.server import ConstellrServer

from ..conftest import clean_settings, wait_for

KEY = "constellr-key-for-dock-tests"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_database(unlocked_auth):
    yield unlocked_auth


@pytest.fixture()
def server(tmp_path):
    with ConstellrServer({KEY: "workspace"}, data_dir=tmp_path / "server") as srv:
        yield srv


def use_server(server) -> None:
    """The Constellr preset pointed at the local server, and its account saved."""
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.api.catalogs import PRESETS
    from eo_explorer.plugin.core import credentials, settings

    clean_settings()
    preset = next(p for p in PRESETS if p.id == "constellr")
    settings.save_catalogs([preset.model_copy(update={"url": server.url + "stac/"})])
    credentials.save(Credentials("constellr", "", KEY))


@pytest.fixture()
def dock(qgis_iface, qgis_app, qgis_new_project, server):
    from eo_explorer.plugin.gui.constellr.dock import ConstellrDock

    use_server(server)
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(MERCATOR)
    canvas.setExtent(QgsRectangle(1440000, 6790000, 1460000, 6810000))  # near 13 E, 52 N
    widget = ConstellrDock(qgis_iface)
    widget.questions = []

    def yes(question: str) -> bool:
        widget.questions.append(question)
        return True

    widget.confirm = yes
    opened = widget.client_factory

    def quick_client():
        """Looks for a lost batch for 5 s; times out after 1 s of silence."""
        client = opened()
        client.http.settings.timeout = (5.0, 1.0)
        client.look_for, client.look_every = 5.0, 0.2
        return client

    widget.client_factory = quick_client
    wait_for(qgis_app, lambda: not widget.busy)
    yield widget
    widget.shutdown()
    widget.deleteLater()
    qgis_app.processEvents()


def mercator(lon: float, lat: float) -> QgsPointXY:
    transform = QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance())
    return transform.transform(QgsPointXY(lon, lat))


def field(lon: float, lat: float, size: float = 0.01) -> list[QgsPointXY]:
    corners = [(lon, lat), (lon + size, lat), (lon + size, lat + size * 0.6), (lon, lat + size)]
    return [mercator(x, y) for x, y in corners]


def signal_value(app, signal, action, timeout: float = 30.0):
    got = []
    signal.connect(got.append)
    try:
        action()
        wait_for(app, lambda: got, timeout)
    finally:
        signal.disconnect(got.append)
    return got[0]


def create_area(app, dock, name: str, points: list[QgsPointXY]):
    areas = dock.areas
    areas.draw_tool.set_points(points)
    areas.form.nameEdit.setText(name)
    info = signal_value(app, areas.measured, areas.form.measureButton.click)
    assert areas.form.createButton.isEnabled()
    text = areas.form.infoLabel.text()
    assert text.startswith("Bounding box ") and " ha." in text, text
    info.text = text
    created = signal_value(app, areas.created, areas.form.createButton.click)
    wait_for(app, lambda: not dock.busy)
    return info, created


def posts(server, path="/orders/batch"):
    return [e for e in server.requests if e["path"] == path and e["method"] == "POST"]


def test_two_fields_ordered_in_one_batch_delivered_and_opened_as_lst(
    qgis_app, dock, server, tmp_path
):
    # Draw two fields: measured (geometry-info) before they are created.
    info, north = create_area(qgis_app, dock, "North field", field(13.00, 52.00))
    assert "North field created" in dock.areas.form.infoLabel.text()
    assert (north.bbox_width, north.bbox_height) == (info.bbox_width, info.bbox_height)
    assert "Suits LSTprecision, LSTzoom, LSTfusion" in _measured_text(qgis_app, dock)
    _info, south = create_area(qgis_app, dock, "South field", field(13.05, 51.95))
    assert [a["name"] for a in server.aois] == ["North field", "South field"]
    geometry = server.aois[0]["geojson"]["geometry"]
    assert geometry["type"] == "Polygon" and abs(geometry["coordinates"][0][0][0] - 13.0) < 1e-6
    layer = next(
        lyr
        for lyr in QgsProject.instance().mapLayers().values()
        if lyr.customProperty("eo_explorer/kind") == "constellr_areas"
    )
    assert sorted(f["name"] for f in layer.getFeatures()) == ["North field", "South field"]
    table = dock.areas.form.areasTable
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "North field",
        "South field",
    ]

    # The order form: both new areas ticked; a rule broken is explained before sending.
    form = dock.order_form
    f = form.form
    assert sorted(a.name for a in form.ticked_areas()) == ["North field", "South field"]
    f.productCombo.setCurrentText("LSTprecision")
    f.useCaseCombo.setCurrentText("Yield Prediction")
    f.frequencyCombo.setCurrentIndex(f.frequencyCombo.findData("weekly"))
    f.imagesSpin.setValue(2)
    f.tagsEdit.setText("wheat, field42")
    f.commentEdit.setText("Q3 analysis")
    today = QDate.currentDate()
    f.startDate.setDate(today.addDays(2))
    f.endDate.setDate(today.addDays(5))  # 3 days: LSTprecision needs at least 7
    assert f.endError.isVisibleTo(form) and "at least 7 days" in f.endError.text()
    f.submitButton.click()
    assert "Nothing was sent" in f.formStatus.text() and posts(server) == []
    f.tagsEdit.setText("wheat, wheat")
    assert "given twice" in f.tagsError.text() and f.tagsError.isVisibleTo(form)
    f.tagsEdit.setText("wheat, field42")
    f.endDate.setDate(today.addDays(30))
    assert not f.endError.isVisibleTo(form) and form.errors == {}
    assert "2 order(s) in one batch" in f.summaryLabel.text()

    # Place them: one batch with two orders.
    progress = signal_value(qgis_app, form.submitted, f.submitButton.click)
    assert progress.error is None and len(progress.orders) == 2
    (sent,) = posts(server)
    body = sent["json"]
    assert body["use_case"] == "Yield Prediction"
    assert [o["area_of_interest_id"] for o in body["orders"]] == [north.id, south.id]
    tags = body["orders"][0]["tags"]
    assert tags[:2] == ["wheat", "field42"] and tags[2].startswith("eo-explorer-")
    assert body["orders"][1]["tags"] == tags  # one tag for the whole batch
    assert body["orders"][0]["maximum_number_of_images"] == 2
    assert "2 order(s) placed in 1 batch(es)." in f.formStatus.text()
    wait_for(qgis_app, lambda: not dock.busy and len(dock.orders.orders) == 2)
    assert dock.form.tabs.tabText(dock.form.tabs.indexOf(dock.form.ordersTab)) == "Orders"

    # The server moves them on; the background refresh shows what changed.
    while server.advance():
        pass
    assert dock.timer.isActive() and dock.timer.interval() == 3 * 60 * 1000
    refresh = dock.orders.refresh  # what the timer calls every 3 minutes
    orders = signal_value(qgis_app, dock.orders.refreshed, lambda: refresh(background=True))
    assert {o.state for o in orders} == {"delivered"}
    assert dock.form.tabs.tabText(dock.form.tabs.indexOf(dock.form.ordersTab)) == "Orders ● 2"
    table = dock.orders.form.ordersTable
    assert table.item(0, 0).text() == "● delivered" and table.item(0, 0).font().bold()
    assert {table.item(r, 2).text() for r in range(2)} == {"North field", "South field"}
    texts = [w.text() for w in dock.message_bar.items()]
    assert any("2 order(s) changed state" in t and "delivered" in t for t in texts), texts
    dock.show_tab("ordersTab")  # looking at the tab clears the badges
    assert dock.form.tabs.tabText(dock.form.tabs.indexOf(dock.form.ordersTab)) == "Orders"
    assert table.item(0, 0).text() == "delivered"

    # Deliveries of the North field's order: footprints, then the LST streamed.
    row = next(r for r in range(2) if table.item(r, 2).text() == "North field")
    table.selectRow(row)
    assert "North field" in dock.orders.form.detailBrowser.toPlainText()
    items = signal_value(qgis_app, dock.deliveries.found, dock.orders.form.deliveriesButton.click)
    expected = sorted(i["id"] for i in server.items if i["geometry"] == north.geometry)
    assert sorted(i["id"] for i in items) == expected and len(expected) == 2
    footprints = dock.deliveries.layer
    assert footprints is not None and footprints.featureCount() == 2
    assert sorted(ft["id"] for ft in footprints.getFeatures()) == expected
    opened = signal_value(qgis_app, dock.deliveries.opened, dock.deliveries.form.streamButton.click)
    assert len(opened) == 2
    lst: QgsRasterLayer = opened[0]
    assert lst.isValid() and KEY not in lst.source()
    renderer = lst.renderer()
    assert isinstance(renderer, QgsSingleBandPseudoColorRenderer)
    legend = [label for label, _color in renderer.legendSymbologyItems()]
    assert legend[0] == "-10 °C" and "50 °C" in legend
    # The legend in the layer tree is a colour bar labelled at its ends: with the unit.
    assert renderer.shader().rasterShaderFunction().legendSettings().suffix() == " °C"
    node = QgsProject.instance().layerTreeRoot().findLayer(lst.id())
    assert node.isExpanded()  # the temperature legend is open
    value, ok = lst.dataProvider().sample(lst.extent().center(), 1)
    assert ok and 15.0 <= value <= 45.0
    assert "°C" in dock.deliveries.form.deliveriesStatus.text()

    # Or downloaded with the key, then loaded from disk with the same ramp.
    dock.deliveries.folder.setFilePath(str(tmp_path / "lst"))
    panel = dock.deliveries
    loaded = signal_value(qgis_app, panel.opened, panel.form.downloadButton.click, 60)
    assert len(loaded) == 2 and all(Path(lyr.source()).is_file() for lyr in loaded)
    assert all(str(tmp_path) in lyr.source() for lyr in loaded)
    assert isinstance(loaded[0].renderer(), QgsSingleBandPseudoColorRenderer)
    assert "2 files downloaded" in panel.form.deliveriesStatus.text()
    downloads = [e for e in server.requests if e["path"].endswith("lst.tiff")]
    assert downloads and all(e["headers"].get("X-Api-Key") == KEY for e in downloads)


def _measured_text(app, dock) -> str:
    areas = dock.areas
    areas.draw_tool.set_points(field(13.1, 52.1))
    signal_value(app, areas.measured, areas.form.measureButton.click)
    return areas.form.infoLabel.text()


def test_a_dropped_connection_during_submit_places_no_duplicate(qgis_app, dock, server):
    _info, area = create_area(qgis_app, dock, "Dropped", field(13.0, 52.0))
    server.drop_after_commit = 1
    f = dock.order_form.form
    f.productCombo.setCurrentText("LSTprecision")
    f.frequencyCombo.setCurrentIndex(f.frequencyCombo.findData("monthly"))
    progress = signal_value(qgis_app, dock.order_form.submitted, f.submitButton.click)
    assert progress.recovered and len(progress.orders) == 1
    assert "nothing was sent twice" in f.formStatus.text()
    assert len(posts(server)) == 1 and posts(server)[0]["dropped"]
    assert len(server.orders) == 1 and len(dock.questions) == 1  # the confirmation

    # An answer lost before the server stored anything: asked, then sent exactly once more.
    server.set_fault("/orders/batch", faults.respond(504, {"detail": "Gateway Timeout"}, times=1))
    results = []
    dock.order_form.submitted.connect(results.append)
    f.submitButton.click()
    wait_for(qgis_app, lambda: len(results) == 2 and not dock.busy)
    assert results[0].error is not None and results[1].error is None
    # asked: the confirmation, then whether to send again (after looking for the batch)
    assert len(dock.questions) == 3 and "Place 1 Constellr order(s)?" in dock.questions[1]
    assert "showed none of the 1 order(s)" in dock.questions[2]
    assert "looks for them in the order list once more first" in dock.questions[2]
    assert len(posts(server)) == 3 and len(server.orders) == 2
    assert {o["area_of_interest_id"] for o in server.orders} == {area.id}


def test_server_rejection_is_shown_and_the_form_keeps_its_content(qgis_app, dock, server):
    _info, area = create_area(qgis_app, dock, "Gone", field(13.0, 52.0))
    server.api.ws("workspace").aois.clear()  # deleted elsewhere meanwhile
    f = dock.order_form.form
    f.productCombo.setCurrentText("LSTprecision")
    f.tagsEdit.setText("keep-me")
    progress = signal_value(qgis_app, dock.order_form.submitted, f.submitButton.click)
    assert progress.error is not None and progress.error.status == 404
    assert f"area of interest {area.id} not found" in f.formStatus.text()
    assert f.tagsEdit.text() == "keep-me" and dock.order_form.ticked_ids() == [area.id]
    assert any("HTTP 404" in w.text() for w in dock.message_bar.items())


def test_too_large_area_explained_next_to_the_field(qgis_app, dock, server):
    from eo_explorer.plugin.api.constellr_rules import size_text

    info, _big = create_area(qgis_app, dock, "Big farm", field(13.0, 52.0, size=0.3))
    size = size_text(info.bbox_width, info.bbox_height)
    lines = info.text.splitlines()
    assert lines[0].startswith(f"Bounding box {size}, area ") and info.text.count(size) == 1
    assert lines[1:] == [
        "Suits LSTfusion.",
        "Too large for LSTprecision and LSTzoom: at most 15.0 km × 15.0 km.",
    ]
    f = dock.order_form.form
    f.productCombo.setCurrentText("LSTprecision")
    assert "Big farm is" in f.areasError.text() and "at most 15.0 km × 15.0 km" in (
        f.areasError.text()
    )
    f.productCombo.setCurrentText("LSTfusion")
    assert not f.areasError.isVisibleTo(dock.order_form)
    assert not f.imagesSpin.isEnabled()
    assert [f.frequencyCombo.itemData(i) for i in range(f.frequencyCombo.count())] == ["daily"]


def test_selected_multipart_feature_is_explained_not_cut(qgis_app, dock, server):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "fields", "memory")
    feature = QgsFeature()
    feature.setGeometry(
        QgsGeometry.fromWkt(
            "MULTIPOLYGON(((13 52,13.01 52,13.01 52.01,13 52)),"
            "((13.1 52,13.11 52,13.11 52.01,13.1 52)))"
        )
    )
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    layer.selectAll()
    areas = dock.areas
    areas.layer_combo.setLayer(layer)
    areas.form.selectionRadio.setChecked(True)
    areas.form.measureButton.click()
    text = areas.form.infoLabel.text()
    assert "has 2 parts" in text and "Multipart to Singleparts" in text
    assert not areas.form.createButton.isEnabled()
    assert posts(server, "/areas-of-interest/geometry-info") == []


def test_delete_rules_explained_and_tags_edited(qgis_app, dock, server):
    _info, area = create_area(qgis_app, dock, "Busy", field(13.0, 52.0))
    f = dock.order_form.form
    f.productCombo.setCurrentText("LSTprecision")
    signal_value(qgis_app, dock.order_form.submitted, f.submitButton.click)
    wait_for(qgis_app, lambda: not dock.busy and dock.orders.orders)
    table = dock.areas.form.areasTable
    table.selectRow(0)
    dock.areas.form.deleteAreaButton.click()
    wait_for(qgis_app, lambda: not dock.busy)
    assert "has active orders" in dock.areas.form.infoLabel.text() and server.aois
    orders = dock.orders
    orders.form.ordersTable.selectRow(0)
    orders.form.deleteOrderButton.click()
    assert "only orders waiting for validation or rejected" in orders.form.ordersStatus.text()
    orders.form.tagsEdit.setText("a, a")
    orders.form.saveTagsButton.click()
    wait_for(qgis_app, lambda: not dock.busy)
    assert "given twice" in orders.form.tagsError.text()
    orders.form.tagsEdit.setText("irrigated, plot-7")
    orders.form.saveTagsButton.click()
    wait_for(qgis_app, lambda: not dock.busy)
    assert [t["name"] for t in server.orders[0]["tags"]] == ["irrigated", "plot-7"]
    assert orders.form.ordersTable.item(0, 6).text() == "irrigated, plot-7"


def test_toolbar_action_opens_the_dock_and_unload_removes_it(qgis_iface, qgis_app, server):
    import eo_explorer
    from eo_explorer.plugin.core import settings
    from eo_explorer.plugin.gui.constellr.dock import ConstellrDock

    use_server(server)
    settings.set(settings.Key.DOCK_OPEN, False)  # only the Constellr dock here
    plugin = eo_explorer.classFactory(qgis_iface)
    plugin.initGui()
    entry = plugin.constellr
    action = entry.action
    assert action.text() == "EO Explorer Constellr" and not action.icon().isNull()
    action.trigger()
    dock = entry.dock
    assert isinstance(dock, ConstellrDock) and not dock.isHidden()
    wait_for(qgis_app, lambda: not dock.busy)
    assert dock.reference.products == ["LSTprecision", "LSTzoom", "LSTfusion"]
    assert dock.form.apiLabel.text() == f"Constellr API: {server.url}"
    dock.areas.form.drawButton.click()
    assert qgis_iface.mapCanvas().mapTool() is dock.areas.draw_tool
    plugin.unload()
    assert plugin.constellr is None and entry.action is None and entry.dock is None
    assert qgis_iface.mapCanvas().mapTool() is None and not dock.timer.isActive()
    qgis_app.processEvents()


def test_more_than_25_areas_are_split_after_asking(qgis_app, dock, server):
    headers = {"X-Api-Key": KEY}
    for n in range(26):
        lon, lat = 13.0 + (n % 6) * 0.02, 52.0 + (n // 6) * 0.02
        ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat]]
        body = {"name": f"Plot {n:02d}", "geojson": {"type": "Polygon", "coordinates": [ring]}}
        assert requests.post(server.url + "areas-of-interest", json=body, headers=headers).ok
    signal_value(qgis_app, dock.referenceLoaded, dock.form.refreshButton.click)
    assert len(dock.reference.areas) == 26
    form = dock.order_form
    form.tick([a.id for a in dock.reference.areas])
    form.form.productCombo.setCurrentText("LSTzoom")
    assert "26 orders, sent in 2 batches of at most 25" in form.form.summaryLabel.text()
    progress = signal_value(qgis_app, form.submitted, form.form.submitButton.click)
    assert len(progress.orders) == 26 and len(progress.placed) == 2
    assert len(dock.questions) == 1 and "Place 26 Constellr order(s)?" in dock.questions[0]
    assert "sent in 2 batches" in dock.questions[0] and "Areas (26): Plot 00," in dock.questions[0]
    assert "and 16 more" in dock.questions[0]
    assert [len(p["json"]["orders"]) for p in posts(server)] == [25, 1]

    dock.confirm = lambda question: False  # the user says no: nothing is sent
    form.form.submitButton.click()
    assert "Nothing was sent." in form.form.formStatus.text() and len(posts(server)) == 2


def test_a_refused_key_offers_the_accounts_dialog(qgis_iface, qgis_app, qgis_new_project, server):
    from qgis.PyQt.QtWidgets import QPushButton

    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials
    from eo_explorer.plugin.gui.constellr.dock import ConstellrDock

    use_server(server)
    credentials.save(Credentials("constellr", "", "a-revoked-key"))
    widget = ConstellrDock(qgis_iface)
    opened = []
    widget.open_accounts = lambda *_: opened.append(True)
    try:
        wait_for(qgis_app, lambda: not widget.busy)
        items = widget.message_bar.items()
        texts = [f"{i.title()} {i.text()}" for i in items]
        assert any("Check the Constellr account." in t for t in texts), texts
        buttons = [b for i in items for b in i.findChildren(QPushButton) if b.text() == "Accounts…"]
        assert buttons
        buttons[0].click()
        assert opened == [True]
    finally:
        widget.shutdown()
        widget.deleteLater()
        qgis_app.processEvents()


LOST_ANSWERS = {
    "late 504": lambda srv: srv.commit_late(504, delay=1.5),
    "stored, then 500": lambda srv: srv.commit_late(500, delay=0),
    "dropped after storing": lambda srv: setattr(srv, "drop_after_commit", 1),
    "201 cut short": lambda srv: srv.set_fault("/orders/batch", faults.drop_connection(times=1)),
    "201 not JSON": lambda srv: srv.set_fault("/orders/batch", faults.invalid_json(times=1)),
    "time-out, stored": lambda srv: srv.set_fault("/orders/batch", faults.slow(2.0, times=1)),
}


def _fill_order(dock, area_ids) -> None:
    f = dock.order_form.form
    dock.order_form.tick(area_ids)
    f.productCombo.setCurrentText("LSTprecision")
    f.frequencyCombo.setCurrentIndex(f.frequencyCombo.findData("monthly"))


@pytest.mark.parametrize("fault", list(LOST_ANSWERS))
def test_a_lost_answer_ends_with_one_order_and_a_true_message(qgis_app, dock, server, fault):
    _info, area = create_area(qgis_app, dock, "Lost", field(13.0, 52.0))
    _fill_order(dock, [area.id])
    LOST_ANSWERS[fault](server)
    f = dock.order_form.form
    progress = signal_value(qgis_app, dock.order_form.submitted, f.submitButton.click)
    wait_for(qgis_app, lambda: not dock.busy)
    assert progress.error is None and progress.recovered and len(progress.orders) == 1
    assert "1 order(s) placed" in f.formStatus.text()
    assert "nothing was sent twice" in f.formStatus.text()
    assert len(server.orders) == 1 and len(posts(server)) == 1
    assert len(dock.questions) == 1  # only the confirmation: nothing to send again


def test_the_confirmation_shows_what_is_ordered_and_no_sends_nothing(qgis_app, dock, server):
    _info, area = create_area(qgis_app, dock, "North field", field(13.0, 52.0))
    _fill_order(dock, [area.id])
    f = dock.order_form.form
    f.startDate.setDate(QDate(2031, 5, 1))
    f.endDate.setDate(QDate(2031, 5, 31))
    asked = []
    dock.confirm = lambda question: asked.append(question) or False
    f.submitButton.click()
    assert posts(server) == [] and "Nothing was sent." in f.formStatus.text()
    (question,) = asked
    for words in (
        "Place 1 Constellr order(s)?",
        "charges",
        "Product: LSTprecision, monthly",
        "Dates (UTC): 2031-05-01 to 2031-05-31",
        "Areas (1): North field",
    ):
        assert words in question, question


def test_sending_again_after_a_late_commit_finds_the_first_order(qgis_app, dock, server):
    """The gateway answers 504 and the server stores the batch 2 s later, after the client
    stopped looking; the user agrees to send again once the order is there: the resend
    looks first and finds it."""
    _info, area = create_area(qgis_app, dock, "Late", field(13.0, 52.0))
    _fill_order(dock, [area.id])
    opened = dock.client_factory

    def impatient():
        client = opened()
        client.look_for = 0.5
        return client

    dock.client_factory = impatient
    server.commit_late(504, delay=2.0)

    def answer_later(question: str) -> bool:
        dock.questions.append(question)
        if len(dock.questions) > 1:  # "send again?": the user answers after a while
            wait_for(qgis_app, lambda: server.orders, 10)
        return True

    dock.confirm = answer_later
    results = []
    dock.order_form.submitted.connect(results.append)
    dock.order_form.form.submitButton.click()
    wait_for(qgis_app, lambda: len(results) == 2 and not dock.busy, 30)
    assert results[0].error is not None and "most likely not placed" in str(results[0].error)
    assert results[1].error is None and results[1].recovered
    assert len(server.orders) == 1 and len(posts(server)) == 1
    assert "nothing was sent twice" in dock.order_form.form.formStatus.text()


def test_a_placed_batch_that_cannot_be_found_is_never_offered_again(qgis_app, dock, server):
    """201 with an unreadable body, and the order list does not show the batch: the dock
    says it was accepted, does not offer to send it again, and the next confirmation
    warns about it."""
    _info, area = create_area(qgis_app, dock, "Unread", field(13.0, 52.0))
    _fill_order(dock, [area.id])
    server.set_fault("/orders/batch", faults.invalid_json(times=1))
    server.set_fault("/orders", faults.respond(200, {"count": 0, "items": []}, method="GET"))
    f = dock.order_form.form
    progress = signal_value(qgis_app, dock.order_form.submitted, f.submitButton.click)
    wait_for(qgis_app, lambda: not dock.busy)
    assert "Do not place them again" in str(progress.error)
    assert "Do not place them again" in f.formStatus.text()
    assert len(dock.questions) == 1 and len(posts(server)) == 1 and len(server.orders) == 1
    tag = posts(server)[0]["json"]["orders"][0]["tags"][-1]

    dock.confirm = lambda question: dock.questions.append(question) or False
    f.submitButton.click()
    assert "may have been placed (tag " + tag in dock.questions[-1]
    assert len(posts(server)) == 1


def test_the_dock_opening_leaves_a_blank_project_unchanged(
    qgis_iface, qgis_app, qgis_new_project, server
):
    """QGIS starts with the dock open: the workspace's areas are listed, but nothing is
    added to the project (QGIS would ask to save a blank one) until they are used."""
    from eo_explorer.plugin.gui.constellr.dock import ConstellrDock

    use_server(server)
    ring = [[13.0, 52.0], [13.05, 52.0], [13.05, 52.04], [13.0, 52.04], [13.0, 52.0]]
    geojson = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    answer = requests.post(
        server.url + "areas-of-interest",
        json={"name": "Old field", "geojson": geojson},
        headers={"X-Api-Key": KEY},
        timeout=10,
    )
    assert answer.status_code == 201
    project = QgsProject.instance()
    project.setDirty(False)
    dock = ConstellrDock(qgis_iface)
    try:
        reference = signal_value(qgis_app, dock.referenceLoaded, lambda: None)
        wait_for(qgis_app, lambda: not dock.busy)
        assert [a.name for a in reference.areas] == ["Old field"]
        assert dock.areas.form.areasTable.rowCount() == 1
        assert not project.isDirty() and project.mapLayers() == {}

        dock.areas.form.areasTable.selectRow(0)  # the analyst picks the area
        (layer,) = project.mapLayers().values()
        assert layer.name() == "Constellr areas of interest"
        assert [f["name"] for f in layer.selectedFeatures()] == ["Old field"]
    finally:
        dock.shutdown()
        dock.deleteLater()
        qgis_app.processEvents()
