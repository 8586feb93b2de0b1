"""Fault modes of the local test servers, and the table that hands them out.

A :class:`Fault` replaces or damages the response to matching requests (StacPagingServer,
ConstellrServer, ProcessApiServer, TokenServer); :class:`FaultTable` keeps faults by request
path and counts requests against their ``after`` / ``times`` / ``method``, for those servers
and for FileServer's ``FileFault``. Error bodies follow
what the services really send: STAC-FastAPI ``{"code", "description"}`` (Planetary Computer,
Earth Search 404s) and Sentinel Hub ``{"error": {"status", "reason", "message", "code"}}``
(recorded Process API errors; schema ``RestErrorWrapper`` in the Catalog OpenAPI).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Generic, Optional, Protocol, TypeVar

KINDS = ("respond", "invalid-json", "slow", "trickle", "drop")


@dataclass
class Fault:
    """How to misbehave.

    ``kind``:

    - "respond": answer ``status`` with ``body`` / ``content_type`` / ``headers`` instead of
      the real response;
    - "invalid-json": the real response cut in half (status 200, consistent Content-Length);
    - "slow": sleep ``delay`` seconds, then send the real response;
    - "trickle": the real response in ``chunk_size``-byte pieces, ``delay`` seconds apart;
    - "drop": headers announce the full length, half the body is sent, the connection closes.

    ``after``: let that many matching requests through first; ``times``: then fault that many
    (None = every later one). ``method``: only "GET" or "POST" requests (None = any).
    """

    kind: str
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunk_size: int = 256
    after: int = 0
    times: Optional[int] = None
    method: Optional[str] = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; expected one of {KINDS}")


class _Counted(Protocol):
    method: Optional[str]
    after: int
    times: Optional[int]


F = TypeVar("F", bound=_Counted)


class FaultTable(Generic[F]):
    """Thread-safe faults by key (a request path; "*" means every path), several per key.

    :meth:`take` counts a request against every fault of its key, then of "*", whose
    ``method`` is None or the request's; a fault is active from its ``after``-th counted
    request on, for ``times`` requests (None: for ever). It returns the first active one.
    A fault object counts its requests once, wherever it is filed; adding it again
    restarts its count.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, list[F]] = {}
        self._hits: dict[int, int] = {}

    def add(self, key: str, fault: F) -> F:
        """Append ``fault`` to the faults of ``key``."""
        with self._lock:
            self._faults.setdefault(key, []).append(fault)
            self._hits[id(fault)] = 0
        return fault

    def set(self, key: str, fault: Optional[F]) -> None:
        """Replace the faults of ``key`` with ``fault`` (None: remove them)."""
        with self._lock:
            self._faults.pop(key, None)
        if fault is not None:
            self.add(key, fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self._hits.clear()

    def take(self, method: str, key: str) -> Optional[F]:
        """Count this request against every matching fault; return the first active one."""
        chosen = None
        with self._lock:
            keys = (key,) if key == "*" else (key, "*")
            for fault in [f for k in keys for f in self._faults.get(k, [])]:
                if fault.method and fault.method != method:
                    continue
                seen = self._hits.get(id(fault), 0)
                self._hits[id(fault)] = seen + 1
                active = seen >= fault.after and (
                    fault.times is None or seen < fault.after + fault.times
                )
                if active and chosen is None:
                    chosen = fault
        return chosen


def stac_error_body(description: str, code: str = "NotFoundError") -> dict:
    """STAC-FastAPI error document, e.g. Planetary Computer's 404."""
    return {"code": code, "description": description}


def sentinelhub_error_body(status: int, message: str, code: str = "COMMON_BAD_PAYLOAD") -> dict:
    """Sentinel Hub ``RestErrorWrapper`` document."""
    reason = HTTPStatus(status).phrase
    return {"error": {"status": status, "reason": reason, "message": message, "code": code}}


def respond(status: int, doc: Any, **options: Any) -> Fault:
    """Answer with ``doc`` (dict/list -> JSON, str/bytes sent as is)."""
    if isinstance(doc, (dict, list)):
        doc = json.dumps(doc)
    body = doc.encode("utf-8") if isinstance(doc, str) else bytes(doc)
    return Fault("respond", status=status, body=body, **options)


def stac_error(
    status: int = 404, description: str = "Not Found", code: str = "NotFoundError", **options: Any
) -> Fault:
    return respond(status, stac_error_body(description, code), **options)


def sentinelhub_error(
    status: int = 400,
    message: str = "Invalid request",
    code: str = "COMMON_BAD_PAYLOAD",
    **options: Any,
) -> Fault:
    return respond(status, sentinelhub_error_body(status, message, code), **options)


def html_error(status: int = 502, **options: Any) -> Fault:
    """The HTML page a reverse proxy (nginx) sends when the STAC backend is down."""
    phrase = f"{status} {HTTPStatus(status).phrase}"
    page = (
        f"<html>\r\n<head><title>{phrase}</title></head>\r\n<body>\r\n"
        f"<center><h1>{phrase}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    )
    return respond(status, page, content_type="text/html", **options)


def invalid_json(**options: Any) -> Fault:
    return Fault("invalid-json", **options)


def slow(seconds: float, **options: Any) -> Fault:
    return Fault("slow", delay=seconds, **options)


def trickle(delay: float = 0.2, chunk_size: int = 64, **options: Any) -> Fault:
    return Fault("trickle", delay=delay, chunk_size=chunk_size, **options)


def drop_connection(**options: Any) -> Fault:
    return Fault("drop", **options)


def not_stac_html(**options: Any) -> Fault:
    """200 with an HTML page: a URL that is a web site, not a STAC API."""
    page = "<!DOCTYPE html><html><head><title>Welcome</title></head><body>It works!</body></html>"
    return respond(200, page, content_type="text/html; charset=utf-8", **options)


def not_stac_json(**options: Any) -> Fault:
    """200 with JSON that has no ``links``: some other JSON API, not a STAC landing page."""
    return respond(200, {"status": "ok", "service": "tile-server", "version": "2.3.1"}, **options)
