""" "Show quicklooks" / "Hide quicklooks" in the context menu of footprints layers.

One action, registered for vector layers with ``allLayers=False`` and then given to each
EO Explorer footprints layer as it enters the project (a search of the dock, the
Processing algorithm, a saved project being read). Right-clicking a layer makes it the
current layer, so the action's text is set then: "Hide quicklooks" when that layer has
them, "Show quicklooks" when it has none.

Triggered, it asks the Search dock's :class:`~.quicklooks.QuicklooksController` to do what
its Quicklooks button does, for that layer: the selected footprints, else those in the
map view. The dock is opened when it is not yet.
"""

from __future__ import annotations

from typing import Any, Callable

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QObject
from qgis.PyQt.QtWidgets import QAction

from ...map import quicklooks as layers
from ..common.messages import show_error
from ..common.slots import guarded


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


def vector_layer_type():
    """The vector layer type: ``Qgis.LayerType.Vector`` from QGIS 3.30 on,
    ``QgsMapLayerType.VectorLayer`` before."""
    scoped = getattr(Qgis, "LayerType", None)
    if scoped is not None and hasattr(scoped, "Vector"):
        return scoped.Vector
    from qgis.core import QgsMapLayerType  # QGIS < 3.30

    return QgsMapLayerType.VectorLayer


def is_footprints(layer) -> bool:
    try:
        return layer is not None and layer.customProperty("eo_explorer/kind") == "footprints"
    except RuntimeError:  # deleted
        return False


class QuicklooksLayerAction(QObject):
    """The layer tree action; ``dock`` gives the Search dock (opening it if needed)."""

    def __init__(self, iface, dock: Callable[[], Any], menu: str = "") -> None:
        super().__init__(iface.mainWindow())
        self.iface = iface
        self._dock = dock
        self.action = QAction(tr("Show quicklooks"), iface.mainWindow())
        self.action.setObjectName("EOExplorerQuicklooksLayerAction")
        self.action.triggered.connect(self._triggered)
        iface.addCustomActionForLayerType(self.action, menu, vector_layer_type(), False)
        self._controllers: list = []
        project = QgsProject.instance()
        project.layersAdded.connect(self._layers_added)
        self._layers_added(list(project.mapLayers().values()))
        iface.currentLayerChanged.connect(self._current_changed)

    def show_error(self, error: Exception) -> None:
        """Where :func:`guarded` puts a failure of the action: QGIS's message bar."""
        show_error(self.iface.messageBar(), error)

    @guarded
    def _layers_added(self, added) -> None:
        for layer in added:
            if is_footprints(layer):
                self.iface.addCustomActionForLayer(self.action, layer)

    @guarded
    def _current_changed(self, *_args) -> None:
        self.update_text(self.iface.activeLayer())

    def update_text(self, layer) -> None:
        """What the action will do for ``layer``."""
        if not is_footprints(layer):
            return
        shown = layers.find_group(layer.id()) is not None
        self.action.setText(tr("Hide quicklooks") if shown else tr("Show quicklooks"))

    @guarded
    def _triggered(self, *_args) -> None:
        layer = self.iface.activeLayer()
        if not is_footprints(layer):
            return
        dock = self._dock()
        if dock is None:
            return
        controller = dock.quicklooks
        if controller not in self._controllers:
            controller.changed.connect(self._changed)
            self._controllers.append(controller)
        controller.toggle_layer(layer)
        self.update_text(layer)

    @guarded
    def _changed(self, _layer_id: str) -> None:
        self.update_text(self.iface.activeLayer())

    def remove(self) -> None:
        """Take the action out of every menu (plugin unload)."""
        try:
            QgsProject.instance().layersAdded.disconnect(self._layers_added)
        except TypeError:
            pass
        try:
            self.iface.currentLayerChanged.disconnect(self._current_changed)
        except TypeError:
            pass
        for controller in self._controllers:
            try:
                controller.changed.disconnect(self._changed)
            except (TypeError, RuntimeError):
                pass
        self._controllers = []
        self.iface.removeCustomActionForLayerType(self.action)
        self.action.deleteLater()
