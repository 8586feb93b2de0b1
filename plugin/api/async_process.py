"""Sentinel Hub Async Process API (seed 001): one Process request delivered to an S3 bucket.

``POST /api/v1/async/process`` takes the body of a Process request (``input``,
``evalscript``) whose ``output`` (``AsyncProcessRequestOutput``) also names where the
result goes::

    "output": {"width": 4000, "height": 3000,
               "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
               "delivery": {"s3": {"url": "s3://bucket/folder",
                                   "iamRoleARN": "..." | "accessKey": "...",
                                   "secretAccessKey": "...", "region": "..."}}}

and answers ``{"id": "<uuid>", "status": "RUNNING"}``. ``GET /api/v1/async/process/{id}``
gives the same shape while the request runs and 404 once it has ended, whether it
succeeded or failed (seed 001). The seed has no way to cancel a request.

Where seed 001 is silent, this module follows Sentinel Hub's Async Process API
documentation: the outputs are written to ``<delivery url>/<request id>/<identifier>.<ext>``,
an output may be up to 10000 x 10000 pixels (the synchronous API: 2500), and the formats
are TIFF, PNG and JPEG. Pure Python: the bucket is read by the caller (GDAL ``/vsis3/``).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from .errors import EOExplorerError, HttpError, InvalidResponse
from .http import HttpClient, IsCancelled, _never
from .process import ProcessJob
from .process_client import ProcessError, process_error
from .tiling import Tile

ASYNC_PATH = "/api/v1/async/process"
#: The largest side of an Async output in pixels (Sentinel Hub documentation; the seed is
#: silent). The synchronous Process API allows 2500.
ASYNC_MAX_PIXELS = 10000
#: The output formats of the Async API and the extension of the object each one writes.
ASYNC_FORMATS = {"image/tiff": "tif", "image/png": "png", "image/jpeg": "jpg"}
#: What replaces a key in anything logged or saved.
REDACTED = "(not shown)"
_SECRET_FIELDS = ("accessKey", "secretAccessKey")
_ARN = re.compile(r"arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+")


def async_url(base: str, request_id: str = "") -> str:
    url = base.rstrip("/") + ASYNC_PATH
    return f"{url}/{request_id}" if request_id else url


@dataclass(frozen=True)
class Delivery:
    """``output.delivery.s3``: the bucket folder, and an IAM role Sentinel Hub assumes or
    the bucket's keys (the secret never shows in ``repr``)."""

    url: str
    iam_role_arn: str = ""
    access_key: str = ""
    secret_access_key: str = field(default="", repr=False)
    region: str = ""

    @property
    def bucket(self) -> str:
        return self.url[len("s3://") :].split("/", 1)[0]

    @property
    def prefix(self) -> str:
        """The folder inside the bucket, without slashes at either end ("" for the root)."""
        return self.url[len("s3://") :].partition("/")[2].strip("/")

    def body(self) -> dict[str, Any]:
        s3: dict[str, Any] = {"url": self.url}
        if self.iam_role_arn:
            s3["iamRoleARN"] = self.iam_role_arn
        if self.access_key or self.secret_access_key:
            s3["accessKey"] = self.access_key
            s3["secretAccessKey"] = self.secret_access_key
        if self.region:
            s3["region"] = self.region
        return {"s3": s3}

    def result_url(self, request_id: str, identifier: str, mime: str = "image/tiff") -> str:
        """``s3://bucket/folder/<request id>/<identifier>.<ext>``."""
        folder = f"{self.bucket}/{self.prefix}" if self.prefix else self.bucket
        return f"s3://{folder}/{request_id}/{identifier}.{ASYNC_FORMATS[mime]}"


def folder_problem(url: str) -> Optional[str]:
    """Why ``url`` is not a bucket folder (s3://bucket/folder), as a sentence."""
    url = url.strip()
    if not url.startswith("s3://") or not Delivery(url).bucket:
        return f"The bucket folder {url!r} is not an S3 address: write it as s3://bucket/folder."
    return None


def role_problem(arn: str) -> Optional[str]:
    if arn and not _ARN.fullmatch(arn.strip()):
        return f"{arn!r} is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)."
    return None


def delivery_problem(delivery: Delivery) -> Optional[str]:
    """Why Sentinel Hub could not deliver there, as a sentence; None when it can."""
    problem = folder_problem(delivery.url) or role_problem(delivery.iam_role_arn)
    if problem:
        return problem
    if bool(delivery.access_key) != bool(delivery.secret_access_key):
        return "The bucket's access key and secret key go together: give both or neither."
    if not delivery.iam_role_arn and not delivery.access_key:
        return (
            "Sentinel Hub needs a way into the bucket: give an IAM role ARN it may assume, "
            "or tick the box that lets it use the bucket account's keys."
        )
    return None


