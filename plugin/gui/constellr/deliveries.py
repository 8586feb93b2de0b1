"""The Deliveries tab: the STAC items delivered for an order or an area (footprints on the
map), and their LST rasters, streamed or downloaded with the workspace key, as layers
with the temperature colour ramp (legend in the data's unit, °C or K)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QTreeWidgetItem, QWidget

from ...api.assets import AssetProblem
from ...api.errors import EOExplorerError
from ...assets import workflow
from ...constellr import layers as constellr_layers
from ...constellr.client import api_catalog
from ...core import log, settings
from ..common.slots import guarded

FORM, _ = uic.loadUiType(
    str(Path(__file__).resolve().parents[3] / "ui" / "constellr_deliveries.ui")
)
ASSET_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


class DeliveriesPanel(QWidget):
    found = pyqtSignal(object)  # the delivered STAC items (tests, scripting)
    opened = pyqtSignal(object)  # the raster layers just added

    def __init__(self, dock, parent=None) -> None:
        super().__init__(parent)
        self.dock = dock
        self.form = FORM()
        self.form.setupUi(self)
        f = self.form
        self.folder = QgsFileWidget(self)
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setDialogTitle(tr("Download folder"))
        self.folder.setFilePath(settings.get(settings.Key.CONSTELLR_FOLDER))
        self.folder.fileChanged.connect(
            lambda path: settings.set(settings.Key.CONSTELLR_FOLDER, path)
        )
        f.folderHolder.addWidget(self.folder)
        f.streamButton.clicked.connect(self.stream)
        f.downloadButton.clicked.connect(self.download)
        f.cancelButton.clicked.connect(self.cancel)
        self.items: list[dict] = []
        self.http = None  # the client's HTTP (with the key) of the last search
        self.layer = None
        self.download_task = None  # the download's WorkflowTask

    # -- finding ----------------------------------------------------------------------

    def show_for(self, order=None, area=None, title: str = "") -> None:
        """Search the Constellr STAC for what was delivered for an order or an AOI.

        Delivered items carry only ``gsd`` and ``datetime``: an order's deliveries are
        found by its product's collection, its area (intersects) and its dates; an area's
        by its geometry alone (every product)."""
        self.dock.show_tab("deliveriesTab")
        what = tr("order") if order is not None else tr("area")
        self.form.forLabel.setText(
            tr("Deliveries for the {what} {title}").format(what=what, title=title)
        )
        self.form.itemsTree.clear()
        self._say(tr("Searching the Constellr catalog…"))
        client = self.dock.client()
        if client is None:
            return
        if order is not None:
            known = self.dock.area(order.area_of_interest_id)
            geometry = known.geometry if known is not None else None
            work = lambda c, cancelled: c.order_deliveries(order, geometry, cancelled)  # noqa: E731
        else:
            work = lambda c, cancelled: c.deliveries(area.geometry, is_cancelled=cancelled)  # noqa: E731
        self.dock.run(
            tr("Constellr deliveries"),
            work,
            lambda outcome: self._found(client, title, outcome),
            client=client,
        )

    def _found(self, client, title: str, outcome) -> bool:
        if outcome.error is not None or outcome.value is None:
            self._say(tr("The search failed."))
            return False
        self.items, self.http = outcome.value, client.http
        tree = self.form.itemsTree
        tree.clear()
        by_id = {str(i.get("id")): i for i in self.items}
        for asset in constellr_layers.lst_assets(self.items):
            item = by_id.get(asset.item_id) or {}
            properties = item.get("properties") or {}
            row = QTreeWidgetItem(
                [
                    str(properties.get("datetime") or "")[:16].replace("T", " "),
                    str(item.get("collection") or ""),
                    asset.item_id,
                ]
            )
            row.setData(0, ASSET_ROLE, asset)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Checked)
            row.setToolTip(0, asset.href)
            tree.addTopLevelItem(row)
        for column in (0, 1):
            tree.resizeColumnToContents(column)
        if not self.items:
            self._say(tr("Nothing delivered yet."))
        else:
            name = tr("Constellr deliveries · {title}").format(title=title)
            self.layer = constellr_layers.deliveries_layer(self.items, name)
            self._say(
                tr("{n} delivered image(s); their footprints are on the map.").format(
                    n=len(self.items)
                )
            )
        self.found.emit(self.items)
        return True

    def ticked(self) -> list:
        tree = self.form.itemsTree
        return [
            tree.topLevelItem(i).data(0, ASSET_ROLE)
            for i in range(tree.topLevelItemCount())
            if tree.topLevelItem(i).checkState(0) == Qt.CheckState.Checked
        ]

    # -- stream and download ----------------------------------------------------------

    @guarded
    def stream(self, *_args) -> None:
        assets = self.ticked()
        if not assets or self.http is None:
            self._say(tr("Find and tick the deliveries to open first."))
            return
        opened, problems = [], []
        catalog = api_catalog()
        for asset in assets:
            try:
                opened.append(constellr_layers.stream_lst(asset, catalog, self.http))
            except (AssetProblem, EOExplorerError, ValueError) as exc:
                problems.append(str(exc))
        text = tr("{n} LST layer(s) opened, in {unit}.").format(n=len(opened), unit=_units(opened))
        if problems:
            text += " " + "; ".join(problems)
        self._say(text)
        self.opened.emit(opened)

    @guarded
    def download(self, *_args) -> None:
        assets = self.ticked()
        folder = self.folder.filePath().strip()
        if not assets or self.http is None:
            self._say(tr("Find and tick the deliveries to download first."))
            return
        if not folder:
            self._say(tr("Choose a download folder first."))
            return
        if self.download_task is not None:
            return
        # main thread: the workspace key and the S3 keys of the delivery buckets
        access = workflow.Access(api_catalog(), self.http).gather(assets)
        request = workflow.DownloadRequest(Path(folder), access, assets=assets)
        task = workflow.download_task(request, len(assets))
        task.completed.connect(self._downloaded)
        self.download_task = task
        self.form.downloadButton.setEnabled(False)
        self.form.cancelButton.setEnabled(True)
        self._say(tr("Downloading {n} file(s)…").format(n=len(assets)))
        QgsApplication.taskManager().addTask(task)

    @guarded
    def cancel(self, *_args) -> None:
        if self.download_task is not None:
            self.download_task.cancel()

    @guarded
    def _downloaded(self, outcome) -> None:
        self.download_task = None
        if self.dock._closed:
            return
        self.form.downloadButton.setEnabled(True)
        self.form.cancelButton.setEnabled(False)
        summary = outcome.summary
        loaded = workflow.load_downloaded(summary, constellr_layers.add_lst, skip_shown=False)
        summary.failed.extend(loaded.problems)
        for failure in summary.failed:
            log.warning(f"Download failed: {failure}")
        text = outcome.text()
        if loaded.layers:
            text += " " + tr("{n} LST layer(s) added, in {unit}.").format(
                n=len(loaded.layers), unit=_units(loaded.layers)
            )
        self._say(text)
        self.opened.emit(loaded.layers)

    def _say(self, text: str) -> None:
        self.form.deliveriesStatus.setText(text)

    def shutdown(self) -> None:
        if self.download_task is not None:
            try:
                self.download_task.cancel()
                self.download_task.completed.disconnect()
            except (RuntimeError, TypeError):
                pass
            self.download_task = None


def _units(layers) -> str:
    """The temperature units of the LST layers (``°C``, ``K`` or ``K, °C``)."""
    return ", ".join(sorted({str(la.customProperty("eo_explorer/unit", "°C")) for la in layers}))
