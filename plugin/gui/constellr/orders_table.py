"""The Orders tab: every order of the workspace, newest first, refreshed in the background
and on demand; details, tags, delete; and which orders changed state since the last look
(a ● in the table and on the tab, and a message in the bar)."""

from __future__ import annotations

import html
import json
from datetime import datetime
from pathlib import Path
from typing import Optional

from qgis.core import Qgis
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import QTableWidgetItem, QWidget

from ...api.constellr import NotDeletable, Order
from ...api.constellr_rules import OrderInvalid
from ...core import settings
from ..common.slots import guarded
from .order_form import split_tags

FORM, _ = uic.loadUiType(str(Path(__file__).resolve().parents[3] / "ui" / "constellr_orders.ui"))
ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
#: Last seen state of each order (order id -> state), so changes show after a restart too.
BADGE = "● "
#: Minutes between background refreshes of the order list (the dock's timer).
REFRESH_MINUTES = 3


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


def _date(value: Optional[datetime]) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def load_seen() -> dict[str, str]:
    try:
        data = json.loads(settings.get(settings.Key.CONSTELLR_ORDER_STATES) or "{}")
    except (TypeError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


class OrdersPanel(QWidget):
    refreshed = pyqtSignal(object)  # list[Order], after each refresh (tests, scripting)

    def __init__(self, dock, parent=None) -> None:
        super().__init__(parent)
        self.dock = dock
        self.form = FORM()
        self.form.setupUi(self)
        self.orders: list[Order] = []
        #: orders whose state changed and that the user has not looked at yet
        self.changed: dict[str, str] = {}
        self.task = None
        f = self.form
        f.refreshOrdersButton.clicked.connect(self.refresh)
        f.ordersTable.itemSelectionChanged.connect(self._selection_changed)
        f.saveTagsButton.clicked.connect(self.save_tags)
        f.deleteOrderButton.clicked.connect(self.delete)
        f.deliveriesButton.clicked.connect(self.deliveries)
        f.splitter.setSizes([300, 140])

    # -- refreshing -------------------------------------------------------------------

    @guarded
    def refresh(self, *_args, background: bool = False) -> None:
        if self.task is not None:
            return
        if not background:
            self.form.refreshedLabel.setText(tr("Reading the orders…"))
        self.task = self.dock.run(
            tr("Constellr orders"),
            lambda client, cancelled: client.orders(cancelled),
            self._loaded,
        )

    def _loaded(self, outcome) -> bool:
        self.task = None
        if outcome.error is not None or outcome.value is None:
            self.form.refreshedLabel.setText(tr("The orders could not be read."))
            return False
        orders: list[Order] = outcome.value
        seen = load_seen()
        news = []
        for order in orders:
            before = seen.get(order.id)
            if before is not None and before != order.state:
                self.changed[order.id] = before
                news.append(order)
        settings.set(
            settings.Key.CONSTELLR_ORDER_STATES, json.dumps({o.id: o.state for o in orders})
        )
        self.orders = orders
        self._fill()
        now = datetime.now().strftime("%H:%M")
        self.form.refreshedLabel.setText(
            tr("{n} order(s), read at {time}; read again every {m} minutes.").format(
                n=len(orders), time=now, m=REFRESH_MINUTES
            )
        )
        self.dock.set_orders_badge(len(self.changed))
        if news:
            words = "; ".join(
                f"{self.dock.area_name(o.area_of_interest_id)} · {o.product_name}: "
                f"{o.state_text}" + (f" ({o.rejection_reason})" if o.rejection_reason else "")
                for o in news[:5]
            )
            more = len(news) - 5
            self.dock.show_info(
                tr("{n} order(s) changed state: {what}").format(n=len(news), what=words)
                + (tr(" and {n} more.").format(n=more) if more > 0 else "."),
                Qgis.MessageLevel.Success,
                0,
            )
        self.refreshed.emit(orders)
        return True

    def _fill(self) -> None:
        table = self.form.ordersTable
        selected = self.selected()
        table.blockSignals(True)
        table.setRowCount(0)
        for order in self.orders:
            row = table.rowCount()
            table.insertRow(row)
            changed = order.id in self.changed
            cells = [
                (BADGE if changed else "") + order.state_text,
                order.product_name,
                self.dock.area_name(order.area_of_interest_id),
                _date(order.start_date),
                _date(order.end_date),
                order.rejection_reason or "",
                ", ".join(order.tag_names),
                order.created.strftime("%Y-%m-%d %H:%M") if order.created else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ORDER_ROLE, order)
                if changed:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(
                        tr("Was {before} at the last look.").format(before=self.changed[order.id])
                    )
                table.setItem(row, column, item)
            if selected is not None and selected.id == order.id:
                table.selectRow(row)
        table.blockSignals(False)
        table.resizeColumnsToContents()
        self._selection_changed()

    def looked_at(self) -> None:
        """The user opened the Orders tab: the changes are seen (the badges go)."""
        if self.changed:
            self.changed.clear()
            self.dock.set_orders_badge(0)
            self._fill()

    # -- the selected order -----------------------------------------------------------

    def selected(self) -> Optional[Order]:
        rows = self.form.ordersTable.selectionModel().selectedRows()
        if not rows:
            return None
        return self.form.ordersTable.item(rows[0].row(), 0).data(ORDER_ROLE)

    def select(self, order_id: str) -> None:
        table = self.form.ordersTable
        for row in range(table.rowCount()):
            if table.item(row, 0).data(ORDER_ROLE).id == order_id:
                table.selectRow(row)

    @guarded
    def _selection_changed(self, *_args) -> None:
        f = self.form
        order = self.selected()
        f.tagsError.setVisible(False)
        f.saveTagsButton.setEnabled(order is not None)
        f.deleteOrderButton.setEnabled(order is not None)
        f.deliveriesButton.setEnabled(order is not None)
        if order is None:
            f.detailBrowser.clear()
            f.tagsEdit.clear()
            return
        f.tagsEdit.setText(", ".join(order.tag_names))
        f.deleteOrderButton.setToolTip(
            "" if order.deletable else tr("Only orders waiting for validation or rejected.")
        )
        f.detailBrowser.setHtml(self.detail_html(order))

    def detail_html(self, order: Order) -> str:
        rows = [
            (tr("Order"), order.id),
            (tr("State"), order.state_text),
            (tr("Rejection reason"), order.rejection_reason or ""),
            (tr("Product"), order.product_name),
            (tr("Area"), f"{self.dock.area_name(order.area_of_interest_id)}"),
            (tr("Start"), order.start_date.strftime("%Y-%m-%d %H:%M UTC")),
            (tr("End"), order.end_date.strftime("%Y-%m-%d %H:%M UTC")),
            (tr("Frequency"), order.frequency.replace("_", " ")),
            (tr("Illumination"), order.illumination_constraint or tr("day or night")),
            (tr("Max. images"), str(order.maximum_number_of_images or "")),
            (tr("Tags"), ", ".join(order.tag_names)),
            (tr("Comment"), order.comment or ""),
            (tr("Created"), order.created.strftime("%Y-%m-%d %H:%M UTC") if order.created else ""),
        ]
        cells = "".join(
            f"<tr><th align='left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
            for k, v in rows
            if v
        )
        return f"<table cellspacing='2'>{cells}</table>"

    @guarded
    def save_tags(self, *_args) -> None:
        order = self.selected()
        if order is None:
            return
        tags = split_tags(self.form.tagsEdit.text())
        self.dock.run(
            tr("edit the tags of an order"),
            lambda client, _cancelled: client.set_tags(order.id, tags),
            self._tags_saved,
        )

    def _tags_saved(self, outcome) -> bool:
        f = self.form
        if isinstance(outcome.error, OrderInvalid):
            f.tagsError.setText(" ".join(outcome.error.errors.get("tags", [str(outcome.error)])))
            f.tagsError.setVisible(True)
            return True
        if outcome.error is not None:
            return False
        self._replace(outcome.value)
        f.ordersStatus.setText(tr("Tags saved."))
        return True

    def _replace(self, order: Order) -> None:
        self.orders = [order if o.id == order.id else o for o in self.orders]
        self._fill()
        self.select(order.id)

    @guarded
    def delete(self, *_args) -> None:
        order = self.selected()
        if order is None:
            return
        if not order.deletable:
            self.form.ordersStatus.setText(str(NotDeletable(_why(order))))
            return
        question = tr("Delete the {product} order for {area}?").format(
            product=order.product_name, area=self.dock.area_name(order.area_of_interest_id)
        )
        if not self.dock.confirm(question):
            return
        self.dock.run(
            tr("delete an order"),
            lambda client, _cancelled: client.delete_order(order),
            lambda outcome: self._deleted(order, outcome),
        )

    def _deleted(self, order: Order, outcome) -> bool:
        if outcome.error is not None:
            self.form.ordersStatus.setText(str(outcome.error))
            return False
        self.orders = [o for o in self.orders if o.id != order.id]
        self._fill()
        self.form.ordersStatus.setText(tr("The order was deleted."))
        return True

    @guarded
    def deliveries(self, *_args) -> None:
        order = self.selected()
        if order is None:
            return
        title = f"{self.dock.area_name(order.area_of_interest_id)} · {order.product_name}"
        self.dock.deliveries.show_for(order=order, title=title)


def _why(order: Order) -> str:
    return tr(
        "Constellr lets you delete only orders waiting for validation or rejected; this one "
        "is {state}."
    ).format(state=order.state_text)
