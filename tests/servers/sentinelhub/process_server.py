"""A local Sentinel Hub Process API (``POST /api/v1/process``) that renders real images.

Threaded stdlib server on 127.0.0.1 (:class:`tests.servers.common.recording.LocalServer`),
usable as a context manager, every request in ``server.requests``::

    with ProcessApiServer(token_check=lambda h: h.get("Authorization") == "Bearer t") as sh:
        r = requests.post(sh.process_url, json=body, headers={"Authorization": "Bearer t"})
        sh.tiles[-1]  # Tile(bbox=(...), crs="http://www.opengis.net/def/crs/EPSG/0/32633", ...)

Modules: validation ``process_api_request``, evalscript reading ``process_api_evalscript``,
collections / CRSs / error bodies ``process_api_collections``, images ``process_api_render``.
What is recorded from the real service and what is worded here: ``tests/servers/README.md``.
"""

from __future__ import annotations

import collections
import json
import math
import time
from collections.abc import Callable, Iterable, Mapping
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, NamedTuple, Optional

import numpy as np

from tests.servers.common.faults import Fault, FaultTable
from tests.servers.common.recording import LocalServer, RecordingHandler
from tests.servers.sentinelhub.collections import DEPLOYMENTS, ApiError, error_body, parse_crs
from tests.servers.sentinelhub.render import (
    coverage_counts,
    data_mask,
    pattern,
    pixel_centres,
    processing_units,
    render,
    s1_tile_check,
)
from tests.servers.sentinelhub.request import ProcessRequest, validate

__all__ = ["PROCESS_PATH", "ProcessApiServer", "Tile", "pattern", "pixel_centres"]

PROCESS_PATH = "/api/v1/process"
UNAUTHORIZED = (
    "You are not authorized! Please provide a valid access token within the header "
    "[Authorization: Bearer <accessToken>] of your request."
)  # recorded COMMON_UNAUTHORIZED message (sentinelhub-py issue #523)
RATE_LIMITED = "You have exceeded your rate limit"  # CDSE "Rate limiting" example


class Tile(NamedTuple):
    """One successful image answer: requested bbox (normalised), CRS URI, size in pixels."""

    bbox: tuple
    crs: str
    width: int
    height: int

    @property
    def pixel_size(self) -> tuple:
        """(x, y) size of a pixel: the bbox divided by the size in pixels, as rendered."""
        x0, y0, x1, y1 = self.bbox
        return (x1 - x0) / self.width, (y1 - y0) / self.height


