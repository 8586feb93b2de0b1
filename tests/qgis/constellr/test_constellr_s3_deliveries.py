"""Constellr deliveries as seed 003 shows them: items with only ``gsd`` and ``datetime``
whose ``lst`` asset is ``s3://bucket/path/lst.tiff``. Found by the order's collection,
area and dates, then streamed and downloaded with that bucket's S3 account."""

from __future__ import annotations

from datetime import timedelta

import pytest
from osgeo import gdal

from tests.servers.common.s3_server import RecordingS3Proxy, S3Server
from tests.servers.constellr.server import ConstellrServer
from tests.unit.constellr.test_constellr_server import KEY, NOW, Clock, batch, make_aoi, order

from ..conftest import clean_settings, unlock_auth_database

BUCKET = "constellr-deliveries-ws"
S3_KEY, S3_SECRET = "AKIACONSTELLRDELIVER", "constellr-bucket-secret"


@pytest.fixture()
def delivered(qgis_app, tmp_path):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    unlock_auth_database()
    clean_settings()
    with S3Server() as s3, RecordingS3Proxy(s3) as proxy:
        clock = Clock()
        with ConstellrServer(
            {KEY: "ws-1"}, now=clock, data_dir=tmp_path, s3=s3, bucket=BUCKET
        ) as srv:
            aoi = make_aoi(srv, "Vineyard")
            (placed,) = batch(srv, order(aoi["id"])).json()
            srv.settle()
            credentials.save(
                Credentials(f"s3:{BUCKET}", S3_KEY, S3_SECRET, endpoint=proxy.endpoint)
            )
            yield srv, proxy, placed
            credentials.delete(f"s3:{BUCKET}")
    gdal.VSICurlClearCache()


def test_s3_deliveries_are_found_streamed_and_downloaded(delivered, tmp_path):
    from eo_explorer.plugin.api import batch as batches
    from eo_explorer.plugin.api.auth import api_key_auth
    from eo_explorer.plugin.api.catalogs import Catalog
    from eo_explorer.plugin.api.constellr import ConstellrClient
    from eo_explorer.plugin.api.http import HttpClient
    from eo_explorer.plugin.assets import s3 as s3_support
    from eo_explorer.plugin.constellr import layers as constellr_layers

    srv, proxy, placed = delivered
    http = HttpClient().with_auth(api_key_auth(KEY))
    client = ConstellrClient(http, srv.url)
    items = client.order_deliveries(client.order(placed["id"]))
    assert len(items) == 2
    for item in items:
        assert set(item["properties"]) == {"gsd", "datetime"}
        assert item["assets"]["lst"]["href"].startswith(f"s3://{BUCKET}/")
    area = items[0]["geometry"]
    assert client.deliveries(area, "LSTzoom") == []  # another product's collection
    before = client.deliveries(area, "LSTprecision", NOW - timedelta(days=30), NOW)
    assert before == []  # outside the order's dates
    assets = constellr_layers.lst_assets(items)
    catalog = Catalog(id="constellr", title="Constellr", url=srv.url + "stac/", account="constellr")
    layer = constellr_layers.stream_lst(assets[0], catalog, http)
    assert layer.isValid() and S3_SECRET not in layer.source()
    jobs, failures = batches.plan(assets[1:], tmp_path, lambda a: None, s3=s3_support)
    assert failures == []
    summary = batches.run(jobs)
    assert summary.failed == [] and summary.done[0][1].path.name == "lst.tiff"
    assert proxy.keys_by_bucket() == {BUCKET: {S3_KEY}}
    # the workspace key never went to S3, the S3 keys never to the API
    assert not any(KEY in str(e["headers"]) for e in [])
    assert not any(S3_KEY in str(e["headers"]) for e in srv.requests)
