"""A local Sentinel Hub Async Process API (``/api/v1/async/process``) that delivers real
images to an S3 bucket (moto).

Built on :class:`tests.servers.sentinelhub.process_server.ProcessApiServer` (token check,
rate limit, processing units, faults, every request in ``server.requests``); any other
path goes to it, so the sandbox can combine it with the other Sentinel Hub servers::

    with S3Server() as s3, AsyncProcessApiServer(s3_endpoint=s3.endpoint) as sh:
        r = requests.post(sh.async_url, json=body)   # {"id": "...", "status": "RUNNING"}
        sh.finish(r.json()["id"])                    # or wait ``running_seconds``
        requests.get(f"{sh.async_url}/{id}")         # 404: ended (success or failure)

Seed 001: the body is a Process request whose ``output`` (``AsyncProcessRequestOutput``)
has ``delivery.s3`` {url, iamRoleARN | accessKey + secretAccessKey, region}; the answer is
``{"id", "status": "RUNNING"}``; ``GET /api/v1/async/process/{requestId}`` gives the status
while the request runs and 404 after it has ended, whether it succeeded or failed.

This server's own rules where the seed is silent (from Sentinel Hub's Async Process API
documentation, or ours):

* the image is rendered as the Process API server renders it (``render``), one object per
  response, written to ``<delivery url>/<request id>/<identifier>.<ext>``;
* width and height up to 10000 px (the synchronous limit is 2500); formats image/tiff,
  image/png and image/jpeg (no ``application/json``);
* a request without ``output.delivery.s3``, with a URL that is not ``s3://``, or with
  neither keys nor an IAM role is refused at once (400 COMMON_BAD_PAYLOAD, wording ours);
* the request runs ``running_seconds`` (status RUNNING), then the objects are written with
  the keys of the request, or with the keys of an IAM role listed in ``roles`` (ARN ->
  (access key, secret)); an unknown role, or keys the S3 API refuses, make the request fail
  silently: nothing is written and the status is 404, as for a success.
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
import uuid
from typing import Any, Optional

from tests.servers.sentinelhub.bucket_access import BucketAccessServer
from tests.servers.sentinelhub.collections import ApiError, bad_payload
from tests.servers.sentinelhub.process_server import UNAUTHORIZED
from tests.servers.sentinelhub.render import data_mask, processing_units, render
from tests.servers.sentinelhub.request import validate

__all__ = ["ASYNC_MAX_SIZE", "ASYNC_PATH", "AsyncProcessApiServer"]

ASYNC_PATH = "/api/v1/async/process"
ASYNC_MAX_SIZE = 10000
ASYNC_FORMATS = {"image/tiff": "tif", "image/png": "png", "image/jpeg": "jpg"}


@dataclasses.dataclass
class AsyncRequest:
    id: str
    body: dict  # as received (keys included: the tests look at them)
    objects: list  # (key, bytes)
    bucket: str
    delivery: dict
    started: float
    ended: bool = False
    delivered: bool = False
    failure: str = ""


class AsyncProcessApiServer(BucketAccessServer):
    """The Async Process API on ``ASYNC_PATH``, other paths as :class:`ProcessApiServer`.

    ``s3_endpoint``: the S3 API the results are written to (``http://127.0.0.1:PORT``).
    ``running_seconds``: how long a request stays RUNNING (None: until ``finish(id)``).
    ``roles``: the IAM roles this "Sentinel Hub" may assume, ARN -> (access key, secret).
    """

    def __init__(
        self,
        *,
        running_seconds: Optional[float] = 2.0,
        roles: Optional[dict] = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.running_seconds = running_seconds
        self.roles = dict(roles or {})
        self.async_requests: dict[str, AsyncRequest] = {}
        self._timers: list[threading.Timer] = []

    @property
    def async_url(self) -> str:
        return self.url.rstrip("/") + ASYNC_PATH

    def stop(self) -> None:
        for timer in self._timers:
            timer.cancel()
        super().stop()

    # -- the state machine -------------------------------------------------------------------
    def finish(self, request_id: str) -> AsyncRequest:
        """End a request now: write its objects (or fail), then its status is 404."""
        with self._lock:
            request = self.async_requests[request_id]
            if request.ended:
                return request
            request.ended = True
        try:
            self._deliver(request)
            request.delivered = True
        except Exception as exc:  # noqa: BLE001 - a failed delivery is a failed request
            request.failure = f"{type(exc).__name__}: {exc}"
        return request

    def _due(self, request: AsyncRequest) -> None:
        if self.running_seconds is None or request.ended:
            return
        if time.monotonic() - request.started >= self.running_seconds:
            self.finish(request.id)

    def _deliver(self, request: AsyncRequest) -> None:
        s3 = request.delivery
        if s3.get("accessKey"):
            key, secret = s3["accessKey"], s3.get("secretAccessKey", "")
        elif s3.get("iamRoleARN") in self.roles:
            key, secret = self.roles[s3["iamRoleARN"]]
        else:
            raise PermissionError(f"cannot assume the role {s3.get('iamRoleARN')!r}")
        client = self.s3_client(key, secret, s3.get("region") or "us-east-1")
        for object_key, payload in request.objects:
            client.put_object(Bucket=request.bucket, Key=object_key, Body=payload)

    # -- request handling --------------------------------------------------------------------
    def _answer(self, entry: dict) -> tuple:
        path = entry["path"].rstrip("/")
        if path != ASYNC_PATH and not path.startswith(ASYNC_PATH + "/"):
            return super()._answer(entry)
        if self.token_check is not None and not self.token_check(entry["headers"]):
            raise ApiError(401, UNAUTHORIZED, "COMMON_UNAUTHORIZED")
        if path == ASYNC_PATH:
            if entry["method"] != "POST":
                raise ApiError(
                    405,
                    f"Request method '{entry['method']}' not supported",
                    "COMMON_METHOD_NOT_ALLOWED",
                    headers={"Allow": "POST"},
                )
            self._check_rate()
            return self._submit(entry)
        if entry["method"] != "GET":
            raise ApiError(
                405,
                f"Request method '{entry['method']}' not supported",
                "COMMON_METHOD_NOT_ALLOWED",
                headers={"Allow": "GET"},
            )
        request_id = path[len(ASYNC_PATH) + 1 :]
        request = self.async_requests.get(request_id)
        if request is not None:
            self._due(request)
        if request is None or request.ended:
            raise ApiError(404, f"Request {request_id} not found.", "COMMON_NOT_FOUND")
        return self._json({"id": request.id, "status": "RUNNING"})

    @staticmethod
    def _json(document: dict) -> tuple:
        return 200, json.dumps(document).encode("utf-8"), "application/json", {}

    def _submit(self, entry: dict) -> tuple:
        body = self._body(entry)
        if not isinstance(body, dict):
            raise ApiError(400, "Request body must be a JSON object.")
        output = body.get("output")
        if not isinstance(output, dict):
            raise bad_payload("output", "`output` must be specified.")
        s3 = self._delivery(output)
        for i, response in enumerate(output.get("responses") or []):
            mime = ((response or {}).get("format") or {}).get("type", "image/png")
            if mime not in ASYNC_FORMATS:
                raise bad_payload(
                    f"output->responses->{i}->format->type",
                    f"Unsupported output format {mime!r} for the Async Process API: use "
                    f"{', '.join(ASYNC_FORMATS)}.",
                )
        plain = dict(body, output={k: v for k, v in output.items() if k != "delivery"})
        several = len(output.get("responses") or []) > 1
        accept = "application/tar" if several else None
        req = validate(plain, accept, self.byoc_ids, self.deployment, max_size=ASYNC_MAX_SIZE)
        mask = data_mask(req, self.no_data_areas)
        cost = processing_units(req)
        entry["processing_units"] = cost
        self._reserve(cost)
        request_id = str(uuid.uuid4())
        bucket, _, prefix = s3["url"][len("s3://") :].partition("/")
        prefix = prefix.strip("/")
        objects = []
        for identifier, mime in req.responses:
            one = dataclasses.replace(req, responses=[(identifier, mime)], content_type=mime)
            one.jpeg_quality, one.evalscript_text = req.jpeg_quality, req.evalscript_text
            payload = render(one, mask, self.scenes)
            name = f"{identifier}.{ASYNC_FORMATS[mime]}"
            objects.append(("/".join(p for p in (prefix, request_id, name) if p), payload))
        request = AsyncRequest(request_id, body, objects, bucket, s3, time.monotonic())
        with self._lock:
            self.async_requests[request_id] = request
        if self.running_seconds is not None:
            timer = threading.Timer(self.running_seconds, self._due, (request,))
            timer.daemon = True
            self._timers.append(timer)
            timer.start()
        entry["async_id"] = request_id
        return self._json({"id": request_id, "status": "RUNNING"})

    @staticmethod
    def _delivery(output: dict) -> dict:
        delivery = output.get("delivery")
        s3 = delivery.get("s3") if isinstance(delivery, dict) else None
        if not isinstance(s3, dict):
            raise bad_payload(
                "output->delivery",
                "`output.delivery.s3` must be specified: the Async Process API writes its "
                "results to a bucket.",
            )
        url = s3.get("url")
        if not isinstance(url, str) or not url.startswith("s3://") or len(url) <= len("s3://"):
            raise bad_payload(
                "output->delivery->s3->url", f"Invalid S3 URL {url!r}: use s3://bucket/path."
            )
        keys = bool(s3.get("accessKey")) and bool(s3.get("secretAccessKey"))
        if not keys and not s3.get("iamRoleARN"):
            raise bad_payload(
                "output->delivery->s3",
                "Access to the bucket is missing: give accessKey and secretAccessKey, or "
                "iamRoleARN.",
            )
        return s3
