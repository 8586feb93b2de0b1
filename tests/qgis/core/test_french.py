"""French reaches Processing and the dependency messages, not only the docks.

Every ``tr()`` of the plugin is the one of plugin/translation.py: it looks texts up under
the context pylupdate5 files them in, so what ``make translations`` extracts is what a
French QGIS shows.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def french(qgis_app, tmp_path):
    lrelease = shutil.which("lrelease")
    if lrelease is None:
        pytest.skip("lrelease not installed (qttools5-dev-tools)")
    qm = tmp_path / "eo_explorer_fr.qm"
    subprocess.run(
        [lrelease, str(REPO / "i18n" / "eo_explorer_fr.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_processing_speaks_french(french):
    from eo_explorer.plugin.processing.provider import EOExplorerProvider
    from eo_explorer.plugin.processing.search_algorithm import SearchCatalogAlgorithm

    algorithm = SearchCatalogAlgorithm()
    assert algorithm.displayName() == "Rechercher dans un catalogue"
    assert algorithm.shortHelpString().startswith("Recherche")
    assert EOExplorerProvider().name() == "EO Explorer"


def test_dependency_messages_speak_french(french):
    from eo_explorer.plugin.core import dependencies as deps
    from eo_explorer.plugin.gui.common.dependency_bar import missing_message

    missing = deps.check(deps.Dependency("requests", "requests"), find_spec=lambda _name: None)
    assert missing.reason == "non installé"
    assert missing_message([missing]).startswith(
        "EO Explorer a besoin de paquets Python que QGIS n'a pas : requests"
    )


def test_without_a_translator_the_texts_stay_english(qgis_app):
    from eo_explorer.plugin.core.i18n import tr
    from eo_explorer.plugin.processing.search_algorithm import SearchCatalogAlgorithm

    assert SearchCatalogAlgorithm().displayName() == "Search catalog"
    assert tr("not installed") == "not installed"
