"""The "EO Explorer Constellr" action (toolbar and Web menu) and its dock.

Kept apart from :mod:`plugin.main` so the plugin shell only creates and removes it. It
imports no third-party package at load: the dock is imported when first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .. import log

ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "constellr.svg"


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


class ConstellrEntry:
    """``missing()`` lists missing dependencies; ``on_installed`` runs after installing."""

    def __init__(self, iface, menu: str, missing: Callable[[], list], on_installed) -> None:
        self.iface = iface
        self.menu = menu
        self.missing = missing
        self.on_installed = on_installed
        self.action: Optional[QAction] = None
        self.dock = None

    def add(self) -> None:
        action = QAction(QIcon(str(ICON)), tr("EO Explorer Constellr"), self.iface.mainWindow())
        action.setObjectName("EOExplorerConstellrAction")
        action.setCheckable(True)
        action.setToolTip(tr("Constellr: areas of interest, tasking orders and delivered LST"))
        action.toggled.connect(self._toggle)
        self.iface.addToolBarIcon(action)
        self.iface.addPluginToWebMenu(self.menu, action)
        self.action = action

    def remove(self) -> None:
        if self.action is not None:
            self.iface.removePluginWebMenu(self.menu, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.dock is not None:
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None

    def _toggle(self, visible: bool) -> None:
        try:
            self._show(visible)
        except Exception as exc:  # noqa: BLE001 - a slot must never take QGIS down
            log.error(f"The Constellr dock could not be opened: {exc!r}")

    def _show(self, visible: bool) -> None:
        missing = self.missing()
        if missing:
            from ..dependencies import notify_missing

            notify_missing(self.iface, missing, self.on_installed)
            if self.action is not None:
                self.action.setChecked(False)
            return
        if self.dock is None:
            if not visible:
                return
            try:
                from .constellr_dock import ConstellrDock

                self.dock = ConstellrDock(self.iface, parent=self.iface.mainWindow())
            except Exception as exc:  # noqa: BLE001 - report, never take QGIS down
                log.error(f"The Constellr dock could not be created: {exc!r}")
                self.iface.messageBar().pushCritical(
                    tr("EO Explorer"), tr("The Constellr dock could not be opened; see the log.")
                )
                if self.action is not None:
                    self.action.setChecked(False)
                return
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            if self.action is not None:
                self.dock.visibilityChanged.connect(self.action.setChecked)
        self.dock.setVisible(visible)
