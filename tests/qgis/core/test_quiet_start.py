"""A quiet start: with accounts saved and the QGIS authentication database locked, loading
the plugin, restoring its three docks, opening them and reading a project ask for no
master password. Only what the user asks for that needs a secret does (Refresh here).

The authentication manager is replaced by a spy that says the master password is not set
and records every call; the methods that would ask for it (or need it) must not be called.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from ..conftest import clean_settings, unlock_auth_database, wait_for

#: QgsAuthManager methods that ask for the master password, or need it set.
NEEDS_PASSWORD = frozenset(
    {
        "setMasterPassword",
        "verifyMasterPassword",
        "resetMasterPassword",
        "loadAuthenticationConfig",
        "storeAuthenticationConfig",
        "updateAuthenticationConfig",
        "removeAuthenticationConfig",
        "updateNetworkRequest",
        "updateDataSourceUriItems",
    }
)


class LockedAuthManager:
    """The real manager, except that its master password is not set; records calls."""

    def __init__(self, real) -> None:
        self._real = real
        self.calls: list[str] = []

    def masterPasswordIsSet(self) -> bool:
        self.calls.append("masterPasswordIsSet")
        return False

    def __getattr__(self, name: str):
        self.calls.append(name)
        if name in NEEDS_PASSWORD:
            return lambda *args, **kwargs: False  # the user pressed Cancel
        return getattr(self._real, name)

    @property
    def asked(self) -> list[str]:
        return [name for name in self.calls if name in NEEDS_PASSWORD]


@pytest.fixture()
def locked(qgis_app, qgis_iface, qgis_new_project, monkeypatch):
    """Accounts saved for Sentinel Hub, Constellr and a custom catalog; the Search,
    Constellr and Process docks left open; then QGIS restarted with the database locked."""
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials, settings

    monkeypatch.delenv(settings.SANDBOX_ENV, raising=False)
    clean_settings()
    unlock_auth_database()
    credentials.save(Credentials("sentinelhub", "client-id", "client-secret"))
    credentials.save(Credentials("constellr", secret="workspace-key"))
    settings.set(settings.Key.LAST_CATALOG, "sentinelhub")
    settings.set(settings.Key.DOCK_OPEN, True)
    settings.set(settings.Key.CONSTELLR_DOCK_OPEN, True)
    settings.set(settings.Key.PROCESS_DOCK_OPEN, True)
    credentials.forget_tokens()  # nothing in memory: a new QGIS session
    spy = LockedAuthManager(QgsApplication.authManager())
    monkeypatch.setattr(QgsApplication, "authManager", staticmethod(lambda: spy))
    yield spy
    monkeypatch.undo()
    credentials.delete("sentinelhub")
    credentials.delete("constellr")
    clean_settings()


def load_plugin(iface):
    import eo_explorer

    plugin = eo_explorer.classFactory(iface)
    plugin.initGui()
    return plugin


def test_loading_the_plugin_and_its_docks_asks_for_no_master_password(
    locked, qgis_app, qgis_iface, tmp_path
):
    plugin = load_plugin(qgis_iface)
    try:
        assert plugin.dock is not None and plugin.constellr.dock is not None
        assert plugin.process.dock is not None
        qgis_app.processEvents()
        # Opening them again (the user clicks the toolbar buttons) asks for nothing either.
        for action in (plugin.search.action, plugin.constellr.action, plugin.process.action):
            action.setChecked(False)
            action.setChecked(True)
        qgis_app.processEvents()
        # A project without streamed layers goes through the path preprocessor quietly.
        layer = QgsVectorLayer("Point?crs=EPSG:4326", "points", "memory")
        QgsProject.instance().addMapLayer(layer)
        project = tmp_path / "plain.qgs"
        assert QgsProject.instance().write(str(project))
        assert QgsProject.instance().read(str(project))
        assert locked.asked == []
        status = plugin.dock.form.collectionsStatus.text()
        assert "Press Refresh" in status and "master password" in status

        # What the user asks for does use the account: Refresh asks for the password.
        plugin.dock.form.refreshCollectionsButton.click()
        wait_for(qgis_app, lambda: "setMasterPassword" in locked.asked, 5)
    finally:
        plugin.unload()


def test_the_constellr_dock_waits_for_refresh(locked, qgis_app, qgis_iface):
    plugin = load_plugin(qgis_iface)
    try:
        dock = plugin.constellr.dock
        dock._refresh_in_background()  # the timer, with the dock on screen
        assert locked.asked == [] and not dock.busy
        dock.form.refreshButton.click()
        assert "setMasterPassword" in locked.asked
    finally:
        plugin.unload()
