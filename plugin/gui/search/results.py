"""The results table: a sortable view of a footprints layer whose selection follows the
layer's selection both ways, and an HTML description of one item for the details pane.

Rows come in the catalog's order (the sort order asked of it, if any) with no sort arrow;
a click on a column heading sorts by that column and shows the arrow on it."""

from __future__ import annotations

import html
import json
from typing import Any

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

COLUMNS = (
    ("id", "Item"),
    ("datetime", "Date (UTC)"),
    ("cloud_cover", "Cloud %"),
    ("collection", "Collection"),
    ("platform", "Platform"),
)
MAX_ID_COLUMN_WIDTH = 240
MIN_ID_COLUMN_WIDTH = 100
#: Rows the columns are fitted to (Qt's default, 1,000, asks the model for some 30,000 values
#: in Python, a GUI stall while a search fills the table)
FIT_ROWS = 20
FID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def _compact(value: Any) -> Any:
    """What a row keeps of an attribute: plain Python (a date-time as its UTC
    milliseconds, NULL as None), a few dozen bytes rather than a Qt object per cell."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toMSecsSinceEpoch"):
        return value.toMSecsSinceEpoch()
    return value


def _display(name: str, value: Any) -> str:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    if name == "datetime" and isinstance(value, int):
        value = QDateTime.fromMSecsSinceEpoch(value, Qt.TimeSpec.UTC)
    if name == "datetime" and hasattr(value, "toString"):
        return value.toString("yyyy-MM-dd HH:mm")  # seconds: in the details
    if name == "cloud_cover":
        return f"{float(value):.1f}"
    return str(value)


def _sort_key(value: Any) -> Any:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    if hasattr(value, "toMSecsSinceEpoch"):
        return value.toMSecsSinceEpoch()
    return value


def _feature_ids(features) -> Any:
    """The ids of features a provider just added: a memory layer numbers them one after
    the other, so the first and last say them all (two calls instead of one a row)."""
    first, last = features[0].id(), features[-1].id()
    if last - first == len(features) - 1:
        return range(first, last + 1)
    return [feature.id() for feature in features]


class ResultsModel(QAbstractTableModel):
    """Rows read once from the layer: feature ids and the values of COLUMNS, appended as
    a search adds features to its layer (:meth:`append`).

    Kept by column (one list of plain values each), not a container per row: 100,000
    rows cost a few MB, and the garbage collector, whose full collections hold the GUI,
    has nothing per row to walk."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.fids: list[int] = []
        self.columns: list[list[Any]] = [[] for _ in COLUMNS]
        self._row_of: dict[int, int] = {}
        self._indexes: list[int] = []

    def load(self, layer: QgsVectorLayer | None) -> None:
        self.beginResetModel()
        self.fids = []
        self.columns = [[] for _ in COLUMNS]
        self._row_of = {}
        self._indexes = []
        if layer is not None:
            self._indexes = [layer.fields().indexOf(name) for name, _ in COLUMNS]
            self._extend(layer.getFeatures())
        self.endResetModel()

    def append(self, features, rows=None) -> None:
        """Rows for features just added to the layer (with their ids), at the end.

        ``rows`` are their attribute values as plain Python, by layer field index
        (:func:`~plugin.map.footprints.to_features` makes them in the search thread):
        with them no value is read back from the features here, one call into QGIS per
        value on the main thread, each a chance for the search thread to take the GIL."""
        if not features or not self._indexes:
            return
        first = len(self.fids)
        self.beginInsertRows(QModelIndex(), first, first + len(features) - 1)
        if rows is not None and len(rows) == len(features):
            self._extend_rows(_feature_ids(features), rows)
        else:
            self._extend(features)
        self.endInsertRows()

    def _extend_rows(self, ids, rows) -> None:
        fids, row_of = self.fids, self._row_of
        for fid in ids:
            row_of[fid] = len(fids)
            fids.append(fid)
        for c, index in enumerate(self._indexes):
            values = self.columns[c]
            if index < 0:
                values.extend([None] * len(rows))
            else:
                values.extend([row[index] if index < len(row) else None for row in rows])

    def _extend(self, features) -> None:
        fids, row_of = self.fids, self._row_of
        columns = [(self.columns[c], index) for c, index in enumerate(self._indexes) if index >= 0]
        missing = [self.columns[c] for c, index in enumerate(self._indexes) if index < 0]
        for feature in features:
            fid = feature.id()
            row_of[fid] = len(fids)
            fids.append(fid)
            # attribute by attribute: attributes() would also convert item_json (kBs)
            for values, index in columns:
                values.append(_compact(feature.attribute(index)))
            for values in missing:
                values.append(None)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.fids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        fid = self.fids[index.row()]
        name = COLUMNS[index.column()][0]
        value = self.columns[index.column()][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(name, value)
        if role == Qt.ItemDataRole.ToolTipRole and name == "id":
            return _display(name, value)
        if role == SORT_ROLE:
            return _sort_key(value)
        if role == FID_ROLE:
            return fid
        if role == Qt.ItemDataRole.TextAlignmentRole and name == "cloud_cover":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def row_of(self, fid: int) -> int:
        return self._row_of.get(fid, -1)


class ResultsTableController:
    """Connects a QTableView to a footprints layer: selection both ways, zoom on
    double-click (through ``on_activate``) and the current item for the details pane."""

    def __init__(self, view, on_activate, on_current, on_sorted=None) -> None:
        self.view = view
        self.model = ResultsModel(view)
        self.proxy = QSortFilterProxyModel(view)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        view.setSortingEnabled(False)  # Qt would sort by the first column at once
        view.setModel(self.proxy)
        header = view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.setResizeContentsPrecision(FIT_ROWS)
        # rows have no numbers (headerData gives none); the empty row headers only cost
        # calls into the model each time rows come in
        view.verticalHeader().setVisible(False)
        header.sectionClicked.connect(self._heading_clicked)
        #: the order asked of the catalog (a key of api.search.SORT_ORDERS), "" for none
        self.order = ""
        self._on_sorted = on_sorted
        view.doubleClicked.connect(self._activated)
        view.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.layer: QgsVectorLayer | None = None
        self._syncing = False
        self._on_activate = on_activate
        self._on_current = on_current

    def set_layer(self, layer: QgsVectorLayer | None) -> None:
        if self.layer is not None:
            try:
                self.layer.selectionChanged.disconnect(self._layer_selection_changed)
            except (TypeError, RuntimeError):
                pass  # the layer was already deleted
        self.layer = layer
        self.model.load(layer)
        self.show_catalog_order()
        self.fit_columns()
        if layer is not None:
            layer.selectionChanged.connect(self._layer_selection_changed)
            self._layer_selection_changed()

    def append(self, features, rows=None) -> None:
        """Rows for features a running search just added to the layer (``rows``: their
        values, see :meth:`ResultsModel.append`); the columns are fitted to the first
        rows (again by the caller when the search ends)."""
        had = len(self.model.fids)
        self.model.append(features, rows)
        if had == 0 and self.model.fids:
            self.fit_columns()

    def fit_columns(self) -> None:
        """Scene ids are long and differ in their middle and end: the Item column takes
        at most ~40 % of a narrow table (the whole id in its tooltip) so that the date and the
        cloud cover stay in sight; a Collection column where every row has the same
        collection is hidden (the form's summary names it)."""
        view = self.view
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        collection = [name for name, _ in COLUMNS].index("collection")
        values = set(self.model.columns[collection])
        view.setColumnHidden(collection, len(values) <= 1)
        view.resizeColumnsToContents()
        room = max(MIN_ID_COLUMN_WIDTH, int(view.viewport().width() * 0.4))
        if view.columnWidth(0) > min(room, MAX_ID_COLUMN_WIDTH):
            view.setColumnWidth(0, min(room, MAX_ID_COLUMN_WIDTH))

    def sorted_column(self) -> int:
        """The column the rows are sorted by, -1 for the catalog's order."""
        return self.proxy.sortColumn()

    def show_catalog_order(self) -> None:
        self.proxy.sort(-1)
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(False)
        header.setToolTip(
            QCoreApplication.translate("@default", "Click a column heading to sort by it")
        )

    def _heading_clicked(self, column: int) -> None:
        header = self.view.horizontalHeader()
        if self.proxy.sortColumn() == column and header.isSortIndicatorShown():
            ascending = self.proxy.sortOrder() == Qt.SortOrder.AscendingOrder
            order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
        else:
            order = Qt.SortOrder.AscendingOrder
        self.proxy.sort(column, order)
        header.setSortIndicator(column, order)
        header.setSortIndicatorShown(True)
        if self._on_sorted is not None:
            self._on_sorted()

    def selected_fids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return [self.proxy.data(index, FID_ROLE) for index in rows]

    def _table_selection_changed(self, *_args) -> None:
        if self._syncing or self.layer is None:
            return
        self._syncing = True
        try:
            fids = self.selected_fids()
            self.layer.selectByIds(fids)
            self._on_current(fids[-1] if fids else None)
        finally:
            self._syncing = False

    def _layer_selection_changed(self, *_args) -> None:
        if self._syncing or self.layer is None:
            return
        self._syncing = True
        try:
            selection = QItemSelection()
            fids = self.layer.selectedFeatureIds()
            for fid in fids:
                row = self.model.row_of(fid)
                if row < 0:
                    continue
                left = self.proxy.mapFromSource(self.model.index(row, 0))
                right = self.proxy.mapFromSource(self.model.index(row, len(COLUMNS) - 1))
                selection.select(left, right)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.view.selectionModel().select(selection, flags)
            if len(fids) >= 1:
                row = self.model.row_of(fids[0])
                if row >= 0:
                    self.view.scrollTo(self.proxy.mapFromSource(self.model.index(row, 0)))
            self._on_current(fids[-1] if fids else None)
        finally:
            self._syncing = False

    def _activated(self, index) -> None:
        fid = self.proxy.data(index, FID_ROLE)
        if fid is not None:
            self._on_activate(fid)


def _dict_at(item: dict, key: str) -> dict:
    """``item[key]`` when it is an object, else an empty one."""
    value = item.get(key)
    return value if isinstance(value, dict) else {}


def item_html(item_json: str | None) -> str:
    """Properties and assets of one item, for the details pane."""
    if not item_json:
        return ""
    try:
        item = json.loads(item_json)
    except (ValueError, RecursionError):  # RecursionError: nested too deeply
        return "<p>This item's JSON could not be read.</p>"
    if not isinstance(item, dict):
        return "<p>This item's JSON could not be read.</p>"
    esc = html.escape
    parts = [f"<h3>{esc(str(item.get('id')))}</h3>"]
    properties = _dict_at(item, "properties")
    parts.append("<h4>Properties</h4><table>")
    for key in sorted(properties):
        value = properties[key]
        try:
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        except RecursionError:
            text = "(nested too deeply to show)"
        if len(text) > 200:
            text = text[:200] + "…"
        parts.append(f"<tr><td><b>{esc(key)}</b></td><td>{esc(text)}</td></tr>")
    parts.append("</table><h4>Assets</h4><ul>")
    assets = _dict_at(item, "assets")
    for key, asset in assets.items():
        if not isinstance(asset, dict):
            continue
        href = str(asset.get("href") or "")
        title = asset.get("title") or key
        kind = asset.get("type") or ""
        roles = ", ".join(str(r) for r in asset.get("roles") or [] if isinstance(r, str))
        link = (
            f"<a href='{esc(href)}'>{esc(str(title))}</a>"
            if href.startswith("http")
            else esc(str(title))
        )
        parts.append(f"<li><b>{esc(key)}</b>: {link} <i>{esc(str(kind))}</i> {esc(roles)}</li>")
    parts.append("</ul>")
    return "".join(parts)
