"""What backs ``supportsQt6=True`` in metadata.txt without a QGIS 4 to run on.

1. QGIS's published PyQt5 -> PyQt6 rules over plugin/**/*.py and __init__.py
   (tests/qt6/rules.py: imports, exec_, removed classes, QVariant, ...).
2. PyQt6 itself, in its own venv (.venv-qt6, made by .ci/install.sh), through
   tests/qt6/probe.py:
   - every ``Class.attr`` on a Qt class resolves in PyQt6: enums are scoped, nothing
     removed in Qt6 is used; every name imported from qgis.PyQt.QtX exists in PyQt6;
   - every ui/*.ui compiles with PyQt6's uic and its setupUi() runs on a real widget;
   - every plugin module imports with qgis.PyQt mapped onto PyQt6 (as in QGIS 4),
     except those that need qgis.core / qgis.gui / GDAL, which are not here for Qt6;
     the widgets that need only Qt are built and used.
QGIS classes (``QgsTask.Flag.CanCancel``) are checked against PyQGIS 3.22 in
tests/qgis/test_qt6_qgis_enums.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "tests" / "qt6"))

import rules  # noqa: E402

QT6_PYTHON = Path(os.environ.get("EO_QT6_PYTHON", REPO / ".venv-qt6" / "bin" / "python"))
PROBE = REPO / "tests" / "qt6" / "probe.py"

# Modules that need nothing from QGIS but qgis.PyQt: they must import under PyQt6.
QT_ONLY_MODULES = {
    "eo_explorer.plugin.gui.common.catalogs_dialog",
    "eo_explorer.plugin.gui.common.closable_dock",
    "eo_explorer.plugin.gui.sentinelhub.form",
    "eo_explorer.plugin.core.dependencies",
    "eo_explorer.plugin.gui.common.dependency_bar",
}


# ------------------------------------------------------------------ rules (no PyQt6)
def _rule_offences(paths):
    found = []
    for path in paths:
        tree = rules.parse(path)
        found += [str(o) for o in rules.import_offences(path, tree)]
        found += [str(o) for o in rules.api_offences(path, tree)]
    return found


def test_plugin_follows_the_qt6_migration_rules():
    sources = rules.python_sources()
    assert len(sources) > 50 and (REPO / "__init__.py") in sources
    assert _rule_offences(sources) == []


SAMPLE = """\
from PyQt5.QtCore import QRegExp
from qgis.PyQt.Qt import Qt
from qgis.PyQt.QtGui import QAction
from qgis.PyQt.QtCore import QDateTime, QVariant
import sip

dialog.exec_()
value = QVariant()
kind = QVariant.Type.Int
fine = QVariant.String
app = qApp
when = QDateTime(2024, 1, 1, 0, 0, 0, 0, 0)
combo.activated[str].connect(slot)
width = widget.fontMetrics().width("x")
"""


def test_rules_catch_what_qt6_refuses(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(SAMPLE)
    found = _rule_offences([sample])
    lines = sorted(int(o.split(":")[1]) for o in found)
    assert lines == [1, 1, 2, 3, 5, 7, 8, 9, 11, 12, 13, 14], found


@pytest.mark.parametrize("path", rules.ui_sources(), ids=lambda p: p.name)
def test_every_spacer_has_a_size_hint(path):
    """Without one, PyQt6's uic writes QSpacerItem(policy, policy), a TypeError in
    setupUi(); PyQt5's uic read the policies as width and height."""
    for spacer in ET.parse(path).getroot().iter("spacer"):
        names = {p.get("name") for p in spacer.findall("property")}
        assert "sizeHint" in names, f"{path.name}: spacer {spacer.get('name')}"


# ------------------------------------------------------------------ PyQt6 probes
def _probe(*args: str) -> dict:
    if not QT6_PYTHON.exists():
        pytest.skip(f"no PyQt6 venv at {QT6_PYTHON}: run `make install` (.ci/install.sh)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [str(QT6_PYTHON), str(PROBE), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_qt_enums_are_scoped_and_every_qt_name_exists_in_pyqt6():
    answer = _probe("enums")
    assert answer["pyqt"].startswith("6.")
    assert answer["checked"] > 150, "the walk finds the plugin's Qt class accesses"
    assert sorted(answer["offences"]) == []


def test_pyqt6_check_finds_unscoped_enums_and_missing_names(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from qgis.PyQt import QtCore\n"
        "from qgis.PyQt.QtCore import QRegExp, Qt, QVariant\n"
        "from qgis.PyQt.QtWidgets import QAction, QMessageBox\n"
        "a = Qt.AlignLeft | Qt.AlignmentFlag.AlignTop\n"
        "b = QMessageBox.Yes\n"
        "c = QtCore.Qt.UserRole\n"
        "d = QVariant.String\n"
        "e = QMessageBox.question\n"
    )
    offences = sorted(_probe("enums", str(sample))["offences"])
    assert offences == [
        "sample.py:2: QRegExp is not in PyQt6.QtCore",
        "sample.py:4: unscoped enum Qt.AlignLeft: write Qt.AlignmentFlag.AlignLeft",
        "sample.py:5: unscoped enum QMessageBox.Yes: write QMessageBox.StandardButton.Yes",
        "sample.py:6: unscoped enum QtCore.Qt.UserRole: write QtCore.Qt.ItemDataRole.UserRole",
    ]


def test_every_form_compiles_and_sets_up_with_pyqt6_uic():
    forms = _probe("forms")["forms"]
    assert sorted(forms) == [rules.rel(p) for p in rules.ui_sources()]
    failed = {name: trace for name, trace in forms.items() if trace != "ok"}
    assert failed == {}


def test_plugin_modules_import_with_qgis_pyqt_mapped_to_pyqt6():
    answer = _probe("imports")
    modules = answer["modules"]
    assert len(modules) == len(list((REPO / "plugin").rglob("*.py")))
    broken = {
        name: why
        for name, why in modules.items()
        if why != "ok" and not why.startswith(("needs QGIS", "needs GDAL"))
    }
    assert broken == {}
    assert {name for name in QT_ONLY_MODULES if modules[name] != "ok"} == set()
    assert answer["widgets"] == {"CatalogsDialog": "ok", "ScriptEditor": "ok", "ClosableDock": "ok"}
