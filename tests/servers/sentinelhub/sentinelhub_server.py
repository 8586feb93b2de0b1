"""One local Sentinel Hub: every API the plugin uses on one host, as services.sentinel-hub.com
serves them (one OAuth token, one rate limit, one processing-unit budget).

Each API's server handles its own paths and hands any other path to the next class in the
method resolution order, down to :class:`ProcessApiServer` (``/api/v1/process``). Each
constructor takes its own keyword options and passes the others on, so every API gets its
options whatever the order; ``s3_endpoint``, which the bucket APIs share, belongs to
:class:`~tests.servers.sentinelhub.bucket_access.BucketAccessServer` alone. The sandbox of
``make run`` runs this one; tests of a single API use that API's own class.
"""

from __future__ import annotations

from tests.servers.sentinelhub.async_server import AsyncProcessApiServer
from tests.servers.sentinelhub.batch_server import BatchProcessServer
from tests.servers.sentinelhub.batch_statistical_server import BatchStatisticalApiServer
from tests.servers.sentinelhub.statistical_server import StatisticalApiServer


class SentinelHubServer(
    BatchProcessServer, BatchStatisticalApiServer, AsyncProcessApiServer, StatisticalApiServer
):
    """Process, Statistical, Async Process, Batch Processing and Batch Statistical on one
    server (the options of each)."""
