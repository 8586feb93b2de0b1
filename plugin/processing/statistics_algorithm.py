"""Processing algorithm "Sentinel Hub statistics (time series)": the Process dock's
time-series engine without the dock.

Each polygon of INPUT (or the extent) is one Statistical API request, sent one after the
other by :func:`plugin.sentinelhub.statistics.polygon_statistics` (the dock's workflow);
OUTPUT is a table without geometry, one row per polygon, interval and band (the columns
of the CSV), and CSV the same rows as a file. The data options, evalscript and account are
read as the "Sentinel Hub Process" algorithm reads them.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)

from ..api.errors import EOExplorerError
from ..api.evalscripts import check_evalscript
from ..api.process import OutputSize, check_endpoint, plan_job
from ..api.process_client import ProcessClient
from ..api.statistical import LAST_INTERVAL, StatisticalClient
from ..core.i18n import tr
from ..core.tasks import processing_progress
from ..sentinelhub.areas import make_area
from ..sentinelhub.statistics import (
    INTERVALS,
    PolygonArea,
    StatisticsJob,
    outcome_summary,
    polygon_statistics,
)
from ..sentinelhub.statistics_layers import table_features, table_fields
from . import sentinelhub_parameters as shared
from .process_algorithm import SentinelHubProcessAlgorithm

#: the percentile band choices as Processing strings
PERCENTILE_CHOICES = {
    "10-90": (0.1, 0.9),
    "25-75": (0.25, 0.75),
    "5-95": (0.05, 0.95),
    "none": None,
}


class SentinelHubStatisticsAlgorithm(SentinelHubProcessAlgorithm):
    INTERVAL, PERCENTILES, LAST = "INTERVAL", "PERCENTILES", "LAST_INTERVAL"
    CSV = "CSV"

    def name(self) -> str:
        return "sentinelhub_statistics"

    def displayName(self) -> str:  # noqa: N802 - QGIS override
        return tr("Sentinel Hub statistics (time series)")

    def tags(self) -> list[str]:
        return ["sentinel", "statistical", "time series", "ndvi", "zonal", "statistics"]

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS override
        return tr(
            "Statistics of an evalscript's output per time interval (Sentinel Hub "
            "Statistical API): mean, standard deviation, minimum, maximum, percentiles "
            "and pixel counts, for each polygon of the area layer (one request each) or "
            "for the extent. The evalscript needs an output with id dataMask, which says "
            'which pixels count (the presets "with dataMask" have one). The table has one '
            "row per polygon, interval and band. Intervals without any acquisition are "
            "not listed; an interval whose pixels are all masked (clouds, no data) has a "
            "row with empty statistics."
        )

    def createInstance(self) -> SentinelHubStatisticsAlgorithm:  # noqa: N802 - QGIS override
        return SentinelHubStatisticsAlgorithm()

    def initAlgorithm(self, config: Optional[dict[str, Any]] = None) -> None:  # noqa: N802, ARG002
        shared.add_endpoint(self)
        shared.add_collection(self)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREA,
                tr("Polygons (one series each)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(
                self.EXTENT, tr("Extent (without polygons)"), optional=True
            )
        )
        shared.add_dates(self)
        shared.add_evalscript(self, "ndvi_statistics")
        self.addParameter(
            shared.enum_parameter(
                self.INTERVAL, tr("Interval"), [d for d, _label in INTERVALS], "P10D"
            )
        )
        self.addParameter(
            shared.enum_parameter(
                self.PERCENTILES, tr("Percentiles"), list(PERCENTILE_CHOICES), "10-90"
            )
        )
        self.addParameter(
            shared.enum_parameter(
                self.LAST, tr("Last interval that does not fit"), list(LAST_INTERVAL), "SHORTEN"
            )
        )
        shared.add_scene_filter(self)
        self.addParameter(
            QgsProcessingParameterCrs(self.CRS, tr("CRS (empty: UTM zone)"), optional=True)
        )
        shared.add_resolution(self)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Statistics table"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.CSV, tr("CSV file"), tr("CSV files (*.csv)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.REQUESTS, tr("Requests sent")))

    def _polygons(self, parameters, context) -> tuple[PolygonArea, ...]:
        target = self.parameterAsCrs(parameters, self.CRS, context)
        target = target if target.isValid() else None
        transform_context = context.transformContext()
        if parameters.get(self.AREA) not in (None, ""):
            source = self.parameterAsSource(parameters, self.AREA, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.AREA))
            names = [f.name() for f in source.fields() if not (f.isNumeric() or f.isDateOrTime())]
            out = []
            for feature in source.getFeatures():
                if not feature.hasGeometry():
                    continue
                label = str(feature[names[0]]) if names and feature[names[0]] else ""
                area = make_area(
                    feature.geometry(), source.sourceCrs(), target, transform_context, clip=True
                )
                out.append(PolygonArea(label or f"feature {feature.id()}", area, feature.id()))
            if not out:
                raise QgsProcessingException(tr("The polygons layer has no polygon."))
            return tuple(out)
        extent = self.parameterAsExtent(parameters, self.EXTENT, context)
        if extent.isNull() or extent.isEmpty():
            raise QgsProcessingException(tr("Give polygons or an extent."))
        crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
        crs = crs if crs.isValid() else QgsCoordinateReferenceSystem("EPSG:4326")
        area = make_area(QgsGeometry.fromRect(extent), crs, target, transform_context, clip=False)
        return (PolygonArea(tr("extent"), area),)

    def processAlgorithm(self, parameters, context, feedback) -> dict[str, Any]:  # noqa: N802 - QGIS override
        endpoint, http = self._prepared()
        try:
            script, _style = self._script(parameters, context)
            info = check_evalscript(script)
            options = self._options(parameters, context, script)
            check_endpoint(options.collection, endpoint.id)
            polygons = self._polygons(parameters, context)
            resolution = self.parameterAsDouble(parameters, self.RESOLUTION, context)
            first = polygons[0].area
            geographic = QgsCoordinateReferenceSystem(f"EPSG:{first.epsg}").isGeographic()
            grid = plan_job(
                options, info, first, OutputSize(resolution=resolution, geographic=geographic)
            ).grid
            job = StatisticsJob(
                options=options,
                interval=self._text(parameters, self.INTERVAL, context) or "P10D",
                polygons=polygons,
                resolution=(abs(grid.px), abs(grid.py)),
                last_interval=self._text(parameters, self.LAST, context) or "SHORTEN",
                band=PERCENTILE_CHOICES.get(
                    self._text(parameters, self.PERCENTILES, context) or "10-90", (0.1, 0.9)
                ),
            )
            problems = job.problems()
            if problems:
                raise QgsProcessingException(" ".join(problems))
        except (ValueError, OSError, EOExplorerError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.pushInfo(
            tr("{0} polygon(s), one Statistical API request each.").format(len(polygons))
        )
        client = StatisticalClient.for_endpoint(
            ProcessClient(
                http,
                endpoint.process_url,
                on_wait=lambda seconds: feedback.pushInfo(
                    tr("Sentinel Hub asked to slow down: waiting {0} s.").format(f"{seconds:.1f}")
                ),
            ),
            endpoint.url,
        )
        outcome = polygon_statistics(job, client, processing_progress(feedback))
        if outcome.cancelled:
            raise QgsProcessingException(tr("Cancelled."))
        if outcome.error is not None:
            if outcome.error.details:
                feedback.pushDebugInfo(outcome.error.details)
            raise QgsProcessingException(str(outcome.error))
        for series in outcome.failed:
            feedback.pushWarning(f"{series.label}: {series.error}")
        feedback.pushInfo(outcome_summary(outcome))
        fields = table_fields(outcome)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for feature in table_features(outcome, fields):
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        results: dict[str, Any] = {self.OUTPUT: dest_id, self.REQUESTS: outcome.requests}
        csv_path = self.parameterAsFileOutput(parameters, self.CSV, context)
        if csv_path:
            target = Path(csv_path)
            partial = target.with_name(target.name + ".part")
            with partial.open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle, lineterminator="\n").writerows(outcome.rows())
            partial.replace(target)
            results[self.CSV] = str(target)
        return results
