"""Checks of the plugin against PyQt6 itself. Runs in the PyQt6 venv (.venv-qt6, no QGIS);
tests/unit/test_qt6_compat.py starts it as a subprocess and reads its JSON answer.

    python tests/qt6/probe.py enums [files]   unscoped enums / names missing in PyQt6
    python tests/qt6/probe.py forms     every ui/*.ui compiled by PyQt6's uic and set up
    python tests/qt6/probe.py imports   every plugin module imported with qgis.PyQt -> PyQt6

Prints one JSON object on stdout.
"""

from __future__ import annotations

import ast
import enum
import importlib
import io
import json
import os
import sys
import tempfile
import traceback
import types
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import rules  # noqa: E402

# What qgis.PyQt adds on top of PyQt6 (see shim/qgis/PyQt): names a plugin may use.
QGIS_ADDED = {
    ("QtCore", "NULL"),
    ("QtCore", "QVariant", "Bool"),
    ("QtWidgets", "QLayout", "setMargin"),
}


def _qt_module(name: str):
    return importlib.import_module(f"PyQt6.{name}")


def _qt_class(module: str, cls: str):
    if module == "QtWidgets" and cls in rules.MOVED_TO_QTGUI:
        module = "QtGui"
    return getattr(_qt_module(module), cls, None)


def _enums_holding(obj, member: str) -> list[str]:
    found = []
    for name in dir(obj):
        value = getattr(obj, name, None)
        if isinstance(value, type) and issubclass(value, enum.Enum) and member in value.__members__:
            found.append(name)
    return sorted(found)


def check_enums(paths: list[Path] | None = None) -> dict:
    offences: list[str] = []
    checked = 0
    # Imported names exist in PyQt6 (or in what qgis.PyQt adds).
    for path in rules.python_sources() if paths is None else paths:
        tree = rules.parse(path)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.ImportFrom) and node.module and node.level == 0):
                continue
            if not node.module.startswith("qgis.PyQt."):
                continue
            module = node.module.split(".", 2)[2]
            if module not in rules.QT_MODULES:
                continue
            for alias in node.names:
                checked += 1
                if (module, alias.name) in QGIS_ADDED:
                    continue
                if _qt_class(module, alias.name) is None:
                    offences.append(
                        f"{rules.rel(path)}:{node.lineno}: {alias.name} is not in PyQt6.{module}"
                    )
    # Class.attr on Qt classes.
    variant_types = rules.QVARIANT_TYPE_NAMES
    for access in rules.all_class_accesses(paths):
        if access.module not in rules.QT_MODULES:
            continue
        checked += 1
        obj = _qt_class(access.module, access.cls)
        where = f"{access.path}:{access.line}"
        if obj is None:
            continue  # reported with the imports
        if hasattr(obj, access.attr):
            value = getattr(obj, access.attr)
            if (
                access.scoped_next
                and isinstance(value, type)
                and issubclass(value, enum.Enum)
                and access.scoped_next not in value.__members__
                and not hasattr(value, access.scoped_next)
            ):
                offences.append(
                    f"{where}: {access.expr}.{access.scoped_next} is not a member in PyQt6"
                )
            continue
        if access.cls == "QVariant" and access.attr in variant_types:
            continue  # PyQGIS 4 maps these onto QMetaType.Type
        if (access.module, access.cls, access.attr) in QGIS_ADDED:
            continue
        holders = _enums_holding(obj, access.attr)
        if holders:
            fixes = " or ".join(
                f"{access.expr.rsplit('.', 1)[0]}.{h}.{access.attr}" for h in holders
            )
            offences.append(f"{where}: unscoped enum {access.expr}: write {fixes}")
        else:
            offences.append(f"{where}: {access.expr} does not exist in PyQt6")
    return {"checked": checked, "offences": offences}


# ------------------------------------------------------------------ forms
def _stub_custom_widgets(root: ET.Element) -> None:
    """QGIS widgets in a form are created from their header module: give each a stub
    subclass of the Qt class it extends."""
    from PyQt6 import QtWidgets

    for custom in root.iter("customwidget"):
        name = custom.findtext("class")
        header = (custom.findtext("header") or "").removesuffix(".h")
        base = getattr(QtWidgets, custom.findtext("extends") or "QWidget")
        module = sys.modules.setdefault(header, types.ModuleType(header))
        setattr(module, name, type(name, (base,), {}))


