"""The Assets tab: the assets of the selected items, download and stream them."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QTreeWidgetItem, QWidget

from .. import log, rasters, s3, settings, streaming
from ..api import batch
from ..api.assets import Asset, AssetProblem, assets_of
from ..api.errors import EOExplorerError
from ..tasks import DownloadTask

FORM, _ = uic.loadUiType(str(Path(__file__).resolve().parents[2] / "ui" / "assets_panel.ui"))
ASSET_ROLE = Qt.ItemDataRole.UserRole + 1
PROJECT_SCOPE = "eo_explorer"
PROJECT_KEY = "download_folder"


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return str(size)


class AssetsPanel(QWidget):
    """Lists assets of the selected items; ``dock`` supplies the catalog and its client."""

    def __init__(self, dock, parent=None) -> None:
        super().__init__(parent)
        self.dock = dock
        self.form = FORM()
        self.form.setupUi(self)
        f = self.form
        self.folder = QgsFileWidget(self)
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setDialogTitle(tr("Download folder"))
        f.folderHolder.addWidget(self.folder)
        self.folder.setFilePath(self.remembered_folder())
        self.folder.fileChanged.connect(self.remember_folder)
        f.tickKeyButton.clicked.connect(self.tick_key)
        f.downloadButton.clicked.connect(self.download)
        f.streamButton.clicked.connect(self.stream)
        f.cancelDownloadButton.clicked.connect(self.cancel)
        f.downloadProgress.setVisible(False)
        self.task: DownloadTask | None = None
        self.catalog = None
        self.catalog_http = None
        self._rows: dict[tuple[str, str], QTreeWidgetItem] = {}

    # -- folder, remembered per project ----------------------------------------------

    def remembered_folder(self) -> str:
        value, found = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        if found and value:
            return value
        return str(settings.value("downloads/last_folder", "") or "")

    def remember_folder(self, path: str) -> None:
        QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_KEY, path)
        settings.set_value("downloads/last_folder", path)

    # -- listing ----------------------------------------------------------------------

    def show_items(self, items: list[dict], catalog, catalog_http) -> None:
        """The selected items' assets, ticked boxes kept for assets still listed."""
        ticked = {
            key for key, row in self._rows.items() if row.checkState(0) == Qt.CheckState.Checked
        }
        self.catalog, self.catalog_http = catalog, catalog_http
        tree = self.form.assetTree
        tree.clear()
        self._rows = {}
        keys: list[str] = []
        for item in items:
            parent = QTreeWidgetItem([str(item.get("id"))])
            tree.addTopLevelItem(parent)
            for asset in assets_of(item):
                row = QTreeWidgetItem(
                    [
                        asset.key + (f" — {asset.title}" if asset.title else ""),
                        asset.media_type,
                        ", ".join(asset.roles),
                        human_size(asset.size),
                        "✓" if asset.is_raster else "",
                        "",
                    ]
                )
                row.setData(0, ASSET_ROLE, asset)
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = (asset.item_id, asset.key) in ticked
                row.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                row.setToolTip(0, asset.href)
                parent.addChild(row)
                self._rows[(asset.item_id, asset.key)] = row
                if asset.key not in keys:
                    keys.append(asset.key)
            parent.setExpanded(len(items) <= 3)
        tree.resizeColumnToContents(0)
        combo = self.form.keyCombo
        current = combo.currentText()
        combo.clear()
        combo.addItems(keys)
        if current in keys:
            combo.setCurrentText(current)

    def tick_key(self) -> None:
        key = self.form.keyCombo.currentText()
        for (_item, asset_key), row in self._rows.items():
            if asset_key == key:
                row.setCheckState(0, Qt.CheckState.Checked)

    def ticked(self) -> list[Asset]:
        return [
            row.data(0, ASSET_ROLE)
            for row in self._rows.values()
            if row.checkState(0) == Qt.CheckState.Checked
        ]

    # -- download ---------------------------------------------------------------------

    def _http_for(self, asset: Asset):
        url = asset.location().url
        return streaming.http_for_asset(url, self.catalog, self.catalog_http)

    def download(self) -> None:
        assets = self.ticked()
        folder = self.folder.filePath().strip()
        if not assets:
            self._say(tr("Tick the assets to download first."))
            return
        if not folder:
            self._say(tr("Choose a download folder first."))
            return
        if self.task is not None:
            return
        try:
            jobs, failures = batch.plan(assets, Path(folder), self._http_for, s3=s3)
        except EOExplorerError as exc:
            self._say(str(exc))
            return
        workers = int(settings.value("downloads/workers", batch.DEFAULT_WORKERS) or 4)
        task = DownloadTask(jobs, failures, workers)
        task.fileProgress.connect(self._file_progress)
        task.progressChanged.connect(lambda value: self.form.downloadProgress.setValue(int(value)))
        task.completed.connect(self._downloaded)
        self.task = task
        self.form.downloadButton.setEnabled(False)
        self.form.cancelDownloadButton.setEnabled(True)
        self.form.downloadProgress.setVisible(True)
        self.form.downloadProgress.setValue(0)
        self._say(tr("Downloading {n} file(s)…").format(n=len(jobs)))
        QgsApplication.taskManager().addTask(task)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _file_progress(self, item_id: str, key: str, have: int, total: int) -> None:
        row = self._rows.get((item_id, key))
        if row is not None:
            text = human_size(have) + (f" / {human_size(total)}" if total > 0 else "")
            row.setText(5, text)

    def _downloaded(self, summary: batch.Summary) -> None:
        self.task = None
        try:
            self.form.downloadButton.setEnabled(True)
        except RuntimeError:
            return  # the dock is gone
        self.form.cancelDownloadButton.setEnabled(False)
        self.form.downloadProgress.setVisible(False)
        loaded = 0
        for asset, result in summary.done:
            row = self._rows.get((asset.item_id, asset.key))
            if row is not None:
                row.setText(5, tr("done"))
            if asset.is_raster and not _loaded(str(result.path)):
                try:
                    rasters.add_raster(str(result.path), asset)
                    loaded += 1
                except ValueError as exc:
                    summary.failed.append(batch.Failure(asset, "not a raster", str(exc)))
        for failure in summary.failed:
            row = self._rows.get((failure.asset.item_id, failure.asset.key))
            if row is not None:
                row.setText(5, failure.reason)
            log.warning(f"Download failed: {failure}")
        text = summary.text()
        if loaded:
            text += " " + tr("{n} raster layer(s) added.").format(n=loaded)
        self._say(text)
        self.dock.downloadsFinished.emit(summary)

    # -- stream -----------------------------------------------------------------------

    def stream(self) -> None:
        """Open the ticked rasters through GDAL without downloading them."""
        opened, problems = 0, []
        for asset in self.ticked():
            if not asset.is_raster:
                problems.append(tr("{key} is not a raster").format(key=asset.key))
                continue
            try:
                source = streaming.stream_source(asset, self.catalog, self.catalog_http)
                rasters.add_raster(source, asset)
                opened += 1
            except (AssetProblem, EOExplorerError, ValueError) as exc:
                problems.append(str(exc))
        text = tr("{n} layer(s) streamed.").format(n=opened)
        if problems:
            text += " " + "; ".join(problems)
        self._say(text)

    def _say(self, text: str) -> None:
        self.form.downloadStatus.setText(text)


def _loaded(source: str) -> bool:
    """Whether the project already shows this file (a second Download adds nothing)."""
    return any(layer.source() == source for layer in QgsProject.instance().mapLayers().values())


def items_by_fid(layer, fids) -> dict[int, dict]:
    """The STAC items of footprints (from their ``item_json`` field), by feature id."""
    found = {}
    for fid in fids:
        feature = layer.getFeature(fid)
        try:
            item = json.loads(feature["item_json"])
        except (TypeError, ValueError, KeyError):
            continue
        if isinstance(item, dict):
            found[fid] = item
    return found
