"""The "EO Explorer Process" action (toolbar and Web menu) and its dock."""

from __future__ import annotations

from ..common.dock_entry import DockEntry, tr


class ProcessEntry(DockEntry):
    name = "Process"
    icon = "process.svg"
    tooltip = tr("Sentinel Hub Process API: imagery for an area, loaded as a raster layer")

    def make_dock(self, iface, parent):
        from .dock import ProcessDock

        return ProcessDock(iface, parent=parent)
