"""The Search dock: catalog, collections, area, dates, cloud cover, filter; results table."""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMapLayerComboBox, QgsMessageBar
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, QDate, QEvent, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QTextCharFormat
from qgis.PyQt.QtWidgets import QListWidgetItem, QSizePolicy

from ...api.catalogs import Catalog
from ...api.errors import EOExplorerError
from ...api.footprints import FOOTPRINT_FIELDS
from ...api.search import SearchRequest, is_sentinelhub_catalog
from ...core import credentials, log, settings
from ...core.network import http_for
from ...core.tasks import WorkflowTask
from ...map import footprints as layers
from ...map.areas import extent_area, geometries_area
from ...search.best_cover import Cover, Scene, area_geometry, best_cover
from ...search.time_range import map_time_range
from ...search.workflow import SearchProgress, collections_task, dates_task, search_task
from ..assets.panel import AssetsPanel, items_by_fid
from ..common.closable_dock import ClosableDock
from ..common.date_typing import DateTyping
from ..common.draw_tool import CanvasDrawing
from ..common.messages import account_refused, offer_accounts
from ..common.messages import show_error as show_error_in
from ..common.slots import guarded
from .quicklooks import QuicklooksController
from .results import ResultsTableController, item_html
from .thumbnails import ThumbnailView
from .whole_items import WholeItemsLoader

FORM, _ = uic.loadUiType(str(Path(__file__).resolve().parents[3] / "ui" / "search_dock.ui"))
COLLECTION_ROLE = Qt.ItemDataRole.UserRole + 1
#: The Assets tab lists at most this many selected items.
MAX_ASSET_ITEMS = 200
#: The dock's width when QGIS first shows it: a quarter of the window, within these.
MIN_WIDTH = 300
MAX_WIDTH = 440
#: How long the first width is held while QGIS finishes laying out its window.
DOCK_SETTLE_MS = 3000
#: The details pane's height at first: the fixed thumbnail area and the tab bar.
DETAILS_HEIGHT = 160


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


