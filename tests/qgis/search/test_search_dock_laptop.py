"""The Search dock on a 1366x768 laptop: what fits, what stays put, what is said and kept."""

from __future__ import annotations

from qgis.core import QgsPointXY, QgsRectangle
from qgis.PyQt.QtCore import QDate, QPoint, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtTest import QTest

from ..conftest import run_search
from .test_search_dock import S2, set_dates, show_extent, tick

#: The dock on a 1366x768 laptop: QGIS's menus, toolbars, status bar and the dock's title
#: leave it about 600 px of height; QGIS gives a right-hand dock about 290 px at first.
LAPTOP_DOCK = (290, 600)


def laid_out(dock, app, size=LAPTOP_DOCK):
    dock.resize(*size)
    dock.show()
    for _ in range(5):
        app.processEvents()
    return dock


def bottom_in_dock(dock, widget) -> int:
    return widget.mapTo(dock, QPoint(0, widget.height())).y()


def test_form_fits_the_laptop_dock_without_scrolling_sideways(dock, qgis_app):
    laid_out(dock, qgis_app)
    f = dock.form
    assert f.formScroll.horizontalScrollBar().maximum() == 0
    assert f.formWidget.minimumSizeHint().width() <= f.formScroll.viewport().width()
    # Search and Cancel are in sight without scrolling, below the form.
    for button in (f.searchButton, f.cancelButton):
        assert button.isVisibleTo(dock)
        assert bottom_in_dock(dock, button) <= dock.height()
    assert not f.formScroll.isAncestorOf(f.searchButton)


def test_after_a_search_the_form_folds_and_the_table_is_the_main_thing(dock, qgis_app, qgis_iface):
    laid_out(dock, qgis_app)
    show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(-10, 35, 30, 60))
    tick(dock, S2)
    set_dates(dock, "2024-05-01", "2024-07-31")
    f = dock.form
    table_before = f.resultsTable.height()
    run_search(qgis_app, dock)
    laid_out(dock, qgis_app)
    assert not f.formScroll.isVisible()
    summary = f.formToggle.toolTip()
    assert "Sandbox" in summary and S2 in summary and "2024-05-01 – 2024-07-31" in summary
    assert f.searchButton.isVisible() and bottom_in_dock(dock, f.searchButton) < 120
    rows = f.resultsTable.model().rowCount()
    row_height = f.resultsTable.rowHeight(0)
    shown = f.resultsTable.viewport().height() // row_height
    assert f.resultsTable.height() > 2 * table_before and shown >= min(rows, 8)
    # A click on the summary opens the form again.
    QTest.mouseClick(f.formToggle, Qt.MouseButton.LeftButton)
    assert f.formScroll.isVisible() and dock.form_open()


def test_selecting_rows_and_messages_move_nothing(dock, qgis_app, qgis_iface):
    laid_out(dock, qgis_app)
    show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(-10, 35, 30, 60))
    tick(dock, S2)
    set_dates(dock, "2024-05-01", "2024-07-31")
    run_search(qgis_app, dock)
    laid_out(dock, qgis_app)
    f = dock.form

    def geometry():
        return [w.geometry() for w in (f.resultsTable, f.itemTabs, f.thumbnailLabel)] + [
            f.searchButton.mapTo(dock, QPoint(0, 0))
        ]

    before = geometry()
    thumbnail = f.thumbnailLabel.size()
    f.resultsTable.selectRow(0)
    qgis_app.processEvents()
    f.resultsTable.selectRow(3)
    qgis_app.processEvents()
    assert geometry() == before and f.thumbnailLabel.size() == thumbnail
    dock.show_error(ValueError("A message for the user"))
    qgis_app.processEvents()
    assert dock.message_bar.isVisible() and geometry() == before
    assert dock.message_bar.geometry().top() == 0  # it floats over the top of the dock


