"""Processing algorithm "Download assets": the assets of footprints into a folder.

The footprints are a layer made by a search (the dock or "Search catalog"): each feature
carries its STAC item in the ``item_json`` field. The downloads are planned in
``prepareAlgorithm``, on the main thread, because the credentials (each https host's
account, the S3 keys) come from QGIS's authentication database; they then run in
``processAlgorithm`` (a background thread when started from the Toolbox), several at
once, resumable, exactly like the Assets tab's; downloaded rasters are added to the
project, styled, in ``postProcessAlgorithm``, back on the main thread.

A footprint from a catalog with the Fields extension holds only the footprint fields
(no assets) until it was selected in the dock; such items are read whole from the catalog
(their ``self`` link) while planning, one small JSON request each.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread

from .. import rasters, s3, settings, streaming
from ..api import batch
from ..api.assets import Asset, assets_of
from ..api.errors import EOExplorerError
from ..api.http import HttpClient
from ..api.stac import is_partial, whole_item
from ..network import plain_client
from ..translation import tr

ITEM_FIELD = "item_json"
#: How often the progress bar is updated while files download (seconds).
POLL = 0.1


def wanted_keys(text: str) -> list[str]:
    """Asset keys from a comma-separated text (blanks dropped, order kept, no repeats)."""
    keys: list[str] = []
    for part in (text or "").split(","):
        key = part.strip()
        if key and key.lower() not in (k.lower() for k in keys):
            keys.append(key)
    return keys


def choose_assets(items: list[dict], keys: list[str]) -> list[Asset]:
    """The assets of ``items`` named in ``keys`` (any case), or every raster asset."""
    lowered = {k.lower() for k in keys}
    chosen = []
    for item in items:
        for asset in assets_of(item):
            if (asset.key.lower() in lowered) if keys else asset.is_raster:
                chosen.append(asset)
    return chosen


class DownloadAssetsAlgorithm(QgsProcessingAlgorithm):
    INPUT = "INPUT"
    ASSETS = "ASSETS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    LOAD_RASTERS = "LOAD_RASTERS"
    DOWNLOADED = "DOWNLOADED"
    FAILED = "FAILED"

    def name(self) -> str:
        return "download_assets"

    def displayName(self) -> str:  # noqa: N802 - QGIS override
        return tr("Download assets")

    def group(self) -> str:
        return ""

    def groupId(self) -> str:  # noqa: N802 - QGIS override
        return ""

    def tags(self) -> list[str]:
        return tr("stac,assets,download,cog,geotiff,raster,satellite,earth observation").split(",")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS override
        return tr(
            "Downloads the assets (files) of the items of a footprints layer made by an "
            "EO Explorer search, into <i>folder/collection/item id/</i>.\n\n"
            '<b>Footprints</b>: a layer from the Search dock or from "Search catalog"; '
            'its item_json field describes each item. Tick "Selected features only" to '
            "download the assets of the selected footprints only.\n"
            "<b>Asset keys</b>: the assets to download, separated by commas, for example "
            "visual, lst or B04, B08. Leave empty to download every raster asset "
            "(GeoTIFF, COG, JPEG 2000).\n"
            "<b>Download folder</b>: where the files go. A download that was cancelled or "
            "cut off is resumed by running the algorithm again with the same folder; "
            "files are checked against the size and checksum the catalog gives.\n"
            "<b>Load the rasters</b>: add the downloaded rasters to the project, styled "
            "(true colour, temperature ramp or grey stretch), in the EO Explorer group.\n\n"
            "Assets on hosts that need an account use the account set up in EO Explorer "
            "▸ Accounts. Each file that fails is reported as a warning; the algorithm "
            "still downloads the others."
        )

    def createInstance(self) -> DownloadAssetsAlgorithm:  # noqa: N802 - QGIS override
        return DownloadAssetsAlgorithm()

    def initAlgorithm(self, config: Optional[dict[str, Any]] = None) -> None:  # noqa: ARG002, N802 - QGIS override
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                tr("Footprints (a layer from an EO Explorer search)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ASSETS,
                tr("Asset keys (comma-separated; empty: every raster asset)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Download folder"))
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.LOAD_RASTERS, tr("Load the rasters into the project"), defaultValue=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.DOWNLOADED, tr("Files downloaded")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, tr("Files that failed")))

    # -- main thread: items, assets and their clients -------------------------------------

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: N802 - QGIS override
        """Read the items, then plan the downloads: each https host's client and the S3
        keys come from the auth database, read on the main thread. A problem is raised
        from processAlgorithm, where Processing shows its message."""
        self._jobs: list[batch.Job] = []
        self._failures: list[batch.Failure] = []
        self._item_count = 0
        self._folder: Optional[Path] = None
        self._clients: dict[str, HttpClient] = {}
        self._plain: Optional[HttpClient] = None
        self._summary: Optional[batch.Summary] = None
        self._prepare_error: Optional[Exception] = None
        self._load_rasters = self.parameterAsBoolean(parameters, self.LOAD_RASTERS, context)
        try:
            items = self._items(parameters, context, feedback)
            keys = wanted_keys(self.parameterAsString(parameters, self.ASSETS, context))
            assets = choose_assets(items, keys)
            if not assets:
                raise QgsProcessingException(self._nothing_to_download(items, keys))
            # Read once: a temporary output gets a new name at every reading.
            folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
            if not folder:
                raise QgsProcessingException(tr("Choose a download folder."))
            self._folder = Path(folder)
            self._item_count = len({(a.collection, a.item_id) for a in assets})
            self._plain = plain_client()
            self._jobs, self._failures = batch.plan(assets, self._folder, self._http_for, s3=s3)
        except (QgsProcessingException, EOExplorerError) as exc:
            self._prepare_error = exc
        return True

    def _items(self, parameters, context, feedback) -> list[dict]:
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if source.fields().lookupField(ITEM_FIELD) < 0:
            raise QgsProcessingException(
                tr(
                    "The layer has no {0} field: use a footprints layer made by an EO "
                    "Explorer search."
                ).format(ITEM_FIELD)
            )
        items, seen, unreadable = [], set(), 0
        for feature in source.getFeatures():
            try:
                item = json.loads(feature[ITEM_FIELD])
            except (TypeError, ValueError):
                unreadable += 1
                continue
            if not isinstance(item, dict):
                unreadable += 1
                continue
            key = (item.get("collection"), item.get("id"))
            if key not in seen:
                seen.add(key)
                items.append(item)
        items = self._whole(items, feedback)
        if unreadable:
            feedback.pushWarning(
                tr("{0} footprint(s) skipped: their {1} field is not a STAC item.").format(
                    unreadable, ITEM_FIELD
                )
            )
        if not items:
            raise QgsProcessingException(
                tr(
                    'There are no footprints to download assets for (with "Selected '
                    'features only", select some footprints first).'
                )
            )
        return items

    @staticmethod
    def _whole(items: list[dict], feedback) -> list[dict]:
        """The items, those cut down by the Fields extension read whole."""
        partial = [i for i, item in enumerate(items) if is_partial(item)]
        if not partial:
            return items
        feedback.pushInfo(tr("Reading {0} item(s) whole from the catalog.").format(len(partial)))
        http = plain_client()
        for index in partial:
            if feedback.isCanceled():
                break
            try:
                items[index] = whole_item(items[index], http, feedback.isCanceled)
            except EOExplorerError as exc:
                feedback.pushWarning(
                    tr("Item {0} could not be read whole: {1}").format(items[index].get("id"), exc)
                )
        return items

    @staticmethod
    def _nothing_to_download(items: list[dict], keys: list[str]) -> str:
        available = []
        for item in items:
            for asset in assets_of(item):
                if asset.key not in available:
                    available.append(asset.key)
        if not keys:
            return tr("None of the {0} item(s) has a raster asset. Their assets: {1}.").format(
                len(items), ", ".join(available) or tr("none")
            )
        return tr("None of the {0} item(s) has an asset named {1}. Their assets: {2}.").format(
            len(items), ", ".join(keys), ", ".join(available) or tr("none")
        )

    def _http_for(self, asset: Asset) -> HttpClient:
        """The client of the asset's host (one per host; main thread)."""
        url = asset.location().url
        host = urlsplit(url).netloc
        if host not in self._clients:
            plain = self._plain or plain_client()
            self._clients[host] = streaming.http_for_asset(url, None, plain)
        return self._clients[host]

    # -- background thread: the downloads -------------------------------------------------

    def processAlgorithm(  # noqa: N802 - QGIS override
        self,
        parameters: dict[str, Any],  # noqa: ARG002 - part of the QGIS signature
        context: QgsProcessingContext,  # noqa: ARG002 - part of the QGIS signature
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        if getattr(self, "_prepare_error", None) is not None:
            raise QgsProcessingException(str(self._prepare_error))
        folder = getattr(self, "_folder", None)
        if folder is None:  # prepareAlgorithm did not run
            raise QgsProcessingException(tr("Choose a download folder."))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise QgsProcessingException(
                tr("The download folder {0} cannot be created: {1}").format(folder, exc)
            ) from exc
        jobs = self._jobs
        feedback.pushInfo(
            tr("Downloading {0} file(s) of {1} item(s) into {2}").format(
                len(jobs), self._item_count, folder
            )
        )
        summary = batch.Summary(failed=list(self._failures))
        try:
            self._run(jobs, summary, feedback)
        finally:
            for client in {id(c): c for c in [*self._clients.values(), self._plain]}.values():
                if client is not None:
                    client.session.close()
        self._summary = summary

        for asset, result in summary.done:
            resumed = ""
            if result.resumed_from:
                resumed = " " + tr("(resumed after {0} bytes)").format(result.resumed_from)
            feedback.pushInfo(
                tr("{0} · {1}: {2}").format(asset.item_id, asset.key, result.path) + resumed
            )
        for failure in summary.failed:
            feedback.pushWarning(tr("Failed: {0}").format(str(failure)))
        if summary.cancelled:
            feedback.pushWarning(
                tr(
                    "Cancelled. Partly downloaded files are kept (*.part): run the algorithm "
                    "again with the same folder to resume them."
                )
            )
        if summary.failed:
            feedback.pushWarning(summary.text())
        else:
            feedback.pushInfo(summary.text())
        feedback.setProgress(100.0)
        return {
            self.OUTPUT_FOLDER: str(folder),
            self.DOWNLOADED: len(summary.done),
            self.FAILED: len(summary.failed),
        }

    def _run(
        self, jobs: list[batch.Job], summary: batch.Summary, feedback: QgsProcessingFeedback
    ) -> None:
        """``batch.run`` in its own thread; this one reports progress, so the feedback is
        only used from the algorithm's thread."""
        if not jobs:
            return
        lock = threading.Lock()
        have = {id(job.asset): 0 for job in jobs}
        totals: dict[int, Optional[int]] = {id(job.asset): job.asset.size for job in jobs}
        errors: list[BaseException] = []

        def progress(asset: Asset, done: int, total: Optional[int]) -> None:
            with lock:
                have[id(asset)] = done
                if total:
                    totals[id(asset)] = total

        def work() -> None:
            try:
                batch.run(
                    jobs,
                    workers=self._workers(),
                    progress=progress,
                    is_cancelled=feedback.isCanceled,
                    summary=summary,
                )
            except Exception as exc:  # noqa: BLE001 - reported below, never lost
                errors.append(exc)

        worker = threading.Thread(target=work, name="eo-explorer-processing-download")
        worker.start()
        while worker.is_alive():
            worker.join(POLL)
            with lock:
                feedback.setProgress(_percent(have, totals))
        if errors:
            message = str(errors[0]) or type(errors[0]).__name__
            finished = {id(asset) for asset, _ in summary.done}
            finished |= {id(f.asset) for f in summary.failed}
            summary.failed.extend(
                batch.Failure(job.asset, "error", message)
                for job in jobs
                if id(job.asset) not in finished
            )
        summary.cancelled = feedback.isCanceled()

    @staticmethod
    def _workers() -> int:
        try:
            return max(1, int(settings.value("downloads/workers", batch.DEFAULT_WORKERS)))
        except (TypeError, ValueError):
            return batch.DEFAULT_WORKERS

    # -- main thread: layers --------------------------------------------------------------

    def postProcessAlgorithm(self, context, feedback) -> dict[str, Any]:  # noqa: N802 - QGIS override
        summary = getattr(self, "_summary", None)
        if summary is None or not getattr(self, "_load_rasters", False):
            return {}
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() != app.thread():
            feedback.pushInfo(tr("The rasters are not loaded: not running on the main thread."))
            return {}
        loaded = 0
        project = context.project()
        for asset, result in summary.done:
            if not asset.is_raster:
                continue
            try:
                rasters.add_raster(str(result.path), asset, project)
                loaded += 1
            except ValueError as exc:
                feedback.pushWarning(str(exc))
        if loaded:
            feedback.pushInfo(tr("{0} raster layer(s) added to the project.").format(loaded))
        return {}


def _percent(have: dict[int, int], totals: dict[int, Optional[int]]) -> float:
    """Bytes done over bytes to do when every size is known, else the mean per file."""
    if all(totals.values()):
        return min(100.0, 100.0 * sum(have.values()) / max(1, sum(totals.values())))  # type: ignore[arg-type]
    shares = [min(1.0, have[k] / total) if total else 0.0 for k, total in totals.items()]
    return 100.0 * sum(shares) / max(1, len(shares))
