"""The Constellr dock: areas of interest, a new order, the orders and their deliveries.

The dock is the shell: the Constellr client (the account's key, the API URL from the
Constellr catalog entry), background tasks, the message bar, the periodic refresh of the
orders. Each tab is its own widget: :mod:`constellr_areas`, :mod:`order_form`,
:mod:`orders_table`, :mod:`deliveries_panel`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsMessageBar
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QMessageBox, QSizePolicy, QWidget

from ...api.errors import EOExplorerError
from ...constellr.client import api_base_url, api_catalog, open_client
from ...constellr.workflow import Outcome, Reference, load_reference, run_job
from ...core import credentials
from ...core.tasks import Progress, WorkflowTask
from ..common.closable_dock import ClosableDock
from ..common.messages import account_refused, offer_accounts
from ..common.messages import show_error as show_error_in
from ..common.slots import guarded
from .areas import AreasPanel
from .deliveries import DeliveriesPanel
from .order_form import OrderForm
from .orders_table import REFRESH_MINUTES, OrdersPanel

FORM, _ = uic.loadUiType(str(Path(__file__).resolve().parents[3] / "ui" / "constellr_dock.ui"))


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


class ConstellrDock(ClosableDock):
    """Gathers what the user wants, runs it in tasks, shows the answers."""

    referenceLoaded = pyqtSignal(object)  # a constellr.workflow.Reference (tests, scripting)

    def __init__(self, iface, parent=None, client_factory: Callable[[], Any] = open_client):
        super().__init__(tr("EO Explorer – Constellr"), parent)
        self.setObjectName("EOExplorerConstellrDock")
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.client_factory = client_factory
        #: how the dock asks a yes/no question (tests replace it)
        self.confirm: Callable[[str], bool] = self._ask
        self.tasks: set[WorkflowTask] = set()
        self.reference = Reference()
        self._closed = False
        self.form = FORM()
        body = QWidget(self)
        self.form.setupUi(body)
        self.setWidget(body)
        self.message_bar = QgsMessageBar(body)
        self.message_bar.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.form.messageBarHolder.addWidget(self.message_bar)
        f = self.form
        self.areas = AreasPanel(self, f.areasTab)
        f.areasHolder.addWidget(self.areas)
        self.order_form = OrderForm(self, f.orderTab)
        f.orderHolder.addWidget(self.order_form)
        self.orders = OrdersPanel(self, f.ordersTab)
        f.ordersHolder.addWidget(self.orders)
        self.deliveries = DeliveriesPanel(self, f.deliveriesTab)
        f.deliveriesHolder.addWidget(self.deliveries)
        f.refreshButton.clicked.connect(self.refresh)
        f.accountsButton.clicked.connect(self.open_accounts)
        f.tabs.currentChanged.connect(self._tab_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MINUTES * 60 * 1000)
        self.timer.timeout.connect(self._refresh_in_background)
        self.timer.start()
        # Opening the dock (at start-up too) asks for nothing: with the authentication
        # database locked, reading the account waits for Refresh.
        if self._would_ask():
            self.show_info(
                tr(
                    "Press Refresh to read your Constellr areas and orders (QGIS asks for "
                    "its master password first)."
                ),
                seconds=0,
            )
        else:
            self.refresh()

    @staticmethod
    def _would_ask() -> bool:
        catalog = api_catalog()
        return credentials.would_ask(catalog.account or f"catalog:{catalog.id}")

    # -- the client and tasks ---------------------------------------------------------

    def client(self):
        """The Constellr client, or None after saying what is missing (main thread)."""
        try:
            client = self.client_factory()
        except EOExplorerError as exc:
            self.show_error(exc)
            self.offer_accounts()
            return None
        self.form.apiLabel.setText(
            tr("Constellr API: {url}").format(url=getattr(client, "base_url", ""))
        )
        return client

    def run(
        self,
        description: str,
        work: Callable[[Any, Callable[[], bool]], Any],
        done: Callable[[Outcome], object],  # what it returns is not used
        client=None,
        workflow: Optional[Callable[[Any, Progress], Any]] = None,
        reported: Optional[Callable[[Any], None]] = None,
    ) -> Optional[WorkflowTask]:
        """Run ``work(client, is_cancelled)`` in a task; ``done(outcome)`` on the main thread.

        ``done`` sees errors too; unless it returns True, an error is shown in the bar. A
        ``workflow(client, progress)`` (then ``work`` is None) returns its own outcome, which
        ``done`` gets as ``Outcome.value``; ``reported`` gets its progress snapshots.
        """
        client = client or self.client()
        if client is None:
            return None
        if workflow is not None:

            def job(progress: Progress) -> Outcome:
                return Outcome(value=workflow(client, progress))
        else:

            def job(progress: Progress) -> Outcome:
                return run_job(lambda cancelled: work(client, cancelled), progress)

        task = WorkflowTask(
            tr("EO Explorer: {what}").format(what=description),
            job,
            failed=lambda error: Outcome(error=error),
            succeeded=lambda outcome: (
                not (outcome.error or outcome.cancelled or getattr(outcome.value, "error", None))
            ),
        )
        if reported is not None:
            task.reported.connect(reported)
        task.completed.connect(lambda outcome, t=task: self._finished(t, outcome, done))
        self.tasks.add(task)
        QgsApplication.taskManager().addTask(task)
        return task

    @guarded
    def _finished(self, task: WorkflowTask, outcome: Outcome, done) -> None:
        self.tasks.discard(task)
        if self._closed:
            return  # the dock was shut down meanwhile
        handled = done(outcome)
        if outcome.error is not None and not handled:
            self.show_error(outcome.error)

    @property
    def busy(self) -> bool:
        return bool(self.tasks)

    # -- refreshing -------------------------------------------------------------------

    @guarded
    def refresh(self, *_args) -> None:
        """Products, use cases and areas, then the orders."""
        self.form.apiLabel.setText(tr("Constellr API: {url}").format(url=api_base_url()))
        self.run(tr("Constellr products and areas"), load_reference, self._reference_loaded)

    def _reference_loaded(self, outcome: Outcome) -> bool:
        if outcome.error is not None:
            self.show_error(outcome.error)
            if account_refused(outcome.error):
                self.offer_accounts()
            return True
        if outcome.value is None:
            return True
        self.reference = outcome.value
        self.areas.show_areas(self.reference.areas)
        self.order_form.set_reference(self.reference)
        self.orders.refresh()
        self.referenceLoaded.emit(self.reference)
        return True

    @guarded
    def _refresh_in_background(self, *_args) -> None:
        if self.isVisible() and not self._would_ask():
            self.orders.refresh(background=True)

    def area(self, area_id: str):
        """The listed area of interest with this id, or None."""
        for area in self.reference.areas:
            if area.id == area_id:
                return area
        return None

    def area_name(self, area_id: str) -> str:
        area = self.area(area_id)
        return area.name if area is not None else area_id

    def area_created(self, area) -> None:
        """A new AOI: listed, on the map and ticked in the order form."""
        self.reference.areas = sorted(
            [*self.reference.areas, area], key=lambda a: (a.name.lower(), a.name)
        )
        self.areas.show_areas(self.reference.areas)
        self.order_form.set_reference(self.reference, tick=[area.id])

    def area_deleted(self, area_id: str) -> None:
        self.reference.areas = [a for a in self.reference.areas if a.id != area_id]
        self.areas.show_areas(self.reference.areas)
        self.order_form.set_reference(self.reference)

    @guarded
    def _tab_changed(self, index: int) -> None:
        if self.form.tabs.widget(index) is self.form.ordersTab:
            self.orders.looked_at()

    def show_tab(self, name: str) -> None:
        tab = getattr(self.form, name)
        self.form.tabs.setCurrentWidget(tab)

    def set_orders_badge(self, changed: int) -> None:
        index = self.form.tabs.indexOf(self.form.ordersTab)
        text = tr("Orders") + (f" ● {changed}" if changed else "")
        self.form.tabs.setTabText(index, text)

    # -- messages ---------------------------------------------------------------------

    def show_error(self, error: Exception) -> None:
        show_error_in(self.message_bar, error, tr("Constellr"))

    def show_info(self, text: str, level=Qgis.MessageLevel.Info, seconds: int = 8) -> None:
        self.message_bar.pushMessage(tr("Constellr"), text, level, seconds)

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            tr("EO Explorer – Constellr"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # what is asked costs money or cannot be undone
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer_accounts(self) -> None:
        offer_accounts(self.message_bar, "constellr", self.open_accounts, tr("Constellr"))

    @guarded
    def open_accounts(self, *_args) -> None:
        from ...core import settings
        from ..common.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.canvas.window(), "constellr", catalogs=settings.catalogs())
        dialog.exec()
        self.message_bar.clearWidgets()
        self.refresh()

    # -- lifetime ---------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the timer, cancel tasks, remove the map tool and what the panels hold."""
        self._closed = True
        self.timer.stop()
        for task in list(self.tasks):
            try:
                task.cancel()
                task.completed.disconnect()
                task.reported.disconnect()  # last: raises when nothing listens
            except (RuntimeError, TypeError):
                pass  # already finished and deleted by the task manager
        self.tasks.clear()
        self.areas.shutdown()
        self.deliveries.shutdown()


__all__ = ["ConstellrDock", "api_catalog"]
