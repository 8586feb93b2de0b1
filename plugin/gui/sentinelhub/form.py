"""Parts of the Process dock: the evalscript editor and the collection-dependent fields.

The editor is QScintilla with its JavaScript lexer when PyQt has it (QGIS ships it),
otherwise a plain text box; both in a monospace font.
"""

from __future__ import annotations

from typing import Any, Optional

from pydantic import ValidationError
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtGui import QFont, QFontDatabase
from qgis.PyQt.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from ...api.process import (
    BACK_COEFFS,
    COLLECTIONS,
    DEM_INSTANCES,
    INTERPOLATIONS,
    POLARIZATIONS,
    S1_DEMS,
    CollectionSpec,
    ProcessOptions,
    collection_spec,
    day_range,
    endpoint_collections,
    options_problem,
)

BYOC = "byoc"  # the collection combo's entry for byoc-<id>

try:  # QScintilla is optional in PyQt builds
    from qgis.PyQt.Qsci import QsciLexerJavaScript, QsciScintilla
except ImportError:  # pragma: no cover - depends on the QGIS build
    QsciScintilla = None
    QsciLexerJavaScript = None


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


class ScriptEditor(QWidget):
    """A monospace code editor with ``text()`` / ``set_text()`` and ``textChanged``."""

    textChanged = pyqtSignal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        if QsciScintilla is not None:
            editor = QsciScintilla(self)
            lexer = QsciLexerJavaScript(editor)
            lexer.setDefaultFont(font)
            lexer.setFont(font)
            editor.setLexer(lexer)
            editor.setUtf8(True)
            editor.setAutoIndent(True)
            editor.setIndentationsUseTabs(False)
            editor.setTabWidth(2)
            editor.setMarginsFont(font)
            editor.setMarginLineNumbers(0, True)
            editor.setMarginWidth(0, "0000")
            editor.setBraceMatching(QsciScintilla.BraceMatch.SloppyBraceMatch)
        else:
            editor = QPlainTextEdit(self)
            editor.setFont(font)
            editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        editor.setMinimumHeight(180)
        editor.textChanged.connect(self.textChanged.emit)
        layout.addWidget(editor)
        self.editor = editor

    @property
    def is_scintilla(self) -> bool:
        return QsciScintilla is not None and isinstance(self.editor, QsciScintilla)

    def text(self) -> str:
        if self.is_scintilla:
            return self.editor.text()
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        if self.is_scintilla:
            self.editor.setText(text)
        else:
            self.editor.setPlainText(text)


def _fill(combo, items: list[tuple[str, Any]], keep: bool = True) -> None:
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


def fill_collections(form, endpoint_id: str) -> bool:
    """The collections the endpoint serves (and BYOC), keeping the current one when it is
    still offered. Returns whether the current collection changed."""
    before = form.collectionCombo.currentData()
    items = [(f"{COLLECTIONS[c].title} ({c})", c) for c in endpoint_collections(endpoint_id)]
    _fill(form.collectionCombo, items + [(tr("BYOC collection (byoc-<id>)"), BYOC)])
    return form.collectionCombo.currentData() != before


def fill_static(form) -> None:
    """Items that do not depend on the collection."""
    default = [(tr("default (nearest)"), "")]
    _fill(form.upsamplingCombo, default + [(v.lower(), v) for v in INTERPOLATIONS])
    _fill(form.downsamplingCombo, default + [(v.lower(), v) for v in INTERPOLATIONS])
    _fill(
        form.polarizationCombo,
        [(tr("any"), "")] + [(p, p) for p in POLARIZATIONS],
    )
    form.polarizationCombo.setToolTip(
        tr(
            "Products with these polarizations only: DV (VV+VH) and DH (HH+HV) are dual, "
            "SV / SH single. The evalscript may read only bands the product has."
        )
    )
    _fill(
        form.backCoeffCombo,
        [(tr("default (gamma0 ellipsoid)"), "")] + [(b, b) for b in BACK_COEFFS],
    )
    _fill(
        form.speckleCombo,
        [(tr("none"), 0)] + [(tr("Lee {n} × {n}").format(n=n), n) for n in (3, 5, 7)],
    )


