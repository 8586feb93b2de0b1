"""Processing algorithm "Sentinel Hub batch statistics": the statistics of an evalscript
per time interval for every polygon of a layer, computed by Sentinel Hub's Batch
Statistical API (the polygons go to the user's bucket as a GeoPackage, the results come
back from it), or with one Statistical request per polygon when the account has no Batch
Statistical. The output is the polygons joined with their series: one feature per polygon,
interval, output and band, with the polygon's attributes."""

from __future__ import annotations

import math
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ..api.accounts import Credentials, s3_account
from ..api.batch_statistical_client import BatchStatisticalClient
from ..api.errors import EOExplorerError
from ..api.evalscripts import check_evalscript
from ..api.process import check_endpoint
from ..api.process_client import ProcessClient
from ..api.statistical import (
    DEFAULT_PERCENTILES,
    StatisticalClient,
    StatisticalRequest,
    csv_header,
    csv_rows,
)
from ..api.tiling import utm_epsg
from ..core.i18n import tr
from ..core.tasks import processing_progress
from ..map.fields import field
from ..sentinelhub.batch_statistics import (
    BatchStatisticsJob,
    one_request_per_polygon,
    run_batch_statistics,
)
from . import sentinelhub_parameters as shared
from .process_algorithm import SentinelHubProcessAlgorithm

INTERVALS = ["P1D", "P5D", "P10D", "P1M"]


