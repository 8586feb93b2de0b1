"""A dock widget that says when the user closes it.

Each dock is reopened at start when the user left it open. Only what the user does
counts: QGIS hides every dock while it shuts down, so ``visibilityChanged`` cannot tell;
the dock's own close button (X) sends a close event, which is what this reports.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QDockWidget


class ClosableDock(QDockWidget):
    closedByUser = pyqtSignal()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.closedByUser.emit()
        super().closeEvent(event)
