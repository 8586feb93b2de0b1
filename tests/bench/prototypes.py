"""The one speed-up prototype the plugin did not adopt (``--prototypes``).

The plugin's search task exactly as in the plugin, then the memory layer is built in the worker
(``create_footprints_layer``) and moved to the GUI thread, which only names it, adds it
to the project and draws it. Not adopted: the project's rule is that the layer is built
on the main thread in one batch. It is kept to show what that rule costs in GUI stall.
"""

from __future__ import annotations

NAME = "layer built in the worker, moved to the GUI thread"


def worker_layer_task_class():
    """A search task that also builds the layer (built late: needs qgis imported)."""
    from qgis.core import QgsApplication

    from eo_explorer.plugin.api.http import HttpClient
    from eo_explorer.plugin.core.tasks import WorkflowTask
    from eo_explorer.plugin.map.footprints import create_footprints_layer
    from eo_explorer.plugin.search.workflow import SearchOutcome, search

    def make(catalog, request):
        http = HttpClient()

        def work(progress):
            outcome = search(catalog, request, http, progress)
            outcome.layer = None  # PluginBench uses it instead of building one
            if outcome.error is None and outcome.features and not outcome.cancelled:
                layer = create_footprints_layer("search results", outcome.features)
                layer.moveToThread(QgsApplication.instance().thread())
                outcome.layer = layer
            return outcome

        return WorkflowTask(
            "EO Explorer: search (layer built in the worker)",
            work,
            failed=lambda error: SearchOutcome(error=error),
        )

    return make
