"""Fixtures for the QGIS tests: a real STAC server over the sandbox data, the dock."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from shapely.geometry import box, shape

from tests.servers.stac.rustac_server import RustacServer

REPO = Path(__file__).resolve().parents[2]
SANDBOX = REPO / "resources" / "sandbox"


def sandbox_files() -> list[Path]:
    return sorted((SANDBOX / "collections").glob("*.json")) + sorted(
        (SANDBOX / "items").glob("*.json")
    )


def sandbox_items() -> list[dict]:
    items = []
    for path in sorted((SANDBOX / "items").glob("*.json")):
        items.extend(json.loads(path.read_text())["features"])
    return items


def expected_ids(
    area,
    start: str | None = None,
    end: str | None = None,
    collections: list[str] | None = None,
    max_cloud: float | None = None,
) -> set[str]:
    """What the sandbox holds for a query, computed independently with shapely."""
    geometry = shape(area) if isinstance(area, dict) else box(*area)
    found = set()
    for item in sandbox_items():
        if collections and item["collection"] not in collections:
            continue
        when = item["properties"]["datetime"]
        if start and when < start:
            continue
        if end and when > end:
            continue
        cloud = item["properties"].get("eo:cloud_cover")
        if max_cloud is not None and cloud is not None and cloud > max_cloud:
            continue
        if shape(item["geometry"]).intersects(geometry):
            found.add(item["id"])
    return found


@pytest.fixture(scope="session", autouse=True)
def qgis_geos_engine(qgis_app) -> Iterator[None]:
    """Polygons go through QGIS's GEOS, as they do once QGIS has loaded the plugin.

    The tests import the plugin both as ``plugin`` and as ``eo_explorer.plugin`` (its
    installed name): each copy has its own engine setting.
    """
    import importlib

    packages = ("plugin", "eo_explorer.plugin")
    for package in packages:
        importlib.import_module(package + ".core.geos_engine").install()
    yield
    for package in packages:
        importlib.import_module(package + ".api.polygon_engine").use(None)


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[RustacServer]:
    with RustacServer(sandbox_files()) as server:
        yield server


MASTER_PASSWORD = "master-password-for-tests"


def unlock_auth_database():
    """The QGIS authentication database of the test profile, unlocked (once per run)."""
    from qgis.core import QgsApplication

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(MASTER_PASSWORD, True)
    return manager


@pytest.fixture(scope="module")
def unlocked_auth(qgis_app):
    yield unlock_auth_database()


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """The EO Explorer Processing provider, registered for the module's tests."""
    from qgis.core import QgsApplication

    from eo_explorer.plugin.processing.provider import EOExplorerProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("eo_explorer")
    if existing is not None:
        yield existing
        return
    created = EOExplorerProvider()
    assert registry.addProvider(created)
    yield created
    registry.removeProvider(created)


def show_world(canvas) -> None:
    """The whole world in EPSG:4326, whatever an earlier test left on the canvas."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(-180, -90, 180, 90))


def clean_settings() -> None:
    """Every test starts from the defaults, not from what an earlier test saved."""
    from qgis.core import QgsSettings

    QgsSettings().remove("eo_explorer")


def wait_for(app, condition, timeout: float = 30.0) -> None:
    """Process Qt events until ``condition()`` is true (QgsTasks finish on the main loop)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
        app.processEvents()
        time.sleep(0.01)


def sandbox_dock(url: str, iface, app, monkeypatch) -> Iterator:
    """A Search dock on the "sandbox" catalog at ``url``, its collections read; shut down
    afterwards (the body of the dock fixtures)."""
    monkeypatch.setenv("EO_EXPLORER_SANDBOX_URL", url)
    from eo_explorer.plugin.gui.search.dock import SearchDock

    clean_settings()
    widget = SearchDock(iface)
    widget.form.catalogCombo.setCurrentIndex(widget.form.catalogCombo.findData("sandbox"))
    wait_for(app, lambda: widget.form.collectionsList.count() > 0)
    yield widget
    widget.shutdown()
    widget.deleteLater()


@pytest.fixture()
def dock(qgis_iface, qgis_app, qgis_new_project, sandbox_server, monkeypatch):
    """The Search dock with the sandbox catalog selected and its collections read."""
    yield from sandbox_dock(sandbox_server.url, qgis_iface, qgis_app, monkeypatch)


def run_search(app, dock, timeout: float = 60.0):
    """Press Search and wait for the outcome."""
    outcomes = []
    dock.searchFinished.connect(outcomes.append)
    dock.form.searchButton.click()
    wait_for(app, lambda: outcomes, timeout)
    dock.searchFinished.disconnect(outcomes.append)
    return outcomes[0]


def layer_ids(layer) -> list[str]:
    return [f["id"] for f in layer.getFeatures()]


@pytest.fixture(params=["exceptions on", "exceptions off"])
def gdal_exceptions(request) -> Iterator[str]:
    """GDAL's process-wide error mode set both ways: QGIS 3.40+ Processing turns
    exceptions on, older QGIS leaves them off; plugin code must work in both."""
    from osgeo import gdal

    before = gdal.GetUseExceptions()
    if request.param == "exceptions on":
        gdal.UseExceptions()
    else:
        gdal.DontUseExceptions()
    yield request.param
    if before:
        gdal.UseExceptions()
    else:
        gdal.DontUseExceptions()


@pytest.fixture()
def layer_tree_view(qgis_iface, qgis_app, monkeypatch):
    """A real layer tree view behind ``iface.layerTreeView()``, as in the QGIS window.

    Processing's result loading hands it to C++ (``QgsProcessingGuiUtils.addResultLayers``
    on QGIS 3.44), which refuses the mocked interface's stand-in."""
    import qgis.gui
    import qgis.utils
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    if not hasattr(getattr(qgis.gui, "QgsProcessingGuiUtils", None), "addResultLayers"):
        # Older Processing only calls the view's Python methods, which the stand-in has;
        # a free-standing view there crashes (SIGFPE) when result layers are added.
        yield None
        return
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    view = QgsLayerTreeView()
    view.setModel(model)
    for iface in {id(i): i for i in (qgis_iface, qgis.utils.iface) if i is not None}.values():
        monkeypatch.setattr(iface, "layerTreeView", lambda: view, raising=False)
    yield view
    view.setModel(None)
    view.deleteLater()
