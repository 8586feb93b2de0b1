"""Sending Batch Statistical requests (seed 001, paths under ``/api/v1/statistics/batch``).

Pure Python. The calls go through the Process API client (:class:`ProcessClient`: the same
Sentinel Hub account, the shared throttle on 429 with Retry-After in milliseconds, retries
of server errors) and every failure is a :class:`ProcessError` whose ``str()`` is a sentence.

An account whose plan has no Batch Statistical is answered 403 (the API is "only available
for enterprise users", docs.sentinel-hub.com/api/latest/api/batch-statistical): that
answer becomes :class:`BatchStatisticalNotAllowed`, so that the caller can compute the
statistics with one Statistical request per polygon instead.

The request body carries S3 keys when the user lets Sentinel Hub use the bucket's keys:
:func:`redacted` is the body as it may be shown or logged.
"""

from __future__ import annotations

import copy
from typing import Any, Optional, cast

from .batch_statistical import BatchStatisticalRequest, BatchStatisticalTask, batch_url, parse_task
from .errors import HttpError, InvalidResponse, NetworkError
from .http import IsCancelled, _never
from .process_client import ProcessClient, ProcessError, process_error

SECRET_FIELDS = ("accessKey", "secretAccessKey")
NOT_ALLOWED = (
    "This Sentinel Hub account may not use the Batch Statistical API (HTTP 403; it is "
    "offered to enterprise accounts only): the statistics are computed with one "
    "Statistical request per polygon instead."
)


class BatchStatisticalNotAllowed(ProcessError):
    """403 on the Batch Statistical API: the account's plan does not include it."""


def redacted(body: Any) -> Any:
    """A copy of a request (or task) body with every S3 access and secret key replaced by
    ``"***"``: what may go to a log or a message."""
    out = copy.deepcopy(body)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in SECRET_FIELDS and value:
                    node[key] = "***"
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(out)
    return out


def _refused(error: ProcessError) -> ProcessError:
    # Sentinel Hub says COMMON_INSUFFICIENT_PERMISSIONS both for a plan without the API and
    # for used-up processing units; only the latter carries processingUnitsLeft.
    if error.status == 403 and "processingUnitsLeft" not in error.details:
        return BatchStatisticalNotAllowed(
            NOT_ALLOWED,
            error.status,
            error.code,
            error.server_message,
            details=error.details,
        )
    if error.status == 404:
        return ProcessError(
            "Sentinel Hub does not know this batch statistical request (HTTP 404): it was "
            "deleted, or belongs to another account.",
            error.status,
            error.code,
            error.server_message,
            details=error.details,
        )
    return error


class BatchStatisticalClient:
    """create / get / status / analyse / start / stop of Batch Statistical requests."""

    def __init__(self, process: ProcessClient, endpoint_url: str) -> None:
        self.process = process
        self.endpoint_url = endpoint_url.rstrip("/")

    def _task(self, document: Any, url: str) -> BatchStatisticalTask:
        try:
            return parse_task(document)
        except ValueError:
            raise InvalidResponse(
                "Sentinel Hub did not answer with a batch statistical request (no id and status).",
                details=f"{url}: {str(redacted(document))[:200]}",
            ) from None

    def _post(self, url: str, body: Optional[dict], is_cancelled: IsCancelled) -> Any:
        try:
            return self.process.post(url, cast(Any, body), "application/json", is_cancelled)
        except ProcessError as error:
            raise _refused(error) from None

    def _get(self, url: str, is_cancelled: IsCancelled) -> BatchStatisticalTask:
        try:
            response = self.process.http.request(
                "GET", url, headers={"Accept": "application/json"}, is_cancelled=is_cancelled
            )
        except HttpError as exc:
            raise _refused(process_error(exc)) from None
        except NetworkError as exc:
            raise ProcessError(exc.message, details=exc.details) from None
        return self._task(response.json(), url)

    def create(
        self, request: BatchStatisticalRequest | dict, is_cancelled: IsCancelled = _never
    ) -> BatchStatisticalTask:
        """POST the request (201 BatchStatisticsTaskDto, status CREATED). Raises
        StatisticalProblem before sending, ProcessError after."""
        body = request.body() if isinstance(request, BatchStatisticalRequest) else request
        url = batch_url(self.endpoint_url)
        response = self._post(url, body, is_cancelled)
        return self._task(response.json(), url)

    def get(self, request_id: str, is_cancelled: IsCancelled = _never) -> BatchStatisticalTask:
        return self._get(batch_url(self.endpoint_url, request_id), is_cancelled)

    def status(self, request_id: str, is_cancelled: IsCancelled = _never) -> BatchStatisticalTask:
        return self._get(batch_url(self.endpoint_url, request_id, "status"), is_cancelled)

    def action(self, request_id: str, action: str, is_cancelled: IsCancelled = _never) -> None:
        """POST ``analyse``, ``start`` or ``stop`` (204, no body either way)."""
        self._post(batch_url(self.endpoint_url, request_id, action), None, is_cancelled)

    def analyse(self, request_id: str, is_cancelled: IsCancelled = _never) -> None:
        self.action(request_id, "analyse", is_cancelled)

    def start(self, request_id: str, is_cancelled: IsCancelled = _never) -> None:
        self.action(request_id, "start", is_cancelled)

    def stop(self, request_id: str, is_cancelled: IsCancelled = _never) -> None:
        self.action(request_id, "stop", is_cancelled)
