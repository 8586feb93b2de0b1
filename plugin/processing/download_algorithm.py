"""Processing algorithm "Download assets": the assets of footprints into a folder.

The footprints are a layer made by a search (the dock or "Search catalog"): each feature
carries its STAC item in the ``item_json`` field. A thin adapter over
:mod:`plugin.assets.workflow`, the Assets tab's download: ``prepareAlgorithm`` (main
thread) reads the items from the layer and the credentials of the asset hosts from QGIS's
authentication database; ``processAlgorithm`` (a background thread when started from the
Toolbox) runs :func:`workflow.download` — items cut down by the Fields extension read
whole, the plan, the downloads, several at once and resumable — with the feedback as its
progress; ``postProcessAlgorithm`` (main thread) loads the rasters, styled.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

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

from ..api import batch
from ..api.assets import Asset, assets_of
from ..api.errors import EOExplorerError
from ..api.stac import is_partial
from ..assets import workflow
from ..core import settings
from ..core.i18n import tr
from ..core.network import plain_client
from ..core.tasks import processing_progress

ITEM_FIELD = "item_json"


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


def chooser(keys: list[str]):
    """``choose_assets`` for the workflow: no asset to download is an error that says
    which assets the items have."""

    def choose(items: list[dict]) -> list[Asset]:
        chosen = choose_assets(items, keys)
        if not chosen:
            raise EOExplorerError(workflow.nothing_to_download(items, keys))
        return chosen

    return choose


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

    # -- main thread: items and the credentials of their hosts ----------------------------

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: N802 - QGIS override
        """Read the items from the layer, and the credentials of the asset hosts from the
        auth database (main thread; no network). A problem is raised from
        processAlgorithm, where Processing shows its message."""
        self._request: Optional[workflow.DownloadRequest] = None
        self._summary: Optional[batch.Summary] = None
        self._prepare_error: Optional[Exception] = None
        self._load_rasters = self.parameterAsBoolean(parameters, self.LOAD_RASTERS, context)
        try:
            items = self._items(parameters, context, feedback)
            keys = wanted_keys(self.parameterAsString(parameters, self.ASSETS, context))
            whole = [item for item in items if not is_partial(item)]
            # Read once: a temporary output gets a new name at every reading.
            folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
            if not folder:
                raise QgsProcessingException(tr("Choose a download folder."))
            access = workflow.Access(None, plain_client()).gather(choose_assets(whole, keys))
            if len(whole) < len(items):  # their assets are known once read whole
                access.gather_accounts()
            self._request = workflow.DownloadRequest(
                Path(folder), access, items=items, choose=chooser(keys), workers=self._workers()
            )
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

    # -- background thread: the downloads -------------------------------------------------

    def processAlgorithm(  # noqa: N802 - QGIS override
        self,
        parameters: dict[str, Any],  # noqa: ARG002 - part of the QGIS signature
        context: QgsProcessingContext,  # noqa: ARG002 - part of the QGIS signature
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        if getattr(self, "_prepare_error", None) is not None:
            raise QgsProcessingException(str(self._prepare_error))
        request = getattr(self, "_request", None)
        if request is None:  # prepareAlgorithm did not run
            raise QgsProcessingException(tr("Choose a download folder."))
        try:
            outcome = workflow.download(request, processing_progress(feedback))
        finally:
            request.access.close()
        for warning in outcome.warnings:
            feedback.pushWarning(warning)
        if outcome.error is not None:
            raise QgsProcessingException(str(outcome.error))
        summary = self._summary = outcome.summary
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
            self.OUTPUT_FOLDER: str(request.folder),
            self.DOWNLOADED: len(summary.done),
            self.FAILED: len(summary.failed),
        }

    @staticmethod
    def _workers() -> int:
        return settings.download_workers()

    # -- main thread: layers --------------------------------------------------------------

    def postProcessAlgorithm(self, context, feedback) -> dict[str, Any]:  # noqa: N802 - QGIS override
        summary = getattr(self, "_summary", None)
        if summary is None or not getattr(self, "_load_rasters", False):
            return {}
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() != app.thread():
            feedback.pushInfo(tr("The rasters are not loaded: not running on the main thread."))
            return {}
        loaded = workflow.load_downloaded(summary, project=context.project(), skip_shown=False)
        for problem in loaded.problems:
            feedback.pushWarning(problem.message)
        if loaded.layers:
            feedback.pushInfo(
                tr("{0} raster layer(s) added to the project.").format(len(loaded.layers))
            )
        return {}