def check_forms() -> dict:
    from PyQt6 import QtWidgets, uic

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    results: dict[str, str] = {}
    for path in rules.ui_sources():
        where = rules.rel(path)
        try:
            root = ET.parse(path).getroot()
            _stub_custom_widgets(root)
            code = io.StringIO()
            uic.compileUi(str(path), code)
            namespace: dict = {}
            exec(compile(code.getvalue(), where, "exec"), namespace)
            form_cls = next(v for k, v in namespace.items() if k.startswith("Ui_"))
            top = root.find("widget")
            widget = getattr(QtWidgets, top.get("class"))()
            form = form_cls()
            form.setupUi(widget)
            form.retranslateUi(widget)
            widget.deleteLater()
            results[where] = "ok"
        except Exception:  # noqa: BLE001  (reported, not hidden)
            results[where] = traceback.format_exc(limit=3)
    app.processEvents()
    return {"forms": results}


# ------------------------------------------------------------------ imports
NEEDS_QGIS = ("qgis.core", "qgis.gui", "qgis.utils", "qgis.analysis", "qgis._core", "processing")


def check_imports() -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PyQt6 import QtWidgets

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # noqa: F841
    link_dir = Path(tempfile.mkdtemp(prefix="eo-explorer-qt6-"))
    (link_dir / "eo_explorer").symlink_to(rules.REPO, target_is_directory=True)
    sys.path[:0] = [str(HERE / "shim"), str(link_dir)]
    results: dict[str, str] = {}
    for path in sorted((rules.REPO / "plugin").rglob("*.py")):
        parts = path.relative_to(rules.REPO).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(("eo_explorer", *parts))
        try:
            importlib.import_module(name)
            results[name] = "ok"
        except ModuleNotFoundError as exc:
            missing = exc.name or ""
            if missing.startswith(NEEDS_QGIS):
                results[name] = f"needs QGIS ({missing})"
            elif missing.startswith("osgeo"):
                results[name] = "needs GDAL (osgeo)"
            else:
                results[name] = f"missing module {missing}: " + traceback.format_exc(limit=2)
        except Exception:  # noqa: BLE001
            results[name] = traceback.format_exc(limit=4)
    return {"modules": results, "widgets": _exercise_widgets()}


def _exercise_widgets() -> dict[str, str]:
    """Build and use the widgets whose modules need only qgis.PyQt."""
    results: dict[str, str] = {}

    def run(name, body):
        try:
            body()
            results[name] = "ok"
        except Exception:  # noqa: BLE001
            results[name] = traceback.format_exc(limit=4)

    def catalogs_dialog():
        from eo_explorer.plugin.api.catalogs import PRESETS
        from eo_explorer.plugin.gui.common.catalogs_dialog import CatalogsDialog

        dialog = CatalogsDialog(list(PRESETS))
        dialog.form.catalogList.setCurrentRow(1)
        dialog.form.titleEdit.setText("Renamed")
        dialog._edited()
        assert dialog.catalogs()[1].title == "Renamed", dialog.catalogs()[1].title
        dialog.form.urlEdit.setText("not a url")
        dialog._edited()
        dialog.deleteLater()

    def script_editor():
        from eo_explorer.plugin.gui.sentinelhub.form import ScriptEditor

        editor = ScriptEditor()
        editor.set_text("//VERSION=3")
        assert editor.text() == "//VERSION=3", editor.text()
        editor.deleteLater()

    def closable_dock():
        from eo_explorer.plugin.gui.common.closable_dock import ClosableDock

        dock = ClosableDock()
        seen = []
        dock.closedByUser.connect(lambda: seen.append(True))
        dock.show()
        dock.close()
        assert seen == [True]
        dock.deleteLater()

    run("CatalogsDialog", catalogs_dialog)
    run("ScriptEditor", script_editor)
    run("ClosableDock", closable_dock)
    return results


def main() -> int:
    what, paths = sys.argv[1], [Path(p) for p in sys.argv[2:]] or None
    if what == "enums":
        answer = check_enums(paths)
    else:
        answer = {"forms": check_forms, "imports": check_imports}[what]()
    from PyQt6.QtCore import PYQT_VERSION_STR, QT_VERSION_STR

    answer["pyqt"] = PYQT_VERSION_STR
    answer["qt"] = QT_VERSION_STR
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
    os._exit(0)  # no Qt teardown noise after the answer


if __name__ == "__main__":
    raise SystemExit(main())
