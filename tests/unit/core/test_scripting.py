"""The README's console example: the API layer used from a plain Python script."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from shapely.geometry import box, shape

from eo_explorer.plugin.api import SearchRequest, StacClient
from eo_explorer.plugin.api.geometry import SearchArea
from tests.servers.stac.rustac_server import RustacServer

SANDBOX = Path(__file__).resolve().parents[3] / "resources" / "sandbox"
S2 = "sandbox-sentinel-2-l2a"


def test_console_example_with_a_cloud_limit_the_catalog_cannot_apply():
    files = [SANDBOX / "collections" / f"{S2}.json", SANDBOX / "items" / f"{S2}.json"]
    items = json.loads(files[1].read_text())["features"]
    area = (-10.0, 35.0, 30.0, 60.0)
    expected = [
        i["id"]
        for i in items
        if "2024-06-01" <= i["properties"]["datetime"] < "2024-07-01"
        and i["properties"]["eo:cloud_cover"] <= 20
        and shape(i["geometry"]).intersects(box(*area))
    ]
    with RustacServer(files) as server:
        client = StacClient.open(server.url)
        assert [c.id for c in client.collections()] == [S2]
        request = SearchRequest(
            collections=[S2],
            area=SearchArea(bboxes=(area,)),
            start=date(2024, 6, 1),
            end=date(2024, 6, 30),
            max_cloud_cover=20,
            max_items=5,
            page_size=3,
        )
        found = list(client.items(request))
    assert len(expected) > 5
    assert [i["id"] for i in found] == expected[:5]
    assert all(i["properties"]["eo:cloud_cover"] <= 20 for i in found)
