"""The Assets tab: the assets of the selected items, download and stream them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from qgis.core import QgsApplication, QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QFileDialog, QHeaderView, QTreeWidgetItem, QWidget

from ...api.assets import Asset, AssetProblem, assets_of
from ...api.catalogs import Catalog
from ...api.errors import EOExplorerError
from ...api.http import HttpClient
from ...assets import streaming, workflow
from ...core import log, settings
from ...core.tasks import WorkflowTask
from ...map import rasters

FORM, _ = uic.loadUiType(str(Path(__file__).resolve().parents[3] / "ui" / "assets_panel.ui"))
ASSET_ROLE = Qt.ItemDataRole.UserRole + 1
PROJECT_SCOPE = "eo_explorer"
PROJECT_KEY = "download_folder"
#: the columns of the asset tree: few and short, so that a laptop's dock shows them all
#: beside the check boxes. A raster icon before the key says QGIS opens the asset as a
#: raster; title, type, roles and link are in the key's tooltip.
ASSET, SIZE, STATUS = range(3)
#: short names of common media types (the full type is in the tooltip)
SHORT_TYPES = (
    ("profile=cloud-optimized", "COG"),
    ("image/tiff", "GeoTIFF"),
    ("image/jp2", "JPEG 2000"),
    ("image/png", "PNG"),
    ("image/jpeg", "JPEG"),
    ("application/json", "JSON"),
    ("application/geo+json", "GeoJSON"),
    ("xml", "XML"),
    ("netcdf", "netCDF"),
    ("hdf", "HDF"),
    ("zarr", "Zarr"),
    ("zip", "ZIP"),
    ("text/html", "HTML"),
)


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


def short_type(media_type: str) -> str:
    """``COG``, ``PNG``, ``JSON``…: what fits a narrow column."""
    lowered = media_type.lower()
    for needle, name in SHORT_TYPES:
        if needle in lowered:
            return name
    subtype = lowered.split(";")[0].split("/")[-1].strip()
    return subtype[:12]


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
        f.folderLabel.setBuddy(self.folder)
        # The check boxes (first column) stay in view in a laptop's dock: the asset name
        # takes what the short columns leave, elided in the middle.
        f.assetTree.setIndentation(14)
        header = f.assetTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ASSET, QHeaderView.ResizeMode.Stretch)
        for column in (SIZE, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        #: asks for a folder when Download is pressed without one (tests replace it)
        self.pick_folder = self._pick_folder
        self.task: Optional[WorkflowTask] = None  # the download's
        self.catalog: Optional[Catalog] = None
        #: set by show_items with the rows; None only while no asset is listed
        self.catalog_http: Optional[HttpClient] = None
        self._rows: dict[tuple[str, str], QTreeWidgetItem] = {}
        #: (item id, asset key) of the download running or last run
        self._asked: set[tuple[str, str]] = set()

    # -- folder, remembered per project ----------------------------------------------

    def remembered_folder(self) -> str:
        value, found = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        if found and value:
            return value
        return settings.get(settings.Key.DOWNLOAD_FOLDER)

    def remember_folder(self, path: str) -> None:
        QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_KEY, path)
        settings.set(settings.Key.DOWNLOAD_FOLDER, path)

    # -- listing ----------------------------------------------------------------------

    def show_items(
        self, items: list[dict], catalog: Optional[Catalog], catalog_http: Optional[HttpClient]
    ) -> None:
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
            parent.setFirstColumnSpanned(True)  # a long item id uses the whole width
            parent.setToolTip(ASSET, str(item.get("id")))
            for asset in assets_of(item):
                # the key is what is ticked ("in all items"); the rest is in the tooltip
                row = QTreeWidgetItem([asset.key, human_size(asset.size), ""])
                if asset.is_raster:
                    row.setIcon(ASSET, QgsApplication.getThemeIcon("/mIconRaster.svg"))
                if asset.size is None:
                    row.setToolTip(
                        SIZE,
                        tr(
                            "The catalog does not give the size; it shows once the download starts."
                        ),
                    )
                row.setData(0, ASSET_ROLE, asset)
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = (asset.item_id, asset.key) in ticked
                row.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                roles = ", ".join(asset.roles)
                tip = [asset.title] if asset.title else []
                if asset.media_type:
                    tip.append(f"{short_type(asset.media_type)} ({asset.media_type})")
                if asset.is_raster:
                    tip.append(tr("QGIS opens it as a raster layer."))
                if roles:
                    tip.append(tr("Roles: {roles}").format(roles=roles))
                tip.append(asset.href)
                row.setToolTip(ASSET, "\n".join(tip))
                parent.addChild(row)
                self._rows[(asset.item_id, asset.key)] = row
                if asset.key not in keys:
                    keys.append(asset.key)
            parent.setExpanded(len(items) <= 3)
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

    def download(self) -> None:
        assets = self.ticked()
        folder = self.folder.filePath().strip()
        if not assets:
            self._say(tr("Tick the assets to download first."))
            return
        if self.task is not None:
            return
        http = self.catalog_http
        if http is None:  # listed assets always come with their catalog's client
            return
        if not folder:
            folder = self.pick_folder()
            if not folder:
                self._say(tr("Choose a download folder first."))
                return
            self.folder.setFilePath(folder)  # remembered for the project too
        try:  # main thread: the credentials of the assets' hosts
            access = workflow.Access(self.catalog, http).gather(assets)
        except EOExplorerError as exc:
            self._say(str(exc))
            return
        workers = settings.download_workers()
        request = workflow.DownloadRequest(Path(folder), access, assets=assets, workers=workers)
        task = workflow.download_task(request, len(assets))
        task.reported.connect(self._file_progress)
        task.progressChanged.connect(lambda value: self.form.downloadProgress.setValue(int(value)))
        task.completed.connect(self._downloaded)
        self.task = task
        self._asked = {(a.item_id, a.key) for a in assets}
        self.form.downloadButton.setEnabled(False)
        self.form.cancelDownloadButton.setEnabled(True)
        self.form.downloadProgress.setVisible(True)
        self.form.downloadProgress.setValue(0)
        self._say(tr("Downloading {n} file(s)…").format(n=len(assets)))
        QgsApplication.taskManager().addTask(task)

    def _pick_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self, tr("Download folder"), str(Path.home()), QFileDialog.Option.ShowDirsOnly
        )

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _file_progress(self, file: workflow.FileProgress) -> None:
        row = self._rows.get((file.item_id, file.key))
        if row is None:
            return
        have, total = file.have, file.total
        if total > 0:
            # Catalogs often leave out file:size (the sandbox does): the server's
            # Content-Length fills the column as soon as the download starts.
            row.setText(SIZE, human_size(total))
            row.setToolTip(SIZE, "")
            row.setText(STATUS, f"{min(100, 100 * have // total)} %")
        else:
            row.setText(STATUS, human_size(have))
        row.setToolTip(STATUS, human_size(have) + (f" / {human_size(total)}" if total > 0 else ""))

    def _downloaded(self, outcome: workflow.DownloadOutcome) -> None:
        self.task = None
        try:
            self.form.downloadButton.setEnabled(True)
        except RuntimeError:
            return  # the dock is gone
        self.form.cancelDownloadButton.setEnabled(False)
        self.form.downloadProgress.setVisible(False)
        summary = outcome.summary
        loaded = workflow.load_downloaded(summary)
        summary.failed.extend(loaded.problems)
        for asset, result in summary.done:
            row = self._rows.get((asset.item_id, asset.key))
            if row is not None:
                row.setText(SIZE, human_size(result.size))
                row.setText(STATUS, tr("on disk") if result.existing else tr("done"))
                row.setToolTip(STATUS, str(result.path))
        for failure in summary.failed:
            row = self._rows.get((failure.asset.item_id, failure.asset.key))
            if row is not None:
                row.setText(STATUS, failure.reason)
                row.setToolTip(STATUS, failure.message)
            log.warning(f"Download failed: {failure}")
        if summary.cancelled:
            ended = {(a.item_id, a.key) for a, _r in summary.done}
            ended |= {(f.asset.item_id, f.asset.key) for f in summary.failed}
            for key in self._asked - ended:
                row = self._rows.get(key)
                if row is not None:
                    row.setText(STATUS, tr("cancelled"))
        text = outcome.text()
        if loaded.layers:
            text += " " + tr("{n} raster layer(s) added.").format(n=len(loaded.layers))
        if loaded.shown:
            text += " " + tr("{n} already on the map.").format(n=loaded.shown)
        self._say(text)
        self.dock.downloadsFinished.emit(summary)

    # -- stream -----------------------------------------------------------------------

    def stream(self) -> None:
        """Open the ticked rasters through GDAL without downloading them."""
        opened, problems = 0, []
        http = self.catalog_http
        for asset in self.ticked():
            if http is None:  # listed assets always come with their catalog's client
                break
            if not asset.is_raster:
                problems.append(tr("{key} is not a raster").format(key=asset.key))
                continue
            try:
                source = streaming.stream_source(asset, self.catalog, http)
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
