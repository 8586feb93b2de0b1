"""The EO Explorer Processing provider: the plugin's algorithms in the Toolbox,
the model designer and ``qgis_process``."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..translation import tr

ICON = Path(__file__).resolve().parent.parent.parent / "resources" / "icons" / "eo_explorer.svg"


class EOExplorerProvider(QgsProcessingProvider):
    """Provider id ``eo_explorer``; algorithms are addressed as ``eo_explorer:<id>``."""

    def id(self) -> str:
        return "eo_explorer"

    def name(self) -> str:
        return tr("EO Explorer")

    def longName(self) -> str:
        return tr("EO Explorer: search Earth-observation catalogs")

    def icon(self) -> QIcon:
        if ICON.is_file():
            return QIcon(str(ICON))
        return super().icon()

    def svgIconPath(self) -> str:
        return str(ICON) if ICON.is_file() else super().svgIconPath()

    def loadAlgorithms(self) -> None:
        from .. import log
        from ..dependencies import activate_installed, describe, missing_dependencies

        activate_installed()  # what the plugin installed, also under qgis_process
        missing = missing_dependencies()
        if missing:
            # The algorithms import requests, pydantic and shapely: without them the
            # Toolbox shows the provider empty instead of breaking QGIS's startup.
            log.warning(
                tr("The Processing algorithms of EO Explorer are not available: {0}").format(
                    describe(missing)
                )
            )
            return
        from .download_algorithm import DownloadAssetsAlgorithm
        from .search_algorithm import SearchCatalogAlgorithm

        self.addAlgorithm(SearchCatalogAlgorithm())
        from .process_algorithm import SentinelHubProcessAlgorithm

        self.addAlgorithm(SentinelHubProcessAlgorithm())
        from .constellr_algorithm import ConstellrOrdersAlgorithm

        self.addAlgorithm(ConstellrOrdersAlgorithm())
        self.addAlgorithm(DownloadAssetsAlgorithm())
