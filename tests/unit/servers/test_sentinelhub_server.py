"""Self-checks of tests/servers/sentinelhub/sentinelhub_server.py: the APIs combined on one
host each get their own options, and all of them the S3 endpoint, whatever their order."""

from __future__ import annotations

import itertools

import pytest

from tests.servers.sentinelhub.async_server import AsyncProcessApiServer
from tests.servers.sentinelhub.batch_server import BatchProcessServer
from tests.servers.sentinelhub.batch_statistical_server import BatchStatisticalApiServer
from tests.servers.sentinelhub.sentinelhub_server import SentinelHubServer
from tests.servers.sentinelhub.statistical_server import StatisticalApiServer

S3_ENDPOINT = "http://127.0.0.1:9"
ROLE = "arn:aws:iam::000000000000:role/delivery"
PARTS = (BatchProcessServer, BatchStatisticalApiServer, AsyncProcessApiServer,
         StatisticalApiServer)  # fmt: skip


def options() -> dict:
    """One option of each API (and of the Process API under them all)."""
    return {
        "s3_endpoint": S3_ENDPOINT,
        "s3_keys": ("batch-key", "batch-secret"),  # Batch Processing
        "page_size": 7,
        "running_seconds": None,  # Async Process
        "roles": {ROLE: ("async-key", "async-secret")},
        "iam_roles": {ROLE: ("statistical-key", "statistical-secret")},  # Batch Statistical
        "allowed": False,
        "rate_limit": 5,  # Process
        "deployment": "services-uswest2.sentinel-hub.com",
    }


def check(server) -> None:
    assert server.s3_endpoint == S3_ENDPOINT
    assert server.s3_keys == ("batch-key", "batch-secret") and server.page_size == 7
    assert server.running_seconds is None and ROLE in server.roles
    assert server.iam_roles[ROLE] == ("statistical-key", "statistical-secret")
    assert server.allowed is False
    assert server.rate_limit == 5 and server.deployment == "services-uswest2.sentinel-hub.com"


def test_sentinelhub_server_hands_the_s3_endpoint_to_every_api():
    server = SentinelHubServer(**options())
    check(server)
    # the clients each API writes or reads the buckets with
    assert server.s3_client(*server.s3_keys).meta.endpoint_url == S3_ENDPOINT
    batch_statistical = server._s3({"iamRoleARN": ROLE, "region": "eu-central-1"})
    assert batch_statistical.meta.endpoint_url == S3_ENDPOINT
    assert batch_statistical.meta.region_name == "eu-central-1"


@pytest.mark.parametrize(
    "bases", list(itertools.permutations(PARTS)), ids=lambda b: "-".join(c.__name__[:6] for c in b)
)
def test_the_apis_combine_in_any_order(bases):
    combined = type("Combined", bases, {})
    check(combined(**options()))


@pytest.mark.parametrize("part", PARTS[:3])
def test_each_bucket_api_alone_takes_the_s3_endpoint(part):
    assert part(s3_endpoint=S3_ENDPOINT).s3_endpoint == S3_ENDPOINT
    assert part().s3_endpoint == ""


def test_an_unknown_option_is_refused():
    with pytest.raises(TypeError):
        SentinelHubServer(s3_endpiont=S3_ENDPOINT)
