"""What the Sentinel Hub APIs that use the user's buckets share: the S3 API they reach.

Async Process writes its results, Batch Processing its tiles, Batch Statistical reads the
polygons and writes the statistics: each to an ``s3://`` folder on ``s3_endpoint`` (a
local S3 server in tests). :class:`SentinelHubServer` combines them on one host, so the
endpoint is this class's alone and reaches it whatever order they are combined in: each
server takes its own keyword arguments and passes every other one on to the next class.
"""

from __future__ import annotations

from typing import Any

from tests.servers.sentinelhub.process_server import ProcessApiServer


class BucketAccessServer(ProcessApiServer):
    """The Process API (other paths) and ``s3_endpoint``, the S3 API of the buckets."""

    def __init__(self, *, s3_endpoint: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.s3_endpoint = s3_endpoint

    def s3_client(self, key: str, secret: str, region: str = "us-east-1") -> Any:
        """A boto3 S3 client on ``s3_endpoint`` signing with ``key``/``secret``."""
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.s3_endpoint,
            aws_access_key_id=key,
            aws_secret_access_key=secret,
            region_name=region,
        )
