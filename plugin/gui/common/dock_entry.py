"""A toolbar/Web-menu action that opens a dock, created on first use, opened again at start
when the user left it open, and removed on unload.

The Search, Process and Constellr docks each have one (``gui/<feature>/entry.py``); they
import nothing heavy until the dock is first opened, so the plugin shell only creates and
removes them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QDockWidget

from ...core import log, settings

ICONS = Path(__file__).resolve().parents[3] / "resources" / "icons"


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


def show_state(action: Optional[QAction], shown: bool) -> None:
    """The action follows its dock without acting on it: a dock whose tab goes behind
    another (hidden, not closed) stays in its tab; the action then brings it to the front."""
    if action is None:
        return  # the plugin is unloading
    try:
        action.blockSignals(True)
        action.setChecked(shown)
        action.blockSignals(False)
    except RuntimeError:
        pass  # the action was deleted (unloading)


class DockEntry:
    """``missing()`` lists missing dependencies; ``on_installed`` runs after installing.

    Subclasses set ``name`` (e.g. "Process"), ``icon`` (a file in resources/icons),
    ``tooltip``, and ``make_dock(iface, parent)``.
    """

    name = ""
    icon = ""
    tooltip = ""

    def __init__(self, iface, menu: str, missing: Callable[[], list], on_installed) -> None:
        self.iface = iface
        self.menu = menu
        self.missing = missing
        self.on_installed = on_installed
        self.action: Optional[QAction] = None
        self.dock: Any = None

    def make_dock(self, iface, parent):  # pragma: no cover - subclasses say which dock
        raise NotImplementedError

    def created(self, dock) -> None:
        """Called once the new dock is in the main window (nothing to do by default)."""

    @property
    def open_key(self) -> str:
        """The setting that remembers whether the user left the dock open."""
        return settings.dock_open_key(self.name)

    def restore(self) -> None:
        """Open the dock at start when the user left it open (a new user: the key's
        default in core/settings.py, open for the Search dock only)."""
        if settings.get(self.open_key) and self.action:
            self.action.setChecked(True)

    def _remember(self, visible: bool) -> None:
        if not self.missing():  # a dock that cannot open is not left open
            settings.set(self.open_key, bool(visible))

    def add(self) -> None:
        title = tr("EO Explorer {name}").format(name=self.name)
        action = QAction(QIcon(str(ICONS / self.icon)), title, self.iface.mainWindow())
        action.setObjectName(f"EOExplorer{self.name}Action")
        action.setCheckable(True)
        action.setToolTip(self.tooltip)
        action.toggled.connect(self._toggle)
        # Only what the user does is remembered (QGIS hides docks while it shuts down).
        action.triggered.connect(self._remember)
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
            log.error(f"The {self.name} dock could not be opened: {exc!r}")

    def _show(self, visible: bool) -> None:
        missing = self.missing()
        if missing:
            from .dependency_bar import notify_missing

            notify_missing(self.iface, missing, self.on_installed)
            if self.action is not None:
                self.action.setChecked(False)
            return
        if self.dock is None:
            if not visible:
                return
            try:
                self.dock = self.make_dock(self.iface, self.iface.mainWindow())
            except Exception as exc:  # noqa: BLE001 - report, never take QGIS down
                log.error(f"The {self.name} dock could not be created: {exc!r}")
                self.iface.messageBar().pushCritical(
                    tr("EO Explorer"),
                    tr("The {name} dock could not be opened; see the log.").format(name=self.name),
                )
                if self.action is not None:
                    self.action.setChecked(False)
                return
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self._tab_beside_others()
            self.created(self.dock)
            if self.action is not None:
                self.dock.visibilityChanged.connect(lambda shown: show_state(self.action, shown))
            self.dock.closedByUser.connect(lambda: self._remember(False))
        self.dock.setVisible(visible)
        if visible:
            self.dock.raise_()  # its tab in front

    def _tab_beside_others(self) -> None:
        """Open as a tab of an EO Explorer dock already on the right: stacked under the
        Search dock, a dock gets a strip of a laptop screen's height (220 px of 768)."""
        window = self.iface.mainWindow()
        for other in window.findChildren(QDockWidget):
            if (
                other is not self.dock
                and other.objectName().startswith("EOExplorer")
                and other.isVisible()
                and not other.isFloating()
                and window.dockWidgetArea(other) == Qt.DockWidgetArea.RightDockWidgetArea
            ):
                window.tabifyDockWidget(other, self.dock)
                return
