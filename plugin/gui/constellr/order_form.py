"""The New order tab: one order specification for the ticked areas, checked with the rules
of :mod:`api.constellr_rules` while it is filled in (messages next to the fields), shown
for confirmation (product, dates, areas, count: orders are charged), then sent as one batch
(or several of 25), never twice: a batch whose answer was lost is looked for by its tag,
and sent again only when the user agrees and it is still not in the order list."""

from __future__ import annotations

from datetime import datetime, time, timezone
from pathlib import Path
from typing import Any, Optional

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QListWidgetItem, QWidget

from ...api.constellr import CreationUnknown, NotCreated
from ...api.constellr_rules import (
    FREQUENCIES,
    MAX_ORDERS_PER_BATCH,
    OrderInvalid,
    OrderSpec,
    frequencies_for,
    rules_for,
    validate_spec,
)
from ...api.errors import Cancelled, HttpError
from ...constellr.workflow import SubmitProgress, submit_batches
from ..common.slots import guarded

FORM, _ = uic.loadUiType(
    str(Path(__file__).resolve().parents[3] / "ui" / "constellr_order_form.ui")
)
AREA_ROLE = Qt.ItemDataRole.UserRole + 1
#: The spec's fields and the label under each that explains what is wrong with it.
ERROR_LABELS = {
    "product_name": "productError",
    "use_case": "useCaseError",
    "areas": "areasError",
    "start_date": "startError",
    "end_date": "endError",
    "frequency": "frequencyError",
    "illumination_constraint": "illuminationError",
    "maximum_number_of_images": "imagesError",
    "tags": "tagsError",
    "comment": "commentError",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def utc_day(value: QDate) -> datetime:
    """A form date as the start of that day in UTC (dates in the form are UTC days)."""
    return datetime.combine(value.toPyDate(), time.min, tzinfo=timezone.utc)


def utc_today() -> QDate:
    today = datetime.now(timezone.utc).date()
    return QDate(today.year, today.month, today.day)


class OrderForm(QWidget):
    submitted = pyqtSignal(object)  # a constellr.workflow.SubmitProgress

    def __init__(self, dock, parent=None) -> None:
        super().__init__(parent)
        self.dock = dock
        self.form = FORM()
        self.form.setupUi(self)
        self.errors: dict[str, list[str]] = {}
        self._tried = False  # after a first Place orders, every problem is shown
        #: batches whose answer was lost and that may have been placed (see _submitted)
        self._unsettled: list = []
        f = self.form
        f.illuminationCombo.addItem(tr("day or night"), None)
        f.illuminationCombo.addItem(tr("day"), "day")
        f.illuminationCombo.addItem(tr("night"), "night")
        f.useCaseCombo.addItem(tr("(none)"), None)
        today = utc_today()
        f.startDate.setDate(today)
        f.endDate.setDate(today.addDays(30))
        self._fill_frequencies("")
        f.productCombo.currentIndexChanged.connect(self._product_changed)
        for signal in (
            f.useCaseCombo.currentIndexChanged,
            f.frequencyCombo.currentIndexChanged,
            f.illuminationCombo.currentIndexChanged,
            f.imagesSpin.valueChanged,
            f.startDate.dateChanged,
            f.endDate.dateChanged,
            f.tagsEdit.textChanged,
            f.commentEdit.textChanged,
            f.areasList.itemChanged,
        ):
            signal.connect(self._changed)
        f.submitButton.clicked.connect(self.submit)

    # -- reference lists --------------------------------------------------------------

    def set_reference(self, reference, tick: Optional[list[str]] = None) -> None:
        """Products, use cases and areas from the API; ticks and choices are kept."""
        f = self.form
        product = f.productCombo.currentText()
        f.productCombo.blockSignals(True)
        f.productCombo.clear()
        f.productCombo.addItems(reference.products)
        if product in reference.products:
            f.productCombo.setCurrentText(product)
        f.productCombo.blockSignals(False)
        use_case = f.useCaseCombo.currentData()
        f.useCaseCombo.blockSignals(True)
        f.useCaseCombo.clear()
        f.useCaseCombo.addItem(tr("(none)"), None)
        for name in reference.use_cases:
            f.useCaseCombo.addItem(name, name)
        f.useCaseCombo.setCurrentIndex(max(0, f.useCaseCombo.findData(use_case)))
        f.useCaseCombo.blockSignals(False)
        ticked = set(self.ticked_ids()) | set(tick or [])
        f.areasList.blockSignals(True)
        f.areasList.clear()
        for area in reference.areas:
            item = QListWidgetItem(area.name)
            item.setData(AREA_ROLE, area)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = area.id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setToolTip(area.description or area.id)
            f.areasList.addItem(item)
        f.areasList.blockSignals(False)
        self._product_changed()

    def ticked_ids(self) -> list[str]:
        return [a.id for a in self.ticked_areas()]

    def ticked_areas(self) -> list:
        widget = self.form.areasList
        return [
            widget.item(r).data(AREA_ROLE)
            for r in range(widget.count())
            if widget.item(r).checkState() == Qt.CheckState.Checked
        ]

    def tick(self, area_ids: list[str], checked: bool = True) -> None:
        widget = self.form.areasList
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(widget.count()):
            if widget.item(row).data(AREA_ROLE).id in area_ids:
                widget.item(row).setCheckState(state)

    # -- the specification ------------------------------------------------------------

    def _fill_frequencies(self, product: str) -> None:
        combo = self.form.frequencyCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        allowed = frequencies_for(product) if product else FREQUENCIES
        for name in allowed:
            combo.addItem(name.replace("_", " "), name)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    @guarded
    def _product_changed(self, *_args) -> None:
        product = self.form.productCombo.currentText()
        self._fill_frequencies(product)
        rules = rules_for(product)
        supported = rules is None or rules.images_supported
        self.form.imagesSpin.setEnabled(supported)
        if not supported:
            self.form.imagesSpin.setValue(0)
        self._fit_dates(product)
        self._changed()

    def _fit_dates(self, product: str) -> None:
        """Dates that cannot suit the product's start rule move to its usual ones."""
        rules = rules_for(product)
        start, today = self.form.startDate.date(), utc_today()
        if rules is None or (rules.start == "from_today") == (start >= today):
            return
        first, last = default_dates(product)
        self.form.startDate.setDate(first)
        self.form.endDate.setDate(last)

    def values(self) -> dict[str, Any]:
        """The form as the data :class:`OrderSpec` validates."""
        f = self.form
        images = f.imagesSpin.value() if f.imagesSpin.isEnabled() else 0
        return {
            "product_name": f.productCombo.currentText(),
            "use_case": f.useCaseCombo.currentData(),
            "areas": [a.ref() for a in self.ticked_areas()],
            "frequency": f.frequencyCombo.currentData() or "",
            "start_date": utc_day(f.startDate.date()),
            "end_date": utc_day(f.endDate.date()),
            "illumination_constraint": f.illuminationCombo.currentData(),
            "maximum_number_of_images": images or None,
            "tags": split_tags(f.tagsEdit.text()),
            "comment": f.commentEdit.text().strip() or None,
        }

    def validate(self) -> Optional[OrderSpec]:
        """The specification, or None with every problem shown next to its field."""
        reference = self.dock.reference
        try:
            spec = validate_spec(
                self.values(),
                products=reference.products or None,
                use_cases=reference.use_cases or None,
            )
        except OrderInvalid as exc:
            errors = dict(exc.errors)
            if not self._tried and not self.ticked_areas():
                errors.pop("areas", None)  # not a mistake yet: nothing ticked so far
            self.show_errors(errors)
            return None
        self.show_errors({})
        return spec

    def show_errors(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        for field, name in ERROR_LABELS.items():
            label = getattr(self.form, name)
            messages = errors.get(field, [])
            label.setText(" ".join(messages))
            label.setVisible(bool(messages))
        others = [m for k, ms in errors.items() if k not in ERROR_LABELS for m in ms]
        self.form.summaryLabel.setText(" ".join(others))

    @guarded
    def _changed(self, *_args) -> None:
        spec = self.validate()
        areas = len(self.ticked_areas())
        if spec is None:
            text = ""
        elif spec.needs_split:
            batches = len(spec.batches())
            text = tr("{n} orders, sent in {b} batches of at most {m}.").format(
                n=areas, b=batches, m=MAX_ORDERS_PER_BATCH
            )
        else:
            text = tr("{n} order(s) in one batch.").format(n=areas)
        if spec is not None:
            self.form.summaryLabel.setText(text)

    # -- sending ----------------------------------------------------------------------

    @guarded
    def submit(self, *_args) -> None:
        self._tried = True
        spec = self.validate()
        if spec is None:
            self._status(tr("Nothing was sent: fix the fields marked in red first."))
            return
        batches = spec.batches()
        if not self.dock.confirm(self.confirmation(spec, batches)):
            self._status(tr("Nothing was sent."))
            return
        self._unsettled = []
        self._send(batches)

    def confirmation(self, spec, batches: list) -> str:
        """What will be ordered, asked before anything is sent (orders are charged)."""
        names = [a.name or a.id for a in spec.areas]
        shown = ", ".join(names[:10])
        if len(names) > 10:
            shown += " " + tr("and {n} more").format(n=len(names) - 10)
        lines = [
            tr("Place {n} Constellr order(s)? Constellr charges for tasking orders.").format(
                n=len(spec.areas)
            ),
            "",
            tr("Product: {p}, {f}").format(p=spec.product_name, f=spec.frequency.replace("_", " ")),
            tr("Dates (UTC): {a} to {b}").format(
                a=spec.start_date.strftime("%Y-%m-%d"), b=spec.end_date.strftime("%Y-%m-%d")
            ),
            tr("Areas ({n}): {names}").format(n=len(names), names=shown),
        ]
        if spec.maximum_number_of_images:
            lines.append(
                tr("At most {n} image(s) per order").format(n=spec.maximum_number_of_images)
            )
        if spec.use_case:
            lines.append(tr("Use case: {u}").format(u=spec.use_case))
        if spec.needs_split:
            lines.append(
                tr(
                    "Constellr takes at most {m} orders per request, so they will be sent in "
                    "{b} batches."
                ).format(m=MAX_ORDERS_PER_BATCH, b=len(batches))
            )
        if self._unsettled:
            tags = ", ".join(b.tag for b in self._unsettled)
            lines += [
                "",
                tr(
                    "Earlier orders whose answer was lost may have been placed (tag {t}): "
                    "check the Orders tab before ordering the same again."
                ).format(t=tags),
            ]
        return "\n".join(lines)

    def _send(self, batches: list) -> None:
        self.form.submitButton.setEnabled(False)
        self._status(tr("Placing {n} order(s)…").format(n=sum(len(b.orders) for b in batches)))
        task = self.dock.run(
            tr("place Constellr orders"),
            None,
            self._submitted,
            workflow=lambda client, progress: submit_batches(client, batches, progress),
            reported=self._batch_placed,
        )
        if task is None:
            self.form.submitButton.setEnabled(True)

    @guarded
    def _batch_placed(self, progress: SubmitProgress) -> None:
        """A batch is placed: say how many of the orders are, the others still going."""
        if progress.total and len(progress.orders) < progress.total:
            self._status(
                tr("Placing {n} order(s)… {done} placed.").format(
                    n=progress.total, done=len(progress.orders)
                )
            )

    def _submitted(self, outcome) -> bool:
        self.form.submitButton.setEnabled(True)
        progress: SubmitProgress = outcome.value or SubmitProgress(error=outcome.error)
        placed = len(progress.orders)
        parts = []
        if placed:
            parts.append(
                tr("{n} order(s) placed in {b} batch(es).").format(n=placed, b=len(progress.placed))
            )
        if progress.recovered:
            parts.append(
                tr(
                    "The answer from Constellr was lost, but the orders are in the order "
                    "list (found by their batch tag): nothing was sent twice."
                )
            )
        error = progress.error
        if error is not None:
            parts.append(str(error))
        self._status(" ".join(parts))
        if placed:
            self.dock.orders.refresh()
        self.submitted.emit(progress)
        if isinstance(error, NotCreated) and progress.remaining:
            count = sum(len(b.orders) for b in progress.remaining)
            if self.dock.confirm(
                str(error)
                + " "
                + tr(
                    "Send the {n} order(s) again? EO Explorer looks for them in the order list "
                    "once more first and sends only what is still not there."
                ).format(n=count)
            ):
                self._send(progress.remaining)
            return True
        if isinstance(error, CreationUnknown):
            self._unsettled = list(progress.remaining[:1])
            self.dock.show_error(error)
            self.dock.orders.refresh()
        elif isinstance(error, HttpError):
            # The server's own words (400/404/422); the form keeps what was typed.
            self.dock.show_error(error)
        elif error is not None and not isinstance(error, Cancelled):
            self.dock.show_error(error)
        return True

    def _status(self, text: str) -> None:
        self.form.formStatus.setText(text)


def default_dates(product: str) -> tuple[QDate, QDate]:
    """Sensible dates for a product: the next month, or the last one for LSTfusion."""
    today = utc_today()
    rules = rules_for(product)
    if rules is not None and rules.start == "not_future":
        return today.addDays(-30), today
    return today, today.addDays(30)
