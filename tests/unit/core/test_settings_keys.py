"""Every QgsSettings key is declared in plugin/core/settings.py and read through it: no
other module names a key string, calls QgsSettings or hands a literal key to ``settings``.

The sources are read, not imported, so this runs without QGIS.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SETTINGS = REPO / "plugin" / "core" / "settings.py"
OTHERS = sorted(p for p in (REPO / "plugin").rglob("*.py") if p != SETTINGS)
PREFIX = "eo_explorer/"
#: layer custom properties share the prefix but are not settings
CUSTOM_PROPERTY_CALLS = {"customProperty", "setCustomProperty", "removeCustomProperty"}
#: ``settings.<one of these>(...)`` reads or writes a key (find_catalog takes an id)
ACCESSORS = {"get", "set", "value", "set_value", "setValue", "remove", "contains"}


def _declared_keys() -> set[str]:
    tree = ast.parse(SETTINGS.read_text(encoding="utf-8"))
    key_class = next(
        node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "Key"
    )
    return {
        node.value.value
        for node in key_class.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
    }


KEYS = _declared_keys()
SECTIONS = {key.split("/")[0] + "/" for key in KEYS if "/" in key}


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()  # ids of strings that name a layer's custom property
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in CUSTOM_PROPERTY_CALLS:
            allowed.update(id(arg) for arg in node.args[:1])
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Name) and node.id == "QgsSettings":
            problems.append(f"{line}: QgsSettings used outside core/settings.py")
        elif isinstance(node, ast.alias) and node.name == "QgsSettings":
            problems.append(f"{line}: QgsSettings imported outside core/settings.py")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "settings"
            and node.func.attr in ACCESSORS
            and node.args
            and isinstance(node.args[0], (ast.Constant, ast.JoinedStr))
        ):
            problems.append(f"{line}: settings.{node.func.attr}() given a literal key")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if text in KEYS or text.removeprefix(PREFIX) in KEYS:
                problems.append(f"{line}: names the settings key {text!r}")
            elif text.startswith(PREFIX) and id(node) not in allowed:
                problems.append(f"{line}: names {text!r}, a settings key under {PREFIX}")
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and any(
                str(first.value).startswith(section) for section in SECTIONS | {PREFIX}
            ):
                problems.append(f"{line}: builds a settings key from {first.value!r}")
    return problems


def test_the_settings_module_declares_keys():
    assert {"search/max_items", "downloads/workers", "process/endpoint"} <= KEYS


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: str(p.relative_to(REPO)))
def test_no_module_but_core_settings_names_a_settings_key(path):
    assert _problems(path) == []


def test_the_scan_finds_keys_named_elsewhere(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from qgis.core import QgsSettings\n"
        'A = "downloads/workers"\n'
        'B = "eo_explorer/process/endpoint"\n'
        'settings.value("anything/new", 4)\n'
        'settings.set_value(f"accounts/{service}/x", 1)\n'
        'C = f"ui/{name}_dock_open"\n'
        'layer.setCustomProperty("eo_explorer/kind", "footprints")\n',
        encoding="utf-8",
    )
    found = _problems(sample)
    assert {int(problem.split(":")[0]) for problem in found} == {1, 2, 3, 4, 5, 6}, found