class SearchDock(ClosableDock):
    """Gathers the search, runs it in a task and shows the footprints and table."""

    searchFinished = pyqtSignal(object)  # the SearchOutcome, for tests and scripting
    downloadsFinished = pyqtSignal(object)  # the api.batch.Summary of a download

    def __init__(self, iface, http_factory=http_for, parent=None) -> None:
        super().__init__(tr("EO Explorer – Search"), parent)
        self.setObjectName("EOExplorerSearchDock")
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.http_factory = http_factory
        self.form = FORM()
        body = self._build_body()
        self.setWidget(body)
        self.search_task: WorkflowTask | None = None
        #: the catalog, request and HTTP client of the running search
        self._search_run: tuple | None = None
        #: fills the running search's layer as its pages arrive
        self._feed: layers.FootprintsFeed | None = None
        self.results_catalog = None
        self.results_http = None
        self.collections_task: WorkflowTask | None = None
        self.dates_task: WorkflowTask | None = None
        self.cover_task: WorkflowTask | None = None
        #: the area of the search whose footprints are in the table (None: the whole world)
        self._searched_area = None
        self.results_layer: QgsVectorLayer | None = None
        self.whole_items = WholeItemsLoader(self._whole_items_loaded)
        self._details_fid = None
        self._collection_cache: dict[str, tuple[list, bool]] = {}
        self._filter_supported = True
        self._sort_supported = True
        self._last_outcome = None
        self._connect()
        # Opening the dock asks for nothing: a catalog whose account is locked in the
        # authentication database waits for the user (Refresh, Search).
        self.reload_catalogs(quiet=True)

    # -- construction -----------------------------------------------------------------

    def _build_body(self):
        from qgis.PyQt.QtWidgets import QWidget

        body = QWidget(self)
        self.form.setupUi(body)
        f = self.form
        # The message bar floats over the top of the dock: a message never moves the form,
        # the buttons or the table.
        self.message_bar = QgsMessageBar(body)
        self.message_bar.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.message_bar.setObjectName("searchMessageBar")
        body.installEventFilter(self)
        self.message_bar.installEventFilter(self)
        self.layer_combo = QgsMapLayerComboBox(body)
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        f.layerComboHolder.addWidget(self.layer_combo)
        self._restore_dates()
        self.date_typing = DateTyping(body)
        self.date_typing.watch(f.startDate, f.endDate)
        f.accountsButton.setIcon(QgsApplication.getThemeIcon("/locked.svg"))
        f.accountsButton.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if not f.accountsButton.icon().isNull()
            else Qt.ToolButtonStyle.ToolButtonTextOnly
        )
        f.maxItemsSpin.setValue(settings.get(settings.Key.MAX_ITEMS))
        for text, key in (
            (tr("Catalog's order"), ""),
            (tr("Newest first"), "newest"),
            (tr("Oldest first"), "oldest"),
            (tr("Least cloudy first"), "least-cloudy"),
        ):
            f.sortCombo.addItem(text, key)
        f.sortCombo.setCurrentIndex(max(0, f.sortCombo.findData(settings.get(settings.Key.SORT))))
        f.cloudSpin.setValue(settings.get(settings.Key.MAX_CLOUD))
        f.cloudCheck.setChecked(settings.get(settings.Key.USE_CLOUD))
        f.progressBar.setVisible(False)
        f.drawButton.setIcon(_icon("draw_polygon.svg"))
        self.assets = AssetsPanel(self, f.assetsTab)
        f.assetsLayout.addWidget(self.assets)
        self.thumbnails = ThumbnailView(f.thumbnailLabel)
        self.results = ResultsTableController(
            f.resultsTable, self.zoom_to_feature, self.show_details, self._user_sorted
        )
        # Height given to the dock goes to the table; the details keep their own.
        f.splitter.setSizes([260, DETAILS_HEIGHT])
        f.splitter.setStretchFactor(0, 1)
        f.splitter.setStretchFactor(1, 0)
        self._set_form_open(True)
        return body

    def take_default_width(self, window) -> None:
        """The first time the dock opens in a profile: a quarter of the screen, 300 to
        440 px (~340 on a 1366 px laptop, 440 on a 1920 px screen). Later QGIS restores the
        width the user left it at."""
        if settings.get(settings.Key.DOCK_SIZED):
            return
        settings.set(settings.Key.DOCK_SIZED, True)
        try:
            screen = window.screen().availableGeometry().width()
            width = max(MIN_WIDTH, min(MAX_WIDTH, max(window.width(), screen) // 4))
            window.resizeDocks([self], [width], Qt.Orientation.Horizontal)
        except (AttributeError, TypeError, RuntimeError):
            return  # not a QMainWindow (tests)
        # QGIS lays its docks out again while it starts: hold the width until it has.
        self.setMinimumWidth(width)
        QTimer.singleShot(DOCK_SETTLE_MS, self._release_width)

    def _release_width(self) -> None:
        try:
            self.setMinimumWidth(0)
        except RuntimeError:
            pass  # the dock was deleted meanwhile

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self._place_message_bar()
        if event.type() == QEvent.Type.Resize and obj is self.widget():
            self._show_summary()  # cut again to the new width
        return False

    def _place_message_bar(self) -> None:
        bar = getattr(self, "message_bar", None)
        body = self.widget()
        if bar is None or body is None:
            return
        height = bar.sizeHint().height()
        bar.setGeometry(0, 0, body.width(), height)
        bar.raise_()

    def _connect(self) -> None:
        f = self.form
        f.catalogCombo.currentIndexChanged.connect(self._catalog_changed)
        f.catalogsButton.clicked.connect(self.edit_catalogs)
        f.accountsButton.clicked.connect(self._accounts_for_current)
        f.refreshCollectionsButton.clicked.connect(lambda: self.load_collections(force=True))
        f.collectionsFilter.textChanged.connect(self._filter_collections)
        #: catalogs that search their collections themselves get what the user typed,
        #: once typing pauses
        self._server_search = False
        self._ask_timer = QTimer(self)
        self._ask_timer.setSingleShot(True)
        self._ask_timer.setInterval(500)
        self._ask_timer.timeout.connect(self._ask_catalog)
        f.collectionsList.itemChanged.connect(self._collections_checked)
        self.drawing = CanvasDrawing(
            self, self.canvas, f.drawButton, lambda: self.form.drawnRadio.setChecked(True)
        )
        self.draw_tool = self.drawing.tool
        f.formToggle.toggled.connect(self._set_form_open)
        f.searchButton.clicked.connect(self.start_search)
        f.cancelButton.clicked.connect(self.cancel_search)
        f.startCheck.toggled.connect(f.startDate.setEnabled)
        f.endCheck.toggled.connect(f.endDate.setEnabled)
        f.startDate.setEnabled(f.startCheck.isChecked())
        f.endDate.setEnabled(f.endCheck.isChecked())
        for signal in (
            f.startDate.dateChanged,
            f.endDate.dateChanged,
            f.startCheck.toggled,
            f.endCheck.toggled,
        ):
            signal.connect(self._save_dates)
        clock = QgsApplication.getThemeIcon("/propertyicons/temporal.svg")
        if not clock.isNull():  # the icon of QGIS's Temporal tabs; the text is the fallback
            f.projectTimeButton.setIcon(clock)
            f.projectTimeButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        f.projectTimeButton.clicked.connect(self.use_map_time)
        day = QgsApplication.getThemeIcon("/mIconFieldDate.svg")
        if not day.isNull():
            f.datesWithDataButton.setIcon(day)
            f.datesWithDataButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        f.datesWithDataButton.clicked.connect(self.show_dates_with_data)
        f.bestCoverButton.clicked.connect(self.select_best_cover)
        self.quicklooks = QuicklooksController(self, f.quicklooksButton)
        f.datesWithDataButton.setVisible(False)  # Sentinel Hub Catalog only
        f.cloudCheck.toggled.connect(f.cloudSpin.setEnabled)
        f.cloudSpin.setEnabled(f.cloudCheck.isChecked())
        self.draw_tool.polygonChanged.connect(self._polygon_changed)
        QgsProject.instance().layerWillBeRemoved.connect(self._layer_removed)

    # -- the form ---------------------------------------------------------------------

    def _restore_dates(self) -> None:
        """The dates of the last search (or the last ones chosen); a month to today at first.

        An end date that was "today" when it was chosen is today again."""
        f = self.form
        today = QDate.currentDate()
        start = QDate.fromString(settings.get(settings.Key.START_DATE), "yyyy-MM-dd")
        end = QDate.fromString(settings.get(settings.Key.END_DATE), "yyyy-MM-dd")
        if not end.isValid() or settings.get(settings.Key.END_WAS_TODAY):
            end = today
        if not start.isValid():
            start = end.addMonths(-1)
        f.startDate.setDate(start)
        f.endDate.setDate(end)
        f.startCheck.setChecked(settings.get(settings.Key.USE_START))
        f.endCheck.setChecked(settings.get(settings.Key.USE_END))

    def use_map_time(self, *_args) -> None:
        """The dates of the time the map shows (Temporal Controller, else the project's)."""
        days = map_time_range(self.canvas, QgsProject.instance())
        if days is None:
            self.message_bar.pushMessage(
                tr("EO Explorer"),
                tr(
                    "The map has no time yet: set the project's time range (Project ▸ "
                    "Properties ▸ Temporal) or turn on the Temporal Controller."
                ),
                Qgis.MessageLevel.Info,
                8,
            )
            return
        f = self.form
        f.startCheck.setChecked(True)
        f.endCheck.setChecked(True)
        f.startDate.setDate(QDate(days[0].year, days[0].month, days[0].day))
        f.endDate.setDate(QDate(days[1].year, days[1].month, days[1].day))

    @guarded
    def show_dates_with_data(self, *_args) -> None:
        """Ask Sentinel Hub Catalog which days have images for the form's search; they are
        listed in a message and shown in bold in the date pickers' calendars."""
        catalog = self.current_catalog()
        if catalog is None or self.dates_task is not None:
            return
        request = self.build_request()
        request.validate(catalog.url)  # one collection, a date range: said before sending
        http = self._http(catalog)
        if http is None:
            return
        task = dates_task(catalog, request, http)
        task.completed.connect(lambda outcome, t=task: self._dates_loaded(t, outcome))
        self.dates_task = task
        self.form.datesWithDataButton.setEnabled(False)
        QgsApplication.taskManager().addTask(task)

    @guarded
    def _dates_loaded(self, task: WorkflowTask, outcome) -> None:
        if task is not self.dates_task:
            return
        self.dates_task = None
        self.form.datesWithDataButton.setEnabled(True)
        if outcome.error is not None:
            self.show_error(outcome.error)
            return
        self._mark_dates(outcome.dates)
        if not outcome.dates:
            text = tr("No images for this collection, area and dates.")
        else:
            shown = ", ".join(outcome.dates[:12]) + (" …" if len(outcome.dates) > 12 else "")
            text = tr("{n} dates with images (in bold in the calendars): {dates}").format(
                n=len(outcome.dates), dates=shown
            )
        self.message_bar.pushMessage(tr("EO Explorer"), text, Qgis.MessageLevel.Info, 0)

    @guarded
    def select_best_cover(self, *_args) -> None:
        """Select the fewest, least cloudy footprints that cover the search area."""
        layer = self.results_layer
        if layer is None or self.cover_task is not None:
            return
        area = area_geometry(self._searched_area)
        if area is None:
            self.message_bar.pushMessage(
                tr("EO Explorer"),
                tr(
                    "Best cover needs the area of the search: search the map extent, a drawn "
                    "polygon or selected features first."
                ),
                Qgis.MessageLevel.Info,
                8,
            )
            return
        cloud = layer.fields().indexOf("cloud_cover")
        scenes = [
            Scene(f.id(), QgsGeometry(f.geometry()), f[cloud] if cloud >= 0 else None)
            for f in layer.getFeatures()
            if f.hasGeometry()
        ]
        task = WorkflowTask(
            tr("EO Explorer: best cover"),
            lambda progress: best_cover(area, scenes, progress.is_cancelled),
            failed=lambda _error: Cover(),
        )
        task.completed.connect(lambda cover, t=task, on=layer: self._cover_found(t, on, cover))
        self.cover_task = task
        self.form.bestCoverButton.setEnabled(False)
        QgsApplication.taskManager().addTask(task)

    @guarded
    def _cover_found(self, task: WorkflowTask, layer, cover) -> None:
        if task is not self.cover_task:
            return
        self.cover_task = None
        self.form.bestCoverButton.setEnabled(self.results_layer is not None)
        if layer is not self.results_layer or cover.cancelled:
            return
        layer.selectByIds(cover.fids)
        if not cover.fids:
            text = tr("No footprint covers the search area.")
        else:
            text = tr(
                "{n} footprint(s) cover {p} % of the search area (the fewest, least cloudy); "
                "they are selected."
            ).format(n=len(cover.fids), p=f"{100 * cover.covered:.1f}")
        self.message_bar.pushMessage(tr("EO Explorer"), text, Qgis.MessageLevel.Info, 10)

    def _mark_dates(self, dates: list[str]) -> None:
        """Bold, blue days in both calendars; none when ``dates`` is empty."""
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setForeground(QColor(31, 111, 178))
        for editor in (self.form.startDate, self.form.endDate):
            calendar = editor.calendarWidget()
            if calendar is None:
                continue
            calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every date
            for text in dates:
                day = QDate.fromString(text, "yyyy-MM-dd")
                if day.isValid():
                    calendar.setDateTextFormat(day, bold)

    def _save_dates(self, *_args) -> None:
        f = self.form
        end = f.endDate.date()
        settings.set(settings.Key.START_DATE, f.startDate.date().toString("yyyy-MM-dd"))
        settings.set(settings.Key.END_DATE, end.toString("yyyy-MM-dd"))
        settings.set(settings.Key.END_WAS_TODAY, end == QDate.currentDate())
        settings.set(settings.Key.USE_START, f.startCheck.isChecked())
        settings.set(settings.Key.USE_END, f.endCheck.isChecked())

    @guarded
    def _set_form_open(self, is_open: bool) -> None:
        """Show the form, or fold it into a one-line summary (the toggle's text)."""
        f = self.form
        f.formToggle.blockSignals(True)
        f.formToggle.setChecked(is_open)
        f.formToggle.blockSignals(False)
        f.formScroll.setVisible(is_open)
        if not is_open:
            QTimer.singleShot(0, self._table_takes_the_room)
        f.formToggle.setArrowType(Qt.ArrowType.DownArrow if is_open else Qt.ArrowType.RightArrow)
        self._show_summary()

    def _show_summary(self) -> None:
        """The toggle's text: "Search form" while open, else the summary cut to fit."""
        f = self.form
        summary = self.form_summary()
        if f.formToggle.isChecked():
            f.formToggle.setText(tr("Search form"))
            f.formToggle.setToolTip(tr("Hide the search form"))
        else:
            width = max(80, f.formToggle.width() - 30)
            metrics = f.formToggle.fontMetrics()
            f.formToggle.setText(metrics.elidedText(summary, Qt.TextElideMode.ElideRight, width))
            f.formToggle.setToolTip(
                tr("{summary}\nClick to change the search.").format(summary=summary)
            )

    def _table_takes_the_room(self) -> None:
        """The table takes the height the folded form left; the details keep theirs."""
        splitter = self.form.splitter
        total = sum(splitter.sizes())
        if total > 2 * DETAILS_HEIGHT:
            splitter.setSizes([total - DETAILS_HEIGHT, DETAILS_HEIGHT])

    def form_open(self) -> bool:
        return self.form.formScroll.isVisibleTo(self)

    def form_summary(self) -> str:
        """One line: catalog · collections · dates · area."""
        f = self.form
        catalog = self.current_catalog()
        chosen = [c.id for c in self.selected_collections()]
        if not chosen:
            collections = tr("all collections")
        elif len(chosen) <= 2:
            collections = ", ".join(chosen)
        else:
            collections = tr("{first} and {n} more").format(first=chosen[0], n=len(chosen) - 1)
        start = f.startDate.date().toString("yyyy-MM-dd") if f.startCheck.isChecked() else "…"
        end = f.endDate.date().toString("yyyy-MM-dd") if f.endCheck.isChecked() else "…"
        if f.drawnRadio.isChecked():
            area = tr("drawn polygon")
        elif f.selectionRadio.isChecked():
            area = tr("selected features")
        else:
            area = tr("map extent")
        parts = [catalog.title if catalog else "", collections, start + " – " + end, area]
        return " · ".join(p for p in parts if p)

    # -- catalogs and collections -----------------------------------------------------

    def reload_catalogs(self, quiet: bool = False) -> None:
        combo = self.form.catalogCombo
        # ``make run`` starts a sandbox catalog: show it first so a new user can try it.
        first = os.environ.get(settings.SANDBOX_ENV) and "sandbox"
        current = combo.currentData() or first or settings.get(settings.Key.LAST_CATALOG)
        combo.blockSignals(True)
        combo.clear()
        for catalog in settings.catalogs():
            label = catalog.title + (tr(" (account)") if catalog.needs_account else "")
            combo.addItem(label, catalog.id)
            combo.setItemData(combo.count() - 1, catalog.url, Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(current)
        if index < 0:
            index = combo.findData("sandbox")
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        self._catalog_changed(quiet=quiet)

    def current_catalog(self) -> Catalog | None:
        catalog_id = self.form.catalogCombo.currentData()
        for catalog in settings.catalogs():
            if catalog.id == catalog_id:
                return catalog
        return None

    @guarded
    def _catalog_changed(self, *_args, quiet: bool = False) -> None:
        catalog = self.current_catalog()
        if catalog is None:
            return
        settings.set(settings.Key.LAST_CATALOG, catalog.id)
        self.form.datesWithDataButton.setVisible(is_sentinelhub_catalog(catalog.url))
        self._mark_dates([])
        self.message_bar.clearWidgets()
        self.form.searchButton.setEnabled(self.search_task is None)
        if catalog.needs_account and not credentials.authcfg(catalog.account or ""):
            self.form.collectionsList.clear()
            self.form.collectionsStatus.setText(
                tr("{title} needs {account}. Add it under Accounts… to search it.").format(
                    title=catalog.title, account=catalog.account_text()
                )
            )
            self.form.searchButton.setEnabled(False)
            self._offer_accounts(catalog)
            return
        if quiet and credentials.would_ask(catalog.account or f"catalog:{catalog.id}"):
            self.form.collectionsList.clear()
            self.form.collectionsStatus.setText(
                tr(
                    "Press Refresh to read the collections of {title} (QGIS asks for its "
                    "master password first)."
                ).format(title=catalog.title)
            )
            return
        self.load_collections()

    def load_collections(self, force: bool = False, text: str = "") -> None:
        catalog = self.current_catalog()
        if catalog is None:
            return
        if not force and not text and catalog.url in self._collection_cache:
            collections, self._server_search = self._collection_cache[catalog.url]
            self._show_collections(collections, self._server_search)
            return
        if self.collections_task is not None:
            self.collections_task.cancel()
        if not text:
            self._server_search = False
            self.form.collectionsList.clear()
        self.form.collectionsStatus.setText(tr("Reading collections…"))
        http = self._http(catalog)
        if http is None:
            self.form.collectionsStatus.setText(tr("Collections could not be read."))
            return
        task = collections_task(catalog, http, text)
        task.completed.connect(
            lambda outcome, url=catalog.url, t=task: self._collections_loaded(t, url, outcome)
        )
        self.collections_task = task
        QgsApplication.taskManager().addTask(task)

    @guarded
    def _collections_loaded(self, task, url: str, outcome) -> None:
        if task is not self.collections_task:
            return  # superseded, or the dock was shut down meanwhile
        self.collections_task = None
        current = self.current_catalog()
        if current is None or current.url != url:
            return  # the user switched catalogs meanwhile
        if outcome.error is not None:
            self.form.collectionsStatus.setText(tr("Collections could not be read."))
            self.show_error(outcome.error)
            if account_refused(outcome.error):
                self._offer_accounts(current)
            return
        self._filter_supported = outcome.filter_supported
        self._sort_supported = outcome.sort_supported
        self._server_search = outcome.server_search
        if not outcome.text:
            self._collection_cache[url] = (outcome.collections, outcome.server_search)
        self._show_collections(outcome.collections, outcome.server_search)
        if outcome.server_search and not outcome.text and self.form.collectionsFilter.text():
            self._ask_timer.start()

    def _show_collections(self, collections, server_search: bool = False) -> None:
        widget = self.form.collectionsList
        ticked = self.selected_collections() if server_search else []
        ticked_ids = {c.id for c in ticked}
        # what the user ticked stays ticked (and listed) while the catalog answers searches
        collections = ticked + [c for c in collections if c.id not in ticked_ids]
        widget.blockSignals(True)
        widget.clear()
        for info in collections:
            text = (
                info.id if not info.title or info.title == info.id else f"{info.id} — {info.title}"
            )
            item = QListWidgetItem(text)
            item.setData(COLLECTION_ROLE, info)
            item.setToolTip(info.description[:500])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if info.id in ticked_ids else Qt.CheckState.Unchecked
            )
            widget.addItem(item)
        widget.blockSignals(False)
        if server_search:
            self.form.collectionsStatus.setText(
                tr(
                    "{n} collections. Type words (or a filter such as platform='BIOMASS') "
                    "to search the catalog's collections; none ticked searches them all."
                ).format(n=len(collections))
            )
        else:
            self.form.collectionsStatus.setText(
                tr("{n} collections. Tick one or more; none ticked searches them all.").format(
                    n=len(collections)
                )
            )
        self.form.sortCombo.setEnabled(self._sort_supported)
        self.form.filterEdit.setEnabled(self._filter_supported)
        if not self._filter_supported:
            self.form.filterEdit.setPlaceholderText(
                tr("This catalog does not support CQL2 filters")
            )
        if not server_search:
            self._filter_collections(self.form.collectionsFilter.text())
        self._collections_checked()

    @guarded
    def _filter_collections(self, text: str) -> None:
        if self._server_search:
            self._ask_timer.start()  # the catalog searches; ask once typing pauses
            return
        needle = text.strip().lower()
        widget = self.form.collectionsList
        for row in range(widget.count()):
            item = widget.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    @guarded
    def _ask_catalog(self) -> None:
        """Send what was typed to a catalog that searches its collections itself."""
        if self._server_search:
            self.load_collections(force=True, text=self.form.collectionsFilter.text().strip())

    def selected_collections(self) -> list:
        widget = self.form.collectionsList
        return [
            widget.item(r).data(COLLECTION_ROLE)
            for r in range(widget.count())
            if widget.item(r).checkState() == Qt.CheckState.Checked
        ]

    @guarded
    def _collections_checked(self, *_args) -> None:
        """Offer the cloud limit only when a ticked collection has ``eo:cloud_cover``."""
        chosen = self.selected_collections()
        with_cloud = [c for c in chosen if c.has_cloud_cover]
        offered = bool(with_cloud) or not chosen
        for widget in (self.form.cloudCheck, self.form.cloudLabel):
            widget.setEnabled(offered)
        self.form.cloudSpin.setEnabled(offered and self.form.cloudCheck.isChecked())
        self.form.cloudCheck.setToolTip(
            "" if offered else tr("The chosen collections have no eo:cloud_cover property.")
        )

    def _http(self, catalog: Catalog):
        """The catalog's HTTP client with its account, or None after saying what is missing."""
        try:
            return self.http_factory(catalog)
        except EOExplorerError as exc:
            self.show_error(exc)
            self._offer_accounts(catalog)
            return None

    def _offer_accounts(self, catalog: Catalog) -> None:
        """A message bar button that opens the Accounts dialog on the catalog's account."""
        service = catalog.account or f"catalog:{catalog.id}"
        offer_accounts(self.message_bar, service, lambda: self.open_accounts(service))

    @guarded
    def _accounts_for_current(self) -> None:
        catalog = self.current_catalog()
        self.open_accounts((catalog.account or "") if catalog else "")

    @guarded
    def open_accounts(self, service: str = "") -> None:
        from ..common.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.canvas.window(), service, catalogs=settings.catalogs())
        dialog.exec()
        self._collection_cache.clear()
        self._catalog_changed()

    @guarded
    def edit_catalogs(self) -> None:
        from ..common.catalogs_dialog import CatalogsDialog

        dialog = CatalogsDialog(settings.catalogs(), self)
        if dialog.exec():
            settings.save_catalogs(dialog.catalogs())
            self._collection_cache.clear()
            self.reload_catalogs()

    # -- area -------------------------------------------------------------------------

    @guarded
    def _polygon_changed(self) -> None:
        if self.draw_tool.has_polygon():
            self.form.drawnRadio.setChecked(True)

    def search_area(self):
        """The SearchArea chosen in the form (raises ValueError with a sentence)."""
        f = self.form
        context = QgsProject.instance().transformContext()
        canvas_crs = self.canvas.mapSettings().destinationCrs()
        if f.drawnRadio.isChecked():
            geometry = self.draw_tool.geometry()
            if geometry is None:
                raise ValueError(tr("Draw a polygon on the map first (Draw button)."))
            return geometries_area([geometry], canvas_crs, context)
        if f.selectionRadio.isChecked():
            layer = self.layer_combo.currentLayer()
            if layer is None or layer.selectedFeatureCount() == 0:
                raise ValueError(tr("Select one or more polygons in a layer first."))
            geometries = [feature.geometry() for feature in layer.selectedFeatures()]
            return geometries_area(geometries, layer.crs(), context)
        return extent_area(self.canvas.extent(), canvas_crs, context)

    # -- search -----------------------------------------------------------------------

    def build_request(self) -> SearchRequest:
        f = self.form
        cloud = None
        if f.cloudCheck.isEnabled() and f.cloudCheck.isChecked():
            cloud = float(f.cloudSpin.value())
        return SearchRequest(
            collections=[c.id for c in self.selected_collections()],
            area=self.search_area(),
            start=f.startDate.date().toPyDate() if f.startCheck.isChecked() else None,
            end=f.endDate.date().toPyDate() if f.endCheck.isChecked() else None,
            max_cloud_cover=cloud,
            cql2_text=f.filterEdit.text().strip() if f.filterEdit.isEnabled() else "",
            max_items=f.maxItemsSpin.value(),
            page_size=settings.get(settings.Key.PAGE_SIZE),
            # the layer's fields only; an item's assets are read when it is selected
            include_fields=list(FOOTPRINT_FIELDS),
            sort=(f.sortCombo.currentData() or "") if f.sortCombo.isEnabled() else "",
        )

    @guarded
    def start_search(self) -> None:
        catalog = self.current_catalog()
        if catalog is None or self.search_task is not None:
            return
        self.message_bar.clearWidgets()
        try:
            request = self.build_request()
            request.validate(catalog.url)  # with the catalog's own rules (Sentinel Hub)
        except (ValueError, EOExplorerError) as exc:
            self.show_error(exc)
            return
        f = self.form
        settings.set(settings.Key.MAX_ITEMS, f.maxItemsSpin.value())
        settings.set(settings.Key.MAX_CLOUD, f.cloudSpin.value())
        settings.set(settings.Key.USE_CLOUD, f.cloudCheck.isChecked())
        settings.set(settings.Key.SORT, f.sortCombo.currentData() or "")
        self._save_dates()
        self.drawing.stop()
        http = self._http(catalog)
        if http is None:
            return
        task = search_task(catalog, request, http, page_by_page=True)
        task.reported.connect(self._search_progressed)
        task.completed.connect(lambda outcome, t=task: self._search_completed(t, outcome))
        self.search_task = task
        self._search_run = (catalog, request, http)
        name = layers.layer_name(catalog.title, request.collections, request.start, request.end)
        self._feed = layers.FootprintsFeed(
            name,
            lambda layer: self._first_footprints(layer, catalog, request, http),
            self.results.append,
            parent=self,
        )
        f.searchButton.setEnabled(False)
        f.cancelButton.setEnabled(True)
        f.progressBar.setVisible(True)
        f.progressBar.setValue(0)
        self.results.order = request.sort
        f.statusLabel.setText(tr("Searching {title}…").format(title=catalog.title))
        QgsApplication.taskManager().addTask(task)

    @guarded
    def cancel_search(self) -> None:
        if self.search_task is not None:
            self.form.statusLabel.setText(tr("Cancelling…"))
            self.search_task.cancel()

    @guarded
    def _search_progressed(self, snapshot: SearchProgress) -> None:
        text = tr("{count} items from {pages} page(s)").format(
            count=snapshot.count, pages=snapshot.pages
        )
        if snapshot.number_matched is not None:
            text += tr(" — {matched} match in the catalog").format(matched=snapshot.number_matched)
        self.form.statusLabel.setText(text)
        self.form.progressBar.setValue(int(snapshot.percent))
        if snapshot.features and self._feed is not None:
            # the layer is made with the first page
            self._feed.put(snapshot.features, snapshot.rows)

    def _first_footprints(self, layer: QgsVectorLayer, catalog, request, http) -> None:
        """The first page with footprints: its layer becomes the results (the table, Best
        cover, the details and the Assets tab work on what has arrived so far)."""
        self.set_results_layer(layer, catalog, http)
        self._searched_area = request.area
        self._set_form_open(False)  # the results are the main thing now

    @guarded
    def _search_completed(self, task: WorkflowTask, outcome) -> None:
        if task is not self.search_task or self._search_run is None:
            return
        self.search_task = None
        self.form.cancelButton.setEnabled(False)
        feed = self._feed
        if feed is None:
            self._search_finished(outcome)
        else:  # the last pages may still be going into the layer
            feed.finish(lambda: self._search_finished(outcome))

    @guarded
    def _search_finished(self, outcome) -> None:
        """The search task is over and every footprint it sent is in the layer."""
        if self._search_run is None:
            return
        catalog, _request, http = self._search_run
        feed, self._feed = self._feed, None
        self._search_run = None
        f = self.form
        f.searchButton.setEnabled(True)
        f.progressBar.setVisible(False)
        if feed is not None:
            outcome.kept = feed.added  # what is on the map, whatever stopped the search
        for method, url, payload in outcome.requests:
            log.info(f"{method} {url} {payload!r}"[:2000])
        if feed is None or feed.layer is None:
            http.close()  # no results keep it for their assets
        else:
            self.results.fit_columns()
        if outcome.error is not None:
            if outcome.count:
                f.statusLabel.setText(
                    tr(
                        "The search failed after {count} items from {pages} page(s); they "
                        "stay on the map."
                    ).format(count=_count(outcome.count), pages=outcome.pages)
                )
            else:
                f.statusLabel.setText(tr("The search failed."))
            self.show_error(outcome.error)
            if account_refused(outcome.error):
                self._offer_accounts(catalog)
            self.searchFinished.emit(outcome)
            return
        self._report(outcome)
        self.searchFinished.emit(outcome)

    def _report(self, outcome) -> None:
        self._last_outcome = outcome
        self.form.statusLabel.setText(status_text(outcome, self.results.order))
        if outcome.count == 0 and not outcome.cancelled:
            self.message_bar.pushMessage(
                tr("No items match this search."), Qgis.MessageLevel.Info, 5
            )
        if outcome.cloud_filter_local:
            self.message_bar.pushMessage(
                tr(
                    "This catalog cannot filter by cloud cover; EO Explorer dropped {n} cloudier "
                    "items itself."
                ).format(n=outcome.filtered_locally),
                Qgis.MessageLevel.Info,
                8,
            )
        if outcome.rejected:
            first = "; ".join(str(r) for r in outcome.rejected[:3])
            self.message_bar.pushMessage(
                tr("{n} items could not be drawn and were left out").format(
                    n=len(outcome.rejected)
                ),
                first,
                Qgis.MessageLevel.Warning,
                0,
            )
            for rejected in outcome.rejected:
                log.warning(f"Item left out: {rejected}")

    @guarded
    def _user_sorted(self) -> None:
        """A column heading was clicked: the rows no longer follow the catalog's order."""
        if self._last_outcome is not None:
            self.form.statusLabel.setText(status_text(self._last_outcome))

    def set_results_layer(self, layer: QgsVectorLayer | None, catalog=None, http=None) -> None:
        if self.results_http is not None and self.results_http is not http:
            self.results_http.close()  # the previous search's connections
        self.results_layer = layer
        self.results_catalog = catalog
        self.results_http = http
        self.results.set_layer(layer)
        self.form.bestCoverButton.setEnabled(layer is not None)
        self.quicklooks.set_layer(layer)
        self.form.detailsBrowser.clear()

    def _layer_removed(self, layer_id: str) -> None:
        feed = self._feed
        if feed is not None and feed.layer is not None:
            try:
                filling = feed.layer.id() == layer_id
            except RuntimeError:
                filling = True
            if filling:  # removed while the search fills it: nothing more to show it in
                feed.stop()
                if self.search_task is not None:
                    self.search_task.cancel()
        if self.results_layer is not None:
            try:
                same = self.results_layer.id() == layer_id
            except RuntimeError:
                same = True
            if same:
                self.results_layer = None
                self.results.layer = None
                self.results.set_layer(None)

    # -- results ----------------------------------------------------------------------

    def zoom_to_feature(self, fid: int) -> None:
        layer = self.results_layer
        if layer is None:
            return
        feature = layer.getFeature(fid)
        if not feature.hasGeometry():
            return
        transform = QgsCoordinateTransform(
            layer.crs(), self.canvas.mapSettings().destinationCrs(), QgsProject.instance()
        )
        try:
            extent = transform.transformBoundingBox(feature.geometry().boundingBox())
        except Exception:  # noqa: BLE001 - footprint outside the canvas CRS's domain
            return
        extent.scale(1.2)
        self.canvas.setExtent(extent)
        self.canvas.refresh()

    def show_details(self, fid, fetch: bool = True) -> None:
        """The details (and thumbnail) of the current item, the assets of all selected.

        Items cut down by the Fields extension are read whole in a task first (then
        shown again, ``fetch=False``)."""
        layer = self.results_layer
        self._details_fid = fid
        if fid is None or layer is None:
            self.whole_items.cancel()
            self.form.detailsBrowser.clear()
            self.thumbnails.clear()
            self.assets.show_items([], self.results_catalog, self.results_http)
            return
        feature = layer.getFeature(fid)
        self.form.detailsBrowser.setHtml(item_html(feature["item_json"]))
        self.thumbnails.show(feature["thumbnail"], self.results_catalog, self.results_http)
        selected = layer.selectedFeatureIds() or [fid]
        # Every selection change re-reads the items on this (GUI) thread: keep it bounded.
        shown = sorted(selected)[:MAX_ASSET_ITEMS]
        items = items_by_fid(layer, shown if fid in shown else [*shown, fid])
        self.assets.show_items(
            [items[i] for i in shown if i in items], self.results_catalog, self.results_http
        )
        if fetch and self.whole_items.load(layer, items, self.results_http):
            self.assets.form.downloadStatus.setText(tr("Reading the items' assets…"))
        elif len(selected) > len(shown):
            self.assets.form.downloadStatus.setText(
                tr("Assets of the first {n} of {total} selected items.").format(
                    n=len(shown), total=len(selected)
                )
            )

    def _whole_items_loaded(self, errors: list[str]) -> None:
        if self.results_layer is None:
            return
        self.show_details(self._details_fid, fetch=False)
        if errors:
            self.assets.form.downloadStatus.setText(
                tr("{n} item(s) could not be read whole: {first}").format(
                    n=len(errors), first=errors[0]
                )
            )

    # -- messages ---------------------------------------------------------------------

    def show_error(self, error: Exception) -> None:
        show_error_in(self.message_bar, error)

    # -- lifetime ---------------------------------------------------------------------

    def shutdown(self) -> None:
        """Cancel tasks, remove the map tool and rubber band, disconnect project signals."""
        for task in (self.search_task, self.collections_task, self.dates_task, self.cover_task):
            if task is not None:
                try:
                    task.cancel()
                    task.completed.disconnect()
                except (RuntimeError, TypeError, AttributeError):
                    pass  # already finished and deleted by the task manager
        self.search_task = None
        self._search_run = None
        if self._feed is not None:
            self._feed.stop()
            self._feed = None
        self.collections_task = None
        self.dates_task = None
        self.cover_task = None
        self._ask_timer.stop()
        self.whole_items.cancel()
        self.assets.cancel()
        self.thumbnails.cancel()
        self.quicklooks.shutdown()
        self.drawing.shutdown()
        try:
            QgsProject.instance().layerWillBeRemoved.disconnect(self._layer_removed)
        except TypeError:
            pass
        self.results.set_layer(None)
        if self.results_http is not None:
            self.results_http.close()
            self.results_http = None


def _count(n: int) -> str:
    return f"{n:,}"


#: what the sort keys of api.search.SORT_ORDERS look like in the status line
def _order_text(order: str) -> str:
    return {
        "newest": tr("newest first"),
        "oldest": tr("oldest first"),
        "least-cloudy": tr("least cloudy first"),
    }.get(order, "")


def status_text(outcome, order: str = "") -> str:
    """The status line after a search: how many items, whether the maximum cut the search
    short (and how to see more), and the order of the rows."""
    shown = _count(outcome.count)
    if outcome.limited and outcome.number_matched is not None:
        text = tr("{shown} of {matched} — raise Max. items to see more.").format(
            shown=shown, matched=_count(outcome.number_matched)
        )
    elif outcome.limited:
        text = tr("{shown} shown, more available — raise Max. items to see more.").format(
            shown=shown
        )
    else:
        text = tr("{count} items on the map from {pages} page(s).").format(
            count=shown, pages=outcome.pages
        )
        if outcome.number_matched is not None and outcome.number_matched != outcome.count:
            text += " " + tr("The catalog has {n} matches.").format(
                n=_count(outcome.number_matched)
            )
    if outcome.cancelled:
        text = tr("Cancelled: ") + text
    if outcome.count > 1 and _order_text(order):
        text += " " + tr("Rows in the catalog's order ({order}).").format(order=_order_text(order))
    return text


def _icon(name: str):
    from qgis.PyQt.QtGui import QIcon

    return QIcon(str(Path(__file__).resolve().parents[3] / "resources" / "icons" / name))
