"""Qt5 -> Qt6 portability rules for the plugin's sources, as QGIS states them for plugins
that run on both QGIS 3 (PyQt5) and QGIS 4 (PyQt6).

Sources of the rules: QGIS's migration script (``scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py``
in the QGIS repository), its compatibility layer ``qgis.PyQt`` and the plugin migration
page of the QGIS wiki. Summary, in our words:

- Qt is imported through ``qgis.PyQt`` only (never PyQt5, PyQt6 or sip directly); the
  ``qgis.PyQt.Qt`` module is gone.
- Enum values are written with their enum: ``Qt.AlignmentFlag.AlignLeft``, not
  ``Qt.AlignLeft`` (PyQt6 and PyQGIS built with sip 6 have scoped enums only). The check
  of that rule needs the enum tables of PyQt6 / PyQGIS and lives in the probes; this
  module only finds the ``Class.attribute`` expressions to check.
- ``exec_()`` is ``exec()``.
- Removed in Qt6: ``QRegExp`` (use ``QRegularExpression``), ``QDesktopWidget`` /
  ``QApplication.desktop()``, ``qApp``, compiled resources (``resources_rc``),
  ``QFontMetrics.width()``, the ``activated[str]`` overload, ``QDateTime`` built from
  eight numbers or from a lone ``QDate``, ``addAction`` with a receiver and a slot.
- ``QVariant``: a null value is ``NULL`` from qgis.core, not ``QVariant()``;
  ``QVariant.Type.X`` does not exist. ``QVariant.String`` and the other type constants stay
  allowed for QGIS 3 compatibility: PyQGIS 4 maps them to ``QMetaType.Type`` itself.
- ``QAction``, ``QActionGroup`` and ``QShortcut`` moved to QtGui in Qt6; ``qgis.PyQt``
  offers them from both QtWidgets and QtGui, and only QtWidgets has them on QGIS 3.22, so
  they are imported from QtWidgets.

Pure Python (ast only): imported by the unit tests and by the PyQt6 probes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

QT_MODULES = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtNetwork",
    "QtXml",
    "QtSvg",
    "QtSql",
    "QtTest",
    "QtPrintSupport",
)
QGIS_MODULES = ("qgis.core", "qgis.gui", "qgis.analysis")

# Moved from QtWidgets to QtGui in Qt6; qgis.PyQt.QtWidgets keeps offering them.
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QFileSystemModel"}

REMOVED_NAMES = {
    "QRegExp": "QRegExp is removed in Qt6: use QRegularExpression",
    "QRegExpValidator": "QRegExpValidator is removed in Qt6: use QRegularExpressionValidator",
    "QDesktopWidget": "QDesktopWidget is removed in Qt6: use QScreen (QWidget.screen())",
    "qApp": "qApp is removed in Qt6: use QApplication.instance()",
    "resources_rc": "compiled resources are not supported in Qt6: load files by path",
}

# PyQt5 QVariant.Type names that PyQGIS 4 maps onto QMetaType.Type (QGIS keeps them
# working so that QgsField(name, QVariant.String) runs on QGIS 3 and 4).
QVARIANT_TYPE_NAMES = {
    "Invalid", "BitArray", "Bitmap", "Bool", "Brush", "ByteArray", "Char", "Color",
    "Cursor", "Date", "DateTime", "Double", "EasingCurve", "Uuid", "ModelIndex",
    "PersistentModelIndex", "Font", "Hash", "Icon", "Image", "Int", "KeySequence", "Line",
    "LineF", "List", "Locale", "LongLong", "Map", "Transform", "Matrix4x4", "Palette", "Pen",
    "Pixmap", "Point", "PointF", "Polygon", "PolygonF", "Quaternion", "Rect", "RectF",
    "RegularExpression", "Region", "Size", "SizeF", "SizePolicy", "String", "StringList",
    "TextFormat", "TextLength", "Time", "UInt", "ULongLong", "Url", "Vector2D", "Vector3D",
    "Vector4D", "UserType",
}  # fmt: skip


@dataclass(frozen=True)
class Offence:
    path: str  # relative to the repository
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class ClassAccess:
    """``Class.attr`` in the source, with the class resolved through the imports."""

    path: str
    line: int
    module: str  # "QtCore", "QtWidgets", ... or "qgis.core", "qgis.gui"
    cls: str
    attr: str
    expr: str  # as written, e.g. "Qt.AlignLeft" or "QtCore.Qt.AlignLeft"
    scoped_next: str | None  # the attribute after ``attr`` if any (Class.Enum.Member)


def python_sources() -> list[Path]:
    """The Python files QGIS loads: plugin/**/*.py and the top-level __init__.py."""
    return sorted((REPO / "plugin").rglob("*.py")) + [REPO / "__init__.py"]


def ui_sources() -> list[Path]:
    return sorted((REPO / "ui").glob("*.ui"))


def rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:  # a sample outside the repository (the checks' own tests)
        return path.name


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


# ------------------------------------------------------------------ imports
def import_offences(path: Path, tree: ast.Module) -> Iterator[Offence]:
    where = rel(path)
    for node in ast.walk(tree):
        modules: list[tuple[str, list[str]]] = []
        if isinstance(node, ast.Import):
            modules = [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [(node.module, [alias.name for alias in node.names])]
        for module, names in modules:
            top = module.split(".")[0]
            if top in ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip"):
                yield Offence(where, node.lineno, f"imports {module}: use qgis.PyQt")
            if module == "qgis.PyQt.Qt":
                yield Offence(where, node.lineno, "qgis.PyQt.Qt is gone in Qt6: use QtCore")
            for name in names:
                if name in REMOVED_NAMES:
                    yield Offence(where, node.lineno, REMOVED_NAMES[name])
                if module == "qgis.PyQt.QtGui" and name in MOVED_TO_QTGUI:
                    yield Offence(
                        where,
                        node.lineno,
                        f"{name} from qgis.PyQt.QtGui fails on QGIS 3.22: import it from "
                        "qgis.PyQt.QtWidgets (QGIS offers it there on Qt6 too)",
                    )


# ------------------------------------------------------------------ removed API
def _name(node: ast.AST) -> str | None:
    return node.id if isinstance(node, ast.Name) else None


def api_offences(path: Path, tree: ast.Module) -> Iterator[Offence]:
    where = rel(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "exec_":
            yield Offence(where, node.lineno, "exec_() is removed in Qt6: use exec()")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "exec_":
            yield Offence(where, node.lineno, "def exec_: Qt6 calls exec()")
        elif isinstance(node, ast.Name) and node.id in REMOVED_NAMES:
            yield Offence(where, node.lineno, REMOVED_NAMES[node.id])
        elif isinstance(node, ast.Attribute) and _name(node.value) == "QVariant":
            if node.attr == "Type":
                yield Offence(where, node.lineno, "QVariant.Type does not exist in PyQt6")
            elif node.attr not in QVARIANT_TYPE_NAMES and not node.attr[:1].islower():
                yield Offence(where, node.lineno, f"QVariant.{node.attr} is not in PyQt6")
        elif isinstance(node, ast.Call):
            yield from _call_offences(where, node)
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "activated"
        ):
            yield Offence(where, node.lineno, "activated[...] overloads are removed in Qt6")


def _call_offences(where: str, node: ast.Call) -> Iterator[Offence]:
    func = node.func
    if _name(func) == "QVariant" and (
        not node.args
        or (isinstance(node.args[0], ast.Attribute) and _name(node.args[0].value) == "QVariant")
    ):
        yield Offence(where, node.lineno, "null QVariant: use NULL from qgis.core")
    if _name(func) == "QDateTime" and (
        len(node.args) >= 7
        or (
            len(node.args) == 1
            and isinstance(node.args[0], ast.Call)
            and _name(node.args[0].func) == "QDate"
        )
    ):
        yield Offence(where, node.lineno, "QDateTime(...) form removed in Qt6: pass QDate, QTime")
    if isinstance(func, ast.Attribute):
        if func.attr == "desktop" and not node.args:
            yield Offence(where, node.lineno, "QApplication.desktop() is removed in Qt6")
        if func.attr == "addAction" and len(node.args) >= 4:
            yield Offence(where, node.lineno, "addAction(icon, text, receiver, slot): fragile")
        if func.attr == "width" and isinstance(func.value, ast.Call):
            inner = func.value.func
            if (isinstance(inner, ast.Attribute) and inner.attr == "fontMetrics") or _name(
                inner
            ) in ("QFontMetrics", "QFontMetricsF"):
                yield Offence(where, node.lineno, "QFontMetrics.width() is removed in Qt6")


# ------------------------------------------------------------------ Class.attr accesses
def bindings(tree: ast.Module) -> dict[str, tuple[str, str | None]]:
    """Local name -> (module, class) for ``from qgis.PyQt.QtX import C`` and
    ``from qgis.core import C``; (module, None) for ``from qgis.PyQt import QtX``."""
    bound: dict[str, tuple[str, str | None]] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.ImportFrom) and node.module and node.level == 0):
            continue
        for alias in node.names:
            local = alias.asname or alias.name
            if node.module.startswith("qgis.PyQt."):
                module = node.module.split(".", 2)[2]
                if module in QT_MODULES:
                    bound[local] = (module, alias.name)
            elif node.module == "qgis.PyQt" and alias.name in QT_MODULES:
                bound[local] = (alias.name, None)
            elif node.module in QGIS_MODULES:
                bound[local] = (node.module, alias.name)
    return bound


def class_accesses(path: Path, tree: ast.Module) -> Iterator[ClassAccess]:
    """Every ``C.attr`` (and ``QtX.C.attr``) whose ``C`` is an imported Qt or QGIS class."""
    bound = bindings(tree)
    parents: dict[int, ast.AST] = {}
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            parents[id(child)] = parent
    where = rel(path)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        base = node.value
        module = cls = expr_head = None
        if isinstance(base, ast.Name) and base.id in bound:
            module, cls = bound[base.id]
            expr_head = base.id
            if cls is None:  # "QtCore.attr": a class, not an access on one
                continue
        elif (
            isinstance(base, ast.Attribute)
            and isinstance(base.value, ast.Name)
            and bound.get(base.value.id, ("", ""))[1] is None
            and base.value.id in bound
        ):
            module, cls = bound[base.value.id][0], base.attr
            expr_head = f"{base.value.id}.{base.attr}"
        else:
            continue
        parent = parents.get(id(node))
        scoped_next = (
            parent.attr if isinstance(parent, ast.Attribute) and parent.value is node else None
        )
        yield ClassAccess(
            where, node.lineno, module, cls, node.attr, f"{expr_head}.{node.attr}", scoped_next
        )


def all_class_accesses(paths: list[Path] | None = None) -> list[ClassAccess]:
    found: list[ClassAccess] = []
    for path in python_sources() if paths is None else paths:
        found.extend(class_accesses(path, parse(path)))
    return found
