"""Shared cases of the Process API unit tests (not collected: no ``test_`` prefix)."""

from __future__ import annotations

from datetime import date

from eo_explorer.plugin.api.evalscripts import check_evalscript, load_presets
from eo_explorer.plugin.api.process import (
    Area,
    OutputSize,
    ProcessOptions,
    day_range,
    plan_job,
)

UTM33 = "http://www.opengis.net/def/crs/EPSG/0/32633"
JUNE = day_range(date(2024, 6, 1), date(2024, 6, 30))
PRESETS = {p.id: p for p in load_presets()}
UTM_AREA = Area((500_003.0, 5_100_007.0, 503_011.0, 5_101_203.0), 32633)
TEN_METRES = OutputSize(resolution=10.0)


def options(collection="sentinel-2-l2a", preset="true_color", **kw) -> ProcessOptions:
    return ProcessOptions(
        collection=collection,
        start=JUNE[0],
        end=JUNE[1],
        evalscript=PRESETS[preset].text(),
        **kw,
    )


def job_for(opts: ProcessOptions, area=UTM_AREA, size=TEN_METRES, max_px=2500):
    return plan_job(opts, check_evalscript(opts.evalscript), area, size, max_px)
