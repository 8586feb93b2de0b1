"""Accounts in a real QGIS authentication database, the Accounts dialog, the proxy, and
searching catalogs that need an account."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsNetworkAccessManager, QgsSettings
from qgis.PyQt.QtCore import QDate, Qt

from tests.servers.common.proxy_server import ProxyServer
from tests.servers.common.token_server import TokenServer
from tests.servers.stac.paging_server import StacPagingServer

from ..conftest import clean_settings, run_search, sandbox_items, show_world, wait_for

SH_SECRET = "sh-Secret-9f8e7d6c5b4a"
API_KEY = "cst-Key-1a2b3c4d5e6f7g8h"


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_database(unlocked_auth):
    yield unlocked_auth


@pytest.fixture()
def logged(qgis_app):
    messages = []

    def keep(message, tag, level):
        messages.append(f"{tag}: {message}")

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield messages
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def _settings_text() -> str:
    QgsSettings().sync()
    path = Path(QgsSettings().fileName())
    return path.read_text(errors="replace") if path.exists() else ""


def test_accounts_round_trip_through_the_auth_database(qgis_app, logged):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    clean_settings()
    saved = Credentials("sentinelhub", "sh-client", SH_SECRET, token_url="http://x/token")
    config_id = credentials.save(saved)
    assert config_id in QgsApplication.authManager().configIds()
    loaded = credentials.load("sentinelhub")
    assert (loaded.username, loaded.secret, loaded.token_url) == (
        "sh-client",
        SH_SECRET,
        "http://x/token",
    )

    credentials.save(Credentials("sentinelhub", "sh-client", "edited-" + SH_SECRET))
    assert credentials.authcfg("sentinelhub") == config_id  # edited in place
    assert credentials.load("sentinelhub").secret == "edited-" + SH_SECRET

    text = _settings_text()
    assert config_id in text
    assert SH_SECRET not in text and "edited-" not in text
    assert all(SH_SECRET not in m for m in logged)
    assert SH_SECRET not in repr(loaded)

    credentials.delete("sentinelhub")
    assert config_id not in QgsApplication.authManager().configIds()
    assert credentials.load("sentinelhub") is None


@pytest.fixture()
def keycloak():
    with TokenServer(clients={"sh-client": SH_SECRET}, api_keys=[API_KEY]) as server:
        yield server


def _bearer_check(keycloak):
    def authorize(headers):
        value = headers.get("Authorization", "")
        if value.startswith("Bearer ") and keycloak.is_valid(value[7:]):
            return None
        return 401, {
            "error": {
                "status": 401,
                "reason": "Unauthorized",
                "message": "Token is invalid.",
                "code": "COMMON_UNAUTHORIZED",
            }
        }

    return authorize


def _key_check(headers):
    if headers.get("X-Api-Key") == API_KEY:
        return None
    return 401, {"detail": "Invalid API key"}


@pytest.fixture()
def catalogs(keycloak):
    items = [i for i in sandbox_items() if i["collection"] == "sandbox-lst"][:40]
    with (
        StacPagingServer(
            items, style="sentinelhub", default_limit=20, authorize=_bearer_check(keycloak)
        ) as sh,
        StacPagingServer(
            items, style="token-get", default_limit=20, authorize=_key_check
        ) as constellr,
    ):
        yield sh, constellr


def _point_presets_at(sh, constellr, keycloak):
    """The Sentinel Hub and Constellr presets, edited to the local servers."""
    from eo_explorer.plugin.api.catalogs import PRESETS
    from eo_explorer.plugin.core import settings

    edited = []
    for preset in PRESETS:
        if preset.id == "sentinelhub":
            edited.append(preset.model_copy(update={"url": sh.url}))
        elif preset.id == "constellr":
            edited.append(preset.model_copy(update={"url": constellr.url}))
    settings.save_catalogs(edited)


def test_accounts_dialog_save_and_test(qgis_app, keycloak, catalogs, logged):
    from eo_explorer.plugin.core import credentials, settings
    from eo_explorer.plugin.gui.common.accounts_dialog import AccountsDialog

    clean_settings()
    sh, constellr = catalogs
    _point_presets_at(sh, constellr, keycloak)
    dialog = AccountsDialog(None, "sentinelhub", catalogs=settings.catalogs())
    f = dialog.form
    f.userEdit.setText("sh-client")
    f.secretEdit.setText("wrong-secret")
    f.tokenUrlEdit.setText(keycloak.token_url)
    f.testButton.click()
    wait_for(qgis_app, lambda: dialog.task is None)
    assert f.resultLabel.text() == (
        f"✖ The client secret is wrong ({keycloak.url[7:].rstrip('/')} refused it)."
    )
    f.secretEdit.setText(SH_SECRET)
    f.testButton.click()
    wait_for(qgis_app, lambda: dialog.task is None)
    assert f.resultLabel.text().startswith("✔ Sentinel Hub signed you in; 127.0.0.1")
    assert f.saveButton.isEnabled()
    f.saveButton.click()
    assert credentials.load("sentinelhub").secret == SH_SECRET

    dialog.select("constellr")
    assert not f.userEdit.isVisibleTo(dialog) and f.secretLabel.text() == "Workspace API key"
    f.secretEdit.setText("not-the-key")
    f.testButton.click()
    wait_for(qgis_app, lambda: dialog.task is None)
    assert f.resultLabel.text().endswith("refused the key (HTTP 401).")
    f.secretEdit.setText(API_KEY)
    f.testButton.click()
    wait_for(qgis_app, lambda: dialog.task is None)
    assert f.resultLabel.text().startswith("✔ ")
    f.saveButton.click()
    dialog.close()
    text = _settings_text()
    assert SH_SECRET not in text and API_KEY not in text
    assert all(SH_SECRET not in m and API_KEY not in m for m in logged)


def test_search_catalogs_that_need_an_account(
    qgis_iface, qgis_app, qgis_new_project, keycloak, catalogs, monkeypatch, logged
):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials
    from eo_explorer.plugin.gui.search.dock import SearchDock

    sh, constellr = catalogs
    monkeypatch.delenv("EO_EXPLORER_SANDBOX_URL", raising=False)
    clean_settings()
    _point_presets_at(sh, constellr, keycloak)
    credentials.save(
        Credentials("sentinelhub", "sh-client", SH_SECRET, token_url=keycloak.token_url)
    )
    credentials.save(Credentials("constellr", secret=API_KEY))
    show_world(qgis_iface.mapCanvas())
    dock = SearchDock(qgis_iface)
    try:
        for preset in ("sentinelhub", "constellr"):
            combo = dock.form.catalogCombo
            combo.setCurrentIndex(combo.findData(preset))
            wait_for(qgis_app, lambda: dock.collections_task is None)
            assert dock.form.collectionsList.count() == 1, preset
            dock.form.startCheck.setChecked(False)
            dock.form.endCheck.setChecked(False)
            if preset == "sentinelhub":  # one collection and a date range (seed 001)
                dock.form.collectionsList.item(0).setCheckState(Qt.CheckState.Checked)
                dock.form.startCheck.setChecked(True)
                dock.form.startDate.setDate(QDate(2000, 1, 1))
            outcome = run_search(qgis_app, dock)
            assert outcome.error is None, preset
            assert dock.results_layer.featureCount() == 40
        # One token served the collection list and every page of the Sentinel Hub search.
        assert keycloak.count("client_credentials") == 1
        sent = [r["headers"].get("X-Api-Key") for r in constellr.requests]
        assert sent and set(sent) == {API_KEY}
        for layer in (dock.results_layer,):
            assert API_KEY not in layer.source()
    finally:
        dock.shutdown()
    assert all(SH_SECRET not in m and API_KEY not in m for m in logged)


def test_processing_searches_catalogs_that_need_an_account(
    qgis_app, qgis_new_project, keycloak, catalogs, provider, monkeypatch, logged
):
    """ "Search catalog" in the Toolbox uses the same accounts as the dock."""
    import processing
    from qgis.core import QgsProcessingException

    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    sh, constellr = catalogs
    monkeypatch.delenv("EO_EXPLORER_SANDBOX_URL", raising=False)
    clean_settings()
    _point_presets_at(sh, constellr, keycloak)
    with pytest.raises(QgsProcessingException, match="Set up your Sentinel Hub account"):
        processing.run(
            "eo_explorer:search_catalog", {"CATALOG": "sentinelhub", "OUTPUT": "TEMPORARY_OUTPUT"}
        )
    credentials.save(
        Credentials("sentinelhub", "sh-client", SH_SECRET, token_url=keycloak.token_url)
    )
    credentials.save(Credentials("constellr", secret=API_KEY))
    try:
        for preset in ("sentinelhub", "constellr"):
            parameters = {"CATALOG": preset, "MAX_ITEMS": 100, "OUTPUT": "TEMPORARY_OUTPUT"}
            if preset == "sentinelhub":  # one collection and a date range (seed 001)
                parameters.update(COLLECTIONS="sandbox-lst", START="2000-01-01")
            result = processing.run("eo_explorer:search_catalog", parameters)
            assert result["OUTPUT"].featureCount() == 40, preset
    finally:
        for service in ("sentinelhub", "constellr"):
            credentials.delete(service)
        clean_settings()
    sent = [r["headers"].get("X-Api-Key") for r in constellr.requests]
    assert sent and set(sent) == {API_KEY}
    assert keycloak.count("client_credentials") == 1
    assert all(SH_SECRET not in m and API_KEY not in m for m in logged)


def test_a_refused_key_says_which_account_to_fix(
    qgis_iface, qgis_app, qgis_new_project, keycloak, catalogs, monkeypatch
):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials
    from eo_explorer.plugin.gui.search.dock import SearchDock

    sh, constellr = catalogs
    monkeypatch.delenv("EO_EXPLORER_SANDBOX_URL", raising=False)
    clean_settings()
    _point_presets_at(sh, constellr, keycloak)
    credentials.save(Credentials("constellr", secret="revoked-key"))
    dock = SearchDock(qgis_iface)
    try:
        combo = dock.form.catalogCombo
        combo.setCurrentIndex(combo.findData("constellr"))
        wait_for(qgis_app, lambda: dock.collections_task is None)
        texts = [f"{i.title()} {i.text()}" for i in dock.message_bar.items()]
        assert any("needs valid credentials (HTTP 401): Invalid API key" in t for t in texts)
        assert any("Check the Constellr account." in t for t in texts)
    finally:
        dock.shutdown()


def _set_qgis_proxy(port: int | None, excluded: list[str]) -> None:
    """What Settings ▸ Options ▸ Network writes, then what QGIS does with it."""
    settings = QgsSettings()
    settings.setValue("proxy/proxyEnabled", port is not None)
    settings.setValue("proxy/proxyType", "HttpProxy")
    settings.setValue("proxy/proxyHost", "127.0.0.1")
    settings.setValue("proxy/proxyPort", str(port or 0))
    settings.setValue("proxy/proxyExcludedUrls", excluded)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def test_requests_go_through_the_qgis_proxy(qgis_app, keycloak):
    from eo_explorer.plugin.core.network import plain_client

    keycloak.api_keys.add(API_KEY)
    with ProxyServer() as proxy:
        port = int(proxy.url.rstrip("/").rsplit(":", 1)[1])
        try:
            _set_qgis_proxy(port, [])
            plain_client().request("GET", keycloak.api_key_url, headers={"X-Api-Key": API_KEY})
            assert [r["url"] for r in proxy.requests] == [keycloak.api_key_url]
            # An excluded URL goes direct.
            _set_qgis_proxy(port, [keycloak.url])
            plain_client().request("GET", keycloak.api_key_url, headers={"X-Api-Key": API_KEY})
            assert len(proxy.requests) == 1
        finally:
            _set_qgis_proxy(None, [])