def size_problem(width: int, height: int) -> Optional[str]:
    if width > ASYNC_MAX_PIXELS or height > ASYNC_MAX_PIXELS:
        return (
            f"The image is {width} x {height} px; the Async Process API makes at most "
            f"{ASYNC_MAX_PIXELS} x {ASYNC_MAX_PIXELS} px in one request. Choose a coarser "
            "resolution or a smaller area."
        )
    return None


def async_body(job: ProcessJob, delivery: Delivery, mime: str = "image/tiff") -> dict[str, Any]:
    """The Async request of the whole job in one request (ValueError with a sentence).

    The body is the Process request of the job's whole grid (``ProcessJob.body``), with
    ``output.delivery`` added."""
    problem = size_problem(job.grid.width, job.grid.height) or delivery_problem(delivery)
    if problem:
        raise ValueError(problem)
    if mime not in ASYNC_FORMATS:
        raise ValueError(f"The Async Process API writes {', '.join(ASYNC_FORMATS)}, not {mime}.")
    grid = job.grid
    whole = Tile(0, 0, 0, 0, 0, grid.width, grid.height, grid.bbox)
    body = job.body(whole)
    if body is None:
        raise ValueError("The area is empty: the polygon covers no pixel of the output.")
    for response in body["output"]["responses"]:
        response["format"] = {"type": mime}
    body["output"]["delivery"] = delivery.body()
    return body


def redacted(body: Any) -> Any:
    """A copy of a request body with the bucket's keys replaced: for logs and saved files."""
    out = copy.deepcopy(body)

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key in list(value):
                if key in _SECRET_FIELDS and value[key]:
                    value[key] = REDACTED
                else:
                    walk(value[key])
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(out)
    return out


@dataclass(frozen=True)
class AsyncStatus:
    """``{"id", "status"}``; ``status`` is "RUNNING" while it runs (the only documented
    value), None once the request has ended (the service answers 404)."""

    id: str
    status: Optional[str]

    @property
    def ended(self) -> bool:
        return self.status is None


def _status_of(payload: Any, url: str) -> AsyncStatus:
    if not isinstance(payload, dict) or not isinstance(payload.get("id"), str):
        raise InvalidResponse(
            f"{url} did not answer with an Async request ({{'id', 'status'}}).",
            details=repr(payload)[:500],
        )
    return AsyncStatus(payload["id"], str(payload.get("status") or "RUNNING"))


class AsyncClient:
    """The Async Process API of one endpoint, through its signed-in HTTP client."""

    def __init__(self, http: HttpClient, base_url: str) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")

    @property
    def url(self) -> str:
        return async_url(self.base_url)

    def submit(self, body: dict[str, Any], is_cancelled: IsCancelled = _never) -> AsyncStatus:
        """POST the request (never retried: a second POST would be a second request)."""
        try:
            response = self.http.request(
                "POST", self.url, json_body=body, idempotent=False, is_cancelled=is_cancelled
            )
        except HttpError as exc:
            raise _sentence(exc) from None
        return _status_of(response.json(), self.url)

    def status(self, request_id: str, is_cancelled: IsCancelled = _never) -> AsyncStatus:
        url = async_url(self.base_url, request_id)
        try:
            response = self.http.request("GET", url, is_cancelled=is_cancelled)
        except HttpError as exc:
            if exc.status == 404:
                return AsyncStatus(request_id, None)
            raise _sentence(exc) from None
        return _status_of(response.json(), url)


def _sentence(exc: HttpError) -> ProcessError:
    """Sentinel Hub's refusal in a sentence, with its code and hint; keys never in it."""
    error = process_error(exc)
    if error.details:
        error.details = re.sub(
            r'("(?:accessKey|secretAccessKey)"\s*:\s*)"[^"]*"', rf'\1"{REDACTED}"', error.details
        )
    return error


__all__ = [
    "ASYNC_FORMATS",
    "ASYNC_MAX_PIXELS",
    "ASYNC_PATH",
    "AsyncClient",
    "AsyncStatus",
    "Delivery",
    "EOExplorerError",
    "async_body",
    "async_url",
    "delivery_problem",
    "folder_problem",
    "role_problem",
    "redacted",
    "size_problem",
]
