"""The stac-fastapi-pgstac test server: it answers, holds the items, and refuses what
CDSE STAC refuses."""

from __future__ import annotations

import json
import urllib.error
import urllib.request


def _post(url: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_pgstac_server_serves_the_loaded_items(pgstac) -> None:
    # Whole items take pgstac ~60 ms each; ids only, ~1 ms.
    status, page = _post(pgstac.url + "search", {"limit": 1000, "fields": {"include": ["id"]}})
    assert status == 200
    assert {f["id"] for f in page["features"]} == {i["id"] for i in pgstac.items}
    assert len(pgstac.items) == 300
    assert pgstac.timings["total"] < 60  # measured: about 3 s


def test_pgstac_server_refuses_a_cql2_text_filter_in_post(pgstac) -> None:
    status, error = _post(
        pgstac.url + "search", {"filter": "eo:cloud_cover <= 20", "filter-lang": "cql2-text"}
    )
    assert status == 400
    messages = {d["msg"] for d in error["detail"]}
    assert "Input should be a valid dictionary" in messages
    assert "Input should be 'cql2-json'" in messages
