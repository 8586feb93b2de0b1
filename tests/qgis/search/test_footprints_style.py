"""The footprints style draws without the GUI thread: the map's drawing threads never wait
on it, so nothing the GUI thread waits for (Qt's shared thread pool, where QGIS draws the
map) can hang QGIS.

With ``if(is_selected(), 0.9, 0.4)`` as the outline width, QGIS 3.40+ evaluated
``is_selected()`` for every footprint by a blocking call into the GUI thread; a thumbnail
converted by Qt on the shared pool at that moment hung QGIS for good.
"""

from __future__ import annotations

import time

from qgis.core import (
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize, QThreadPool

from plugin.api.footprints import convert_items
from plugin.map import footprints as layers

#: QGIS functions that read a map layer: evaluated in a drawing thread, QGIS 3.40+ runs
#: them on the GUI thread and waits (QgsExpressionUtils::runMapLayerFunctionThreadSafe)
LAYER_FUNCTIONS = ("is_selected", "num_selected", "layer_property", "get_feature", "aggregate")


def _layer(count: int = 400):
    items = [
        {
            "type": "Feature",
            "id": f"item-{n}",
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [
                        [n % 20, n // 20],
                        [n % 20 + 1.5, n // 20],
                        [n % 20, n // 20 + 1.5],
                        [n % 20, n // 20],
                    ]
                ],
            },
            "properties": {"datetime": "2024-06-10T10:30:00Z"},
        }
        for n in range(count)
    ]
    footprints = convert_items(items).footprints
    return layers.create_footprints_layer(
        "style", layers.to_features(footprints, layers.footprint_fields())
    )


def _expressions(layer) -> list[str]:
    found = []
    for symbol in layer.renderer().symbols(QgsRenderContext()):
        for symbol_layer in symbol.symbolLayers():
            properties = symbol_layer.dataDefinedProperties()
            for key in properties.propertyKeys():
                prop = properties.property(key)
                if prop.isActive():
                    found.append(prop.expressionString() or prop.field())
    return found


def test_no_data_defined_property_reads_the_layer(qgis_app):
    layer = _layer(3)
    expressions = " ".join(_expressions(layer))
    assert not any(name in expressions for name in LAYER_FUNCTIONS), expressions


def test_selected_footprints_are_outlined_by_qgis_selection_rendering(qgis_app):
    layer = _layer(3)
    if not hasattr(layer, "selectionProperties"):  # QGIS < 3.34: the selection colour only
        return
    properties = layer.selectionProperties()
    symbol = properties.selectionSymbol()
    assert symbol is not None
    assert symbol.symbolLayer(0).strokeWidth() == layers.SELECTED_OUTLINE_MM
    assert symbol.color().name() != "" and (
        symbol.symbolLayer(0).strokeColor().name() == QgsProject.instance().selectionColor().name()
    )


def test_the_map_draws_selected_footprints_while_the_gui_thread_is_busy(qgis_app):
    """The drawing threads finish while the GUI thread processes no events at all (it
    sleeps here, as it does when it waits on Qt's thread pool)."""
    layer = _layer()
    layer.selectByIds([f.id() for f in layer.getFeatures()][::2])
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(QgsRectangle(0, 0, 22, 22))
    settings.setOutputSize(QSize(400, 400))
    pool = QThreadPool.globalInstance()
    job = QgsMapRendererParallelJob(settings)
    job.start()
    deadline = time.monotonic() + 20
    while pool.activeThreadCount() and time.monotonic() < deadline:
        time.sleep(0.05)  # no processEvents: a drawing thread waiting on us stays stuck
    stuck = pool.activeThreadCount() > 0
    while pool.activeThreadCount():  # answer the waiting threads, so the test ends
        QCoreApplication.processEvents()
    job.waitForFinished()
    assert not stuck, "the map's drawing waited on the GUI thread"
    assert not job.renderedImage().isNull()
