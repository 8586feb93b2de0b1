"""The Process dock: Sentinel Hub Process API imagery for an area, loaded as a layer."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsProject,
)
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox, QgsMessageBar, QgsProjectionSelectionWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, QDate, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QFileDialog, QLabel, QSizePolicy, QWidget

from ...api.errors import EOExplorerError
from ...api.evalscripts import check_evalscript, default_preset, guess_style, load_presets
from ...api.process import (
    Area,
    OutputSize,
    ProcessJob,
    ProcessOptions,
    check_endpoint,
    collection_spec,
    plan_job,
)
from ...core import log
from ...core.tasks import WorkflowTask
from ...sentinelhub import settings as process_settings
from ...sentinelhub.areas import make_area, merged_polygons
from ...sentinelhub.workflow import process_http
from ..common.closable_dock import ClosableDock
from ..common.draw_tool import CanvasDrawing
from ..common.messages import offer_accounts
from ..common.messages import show_error as show_error_in
from ..common.slots import guarded
from .engines import ENGINE_CLASSES, Engine
from .form import (
    BYOC,
    ScriptEditor,
    configure_for_collection,
    estimate_text,
    fill_collections,
    fill_static,
    footprint_layer,
    form_options,
    update_dem_row,
    use_footprint,
)
from .run import RunRequest

FORM, _ = uic.loadUiType(str(Path(__file__).resolve().parents[3] / "ui" / "process_dock.ui"))
CUSTOM = ""  # presetCombo data of a script that is not a preset


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


def narrow(combo: QComboBox, characters: int = 12) -> None:
    """A combo box as wide as ``characters`` rather than as its longest choice."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)


