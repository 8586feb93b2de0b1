"""The Constellr dock flow: an area drawn, measured, created, then ordered."""

from __future__ import annotations

from app_ui import (
    Context,
    canvas_settled,
    click,
    dock_layout,
    draw_polygon,
    layer_names,
    messages,
    screenshot,
    sentinelhub_account,
    show_extent,
    wait_for,
    wait_signal,
)
from qgis.core import (
    QgsRectangle,
)
from qgis.PyQt.QtCore import QDate, Qt

# -- the Constellr dock --------------------------------------------------------------------

#: a field near 13 E, 52 N (lon/lat)
PLOT = [(13.000, 52.000), (13.010, 52.000), (13.010, 52.006), (13.000, 52.010)]


def constellr_dock(ctx: Context, questions: list):
    """The Constellr dock on the sandbox's API with its demo key, every question answered
    yes (and kept in ``questions``), once its reference data is read."""
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    sentinelhub_account(ctx)  # sets the master password too
    credentials.save(Credentials(service="constellr", secret=ctx.sandbox["constellr"]["api_key"]))
    entry = ctx.plugin.constellr
    if entry.dock is None or not entry.dock.isVisible():
        entry.action.trigger()
    dock = entry.dock
    if dock is None:
        raise RuntimeError("the action did not open the Constellr dock")
    dock.confirm = lambda question: questions.append(question) or True  # the user says yes
    wait_for(lambda: not dock.busy, 30, "the Constellr reference data")
    ctx.step("dock open")
    return dock


def flow_constellr(ctx: Context) -> dict:
    """Areas ▸ Draw ▸ Measure ▸ Create, then New order ▸ Place order."""
    questions: list = []
    dock = constellr_dock(ctx, questions)
    dock.show_tab("areasTab")
    show_extent(ctx, "EPSG:4326", QgsRectangle(12.99, 51.994, 13.02, 52.016))
    areas = dock.areas
    click(areas.form.drawButton)
    vertices = draw_polygon(ctx, areas.draw_tool, PLOT)
    ctx.step(f"polygon drawn: {vertices}")
    areas.form.nameEdit.setText("North field")
    wait_signal(areas.measured, lambda: click(areas.form.measureButton), 30, "the measure")
    measured = areas.form.infoLabel.text()
    ctx.step(f"measured: {measured}")
    created = wait_signal(areas.created, lambda: click(areas.form.createButton), 30, "the area")
    wait_for(lambda: not dock.busy, 30, "the refresh after creating")
    ctx.step(f"created {created.id}")
    dock.show_tab("orderTab")
    form = dock.order_form
    f = form.form
    ticked = [a.name for a in form.ticked_areas()]
    f.productCombo.setCurrentText("LSTprecision")
    f.useCaseCombo.setCurrentText("Yield Prediction")
    f.frequencyCombo.setCurrentIndex(f.frequencyCombo.findData("weekly"))
    f.imagesSpin.setValue(2)
    today = QDate.currentDate()
    f.startDate.setDate(today.addDays(2))
    f.endDate.setDate(today.addDays(30))
    progress = wait_signal(form.submitted, lambda: click(f.submitButton), 30, "the order")
    wait_for(lambda: not dock.busy, 30, "the orders list")
    return {
        "vertices": vertices,
        "measured": measured,
        "created": {"id": created.id, "name": created.name},
        "areas_status": areas.form.infoLabel.text(),
        "ticked": ticked,
        "order_error": str(progress.error) if progress.error else "",
        "orders": [getattr(o, "id", str(o)) for o in progress.orders],
        "order_status": f.formStatus.text(),
        "questions": questions,
        "messages": messages(dock.message_bar),
        "layers": layer_names(),
    }


#: a field inside the sandbox's LSTfusion scenes near 15.26 E, 50.21 N (lon/lat)
VINEYARD = [(15.22, 50.19), (15.30, 50.19), (15.31, 50.24), (15.23, 50.245)]