class ProcessApiServer(LocalServer):
    """Sentinel Hub Process API on ``PROCESS_PATH``.

    ``token_check(headers) -> bool``: None accepts every request; False -> 401
    COMMON_UNAUTHORIZED. ``rate_limit``: requests per ``rate_window`` seconds (default 1)
    that pass; more -> 429 RATE_LIMIT_EXCEEDED with ``Retry-After`` in milliseconds (as the
    CDSE page documents it). ``processing_units_left``: None = unlimited; a request costing
    more than is left is refused with ``quota_status`` (429 by default: the rate-limiting
    page counts PU policies "per given time period or in total" among the policies whose
    violation is a 429; 403 COMMON_INSUFFICIENT_PERMISSIONS as an alternative) and an
    ``errors`` hint. ``no_data_areas``: lon/lat boxes without data (e.g. sea): those pixels
    are 0. ``s1_polarization``: polarization of the Sentinel-1 products found when the
    request has no ``dataFilter.polarization``. ``byoc_ids``: the only BYOC/batch/zarr
    collection ids that exist (None: any UUID). ``delay``: seconds each valid request takes.
    ``deployment``: answer as that host (``services.sentinel-hub.com``,
    ``services-uswest2.sentinel-hub.com`` or ``sh.dataspace.copernicus.eu``): collections
    it does not serve are refused (None: every collection is served). ``pixel_size``:
    (x, y) every image's pixels must have, bbox / width and height to 1e-9 relative; other
    requests get a 400 TEST_PIXEL_SIZE (a check of this server, not a Sentinel Hub rule:
    it proves a client's tiles cannot drift from its grid). ``scenes``: a
    :class:`tests.servers.sentinelhub.scenes.SandboxScenes`: the evalscript runs for real
    on the bands of those scenes (None: the coordinate pattern of ``process_api_render``).
    """

    handler = RecordingHandler

    def __init__(
        self,
        *,
        token_check: Optional[Callable[[Mapping[str, str]], bool]] = None,
        processing_units_left: Optional[float] = None,
        rate_limit: Optional[int] = None,
        rate_window: float = 1.0,
        quota_status: int = 429,
        quota_retry_after_ms: int = 3_600_000,
        no_data_areas: Iterable[tuple] = (),
        s1_polarization: str = "DV",
        byoc_ids: Optional[Iterable[str]] = None,
        delay: float = 0.0,
        deployment: Optional[str] = None,
        pixel_size: Optional[tuple] = None,
        scenes: Optional[Any] = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        super().__init__(host=host, port=port)
        if quota_status not in (403, 429):
            raise ValueError("quota_status must be 429 or 403")
        self.token_check = token_check
        self.processing_units_left = processing_units_left
        self.processing_units_spent = 0.0
        self.rate_limit = rate_limit
        self.rate_window = rate_window
        self.quota_status = quota_status
        self.quota_retry_after_ms = quota_retry_after_ms
        self.no_data_areas = [tuple(map(float, box)) for box in no_data_areas]
        self.s1_polarization = s1_polarization
        self.byoc_ids = None if byoc_ids is None else set(byoc_ids)
        self.delay = delay
        if deployment is not None and deployment not in DEPLOYMENTS:
            raise ValueError(f"deployment must be one of {', '.join(DEPLOYMENTS)}")
        self.deployment = deployment
        self.pixel_size = pixel_size
        self.scenes = scenes
        self.tiles: list[Tile] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._passed: collections.deque = collections.deque()
        self._faults: FaultTable[Fault] = FaultTable()

    @property
    def process_url(self) -> str:
        return self.url.rstrip("/") + PROCESS_PATH

    def set_fault(self, fault: Optional[Fault]) -> None:
        """A :mod:`tests.servers.common.faults` fault for process requests (None removes it):
        ``respond`` replaces the answer (e.g. the recorded 500 RENDERER_EXCEPTION bodies),
        ``slow`` delays it, ``trickle`` / ``drop`` / ``invalid-json`` damage it."""
        self._faults.set("*", fault)

    def coverage(
        self, bbox: tuple, width: int, height: int, crs: Optional[str] = None
    ) -> np.ndarray:
        """For the pixel grid ``bbox`` / ``width`` x ``height``: how many successful tiles
        (in ``crs``; None: any) contain each pixel centre. All ones = covered exactly once."""
        epsg = None if crs is None else parse_crs(crs)[0]
        with self._lock:
            tiles = [(t.bbox, parse_crs(t.crs)[0]) for t in self.tiles]
        return coverage_counts(tiles, bbox, width, height, epsg)

    # -- request handling ------------------------------------------------------------------
    def respond(self, handler: RecordingHandler, entry: dict) -> None:
        fault = self._faults.take(entry["method"], "*")
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        if fault is not None and fault.kind == "respond":
            entry["status"] = fault.status
            return handler.send(fault.status, fault.body, fault.content_type, fault.headers)
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            status, payload, content_type, headers = self._answer(entry)
        except ApiError as exc:
            status, content_type, headers = exc.status, "application/json", exc.headers
            payload = json.dumps(exc.body()).encode("utf-8")
        except Exception as exc:  # noqa: BLE001 - a bug here: answer like the service's internal errors
            status, content_type, headers = 500, "application/json", {}
            body = error_body(500, f"{type(exc).__name__}: {exc}", "RENDERER_EXCEPTION")
            payload = json.dumps(body).encode("utf-8")
        finally:
            with self._lock:
                self.in_flight -= 1
        entry["status"] = status
        entry["response_headers"] = dict(headers or {})
        handler.send(status, payload, content_type, headers, fault)

    def _check_call(self, entry: dict, path: str) -> None:
        """404 for another path, 405 for a method other than POST, 401 without a valid
        token, 429 over the rate limit: as every Sentinel Hub API answers them."""
        if entry["path"].rstrip("/") != path:
            raise ApiError(404, f"Path {entry['path']} not found.", "COMMON_NOT_FOUND")
        if entry["method"] != "POST":
            raise ApiError(
                405,
                f"Request method '{entry['method']}' not supported",
                "COMMON_METHOD_NOT_ALLOWED",
                headers={"Allow": "POST"},
            )
        if self.token_check is not None and not self.token_check(entry["headers"]):
            raise ApiError(401, UNAUTHORIZED, "COMMON_UNAUTHORIZED")
        self._check_rate()

    def _answer(self, entry: dict) -> tuple:
        self._check_call(entry, PROCESS_PATH)
        body = self._body(entry)
        headers = {k.lower(): v for k, v in entry["headers"].items()}
        req = validate(body, headers.get("accept"), self.byoc_ids, self.deployment)
        self._check_pixel_size(req)
        mask = data_mask(req, self.no_data_areas)
        s1_tile_check(req, self.s1_polarization, bool(mask.any()))
        cost = processing_units(req)
        entry["processing_units"] = cost
        self._reserve(cost)
        try:
            if self.delay:
                time.sleep(self.delay)
            payload = render(req, mask, self.scenes)
        except BaseException:
            self._reserve(-cost)
            raise
        self._record_tile(req)
        return 200, payload, req.content_type, {"x-processingunits-spent": f"{cost:.6g}"}

    def _check_pixel_size(self, req: ProcessRequest) -> None:
        if self.pixel_size is None:
            return
        got = Tile(req.bbox, req.crs, req.width, req.height).pixel_size
        if not all(math.isclose(g, e, rel_tol=1e-9) for g, e in zip(got, self.pixel_size)):
            raise ApiError(
                400,
                f"Pixel size {got[0]!r} x {got[1]!r} (bbox / width, height) is not the "
                f"expected {self.pixel_size[0]!r} x {self.pixel_size[1]!r} (test server check).",
                "TEST_PIXEL_SIZE",
            )

    def _check_rate(self) -> None:
        if self.rate_limit is None:
            return
        now = time.monotonic()
        with self._lock:
            while self._passed and now - self._passed[0] >= self.rate_window:
                self._passed.popleft()
            if len(self._passed) < self.rate_limit:
                self._passed.append(now)
                return
            wait_ms = max(1, math.ceil((self._passed[0] + self.rate_window - now) * 1000))
        raise ApiError(
            429, RATE_LIMITED, "RATE_LIMIT_EXCEEDED", headers={"Retry-After": str(wait_ms)}
        )

    def _reserve(self, cost: float) -> None:
        with self._lock:
            left = self.processing_units_left
            if cost > 0 and left is not None and cost > left + 1e-12:
                hint = {
                    "processingUnitsRequired": round(cost, 6),
                    "processingUnitsLeft": round(left, 6),
                    "hint": "The processing units of this account are used up: wait for the "
                    "quota to renew, or request fewer or smaller images.",
                }
                if self.quota_status == 403:
                    raise ApiError(
                        403,
                        "You have used up the processing units of your account.",
                        "COMMON_INSUFFICIENT_PERMISSIONS",
                        errors=hint,
                    )
                retry = {"Retry-After": str(self.quota_retry_after_ms)}
                raise ApiError(429, RATE_LIMITED, "RATE_LIMIT_EXCEEDED", hint, retry)
            if left is not None:
                self.processing_units_left = left - cost
            self.processing_units_spent += cost

    def _record_tile(self, req: ProcessRequest) -> None:
        if any(identifier != "userdata" for identifier, _ in req.responses):
            with self._lock:
                self.tiles.append(Tile(req.bbox, req.crs, req.width, req.height))

    @staticmethod
    def _body(entry: dict) -> Any:
        raw: bytes = entry["body"]
        if not raw:
            raise ApiError(400, "Request body should be non-empty.")  # recorded
        full_type = entry["headers"].get("Content-Type") or entry["headers"].get("content-type")
        ctype = (full_type or "").split(";")[0].strip().lower()
        if ctype == "multipart/form-data":  # OpenAPI MultiPartProcessRequest
            entry["json"] = body = _multipart(full_type or "", raw)
            return body
        if ctype and not ctype.endswith("json"):
            raise ApiError(
                415, f"Content type '{ctype}' not supported", "COMMON_UNSUPPORTED_MEDIA_TYPE"
            )
        try:
            return json.loads(raw)
        except ValueError as exc:
            raise ApiError(400, f"Request body is not valid JSON: {exc}.") from None


def _multipart(content_type: str, raw: bytes) -> dict:
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=HTTP).parsebytes(head + raw)
    parts: dict = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        parts[name] = part.get_payload(decode=True) or b""
    if "request" not in parts:
        raise ApiError(400, "The multipart request has no 'request' part.")
    try:
        request = json.loads(parts["request"])
    except ValueError as exc:
        raise ApiError(400, f"The 'request' part is not valid JSON: {exc}.") from None
    if isinstance(request, dict) and "evalscript" in parts:
        request["evalscript"] = parts["evalscript"].decode("utf-8")
    return request
