"""Fixtures and helpers of the Process dock tests: a token server, the saved account, the
dock pointed at a local Process API server, running it and reading its messages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsRectangle

from tests.servers.common.token_server import TokenServer

from ..conftest import clean_settings, wait_for

UTM33 = "http://www.opengis.net/def/crs/EPSG/0/32633"
#: what ``from .process_support import *`` brings into a test module: the fixtures
__all__ = ["account", "canvas", "keycloak", "unlocked_auth_database"]
SECRET = "sh-Secret-for-process-tests"
#: a field near Ljubljana (UTM zone 33 N), lon/lat
FIELD = [(14.500, 46.050), (14.512, 46.050), (14.514, 46.058), (14.501, 46.057)]


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_database(unlocked_auth):
    yield unlocked_auth


@pytest.fixture()
def keycloak():
    with TokenServer(clients={"sh-client": SECRET}) as server:
        yield server


def bearer_check(keycloak):
    def check(headers) -> bool:
        value = headers.get("Authorization", "")
        return value.startswith("Bearer ") and keycloak.is_valid(value[7:])

    return check


@pytest.fixture()
def account(keycloak):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    clean_settings()
    credentials.save(Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url))
    yield
    credentials.delete("sentinelhub")


def make_dock(qgis_iface, server, tmp_path, max_tile: int = 2500):
    from eo_explorer.plugin.gui.sentinelhub.dock import ProcessDock
    from eo_explorer.plugin.sentinelhub import settings as process_settings

    process_settings.set_custom_endpoint(server.url, "sentinelhub")
    process_settings.set_endpoint(process_settings.CUSTOM_ID)
    process_settings.set_output_folder(str(tmp_path))
    from eo_explorer.plugin.core import settings

    settings.set(settings.Key.PROCESS_MAX_TILE_PIXELS, max_tile)
    return ProcessDock(qgis_iface)


@pytest.fixture()
def canvas(qgis_iface, qgis_new_project):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(14.4, 46.0, 14.6, 46.1))
    return canvas


def run_dock(app, dock, timeout: float = 60.0):
    outcomes = []
    dock.processFinished.connect(outcomes.append)
    dock.form.runButton.click()
    wait_for(app, lambda: outcomes or (dock.task is None and dock.message_bar.items()), timeout)
    dock.processFinished.disconnect(outcomes.append)
    return outcomes[0] if outcomes else None


def messages(dock) -> str:
    return "\n".join(item.text() for item in dock.message_bar.items())


def choose(dock, collection: str, preset: str) -> None:
    f = dock.form
    f.collectionCombo.setCurrentIndex(f.collectionCombo.findData(collection))
    dock.use_preset(preset)


def draw_field(dock) -> None:
    dock.form.drawButton.click()
    dock.draw_tool.set_points([QgsPointXY(x, y) for x, y in FIELD])


def last_month() -> tuple[date, date]:
    today = date.today()
    return today - timedelta(days=30), today
