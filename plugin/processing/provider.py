"""The EO Explorer Processing provider: the plugin's algorithms in the Toolbox,
the model designer and ``qgis_process``."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr

ICON = Path(__file__).resolve().parent.parent.parent / "resources" / "icons" / "eo_explorer.svg"


class EOExplorerProvider(QgsProcessingProvider):
    """Provider id ``eo_explorer``; algorithms are addressed as ``eo_explorer:<id>``."""

    def id(self) -> str:
        return "eo_explorer"

    def name(self) -> str:
        return tr("EO Explorer")

    def longName(self) -> str:  # noqa: N802 - QGIS override
        return tr("EO Explorer: search Earth-observation catalogs")

    def icon(self) -> QIcon:
        if ICON.is_file():
            return QIcon(str(ICON))
        return super().icon()

    def svgIconPath(self) -> str:  # noqa: N802 - QGIS override
        return str(ICON) if ICON.is_file() else super().svgIconPath()

    def loadAlgorithms(self) -> None:  # noqa: N802 - QGIS override
        from ..core import log

        try:
            algorithms = _algorithms()
        except Exception as exc:  # noqa: BLE001 - see below
            # The algorithms import requests, pydantic and shapely. A broken copy (e.g. a
            # pydantic_core that does not match pydantic raises SystemError) must leave the
            # provider empty with a sentence in the log: an exception escaping this
            # virtual method aborts QGIS and qgis_process.
            log.warning(
                tr(
                    "The Processing algorithms of EO Explorer are not available: a package "
                    "they need could not be imported ({0}). Reinstall requests, pydantic "
                    "and shapely from the EO Explorer dock."
                ).format(f"{type(exc).__name__}: {exc}")
            )
            return
        if isinstance(algorithms, str):
            log.warning(
                tr("The Processing algorithms of EO Explorer are not available: {0}").format(
                    algorithms
                )
            )
            return
        for algorithm in algorithms:
            self.addAlgorithm(algorithm)


def _algorithms():
    """The provider's algorithms, or a sentence saying which dependencies are missing."""
    from ..core.dependencies import activate_installed, describe, missing_dependencies

    activate_installed()  # what the plugin installed, also under qgis_process
    missing = missing_dependencies()
    if missing:
        return describe(missing)
    from .async_algorithm import SentinelHubAsyncAlgorithm
    from .batch_process_algorithm import SentinelHubBatchAlgorithm
    from .batch_statistics_algorithm import SentinelHubBatchStatisticsAlgorithm
    from .constellr_algorithm import ConstellrOrdersAlgorithm
    from .download_algorithm import DownloadAssetsAlgorithm
    from .process_algorithm import SentinelHubProcessAlgorithm
    from .search_algorithm import SearchCatalogAlgorithm
    from .statistics_algorithm import SentinelHubStatisticsAlgorithm

    return [
        SearchCatalogAlgorithm(),
        SentinelHubProcessAlgorithm(),
        SentinelHubBatchAlgorithm(),
        ConstellrOrdersAlgorithm(),
        DownloadAssetsAlgorithm(),
        SentinelHubStatisticsAlgorithm(),
        SentinelHubAsyncAlgorithm(),
        SentinelHubBatchStatisticsAlgorithm(),
    ]
