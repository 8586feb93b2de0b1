"""Processing algorithm "Search catalog": a catalog search whose result is a footprints layer.

A thin adapter over :func:`plugin.search.workflow.search`, the search the Search dock runs:
Processing runs ``processAlgorithm`` in a background thread already, so the workflow runs
here with the feedback for progress, log lines and cancelling, and each page's footprints
go to the output as they arrive.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameters,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..api.catalogs import Catalog
from ..api.errors import EOExplorerError
from ..api.geometry import SearchArea
from ..api.http import HttpClient
from ..api.search import SearchRequest, is_sentinelhub_catalog
from ..core import settings
from ..core.i18n import tr
from ..core.network import http_for
from ..core.tasks import processing_progress
from ..map.areas import WGS84, extent_area, geometries_area
from ..map.footprints import footprint_fields, move_into_group, style_footprints
from ..search.workflow import search

#: Rejected items reported one by one; the rest are counted.
MAX_REJECTED_WARNINGS = 20


def resolve_catalog(value: str) -> Catalog:
    """A preset or saved catalog by id, or any STAC API by its URL."""
    text = (value or "").strip()
    if not text:
        raise QgsProcessingException(tr("No catalog given: enter a catalog id or a STAC API URL."))
    catalog = settings.find_catalog(text)
    if catalog is not None:
        return catalog
    if text.lower().startswith(("http://", "https://")):
        return Catalog(id="url", title=text, url=text)
    known = ", ".join(c.id for c in settings.catalogs())
    raise QgsProcessingException(
        tr(
            'Unknown catalog "{0}". Use one of {1} or the URL of a STAC API '
            "(starting with http:// or https://)."
        ).format(text, known)
    )


#: Post-processors must outlive the run (QGIS keeps no reference to them).
_STYLERS: list[QgsProcessingLayerPostProcessorInterface] = []


class _FootprintsStyler(QgsProcessingLayerPostProcessorInterface):
    """The output looks and behaves like the dock's layer: style, time, EO Explorer group."""

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (QGIS name)
        try:
            style_footprints(layer)
            move_into_group(layer, context.project())
        except Exception as exc:  # noqa: BLE001 - styling never fails the run
            feedback.pushWarning(tr("The footprints could not be styled: {0}").format(exc))


