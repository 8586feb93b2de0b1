"""Best cover: the fewest, least cloudy scenes that cover the search area."""

from __future__ import annotations

import pytest
from qgis.core import QgsGeometry, QgsRectangle

from eo_explorer.plugin.search.best_cover import Scene, best_cover


def box(west, south, east, north) -> QgsGeometry:
    return QgsGeometry.fromRect(QgsRectangle(west, south, east, north))


def test_two_clear_halves_beat_one_cloudy_scene_over_everything(qgis_app):
    area = box(10, 45, 12, 46)
    scenes = [
        Scene(1, box(9.9, 44.9, 12.1, 46.1), cloud=90),  # all of it, but cloudy
        Scene(2, box(9.9, 44.9, 11.0, 46.1), cloud=0),  # the west half, clear
        Scene(3, box(11.0, 44.9, 12.1, 46.1), cloud=10),  # the east half, nearly clear
        Scene(4, box(20, 20, 21, 21), cloud=0),  # elsewhere
    ]
    cover = best_cover(area, scenes)
    assert cover.fids == [2, 3]
    assert cover.covered == pytest.approx(1.0)
    assert 15_000 < cover.area_km2 < 17_500  # 2° x 1° at 45° N


def test_a_scene_that_adds_nothing_new_is_not_taken(qgis_app):
    area = box(0, 0, 1, 1)
    scenes = [
        Scene(1, box(0, 0, 1, 1), cloud=5),
        Scene(2, box(0.2, 0.2, 0.8, 0.8), cloud=0),  # inside the first: adds nothing
    ]
    assert best_cover(area, scenes).fids == [1]


def test_what_cannot_be_covered_is_said(qgis_app):
    area = box(0, 0, 2, 1)
    cover = best_cover(area, [Scene(7, box(0, 0, 1, 1), cloud=None)])
    assert cover.fids == [7]
    assert cover.covered == pytest.approx(0.5, abs=0.01)
    assert best_cover(area, []).fids == [] and best_cover(area, []).covered == 0


def test_cancel_stops_between_choices(qgis_app):
    area = box(0, 0, 3, 1)
    scenes = [Scene(i, box(i, 0, i + 1, 1), cloud=0) for i in range(3)]
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    cover = best_cover(area, scenes, is_cancelled=cancelled)
    assert cover.cancelled and len(cover.fids) == 1


def test_best_cover_selects_footprints_in_the_dock_and_says_how_much_they_cover(
    qgis_iface, qgis_app, qgis_new_project, sandbox_server, monkeypatch
):
    from qgis.core import QgsRectangle

    from ..conftest import run_search, sandbox_dock, wait_for
    from .test_search_dock import set_dates, show_extent, tick

    fixture = sandbox_dock(sandbox_server.url, qgis_iface, qgis_app, monkeypatch)
    dock = next(fixture)
    try:
        assert not dock.form.bestCoverButton.isEnabled()  # nothing found yet
        tick(dock, "sandbox-sentinel-2-l2a")
        set_dates(dock, "2024-06-01", "2024-06-30")
        show_extent(qgis_iface.mapCanvas(), "EPSG:4326", QgsRectangle(5.0, 45.0, 15.0, 55.0))
        outcome = run_search(qgis_app, dock)
        assert outcome.error is None and outcome.count > 3
        layer = dock.results_layer
        dock.form.bestCoverButton.click()
        wait_for(qgis_app, lambda: dock.cover_task is None, 30)
        chosen = layer.selectedFeatureIds()
        assert 0 < len(chosen) < outcome.count
        shown = " ".join(item.text() for item in dock.message_bar.items())
        assert f"{len(chosen)} footprint(s) cover" in shown and "% of the search area" in shown
        # what the dock selected is the answer for the map's extent
        shown_extent = qgis_iface.mapCanvas().extent()
        area = QgsGeometry.fromRect(shown_extent)
        cloud = layer.fields().indexOf("cloud_cover")
        scenes = [Scene(f.id(), f.geometry(), f[cloud]) for f in layer.getFeatures()]
        assert sorted(best_cover(area, scenes).fids) == sorted(chosen)
    finally:
        next(fixture, None)
