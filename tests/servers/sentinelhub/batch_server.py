"""A local Sentinel Hub Batch Processing API that writes real COG tiles to S3 (moto).

Paths and shapes: ``plugin/api/batch_process.py`` (seed 001's ``BatchProcessRequest``,
``BatchTile``, ``TilingGridDescriptor``; the paths of the service they belong to). Other
paths go to the Process API (:class:`ProcessApiServer`), so the sandbox can combine this
class with the other Sentinel Hub servers into one host.

The state machine moves with time: every ``advance_seconds`` (None: only when a test calls
:meth:`advance`) a request goes one step: ANALYSING → ANALYSIS_DONE (or straight on to
PROCESSING when it was started unanalysed), then ``tiles_per_step`` tiles per step are
rendered with the Process server's renderer, made COGs (GDAL) and put into the bucket,
until DONE, or PARTIAL when a tile failed (``failing_tiles``: tile ids that fail).

Rules of this server where the seed is silent (the seed lists the states, not the moves):

* the grid is cut in the UTM zone of the area's centre (one zone), tiles aligned on
  multiples of the tile size from the zone's origin; tile names ``<zone>_<col>_<row>``;
* creation refuses an unknown grid or resolution, a missing ``output`` without
  ``bucketName``, a ``defaultTilePath`` that is not ``s3://`` or lacks ``<tileName>`` and
  ``<outputId>``, ``cogOutput`` with another format than TIFF, and a bucket the service
  may not write to (``buckets``: the buckets whose policy lets Sentinel Hub write);
* analyse only from CREATED; start from CREATED (analysed first) or ANALYSIS_DONE;
  cancel while nothing has ended; restartpartial only from PARTIAL; every refusal is a
  400 COMMON_BAD_PAYLOAD with a sentence; an unknown id is a 404.
* the estimate is the sum of the Process API's processing units of each tile's request.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import uuid
from typing import Any, Optional

from osgeo import gdal, ogr, osr

from tests.servers.common.recording import RecordingHandler
from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY
from tests.servers.sentinelhub.bucket_access import BucketAccessServer
from tests.servers.sentinelhub.collections import ApiError, parse_crs
from tests.servers.sentinelhub.process_server import UNAUTHORIZED
from tests.servers.sentinelhub.render import data_mask, processing_units, render
from tests.servers.sentinelhub.request import _bounds, validate

BATCH_PATH = "/api/v1/batch/process"
GRIDS_PATH = "/api/v1/batch/tilinggrids"
#: id -> (name, tile size, resolutions, unit): Sentinel Hub's documented grids.
GRIDS = {
    0: ("UTM 20km grid", 20040.0, (10.0, 20.0, 30.0, 60.0), "METRE"),
    1: ("UTM 10km grid", 10000.0, (10.0, 20.0), "METRE"),
    2: ("UTM 100km grid", 100080.0, (60.0, 120.0, 240.0, 360.0), "METRE"),
    3: ("WGS84 1 degree grid", 1.0, (0.0001, 0.0002), "DEGREE"),
    6: ("LAEA 100km grid", 100000.0, (40.0, 50.0, 100.0), "METRE"),
    7: ("LAEA 20km grid", 20000.0, (10.0, 20.0), "METRE"),
}
ACTIONS = ("analyse", "start", "cancel", "restartpartial")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class BatchProcessServer(BucketAccessServer):
    """Batch Processing under ``/api/v1/batch``; the Process API on every other path.

    ``s3_endpoint``: the S3 API the tiles go to (written with ``s3_keys``, standing for the
    bucket policy that lets Sentinel Hub write); ``buckets``: the buckets it may write to
    (None: any). ``failing_tiles``: tile ids whose processing fails. ``page_size``: requests
    per page of the list (``links.nextToken``)."""

    def __init__(
        self,
        *,
        s3_keys: tuple[str, str] = (ACCESS_KEY, SECRET_KEY),
        buckets: Optional[set] = None,
        advance_seconds: Optional[float] = None,
        tiles_per_step: int = 1000,
        failing_tiles: tuple = (),
        page_size: int = 50,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.s3_keys = s3_keys
        self.buckets = None if buckets is None else set(buckets)
        self.advance_seconds = advance_seconds
        self.tiles_per_step = tiles_per_step
        self.failing_tiles = set(failing_tiles)
        self.page_size = page_size
        self.batches: dict[str, dict] = {}
        self._order: list[str] = []
        self._process_batch_lock = threading.RLock()
        self._last_step = time.monotonic()
        self._tick_lock = threading.Lock()

    # -- HTTP -------------------------------------------------------------------------------
    def respond(self, handler: RecordingHandler, entry: dict) -> None:
        path = entry["path"].split("?", 1)[0].rstrip("/")
        if not path.startswith("/api/v1/batch/"):
            return super().respond(handler, entry)
        try:
            status, payload = self._batch_answer(entry, path)
        except ApiError as exc:
            status, payload = exc.status, exc.body()
        entry["status"] = status
        body = b"" if payload is None else json.dumps(payload).encode("utf-8")
        handler.send(status, body, "application/json", {})

    def _batch_answer(self, entry: dict, path: str) -> tuple[int, Any]:
        if self.token_check is not None and not self.token_check(entry["headers"]):
            raise ApiError(401, UNAUTHORIZED, "COMMON_UNAUTHORIZED")
        self._batch_tick()
        method = entry["method"]
        query = {k: v[0] for k, v in (entry.get("query") or {}).items()}
        if path == GRIDS_PATH and method == "GET":
            return 200, {"data": [_grid_json(i) for i in GRIDS], "links": {}}
        if not path.startswith(BATCH_PATH):
            raise ApiError(404, f"Path {path} not found.", "COMMON_NOT_FOUND")
        parts = path[len(BATCH_PATH) :].strip("/").split("/") if path != BATCH_PATH else []
        if not parts:
            if method == "POST":
                return 201, self._create(self._body(entry))
            if method == "GET":
                return 200, self._list(query)
            raise _method(method)
        record = self._find(parts[0])
        if len(parts) == 1:
            if method != "GET":
                raise _method(method)
            return 200, self._public(record)
        if parts[1] in ACTIONS and len(parts) == 2:
            if method != "POST":
                raise _method(method)
            self._action(record, parts[1])
            return 204, None
        if parts[1] == "tiles" and method == "GET":
            wanted = query.get("status", "")
            if wanted and wanted not in ("PENDING", "SCHEDULED", "QUEUED", "PROCESSING",
                                         "PROCESSED", "FAILED"):  # fmt: skip
                raise ApiError(400, f"Unknown tile status {wanted!r}.")
            tiles = [self._tile_json(record, t) for t in record["tiles"]]
            return 200, {"data": [t for t in tiles if not wanted or t["status"] == wanted],
                         "links": {}}  # fmt: skip
        raise ApiError(404, f"Path {path} not found.", "COMMON_NOT_FOUND")

    # -- requests ---------------------------------------------------------------------------
    def _create(self, body: Any) -> dict:
        if not isinstance(body, dict) or not isinstance(body.get("processRequest"), dict):
            raise ApiError(400, "`processRequest` must be specified.")
        grid = body.get("tilingGrid")
        if grid is None and "tilingGridId" in body:
            grid = {"id": body["tilingGridId"], "resolution": body.get("resolution")}
        if not isinstance(grid, dict) or "id" not in grid or "resolution" not in grid:
            raise ApiError(400, "`tilingGrid` with `id` and `resolution` must be specified.")
        if grid["id"] not in GRIDS:
            raise ApiError(400, f"Tiling grid {grid['id']!r} does not exist.")
        name, _size, resolutions, _unit = GRIDS[grid["id"]]
        if not any(abs(float(grid["resolution"]) - r) < 1e-9 for r in resolutions):
            raise ApiError(400, f"Resolution {grid['resolution']} is not supported by the {name}.")
        output = body.get("output")
        if output is None and body.get("bucketName"):
            output = {"defaultTilePath": f"s3://{body['bucketName']}/<requestId>/<tileName>/"
                      "<outputId>.tiff"}  # fmt: skip
        if not isinstance(output, dict) or not output.get("defaultTilePath"):
            raise ApiError(400, "`output.defaultTilePath` or `bucketName` must be specified.")
        path = str(output["defaultTilePath"])
        if not path.startswith("s3://") or "<tileName>" not in path or "<outputId>" not in path:
            raise ApiError(
                400, "`output.defaultTilePath` must be an s3:// path with <tileName> and "
                "<outputId>."
            )  # fmt: skip
        bucket = path[5:].split("/", 1)[0]
        if self.buckets is not None and bucket not in self.buckets:
            raise ApiError(
                400, f"Sentinel Hub cannot write to the bucket {bucket}: its policy does not "
                "allow it.", "COMMON_BAD_PAYLOAD"
            )  # fmt: skip
        process = body["processRequest"]
        responses = ((process.get("output") or {}).get("responses")) or []
        if output.get("cogOutput") and any(
            (r.get("format") or {}).get("type") != "image/tiff" for r in responses
        ):
            raise ApiError(400, "COG output needs image/tiff responses.")
        probe = dict(process, output=dict(process.get("output") or {}, width=2500, height=2500))
        try:
            validate(probe, "application/tar", self.byoc_ids, self.deployment)
        except ApiError as exc:  # the tiles have their own pixel size: only that may differ
            if "meters per pixel" not in exc.message:
                raise
        bbox, _crs, epsg, _lonlat, geometry = _bounds(process["input"])
        record = {
            "id": str(uuid.uuid4()),
            "created": _now(),
            "body": body,
            "grid": grid,
            "output": dict(output),
            "status": "CREATED",
            "userAction": "NONE",
            "tiles": [],
            "autostart": False,
            "error": "",
            "bounds": (bbox, epsg, geometry),
        }
        with self._process_batch_lock:
            self.batches[record["id"]] = record
            self._order.insert(0, record["id"])
        return self._public(record)

    def _find(self, request_id: str) -> dict:
        with self._process_batch_lock:
            record = self.batches.get(request_id)
        if record is None:
            raise ApiError(404, f"Batch request {request_id} not found.", "COMMON_NOT_FOUND")
        return record

    def _list(self, query: dict) -> dict:
        with self._process_batch_lock:
            ids = list(self._order)
        start = int(query.get("viewtoken") or 0)
        page = ids[start : start + self.page_size]
        links: dict = {"currentToken": str(start)}
        if start + self.page_size < len(ids):
            links["nextToken"] = str(start + self.page_size)
        return {"data": [self._public(self.batches[i]) for i in page], "links": links}

    def _action(self, record: dict, action: str) -> None:
        with self._process_batch_lock:
            status = record["status"]
            if action == "analyse":
                if status != "CREATED":
                    raise ApiError(400, f"A request in status {status} cannot be analysed.")
                record.update(status="ANALYSING", userAction="ANALYSE")
            elif action == "start":
                if status == "CREATED":
                    record.update(status="ANALYSING", autostart=True)
                elif status == "ANALYSIS_DONE":
                    record["status"] = "PROCESSING"
                else:
                    raise ApiError(400, f"A request in status {status} cannot be started.")
                record["userAction"] = "START"
            elif action == "cancel":
                if status in ("DONE", "PARTIAL", "FAILED", "CANCELED"):
                    raise ApiError(400, f"A request in status {status} cannot be cancelled.")
                record.update(status="CANCELED", userAction="CANCEL")
            elif action == "restartpartial":
                if status != "PARTIAL":
                    raise ApiError(400, "Only a PARTIAL request can be restarted.")
                for tile in record["tiles"]:
                    if tile["status"] == "FAILED":
                        tile.update(status="PENDING", error="")
                record.update(status="PROCESSING", error="")
            record["userActionUpdated"] = _now()
        self._last_step = time.monotonic()

    # -- time -------------------------------------------------------------------------------
    def _batch_tick(self) -> None:
        if self.advance_seconds is None:
            return
        with self._tick_lock:  # one thread moves the clock; the others wait for it
            while time.monotonic() - self._last_step >= self.advance_seconds:
                self._last_step += self.advance_seconds
                self.advance_batches()

    def advance_batches(self, request_id: Optional[str] = None) -> None:
        """One step of every running request (or of ``request_id``)."""
        with self._process_batch_lock:
            records = [self.batches[request_id]] if request_id else list(self.batches.values())
        for record in records:
            self._batch_step(record)

    def _batch_step(self, record: dict) -> None:
        with self._process_batch_lock:
            if record["status"] == "ANALYSING":
                self._analyse(record)
                record["status"] = "PROCESSING" if record["autostart"] else "ANALYSIS_DONE"
                return
            if record["status"] != "PROCESSING":
                return
            pending = [t for t in record["tiles"] if t["status"] == "PENDING"]
        for tile in pending[: self.tiles_per_step]:
            try:
                if tile["id"] in self.failing_tiles:
                    raise RuntimeError("The evalscript failed on this tile (test server).")
                self._render(record, tile)
                tile["status"] = "PROCESSED"
            except Exception as exc:  # noqa: BLE001 - a failed tile is an outcome
                tile.update(status="FAILED", error=str(exc))
        with self._process_batch_lock:
            if record["status"] != "PROCESSING":
                return
            if any(t["status"] == "PENDING" for t in record["tiles"]):
                return
            failed = [t for t in record["tiles"] if t["status"] == "FAILED"]
            if not failed:
                record["status"] = "DONE"
            elif len(failed) == len(record["tiles"]):
                record.update(status="FAILED", error=failed[0]["error"])
            else:
                record.update(status="PARTIAL", error=f"{len(failed)} tile(s) failed.")

    def _analyse(self, record: dict) -> None:
        bbox, epsg, geometry = record["bounds"]
        grid_id, resolution = record["grid"]["id"], float(record["grid"]["resolution"])
        _name, size, _res, unit = GRIDS[grid_id]
        area = _area_geometry(bbox, epsg, geometry)
        centre = area.Centroid()
        lonlat = _transform(centre.Clone(), epsg, 4326)
        if unit == "DEGREE":
            out_epsg = 4326
        elif grid_id in (6, 7):
            out_epsg = 3035
        else:
            lon, lat = lonlat.GetX(), lonlat.GetY()
            out_epsg = (32600 if lat >= 0 else 32700) + int((lon + 180) // 6) + 1
        projected = _transform(area.Clone(), epsg, out_epsg)
        x0, x1, y0, y1 = projected.GetEnvelope()
        tiles = []
        n = 0
        for col in range(int(x0 // size), int(x1 // size) + 1):
            for row in range(int(y0 // size), int(y1 // size) + 1):
                box = (col * size, row * size, (col + 1) * size, (row + 1) * size)
                if not projected.Intersects(_box(box)):
                    continue
                tiles.append(
                    {
                        "id": n,
                        "name": f"{out_epsg}_{col}_{row}",
                        "bbox": box,
                        "epsg": out_epsg,
                        "status": "PENDING",
                        "error": "",
                        "cost": 0.0,
                    }  # fmt: skip
                )
                n += 1
        pixels = int(round(size / resolution))
        cost = 0.0
        for tile in tiles:
            tile["cost"] = processing_units(self._tile_request(record, tile, pixels))
            cost += tile["cost"]
        record.update(tiles=tiles, tileCount=len(tiles), valueEstimate=round(cost, 3),
                      tileWidthPx=pixels, tileHeightPx=pixels)  # fmt: skip

    def _tile_request(self, record: dict, tile: dict, pixels: int, responses=None):
        process = record["body"]["processRequest"]
        crs = f"http://www.opengis.net/def/crs/EPSG/0/{tile['epsg']}"
        bounds: dict = {"bbox": list(tile["bbox"]), "properties": {"crs": crs}}
        if tile["epsg"] == 4326:
            bounds["properties"]["crs"] = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
        out = dict(process.get("output") or {}, width=pixels, height=pixels)
        if responses is not None:
            out["responses"] = responses
        body = {"input": {"bounds": bounds, "data": process["input"]["data"]},
                "output": out, "evalscript": process["evalscript"]}  # fmt: skip
        accept = "image/tiff" if len(out["responses"]) == 1 else "application/tar"
        return validate(body, accept, self.byoc_ids, self.deployment)

    def _render(self, record: dict, tile: dict) -> None:
        pixels = int(record["tileWidthPx"])
        responses = record["body"]["processRequest"]["output"]["responses"]
        client = self.s3_client(*self.s3_keys)
        for response in responses:
            req = self._tile_request(record, tile, pixels, [response])
            mask = data_mask(req, self.no_data_areas)
            image = render(req, mask, self.scenes)
            source = f"/vsimem/batch_{record['id']}_{tile['id']}.tif"
            target = source.replace(".tif", "_cog.tif")
            gdal.FileFromMemBuffer(source, image)
            try:
                gdal.Translate(target, source, format="COG")
                handle = gdal.VSIFOpenL(target, "rb")
                gdal.VSIFSeekL(handle, 0, 2)
                length = gdal.VSIFTellL(handle)
                gdal.VSIFSeekL(handle, 0, 0)
                data = gdal.VSIFReadL(1, length, handle)
                gdal.VSIFCloseL(handle)
            finally:
                gdal.Unlink(source)
                gdal.Unlink(target)
            path = (
                record["output"]["defaultTilePath"]
                .replace("<requestId>", record["id"])
                .replace("<tileName>", tile["name"])
                .replace("<outputId>", response["identifier"])
            )
            bucket, key = path[5:].split("/", 1)
            client.put_object(Bucket=bucket, Key=key, Body=bytes(data))
            self.processing_units_spent += processing_units(req)

    # -- JSON -------------------------------------------------------------------------------
    def _public(self, record: dict) -> dict:
        body = record["body"]
        found = {
            "id": record["id"],
            "userId": "00000000-0000-0000-0000-00000000aaaa",
            "accountId": "00000000-0000-0000-0000-00000000bbbb",
            "created": record["created"],
            "processRequest": body["processRequest"],
            "tilingGrid": record["grid"],
            "output": record["output"],
            "description": body.get("description", ""),
            "userAction": record["userAction"],
            "status": record["status"],
        }
        for key in ("valueEstimate", "tileCount", "tileWidthPx", "tileHeightPx",
                    "userActionUpdated"):  # fmt: skip
            if key in record:
                found[key] = record[key]
        if record["error"]:
            found["error"] = record["error"]
        return found

    @staticmethod
    def _tile_json(record: dict, tile: dict) -> dict:
        x0, y0, x1, y1 = tile["bbox"]
        found = {
            "id": tile["id"],
            "requestId": record["id"],
            "origin": {
                "type": "Point",
                "coordinates": [x0, y0],
                "crs": {
                    "type": "name",
                    "properties": {"name": f"urn:ogc:def:crs:EPSG::{tile['epsg']}"},
                },
            },  # fmt: skip
            "status": tile["status"],
            "cost": tile["cost"],
        }
        if tile["error"]:
            found["error"] = tile["error"]
        return found


def _grid_json(grid_id: int) -> dict:
    name, size, resolutions, unit = GRIDS[grid_id]
    return {
        "id": grid_id,
        "name": name,
        "properties": {
            "tileWidth": size,
            "tileHeight": size,
            "resolutions": list(resolutions),
            "unit": unit,
        },  # fmt: skip
    }


def _method(method: str) -> ApiError:
    return ApiError(405, f"Request method '{method}' not supported", "COMMON_METHOD_NOT_ALLOWED")


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _transform(geometry: ogr.Geometry, source: int, target: int) -> ogr.Geometry:
    if source != target:
        geometry.Transform(osr.CoordinateTransformation(_srs(source), _srs(target)))
    return geometry


def _box(bbox: tuple) -> ogr.Geometry:
    x0, y0, x1, y1 = bbox
    return ogr.CreateGeometryFromJson(json.dumps({"type": "Polygon", "coordinates": [
        [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}))  # fmt: skip


def _area_geometry(bbox: tuple, epsg: int, geometry: Optional[dict]) -> ogr.Geometry:
    if geometry:
        return ogr.CreateGeometryFromJson(json.dumps(geometry)).Intersection(_box(bbox))
    return _box(bbox)


__all__ = ["BATCH_PATH", "GRIDS", "BatchProcessServer", "parse_crs"]
