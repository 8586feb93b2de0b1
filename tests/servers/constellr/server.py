"""A local Constellr API (seed 003) for the plugin's ordering and LST download tests.

Threaded stdlib server on 127.0.0.1 (:class:`tests.servers.common.recording.LocalServer`),
a context manager; every request is in ``server.requests``::

    with ConstellrServer(api_keys={"key": "ws-1"}, now=lambda: FIXED, data_dir=tmp) as srv:
        h = {"X-Api-Key": "key"}
        aoi = requests.post(srv.url + "areas-of-interest", json=AOI, headers=h).json()
        orders = requests.post(srv.url + "orders/batch", json=BATCH, headers=h).json()
        srv.advance(); srv.advance(); srv.advance()  # -> pending_validation, accepted, delivered
        requests.get(srv.url + "stac/search", params={"filter": f"order_id = '{oid}'"}, headers=h)

Endpoints (all need ``X-Api-Key``: a key of ``api_keys``, which maps keys to workspaces;
else 401): ``POST /orders/batch``, ``GET /orders``, ``GET|PATCH|DELETE /orders/{id}``,
``GET /orders/meta/use-cases``, ``POST|GET /areas-of-interest``,
``GET|DELETE /areas-of-interest/{id}``, ``POST /areas-of-interest/geometry-info``,
``POST /areas-of-interest/convert``, ``GET /products``, the STAC API under ``/stac``
(:mod:`tests.servers.constellr.stac`) and the delivered files under ``/assets/`` (Range
requests: 206 / 416, so GDAL ``/vsicurl/`` reads the COGs). Rules and state machine:
:mod:`tests.servers.constellr.orders`; delivery: :mod:`tests.servers.constellr.delivery`.

Test hooks: ``advance(order_id=None)`` (one state step; ``auto_advance=seconds`` does it in
a thread), ``drop_after_commit`` (True, or a count: the batch is stored, then the
connection closes without an answer), ``commit_late(status, delay)`` (the batch is
answered with a gateway error at once and stored ``delay`` seconds later),
``set_fault(path, fault)`` with the faults of :mod:`tests.servers.common.faults` (``path``:
"/orders/batch", "/stac/search", ... or "*"; ``after`` / ``times`` / ``method`` narrow
them down), accessors ``orders``, ``aois``, ``items``.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path
from typing import Any, Callable, Optional, Union

from tests.servers.common.faults import Fault, FaultTable
from tests.servers.common.recording import LocalServer, RecordingHandler
from tests.servers.constellr.common import ApiError, invalid
from tests.servers.constellr.delivery import Asset, deliver
from tests.servers.constellr.geometry import GeometryError, convert
from tests.servers.constellr.orders import PRODUCTS, USE_CASES, OrdersApi, default_rejection_rule
from tests.servers.constellr.stac import StacApi

__all__ = ["API_KEY", "WORKSPACE", "ConstellrServer"]

API_KEY, WORKSPACE = "constellr-test-key", "workspace-1"
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class _Handler(RecordingHandler):
    server_version = "ConstellrTestServer/1.0"
    fault: Optional[Fault] = None

    def send_json(self, status: int, doc: Any, headers: Optional[Mapping[str, str]] = None) -> None:
        payload = json.dumps(doc).encode("utf-8")
        geo = isinstance(doc, dict) and doc.get("type") in ("Feature", "FeatureCollection")
        ctype = "application/geo+json" if geo else "application/json"
        self.send(status, payload, ctype, headers, self.fault)

    def drop(self) -> None:
        """Close the connection without an answer."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class ConstellrServer(LocalServer):
    """The Constellr API of seed 003; see the module docstring.

    ``api_keys``: {key: workspace id}. ``now``: clock for ``created`` and the date rules
    (aware UTC datetime). ``data_dir``: where delivered COGs go (default: a temporary folder
    removed on stop). ``products``: the workspace products (``GET /products``, orderable,
    STAC collections). ``images_per_order``: cap of images per delivery. ``max_limit``: upper
    bound of ``limit`` on ``/orders`` and ``/areas-of-interest``. ``rejection_rule(order,
    aoi)`` returns a rejection reason or None (default: tag "reject-me").
    """

    handler = _Handler

    def __init__(
        self,
        api_keys: Optional[Mapping[str, str]] = None,
        *,
        now: Callable[[], datetime] = _utcnow,
        data_dir: Optional[Union[str, Path]] = None,
        products: tuple[str, ...] = PRODUCTS,
        images_per_order: int = 2,
        auto_advance: Optional[float] = None,
        max_limit: int = 100,
        rejection_rule: Callable[[dict, dict], Optional[str]] = default_rejection_rule,
        host: str = "127.0.0.1",
        port: int = 0,
        s3: Any = None,
        bucket: str = "constellr-deliveries",
    ) -> None:
        super().__init__(host=host, port=port)
        #: an :class:`tests.servers.common.s3_server.S3Server`: delivered files go to ``bucket``
        #: and the items' assets are ``s3://<bucket>/<workspace>/<order>/<item>/lst.tiff``
        #: as in seed 003; without it they are served here under ``/assets/``
        self.s3, self.bucket = s3, bucket
        self.api_keys = dict(api_keys if api_keys is not None else {API_KEY: WORKSPACE})
        self.api = OrdersApi(
            now, products=products, max_limit=max_limit, rejection_rule=rejection_rule
        )
        self.stac = StacApi(list(products))
        self.images_per_order = images_per_order
        self.auto_advance = auto_advance
        self.drop_after_commit: Union[bool, int] = False
        self._late: list[tuple[int, float]] = []  # (status, delay) per coming batch
        self._timers: list[threading.Timer] = []
        self._own_dir = data_dir is None
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.assets: dict[str, Asset] = {}
        self._faults: FaultTable[Fault] = FaultTable()
        self._stop_advancing = threading.Event()
        self._advancer: Optional[threading.Thread] = None
        self.advance_errors: list[Exception] = []  # raised in the auto_advance thread

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> ConstellrServer:
        if self.data_dir is None:
            self.data_dir = Path(tempfile.mkdtemp(prefix="constellr-server-"))
        super().start()
        if self.auto_advance and self._advancer is None:
            self._stop_advancing.clear()
            self._advancer = threading.Thread(target=self._advance_loop, daemon=True)
            self._advancer.start()
        return self

    def stop(self) -> None:
        for timer in self._timers:
            timer.cancel()
        self._stop_advancing.set()
        if self._advancer is not None:
            self._advancer.join(timeout=30)
            self._advancer = None
        super().stop()
        if self._own_dir and self.data_dir is not None:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir = None

    def _advance_loop(self) -> None:
        while not self._stop_advancing.wait(self.auto_advance or 1.0):
            try:
                self.advance()
            except Exception as exc:  # noqa: BLE001 - keep advancing; tests can inspect the failures
                self.advance_errors.append(exc)

    # -- test hooks ------------------------------------------------------------------------
    def advance(self, order_id: Optional[str] = None) -> list[dict]:
        """Move one order (or all) one state on; delivery writes COGs and STAC items."""
        return self.api.advance(order_id, deliver=self._deliver)

    def settle(self, order_id: Optional[str] = None) -> list[dict]:
        """Advance until nothing changes (every order rejected or delivered)."""
        while self.advance(order_id):
            pass
        with self.api.lock:
            return copy.deepcopy([r.doc for r in self.api.records(order_id)])

    def _deliver(self, record: Any) -> None:
        assert self.data_dir is not None
        for item, assets in deliver(
            record,
            base=self.url,
            data_dir=self.data_dir,
            images_per_order=self.images_per_order,
            now=self.api.now(),
        ):
            if self.s3 is not None:
                self._to_s3(record, item, assets)
            with self._lock:
                self.assets.update(assets)
            self.stac.add_item(record.workspace, item)

    def _to_s3(self, record: Any, item: dict, assets: dict[str, Asset]) -> None:
        """Put the item's files in the bucket and point its assets there (seed 003)."""
        folder = f"{record.workspace}/{record.doc['id']}/{item['id']}"
        for key, asset in item["assets"].items():
            name = asset["href"].rsplit("/", 1)[-1]
            served = assets[f"/assets/{item['id']}/{name}"]
            local = served.content
            if not isinstance(local, Path):
                local = self.data_dir / folder / name
                local.parent.mkdir(parents=True, exist_ok=True)
                local.write_bytes(served.read())
            self.s3.put(self.bucket, f"{folder}/{name}", local)
            item["assets"][key] = {**asset, "href": f"s3://{self.bucket}/{folder}/{name}"}

    @property
    def orders(self) -> list[dict]:
        """Copies of every stored order document (all workspaces), oldest first."""
        with self.api.lock:
            return copy.deepcopy([r.doc for r in self.api.records()])

    @property
    def aois(self) -> list[dict]:
        """Copies of every stored AOI document (all workspaces), oldest first."""
        with self.api.lock:
            found = [r for w in self.api.workspaces.values() for r in w.aois.values()]
            return copy.deepcopy([r.doc for r in sorted(found, key=lambda r: r.seq)])

    @property
    def items(self) -> list[dict]:
        """Copies of every delivered STAC item (all workspaces), in delivery order."""
        with self.stac.lock:
            return copy.deepcopy([i for items in self.stac.items.values() for i in items])

    def set_fault(self, path: str, fault: Optional[Fault]) -> None:
        """Fault for a request path ("/orders/batch", "/stac/search", ...) or "*"."""
        self._faults.set(path if path == "*" else "/" + path.strip("/"), fault)

    def clear_faults(self) -> None:
        self._faults.clear()

    def commit_late(self, status: int = 504, delay: float = 1.5, times: int = 1) -> None:
        """The next ``times`` valid batches are answered ``status`` at once (a gateway's
        error body) and stored ``delay`` seconds later, as behind a gateway that gave up
        waiting for the backend. ``delay`` 0: stored first, then the error."""
        with self._lock:
            self._late.extend([(status, delay)] * times)

    def _take_late(self) -> Optional[tuple[int, float]]:
        with self._lock:
            return self._late.pop(0) if self._late else None

    def _take_drop(self) -> bool:
        with self._lock:
            drop = self.drop_after_commit
            if drop is True:
                return True
            if drop is False or not isinstance(drop, int) or drop <= 0:
                return False
            self.drop_after_commit = drop - 1 or False
            return True

    # -- requests --------------------------------------------------------------------------
    def respond(self, handler: _Handler, entry: dict) -> None:
        path = "/" + entry["path"].strip("/")
        method = entry["method"]
        handler.fault = fault = self._faults.take(method, path)
        entry["fault"] = fault.kind if fault is not None else None
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        if fault is not None and fault.kind == "respond":
            return handler.send(fault.status, fault.body, fault.content_type, fault.headers)
        key = handler.headers.get("X-Api-Key")
        entry["workspace"] = workspace = self.api_keys.get(key or "")
        if workspace is None:
            entry["status"] = 401
            detail = "Not authenticated" if not key else "Invalid API key"
            return handler.send_json(401, {"detail": detail})
        try:
            status, doc = self._dispatch(handler, entry, method, path, workspace)
        except ApiError as exc:
            status, doc = exc.status, exc.body()
        if status == 0:
            return None  # answered (asset) or dropped
        entry["status"] = status
        if status == 204:
            return handler.send(204, b"", None, None, fault)
        handler.send_json(status, doc)

    def _body(self, entry: dict) -> Any:
        raw = entry["body"]
        if not raw:
            raise invalid(("body",), "Field required", "missing")
        try:
            return json.loads(raw)
        except ValueError as exc:
            raise invalid(("body", 0), "JSON decode error", "json_invalid", str(exc)) from None

    def _dispatch(
        self, handler: _Handler, entry: dict, method: str, path: str, ws: str
    ) -> tuple[int, Any]:
        parts = [p for p in path.split("/") if p]
        api = self.api
        head = parts[0] if parts else ""
        if head == "assets" and method in ("GET", "HEAD"):
            self._serve_asset(handler, entry, path, ws)
            return 0, None
        if head == "stac":
            body = self._body(entry) if method == "POST" else None
            return 200, self.stac.handle(
                method, parts[1:], entry["query"], body, ws, self.url + "stac/"
            )
        methods: Optional[dict[str, Callable[[], tuple[int, Any]]]] = None
        if parts == ["products"]:
            methods = {"GET": lambda: (200, [{"name": p} for p in api.products])}
        elif parts == ["orders", "batch"]:
            methods = {"POST": lambda: self._create_orders(handler, entry, ws)}
        elif parts == ["orders", "meta", "use-cases"]:
            methods = {"GET": lambda: (200, list(USE_CASES))}
        elif parts == ["orders"]:
            methods = {"GET": lambda: (200, api.list_orders(ws, entry["query"]))}
        elif len(parts) == 2 and head == "orders":
            oid = parts[1]
            methods = {
                "GET": lambda: (200, api.order(ws, oid).doc),
                "PATCH": lambda: (200, api.patch_order(ws, oid, self._body(entry))),
                "DELETE": lambda: (204, api.delete_order(ws, oid)),
            }
        elif parts == ["areas-of-interest"]:
            methods = {
                "POST": lambda: (201, api.create_aoi(ws, self._body(entry))),
                "GET": lambda: (200, api.list_aois(ws, entry["query"])),
            }
        elif parts == ["areas-of-interest", "geometry-info"]:
            methods = {"POST": lambda: (200, api.geometry_info(self._body(entry)))}
        elif parts == ["areas-of-interest", "convert"]:
            methods = {"POST": lambda: self._convert(handler, entry)}
        elif len(parts) == 2 and head == "areas-of-interest":
            aid = parts[1]
            methods = {
                "GET": lambda: (200, api.aoi(ws, aid).doc),
                "DELETE": lambda: (204, api.delete_aoi(ws, aid)),
            }
        if methods is None:
            raise ApiError(404, "Not Found")
        if method not in methods:
            raise ApiError(405, "Method Not Allowed")
        return methods[method]()

    def _create_orders(self, handler: _Handler, entry: dict, ws: str) -> tuple[int, Any]:
        body = self._body(entry)
        late = self._take_late()
        if late is not None:
            status, delay = late
            self.api.validate_batch(ws, body)  # an invalid batch is still refused at once
            entry["late_commit"] = delay

            def commit() -> None:
                entry["created_orders"] = [d["id"] for d in self.api.create_orders(ws, body)]

            if delay <= 0:
                commit()
            else:
                timer = threading.Timer(delay, commit)
                timer.daemon = True
                self._timers.append(timer)
                timer.start()
            return status, {"detail": HTTPStatus(status).phrase}
        docs = self.api.create_orders(ws, body)
        entry["created_orders"] = [d["id"] for d in docs]
        if self._take_drop():
            entry["dropped"] = True
            handler.drop()
            return 0, None
        return 201, docs

    def _convert(self, handler: _Handler, entry: dict) -> tuple[int, Any]:
        if not entry["body"]:
            raise invalid(("body",), "Field required", "missing")
        try:
            return 200, convert(handler.headers.get("Content-Type") or "", entry["body"])
        except GeometryError as exc:
            raise ApiError(400, f"Invalid AOI geometry: {exc}") from None

    def _serve_asset(self, handler: _Handler, entry: dict, path: str, ws: str) -> None:
        """The file with ``Accept-Ranges``; one range -> 206, unsatisfiable -> 416."""
        with self._lock:
            asset = self.assets.get(path)
        if asset is None or asset.workspace != ws:
            entry["status"] = 404
            return handler.send_json(404, {"detail": "Not Found"})
        data = asset.read()
        size, headers = len(data), {"Accept-Ranges": "bytes"}
        wanted = handler.headers.get("Range")
        match = _RANGE.match((wanted or "").replace(" ", ""))
        status, body = 200, data
        if match and match.group(1) + match.group(2):
            first, last = match.group(1), match.group(2)
            if first:
                start, end = int(first), min(int(last) if last else size - 1, size - 1)
            else:
                start, end = max(0, size - int(last)), size - 1
            if start >= size or start > end:
                entry["status"] = 416
                headers["Content-Range"] = f"bytes */{size}"
                return handler.send(416, b"", None, headers)
            status, body = 206, data[start : end + 1]
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        entry["status"] = status
        handler.send(status, body, asset.content_type, headers, handler.fault)
