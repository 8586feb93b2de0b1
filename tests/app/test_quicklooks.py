"""Quicklooks inside the real QGIS application (a QGIS run of its own: the Search flows
fill the tier's time budget of one run)."""

from __future__ import annotations

import pytest

from .expected import assert_picture


@pytest.mark.flow("search_quicklooks_picture")
def test_quicklooks_dock_picture(app_run, sandbox):
    """The real QGIS: the best-cover scenes' thumbnails on the map, one raster layer each
    in the Quicklooks group, none failed; then "Hide quicklooks" from the layer's menu."""
    data = app_run["search_quicklooks_picture"].check()
    assert data["error"] == "" and data["selected"] > 0, data
    assert data["checked"] and data["failed"] == []
    assert len(data["quicklooks"]) == data["selected"]
    assert_picture(data["screenshot"])
    # the footprints layer's context menu, as QGIS builds it, hides them again
    assert "Hide quicklooks" in data["menu"], data["menu"]
    assert data["hidden"] and data["menu_after"] == ["Show quicklooks"]
    assert not data["button_after"]  # the dock's button follows its layer
