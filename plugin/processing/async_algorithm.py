"""Processing algorithm "Sentinel Hub async process": the dock's Async engine without the
dock. The parameters of "Sentinel Hub Process", plus where Sentinel Hub delivers (a bucket
folder) and how it may write there (an IAM role, or the bucket account's keys when allowed);
the same workflow (``sentinelhub/async_process.py``) submits ONE request (up to 10000 x
10000 px), follows it until it ends and copies the result to the output GeoTIFF.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterString,
)

from ..api.async_process import (
    ASYNC_MAX_PIXELS,
    AsyncClient,
    Delivery,
    delivery_problem,
    folder_problem,
    role_problem,
)
from ..api.errors import EOExplorerError
from ..api.evalscripts import check_evalscript, guess_style
from ..api.process import OutputSize, check_endpoint, plan_job
from ..core import settings
from ..core.i18n import tr
from ..core.tasks import Progress
from ..sentinelhub.async_process import (
    POLL_FACTOR,
    POLL_FIRST,
    POLL_MAX,
    bucket_keys,
    delivery_for,
    execute,
)
from .process_algorithm import _STYLERS, SentinelHubProcessAlgorithm, _Styler


class SentinelHubAsyncAlgorithm(SentinelHubProcessAlgorithm):
    BUCKET_FOLDER, IAM_ROLE, SEND_KEYS = "BUCKET_FOLDER", "IAM_ROLE", "SEND_KEYS"
    REQUEST_ID, RESULT_URL = "REQUEST_ID", "RESULT_URL"
    #: pauses between status checks (first, factor, longest), lower in tests
    poll: tuple[float, float, float] = (POLL_FIRST, POLL_FACTOR, POLL_MAX)

    def name(self) -> str:
        return "sentinelhub_async_process"

    def displayName(self) -> str:  # noqa: N802 - QGIS override
        return tr("Sentinel Hub async process")

    def tags(self) -> list[str]:
        return [*super().tags(), "async", "s3", "bucket"]

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS override
        return tr(
            "Sends ONE request to the Sentinel Hub Async Process API (up to {0} × {0} "
            "pixels, no tiling), which writes the image to your S3 bucket as "
            "&lt;bucket folder&gt;/&lt;request id&gt;/default.tif; follows it until it ends "
            "and copies the image to <b>Image</b>.\n\n"
            "<b>Bucket folder</b>: s3://bucket/folder; the bucket's account (EO Explorer ▸ "
            "Accounts) lets QGIS read the result.\n"
            "<b>IAM role ARN</b>: a role Sentinel Hub may assume to write there (no key "
            "leaves QGIS), or tick <b>Let Sentinel Hub use this bucket's keys</b>.\n"
            "Cancel stops following only: the Async API cannot cancel a request, which "
            "keeps running and still writes its result.\n\n"
            "The other parameters are those of Sentinel Hub Process."
        ).format(ASYNC_MAX_PIXELS)

    def createInstance(self) -> SentinelHubAsyncAlgorithm:  # noqa: N802 - QGIS override
        return SentinelHubAsyncAlgorithm()

    def initAlgorithm(self, config: Optional[dict[str, Any]] = None) -> None:  # noqa: N802
        super().initAlgorithm(config)
        self.addParameter(
            QgsProcessingParameterString(
                self.BUCKET_FOLDER,
                tr("Bucket folder (s3://bucket/folder)"),
                defaultValue=settings.get(settings.Key.ASYNC_BUCKET_FOLDER) or None,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.IAM_ROLE, tr("IAM role ARN Sentinel Hub assumes"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SEND_KEYS, tr("Let Sentinel Hub use this bucket's keys"), defaultValue=False
            )
        )
        self.addOutput(QgsProcessingOutputString(self.REQUEST_ID, tr("Async request id")))
        self.addOutput(QgsProcessingOutputString(self.RESULT_URL, tr("Result in the bucket")))

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: N802
        """Main thread: the endpoint's account and the bucket's keys (given to GDAL for
        that bucket only)."""
        super().prepareAlgorithm(parameters, context, feedback)
        self._delivery: Optional[Delivery] = None
        if self._prepare_error is not None:
            return True
        try:
            folder = (self.parameterAsString(parameters, self.BUCKET_FOLDER, context) or "").strip()
            role = (self.parameterAsString(parameters, self.IAM_ROLE, context) or "").strip()
            problem = folder_problem(folder) or role_problem(role)
            if problem:
                raise QgsProcessingException(problem)
            keys = bucket_keys(folder)
            send = self.parameterAsBoolean(parameters, self.SEND_KEYS, context)
            self._delivery = delivery_for(folder, role, keys if send else None)
            problem = delivery_problem(self._delivery)
            if problem:
                raise QgsProcessingException(problem)
        except (QgsProcessingException, EOExplorerError) as exc:
            self._prepare_error = exc
        return True

    def processAlgorithm(self, parameters, context, feedback) -> dict[str, Any]:  # noqa: N802
        endpoint, http = self._prepared()
        delivery = self._delivery
        assert delivery is not None  # prepareAlgorithm sets it whenever it records no error
        try:
            script, style = self._script(parameters, context)
            info = check_evalscript(script)
            options = self._options(parameters, context, script)
            check_endpoint(options.collection, endpoint.id)
            area = self._area(parameters, context)
            width = self.parameterAsInt(parameters, self.WIDTH, context)
            height = self.parameterAsInt(parameters, self.HEIGHT, context)
            if parameters.get(self.WIDTH) not in (None, "") and width and height:
                size = OutputSize(width=width, height=height)
            else:
                resolution = self.parameterAsDouble(parameters, self.RESOLUTION, context)
                geographic = QgsCoordinateReferenceSystem(f"EPSG:{area.epsg}").isGeographic()
                size = OutputSize(resolution=resolution, geographic=geographic)
            job = plan_job(options, info, area, size, ASYNC_MAX_PIXELS)
        except (ValueError, OSError, EOExplorerError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        out_path = Path(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
        if out_path.suffix.lower() not in (".tif", ".tiff"):
            raise QgsProcessingException(tr("The image is written as a GeoTIFF: use .tif."))
        feedback.pushInfo(
            tr("One Async request of {0} × {1} px in EPSG:{2}, delivered to {3}").format(
                job.grid.width, job.grid.height, job.grid.epsg, delivery.url
            )
        )
        progress = Progress(
            is_cancelled=feedback.isCanceled, percent=feedback.setProgress, info=feedback.pushInfo
        )
        client = AsyncClient(http, endpoint.url)
        outcome = execute(job, delivery, client, out_path, progress, poll=self.poll)
        if outcome.cancelled:
            raise QgsProcessingException(outcome.stopped_text)
        if outcome.error is not None:
            if outcome.error.details:
                feedback.pushDebugInfo(outcome.error.details)
            raise QgsProcessingException(str(outcome.error))
        feedback.pushInfo(tr("Saved {0} from {1}").format(out_path, outcome.result_url))
        acquired = (outcome.start, outcome.end)
        if context.willLoadLayerOnCompletion(str(out_path)):
            styler = _Styler(style, acquired)
            _STYLERS.append(styler)
            del _STYLERS[:-8]
            context.layerToLoadOnCompletionDetails(str(out_path)).setPostProcessor(styler)
        for result in outcome.outputs[1:]:
            feedback.pushInfo(tr("Output {0} saved as {1}").format(result.id, result.path))
            if context.willLoadLayerOnCompletion(str(out_path)):
                self._load_beside(context, result, guess_style(info.output(result.id)), acquired)
        return {
            self.OUTPUT: str(out_path),
            self.REQUESTS: 1,
            self.UNITS: job.estimate_units(),
            self.REQUEST_JSON: str(outcome.request_path),
            self.OUTPUTS: ";".join(str(r.path) for r in outcome.outputs),
            self.REQUEST_ID: outcome.request_id,
            self.RESULT_URL: outcome.result_url,
        }
