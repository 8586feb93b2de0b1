"""Processing: "Sentinel Hub batch process": the Process algorithm's data, evalscript and
area as a Batch Processing request on a tiling grid. It analyses the request and reports
the tile count and cost; only with "Start after analysis" checked does it start it (that
costs processing units), follow it to its end and output the mosaic VRT of the tiles in
the bucket (read with the bucket's S3 account, scoped to that bucket)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..api.batch_process import (
    TILING_GRIDS,
    BatchClient,
    batch_body,
    batch_job,
    check_grid,
)
from ..api.errors import CredentialsRequired, EOExplorerError
from ..api.evalscripts import check_evalscript
from ..api.process import check_endpoint
from ..core import settings
from ..core.tasks import processing_progress
from ..sentinelhub import batch_process as workflow
from .process_algorithm import SentinelHubProcessAlgorithm


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


#: Every grid resolution, "<grid id>:<resolution>", as the Resolution choice offers them.
CHOICES = [(g.id, r, f"{g.name}, {r:g}{'°' if g.unit == 'DEGREE' else ' m'}")
           for g in TILING_GRIDS for r in g.resolutions]  # fmt: skip


class SentinelHubBatchAlgorithm(SentinelHubProcessAlgorithm):
    GRID = "GRID"
    FOLDER = "BUCKET_FOLDER"
    START_NOW = "START_PROCESSING"
    MOSAIC = "MOSAIC"
    REQUEST_ID = "REQUEST_ID"
    STATUS = "STATUS"
    TILES = "TILES"
    ESTIMATE = "ESTIMATE"
    #: seconds between two reads of the request's state
    poll_seconds = workflow.POLL_SECONDS

    def name(self) -> str:
        return "sentinelhub_batch_process"

    def displayName(self) -> str:  # noqa: N802 - QGIS override
        return tr("Sentinel Hub batch process")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS override
        return tr(
            "A large area on Sentinel Hub's own engine (Batch Processing API): the area is cut "
            "on a tiling grid, and the tiles are written as COGs to your bucket (s3://bucket/"
            "folder; its policy must let Sentinel Hub write there, no key is sent). The "
            "request is analysed and its tile count and cost reported; it is started only "
            "when 'Start after analysis' is checked, then followed to its end, and the tiles "
            "are gathered in one VRT read with the bucket's S3 account."
        )

    def createInstance(self) -> SentinelHubBatchAlgorithm:  # noqa: N802 - QGIS override
        return SentinelHubBatchAlgorithm()

    def initAlgorithm(self, config: Optional[dict[str, Any]] = None) -> None:  # noqa: N802
        super().initAlgorithm(config)
        for name in (self.OUTPUT, self.WIDTH, self.HEIGHT, self.RESOLUTION, self.CRS):
            if self.parameterDefinition(name) is not None:
                self.removeParameter(name)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.GRID, tr("Tiling grid and resolution"), [c[2] for c in CHOICES],
                defaultValue=0,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterString(
                self.FOLDER,
                tr("Bucket folder (s3://bucket/folder)"),
                defaultValue=settings.get(settings.Key.BATCH_FOLDER) or "",
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.START_NOW, tr("Start after analysis (costs processing units)"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.MOSAIC, tr("Mosaic (VRT of the tiles)"), optional=True,
                createByDefault=False,
            )
        )  # fmt: skip

    def add_outputs(self) -> None:
        """What :meth:`processAlgorithm` returns (the Process algorithm's requests, units,
        request JSON and images are not this one's)."""
        self.addOutput(QgsProcessingOutputString(self.REQUEST_ID, tr("Batch request id")))
        self.addOutput(QgsProcessingOutputString(self.STATUS, tr("Batch request state")))
        self.addOutput(QgsProcessingOutputNumber(self.TILES, tr("Tiles")))
        self.addOutput(QgsProcessingOutputNumber(self.ESTIMATE, tr("Estimated processing units")))

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: N802
        super().prepareAlgorithm(parameters, context, feedback)
        self._s3_options: Optional[dict] = None
        self._s3_error: Optional[Exception] = None
        if self.parameterAsBoolean(parameters, self.START_NOW, context):
            from ..api.batch_process import split_s3_url

            try:
                bucket, _ = split_s3_url(self.parameterAsString(parameters, self.FOLDER, context))
                self._s3_options = workflow.bucket_keys_ready(bucket)  # main thread: auth DB
            except (ValueError, CredentialsRequired) as exc:
                self._s3_error = exc
        return True

    def processAlgorithm(self, parameters, context, feedback) -> dict[str, Any]:  # noqa: N802
        endpoint, http = self._prepared()
        start = self.parameterAsBoolean(parameters, self.START_NOW, context)
        if start and self._s3_error is not None:
            raise QgsProcessingException(str(self._s3_error))
        try:
            script, _style = self._script(parameters, context)
            info = check_evalscript(script)
            options = self._options(parameters, context, script)
            check_endpoint(options.collection, endpoint.id)
            grid_id, resolution, _label = CHOICES[
                self.parameterAsEnum(parameters, self.GRID, context)
            ]
            check_grid(grid_id, resolution)
            folder = self.parameterAsString(parameters, self.FOLDER, context).strip()
            body = batch_body(batch_job(options, info, self._area(parameters, context)),
                              grid_id, resolution, folder, "EO Explorer (Processing)")  # fmt: skip
        except (ValueError, OSError, EOExplorerError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        client = BatchClient(http, endpoint.url)
        progress = processing_progress(feedback)
        outcome = workflow.create_and_analyse(client, body, progress, self.poll_seconds)
        self._check(outcome, feedback)
        request = outcome.request
        assert request is not None
        feedback.pushInfo(tr("Analysed: {0}.").format(request.estimate_text()))
        results: dict[str, Any] = {
            self.REQUEST_ID: request.id,
            self.TILES: request.tile_count or 0,
            self.ESTIMATE: request.value_estimate or 0.0,
        }
        if not start:
            feedback.pushInfo(tr("Not started: check 'Start after analysis' to start it."))
            results[self.STATUS] = request.status
            return results
        outcome = workflow.start_and_follow(client, request.id, progress, self.poll_seconds)
        self._check(outcome, feedback)
        request = outcome.request
        assert request is not None
        results[self.STATUS] = request.status
        for tile in outcome.failed_tiles:
            feedback.pushWarning(tr("Tile {0} failed: {1}").format(tile.id, tile.error))
        if not request.has_results:
            return results
        target = self.parameterAsOutputLayer(parameters, self.MOSAIC, context)
        if not target:
            return results
        vrt = Path(target).with_suffix(".vrt")
        output_id = info.output_ids[0]
        mosaic = workflow.build_mosaic(request, output_id, vrt, progress, self._s3_options)
        self._check(mosaic, feedback)
        results[self.MOSAIC] = str(vrt)
        return results

    @staticmethod
    def _check(outcome: workflow.BatchOutcome, feedback) -> None:
        if outcome.cancelled:
            raise QgsProcessingException(tr("Cancelled; the request goes on at Sentinel Hub."))
        if outcome.error is not None:
            if outcome.error.details:
                feedback.pushDebugInfo(outcome.error.details)
            raise QgsProcessingException(str(outcome.error))
