"""The "Batch requests" table of the Batch engine: the account's batch requests, their
states, and what can be done with them (Refresh, Start, Stop, Load mosaic)."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...api.batch_process import BatchRequest

REQUEST_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("State", "Tiles", "Cost (PU)", "Created", "Request")
STATE_COLUMN = 0


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


class BatchRequestsTable(QWidget):
    """A table of :class:`BatchRequest` and its buttons; the engine connects the buttons."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.requests: list[BatchRequest] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Batch requests of the account"), self))
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("batchRequestsTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(140)
        layout.addWidget(self.table)
        buttons = QGridLayout()  # two rows: the dock may be narrow
        self.refresh_button = QPushButton(tr("Refresh"), self)
        self.start_button = QPushButton(tr("Start…"), self)
        self.stop_button = QPushButton(tr("Stop"), self)
        self.mosaic_button = QPushButton(tr("Load mosaic"), self)
        self.restart_button = QPushButton(tr("Restart failed tiles"), self)
        for n, button in enumerate(
            (self.refresh_button, self.start_button, self.stop_button, self.mosaic_button,
             self.restart_button)
        ):  # fmt: skip
            buttons.addWidget(button, n // 2, n % 2)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.update_buttons()

    def fill(self, requests: list[BatchRequest]) -> None:
        chosen = self.selected()
        self.requests = list(requests)
        self.table.setRowCount(len(self.requests))
        for row, request in enumerate(self.requests):
            tiles = "" if request.tile_count is None else str(request.tile_count)
            cost = "" if request.value_estimate is None else f"{request.value_estimate:.4g}"
            created = request.created[:16].replace("T", " ")
            values = (request.status, tiles, cost, created, request.description or request.id)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(REQUEST_ROLE, request.id)
                item.setToolTip(f"{request.id}\n{request.sentence()}")
                self.table.setItem(row, column, item)
            if chosen is not None and request.id == chosen.id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.update_buttons()

    def selected(self) -> Optional[BatchRequest]:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows:
            return None
        row = min(rows)
        return self.requests[row] if row < len(self.requests) else None

    def select(self, request_id: str) -> None:
        for row, request in enumerate(self.requests):
            if request.id == request_id:
                self.table.selectRow(row)

    def row_of(self, request_id: str) -> int:
        return next((i for i, r in enumerate(self.requests) if r.id == request_id), -1)

    def update_buttons(self) -> None:
        request = self.selected()
        status = request.status if request else ""
        self.start_button.setEnabled(status in ("CREATED", "ANALYSIS_DONE"))
        self.stop_button.setEnabled(bool(request) and not request.ended)  # type: ignore[union-attr]
        self.mosaic_button.setEnabled(bool(request) and request.has_results)  # type: ignore[union-attr]
        self.restart_button.setEnabled(status == "PARTIAL")
