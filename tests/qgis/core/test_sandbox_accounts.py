"""As a new user in the sandbox of ``make run``: add the Sentinel Hub account and the
Constellr key shown in the Accounts dialog, Test both, search both catalogs, and find the
secrets nowhere in the QGIS profile folder or the message log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QDate, Qt

from tests.servers.sandbox.accounts import (
    SANDBOX_API_KEY,
    SANDBOX_CLIENT_SECRET,
    AccountServices,
)

from ..conftest import clean_settings, run_search, show_world, unlock_auth_database, wait_for


@pytest.fixture()
def sandbox(tmp_path, monkeypatch):
    services = AccountServices(0).start()  # 0: each server on a port the system picks
    config = tmp_path / "sandbox.json"
    config.write_text(json.dumps(services.config()))
    monkeypatch.setenv("EO_EXPLORER_SANDBOX_CONFIG", str(config))
    monkeypatch.delenv("EO_EXPLORER_SANDBOX_URL", raising=False)
    yield services
    services.stop()
    from eo_explorer.plugin.core import credentials

    for service in ("sentinelhub", "constellr"):  # later tests start without these accounts
        credentials.delete(service)


def test_new_user_sets_up_both_accounts_and_searches(
    qgis_iface, qgis_app, qgis_new_project, sandbox
):
    from eo_explorer.plugin.core import settings
    from eo_explorer.plugin.gui.common.accounts_dialog import AccountsDialog
    from eo_explorer.plugin.gui.search.dock import COLLECTION_ROLE, SearchDock

    unlock_auth_database()
    clean_settings()
    logged = []
    QgsApplication.messageLog().messageReceived.connect(
        lambda message, tag, level: logged.append(message)
    )

    dialog = AccountsDialog(None, "sentinelhub", catalogs=settings.catalogs())
    f = dialog.form
    hint = f.helpLabel.text()
    assert "Sandbox: client id sandbox-client, secret sandbox-secret." in hint
    assert f.tokenUrlEdit.text() == sandbox.tokens.token_url  # pre-filled for the sandbox
    f.userEdit.setText("sandbox-client")
    f.secretEdit.setText(SANDBOX_CLIENT_SECRET)
    f.testButton.click()
    wait_for(qgis_app, lambda: dialog.task is None)
    assert f.resultLabel.text().startswith("✔ Sentinel Hub signed you in"), f.resultLabel.text()
    f.saveButton.click()
    dialog.select("constellr")
    assert "Sandbox: API key sandbox-api-key." in f.helpLabel.text()
    f.secretEdit.setText(SANDBOX_API_KEY)
    f.testButton.click()
    wait_for(qgis_app, lambda: dialog.task is None)
    assert f.resultLabel.text().startswith("✔ "), f.resultLabel.text()
    f.saveButton.click()
    dialog.close()

    show_world(qgis_iface.mapCanvas())
    dock = SearchDock(qgis_iface)
    try:
        counts = {}
        for catalog_id in ("sandbox-sentinelhub", "sandbox-constellr"):
            combo = dock.form.catalogCombo
            combo.setCurrentIndex(combo.findData(catalog_id))
            wait_for(qgis_app, lambda: dock.collections_task is None)
            assert dock.form.collectionsList.count() >= 1
            dock.form.startCheck.setChecked(False)
            dock.form.endCheck.setChecked(False)
            if catalog_id == "sandbox-sentinelhub":  # one collection, a date range (seed 001)
                widget = dock.form.collectionsList
                for row in range(widget.count()):
                    item = widget.item(row)
                    wanted = item.data(COLLECTION_ROLE).id == "sandbox-sentinel-2-l2a"
                    item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
                dock.form.startCheck.setChecked(True)
                dock.form.startDate.setDate(QDate(2000, 1, 1))
            dock.form.maxItemsSpin.setValue(120)
            outcome = run_search(qgis_app, dock)
            assert outcome.error is None, outcome.error
            counts[catalog_id] = dock.results_layer.featureCount()
        assert counts["sandbox-sentinelhub"] == 120  # pages of 50 via context.next
        assert counts["sandbox-constellr"] == 100  # every sandbox LST item
    finally:
        dock.shutdown()

    QgsSettings().sync()
    profile = Path(QgsApplication.qgisSettingsDirPath())
    settings_file = Path(QgsSettings().fileName())
    files = [p for p in profile.rglob("*") if p.is_file()] + [settings_file]
    from eo_explorer.plugin.core import credentials

    assert credentials.authcfg("constellr") in settings_file.read_text()  # only the reference
    assert any(p.name == "qgis-auth.db" for p in files)  # the secrets are in there, encrypted
    for path in files:
        if path.is_file():
            data = path.read_bytes()
            for secret in (SANDBOX_CLIENT_SECRET, SANDBOX_API_KEY):
                assert secret.encode() not in data, f"{secret} found in {path}"
    assert not [m for m in logged if SANDBOX_CLIENT_SECRET in m or SANDBOX_API_KEY in m]
