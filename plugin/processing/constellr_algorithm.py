"""Processing algorithm "Create Constellr orders": one order per polygon of a layer.

Every feature becomes an area of interest (an existing one with the same name is reused,
so running again after a failure does not duplicate areas) and one order with the same
specification. All of it is checked with the rules of :mod:`api.constellr_rules` before
anything is created: the bounding boxes are measured with ``geometry-info`` first.
Orders go in batches of at most 25; a batch whose answer is lost is looked up in the order
list by its tag, never sent twice. Running the algorithm is the confirmation that the
orders, which Constellr charges for, are to be placed (its help says so); Only check places
nothing.
"""

from __future__ import annotations

from datetime import datetime, time, timezone
from typing import Any, Optional

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
)
from qgis.PyQt.QtCore import QDate

from ..api.constellr import ConstellrClient, CreationUnknown, NotCreated
from ..api.constellr_rules import FREQUENCIES
from ..api.errors import EOExplorerError
from ..core.i18n import tr
from ..core.tasks import processing_progress
from ..map.fields import field

ILLUMINATIONS = (None, "day", "night")


class ConstellrOrdersAlgorithm(QgsProcessingAlgorithm):
    INPUT = "INPUT"
    NAME_FIELD = "NAME_FIELD"
    PRODUCT = "PRODUCT"
    USE_CASE = "USE_CASE"
    START = "START"
    END = "END"
    FREQUENCY = "FREQUENCY"
    ILLUMINATION = "ILLUMINATION"
    MAX_IMAGES = "MAX_IMAGES"
    TAGS = "TAGS"
    COMMENT = "COMMENT"
    CHECK_ONLY = "CHECK_ONLY"
    OUTPUT = "OUTPUT"
    ORDERS = "ORDERS"

    def name(self) -> str:
        return "constellr_orders"

    def displayName(self) -> str:  # noqa: N802 - QGIS override
        return tr("Create Constellr orders")

    def group(self) -> str:
        return ""

    def groupId(self) -> str:  # noqa: N802 - QGIS override
        return ""

    def tags(self) -> list[str]:
        return tr("constellr,lst,tasking,order,land surface temperature").split(",")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS override
        return tr(
            "Creates a Constellr area of interest for every polygon of the layer (one "
            "polygon per feature; multi-part features are refused with an explanation) and "
            "orders the product for each, with the same specification. Needs the Constellr "
            "account (EO Explorer ▸ Accounts…).\n\n"
            "Everything is checked before anything is created: the bounding box of each "
            "polygon (LSTprecision and LSTzoom at most 15 km × 15 km; LSTfusion 60 m to "
            "110 km), the start date (from today; LSTfusion: not in the future), the "
            "duration (LSTprecision and LSTzoom: 7 days to 1 year), the frequency of the "
            "product, the maximum number of images (1 for a single image; none for "
            "LSTfusion) and the tags (at most 10, 50 characters each, no duplicates).\n\n"
            "<b>Name field</b>: the areas' names (unique in the workspace); without it, "
            "the layer name and feature id. An area that already exists with that name is "
            "reused.\n"
            "<b>Only check</b>: measure and check, create nothing.\n"
            "Orders are sent in batches of at most 25. The output lists each feature with "
            "its area and order.\n\n"
            "<b>Running this algorithm places the orders, and Constellr charges for them</b>: "
            "there is no further question. Run it with <b>Only check</b> first to see what "
            "would be ordered. Each batch carries a tag of its own (eo-explorer-…, so at "
            "most 9 tags of yours per order); when Constellr's answer is lost (time-out, "
            "gateway error, broken connection), the order list is searched for that tag for "
            "up to 20 seconds and the batch is never sent twice. When the orders are not "
            "found, the algorithm stops and says so: check the Orders tab of the Constellr "
            "dock before running it again."
        )

    def createInstance(self) -> ConstellrOrdersAlgorithm:  # noqa: N802 - QGIS override
        return ConstellrOrdersAlgorithm()

    def initAlgorithm(self, config: Optional[dict[str, Any]] = None) -> None:  # noqa: ARG002, N802 - QGIS override
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Polygons"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD,
                tr("Name field"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterString(self.PRODUCT, tr("Product"), "LSTprecision"))
        self.addParameter(
            QgsProcessingParameterString(self.USE_CASE, tr("Use case"), optional=True)
        )
        date_type = QgsProcessingParameterDateTime.Type.Date
        today = QDate.currentDate()
        self.addParameter(
            QgsProcessingParameterDateTime(self.START, tr("Start date (UTC)"), date_type, today)
        )
        self.addParameter(
            QgsProcessingParameterDateTime(
                self.END, tr("End date (UTC)"), date_type, today.addDays(30)
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.FREQUENCY, tr("Frequency"), list(FREQUENCIES), defaultValue=4
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.ILLUMINATION,
                tr("Illumination"),
                [tr("day or night"), tr("day"), tr("night")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_IMAGES,
                tr("Maximum number of images (0: none)"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=0,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.TAGS, tr("Tags (comma-separated)"), optional=True)
        )
        self.addParameter(QgsProcessingParameterString(self.COMMENT, tr("Comment"), optional=True))
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.CHECK_ONLY, tr("Only check, create nothing"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Orders"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.ORDERS, tr("Number of orders placed")))

    # -- main thread: the account -----------------------------------------------------

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: ARG002, N802 - QGIS override
        from ..constellr.client import open_client

        self._client: Optional[ConstellrClient] = None
        self._prepare_error: Optional[EOExplorerError] = None
        try:
            self._client = open_client()
        except EOExplorerError as exc:
            self._prepare_error = exc
        return True

    # -- reading the parameters -------------------------------------------------------

    def _day(self, parameters, name: str, context) -> datetime:
        value = self.parameterAsDateTime(parameters, name, context)
        if value is None or not value.isValid():
            raise QgsProcessingException(tr("The {0} is not a date.").format(name.lower()))
        return datetime.combine(value.date().toPyDate(), time.min, tzinfo=timezone.utc)

    def _spec_data(self, parameters, context) -> dict[str, Any]:
        tags_text = self.parameterAsString(parameters, self.TAGS, context) or ""
        images = self.parameterAsInt(parameters, self.MAX_IMAGES, context)
        return {
            "product_name": (
                self.parameterAsString(parameters, self.PRODUCT, context) or ""
            ).strip(),
            "use_case": (self.parameterAsString(parameters, self.USE_CASE, context) or "").strip()
            or None,
            "frequency": FREQUENCIES[self.parameterAsEnum(parameters, self.FREQUENCY, context)],
            "start_date": self._day(parameters, self.START, context),
            "end_date": self._day(parameters, self.END, context),
            "illumination_constraint": ILLUMINATIONS[
                self.parameterAsEnum(parameters, self.ILLUMINATION, context)
            ],
            "maximum_number_of_images": images or None,
            "tags": [t.strip() for t in tags_text.split(",") if t.strip()],
            "comment": (self.parameterAsString(parameters, self.COMMENT, context) or "").strip()
            or None,
        }

    def _polygons(self, source, name_field: str, feedback) -> list[tuple[QgsFeature, str, dict]]:
        """(feature, area name, GeoJSON) per feature; every problem explained at once."""
        from ..constellr.layers import geometry_geojson

        found, problems, names = [], [], set()
        project = QgsProject.instance()
        for feature in source.getFeatures():
            if feedback.isCanceled():
                break
            label = str(feature[name_field]) if name_field else ""
            if not label or label == "NULL":
                label = f"{source.sourceName()} {feature.id()}"
            try:
                geojson = geometry_geojson(feature.geometry(), source.sourceCrs(), project)
            except ValueError as exc:
                problems.append(f"{label}: {exc}")
                continue
            if label in names:
                problems.append(
                    tr("{0}: the name is used twice; names must be unique.").format(label)
                )
            names.add(label)
            found.append((feature, label, geojson))
        if problems:
            raise QgsProcessingException(tr("Nothing was created. ") + " ".join(problems))
        if not found:
            raise QgsProcessingException(tr("The layer has no polygon."))
        return found

    # -- running ----------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback) -> dict[str, Any]:  # noqa: N802 - QGIS override
        from ..constellr.workflow import Polygon, place_orders

        if getattr(self, "_prepare_error", None) is not None:
            raise QgsProcessingException(str(self._prepare_error))
        client = self._client
        assert client is not None  # prepareAlgorithm sets it whenever it records no error
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or ""
        data = self._spec_data(parameters, context)
        check_only = self.parameterAsBoolean(parameters, self.CHECK_ONLY, context)
        fields = QgsFields()
        for field_name, kind in (
            ("name", "string"),
            ("aoi_id", "string"),
            ("bbox_width_m", "double"),
            ("bbox_height_m", "double"),
            ("order_id", "string"),
            ("state", "string"),
        ):
            fields.append(field(field_name, kind))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        polygons = self._polygons(source, name_field, feedback)
        outcome = place_orders(
            client,
            [Polygon(name, geojson, feature.id()) for feature, name, geojson in polygons],
            data,
            processing_progress(feedback),
            check_only=check_only,
        )
        if outcome.error is not None:
            if outcome.error.details:
                feedback.pushDebugInfo(outcome.error.details)
            raise QgsProcessingException(_failure_text(outcome)) from outcome.error
        for (feature, name, _geojson), ref, area, order in zip(
            polygons, outcome.refs, outcome.areas, outcome.orders
        ):
            measured = area.ref() if area is not None else ref
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(
                [
                    name,
                    area.id if area is not None else "",
                    measured.bbox_width,
                    measured.bbox_height,
                    order.id if order is not None else "",
                    order.state if order is not None else "",
                ]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(tr("{0} order(s) placed.").format(outcome.placed))
        return {self.OUTPUT: dest_id, self.ORDERS: outcome.placed}


def _failure_text(outcome) -> str:
    """The workflow's sentence, with what a new run of the algorithm would do."""
    error = outcome.error
    message = str(error)
    submitted = outcome.submitted
    if isinstance(error, (NotCreated, CreationUnknown)) and submitted.remaining:
        message += " " + tr(
            "Look for the tag {0} in the Orders tab of the Constellr dock before "
            "running the algorithm again: a new run sends new orders."
        ).format(submitted.remaining[0].tag)
    if submitted.orders and error is submitted.error:
        message = (
            tr("{0} order(s) of earlier batches were placed. ").format(len(submitted.orders))
            + message
        )
    return message
