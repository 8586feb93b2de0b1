"""A missing or broken dependency keeps the Processing provider empty with a sentence in
the log: it never escapes ``loadAlgorithms`` (PyQt aborts the process when an exception
leaves a C++ virtual, which is how ``qgis_process plugins enable`` died with exit 134)."""

from __future__ import annotations

import importlib.abc
import sys

import pytest
from qgis.core import QgsApplication

from ..search.test_processing import headless_qgis

ALGORITHM_MODULE = "eo_explorer.plugin.processing.search_algorithm"


@pytest.fixture()
def logged(qgis_app):
    messages = []

    def keep(message, tag, level):
        messages.append(f"{tag}: {message}")

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield messages
    QgsApplication.messageLog().messageReceived.disconnect(keep)


class _Refuse(importlib.abc.MetaPathFinder):
    def __init__(self, name: str, error: Exception) -> None:
        self.name, self.error = name, error

    def find_spec(self, fullname, path, target=None):
        if fullname == self.name:
            raise self.error
        return None


@pytest.mark.parametrize(
    "error",
    [
        ImportError("No module named 'pydantic'"),
        SystemError("The installed pydantic-core version (2.33.2) is incompatible"),
        ValueError("anything else an import can raise"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_a_failing_import_leaves_the_provider_out_with_a_message(
    qgis_processing, logged, monkeypatch, error
):
    from eo_explorer.plugin.processing.provider import EOExplorerProvider

    class Probe(EOExplorerProvider):
        def id(self) -> str:
            return "eo_explorer_probe"

    monkeypatch.delitem(sys.modules, ALGORITHM_MODULE, raising=False)
    monkeypatch.setattr(sys, "meta_path", [_Refuse(ALGORITHM_MODULE, error), *sys.meta_path])
    registry = QgsApplication.processingRegistry()
    probe = Probe()
    assert registry.addProvider(probe)  # QGIS calls loadAlgorithms() from C++ here
    try:
        assert probe.algorithms() == []
    finally:
        registry.removeProvider(probe)
    wanted = f"{type(error).__name__}: {error}"
    assert any(
        "The Processing algorithms of EO Explorer are not available" in m and wanted in m
        for m in logged
    ), logged


def test_qgis_process_survives_a_mismatched_pydantic_core(tmp_path):
    """A pydantic_core that cannot be imported (as a Debian python3-pydantic-core beside a
    pip pydantic does) in front of the good one: qgis_process still enables the plugin and
    lists the other providers, and says why EO Explorer's algorithms are missing."""

    def break_pydantic_core(dependencies):
        broken = dependencies / "pydantic_core"
        broken.unlink()
        broken.mkdir()
        (broken / "__init__.py").write_text(
            "raise SystemError('The installed pydantic-core version is incompatible "
            "with the current pydantic version')\n"
        )

    # headless_qgis asserts that `qgis_process plugins enable` exits with 0.
    qgis_process, _config = headless_qgis(tmp_path, before_enable=break_pydantic_core)
    listed = qgis_process("list")
    assert listed.returncode == 0, listed.stdout[-2000:] + listed.stderr[-2000:]
    assert "native:buffer" in listed.stdout
    assert "eo_explorer:search_catalog" not in listed.stdout
