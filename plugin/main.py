"""The plugin object QGIS loads: toolbar button, Web menu, dock, Processing provider.

``unload`` removes everything ``initGui`` created: actions (the footprints layers'
"Show quicklooks" among them), the dock (its map tool, rubber band and running tasks), the
Processing provider, the path preprocessor that gives streamed layers their credentials
back and the path writer that keeps presigned links out of projects, and the translator.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from qgis.core import Qgis, QgsApplication, QgsPathResolver, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTimer, QTranslator
from qgis.PyQt.QtWidgets import QAction

from .core import geos_engine, log

if TYPE_CHECKING:
    from .assets.stream_links import LinkRenewer
    from .gui.constellr.entry import ConstellrEntry
    from .gui.search.entry import SearchEntry
    from .gui.search.quicklooks_action import QuicklooksLayerAction
    from .gui.sentinelhub.entry import ProcessEntry
    from .processing.provider import EOExplorerProvider

ROOT = Path(__file__).resolve().parent.parent
MENU = "&EO Explorer"
#: How often streamed layers' presigned links are checked (renewed within a minute of
#: expiring, see :mod:`plugin.assets.stream_links`).
LINK_TICK_MS = 15_000


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


class EOExplorerPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.actions: list[QAction] = []
        self.search: Optional[SearchEntry] = None  # the Search action and dock
        self.provider: Optional[EOExplorerProvider] = None
        self.translator: Optional[QTranslator] = None
        self.missing: list = []
        self.constellr: Optional[ConstellrEntry] = None  # the Constellr action and dock
        self.process: Optional[ProcessEntry] = None  # the Process action and dock
        self.restorer_id = None  # the QgsPathResolver preprocessor of streamed layers
        self.writer_id = None  # ... and its path writer (no presigned link in a project)
        self.link_timer: Optional[QTimer] = None  # renews presigned links on the map
        self.renewer: Optional[LinkRenewer] = None
        #: "Show quicklooks" in footprints layers' menu
        self.quicklooks_action: Optional[QuicklooksLayerAction] = None
        # Before anything can touch a polygon: QGIS's GEOS, never a shapely wheel's.
        geos_engine.install()
        self._install_translator()

    # -- QGIS hooks -------------------------------------------------------------------

    def initProcessing(self) -> None:  # noqa: N802 (QGIS name)
        """Called by ``qgis_process`` (which never calls initGui)."""
        from .core.dependencies import activate_installed, missing_dependencies

        activate_installed()
        if not missing_dependencies():
            self._init_processing()  # the provider logs what it cannot import
            try:
                self._init_streaming()
            except Exception as exc:  # noqa: BLE001 - a broken dependency must not stop QGIS
                log.warning(
                    tr(
                        "Streamed layers of saved projects will not get their credentials "
                        "back: a package EO Explorer needs could not be imported ({0})."
                    ).format(f"{type(exc).__name__}: {exc}")
                )

    def initGui(self) -> None:  # noqa: N802 (QGIS name)
        from .core.dependencies import activate_installed, missing_dependencies

        activate_installed()  # what the Install button put in the profile earlier
        self.missing = missing_dependencies()
        from .gui.search.entry import SearchEntry

        search = self.search = SearchEntry(
            self.iface, MENU, lambda: self.missing, self._dependencies_installed
        )
        search.add()
        accounts = QAction(tr("Accounts…"), self.iface.mainWindow())
        accounts.setObjectName("EOExplorerAccountsAction")
        accounts.triggered.connect(self.open_accounts)
        self.iface.addPluginToWebMenu(MENU, accounts)
        self.actions.append(accounts)
        from .gui.constellr.entry import ConstellrEntry

        constellr = self.constellr = ConstellrEntry(
            self.iface, MENU, lambda: self.missing, self._dependencies_installed
        )
        constellr.add()
        from .gui.sentinelhub.entry import ProcessEntry

        process = self.process = ProcessEntry(
            self.iface, MENU, lambda: self.missing, self._dependencies_installed
        )
        process.add()
        if self.missing:
            from .gui.common.dependency_bar import notify_missing

            notify_missing(self.iface, self.missing, self._dependencies_installed)
            return
        self._init_processing()
        self._init_streaming()
        search.restore()
        from .gui.search.quicklooks_action import QuicklooksLayerAction

        self.quicklooks_action = QuicklooksLayerAction(self.iface, self._open_search_dock)
        process.restore()
        constellr.restore()

    def unload(self) -> None:
        if self.quicklooks_action is not None:
            self.quicklooks_action.remove()
            self.quicklooks_action = None
        if self.constellr is not None:
            self.constellr.remove()
            self.constellr = None
        if self.process is not None:
            self.process.remove()
            self.process = None
        if self.search is not None:
            self.search.remove()
            self.search = None
        for action in self.actions:
            self.iface.removePluginWebMenu(MENU, action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.restorer_id is not None:
            QgsPathResolver.removePathPreprocessor(self.restorer_id)
            self.restorer_id = None
        if self.writer_id is not None:
            QgsPathResolver.removePathWriter(self.writer_id)
            self.writer_id = None
        if self.link_timer is not None:
            self.link_timer.stop()
            self.link_timer = self.renewer = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        if not self.missing:
            from .assets import streaming
            from .core import credentials

            credentials.forget_tokens()  # tokens live in memory only, for this load
            try:
                streaming.forget_header_files()  # credential headers for streamed layers
            except Exception as exc:  # noqa: BLE001 - unloading must go on
                log.warning(f"Could not remove the streaming header files: {exc!r}")

    # -- parts ------------------------------------------------------------------------

    def _init_processing(self) -> None:
        if self.provider is not None:
            return
        from .processing.provider import EOExplorerProvider

        provider = EOExplorerProvider()
        # addProvider refuses (and deletes) a provider whose id is already registered.
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
        else:
            log.warning("The EO Explorer Processing provider was already registered.")

    def _init_streaming(self) -> None:
        """Streamed layers of a saved project get their credentials back when it opens."""
        if self.restorer_id is not None:
            return
        from .assets.stream_links import LinkRenewer, saved_source
        from .assets.streaming import ProjectRestorer

        def report(message: str) -> None:
            log.warning(message)
            if self.iface is not None:
                self.iface.messageBar().pushMessage(
                    tr("EO Explorer"), message, Qgis.MessageLevel.Warning, 0
                )

        self.restorer_id = QgsPathResolver.setPathPreprocessor(ProjectRestorer(report))
        # A layer streamed through a redirect reads a presigned link; the project keeps
        # the asset's own URL instead (resolved again when the project is opened).
        self.writer_id = QgsPathResolver.setPathWriter(saved_source)
        # ... and a layer left on the map gets a new link before its link expires.
        self.renewer = LinkRenewer()
        timer = self.link_timer = QTimer()
        timer.setInterval(LINK_TICK_MS)
        timer.timeout.connect(self._renew_links)
        timer.start()

    def _renew_links(self) -> None:
        if self.renewer is None:  # the timer stops before the renewer goes
            return
        try:
            self.renewer.tick(QgsProject.instance().mapLayers().values())
        except Exception as exc:  # noqa: BLE001 - a timer slot must never raise
            log.warning(f"Could not renew the links of streamed layers: {exc!r}")

    def _dependencies_installed(self) -> None:
        from .core.dependencies import missing_dependencies

        self.missing = missing_dependencies()
        if not self.missing:
            self._init_processing()
            self._init_streaming()

    def open_accounts(self, *_args) -> None:
        if self.missing:
            from .gui.common.dependency_bar import notify_missing

            notify_missing(self.iface, self.missing, self._dependencies_installed)
            return
        from .core import settings
        from .gui.common.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.iface.mainWindow(), catalogs=settings.catalogs())
        dialog.exec()
        if self.dock is not None:
            self.dock.reload_catalogs()

    def _open_search_dock(self):
        """The Search dock, opened (and made) if it is not: the layers' quicklooks
        action works through it and says what happened in its message bar."""
        if self.search is None:
            return None
        if self.search.action is not None:
            self.search.action.setChecked(True)
        return self.search.dock

    @property
    def dock(self):
        """The Search dock, once opened."""
        return self.search.dock if self.search is not None else None

    def _install_translator(self) -> None:
        locale = str(QSettings().value("locale/userLocale", QLocale().name()) or "")[:2]
        path = ROOT / "i18n" / f"eo_explorer_{locale}.qm"
        if locale and path.exists():
            translator = QTranslator()
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                self.translator = translator
