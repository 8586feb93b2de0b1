"""Sandbox services that need an account: a Keycloak-shaped token server, a Sentinel Hub
Catalog (``context.next`` paging) that wants its bearer tokens, and a Constellr-style STAC
API that wants its ``X-Api-Key``. Demo credentials are fixed and written to the sandbox
config so the plugin can show them to the person trying it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY
from tests.servers.common.token_server import TokenServer
from tests.servers.constellr.server import ConstellrServer
from tests.servers.sandbox.dates import shift
from tests.servers.sandbox.items import sandbox_files
from tests.servers.sentinelhub.process_server import ProcessApiServer
from tests.servers.sentinelhub.scenes import SandboxScenes, javascript_available
from tests.servers.sentinelhub.sentinelhub_server import SentinelHubServer
from tests.servers.stac.paging_server import StacPagingServer

SANDBOX_CLIENT_ID = "sandbox-client"
SANDBOX_CLIENT_SECRET = "sandbox-secret"
SANDBOX_API_KEY = "sandbox-api-key"
SANDBOX_WORKSPACE = "sandbox-workspace"
#: An IAM role the sandbox's Sentinel Hub may assume to write to the sandbox bucket.
SANDBOX_ROLE_ARN = "arn:aws:iam::000000000000:role/eo-explorer-sandbox"


def _items(collection: str, shift_days: int = 0) -> list[dict]:
    for path in sandbox_files():
        document = shift(json.loads(Path(path).read_text()), shift_days)
        if document.get("type") == "FeatureCollection":
            items = [i for i in document["features"] if i.get("collection") == collection]
            if items:
                return items
    raise FileNotFoundError(f"no sandbox items for {collection}")


def _collection(collection: str, shift_days: int = 0) -> dict:
    for path in sandbox_files():
        document = shift(json.loads(Path(path).read_text()), shift_days)
        if document.get("type") == "Collection" and document.get("id") == collection:
            return document
    raise FileNotFoundError(collection)


class AccountServices:
    """The four servers, started and stopped together (a :class:`SandboxService`)."""

    def __init__(
        self, port: int, asset_url: str = "", shift_days: int = 0, s3_endpoint: str = ""
    ) -> None:
        #: the sandbox S3 API, where the Async Process API delivers
        self.s3_endpoint = s3_endpoint
        #: when set, item assets point at the sandbox asset server (real COGs)
        self.asset_url = asset_url
        #: every date of the served items moves by this many days (``make run``: to today)
        self.shift_days = shift_days
        #: the sandbox S3 API, where Batch Statistical reads polygons and writes results
        self.s3_endpoint = s3_endpoint
        self.tokens = TokenServer(
            clients={SANDBOX_CLIENT_ID: SANDBOX_CLIENT_SECRET},
            api_keys=[SANDBOX_API_KEY],
            port=port,
        )
        self.sentinelhub: Optional[StacPagingServer] = None
        self.constellr: Optional[ConstellrServer] = None
        self.process: Optional[ProcessApiServer] = None
        self.port = port

    def _port(self, offset: int) -> int:
        """``port + offset``, or 0 (any free port) when the sandbox was given port 0."""
        return self.port + offset if self.port else 0

    def _bearer(self, headers: dict) -> Optional[tuple[int, dict]]:
        value = headers.get("Authorization", "")
        if value.startswith("Bearer ") and self.tokens.is_valid(value[7:]):
            return None
        return 401, {
            "error": {
                "status": 401,
                "reason": "Unauthorized",
                "message": "Token is invalid or expired.",
                "code": "COMMON_UNAUTHORIZED",
            }
        }

    @staticmethod
    def _api_key(headers: dict) -> Optional[tuple[int, dict]]:
        if headers.get("X-Api-Key") == SANDBOX_API_KEY:
            return None
        return 401, {"detail": "Invalid API key"}

    def _served(self, items: list[dict]) -> list[dict]:
        if not self.asset_url:
            return items
        from tests.servers.sandbox.assets import rewrite_item

        return [rewrite_item(item, self.asset_url) for item in items]

    def start(self) -> AccountServices:
        self.tokens.start()
        s2 = "sandbox-sentinel-2-l2a"
        self.sentinelhub = StacPagingServer(
            self._served(_items(s2, self.shift_days)),
            style="sentinelhub",
            default_limit=50,
            collections=[_collection(s2, self.shift_days)],
            authorize=self._bearer,
            port=self._port(1),
        ).start()
        # A Sentinel Hub Process API that wants the same bearer tokens and runs the
        # evalscripts on the sandbox's Sentinel-2 and Sentinel-1 scenes (when a JavaScript
        # engine is installed; else it paints its coordinate pattern).
        scenes = None
        if javascript_available():
            s1 = "sandbox-sentinel-1-grd"
            scenes = SandboxScenes(_items(s2, self.shift_days) + _items(s1, self.shift_days))
        # The other APIs on the same host: Async Process delivers to the sandbox bucket after
        # 10 s; Batch Statistical reads and writes it, a request moving every 3 s. Both use
        # the keys sent in the request or the sandbox IAM role.
        self.process = SentinelHubServer(
            token_check=lambda headers: self._bearer(headers) is None,
            scenes=scenes,
            s3_endpoint=self.s3_endpoint,
            running_seconds=10.0,
            roles={SANDBOX_ROLE_ARN: (ACCESS_KEY, SECRET_KEY)},
            iam_roles={SANDBOX_ROLE_ARN: (ACCESS_KEY, SECRET_KEY)},
            advance_every=3.0,
            port=self._port(3),
        ).start()
        # A Constellr API (orders, areas, deliveries) whose STAC already holds the sandbox
        # LST products; orders move one state every 20 s so a new user can watch them.
        self.constellr = ConstellrServer(
            api_keys={SANDBOX_API_KEY: SANDBOX_WORKSPACE},
            auto_advance=20.0,
            port=self._port(2),
        ).start()
        for item in self._served(_items("sandbox-lst", self.shift_days)):
            self.constellr.stac.add_item(SANDBOX_WORKSPACE, dict(item, collection="lstfusion"))
        return self

    def stop(self) -> None:
        for server in (self.process, self.constellr, self.sentinelhub, self.tokens):
            if server is not None:
                server.stop()

    @property
    def running(self) -> bool:
        return True

    @property
    def url(self) -> str:
        return self.tokens.url

    def config(self) -> dict[str, Any]:
        assert self.sentinelhub is not None and self.constellr is not None
        assert self.process is not None
        return {
            "sentinelhub": {
                "catalog": self.sentinelhub.url,
                "process": self.process.process_url,
                "token_url": self.tokens.token_url,
                "client_id": SANDBOX_CLIENT_ID,
                "client_secret": SANDBOX_CLIENT_SECRET,
            },
            "constellr": {
                "stac": self.constellr.url.rstrip("/") + "/stac/",
                "api_key": SANDBOX_API_KEY,
            },
        }