def test_rows_in_the_catalogs_order_without_an_arrow_until_a_heading_is_clicked(
    dock, qgis_app, qgis_iface
):
    show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(-10, 35, 30, 60))
    tick(dock, S2)
    set_dates(dock, "2024-05-01", "2024-07-31")
    run_search(qgis_app, dock)
    table = dock.form.resultsTable
    header = table.horizontalHeader()
    assert not header.isSortIndicatorShown()
    layer = dock.results_layer
    in_layer = [feature["id"] for feature in layer.getFeatures()]
    in_table = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert in_table == in_layer  # the catalog's order, as it sent the items
    assert in_table != sorted(in_layer)

    header.sectionClicked.emit(0)  # a click on "Item"
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 0
    in_table = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert in_table == sorted(in_layer)
    header.sectionClicked.emit(0)
    in_table = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert in_table == sorted(in_layer, reverse=True)


def test_the_maximum_says_how_many_more_there_are(dock, qgis_app, qgis_iface):
    show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(-180, -90, 180, 90))
    tick(dock)
    set_dates(dock, None, None)
    dock.form.cloudCheck.setChecked(False)
    dock.form.maxItemsSpin.setValue(120)
    outcome = run_search(qgis_app, dock)
    assert outcome.limited and outcome.count == 120
    text = dock.form.statusLabel.text()
    if outcome.number_matched is not None:
        assert text.startswith(f"120 of {outcome.number_matched:,} — raise Max. items")
    else:
        assert text.startswith("120 shown, more available — raise Max. items")


def test_a_search_that_ends_below_the_maximum_is_not_limited(dock, qgis_app, qgis_iface):
    show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(-10, 35, 30, 60))
    tick(dock, S2)
    set_dates(dock, "2024-05-01", "2024-07-31")
    outcome = run_search(qgis_app, dock)
    assert not outcome.limited
    assert "raise Max. items" not in dock.form.statusLabel.text()
    assert dock.form.statusLabel.text().startswith(f"{outcome.count} items on the map")


def test_typed_dates_are_the_dates_typed(dock, qgis_app):
    laid_out(dock, qgis_app)
    for editor, typed in ((dock.form.startDate, "2024-06-01"), (dock.form.endDate, "20240630")):
        editor.setFocus()
        editor.selectAll()
        QTest.keyClicks(editor, typed)
        QTest.keyClick(editor, Qt.Key.Key_Tab)
        assert editor.date() == QDate(2024, 6, int(typed[-2:]))


def test_dates_are_remembered(dock, qgis_app, qgis_iface):
    from eo_explorer.plugin.gui.search.dock import SearchDock

    set_dates(dock, "2023-03-05", "2023-04-06")
    dock.form.startCheck.setChecked(False)
    again = SearchDock(qgis_iface)
    try:
        assert again.form.startDate.date() == QDate(2023, 3, 5)
        assert again.form.endDate.date() == QDate(2023, 4, 6)
        assert not again.form.startCheck.isChecked() and not again.form.startDate.isEnabled()
        assert again.form.endCheck.isChecked()
    finally:
        again.shutdown()
        again.deleteLater()


def test_an_end_date_of_today_stays_today(dock, qgis_iface):
    from eo_explorer.plugin.core import settings
    from eo_explorer.plugin.gui.search.dock import SearchDock

    dock.form.endDate.setDate(QDate.currentDate())
    settings.set(settings.Key.END_DATE, "2020-01-01")  # as if chosen on that day
    again = SearchDock(qgis_iface)
    try:
        assert again.form.endDate.date() == QDate.currentDate()
    finally:
        again.shutdown()
        again.deleteLater()


