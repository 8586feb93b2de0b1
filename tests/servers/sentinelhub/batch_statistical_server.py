"""A local Sentinel Hub Batch Statistical API (``/api/v1/statistics/batch``) that reads the
features' GeoPackage from S3 (moto), computes each feature's statistics with the Statistical
server's engine on the sandbox scenes, and writes one JSON file per feature to S3.

Paths and shapes from seed 001 (``BatchStatisticalRequest``, ``BatchStatisticsTaskDto``,
``BatchStatisticsTaskStatusDto``)::

    POST /api/v1/statistics/batch               -> 201 BatchStatisticsTaskDto (CREATED)
    GET  /api/v1/statistics/batch/{id}          -> 200 BatchStatisticsTaskDto
    GET  /api/v1/statistics/batch/{id}/status   -> 200 BatchStatisticsTaskStatusDto
    POST /api/v1/statistics/batch/{id}/analyse  -> 204
    POST /api/v1/statistics/batch/{id}/start    -> 204
    POST /api/v1/statistics/batch/{id}/stop     -> 204

The states and user actions follow the workflow of the Batch Statistical documentation
(docs.sentinel-hub.com/api/latest/api/batch-statistical): CREATED -(ANALYSE or START)->
ANALYSING -> ANALYSIS_DONE -(START)-> PROCESSING -> DONE; STOP -> STOPPED
(``stoppedStatusReason`` USER_ACTION); START from STOPPED resumes (analysing first when
the analysis had not ended); a failure -> FAILED with ``error``. START in CREATED
analyses first and then processes (the diagram's "START/ANALYSE" arrow). The service "is
only available for enterprise users": an account without it (``allowed=False``) gets 403
on every path.

Refused at creation (400 COMMON_BAD_PAYLOAD, seed 001 required fields): no ``input``,
no ``input.features.s3.url``, no ``input.data``, no ``aggregation`` with ``timeRange``,
``aggregationInterval`` and either ``evalscript`` or ``evalscriptReference``, no
``output.s3.url``, an output template without ``<ID>`` or ``<IDENTIFIER>``, URLs that are
not ``s3://``. An unknown id -> 404.

This server's own rules where the documents are silent (say so when they matter):
- the S3 access is that of the request: ``accessKey``/``secretAccessKey`` as given, or an
  ``iamRoleARN`` listed in ``iam_roles`` (ARN -> the keys the service would assume); with
  neither, or with keys the bucket refuses, the analysis FAILS with a sentence;
- the GeoPackage's first layer holds the features; an ``id`` column is required (analysis
  FAILS without it), ``identifier`` is optional;
- STOP is taken in CREATED, ANALYSING, ANALYSIS_DONE and PROCESSING; ANALYSE in any state
  but CREATED, START in ANALYSING, PROCESSING or an ended state but STOPPED, STOP in an
  ended state: 409 COMMON_CONFLICT;
- time: ``advance_every`` seconds per step (0: one step at each GET of a request; None:
  only :meth:`advance` by hand). A step is: ANALYSING -> ANALYSIS_DONE (or PROCESSING
  after START), or ``features_per_step`` features processed;
- each feature's file is ``{"id", "identifier", "response": {"data": [...]}}``, ``data``
  the StatisticalResponse of that feature (``<REQUEST_ID>/<ID>.json`` under a plain URL,
  else the template with its placeholders replaced); a feature whose statistics fail
  gets ``"response": {"error": ...}`` and the request ends PARTIAL;
- ``costPu`` is the processing units of the features' Statistical requests.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from tests.servers.common.recording import RecordingHandler
from tests.servers.sentinelhub.bucket_access import BucketAccessServer
from tests.servers.sentinelhub.collections import ApiError, bad_payload, error_body
from tests.servers.sentinelhub.process_server import UNAUTHORIZED
from tests.servers.sentinelhub.render import processing_units
from tests.servers.sentinelhub.statistical_server import (
    interval_statistics,
    validate_statistical,
)

__all__ = ["BATCH_STATISTICS_PATH", "BatchStatisticalApiServer"]

BATCH_STATISTICS_PATH = "/api/v1/statistics/batch"
NOT_ALLOWED = "Batch Statistical API is not available for your account."
_ACTION = re.compile(r"^/api/v1/statistics/batch/([^/]+)(?:/(status|analyse|start|stop))?/?$")
_PLACEHOLDER = re.compile(r"<[A-Z_]+>")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class Feature:
    id: Any
    identifier: Any
    geometry: dict
    crs: str


@dataclass
class BatchTask:
    id: str
    request: dict
    status: str = "CREATED"
    user_action: str = "NONE"
    error: str = ""
    stopped_reason: str = ""
    created: str = field(default_factory=_now)
    last_updated: str = field(default_factory=_now)
    user_action_updated: str = ""
    cost: float = 0.0
    features: list[Feature] = field(default_factory=list)
    done: int = 0
    failed: int = 0
    last_step: float = field(default_factory=time.monotonic)
    history: list[str] = field(default_factory=lambda: ["CREATED"])

    @property
    def completion(self) -> float:
        if not self.features:
            return 0.0
        return round(100.0 * self.done / len(self.features), 2)

    def status_dto(self) -> dict:
        dto: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "completionPercentage": self.completion,
            "lastUpdated": self.last_updated,
            "costPu": round(self.cost, 6),
            "created": self.created,
        }
        if self.error:
            dto["error"] = self.error
        if self.stopped_reason:
            dto["stoppedStatusReason"] = self.stopped_reason
        return dto

    def dto(self) -> dict:
        out = self.status_dto()
        out.update(
            {
                "request": self.request,
                "userAction": self.user_action,
                "userActionUpdated": self.user_action_updated or self.created,
            }
        )
        return out

    def move(self, status: str) -> None:
        self.status = status
        self.last_updated = _now()
        self.history.append(status)


def _s3_url(value: Any, parameter: str) -> str:
    if not isinstance(value, dict) or not isinstance(value.get("s3"), dict):
        raise bad_payload(parameter, f"`{parameter.replace('->', '.')}.s3` must be specified.")
    url = value["s3"].get("url")
    if not isinstance(url, str) or not url:
        raise bad_payload(f"{parameter}->s3->url", "`url` must be specified.")
    if not url.startswith("s3://"):
        raise bad_payload(f"{parameter}->s3->url", f"{url!r} is not an s3:// URL.")
    return url


def validate_batch(body: Any) -> None:
    """Seed 001's required fields of a BatchStatisticalRequest; ApiError (400) if missing."""
    if not isinstance(body, dict):
        raise ApiError(400, "Request body must be a JSON object.")
    inp = body.get("input")
    if not isinstance(inp, dict):
        raise bad_payload("input", "`input` must be specified.")
    _s3_url(inp.get("features"), "input->features")
    if not isinstance(inp.get("data"), list) or not inp["data"]:
        raise bad_payload("input->data", "`input.data` must be specified.")
    agg = body.get("aggregation")
    if not isinstance(agg, dict):
        raise bad_payload("aggregation", "`aggregation` must be specified.")
    for key in ("timeRange", "aggregationInterval"):
        if not isinstance(agg.get(key), dict):
            raise bad_payload(f"aggregation->{key}", f"`aggregation.{key}` must be specified.")
    has_script = isinstance(agg.get("evalscript"), str) and agg["evalscript"].strip()
    if not has_script and "evalscriptReference" not in agg:
        raise bad_payload(
            "aggregation->evalscript",
            "Either `evalscript` or `evalscriptReference` must be specified.",
        )
    if "evalscriptReference" in agg:
        _s3_url(agg["evalscriptReference"], "aggregation->evalscriptReference")
    if ("width" in agg or "height" in agg) and ("resx" in agg or "resy" in agg):
        raise bad_payload(
            "aggregation", "Only one pair of parameters width/height or resx/resy can be set."
        )
    url = _s3_url(body.get("output"), "output")
    found = _PLACEHOLDER.findall(url)
    unknown = [p for p in found if p not in ("<REQUEST_ID>", "<ID>", "<IDENTIFIER>")]
    if unknown:
        raise bad_payload("output->s3->url", f"Unknown placeholder {unknown[0]} in the url.")
    if found and "<ID>" not in found and "<IDENTIFIER>" not in found:
        raise bad_payload("output->s3->url", "The url template must contain <ID> or <IDENTIFIER>.")


