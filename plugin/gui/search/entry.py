"""The "EO Explorer Search" action (toolbar and Web menu) and its dock."""

from __future__ import annotations

from qgis.PyQt.QtCore import QTimer

from ..common.dock_entry import DockEntry, tr


class SearchEntry(DockEntry):
    name = "Search"
    icon = "eo_explorer.svg"
    tooltip = tr("Search Earth-observation catalogs from the map")

    def make_dock(self, iface, parent):
        from .dock import SearchDock

        return SearchDock(iface, parent=parent)

    def created(self, dock) -> None:
        window = self.iface.mainWindow()
        # after QGIS has restored its window state (when it starts with the dock open)
        QTimer.singleShot(0, lambda: self.dock is dock and dock.take_default_width(window))
