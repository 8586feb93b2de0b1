"""Whole STAC items for the details and the Assets panel of the Search dock.

Where the catalog declares the Fields extension, searches ask only for what the footprints
layer shows (:data:`api.footprints.FOOTPRINT_FIELDS`), so a footprint's ``item_json`` may
lack the item's assets and most properties. When such footprints are selected, this reads
the whole items from the catalog in a task, writes them into ``item_json`` (so they are
read once, and the layer is whole for Processing), then asks the dock to show them again.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsApplication, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ...api.stac import is_partial
from ...core import log
from ...core.tasks import WorkflowTask
from ...search.workflow import whole_items_task


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


class WholeItemsLoader:
    """One task at a time; a newer selection cancels the older task."""

    def __init__(self, on_loaded: Callable[[list[str]], None]) -> None:
        #: called on the main thread with the error texts (empty when all were read)
        self.on_loaded = on_loaded
        self.task: WorkflowTask | None = None

    def needed(self, items: dict[int, dict]) -> bool:
        return any(is_partial(item) for item in items.values())

    def load(self, layer: QgsVectorLayer, items: dict[int, dict], http) -> bool:
        """Start reading the partial ones among ``items`` (fid -> item); False if none."""
        partial = {fid: item for fid, item in items.items() if is_partial(item)}
        if not partial or http is None:
            return False
        self.cancel()
        task = whole_items_task(partial, http)
        task.completed.connect(lambda outcome, t=task: self._done(t, layer, outcome))
        self.task = task
        QgsApplication.taskManager().addTask(task)
        return True

    def _done(self, task: WorkflowTask, layer: QgsVectorLayer, outcome) -> None:
        if task is not self.task:
            return  # a newer selection is being read
        self.task = None
        for error in outcome.errors:
            log.warning(f"Whole item not read: {error}")
        try:
            index = layer.fields().indexOf("item_json")
            if outcome.items and index >= 0:
                changes = {fid: {index: text} for fid, (_, text) in outcome.items.items()}
                layer.dataProvider().changeAttributeValues(changes)
        except RuntimeError:  # the layer was removed meanwhile
            return
        self.on_loaded(outcome.errors)

    def cancel(self) -> None:
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:
                pass  # already finished and deleted by the task manager
            self.task = None
