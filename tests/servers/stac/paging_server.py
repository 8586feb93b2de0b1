"""A small, real STAC API server with selectable paging style and fault modes.

Threaded stdlib server on 127.0.0.1 (:class:`tests.servers.common.recording.LocalServer`);
the API itself (paging styles, documents) is :class:`tests.servers.stac.paging_api.PagingApi`,
the fault modes are in :mod:`tests.servers.common.faults`. Every request is recorded in
``server.requests``::

    with StacPagingServer(items, style="post-body-merge", faults={"/search": slow(3)}) as srv:
        requests.post(srv.url + "search", json={"collections": ["c"], "limit": 5})
        srv.requests[-1]["json"]  # -> {"collections": ["c"], "limit": 5}
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from http import HTTPStatus
from typing import Any, Optional
from urllib.parse import unquote

from tests.servers.common.faults import Fault, FaultTable
from tests.servers.common.recording import LocalServer, RecordingHandler
from tests.servers.stac.paging_api import STYLES, ApiError, PagingApi

__all__ = ["STYLES", "StacPagingServer"]

SENTINELHUB_ROOT = "/api/v1/catalog/1.0.0/"
_METHODS = ("GET", "POST", "PUT", "DELETE")


class _Handler(RecordingHandler):
    server_version = "StacPagingServer/1.0"

    def handle_request(self) -> None:
        if self.command not in _METHODS:  # as BaseHTTPRequestHandler without do_<METHOD>
            return self.send_error(
                HTTPStatus.NOT_IMPLEMENTED, f"Unsupported method ({self.command!r})"
            )
        srv: StacPagingServer = self.owner
        entry = self.read_entry()
        method, raw = entry["method"], entry["body"]
        route = srv.route(entry["path"])
        try:
            body = json.loads(raw) if raw else None
            bad_body = None
        except ValueError as exc:
            body, bad_body = None, exc
        entry.update(route=route, json=body)
        srv.record(entry)
        if srv.authorize is not None:
            refusal = srv.authorize(dict(self.headers.items()))
            if refusal is not None:
                status, doc = refusal
                return self.send_json(status, doc)
        if method == "GET" and route in srv.files:
            content_type, data = srv.files[route]
            return self.send(200, data, content_type)
        fault = srv.take_fault(method, route)
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        if fault is not None and fault.kind == "respond":
            return self.send(fault.status, fault.body, fault.content_type, fault.headers)
        if bad_body is not None or (body is not None and not isinstance(body, dict)):
            status, doc = srv.api.error(
                ApiError(400, f"Request body is not a JSON object: {raw!r}")
            )
        else:
            status, doc = srv.api.handle(method, route, entry["query"], body, srv.url)
        payload = json.dumps(doc).encode("utf-8")
        content_type = "application/geo+json" if "features" in doc else "application/json"
        extra = fault.headers if fault is not None else {}
        self.send(status, payload, content_type, extra, fault)


class StacPagingServer(LocalServer):
    """Serve ``items`` (STAC item dicts) as a STAC API in paging ``style``.

    ``style``: one of :data:`STYLES` (see :mod:`tests.servers.stac.paging_api`).
    ``root_path``: where the API lives; default "/" except "sentinelhub", which uses
    "/api/v1/catalog/1.0.0/" (requests to the bare "/search" etc. are answered too).
    ``fault``: applied to every path; ``faults``: {path: Fault} with paths relative to the
    API root ("/", "/search", "/collections", ...), checked before ``fault``.
    ``host``: default the class attribute ``host`` (127.0.0.1).
    ``files``: {route: (content type, bytes)} served by GET on the API's own origin, behind
    ``authorize`` like the rest (a catalog's thumbnails on its own host; the rule is ours).
    Other keyword arguments go to :class:`PagingApi` (``collections``, ``default_limit``,
    ``max_limit``, ``collections_page_size``, ``sh_next_links``, ``empty_last_page``).
    """

    handler = _Handler
    host = "127.0.0.1"

    def __init__(
        self,
        items: Sequence[dict],
        style: str = "token-get",
        *,
        fault: Optional[Fault] = None,
        faults: Optional[Mapping[str, Fault]] = None,
        root_path: Optional[str] = None,
        host: Optional[str] = None,
        port: int = 0,
        authorize: Optional[Callable[[dict], Optional[tuple[int, dict]]]] = None,
        files: Optional[Mapping[str, tuple[str, bytes]]] = None,
        **api_options: Any,
    ) -> None:
        super().__init__(host=host or self.host, port=port)
        self.api = PagingApi(items, style, **api_options)
        #: ``authorize(headers)`` returns None to serve the request, or (status, body) to
        #: refuse it, e.g. a bearer token unknown to a TokenServer or a wrong X-Api-Key.
        self.authorize = authorize
        self.files: dict[str, tuple[str, bytes]] = dict(files or {})
        self.style = style
        if root_path is None:
            root_path = SENTINELHUB_ROOT if style == "sentinelhub" else "/"
        self.root_path = "/" + root_path.strip("/") + "/" if root_path.strip("/") else "/"
        self._faults: FaultTable[Fault] = FaultTable()
        for path, f in (faults or {}).items():
            self.set_fault(path, f)
        if fault is not None:
            self.set_fault("*", fault)

    @property
    def url(self) -> str:
        """API root URL, e.g. ``http://127.0.0.1:PORT/`` (ends with "/")."""
        return super().url[:-1] + self.root_path

    # -- faults ----------------------------------------------------------------------------
    def set_fault(self, path: str, fault: Optional[Fault]) -> None:
        """Fault for ``path`` (relative to the API root, or "*" for all); None removes it."""
        self._faults.set(path if path == "*" else self.route(path), fault)

    def clear_faults(self) -> None:
        self._faults.clear()

    def take_fault(self, method: str, route: str) -> Optional[Fault]:
        """The fault to apply to this request, counting it against ``after`` / ``times``."""
        return self._faults.take(method, route)

    def route(self, path: str) -> str:
        """Request path -> route relative to the API root ("/search", "/", ...)."""
        path = unquote(path)
        root = self.root_path.rstrip("/")
        if root and (path == root or path.startswith(root + "/")):
            path = path[len(root) :]
        return "/" + path.strip("/")