def flow_constellr_dock_picture(ctx: Context) -> dict:
    """What the README shows: an area drawn and measured (Areas tab), then, once it is
    created and an LSTfusion order placed on it for the weeks of the sandbox scenes, the
    orders table with that order selected and its newest delivery opened on the map with
    the LST legend."""
    questions: list = []
    dock = constellr_dock(ctx, questions)
    dock.show_tab("areasTab")
    ctx.iface.actionPan().trigger()  # done drawing (after the other flow)
    show_extent(ctx, "EPSG:4326", QgsRectangle(15.10, 50.13, 15.42, 50.30))
    areas = dock.areas
    click(areas.form.drawButton)
    vertices = draw_polygon(ctx, areas.draw_tool, VINEYARD)
    areas.form.nameEdit.setText("Vineyard")
    wait_signal(areas.measured, lambda: click(areas.form.measureButton), 30, "the measure")
    measured = areas.form.infoLabel.text()
    canvas_settled(ctx)
    a = areas.form
    areas_layout = dock_layout(dock, None, [a.measureButton, a.createButton, a.zoomButton])
    areas_shot = screenshot(ctx, "constellr-areas")
    created = wait_signal(areas.created, lambda: click(a.createButton), 30, "the area")
    wait_for(lambda: not dock.busy, 30, "the refresh after creating")
    ctx.step(f"created {created.id}")

    dock.show_tab("orderTab")
    form = dock.order_form
    f = form.form
    form.tick([x.id for x in form.ticked_areas() if x.id != created.id], checked=False)
    f.productCombo.setCurrentText("LSTfusion")
    f.useCaseCombo.setCurrentText("Drought Stress")
    # the weeks of the sandbox's LSTfusion scenes (the tier serves the recorded dates)
    f.startDate.setDate(QDate(2024, 11, 1))
    f.endDate.setDate(QDate(2024, 12, 31))
    progress = wait_signal(form.submitted, lambda: click(f.submitButton), 30, "the order")
    wait_for(lambda: not dock.busy, 30, "the orders list")
    if progress.error or not progress.orders:
        raise RuntimeError(f"the order was not placed: {progress.error} {f.formStatus.text()}")
    order_id = getattr(progress.orders[0], "id", str(progress.orders[0]))
    ctx.step(f"ordered {order_id}")

    dock.show_tab("ordersTab")
    orders = dock.orders
    wait_for(lambda: any(o.id == order_id for o in orders.orders), 30, "the order listed")
    orders.select(order_id)
    delivered = wait_signal(
        dock.deliveries.found, lambda: click(orders.form.deliveriesButton), 30, "the deliveries"
    )
    tree = dock.deliveries.form.itemsTree
    ctx.step(f"{len(delivered)} delivered, {tree.topLevelItemCount()} listed")
    # the newest delivery that covers the whole field (the list is newest first)
    xs, ys = [x for x, _ in VINEYARD], [y for _, y in VINEYARD]
    covering = [
        str(item.get("id"))
        for item in delivered
        if item["bbox"][0] <= min(xs)
        and item["bbox"][1] <= min(ys)
        and item["bbox"][2] >= max(xs)
        and item["bbox"][3] >= max(ys)
    ]
    rows = [tree.topLevelItem(row) for row in range(tree.topLevelItemCount())]
    chosen = next(row for row in rows if row.text(2) in covering)
    for row in rows:
        row.setCheckState(0, Qt.CheckState.Checked if row is chosen else Qt.CheckState.Unchecked)
    got: list = []
    dock.deliveries.opened.connect(got.append)
    click(dock.deliveries.form.streamButton)  # Open LST: streamed at once, no task
    dock.deliveries.opened.disconnect(got.append)
    lst_status = dock.deliveries.form.deliveriesStatus.text()
    if not got or not got[0]:
        raise RuntimeError(f"no LST layer opened: {lst_status!r}, {messages(dock.message_bar)}")
    opened = got[0]
    dock.show_tab("ordersTab")
    orders.select(order_id)
    ctx.iface.layerTreeView().expandAll()
    canvas_settled(ctx)
    o = orders.form
    orders_layout = dock_layout(dock, None, [o.deliveriesButton, o.deleteOrderButton])
    return {
        "vertices": vertices,
        "measured": measured,
        "areas_layout": areas_layout,
        "areas_screenshot": areas_shot,
        "order": order_id,
        "orders_shown": o.ordersTable.rowCount(),
        "selected": getattr(orders.selected(), "id", ""),
        "delivered": [str(item.get("id")) for item in delivered],
        "opened": [layer.name() for layer in opened],
        "lst_status": lst_status,
        "questions": questions,
        "orders_layout": orders_layout,
        "orders_screenshot": screenshot(ctx, "constellr-orders"),
        "layers": layer_names(),
    }
