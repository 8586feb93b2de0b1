"""The Process dock a new user sees in ``make run``: the sandbox endpoint and dates that
hold sandbox data; outside the sandbox, CDSE and the last month."""

from __future__ import annotations

import json

import pytest
from qgis.PyQt.QtCore import QDate

from ..conftest import clean_settings


def _config(tmp_path, last: str) -> str:
    path = tmp_path / "sandbox.json"
    path.write_text(
        json.dumps(
            {
                "stac": "http://127.0.0.1:9/",
                "dates": {"first": "2024-01-05", "last": last},
                "sentinelhub": {
                    "catalog": "http://127.0.0.1:9/api/v1/catalog/1.0.0/",
                    "process": "http://127.0.0.1:9/api/v1/process",
                    "token_url": "http://127.0.0.1:9/token",
                    "client_id": "c",
                    "client_secret": "s",
                },
            }
        )
    )
    return str(path)


@pytest.fixture()
def dock_factory(qgis_iface, qgis_new_project):
    from eo_explorer.plugin.gui.sentinelhub.dock import ProcessDock

    made = []

    def make():
        made.append(ProcessDock(qgis_iface))
        return made[-1]

    yield make
    for dock in made:
        dock.shutdown()


def test_in_the_sandbox_the_dock_starts_on_the_sandbox_and_its_data(
    tmp_path, monkeypatch, dock_factory
):
    clean_settings()
    monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", "http://127.0.0.1:9/")
    monkeypatch.setenv("EO_EXPLORER_SANDBOX_CONFIG", _config(tmp_path, "2026-11-30"))
    dock = dock_factory()
    f = dock.form
    assert f.endpointCombo.currentData() == "sandbox"
    assert dock.current_endpoint().url == "http://127.0.0.1:9"
    assert f.endDate.date() == QDate(2026, 11, 30)
    assert f.startDate.date() == QDate(2026, 10, 30)


def test_a_choice_made_in_the_sandbox_is_kept(tmp_path, monkeypatch, dock_factory):
    from eo_explorer.plugin.sentinelhub import settings as process_settings

    clean_settings()
    monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", "http://127.0.0.1:9/")
    monkeypatch.setenv("EO_EXPLORER_SANDBOX_CONFIG", _config(tmp_path, "2026-11-30"))
    process_settings.set_endpoint("sentinelhub-cdse")
    assert dock_factory().form.endpointCombo.currentData() == "sentinelhub-cdse"
    clean_settings()


def test_outside_the_sandbox_the_dock_starts_on_cdse_and_the_last_month(monkeypatch, dock_factory):
    clean_settings()
    monkeypatch.delenv("EO_EXPLORER_SANDBOX_URL", raising=False)
    monkeypatch.delenv("EO_EXPLORER_SANDBOX_CONFIG", raising=False)
    f = dock_factory().form
    assert f.endpointCombo.currentData() == "sentinelhub-cdse"
    today = QDate.currentDate()
    assert f.endDate.date() == today
    assert f.startDate.date() == today.addMonths(-1)
