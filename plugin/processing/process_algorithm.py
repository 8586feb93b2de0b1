"""Processing algorithm "Sentinel Hub Process": the Process dock without the dock.

Processing runs ``processAlgorithm`` in a background thread already, so the tiles are
fetched there (in parallel) and assembled into the output GeoTIFF (a COG); the request
JSON is written beside it. The account is read on the main thread in
``prepareAlgorithm``. A loaded output gets the preset's style.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, Optional

from pydantic import ValidationError
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ..api.errors import EOExplorerError
from ..api.evalscripts import check_evalscript, find_preset, guess_style
from ..api.http import HttpClient
from ..api.process import (
    BACK_COEFFS,
    INTERPOLATIONS,
    POLARIZATIONS,
    S1_DEMS,
    Endpoint,
    OutputSize,
    ProcessOptions,
    check_endpoint,
    day_range,
    options_problem,
    plan_job,
)
from ..api.process_client import EMPTY_RESULT_HINT, ProcessClient
from ..core.i18n import tr
from ..sentinelhub import settings as process_settings
from ..sentinelhub.areas import make_area, merged_polygons
from ..sentinelhub.workflow import execute, process_http
from . import sentinelhub_parameters as shared

DEFAULT = shared.DEFAULT
_STYLERS: list = []  # post-processors must outlive the algorithm instance


class _Styler(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, style: str, acquired: tuple[str, str] = ("", "")) -> None:
        super().__init__()
        self.style = style
        self.acquired = acquired  # the job's time range, for the Temporal Controller

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: ARG002, N802 - QGIS override
        from ..map.rasters import set_acquisition_time
        from ..sentinelhub.styles import apply_style

        try:
            apply_style(layer, self.style)
            set_acquisition_time(layer, *self.acquired)
        except Exception as exc:  # noqa: BLE001 - styling never fails the run
            feedback.pushWarning(tr("The result could not be styled: {0}").format(exc))


class SentinelHubProcessAlgorithm(QgsProcessingAlgorithm):
    ENDPOINT, COLLECTION = shared.ENDPOINT, shared.COLLECTION
    EXTENT, AREA = "EXTENT", "AREA"
    START, END = shared.START, shared.END
    EVALSCRIPT, EVALSCRIPT_FILE = shared.EVALSCRIPT, shared.EVALSCRIPT_FILE
    MOSAICKING, MAX_CLOUD = shared.MOSAICKING, shared.MAX_CLOUD
    UPSAMPLING, DOWNSAMPLING = "UPSAMPLING", "DOWNSAMPLING"
    ORTHORECTIFY, BACK_COEFF, SPECKLE = "ORTHORECTIFY", "BACK_COEFF", "SPECKLE_WINDOW"
    POLARIZATION, DEM_INSTANCE = "POLARIZATION", "DEM_INSTANCE"
    CRS, RESOLUTION, WIDTH, HEIGHT = "CRS", shared.RESOLUTION, "WIDTH", "HEIGHT"
    OUTPUT, REQUESTS, UNITS, REQUEST_JSON = "OUTPUT", "REQUESTS", "PROCESSING_UNITS", "REQUEST_JSON"
    OUTPUTS = "OUTPUTS"  # every output's GeoTIFF (";"-separated), OUTPUT first

    def name(self) -> str:
        return "sentinelhub_process"

    def displayName(self) -> str:  # noqa: N802 - QGIS override
        return tr("Sentinel Hub Process")

    def group(self) -> str:
        return ""

    def groupId(self) -> str:  # noqa: N802 - QGIS override
        return ""

    def tags(self) -> list[str]:
        return tr("sentinel hub,process api,evalscript,ndvi,sentinel-2,sentinel-1,cdse").split(",")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS override
        return tr(
            "Requests imagery from the Sentinel Hub Process API for an area and writes it as "
            "a Cloud-Optimized GeoTIFF, with the request JSON beside it.\n\n"
            "<b>Endpoint</b>: services.sentinel-hub.com, services-uswest2.sentinel-hub.com or "
            "sh.dataspace.copernicus.eu, with the account saved under EO Explorer ▸ "
            "Accounts.\n"
            "<b>Collection</b>: sentinel-2-l2a, sentinel-2-l1c, sentinel-1-grd, "
            "sentinel-3-olci, sentinel-3-slstr, landsat-ot-l2, dem or byoc-&lt;id&gt;. Each "
            "endpoint serves its own collections: Landsat only services-uswest2, the "
            "Sentinel collections services.sentinel-hub.com and sh.dataspace.copernicus.eu, "
            "the DEM all three.\n"
            "<b>Area layer</b> (its polygons, clipped) wins over the <b>extent</b>.\n"
            "<b>Evalscript</b>: a preset, or a script file (it wins over the preset).\n"
            "<b>Output CRS</b>: empty for the UTM zone of the area. <b>Resolution</b> in "
            "metres, unless <b>width</b> and <b>height</b> in pixels are given.\n"
            "Areas larger than 2500 × 2500 pixels are requested in tiles and assembled.\n"
            "An evalscript with several outputs (e.g. ids rgb and mask) gets one GeoTIFF "
            "each: the main one (id default, else the first) is <b>Image</b>, the others are "
            "written beside it as &lt;name&gt;_&lt;output id&gt;.tif."
        )

    def createInstance(self) -> SentinelHubProcessAlgorithm:  # noqa: N802 - QGIS override
        return SentinelHubProcessAlgorithm()

    def initAlgorithm(self, config: Optional[dict[str, Any]] = None) -> None:  # noqa: N802, ARG002
        shared.add_endpoint(self)
        shared.add_collection(self)
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr("Extent"), optional=True))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREA,
                tr("Area (polygon layer)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        shared.add_dates(self)
        shared.add_evalscript(self, "true_color")
        shared.add_scene_filter(self)
        for name, label in (
            (self.UPSAMPLING, tr("Upsampling")),
            (self.DOWNSAMPLING, tr("Downsampling")),
        ):
            self.addParameter(
                shared.enum_parameter(name, label, [DEFAULT, *INTERPOLATIONS], DEFAULT)
            )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ORTHORECTIFY, tr("Sentinel-1: orthorectify"), defaultValue=False
            )
        )
        self.addParameter(
            shared.enum_parameter(
                self.BACK_COEFF,
                tr("Sentinel-1: backscatter coefficient"),
                [DEFAULT, *BACK_COEFFS],
                DEFAULT,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SPECKLE,
                tr("Sentinel-1: Lee speckle filter window (0: none)"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=0,
                minValue=0,
                maxValue=7,
            )
        )
        self.addParameter(
            shared.enum_parameter(
                self.POLARIZATION,
                tr("Sentinel-1: polarization"),
                [DEFAULT, *POLARIZATIONS],
                DEFAULT,
            )
        )
        self.addParameter(
            shared.enum_parameter(
                self.DEM_INSTANCE, tr("Elevation model"), [DEFAULT, *S1_DEMS], DEFAULT
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(self.CRS, tr("Output CRS (empty: UTM zone)"), optional=True)
        )
        shared.add_resolution(self)
        for name, label in ((self.WIDTH, tr("Width (px)")), (self.HEIGHT, tr("Height (px)"))):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name,
                    label,
                    QgsProcessingParameterNumber.Type.Integer,
                    optional=True,
                    minValue=1,
                )
            )
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Image")))
        self.add_outputs()

    def add_outputs(self) -> None:
        """The outputs besides the image (algorithms built on this one declare theirs)."""
        self.addOutput(QgsProcessingOutputNumber(self.REQUESTS, tr("Requests sent")))
        self.addOutput(QgsProcessingOutputNumber(self.UNITS, tr("Processing units spent")))
        self.addOutput(QgsProcessingOutputFile(self.REQUEST_JSON, tr("Request JSON")))
        self.addOutput(
            QgsProcessingOutputString(self.OUTPUTS, tr("Images of every evalscript output"))
        )

    # -- reading the parameters -------------------------------------------------------

    def _text(self, parameters, name, context) -> str:
        value = self.parameterAsString(parameters, name, context) or ""
        return "" if value == DEFAULT else value.strip()

    def _date(self, parameters, name, context) -> Optional[date]:
        if parameters.get(name) in (None, ""):
            return None
        value = self.parameterAsDateTime(parameters, name, context)
        return value.date().toPyDate() if value.isValid() else None

    def _script(self, parameters, context) -> tuple[str, str]:
        """(text, style) of the evalscript."""
        path = self.parameterAsFile(parameters, self.EVALSCRIPT_FILE, context)
        if path:
            text = Path(path).read_text(encoding="utf-8")
            return text, guess_style(check_evalscript(text))
        preset = find_preset(self._text(parameters, self.EVALSCRIPT, context) or "true_color")
        if preset is None:
            raise QgsProcessingException(tr("Unknown evalscript preset."))
        return preset.text(), preset.style

    def _options(self, parameters, context, script: str) -> ProcessOptions:
        today = date.today()
        first = self._date(parameters, self.START, context) or today - timedelta(days=30)
        last = self._date(parameters, self.END, context) or today
        start, end = day_range(first, last)
        values: dict[str, Any] = dict(
            collection=self._text(parameters, self.COLLECTION, context),
            start=start,
            end=end,
            evalscript=script,
            mosaicking_order=self._text(parameters, self.MOSAICKING, context) or None,
            upsampling=self._text(parameters, self.UPSAMPLING, context) or None,
            downsampling=self._text(parameters, self.DOWNSAMPLING, context) or None,
            orthorectify=self.parameterAsBoolean(parameters, self.ORTHORECTIFY, context),
            back_coeff=self._text(parameters, self.BACK_COEFF, context) or None,
            speckle_window=self.parameterAsInt(parameters, self.SPECKLE, context),
            polarization=self._text(parameters, self.POLARIZATION, context) or None,
            dem_instance=self._text(parameters, self.DEM_INSTANCE, context) or None,
        )
        if parameters.get(self.MAX_CLOUD) not in (None, ""):
            values["max_cloud_coverage"] = self.parameterAsDouble(
                parameters, self.MAX_CLOUD, context
            )
        try:
            options = ProcessOptions(**values)
        except ValidationError as exc:
            raise QgsProcessingException(options_problem(exc)) from None
        spec = options.spec
        if not spec.s1:  # Sentinel-1 options of other collections are left out
            keep = {"dem_instance": options.dem_instance if spec.dem else None}
            options = options.model_copy(
                update=dict(
                    orthorectify=False, back_coeff=None, speckle_window=0, polarization=None, **keep
                )
            )
        return options

    def _area(self, parameters, context):
        target = self.parameterAsCrs(parameters, self.CRS, context)
        target = target if target.isValid() else None
        transform_context = context.transformContext()
        if parameters.get(self.AREA) not in (None, ""):
            source = self.parameterAsSource(parameters, self.AREA, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.AREA))
            merged = merged_polygons(f.geometry() for f in source.getFeatures() if f.hasGeometry())
            return make_area(merged, source.sourceCrs(), target, transform_context, clip=True)
        extent = self.parameterAsExtent(parameters, self.EXTENT, context)
        if extent.isNull() or extent.isEmpty():
            raise QgsProcessingException(tr("Give an extent or an area layer."))
        crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
        crs = crs if crs.isValid() else QgsCoordinateReferenceSystem("EPSG:4326")
        return make_area(QgsGeometry.fromRect(extent), crs, target, transform_context, clip=False)

    # -- running ----------------------------------------------------------------------

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: ARG002, N802 - QGIS override
        """Main thread: the endpoint's account from the auth database."""
        self._http: Optional[HttpClient] = None
        self._endpoint: Optional[Endpoint] = None
        self._prepare_error: Optional[Exception] = None
        try:
            endpoint_id = self._text(parameters, self.ENDPOINT, context)
            self._endpoint = process_settings.find_endpoint(endpoint_id)
            if self._endpoint is None:
                raise QgsProcessingException(tr("Unknown endpoint {0}.").format(endpoint_id))
            # Refused before the account is read: a wrong pair needs no password prompt.
            collection = self._text(parameters, self.COLLECTION, context)
            try:
                check_endpoint(collection, self._endpoint.id)
            except ValueError as exc:
                raise QgsProcessingException(str(exc)) from None
            self._http = process_http(self._endpoint)
        except (QgsProcessingException, EOExplorerError) as exc:
            self._prepare_error = exc
        return True

    def _prepared(self) -> tuple[Endpoint, HttpClient]:
        """The endpoint and client prepareAlgorithm made ready; what it refused, raised."""
        if getattr(self, "_prepare_error", None) is not None:
            raise QgsProcessingException(str(self._prepare_error))
        # prepareAlgorithm sets both whenever it records no error
        assert self._endpoint is not None and self._http is not None
        return self._endpoint, self._http

    def processAlgorithm(self, parameters, context, feedback) -> dict[str, Any]:  # noqa: N802 - QGIS override
        endpoint, http = self._prepared()
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
            job = plan_job(options, info, area, size, process_settings.max_tile_pixels())
        except (ValueError, OSError, EOExplorerError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        grid = job.grid
        feedback.pushInfo(
            tr("{0} × {1} px in EPSG:{2}, {3} request(s), about {4} processing units").format(
                grid.width,
                grid.height,
                grid.epsg,
                len(job.requests()),
                f"{job.estimate_units():.3g}",
            )
        )
        out_path = Path(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
        if out_path.suffix.lower() not in (".tif", ".tiff"):
            raise QgsProcessingException(tr("The image is written as a GeoTIFF: use .tif."))
        nodata = info.nodata if info.nodata is not None else (0.0 if style == "rgb" else None)
        client = ProcessClient(
            http,
            endpoint.process_url,
            on_wait=lambda seconds: feedback.pushInfo(
                tr("Sentinel Hub asked to slow down: waiting {0} s.").format(f"{seconds:.1f}")
            ),
        )
        outcome = execute(
            job,
            client,
            out_path,
            workers=process_settings.workers(),
            nodata=nodata,
            progress=lambda done, total, _t: feedback.setProgress(100.0 * done / max(1, total)),
            is_cancelled=feedback.isCanceled,
        )
        if outcome.cancelled:
            raise QgsProcessingException(tr("Cancelled: nothing was saved."))
        if outcome.error is not None:
            if outcome.error.details:
                feedback.pushDebugInfo(outcome.error.details)
            raise QgsProcessingException(str(outcome.error))
        for tile, error in outcome.failed:
            feedback.pushWarning(tr("Tile {0} failed and is empty: {1}").format(tile.name, error))
        if outcome.empty:
            feedback.pushWarning(tr(EMPTY_RESULT_HINT))
        feedback.pushInfo(tr("Saved {0} and {1}").format(out_path, outcome.request_path))
        acquired = (outcome.start, outcome.end)  # when the layers show in the Temporal Controller
        if context.willLoadLayerOnCompletion(str(out_path)):
            styler = _Styler(style, acquired)
            _STYLERS.append(styler)
            del _STYLERS[:-8]
            context.layerToLoadOnCompletionDetails(str(out_path)).setPostProcessor(styler)
        for result in outcome.outputs[1:]:  # the evalscript's other outputs, beside OUTPUT
            feedback.pushInfo(tr("Output {0} saved as {1}").format(result.id, result.path))
            if context.willLoadLayerOnCompletion(str(out_path)):
                self._load_beside(context, result, guess_style(info.output(result.id)), acquired)
        return {
            self.OUTPUT: str(out_path),
            self.REQUESTS: outcome.requests,
            self.UNITS: outcome.units or job.estimate_units(),
            self.REQUEST_JSON: str(outcome.request_path),
            self.OUTPUTS: ";".join(str(r.path) for r in outcome.outputs),
        }

    @staticmethod
    def _load_beside(context, result, style: str, acquired: tuple[str, str]) -> None:
        details = QgsProcessingContext.LayerDetails(
            f"{Path(result.path).stem}", context.project(), result.id
        )
        styler = _Styler(style, acquired)
        _STYLERS.append(styler)
        del _STYLERS[:-8]
        details.setPostProcessor(styler)
        context.addLayerToLoadOnCompletion(str(result.path), details)