class ProcessDock(ClosableDock):
    """Gathers the request, runs it as a task, loads the styled result."""

    processFinished = pyqtSignal(object)  # the ProcessOutcome, for tests and scripting

    def __init__(self, iface, http_factory=process_http, parent=None) -> None:
        super().__init__(tr("EO Explorer – Process"), parent)
        self.setObjectName("EOExplorerProcessDock")
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.http_factory = http_factory
        self.presets = load_presets()
        self.task: WorkflowTask | None = None  # the running Process job
        self.result_layer = None
        self.result_layers: list = []  # one per output of the evalscript, main first
        self.script_name = ""
        self.form = FORM()
        self.engines: list[Engine] = [engine(self) for engine in ENGINE_CLASSES]
        self._estimate_timer = QTimer(self)
        self._estimate_timer.setSingleShot(True)
        self._estimate_timer.setInterval(150)
        self._estimate_timer.timeout.connect(self._safe_estimate)
        self.setWidget(self._build_body())
        self._connect()
        self._collection_changed()

    # -- construction -----------------------------------------------------------------

    def _build_body(self) -> QWidget:
        body = QWidget(self)
        f = self.form
        f.setupUi(body)
        self.message_bar = QgsMessageBar(body)
        self.message_bar.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        f.messageBarHolder.addWidget(self.message_bar)
        self.layer_combo = QgsMapLayerComboBox(body)
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        f.layerComboHolder.addWidget(self.layer_combo)
        self.crs_widget = QgsProjectionSelectionWidget(body)
        self.crs_widget.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        f.crsHolder.addWidget(self.crs_widget)
        self.folder_widget = QgsFileWidget(body)
        self.folder_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder_widget.setFilePath(str(process_settings.output_folder()))
        f.folderHolder.addWidget(self.folder_widget)
        self.editor = ScriptEditor(body)
        f.editorHolder.addWidget(self.editor)
        fill_static(f)
        for endpoint in process_settings.endpoints():
            f.endpointCombo.addItem(endpoint.title, endpoint.id)
        f.endpointCombo.setCurrentIndex(
            max(0, f.endpointCombo.findData(process_settings.current_endpoint().id))
        )
        fill_collections(f, self.current_endpoint().id)
        for preset in self.presets:
            f.presetCombo.addItem(preset.title, preset.id)
        f.presetCombo.addItem(tr("Custom script"), CUSTOM)
        last = process_settings.default_end_date(QDate.currentDate().toPyDate())
        end = QDate(last.year, last.month, last.day)
        f.startDate.setDate(end.addMonths(-1))
        f.endDate.setDate(end)
        f.progressBar.setVisible(False)
        self._add_engines(body)
        return body

    def _add_engines(self, body: QWidget) -> None:
        """The "Make" choice at the top of the form, and each engine's options under it."""
        f = self.form
        self.engine_combo = QComboBox(body)
        self.engine_combo.setObjectName("engineCombo")
        for engine in self.engines:
            self.engine_combo.addItem(engine.title(), engine.key)
        f.formLayout.insertRow(0, QLabel(tr("Make"), body), self.engine_combo)
        for engine in self.engines:
            widget = engine.options_widget()
            if widget is not None:
                widget.setVisible(False)
                f.formLayout.addRow(widget)
                # Long choices ("left out when it does not fit the dates") must not widen the
                # form past a laptop's dock: the list opens as wide as its texts anyway.
                for combo in widget.findChildren(QComboBox):
                    narrow(combo)
        narrow(self.engine_combo)
        self.engine_combo.setVisible(len(self.engines) > 1)
        f.formLayout.labelForField(self.engine_combo).setVisible(len(self.engines) > 1)
        self.engine_combo.currentIndexChanged.connect(self._engine_changed)
        self._engine_changed()

    def current_engine(self) -> Engine:
        key = self.engine_combo.currentData()
        return next((e for e in self.engines if e.key == key), self.engines[0])

    def use_engine(self, key: str) -> None:
        """Choose an engine by its key ("process", ...), as the user would."""
        self.engine_combo.setCurrentIndex(max(0, self.engine_combo.findData(key)))

    @guarded
    def _engine_changed(self, *_args) -> None:
        current = self.current_engine()
        for engine in self.engines:
            widget = engine.options_widget()
            if widget is not None:
                widget.setVisible(engine is current)
        self.form.runButton.setText(current.run_text())
        self.schedule_estimate()

    def _connect(self) -> None:
        f = self.form
        f.endpointCombo.currentIndexChanged.connect(self._endpoint_changed)
        f.accountsButton.clicked.connect(lambda: self.open_accounts())
        f.collectionCombo.currentIndexChanged.connect(self._collection_changed)
        f.presetCombo.activated.connect(self._preset_chosen)
        f.orthorectifyCheck.toggled.connect(self._dem_row)
        self.drawing = CanvasDrawing(
            self, self.canvas, f.drawButton, lambda: self.form.drawnRadio.setChecked(True)
        )
        self.draw_tool = self.drawing.tool
        f.footprintRadio.toggled.connect(self._footprint_chosen)
        f.loadButton.clicked.connect(self._load_clicked)
        f.saveButton.clicked.connect(self._save_clicked)
        f.runButton.clicked.connect(self.run)
        f.cancelButton.clicked.connect(self.cancel)
        self.draw_tool.polygonChanged.connect(self._polygon_changed)
        self.canvas.extentsChanged.connect(self.schedule_estimate)
        self.editor.textChanged.connect(self.schedule_estimate)
        for signal in (
            f.extentRadio.toggled, f.drawnRadio.toggled, f.selectionRadio.toggled,
            f.utmRadio.toggled, f.resolutionRadio.toggled, f.resolutionSpin.valueChanged,
            f.widthSpin.valueChanged, f.heightSpin.valueChanged, f.speckleCombo.currentIndexChanged,
            f.backCoeffCombo.currentIndexChanged, f.orthorectifyCheck.toggled,
            self.crs_widget.crsChanged, self.layer_combo.layerChanged,
        ):  # fmt: skip
            signal.connect(self.schedule_estimate)

    # -- collection, endpoint, evalscript ---------------------------------------------

    def collection(self) -> str:
        data = self.form.collectionCombo.currentData()
        if data == BYOC:
            text = self.form.byocEdit.text().strip()
            return text if text.startswith(("byoc-", "batch-", "zarr-")) else f"byoc-{text}"
        return str(data)

    def _spec(self):
        try:
            return collection_spec(self.collection())
        except ValueError:
            return collection_spec("byoc-00000000-0000-0000-0000-000000000000")

    @guarded
    def _collection_changed(self, *_args) -> None:
        f = self.form
        is_byoc = f.collectionCombo.currentData() == BYOC
        spec = self._spec()
        configure_for_collection(f, spec, is_byoc)
        f.resolutionSpin.setValue(spec.resolution)
        preset = self.current_preset()
        if not is_byoc and (preset is None or not preset.suits(spec.id)):
            chosen = default_preset(spec.id, self.presets)
            if chosen is not None:
                self.use_preset(chosen.id)
        elif not self.editor.text().strip() and preset is not None:
            self.use_preset(preset.id)
        self.schedule_estimate()

    @guarded
    def _dem_row(self) -> None:
        update_dem_row(self.form, self._spec())

    def current_preset(self):
        preset_id = self.form.presetCombo.currentData()
        return next((p for p in self.presets if p.id == preset_id), None)

    def use_preset(self, preset_id: str) -> None:
        f = self.form
        f.presetCombo.setCurrentIndex(max(0, f.presetCombo.findData(preset_id)))
        preset = self.current_preset()
        if preset is not None:
            self.editor.set_text(preset.text())
            self.script_name = preset.id

    @guarded
    def _preset_chosen(self, *_args) -> None:
        if self.current_preset() is not None:
            self.use_preset(self.form.presetCombo.currentData())

    def load_script(self, path: str) -> None:
        self.editor.set_text(Path(path).read_text(encoding="utf-8"))
        self.form.presetCombo.setCurrentIndex(self.form.presetCombo.findData(CUSTOM))
        self.script_name = Path(path).stem

    def save_script(self, path: str) -> None:
        Path(path).write_text(self.editor.text(), encoding="utf-8")

    @guarded
    def _load_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open an evalscript"), "", tr("Evalscripts (*.js *.txt);;All files (*)")
        )
        if path:
            self.load_script(path)

    @guarded
    def _save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save the evalscript"), "", tr("Evalscripts (*.js)")
        )
        if path:
            self.save_script(path)

    def style(self, info) -> str:
        preset = self.current_preset()
        if preset is not None and self.editor.text() == preset.text():
            return preset.style
        return guess_style(info)

    @guarded
    def _endpoint_changed(self, *_args) -> None:
        endpoint_id = self.form.endpointCombo.currentData()
        if endpoint_id:
            process_settings.set_endpoint(endpoint_id)
        self.message_bar.clearWidgets()
        # Each deployment serves its own collections (see api.process.ENDPOINT_COLLECTIONS).
        if fill_collections(self.form, self.current_endpoint().id):
            self._collection_changed()
        else:
            self.schedule_estimate()

    def current_endpoint(self):
        chosen = process_settings.find_endpoint(self.form.endpointCombo.currentData() or "")
        return chosen or process_settings.current_endpoint()

    # -- area -------------------------------------------------------------------------

    @guarded
    def _polygon_changed(self) -> None:
        if self.draw_tool.has_polygon():
            self.form.drawnRadio.setChecked(True)
        self.schedule_estimate()

    def footprint_layer(self):
        return footprint_layer(self.iface)

    @guarded
    def _footprint_chosen(self, checked: bool) -> None:
        layer = self.footprint_layer() if checked else None
        if layer is not None:
            use_footprint(self.form, layer)

    def area(self) -> Area:
        f = self.form
        context = QgsProject.instance().transformContext()
        canvas_crs = self.canvas.mapSettings().destinationCrs()
        target = None if f.utmRadio.isChecked() else self.crs_widget.crs()
        if f.drawnRadio.isChecked():
            geometry = self.draw_tool.geometry()
            if geometry is None:
                raise ValueError(tr("Draw a polygon on the map first (Draw button)."))
            return make_area(geometry, canvas_crs, target, context, clip=True)
        if f.selectionRadio.isChecked() or f.footprintRadio.isChecked():
            layer = (
                self.footprint_layer()
                if f.footprintRadio.isChecked()
                else self.layer_combo.currentLayer()
            )
            if layer is None or layer.selectedFeatureCount() == 0:
                raise ValueError(tr("Select one or more polygons (or footprints) first."))
            merged = merged_polygons(feature.geometry() for feature in layer.selectedFeatures())
            return make_area(merged, layer.crs(), target, context, clip=True)
        extent = QgsGeometry.fromRect(self.canvas.extent())
        return make_area(extent, canvas_crs, target, context, clip=False)

    # -- the request ------------------------------------------------------------------

    def options(self) -> ProcessOptions:
        """The form's data options (ValueError with a sentence)."""
        dem_shown = self.form.demCombo.isVisibleTo(self)
        return form_options(self.form, self.collection(), self.editor.text(), dem_shown)

    def build_job(self, max_tile_pixels: int | None = None) -> ProcessJob:
        """The job of the form (ValueError or EvalscriptProblem with a sentence), in tiles
        of ``max_tile_pixels`` a side (default: the Process setting)."""
        f = self.form
        info = check_evalscript(self.editor.text())
        options = self.options()
        check_endpoint(options.collection, self.current_endpoint().id)
        area = self.area()
        if f.resolutionRadio.isChecked():
            geographic = QgsCoordinateReferenceSystem(f"EPSG:{area.epsg}").isGeographic()
            size = OutputSize(resolution=f.resolutionSpin.value(), geographic=geographic)
        else:
            size = OutputSize(width=f.widthSpin.value(), height=f.heightSpin.value())
        tile = max_tile_pixels or process_settings.max_tile_pixels()
        return plan_job(options, info, area, size, tile)

    def schedule_estimate(self, *_args) -> None:
        self._estimate_timer.start()

    def _safe_estimate(self) -> None:
        try:
            self.update_estimate()
        except Exception as exc:  # noqa: BLE001 - a slot must never raise
            log.warning(f"Process estimate failed: {exc!r}")

    def update_estimate(self) -> str:
        try:
            info = check_evalscript(self.editor.text())
            self.form.scriptInfoLabel.setText(tr("Output: ") + info.describe())
            own = self.current_engine().estimate_text()
            job = self.build_job() if own is None else None
        except (ValueError, EOExplorerError) as exc:
            text = tr("Not ready: {reason}").format(reason=exc)
        except (OverflowError, ZeroDivisionError):
            # The map has no extent yet (QGIS still starting) or the area has no size.
            text = tr("Not ready: the area has no size yet.")
        else:
            if own is not None:
                text = own
            else:
                text = estimate_text(job)
                extra = self.current_engine().estimate(job)
                if extra:
                    text += "\n" + extra
        self.form.estimateLabel.setText(text)
        return text

    # -- running ----------------------------------------------------------------------

    @guarded
    def run(self) -> None:
        if self.task is not None:
            return
        self.message_bar.clearWidgets()
        self.current_engine().start()

    @guarded
    def cancel(self) -> None:
        if self.task is not None:
            self.form.statusLabel.setText(tr("Cancelling…"))
            self.task.cancel()

    # -- what a run reads and calls back (see gui/sentinelhub/run.py) --------------------

    def run_request(self) -> RunRequest:
        """The form, read once for a run (ValueError or EvalscriptProblem with a sentence)."""
        job = self.build_job()
        folder = self.folder_widget.filePath().strip() or process_settings.output_folder()
        return RunRequest(
            job=job,
            endpoint=self.current_endpoint(),
            folder=Path(folder),
            style=self.style(job.info),
            script=self.script_name or "custom",
        )

    def sign_in(self, endpoint):
        """The endpoint's HTTP client with its account (EOExplorerError when it cannot)."""
        return self.http_factory(endpoint)

    def set_running(self, running: bool, status: str | None) -> None:
        """Run or Cancel enabled, the progress bar shown from 0 while running, the status
        line (kept when ``status`` is None); drawing stops when a job starts."""
        f = self.form
        f.runButton.setEnabled(not running)
        f.cancelButton.setEnabled(running)
        f.progressBar.setVisible(running)
        if running:
            f.progressBar.setValue(0)
        if status is not None:
            f.statusLabel.setText(status)
        if running:
            self.drawing.stop()

    def show_progress(self, percent: int, status: str) -> None:
        self.form.progressBar.setValue(percent)
        self.form.statusLabel.setText(status)

    def show_status(self, text: str) -> None:
        self.form.statusLabel.setText(text)

    def show_warning(self, text: str) -> None:
        self.message_bar.pushMessage(tr("EO Explorer"), text, Qgis.MessageLevel.Warning, 0)

    def job_finished(self, outcome, layers: list | None) -> None:
        """The job ended: its layers (one per output, main first), None unless it succeeded."""
        if layers is not None:
            self.result_layer = layers[0] if layers else None
            self.result_layers = layers
        self.processFinished.emit(outcome)

    def show_error(self, error: Exception) -> None:
        show_error_in(self.message_bar, error)

    def offer_accounts(self, service: str) -> None:
        offer_accounts(self.message_bar, service, lambda: self.open_accounts(service))

    @guarded
    def open_accounts(self, service: str = "") -> None:
        from ..common.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.canvas.window(), service or self.current_endpoint().account)
        dialog.exec()

    # -- lifetime ---------------------------------------------------------------------

    def shutdown(self) -> None:
        """Cancel the task, remove the map tool and rubber band, disconnect signals."""
        if self.task is not None:
            try:
                self.task.cancel()
                self.task.completed.disconnect()
            except (RuntimeError, TypeError, AttributeError):
                pass
        self.task = None
        for engine in self.engines:
            engine.shutdown()
        self._estimate_timer.stop()
        self.drawing.shutdown()
        for signal, slot in ((self.canvas.extentsChanged, self.schedule_estimate),):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
