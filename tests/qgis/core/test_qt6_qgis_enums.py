"""QGIS enums are written with their enum (``QgsTask.Flag.CanCancel``), as PyQGIS 4 needs.

PyQGIS 4 is built with sip 6, whose enums are scoped only: ``QgsTask.CanCancel`` is gone.
No PyQGIS 4 can be installed here, so the PyQGIS 3.22 in this environment tells which
``QgsClass.name`` is an enum member reached without its enum; the scoped spelling works
on 3.22 as well (checked below). Qt classes are checked against PyQt6 itself in
tests/unit/test_qt6_compat.py.
"""

from __future__ import annotations

import enum
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "qt6"))

import rules


def _enum_type_of(value) -> type | None:
    """The enum class of a sip (PyQGIS 3) or Python enum member, else None."""
    if isinstance(value, enum.Enum):
        return type(value)
    kind = type(value)
    if type(kind).__name__ == "enumtype":  # sip's metatype of wrapped C++ enums
        return kind
    return None


def unscoped_qgis_enums(accesses) -> list[str]:
    offences = []
    for access in accesses:
        if access.module not in rules.QGIS_MODULES:
            continue
        cls = getattr(importlib.import_module(access.module), access.cls, None)
        value = getattr(cls, access.attr, None)
        if value is None or isinstance(value, type):
            continue  # a class, an enum type or a name PyQGIS 3.22 lacks (reported by use)
        enum_type = _enum_type_of(value)
        if enum_type is None:
            continue
        if isinstance(cls, type) and isinstance(value, cls):
            continue  # the enum itself (QgsMapLayerType.VectorLayer): scoped already
        enum_name = enum_type.__qualname__.rsplit(".", 1)[-1]
        scoped = f"{access.expr.rsplit('.', 1)[0]}.{enum_name}.{access.attr}"
        offences.append(f"{access.path}:{access.line}: unscoped enum {access.expr}: write {scoped}")
    return offences


def test_qgis_enums_are_scoped():
    accesses = rules.all_class_accesses()
    assert sum(a.module in rules.QGIS_MODULES for a in accesses) > 50, "walker finds accesses"
    assert unscoped_qgis_enums(accesses) == []


def test_the_check_finds_unscoped_qgis_enums(tmp_path):
    sample = rules.REPO / "plugin" / "_qt6_sample.py"
    source = (
        "from qgis.core import Qgis, QgsTask\n"
        "flags = QgsTask.CanCancel\n"
        "level = Qgis.Warning\n"
        "fine = QgsTask.Flag.CanCancel | Qgis.MessageLevel.Info\n"
    )
    tree = rules.ast.parse(source)
    accesses = list(rules.class_accesses(sample, tree))
    assert unscoped_qgis_enums(accesses) == [
        "plugin/_qt6_sample.py:2: unscoped enum QgsTask.CanCancel: write QgsTask.Flag.CanCancel",
        "plugin/_qt6_sample.py:3: unscoped enum Qgis.Warning: write Qgis.MessageLevel.Warning",
    ]


def test_scoped_qgis_enums_used_by_the_plugin_exist_in_qgis_3_22():
    """Every ``QgsClass.Enum.Member`` the plugin writes resolves on this QGIS."""
    missing = []
    for access in rules.all_class_accesses():
        if access.module not in rules.QGIS_MODULES or access.scoped_next is None:
            continue
        cls = getattr(importlib.import_module(access.module), access.cls, None)
        holder = getattr(cls, access.attr, None)
        if isinstance(holder, type) and _is_enum_class(holder):
            if not hasattr(holder, access.scoped_next):
                missing.append(f"{access.path}:{access.line}: {access.expr}.{access.scoped_next}")
    assert missing == []


def _is_enum_class(cls: type) -> bool:
    return issubclass(cls, enum.Enum) or type(cls).__name__ == "enumtype"
