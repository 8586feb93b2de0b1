"""The sandbox of ``make run`` serves its data around today (the shipped JSON keeps 2024)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from pathlib import Path

import numpy as np
import pytest
import requests
from osgeo import gdal

from tests.servers.sandbox import services as sandbox
from tests.servers.sandbox.accounts import SANDBOX_API_KEY
from tests.servers.sandbox.assets import sandbox_items
from tests.servers.sandbox.dates import (
    NEWEST_DAYS_AGO,
    days_to_today,
    newest_datetime,
    shift,
)
from tests.servers.sentinelhub.scenes import javascript_available
from tests.servers.stac.rustac_server import RustacNotFoundError

TODAY = dt.date(2026, 12, 4)
SANDBOX_ROOT = Path(__file__).resolve().parents[3]


def test_shift_moves_every_date_by_whole_days_ids_included():
    item = {
        "id": "S2A_MSIL2A_20241231T103128_N0511_R139_T31UPT_20241231T121828",
        "properties": {"datetime": "2024-12-31T10:31:28.870Z", "gsd": 10, "n": "20241231"},
        "assets": {"a": {"href": "https://x.invalid/S2A_MSIL2A_20241231T103128/visual.tif"}},
    }
    moved = shift(item, 3)
    assert moved["id"] == "S2A_MSIL2A_20250103T103128_N0511_R139_T31UPT_20250103T121828"
    assert moved["properties"]["datetime"] == "2025-01-03T10:31:28.870Z"
    assert moved["properties"]["n"] == "20241231"  # not a date-time: kept
    assert moved["properties"]["gsd"] == 10
    assert moved["assets"]["a"]["href"].endswith("S2A_MSIL2A_20250103T103128/visual.tif")
    assert item["properties"]["datetime"].startswith("2024")  # the input is not changed


def test_days_to_today_puts_the_newest_item_a_few_days_before_today():
    items = sandbox_items()
    days = days_to_today(items, TODAY)
    newest = newest_datetime(sandbox_items(shift_days=days)).date()
    assert newest == TODAY - dt.timedelta(days=NEWEST_DAYS_AGO)
    assert newest_datetime(items).year == 2024  # the shipped data is unchanged


def test_cli_config_names_the_days_holding_data():
    days = days_to_today(sandbox_items(), TODAY)
    dates = sandbox.data_dates(days)
    assert dates["last"] == str(TODAY - dt.timedelta(days=NEWEST_DAYS_AGO))
    assert dates["first"] < dates["last"]
    assert sandbox._parser().parse_args(["--today", "2026-12-04"]).today == TODAY


def test_served_sandbox_carries_the_moved_dates(tmp_path):
    days = days_to_today(sandbox_items(), TODAY)
    options = argparse.Namespace(assets_rate=0, shift_days=days)
    context = sandbox.SandboxContext(tmp_path, options=options)
    with contextlib.ExitStack() as stack:
        for service in sandbox.SERVICES:
            try:
                server = service.factory(0, context)
                server.start()
            except RustacNotFoundError:
                pytest.skip("rustac is not installed")
            stack.callback(server.stop)
            context.servers[service.name] = server
        servers = context.servers
        newest = str(TODAY - dt.timedelta(days=NEWEST_DAYS_AGO))
        found = requests.post(
            servers["stac"].url + "search",
            json={"collections": ["sandbox-sentinel-2-l2a"], "limit": 1000},
            timeout=30,
        ).json()["features"]
        assert len(found) == 600
        assert max(f["properties"]["datetime"] for f in found)[:10] == newest
        first = max(found, key=lambda f: f["properties"]["datetime"])
        assert newest.replace("-", "") in first["id"]
        # the asset server serves the moved ids
        visual = requests.head(first["assets"]["visual"]["href"], timeout=60)
        assert visual.status_code == 200
        collection = requests.get(
            servers["stac"].url + "collections/sandbox-sentinel-2-l2a", timeout=30
        ).json()
        assert collection["extent"]["temporal"]["interval"][0][1][:10] == newest
        # the Constellr STAC holds the LST products moved the same way
        accounts = servers["accounts"]
        lst = requests.get(
            accounts.constellr.url + "stac/search",
            params={"limit": 1000},
            headers={"X-Api-Key": SANDBOX_API_KEY},
            timeout=30,
        ).json()["features"]
        assert len(lst) == 100
        shipped = max(
            i["properties"]["datetime"] for i in sandbox_items() if i["collection"] == "sandbox-lst"
        )
        moved = dt.date.fromisoformat(shipped[:10]) + dt.timedelta(days=days)
        assert max(f["properties"]["datetime"] for f in lst)[:10] == str(moved)
        # the Sentinel Hub-like catalog too
        catalog = requests.post(
            accounts.sentinelhub.url + "search",
            json={
                "collections": ["sandbox-sentinel-2-l2a"],
                "datetime": "2000-01-01T00:00:00Z/2100-01-01T00:00:00Z",
                "limit": 100,
            },
            headers={"Authorization": "Bearer " + _token(accounts)},
            timeout=30,
        ).json()["features"]
        assert max(f["properties"]["datetime"] for f in catalog)[:10] == newest
        # the Process API answers from the moved scenes: the month before the newest has data
        if not javascript_available():
            return
        script = (SANDBOX_ROOT / "resources" / "evalscripts" / "ndvi.js").read_text()
        west, south, east, north = first["bbox"]
        month = str(TODAY - dt.timedelta(days=NEWEST_DAYS_AGO + 30))
        answer = requests.post(
            accounts.process.process_url,
            json={
                "input": {
                    "bounds": {"bbox": [west, south, east, north]},
                    "data": [
                        {
                            "type": "sentinel-2-l2a",
                            "dataFilter": {
                                "timeRange": {
                                    "from": month + "T00:00:00Z",
                                    "to": newest + "T23:59:59Z",
                                }
                            },
                        }
                    ],
                },
                "output": {"width": 200, "height": 150},
                "evalscript": script,
            },
            headers={"Authorization": "Bearer " + _token(accounts), "Accept": "image/tiff"},
            timeout=120,
        )
        assert answer.status_code == 200, answer.text
        assert accounts.process.scenes is not None
        gdal.FileFromMemBuffer("/vsimem/sandbox_ndvi.tif", answer.content)
        try:
            ndvi = gdal.Open("/vsimem/sandbox_ndvi.tif").ReadAsArray()
        finally:
            gdal.Unlink("/vsimem/sandbox_ndvi.tif")
        assert (~np.isnan(ndvi)).mean() > 0.2


def _token(accounts) -> str:
    from tests.servers.sandbox.accounts import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET

    answer = requests.post(
        accounts.tokens.token_url,
        data={
            "grant_type": "client_credentials",
            "client_id": SANDBOX_CLIENT_ID,
            "client_secret": SANDBOX_CLIENT_SECRET,
        },
        timeout=30,
    )
    return answer.json()["access_token"]
