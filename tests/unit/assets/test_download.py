"""Downloads against a local file server with faults on demand: resume, verify, retry,
credentials only for the asset's host, and never an incomplete file under its name."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from eo_explorer.plugin.api import batch
from eo_explorer.plugin.api.assets import Asset, assets_of, safe_file_name, target_path
from eo_explorer.plugin.api.auth import api_key_auth
from eo_explorer.plugin.api.download import DownloadError, download, part_path
from eo_explorer.plugin.api.errors import Cancelled
from eo_explorer.plugin.api.http import HttpClient, HttpSettings
from tests.servers.common import file_server as fs
from tests.servers.common.cogs import make_cog, sha256_multihash

SIZE = 3 * 1024 * 1024 + 123


@pytest.fixture()
def served(tmp_path):
    root = tmp_path / "served"
    root.mkdir()
    data = os.urandom(SIZE)
    (root / "b04.tif").write_bytes(data)
    with fs.FileServer(root) as server:
        yield server, data


def http() -> HttpClient:
    return HttpClient(settings=HttpSettings(retries=0))


def gets(server, name="b04.tif"):
    return [r for r in server.requests_for(name) if r["method"] == "GET"]


def test_plain_download_is_atomic_and_verified(served, tmp_path):
    server, data = served
    out = tmp_path / "out" / "b04.tif"
    seen = []
    result = download(
        server.url_for("b04.tif"),
        out,
        http(),
        expected_size=SIZE,
        checksum=sha256_multihash(data),
        progress=lambda h, t: seen.append((h, t)),
    )
    assert out.read_bytes() == data and not part_path(out).exists()
    assert result.verified_checksum and result.size == SIZE
    assert seen[-1] == (SIZE, SIZE)


def test_resume_after_a_dropped_connection(served, tmp_path):
    server, data = served
    server.add_fault("b04.tif", fs.drop_after(1_000_000, times=1))
    out = tmp_path / "b04.tif"
    result = download(
        server.url_for("b04.tif"), out, http(), checksum=sha256_multihash(data), backoff=0.01
    )
    assert out.read_bytes() == data
    requests_ = gets(server)
    assert len(requests_) == 2 and result.attempts == 2
    resumed_at = int(requests_[1]["headers"]["Range"].split("=")[1].rstrip("-"))
    assert 0 < resumed_at <= 1_000_000  # only the missing bytes were asked for again


def test_a_part_file_from_an_earlier_run_is_resumed(served, tmp_path):
    server, data = served
    out = tmp_path / "b04.tif"
    part_path(out).write_bytes(data[:500_000])
    result = download(server.url_for("b04.tif"), out, http(), expected_size=SIZE)
    assert out.read_bytes() == data and result.resumed_from == 500_000
    assert gets(server)[0]["headers"]["Range"] == "bytes=500000-"


def test_wrong_checksum_never_gets_the_final_name(served, tmp_path):
    server, data = served
    server.add_fault("b04.tif", fs.corrupt())
    out = tmp_path / "b04.tif"
    with pytest.raises(DownloadError) as raised:
        download(server.url_for("b04.tif"), out, http(), checksum=sha256_multihash(data))
    assert raised.value.reason == "checksum mismatch"
    assert not out.exists() and not part_path(out).exists()


def test_wrong_length_is_caught(served, tmp_path):
    server, _ = served
    out = tmp_path / "b04.tif"
    with pytest.raises(DownloadError) as raised:
        download(
            server.url_for("b04.tif"), out, http(), expected_size=SIZE + 10, retries=1, backoff=0.01
        )
    assert raised.value.reason == "wrong size"
    assert not out.exists()


def test_503_with_retry_after_is_retried(served, tmp_path):
    server, data = served
    server.add_fault("b04.tif", fs.unavailable(retry_after=1, times=2))
    out = tmp_path / "b04.tif"
    result = download(server.url_for("b04.tif"), out, http(), backoff=0.01)
    assert out.read_bytes() == data and result.attempts == 3


def test_a_404_is_not_retried_and_says_so(served, tmp_path):
    server, _ = served
    with pytest.raises(DownloadError) as raised:
        download(server.url_for("missing.tif"), tmp_path / "x.tif", http())
    assert raised.value.reason == "HTTP 404"
    assert len(server.requests_for("missing.tif")) == 1


def test_cancel_during_a_slow_trickle(served, tmp_path):
    server, _ = served
    server.add_fault("b04.tif", fs.trickle(rate=50_000))
    cancelled = threading.Event()
    threading.Timer(0.5, cancelled.set).start()
    out = tmp_path / "b04.tif"
    with pytest.raises(Cancelled):
        download(server.url_for("b04.tif"), out, http(), is_cancelled=cancelled.is_set)
    assert not out.exists() and part_path(out).exists()  # kept for a later resume


def test_credentials_reach_only_the_asset_host(served, tmp_path):
    server, data = served
    key = "asset-key-123"
    server.authorize = fs.api_key_auth(key)
    other_root = tmp_path / "other"
    other_root.mkdir()
    (other_root / "b04.tif").write_bytes(data)
    with fs.FileServer(other_root, host="127.0.0.2") as elsewhere:
        server.add_fault("moved.tif", fs.redirect(elsewhere.url_for("b04.tif"), keep_path=False))
        (server.root / "moved.tif").write_bytes(b"")
        client = HttpClient(settings=HttpSettings(retries=0), auth=api_key_auth(key))
        download(server.url_for("moved.tif"), tmp_path / "moved.tif", client)
        assert (tmp_path / "moved.tif").read_bytes() == data
        assert server.requests_for("moved.tif")[0]["headers"].get("X-Api-Key") == key
        assert all("X-Api-Key" not in r["headers"] for r in elsewhere.requests)


def test_several_at_once_with_a_summary(served, tmp_path):
    server, data = served
    for name in ("a.tif", "b.tif", "c.tif"):
        (server.root / name).write_bytes(data)
    server.add_fault("b.tif", fs.corrupt())
    server.add_fault("*", fs.slow(0.3))  # so that the downloads overlap
    assets = [
        Asset(
            "S2_item_1",
            "sentinel-2-l2a",
            "B04",
            server.url_for("a.tif"),
            checksum=sha256_multihash(data),
            size=SIZE,
        ),
        Asset(
            "S2_item_1",
            "sentinel-2-l2a",
            "B08",
            server.url_for("b.tif"),
            checksum=sha256_multihash(data),
            size=SIZE,
        ),
        Asset("S2_item_2", "sentinel-2-l2a", "B04", server.url_for("c.tif"), size=SIZE),
        Asset("S2_item_2", "sentinel-2-l2a", "weird", "ftp://example.com/x.tif"),
    ]
    jobs, failures = batch.plan(assets, tmp_path / "dl", lambda asset: http())
    summary = batch.run(jobs, workers=3, summary=batch.Summary(failed=failures))
    assert sorted(a.key for a, _ in summary.done) == ["B04", "B04"]
    assert {f.asset.key: f.reason for f in summary.failed} == {
        "B08": "checksum mismatch",
        "weird": "cannot be fetched",
    }
    assert (tmp_path / "dl" / "sentinel-2-l2a" / "S2_item_1" / "a.tif").exists()
    assert not (tmp_path / "dl" / "sentinel-2-l2a" / "S2_item_1" / "b.tif").exists()
    assert server.max_active >= 2
    assert summary.text().startswith("2 files downloaded, 2 failed: ")

    # Again: the two complete files are on disk already and are not fetched again.
    before = len(gets(server, "a.tif") + gets(server, "c.tif"))
    assert before >= 2
    jobs, failures = batch.plan(assets[:1] + assets[2:3], tmp_path / "dl", lambda a: http())
    again = batch.run(jobs, summary=batch.Summary(failed=failures))
    assert len(gets(server, "a.tif") + gets(server, "c.tif")) == before
    assert (again.fetched, again.already) == (0, 2)
    assert again.text() == "0 files downloaded, 2 already on disk."


def _summary(fetched: int, already: int, planned: int, cancelled: bool) -> batch.Summary:
    from eo_explorer.plugin.api.download import DownloadResult

    asset = Asset("i", "c", "B04", "https://example.com/b04.tif")
    done = [(asset, DownloadResult(Path("f"), 1)) for _ in range(fetched)]
    done += [(asset, DownloadResult(Path("f"), 1, existing=True)) for _ in range(already)]
    return batch.Summary(done=done, planned=planned, cancelled=cancelled)


@pytest.mark.parametrize(
    ("fetched", "already", "planned", "cancelled", "text"),
    [
        (
            7,
            0,
            12,
            True,
            "7 of 12 files downloaded before Cancel; download again to resume the other 5.",
        ),
        (
            3,
            2,
            12,
            True,
            "3 of 10 files downloaded before Cancel, 2 already on disk; download "
            "again to resume the other 7.",
        ),
        (1, 7, 8, False, "1 file downloaded, 7 already on disk."),
        (8, 0, 8, False, "8 files downloaded."),
    ],
)
def test_the_summary_counts_what_was_fetched_and_what_was_there(
    fetched, already, planned, cancelled, text
):
    assert _summary(fetched, already, planned, cancelled).text() == text


def test_not_enough_disk_space_is_said_before_the_first_byte(served, tmp_path):
    server, _ = served
    huge = Asset("i", "c", "B01", server.url_for("b04.tif"), size=10**15)
    jobs, _ = batch.plan([huge], tmp_path, lambda a: http())
    summary = batch.run(jobs)
    assert summary.failed[0].reason == "no disk space"
    assert gets(server) == []


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "___etc_passwd"),
        ("C:\\\\evil.tif", "C___evil.tif"),
        ("CON.tif", "_CON.tif"),
        ("a\x00b.tif", "a_b.tif"),
        ("..", ""),
    ],
)
def test_file_names_are_sanitised(name, safe):
    assert safe_file_name(name) == safe


def test_local_path_hints_never_leave_the_folder(tmp_path):
    item = {
        "id": "BIO_S1_DGM",
        "collection": "BiomassLevel1a",
        "assets": {
            "product": {
                "href": "https://catalog.maap.eo.esa.int/data/x.zip",
                "file:local_path": "../../../../tmp/evil.zip",
            }
        },
    }
    asset = assets_of(item)[0]
    path = target_path(tmp_path, asset)
    assert path == tmp_path.resolve() / "BiomassLevel1a" / "BIO_S1_DGM" / "evil.zip"


def test_cdse_hrefs_use_the_https_alternate():
    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "cdse-stac-v1"
    import json

    item = json.loads(
        (fixture / "search_get_s2l2a_1item_download_alternate_2026.json").read_text()
    )["features"][0]
    assets = {a.key: a for a in assets_of(item)}
    b04 = next(a for k, a in assets.items() if k.startswith("B04"))
    assert b04.href.startswith("s3://")
    location = b04.location()
    assert location.kind == "https" and location.host == "download.dataspace.copernicus.eu"
    assert b04.file_name().endswith(".jp2")


def test_real_cog_round_trip(tmp_path):
    info = make_cog(tmp_path / "served" / "visual.tif", bands=3)
    with fs.FileServer(tmp_path / "served") as server:
        out = tmp_path / "visual.tif"
        download(
            server.url_for("visual.tif"),
            out,
            http(),
            expected_size=info.file_size,
            checksum=info.multihash,
        )
    from osgeo import gdal

    dataset = gdal.Open(str(out))
    assert (dataset.RasterXSize, dataset.RasterYSize, dataset.RasterCount) == (
        info.width,
        info.height,
        3,
    )


def test_a_file_downloaded_before_is_not_fetched_again(served, tmp_path):
    server, data = served
    asset = Asset("S2_item_1", "sentinel-2-l2a", "B04", server.url_for("b04.tif"), size=SIZE)
    for _ in range(2):
        jobs, _ = batch.plan([asset], tmp_path / "dl", lambda a: http())
        summary = batch.run(jobs)
        assert summary.failed == [] and len(summary.done) == 1
    assert len(gets(server)) == 1
    assert summary.done[0][1].attempts == 0  # the second time: found on disk