def configure_for_collection(form, spec: CollectionSpec, byoc: bool) -> None:
    """Show and fill what the collection offers."""
    form.byocEdit.setVisible(byoc)
    orders = [(tr("default (most recent)"), "")] + [(o, o) for o in spec.orders]
    _fill(form.mosaickingCombo, orders)
    form.mosaickingCombo.setEnabled(bool(spec.orders))
    form.cloudSpin.setEnabled(spec.cloud)
    form.cloudLabel.setEnabled(spec.cloud)
    form.cloudSpin.setToolTip(
        "" if spec.cloud else tr("This collection has no cloud cover to filter by.")
    )
    form.s1Group.setVisible(spec.s1)
    dems = DEM_INSTANCES if spec.dem else S1_DEMS
    _fill(form.demCombo, [(tr("default"), "")] + [(d, d) for d in dems])
    update_dem_row(form, spec)


def update_dem_row(form, spec: CollectionSpec) -> None:
    shown = spec.dem or (spec.s1 and form.orthorectifyCheck.isChecked())
    form.demLabel.setVisible(shown)
    form.demCombo.setVisible(shown)


def footprint_layer(iface):
    """A search result layer (it has ``item_json``) with selected footprints: the active
    layer first, then any in the project."""
    from qgis.core import QgsProject, QgsVectorLayer

    for layer in (iface.activeLayer(), *QgsProject.instance().mapLayers().values()):
        if (
            isinstance(layer, QgsVectorLayer)
            and layer.fields().indexOf("item_json") >= 0
            and layer.selectedFeatureCount()
        ):
            return layer
    return None


def use_footprint(form, layer) -> None:
    """One footprint selected: request its acquisition day, and its collection if known."""
    if layer.selectedFeatureCount() != 1:
        return
    feature = next(layer.getSelectedFeatures())
    when = feature["datetime"]
    if hasattr(when, "date") and when.date().isValid():
        form.startDate.setDate(when.date())
        form.endDate.setDate(when.date())
    index = form.collectionCombo.findData(str(feature["collection"] or ""))
    if index >= 0:
        form.collectionCombo.setCurrentIndex(index)


def form_options(form, collection: str, evalscript: str, dem_shown: bool) -> ProcessOptions:
    """The data options in the form (ValueError with a sentence when they do not fit)."""
    try:
        spec = collection_spec(collection)
    except ValueError as exc:
        raise ValueError(str(exc)) from None
    start, end = day_range(form.startDate.date().toPyDate(), form.endDate.date().toPyDate())
    values: dict[str, Any] = dict(
        collection=collection,
        start=start,
        end=end,
        evalscript=evalscript,
        mosaicking_order=form.mosaickingCombo.currentData() or None,
        max_cloud_coverage=float(form.cloudSpin.value()) if spec.cloud else None,
        upsampling=form.upsamplingCombo.currentData() or None,
        downsampling=form.downsamplingCombo.currentData() or None,
    )
    if spec.s1:
        values.update(
            orthorectify=form.orthorectifyCheck.isChecked(),
            back_coeff=form.backCoeffCombo.currentData() or None,
            speckle_window=int(form.speckleCombo.currentData() or 0),
            polarization=form.polarizationCombo.currentData() or None,
        )
    if dem_shown or spec.dem:
        values["dem_instance"] = form.demCombo.currentData() or None
    try:
        return ProcessOptions(**values)
    except ValidationError as exc:
        raise ValueError(tr("Check the form: ") + options_problem(exc)) from None


def estimate_text(job) -> str:
    """Pixels, pixel size, CRS, requests and processing units of a job, for the form."""
    grid = job.grid
    return tr(
        "{w} × {h} px of {pixel} in EPSG:{epsg} · {n} request(s) · about {pu} processing units"
    ).format(
        w=grid.width,
        h=grid.height,
        pixel=job.pixel_size_text(),
        epsg=grid.epsg,
        n=len(job.requests()),
        pu=f"{job.estimate_units():.3g}",
    )
