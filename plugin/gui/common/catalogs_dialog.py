"""Add, edit and remove catalogs; presets can be edited and restored."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem

from ...api.catalogs import PRESETS, Catalog, new_catalog_id

FORM, _ = uic.loadUiType(str(Path(__file__).resolve().parents[3] / "ui" / "catalogs_dialog.ui"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


class CatalogsDialog(QDialog):
    def __init__(self, catalogs: list[Catalog], parent=None) -> None:
        super().__init__(parent)
        self.form = FORM()
        self.form.setupUi(self)
        self._catalogs = {c.id: c for c in catalogs}
        f = self.form
        for catalog in catalogs:
            self._add_row(catalog)
        f.catalogList.currentItemChanged.connect(self._show_current)
        f.titleEdit.textEdited.connect(self._edited)
        f.urlEdit.textEdited.connect(self._edited)
        f.addButton.clicked.connect(self._add)
        f.removeButton.clicked.connect(self._remove)
        f.resetButton.clicked.connect(self._restore)
        f.buttonBox.accepted.connect(self.accept)
        f.buttonBox.rejected.connect(self.reject)
        f.catalogList.setCurrentRow(0)

    def catalogs(self) -> list[Catalog]:
        widget = self.form.catalogList
        return [self._catalogs[widget.item(r).data(ID_ROLE)] for r in range(widget.count())]

    def _add_row(self, catalog: Catalog) -> None:
        item = QListWidgetItem(catalog.title)
        item.setData(ID_ROLE, catalog.id)
        self.form.catalogList.addItem(item)

    def _current(self) -> Catalog | None:
        item = self.form.catalogList.currentItem()
        return self._catalogs.get(item.data(ID_ROLE)) if item else None

    def _show_current(self, *_args) -> None:
        catalog = self._current()
        f = self.form
        if catalog is None:
            return
        f.titleEdit.setText(catalog.title)
        f.urlEdit.setText(catalog.url)
        is_preset = any(p.id == catalog.id for p in PRESETS)
        f.removeButton.setEnabled(not is_preset and catalog.id != "sandbox")
        f.resetButton.setEnabled(is_preset)
        f.hintLabel.setText(
            tr("Needs {account}.").format(account=catalog.account_text())
            if catalog.needs_account
            else ""
        )

    def _edited(self, *_args) -> None:
        catalog = self._current()
        if catalog is None:
            return
        f = self.form
        ok = f.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        try:
            updated = Catalog.model_validate(
                {**catalog.model_dump(), "title": f.titleEdit.text(), "url": f.urlEdit.text()}
            )
        except ValidationError as exc:
            f.hintLabel.setText(exc.errors()[0]["msg"])
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        f.hintLabel.setText("")
        self._catalogs[catalog.id] = updated
        f.catalogList.currentItem().setText(updated.title)

    def _add(self) -> None:
        catalog = Catalog(
            id=new_catalog_id(tr("My catalog"), set(self._catalogs)),
            title=tr("My catalog"),
            url="https://example.com/stac/",
        )
        self._catalogs[catalog.id] = catalog
        self._add_row(catalog)
        self.form.catalogList.setCurrentRow(self.form.catalogList.count() - 1)
        self.form.urlEdit.setFocus()
        self.form.urlEdit.selectAll()

    def _remove(self) -> None:
        catalog = self._current()
        if catalog is None:
            return
        self._catalogs.pop(catalog.id, None)
        self.form.catalogList.takeItem(self.form.catalogList.currentRow())

    def _restore(self) -> None:
        catalog = self._current()
        preset = next((p for p in PRESETS if catalog and p.id == catalog.id), None)
        if preset is not None:
            self._catalogs[preset.id] = preset
            self.form.catalogList.currentItem().setText(preset.title)
            self._show_current()
