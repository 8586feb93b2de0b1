"""The project ``make run`` opens: country outlines and the sandbox's coverage, zoomed on
the sandbox data, written into a folder of its own."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from eo_explorer.plugin.gui.common.draw_tool import OUTLINE_COLOR
from tests.servers.sandbox.assets import sandbox_items
from tests.servers.sandbox.project import START_EXTENT, write_project


def test_project_has_the_basemap_and_opens_where_the_sandbox_data_is(qgis_app, tmp_path):
    path = write_project(tmp_path)
    assert path == tmp_path / "sandbox.qgs"
    written = {p.name for p in tmp_path.iterdir()}
    # QGIS 3.40+ also writes the project's (empty) attachments archive beside it.
    assert {"sandbox-basemap.gpkg", "sandbox.qgs"} <= written
    assert written <= {"sandbox-basemap.gpkg", "sandbox.qgs", "sandbox_attachments.zip"}

    project = QgsProject()
    assert project.read(str(path))
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    assert set(layers) == {"Countries", "Where the sandbox has data"}
    countries = layers["Countries"]
    assert countries.isValid() and countries.featureCount() > 200
    assert str(tmp_path) in countries.source()  # the copy, not QGIS's own file
    names = {f["name"] for f in countries.getFeatures()}
    assert {"Germany", "France", "Fiji"} <= names
    coverage = layers["Where the sandbox has data"]
    assert coverage.featureCount() == 3 and coverage.labelsEnabled()
    # not the dashed blue of a drawn search area, nor the orange of footprints
    outline = coverage.renderer().symbol().symbolLayer(0)
    assert outline.strokeStyle() == Qt.PenStyle.DotLine
    assert outline.strokeColor() not in (OUTLINE_COLOR, QColor(255, 127, 0))
    assert project.crs().authid() == "EPSG:3857"

    # the start extent holds every central-European Sentinel-2 and Sentinel-1 item
    to_lonlat = QgsCoordinateTransform(
        project.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), project.transformContext()
    )
    view = to_lonlat.transformBoundingBox(project.viewSettings().defaultViewExtent())
    assert view.contains(QgsRectangle(*START_EXTENT).buffered(-0.01))
    inside = 0
    for item in sandbox_items():
        west, south, east, north = item["bbox"]
        if item["collection"] == "sandbox-lst" or (0 <= west <= 18 and 43 <= south <= 55):
            assert view.contains(QgsRectangle(west, south, east, north)), item["id"]
            inside += 1
    assert inside > 500

    # QGIS restores the canvas from <mapcanvas> when it opens the project
    extent = ET.parse(path).getroot().find("mapcanvas/extent")
    assert extent is not None
    saved = QgsRectangle(*(float(extent.find(k).text) for k in ("xmin", "ymin", "xmax", "ymax")))
    assert saved == project.viewSettings().defaultViewExtent()
