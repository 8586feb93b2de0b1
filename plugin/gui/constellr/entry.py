"""The "EO Explorer Constellr" action (toolbar and Web menu) and its dock."""

from __future__ import annotations

from ..common.dock_entry import DockEntry, tr


class ConstellrEntry(DockEntry):
    name = "Constellr"
    icon = "constellr.svg"
    tooltip = tr("Constellr: areas of interest, tasking orders and delivered LST")

    def make_dock(self, iface, parent):
        from .dock import ConstellrDock

        return ConstellrDock(iface, parent=parent)