def test_drawn_area_is_dashed_blue_above_the_footprints(dock, qgis_iface):
    band = dock.draw_tool.band
    canvas = qgis_iface.mapCanvas()
    dock.draw_tool.set_points([QgsPointXY(4, 44), QgsPointXY(12, 44), QgsPointXY(13, 49)])
    assert band.strokeColor().name() == QColor(31, 111, 178).name()
    assert band.fillColor().alpha() < 80  # light: the footprints show through
    if hasattr(band, "lineStyle"):  # QGIS 3.22 has no getter
        assert band.lineStyle() == Qt.PenStyle.DashLine
    else:
        from eo_explorer.plugin.gui.common import draw_tool

        assert draw_tool.LINE_STYLE == Qt.PenStyle.DashLine
    drawn = {id(band), *(id(marker) for marker in dock.draw_tool._markers)}
    others = [item.zValue() for item in canvas.scene().items() if id(item) not in drawn]
    assert band.zValue() > max(others, default=0)
    footprint_orange = QColor(255, 140, 0)
    assert band.strokeColor().hue() != footprint_orange.hue()


def test_status_says_the_order_asked_of_the_catalog():
    from eo_explorer.plugin.gui.search.dock import status_text
    from eo_explorer.plugin.search.workflow import SearchOutcome

    outcome = SearchOutcome(features=[object()] * 500, pages=5, number_matched=12345)
    outcome.limited = True
    assert status_text(outcome, "newest") == (
        "500 of 12,345 — raise Max. items to see more. Rows in the catalog's order (newest first)."
    )
    # after a click on a heading the rows are in the column's order: no such sentence
    assert status_text(outcome) == "500 of 12,345 — raise Max. items to see more."
    outcome.number_matched = None
    assert status_text(outcome, "") == ("500 shown, more available — raise Max. items to see more.")
    outcome.limited = False
    outcome.features = [object()] * 42
    assert status_text(outcome, "least-cloudy") == (
        "42 items on the map from 5 page(s). Rows in the catalog's order (least cloudy first)."
    )


def test_map_time_fills_the_dates_from_the_temporal_controller_or_the_project(
    dock, qgis_iface, qgis_app
):
    from qgis.core import QgsDateTimeRange, QgsProject
    from qgis.PyQt.QtCore import QDateTime, QTime

    def utc(year, month, day) -> QDateTime:
        return QDateTime(QDate(year, month, day), QTime(0, 0), Qt.TimeSpec.UTC)

    canvas = qgis_iface.mapCanvas()
    project = QgsProject.instance()
    canvas.setTemporalRange(
        QgsDateTimeRange(QDateTime(), QDateTime())
    )  # the Temporal Controller is off
    project.timeSettings().setTemporalRange(QgsDateTimeRange(QDateTime(), QDateTime()))
    set_dates(dock, "2023-03-05", "2023-04-06")
    dock.form.projectTimeButton.click()
    assert dock.form.startDate.date() == QDate(2023, 3, 5)  # nothing to take: unchanged
    shown = [w.text() for w in dock.message_bar.items()]
    assert any("The map has no time yet" in text for text in shown)

    project.timeSettings().setTemporalRange(QgsDateTimeRange(utc(2024, 5, 1), utc(2024, 8, 31)))
    dock.form.startCheck.setChecked(False)
    dock.form.projectTimeButton.click()
    assert dock.form.startCheck.isChecked() and dock.form.endCheck.isChecked()
    assert (dock.form.startDate.date(), dock.form.endDate.date()) == (
        QDate(2024, 5, 1),
        QDate(2024, 8, 31),
    )

    # the Temporal Controller's frame of one day wins over the project's range
    canvas.setTemporalRange(QgsDateTimeRange(utc(2024, 6, 3), utc(2024, 6, 4), True, False))
    try:
        dock.form.projectTimeButton.click()
        assert (dock.form.startDate.date(), dock.form.endDate.date()) == (
            QDate(2024, 6, 3),
            QDate(2024, 6, 3),
        )
    finally:
        canvas.setTemporalRange(QgsDateTimeRange(QDateTime(), QDateTime()))
        project.timeSettings().setTemporalRange(QgsDateTimeRange(QDateTime(), QDateTime()))