class SearchCatalogAlgorithm(QgsProcessingAlgorithm):
    CATALOG = "CATALOG"
    COLLECTIONS = "COLLECTIONS"
    EXTENT = "EXTENT"
    AREA = "AREA"
    START = "START"
    END = "END"
    MAX_CLOUD = "MAX_CLOUD"
    FILTER = "FILTER"
    MAX_ITEMS = "MAX_ITEMS"
    SORT = "SORT"
    #: the SORT parameter's options, as keys of api.search.SORT_ORDERS
    SORT_KEYS = ("", "newest", "oldest", "least-cloudy")
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"
    NUMBER_MATCHED = "NUMBER_MATCHED"

    def name(self) -> str:
        return "search_catalog"

    def displayName(self) -> str:  # noqa: N802 - QGIS override
        return tr("Search catalog")

    def group(self) -> str:
        return ""

    def groupId(self) -> str:  # noqa: N802 - QGIS override
        return ""

    def tags(self) -> list[str]:
        return tr("stac,search,catalog,satellite,footprints,earth observation,cdse").split(",")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS override
        return tr(
            "Searches an Earth-observation catalog (a STAC API) and writes the footprints "
            "of the items found as a polygon layer in EPSG:4326, one feature per item.\n\n"
            "<b>Catalog</b>: the id of a catalog known to EO Explorer (for example cdse, "
            "or sandbox when the local test catalog runs) or the URL of any STAC API "
            "landing page. Catalogs that need an account use the account set up in "
            "EO Explorer ▸ Accounts.\n"
            "<b>Collections</b>: collection ids separated by commas, for example "
            "sentinel-2-l2a. Leave empty to search every collection.\n"
            "<b>Extent</b> and <b>Area</b>: where to search. The area layer's polygons "
            '(only the selected ones when "Selected features only" is ticked) win over '
            "the extent. With neither, the whole world is searched.\n"
            "<b>Start date</b> and <b>End date</b>: both days are included (UTC).\n"
            "<b>Maximum cloud cover</b>: in percent; items without cloud cover are kept. "
            "Catalogs that cannot filter by cloud cover are filtered after download.\n"
            "<b>CQL2 filter</b>: an extra filter in CQL2 text, for catalogs that support "
            "the STAC Filter extension, for example \"platform = 'sentinel-2a'\".\n"
            "<b>Maximum number of items</b>: the search stops after this many footprints.\n"
            "<b>Sort order</b>: which items come first, and so which ones the maximum keeps "
            "(newest, oldest or least cloudy first), for catalogs that can sort; others "
            "keep their own order."
        )

    def createInstance(self) -> SearchCatalogAlgorithm:  # noqa: N802 - QGIS override
        return SearchCatalogAlgorithm()

    def initAlgorithm(self, config: Optional[dict[str, Any]] = None) -> None:  # noqa: ARG002, N802 - QGIS override
        self.addParameter(
            QgsProcessingParameterString(
                self.CATALOG,
                tr("Catalog (id or STAC API URL)"),
                defaultValue=settings.default_catalog_id(),  # the Search dock's last catalog
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.COLLECTIONS, tr("Collections (comma-separated ids)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(self.EXTENT, tr("Search extent"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREA,
                tr("Search area (polygon layer)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterDateTime(
                self.START,
                tr("Start date"),
                QgsProcessingParameterDateTime.Type.Date,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterDateTime(
                self.END, tr("End date"), QgsProcessingParameterDateTime.Type.Date, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_CLOUD,
                tr("Maximum cloud cover (%)"),
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
                minValue=0.0,
                maxValue=100.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.FILTER, tr("CQL2 filter"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_ITEMS,
                tr("Maximum number of items"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=500,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.SORT,
                tr("Sort order"),
                options=[
                    tr("Catalog's order"),
                    tr("Newest first"),
                    tr("Oldest first"),
                    tr("Least cloudy first"),
                ],
                defaultValue=0,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Footprints"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Number of footprints")))
        self.addOutput(
            QgsProcessingOutputNumber(
                self.NUMBER_MATCHED, tr("Number of items the catalog matched (-1 if unknown)")
            )
        )

    # -- reading the parameters -------------------------------------------------------

    @staticmethod
    def _is_set(parameters: dict[str, Any], name: str) -> bool:
        value = parameters.get(name)
        return value is not None and value != ""

    def _date(
        self, parameters: dict[str, Any], name: str, context: QgsProcessingContext
    ) -> Optional[date]:
        if not self._is_set(parameters, name):
            return None
        value = QgsProcessingParameters.parameterAsDate(
            self.parameterDefinition(name), parameters, context
        )
        if value is None or not value.isValid():
            raise QgsProcessingException(
                tr("The {0} is not a date; use the form 2024-06-30.").format(
                    self.parameterDefinition(name).description()
                )
            )
        return value.toPyDate()

    def _area(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> Optional[SearchArea]:
        transform_context = context.transformContext()
        if self._is_set(parameters, self.AREA):
            source = self.parameterAsSource(parameters, self.AREA, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.AREA))
            geometries = [f.geometry() for f in source.getFeatures() if f.hasGeometry()]
            try:
                area = geometries_area(geometries, source.sourceCrs(), transform_context)
            except ValueError as exc:
                raise QgsProcessingException(
                    tr(
                        "The search area layer has no polygon to search with (with "
                        '"Selected features only", select at least one polygon).'
                    )
                ) from exc
            if self._is_set(parameters, self.EXTENT):
                feedback.pushInfo(
                    tr("Both an extent and an area layer are given: the area layer is used.")
                )
            return area
        if self._is_set(parameters, self.EXTENT):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context)
            if extent.isNull() or extent.isEmpty():
                return None
            crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
            if not crs.isValid():
                crs = WGS84
            try:
                return extent_area(extent, crs, transform_context)
            except ValueError as exc:
                raise QgsProcessingException(
                    tr("The search extent cannot be expressed in longitude and latitude.")
                ) from exc
        return None

    def _request(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> SearchRequest:
        collections_text = self.parameterAsString(parameters, self.COLLECTIONS, context) or ""
        collections = [c.strip() for c in collections_text.split(",") if c.strip()]
        max_cloud = None
        if self._is_set(parameters, self.MAX_CLOUD):
            max_cloud = self.parameterAsDouble(parameters, self.MAX_CLOUD, context)
        return SearchRequest(
            collections=collections,
            area=self._area(parameters, context, feedback),
            start=self._date(parameters, self.START, context),
            end=self._date(parameters, self.END, context),
            max_cloud_cover=max_cloud,
            cql2_text=(self.parameterAsString(parameters, self.FILTER, context) or "").strip(),
            max_items=self.parameterAsInt(parameters, self.MAX_ITEMS, context),
            page_size=int(settings.get(settings.Key.PAGE_SIZE)),
            sort=self._sort(parameters, context),
        )

    def _sort(self, parameters: dict[str, Any], context: QgsProcessingContext) -> str:
        if not self._is_set(parameters, self.SORT):
            return ""
        index = self.parameterAsEnum(parameters, self.SORT, context)
        return self.SORT_KEYS[index] if 0 <= index < len(self.SORT_KEYS) else ""

    # -- running ----------------------------------------------------------------------

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: ARG002, N802 - QGIS override
        """Runs on the main thread: read the catalog's account from the auth database.

        A problem is raised from processAlgorithm, where Processing shows its message.
        """
        self._http = None
        self._prepare_error = None
        try:
            catalog = resolve_catalog(self.parameterAsString(parameters, self.CATALOG, context))
            self._http = http_for(catalog)
            if is_sentinelhub_catalog(catalog.url):
                # its own rules (one collection, a date range, AND-only filters) are said
                # before anything is sent
                quiet = QgsProcessingFeedback()
                self._request(parameters, context, quiet).validate(catalog.url)
        except (QgsProcessingException, EOExplorerError) as exc:
            self._prepare_error = exc
        return True

    def processAlgorithm(  # noqa: N802 - QGIS override
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        if getattr(self, "_prepare_error", None) is not None:
            raise QgsProcessingException(str(self._prepare_error))
        catalog = resolve_catalog(self.parameterAsString(parameters, self.CATALOG, context))
        request = self._request(parameters, context, feedback)
        fields = footprint_fields()
        sink, dest_id = self.parameterAsSink(
            parameters,
            self.OUTPUT,
            context,
            fields,
            QgsWkbTypes.Type.MultiPolygon,
            QgsCoordinateReferenceSystem("EPSG:4326"),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        def write(features) -> None:
            if features and not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))

        if catalog.title.rstrip("/") == catalog.url.rstrip("/"):
            feedback.pushInfo(tr("Searching {0}").format(catalog.url))
        else:
            feedback.pushInfo(tr("Searching {0} ({1})").format(catalog.title, catalog.url))
        http = getattr(self, "_http", None) or HttpClient()
        try:
            outcome = search(catalog, request, http, processing_progress(feedback), write)
        finally:
            http.session.close()
        if outcome.error is not None:
            if outcome.error.details:
                feedback.pushDebugInfo(outcome.error.details)
            raise QgsProcessingException(str(outcome.error))
        count, matched = outcome.count, outcome.number_matched
        for bad in outcome.rejected[:MAX_REJECTED_WARNINGS]:
            feedback.pushWarning(tr("Item {0} skipped: {1}").format(bad.item_id, bad.reason))
        rejected, filtered = len(outcome.rejected), outcome.filtered_locally

        if rejected > MAX_REJECTED_WARNINGS:
            feedback.pushWarning(
                tr("{0} more items skipped because they cannot be drawn.").format(
                    rejected - MAX_REJECTED_WARNINGS
                )
            )
        if filtered:
            feedback.pushInfo(
                tr("{0} items above the cloud cover limit were dropped.").format(filtered)
            )
        if feedback.isCanceled():
            feedback.pushWarning(
                tr("Cancelled: the output holds the {0} footprints found so far.").format(count)
            )
        if matched is None:
            feedback.pushInfo(tr("The catalog did not say how many items match."))
        feedback.pushInfo(tr("{0} footprints written.").format(count))
        feedback.setProgress(100.0)
        if context.willLoadLayerOnCompletion(dest_id):
            styler = _FootprintsStyler()
            _STYLERS.append(styler)
            del _STYLERS[:-8]
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)
        return {
            self.OUTPUT: dest_id,
            self.COUNT: count,
            self.NUMBER_MATCHED: -1 if matched is None else matched,
        }
