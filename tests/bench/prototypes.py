"""The one speed-up prototype the plugin did not adopt (``--prototypes``).

``SearchTask`` exactly as in the plugin, then the memory layer is built in the worker
(``create_footprints_layer``) and moved to the GUI thread, which only names it, adds it
to the project and draws it. Not adopted: the project's rule is that the layer is built
on the main thread in one batch. It is kept to show what that rule costs in GUI stall.
"""

from __future__ import annotations

NAME = "layer built in the worker, moved to the GUI thread"


def worker_layer_task_class():
    """SearchTask subclass that also builds the layer (built late: needs qgis imported)."""
    from qgis.core import QgsApplication

    from eo_explorer.plugin.map.footprints import create_footprints_layer
    from eo_explorer.plugin.search.tasks import SearchTask

    class WorkerLayerSearchTask(SearchTask):
        def run(self) -> bool:
            ok = super().run()
            outcome = self.outcome
            outcome.layer = None  # PluginBench uses it instead of building one
            if ok and outcome.features and not outcome.cancelled:
                layer = create_footprints_layer("search results", outcome.features)
                layer.moveToThread(QgsApplication.instance().thread())
                outcome.layer = layer
            return ok

    return WorkerLayerSearchTask
