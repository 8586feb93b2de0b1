"""S3 accounts for any bucket (Constellr delivers to ``s3://bucket/path/lst.tiff``): each
with its endpoint, region, keys (or none, for a public bucket) and requester pays, used
for streaming and downloading alike, and each key sent only to its own bucket. A real S3
API (moto) behind a proxy that records which key signed which request."""

from __future__ import annotations

import pytest
from osgeo import gdal

from tests.servers.common.cogs import make_cog
from tests.servers.common.s3_server import RecordingS3Proxy, S3Server

from ..conftest import clean_settings, unlock_auth_database

KEY_A, SECRET_A = "AKIABUCKETAAAAAAAAAA", "secret-of-bucket-a"
KEY_B, SECRET_B = "AKIABUCKETBBBBBBBBBB", "secret-of-bucket-b"
LST = "orders/0001/20250818T110000Z_LSTfusion/lst.tiff"


@pytest.fixture(scope="module")
def buckets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("buckets")
    info = make_cog(folder / "lst.tiff", bands=1, dtype="Float32", pattern="lst")
    with S3Server() as server:
        for bucket in ("delivery-a", "delivery-b", "public-lst", "payer-lst"):
            server.put(bucket, LST, info.path)
        server.make_public("public-lst", LST)
        with RecordingS3Proxy(server) as proxy:
            yield proxy, info


@pytest.fixture()
def accounts(qgis_app, buckets):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    unlock_auth_database()
    clean_settings()
    proxy, _info = buckets
    proxy.seen.clear()
    saved = [
        Credentials(
            "s3:delivery-a", KEY_A, SECRET_A, endpoint=proxy.endpoint, region="eu-central-1"
        ),
        Credentials("s3:delivery-b", KEY_B, SECRET_B, endpoint=proxy.endpoint),
        Credentials("s3:public-lst", endpoint=proxy.endpoint, anonymous=True),
        Credentials("s3:payer-lst", KEY_A, SECRET_A, endpoint=proxy.endpoint, requester_pays=True),
    ]
    for account in saved:
        credentials.save(account)
    yield
    for account in saved:
        credentials.delete(account.service)
    gdal.VSICurlClearCache()


def _asset(bucket: str, info):
    from eo_explorer.plugin.api.assets import Asset

    return Asset(
        f"20250818T110000Z_LSTfusion_{bucket}",
        "lstfusion",
        "lst",
        f"s3://{bucket}/{LST}",
        media_type="image/tiff",
        size=info.file_size,
    )


def test_each_bucket_gets_only_its_own_keys(accounts, buckets, tmp_path):
    from eo_explorer.plugin.api import batch
    from eo_explorer.plugin.assets import s3 as s3_support
    from eo_explorer.plugin.core import credentials
    from eo_explorer.plugin.map import rasters

    proxy, info = buckets
    assert credentials.s3_accounts() == [
        "s3:delivery-a",
        "s3:delivery-b",
        "s3:public-lst",
        "s3:payer-lst",
    ]
    streamed = _asset("delivery-a", info)
    s3_support.ready(streamed.location())
    layer = rasters.add_raster(streamed.location().gdal_path, streamed)
    assert layer.isValid() and KEY_A not in layer.source()
    jobs, failures = batch.plan(
        [_asset("delivery-b", info)], tmp_path, lambda a: None, s3=s3_support
    )
    assert failures == []
    summary = batch.run(jobs)
    assert summary.failed == [] and len(summary.done) == 1
    assert summary.done[0][1].path.read_bytes() == info.path.read_bytes()
    seen = proxy.keys_by_bucket()
    assert seen["delivery-a"] == {KEY_A} and seen["delivery-b"] == {KEY_B}
    assert gdal.GetPathSpecificOption("/vsis3/delivery-a/x", "AWS_REGION") == "eu-central-1"
    assert gdal.GetPathSpecificOption("/vsis3/delivery-b/x", "AWS_ACCESS_KEY_ID") == KEY_B
    assert gdal.GetPathSpecificOption("/vsis3/other/x", "AWS_ACCESS_KEY_ID") is None


def test_anonymous_and_requester_pays_buckets(accounts, buckets, tmp_path):
    from eo_explorer.plugin.api import batch
    from eo_explorer.plugin.assets import s3 as s3_support

    proxy, info = buckets
    assets = [_asset("public-lst", info), _asset("payer-lst", info)]
    jobs, failures = batch.plan(assets, tmp_path, lambda a: None, s3=s3_support)
    assert failures == []
    assert batch.run(jobs).failed == []
    public = [e for e in proxy.seen if e["bucket"] == "public-lst"]
    payer = [e for e in proxy.seen if e["bucket"] == "payer-lst"]
    assert public and all(e["key_id"] is None for e in public)  # unsigned
    assert payer and all(e["payer"] == "requester" and e["key_id"] == KEY_A for e in payer)


def test_a_bucket_without_an_account_names_it(qgis_app, buckets, tmp_path):
    from eo_explorer.plugin.api import batch
    from eo_explorer.plugin.assets import s3 as s3_support

    clean_settings()
    _proxy, info = buckets
    jobs, failures = batch.plan(
        [_asset("delivery-a", info)], tmp_path, lambda a: None, s3=s3_support
    )
    assert jobs == [] and "S3 bucket delivery-a" in failures[0].message


def test_accounts_dialog_adds_and_edits_a_bucket_account(qgis_app, buckets):
    from eo_explorer.plugin.core import credentials
    from eo_explorer.plugin.gui.common.accounts_dialog import NEW_BUCKET, AccountsDialog

    from ..conftest import wait_for

    unlock_auth_database()
    clean_settings()
    proxy, _info = buckets
    dialog = AccountsDialog(None, NEW_BUCKET)
    f = dialog.form
    assert f.bucketEdit.isVisibleTo(dialog) and not f.bucketEdit.isReadOnly()
    assert not f.styleCombo.isVisibleTo(dialog) and f.tokenUrlLabel.text() == "S3 endpoint"
    f.bucketEdit.setText("delivery-b")
    f.tokenUrlEdit.setText(proxy.endpoint)
    f.regionEdit.setText("eu-west-1")
    f.userEdit.setText(KEY_B)
    f.secretEdit.setText(SECRET_B)
    assert dialog.save()
    assert dialog.service == "s3:delivery-b" and f.bucketEdit.isReadOnly()
    saved = credentials.load("s3:delivery-b")
    assert (saved.username, saved.secret, saved.endpoint, saved.region) == (
        KEY_B,
        SECRET_B,
        proxy.endpoint,
        "eu-west-1",
    )
    f.testButton.click()
    wait_for(qgis_app, lambda: dialog.task is None)
    assert f.resultLabel.text().startswith("✔"), f.resultLabel.text()
    # Edit: a public bucket needs no keys; the key fields go away.
    f.anonymousCheck.setChecked(True)
    assert not f.userEdit.isVisibleTo(dialog) and not f.secretEdit.isVisibleTo(dialog)
    f.requesterPaysCheck.setChecked(True)
    assert dialog.save()
    edited = credentials.load("s3:delivery-b")
    assert edited.anonymous and edited.requester_pays and not edited.secret
    dialog.remove()
    assert credentials.s3_accounts() == [] and dialog.service == NEW_BUCKET
    dialog.close()
