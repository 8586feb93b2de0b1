"""The Areas tab: a new area of interest from a drawn polygon, the map extent or a selected
feature (measured with ``geometry-info`` before it is created), and the workspace's areas
(listed, on the map, deleted)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from qgis.core import QgsExpression, QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QTableWidgetItem, QWidget

from ...api.constellr import CreationUnknown, NotCreated
from ...api.constellr_rules import PRODUCT_RULES, size_text
from ...constellr import layers as constellr_layers
from ..common.draw_tool import CanvasDrawing
from ..common.slots import guarded

FORM, _ = uic.loadUiType(str(Path(__file__).resolve().parents[3] / "ui" / "constellr_areas.ui"))
AREA_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


def fit_text(width: float, height: float, products: list[str]) -> str:
    """Which products this bounding box suits, in words (the rules of seed 003).

    The size is said once, before (see :meth:`AreasPanel._measured`); here one line per
    verdict: the products it suits, then those it is too large or too small for, with
    their limit.
    """
    fits: list[str] = []
    #: (too large?, limit in metres) -> products
    refused: dict[tuple[bool, float], list[str]] = {}
    large, small = max(width, height), min(width, height)
    for product in products or list(PRODUCT_RULES):
        rules = PRODUCT_RULES.get(product)
        if rules is None:
            continue
        if rules.max_bbox_m is not None and large > rules.max_bbox_m:
            refused.setdefault((True, rules.max_bbox_m), []).append(product)
        elif rules.min_bbox_m is not None and small < rules.min_bbox_m:
            refused.setdefault((False, rules.min_bbox_m), []).append(product)
        else:
            fits.append(product)
    lines = []
    if fits:
        lines.append(tr("Suits {products}.").format(products=", ".join(fits)))
    for (too_large, limit), names in refused.items():
        text = (
            tr("Too large for {products}: at most {limit}.")
            if too_large
            else tr("Too small for {products}: at least {limit}.")
        )
        lines.append(text.format(products=_and(names), limit=size_text(limit, limit)))
    return "\n".join(lines)


def _and(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return tr("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


class AreasPanel(QWidget):
    """``dock`` runs the tasks and knows the reference lists."""

    measured = pyqtSignal(object)  # api.constellr.GeometryInfo, for tests
    created = pyqtSignal(object)  # api.constellr.AreaOfInterest

    def __init__(self, dock, parent=None) -> None:
        super().__init__(parent)
        self.dock = dock
        self.canvas = dock.canvas
        self.form = FORM()
        self.form.setupUi(self)
        f = self.form
        self.layer_combo = QgsMapLayerComboBox(self)
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        f.layerComboHolder.addWidget(self.layer_combo)
        self.areas: list = []
        #: the GeoJSON measured last; Create sends exactly this
        self.pending: Optional[dict[str, Any]] = None
        self.drawing = CanvasDrawing(
            self, self.canvas, f.drawButton, lambda: self.form.drawnRadio.setChecked(True)
        )
        self.draw_tool = self.drawing.tool
        f.measureButton.clicked.connect(self.measure)
        f.createButton.clicked.connect(self.create)
        f.deleteAreaButton.clicked.connect(self.delete)
        f.zoomButton.clicked.connect(self.zoom)
        f.areaDeliveriesButton.clicked.connect(self.deliveries)
        for radio in (f.drawnRadio, f.extentRadio, f.selectionRadio):
            radio.toggled.connect(self._source_changed)
        self.layer_combo.layerChanged.connect(self._source_changed)
        f.areasTable.itemSelectionChanged.connect(self._area_selected)
        self.draw_tool.polygonChanged.connect(self._polygon_changed)

    # -- the new area -----------------------------------------------------------------

    @guarded
    def _polygon_changed(self, *_args) -> None:
        if self.draw_tool.has_polygon():
            self.form.drawnRadio.setChecked(True)
        self._source_changed()

    @guarded
    def _source_changed(self, *_args) -> None:
        """The polygon changed: it has to be measured again before it is created."""
        self.pending = None
        self.form.createButton.setEnabled(False)
        self.form.infoLabel.setText("")

    def geojson(self) -> dict[str, Any]:
        """The chosen polygon as a GeoJSON Feature (ValueError with the reason)."""
        f = self.form
        project = QgsProject.instance()
        crs = self.canvas.mapSettings().destinationCrs()
        if f.extentRadio.isChecked():
            return constellr_layers.extent_geojson(self.canvas.extent(), crs, project)
        if f.selectionRadio.isChecked():
            return constellr_layers.selection_geojson(self.layer_combo.currentLayer(), project)
        geometry = self.draw_tool.geometry()
        if geometry is None:
            raise ValueError(tr("Draw a polygon on the map first (Draw button)."))
        return constellr_layers.geometry_geojson(geometry, crs, project)

    @guarded
    def measure(self, *_args) -> None:
        self._source_changed()
        try:
            geojson = self.geojson()
        except ValueError as exc:
            self._say(str(exc), error=True)
            return
        self._say(tr("Measuring…"))
        self.show_on_map()  # the new area is seen beside the existing ones
        self.dock.run(
            tr("measure the area"),
            lambda client, cancelled: client.geometry_info(geojson, cancelled),
            lambda outcome: self._measured(geojson, outcome),
        )

    def _measured(self, geojson: dict, outcome) -> bool:
        if outcome.error is not None or outcome.value is None:
            self._say(str(outcome.error or tr("Cancelled.")), error=True)
            return False
        info = outcome.value
        self.pending = geojson
        self.form.createButton.setEnabled(True)
        hectares = info.area / 10_000
        text = tr("Bounding box {size}, area {ha} ha.").format(
            size=size_text(info.bbox_width, info.bbox_height), ha=f"{hectares:,.1f}"
        )
        fit = fit_text(info.bbox_width, info.bbox_height, self.dock.reference.products)
        self._say(text + ("\n" + fit if fit else ""))
        self.measured.emit(info)
        return True

    @guarded
    def create(self, *_args) -> None:
        name = self.form.nameEdit.text().strip()
        if not name:
            self._say(tr("Give the area a name first."), error=True)
            return
        if any(a.name == name for a in self.areas):
            self._say(
                tr("An area called {name} already exists; choose another name.").format(name=name),
                error=True,
            )
            return
        if self.pending is None:
            self._say(tr("Measure the area first."), error=True)
            return
        geojson, description = self.pending, self.form.descriptionEdit.text().strip()
        self.form.createButton.setEnabled(False)
        self._say(tr("Creating {name}…").format(name=name))
        self.dock.run(
            tr("create an area of interest"),
            lambda client, _cancelled: client.create_area(name, geojson, description),
            self._created,
        )

    def _created(self, outcome) -> bool:
        if outcome.error is not None:
            self.form.createButton.setEnabled(isinstance(outcome.error, NotCreated))
            self._say(str(outcome.error), error=True)
            if isinstance(outcome.error, CreationUnknown):
                self.dock.refresh()
            return False
        area = outcome.value
        self.pending = None
        self.form.nameEdit.clear()
        self.form.descriptionEdit.clear()
        self.draw_tool.clear()
        self._say(
            tr("{name} created ({size}); it is ticked in New order.").format(
                name=area.name, size=size_text(area.bbox_width, area.bbox_height)
            )
        )
        self.dock.area_created(area)
        self.show_on_map()
        self.created.emit(area)
        return True

    def _say(self, text: str, error: bool = False) -> None:
        self.form.infoLabel.setStyleSheet("color: #b00020;" if error else "")
        self.form.infoLabel.setText(text)

    # -- the workspace's areas --------------------------------------------------------

    def show_areas(self, areas: list) -> None:
        self.areas = list(areas)
        table = self.form.areasTable
        table.setRowCount(0)
        for area in self.areas:
            row = table.rowCount()
            table.insertRow(row)
            name = QTableWidgetItem(area.name)
            name.setData(AREA_ROLE, area)
            name.setToolTip(area.description or area.id)
            table.setItem(row, 0, name)
            table.setItem(row, 1, QTableWidgetItem(size_text(area.bbox_width, area.bbox_height)))
            created = area.created.strftime("%Y-%m-%d %H:%M") if area.created else ""
            table.setItem(row, 2, QTableWidgetItem(created))
        table.resizeColumnsToContents()
        # The layer is added when the areas are used (Measure, a selected area, Zoom…),
        # never by the list read at start-up: a blank project stays unchanged.
        if constellr_layers.existing_areas_layer() is not None:
            self.show_on_map()

    def show_on_map(self):
        """The areas on the map: the layer created (or brought up to date) now."""
        return constellr_layers.areas_layer(self.areas)

    @guarded
    def _area_selected(self, *_args) -> None:
        """An area picked in the list is selected on the map too."""
        area = self.selected()
        if area is None:
            return
        layer = self.show_on_map()
        layer.selectByExpression('"id" = ' + QgsExpression.quotedValue(area.id))

    def selected(self):
        rows = self.form.areasTable.selectionModel().selectedRows()
        if not rows:
            return None
        return self.form.areasTable.item(rows[0].row(), 0).data(AREA_ROLE)

    @guarded
    def zoom(self, *_args) -> None:
        area = self.selected()
        if area is None:
            return
        from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

        layer = self.show_on_map()
        for feature in layer.getFeatures():
            if feature["id"] == area.id and feature.hasGeometry():
                transform = QgsCoordinateTransform(
                    QgsCoordinateReferenceSystem("EPSG:4326"),
                    self.canvas.mapSettings().destinationCrs(),
                    QgsProject.instance(),
                )
                extent = transform.transformBoundingBox(feature.geometry().boundingBox())
                extent.scale(1.5)
                self.canvas.setExtent(extent)
                self.canvas.refresh()

    @guarded
    def deliveries(self, *_args) -> None:
        area = self.selected()
        if area is None:
            self._say(tr("Select an area in the list first."), error=True)
            return
        self.dock.deliveries.show_for(area=area, title=area.name)

    @guarded
    def delete(self, *_args) -> None:
        area = self.selected()
        if area is None:
            self._say(tr("Select an area in the list first."), error=True)
            return
        if not self.dock.confirm(tr("Delete the area of interest {name}?").format(name=area.name)):
            return
        self.dock.run(
            tr("delete an area of interest"),
            lambda client, _cancelled: client.delete_area(area.id),
            lambda outcome: self._deleted(area, outcome),
        )

    def _deleted(self, area, outcome) -> bool:
        if outcome.error is not None:
            self._say(str(outcome.error), error=True)
            return False
        self._say(tr("{name} deleted.").format(name=area.name))
        self.dock.area_deleted(area.id)
        return True

    def shutdown(self) -> None:
        self.drawing.shutdown()
