"""House rules that keep the plugin portable: Designer forms hold layout only, the API
layer imports no Qt or QGIS, translatable strings are plain literals."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
UI_FILES = sorted((REPO / "ui").glob("*.ui"))
API_FILES = sorted((REPO / "plugin" / "api").glob("*.py"))
PLUGIN_FILES = sorted((REPO / "plugin").rglob("*.py"))


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.name)
def test_designer_forms_have_no_signal_connections(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"<connection>", text), "connect signals in Python, not in .ui"


@pytest.mark.parametrize("path", API_FILES, ids=lambda p: p.name)
def test_api_layer_imports_neither_qt_nor_qgis(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert name.split(".")[0] not in ("qgis", "PyQt5", "PyQt6", "osgeo"), (
                f"{path.name} imports {name}"
            )


@pytest.mark.parametrize("path", PLUGIN_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_translated_strings_are_literals(path):
    """pylupdate5 extracts only literal strings from tr(); f-strings are missed."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "tr"
            and node.args
        ):
            assert not isinstance(node.args[0], ast.JoinedStr), (
                f"{path.name}:{node.lineno}: tr() of an f-string"
            )


def test_imports_inside_the_plugin_are_relative():
    """QGIS installs the plugin under the zip's folder name: no absolute self-imports."""
    for path in PLUGIN_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                assert not node.module.startswith(("eo_explorer", "plugin")), path
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("eo_explorer") for a in node.names), path