def _split(url: str) -> tuple[str, str]:
    bucket, _, key = url[len("s3://") :].partition("/")
    return bucket, key


def output_key(url: str, request_id: str, feature: Feature) -> tuple[str, str]:
    """(bucket, key) of a feature's JSON: ``<url>/<REQUEST_ID>/<ID>.json`` or the template."""
    if _PLACEHOLDER.search(url):
        full = (
            url.replace("<REQUEST_ID>", request_id)
            .replace("<ID>", str(feature.id))
            .replace("<IDENTIFIER>", str(feature.identifier if feature.identifier else ""))
        )
        return _split(full)
    bucket, prefix = _split(url.rstrip("/"))
    return bucket, "/".join(p for p in (prefix, request_id, f"{feature.id}.json") if p)


class BatchStatisticalApiServer(BucketAccessServer):
    """Batch Statistical on ``BATCH_STATISTICS_PATH`` (other paths: the parent's API).

    ``s3_endpoint``: the S3 API the service reads and writes (moto). ``iam_roles``: ARN ->
    (access key, secret key). ``allowed``: False answers 403 (no Batch Statistical on the
    account). ``scenes`` is required to process (the statistics are the scenes' pixels)."""

    def __init__(
        self,
        *,
        iam_roles: Optional[Mapping[str, tuple[str, str]]] = None,
        allowed: bool = True,
        advance_every: Optional[float] = None,
        features_per_step: int = 1,
        **kw: Any,
    ) -> None:
        super().__init__(**kw)
        self.iam_roles = dict(iam_roles or {})
        self.allowed = allowed
        self.advance_every = advance_every
        self.features_per_step = max(1, features_per_step)
        self.batch_tasks: dict[str, BatchTask] = {}
        self.read_features: dict[str, list[Feature]] = {}  # what each analysis read
        self._batch_lock = threading.RLock()

    @property
    def batch_url(self) -> str:
        return self.url.rstrip("/") + BATCH_STATISTICS_PATH

    # -- HTTP --------------------------------------------------------------------------------
    def respond(self, handler: RecordingHandler, entry: dict) -> None:
        path = entry["path"].rstrip("/")
        if path != BATCH_STATISTICS_PATH and not path.startswith(BATCH_STATISTICS_PATH + "/"):
            return super().respond(handler, entry)
        try:
            status, doc = self._batch(entry)
        except ApiError as exc:
            status, doc = exc.status, exc.body()
            entry["status"] = status
            return handler.send_json(status, doc, exc.headers)
        except Exception as exc:  # noqa: BLE001 - a bug here: an internal error answer
            status, doc = 500, error_body(500, f"{type(exc).__name__}: {exc}", "COMMON_EXCEPTION")
        entry["status"] = status
        if status == 204:
            return handler.send(204, b"", None)
        return handler.send_json(status, doc)

    def _batch(self, entry: dict) -> tuple[int, Any]:
        if self.token_check is not None and not self.token_check(entry["headers"]):
            raise ApiError(401, UNAUTHORIZED, "COMMON_UNAUTHORIZED")
        self._check_rate()
        if not self.allowed:
            raise ApiError(403, NOT_ALLOWED, "COMMON_INSUFFICIENT_PERMISSIONS")
        method, path = entry["method"], entry["path"].rstrip("/")
        if path == BATCH_STATISTICS_PATH:
            if method != "POST":
                raise ApiError(
                    405, f"Request method '{method}' not supported", "COMMON_METHOD_NOT_ALLOWED"
                )
            body = self._body(entry)
            validate_batch(body)
            task = BatchTask(str(uuid.uuid4()), body)
            with self._batch_lock:
                self.batch_tasks[task.id] = task
            return 201, task.dto()
        match = _ACTION.match(path)
        if match is None:
            raise ApiError(404, f"Path {entry['path']} not found.", "COMMON_NOT_FOUND")
        request_id, action = match.group(1), match.group(2) or ""
        with self._batch_lock:
            task = self.batch_tasks.get(request_id)
            if task is None:
                raise ApiError(
                    404, f"Batch statistical request {request_id} not found.", "COMMON_NOT_FOUND"
                )
            wanted = "GET" if action in ("", "status") else "POST"
            if method != wanted:
                raise ApiError(
                    405, f"Request method '{method}' not supported", "COMMON_METHOD_NOT_ALLOWED"
                )
            if action in ("", "status"):
                self._tick(task)
                return 200, task.dto() if action == "" else task.status_dto()
            self._act(task, action)
            return 204, None

    def _act(self, task: BatchTask, action: str) -> None:
        status = task.status
        if action == "analyse" and status == "CREATED":
            task.move("ANALYSING")
        elif action == "start" and status in ("CREATED", "ANALYSIS_DONE", "STOPPED"):
            analysed = task.id in self.read_features
            task.move("PROCESSING" if analysed else "ANALYSING")
            task.stopped_reason = ""
        elif action == "stop" and status in ("ANALYSING", "PROCESSING", "CREATED", "ANALYSIS_DONE"):
            task.move("STOPPED")
            task.stopped_reason = "USER_ACTION"
        else:
            raise ApiError(
                409,
                f"Cannot {action} a batch statistical request in status {status}.",
                "COMMON_CONFLICT",
            )
        task.user_action = action.upper()
        task.user_action_updated = _now()
        task.last_step = time.monotonic()

    # -- time --------------------------------------------------------------------------------
    def _tick(self, task: BatchTask) -> None:
        if self.advance_every is None:
            return
        if self.advance_every == 0:
            self._step(task)
            return
        while task.status in ("ANALYSING", "PROCESSING"):
            if time.monotonic() - task.last_step < self.advance_every:
                return
            self._step(task)
            task.last_step += self.advance_every

    def advance(self, request_id: Optional[str] = None, steps: int = 1) -> None:
        """Move the request (every running request when None) ``steps`` steps on."""
        with self._batch_lock:
            tasks = (
                [self.batch_tasks[request_id]] if request_id else list(self.batch_tasks.values())
            )
            for _ in range(steps):
                for task in tasks:
                    self._step(task)

    def run_to_end(self, request_id: Optional[str] = None) -> None:
        with self._batch_lock:
            tasks = (
                [self.batch_tasks[request_id]] if request_id else list(self.batch_tasks.values())
            )
            for task in tasks:
                while task.status in ("ANALYSING", "PROCESSING"):
                    self._step(task)

    def _step(self, task: BatchTask) -> None:
        if task.status == "ANALYSING":
            try:
                task.features = self._read_features(task)
                self.read_features[task.id] = task.features
            except ApiError as exc:
                task.error = exc.message.strip()
                task.move("FAILED")
                return
            task.move("PROCESSING" if task.user_action == "START" else "ANALYSIS_DONE")
        elif task.status == "PROCESSING":
            for _ in range(self.features_per_step):
                if task.done >= len(task.features):
                    break
                self._process(task, task.features[task.done])
                task.done += 1
            task.last_updated = _now()
            if task.done >= len(task.features):
                if task.failed and task.failed == len(task.features):
                    task.error = "The statistics of every feature failed."
                    task.move("FAILED")
                else:
                    task.move("PARTIAL" if task.failed else "DONE")

    # -- S3 ----------------------------------------------------------------------------------
    def _s3(self, info: dict):
        key, secret = info.get("accessKey"), info.get("secretAccessKey")
        role = info.get("iamRoleARN")
        if role:
            if role not in self.iam_roles:
                raise ApiError(400, f"Sentinel Hub cannot assume the IAM role {role}.")
            key, secret = self.iam_roles[role]
        if not (key and secret):
            raise ApiError(
                400,
                f"No access to {info.get('url')}: give accessKey and secretAccessKey or "
                "iamRoleARN.",
            )
        return self.s3_client(key, secret, info.get("region") or "us-east-1")

    def _read_features(self, task: BatchTask) -> list[Feature]:
        from osgeo import ogr

        info = task.request["input"]["features"]["s3"]
        bucket, key = _split(info["url"])
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "features.gpkg"
            try:
                self._s3(info).download_file(bucket, key, str(path))
            except ApiError:
                raise
            except Exception as exc:  # noqa: BLE001 - boto3's errors: the request fails
                raise ApiError(400, f"Cannot read the features from {info['url']}: {exc}") from None
            source = ogr.Open(str(path))
            if source is None or source.GetLayerCount() == 0:
                raise ApiError(400, f"{info['url']} is not a GeoPackage with a layer of features.")
            layer = source.GetLayer(0)
            names = [
                layer.GetLayerDefn().GetFieldDefn(i).GetName()
                for i in range(layer.GetLayerDefn().GetFieldCount())
            ]
            if "id" not in names:
                raise ApiError(400, "The features' GeoPackage has no `id` column.")
            srs = layer.GetSpatialRef()
            epsg = 4326
            if srs is not None:
                srs.AutoIdentifyEPSG()
                epsg = int(srs.GetAuthorityCode(None) or 4326)
            crs = f"http://www.opengis.net/def/crs/EPSG/0/{epsg}"
            features = []
            for feature in layer:
                geometry = feature.GetGeometryRef()
                if geometry is None:
                    continue
                if epsg == 4326:  # GeoJSON order: longitude first
                    geometry.AssignSpatialReference(None)
                features.append(
                    Feature(
                        feature.GetField("id"),
                        feature.GetField("identifier") if "identifier" in names else None,
                        json.loads(geometry.ExportToJson()),
                        crs,
                    )
                )
            del source
        return features

    def _evalscript(self, task: BatchTask) -> str:
        agg = task.request["aggregation"]
        if isinstance(agg.get("evalscript"), str) and agg["evalscript"].strip():
            return agg["evalscript"]
        info = agg["evalscriptReference"]["s3"]
        bucket, key = _split(info["url"])
        return self._s3(info).get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")

    def statistics_of(self, task: BatchTask, feature: Feature) -> tuple[dict, float]:
        """The StatisticalResponse of one feature (the Statistical server's engine) and its
        processing units."""
        request = task.request
        agg = {k: v for k, v in request["aggregation"].items() if k != "evalscriptReference"}
        agg["evalscript"] = self._evalscript(task)
        body = {
            "input": {
                "bounds": {"geometry": feature.geometry, "properties": {"crs": feature.crs}},
                "data": request["input"]["data"],
            },
            "aggregation": agg,
        }
        if "calculations" in request:
            body["calculations"] = request["calculations"]
        call = validate_statistical(body, self.byoc_ids, self.deployment)
        if self.scenes is None:
            raise ApiError(500, "The statistics server has no scenes.", "RENDERER_EXCEPTION")
        data = []
        for start, end in call.intervals:
            found = interval_statistics(call, start, end, self.scenes, self.no_data_areas)
            if found is not None:
                data.append(found)
        return {"data": data}, processing_units(call.req) * max(1, len(call.intervals))

    def _process(self, task: BatchTask, feature: Feature) -> None:
        document: dict[str, Any] = {"id": feature.id, "identifier": feature.identifier}
        try:
            response, cost = self.statistics_of(task, feature)
            document["response"] = response
            task.cost += cost
        except ApiError as exc:
            task.failed += 1
            document["response"] = {"error": exc.body()["error"]}
        out = task.request["output"]["s3"]
        bucket, key = output_key(out["url"], task.id, feature)
        try:
            self._s3(out).put_object(
                Bucket=bucket, Key=key, Body=json.dumps(document).encode("utf-8")
            )
        except ApiError as exc:
            task.error = exc.message
            task.failed += 1
        except Exception as exc:  # noqa: BLE001 - boto3's errors: the feature fails
            task.error = f"Cannot write to {out['url']}: {exc}"
            task.failed += 1
