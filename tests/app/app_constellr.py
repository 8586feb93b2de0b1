"""The Constellr dock flow: an area drawn, measured, created, then ordered."""

from __future__ import annotations

from app_ui import (
    Context,
    click,
    draw_polygon,
    layer_names,
    messages,
    sentinelhub_account,
    show_extent,
    wait_for,
    wait_signal,
)
from qgis.core import (
    QgsRectangle,
)
from qgis.PyQt.QtCore import QDate

# -- the Constellr dock --------------------------------------------------------------------

#: a field near 13 E, 52 N (lon/lat)
PLOT = [(13.000, 52.000), (13.010, 52.000), (13.010, 52.006), (13.000, 52.010)]


def flow_constellr(ctx: Context) -> dict:
    """Areas ▸ Draw ▸ Measure ▸ Create, then New order ▸ Place order."""
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
    questions: list = []
    dock.confirm = lambda question: questions.append(question) or True  # the user says yes
    wait_for(lambda: not dock.busy, 30, "the Constellr reference data")
    ctx.step("dock open")
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
