"""The Assets tab of the Search dock inside the real QGIS application: a row of the
results clicked, its visual COG downloaded (the bytes the sandbox served, a raster layer
added) and streamed (a layer read through GDAL with range requests)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


def sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.mark.flow("assets")
def test_download_and_stream_a_cog(app_run, sandbox):
    data = app_run["assets"].check()
    assert data["search"]["error"] == "" and data["search"]["ids"]
    assert len(data["selected"]) == 1, "clicking a row selects its footprint"
    ((item_id, key, href),) = data["ticked"]
    assert item_id == data["selected"][0] and key == "visual"
    assets = sandbox["servers"]["assets"]
    assert href.startswith(assets.url)
    url_path = urlsplit(href).path

    downloaded = data["downloaded"]
    assert downloaded["failed"] == [] and len(downloaded["done"]) == 1, downloaded
    (_item, _key, path, size) = downloaded["done"][0]
    served = assets.file_for(url_path)
    assert served is not None, "the sandbox made the COG it was asked for"
    assert Path(path).stat().st_size == size == served.stat().st_size
    assert sha256(path) == sha256(served)
    assert downloaded["text"].startswith("1 file downloaded.")
    local = [r for r in downloaded["rasters"] if r["source"] == path]
    assert len(local) == 1 and local[0]["valid"] and local[0]["bands"] == 3

    streamed = data["streamed"]
    assert streamed["text"].startswith("1 layer(s) streamed."), streamed["text"]
    remote = [r for r in streamed["rasters"] if r["source"] != path]
    assert len(remote) == 1 and remote[0]["valid"], streamed["rasters"]
    assert remote[0]["source"].startswith("/vsicurl") and href in unquote(remote[0]["source"])
    ranged = [r for r in assets.requests_for(url_path, "GET") if r["headers"].get("Range")]
    assert ranged, "streaming reads the COG with range requests"