class SentinelHubBatchStatisticsAlgorithm(SentinelHubProcessAlgorithm):
    INPUT, INTERVAL, FOLDER = "INPUT", "INTERVAL", "FOLDER"
    IAM_ROLE, SHARE_KEYS = "IAM_ROLE", "SHARE_KEYS"

    def name(self) -> str:
        return "sentinelhub_batch_statistics"

    def displayName(self) -> str:  # noqa: N802 - QGIS override
        return tr("Sentinel Hub batch statistics")

    def tags(self) -> list[str]:
        return tr("sentinel hub,statistical api,batch statistical,time series,ndvi,fields").split(
            ","
        )

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS override
        return tr(
            "Statistics (mean, standard deviation, min, max, percentiles 10/50/90) of an "
            "evalscript's output per time interval, for every polygon of a layer, with "
            "Sentinel Hub's Batch Statistical API.\n\n"
            "The polygons are written as a GeoPackage into the <b>bucket folder</b> "
            "(s3://bucket/folder, with its account under EO Explorer ▸ Accounts); Sentinel "
            "Hub reads them there and writes one result file per polygon beside them. It "
            "needs access to the bucket: an <b>IAM role ARN</b>, or tick <b>Let Sentinel "
            "Hub use this bucket's keys</b> to send the bucket's keys with the request.\n"
            "The evalscript needs a dataMask output. <b>Resolution</b> in metres (the "
            "polygons are sent in the UTM zone of the layer).\n"
            "An account without Batch Statistical (enterprise plans) gets the same series "
            "with one Statistical request per polygon.\n"
            "<b>Output</b>: one feature per polygon, interval, output and band, with the "
            "polygon's attributes and geometry."
        )

    def createInstance(self) -> SentinelHubBatchStatisticsAlgorithm:  # noqa: N802 - QGIS override
        return SentinelHubBatchStatisticsAlgorithm()

    def initAlgorithm(self, config: Optional[dict[str, Any]] = None) -> None:  # noqa: N802, ARG002
        shared.add_endpoint(self)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Polygons"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        shared.add_collection(self)
        shared.add_dates(self)
        self.addParameter(shared.enum_parameter(self.INTERVAL, tr("Interval"), INTERVALS, "P10D"))
        shared.add_evalscript(self, "ndvi_statistics")
        shared.add_scene_filter(self)
        shared.add_resolution(self)
        self.addParameter(
            QgsProcessingParameterString(self.FOLDER, tr("Bucket folder (s3://bucket/folder)"))
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.IAM_ROLE, tr("IAM role ARN Sentinel Hub may assume"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SHARE_KEYS, tr("Let Sentinel Hub use this bucket's keys"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                tr("Polygons with their series"),
                QgsProcessing.SourceType.TypeVectorPolygon,
            )
        )

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: N802 - QGIS override
        """Main thread: the Sentinel Hub account and the bucket's keys."""
        super().prepareAlgorithm(parameters, context, feedback)
        self._keys: Optional[Credentials] = None
        if getattr(self, "_prepare_error", None) is not None:
            return True
        from ..core import credentials

        folder = self._text(parameters, self.FOLDER, context)
        if not folder.startswith("s3://") or not folder[5:].split("/", 1)[0]:
            self._prepare_error = QgsProcessingException(
                tr("The bucket folder must be an S3 URL: s3://bucket/folder.")
            )
            return True
        service = s3_account(folder[5:].split("/", 1)[0])
        try:
            keys = credentials.load(service) if credentials.authcfg(service) else None
        except EOExplorerError as exc:
            self._prepare_error = exc
            return True
        if keys is None or not keys.complete:
            self._prepare_error = QgsProcessingException(
                tr(
                    "Set up the {0} account (endpoint, region, access and secret key) under "
                    "Accounts… so that the polygons can be written to the bucket."
                ).format(credentials.title(service))
            )
        self._keys = keys
        return True

    def processAlgorithm(self, parameters, context, feedback) -> dict[str, Any]:  # noqa: N802 - QGIS override
        endpoint, http = self._prepared()
        keys = self._keys
        assert keys is not None  # prepareAlgorithm records an error when it has none
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        try:
            script, _style = self._script(parameters, context)
            check_evalscript(script)
            options = self._options(parameters, context, script)
            check_endpoint(options.collection, endpoint.id)
        except (ValueError, OSError, EOExplorerError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        features = [f for f in source.getFeatures() if f.hasGeometry()]
        if not features:
            raise QgsProcessingException(tr("The layer has no polygons."))
        # In the UTM zone of the layer, so that the resolution is in metres.
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        to_wgs84 = QgsCoordinateTransform(source.sourceCrs(), wgs84, context.transformContext())
        centre = to_wgs84.transformBoundingBox(source.sourceExtent()).center()
        epsg = utm_epsg(centre.x(), centre.y())
        to_utm = QgsCoordinateTransform(
            source.sourceCrs(),
            QgsCoordinateReferenceSystem(f"EPSG:{epsg}"),
            context.transformContext(),
        )
        polygons = []
        for feature in features:
            geometry = feature.geometry()
            geometry.transform(to_utm)
            polygons.append((int(feature.id()), geometry.asWkt()))
        resolution = self.parameterAsDouble(parameters, self.RESOLUTION, context)
        interval = self._text(parameters, self.INTERVAL, context) or "P10D"
        statistics = StatisticalRequest.from_options(
            options,
            interval,
            epsg=epsg,
            resolution=(resolution, resolution),
            percentiles=DEFAULT_PERCENTILES,
        )
        job = BatchStatisticsJob(
            features=polygons,
            epsg=epsg,
            statistics=statistics,
            folder=self._text(parameters, self.FOLDER, context),
            keys=keys,
            iam_role_arn=self._text(parameters, self.IAM_ROLE, context),
            share_keys=self.parameterAsBoolean(parameters, self.SHARE_KEYS, context),
            # seconds between two looks at the request's status (not shown in the dialog)
            poll_seconds=float(parameters.get("POLL_SECONDS", 5.0)),
        )
        process = ProcessClient(http, endpoint.process_url)
        progress = processing_progress(feedback)
        outcome = run_batch_statistics(job, BatchStatisticalClient(process, endpoint.url), progress)
        if outcome.not_allowed:
            feedback.pushWarning(str(outcome.error))
            stats_client = StatisticalClient.for_endpoint(process, endpoint.url)
            outcome = one_request_per_polygon(job, stats_client, progress)
        if outcome.cancelled:
            raise QgsProcessingException(
                tr("Cancelled: the Batch Statistical request was stopped.")
            )
        if outcome.error is not None:
            if outcome.error.details:
                feedback.pushDebugInfo(outcome.error.details)
            raise QgsProcessingException(str(outcome.error))
        for feature_id, sentence in outcome.failed:
            feedback.pushWarning(tr("Polygon {0}: {1}").format(feature_id, sentence))
        if outcome.request_id:
            feedback.pushInfo(
                tr("Batch Statistical request {0}; results in {1}").format(
                    outcome.request_id, outcome.results_url
                )
            )
        return {self.OUTPUT: self._write(parameters, context, source, features, outcome)}

    def _write(self, parameters, context, source, features, outcome) -> str:
        fields = QgsFields(source.fields())
        columns = csv_header(DEFAULT_PERCENTILES)
        numeric = {"mean", "stDev", "min", "max", "p10", "p50", "p90"}
        counts = {"sampleCount", "noDataCount"}
        for name in columns:
            kind = "double" if name in numeric else "int" if name in counts else "string"
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        by_id = {int(f.id()): f for f in features}
        for feature_id, result in outcome.series:
            polygon = by_id[feature_id]
            for row in csv_rows(result, DEFAULT_PERCENTILES)[1:]:
                out = QgsFeature(fields)
                out.setGeometry(polygon.geometry())
                values = list(polygon.attributes())
                for name, value in zip(columns, row):
                    if name in numeric or name in counts:
                        value = (
                            None
                            if value == "" or (isinstance(value, float) and math.isnan(value))
                            else value
                        )
                    values.append(value)
                out.setAttributes(values)
                sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return dest


__all__ = ["SentinelHubBatchStatisticsAlgorithm"]
