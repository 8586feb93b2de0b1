"""In the sandbox of ``make run``: the Async engine's request is delivered by the sandbox's
Sentinel Hub into its bucket ``eo-explorer-results`` (moto), with the sandbox's IAM role."""

from __future__ import annotations

import pytest
from osgeo import gdal

from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY
from tests.servers.sandbox.accounts import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_ROLE_ARN,
    AccountServices,
)
from tests.servers.sandbox.services import SANDBOX_BUCKET, SandboxS3

from ..conftest import clean_settings, unlock_auth_database
from .process_support import canvas  # noqa: F401 - a fixture
from .test_async_process import async_dock, finish, start


@pytest.fixture()
def sandbox(qgis_app):
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    unlock_auth_database()
    clean_settings()
    with SandboxS3() as s3:
        services = AccountServices(0, s3_endpoint=s3.endpoint).start()
        credentials.save(
            Credentials(
                "sentinelhub",
                SANDBOX_CLIENT_ID,
                SANDBOX_CLIENT_SECRET,
                token_url=services.tokens.token_url,
            )
        )
        credentials.save(
            Credentials("s3:" + SANDBOX_BUCKET, ACCESS_KEY, SECRET_KEY, endpoint=s3.endpoint)
        )
        try:
            yield services, s3
        finally:
            services.stop()
            for service in ("sentinelhub", "s3:" + SANDBOX_BUCKET):
                credentials.delete(service)
            gdal.VSICurlClearCache()


def test_the_sandbox_delivers_into_its_bucket(qgis_app, qgis_iface, canvas, sandbox, tmp_path):  # noqa: F811
    services, s3 = sandbox
    sh = services.process
    sh.running_seconds = None  # ended by hand below, once the dock saw it running
    folder = f"s3://{SANDBOX_BUCKET}/async"
    dock = async_dock(qgis_iface, sh, tmp_path, folder=folder, role=SANDBOX_ROLE_ARN, keys=False)
    try:
        outcome = finish(qgis_app, dock, sh, start(qgis_app, dock))
    finally:
        dock.shutdown()
    assert outcome is not None and outcome.error is None
    key = f"async/{outcome.request_id}/default.tif"
    delivered = s3.client().get_object(Bucket=SANDBOX_BUCKET, Key=key)["Body"].read()
    assert outcome.path.read_bytes() == delivered
    assert dock.result_layer is not None and dock.result_layer.isValid()
