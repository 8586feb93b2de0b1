"""Sentinel Hub Batch Statistical API: request bodies and task states (pure, nothing sent).

Shapes from seed 001 (``BatchStatisticalRequest``, ``BatchStatisticalInput``,
``BatchStatisticalRequestAggregation``, ``ObjectStorageOutputInfo``, ``BatchStatisticsTaskDto``)
and the CDSE OpenAPI it is rendered from (paths under ``/api/v1/statistics/batch``)::

    POST /api/v1/statistics/batch                 -> 201 BatchStatisticsTaskDto
    GET  /api/v1/statistics/batch/{id}            -> BatchStatisticsTaskDto
    GET  /api/v1/statistics/batch/{id}/status     -> BatchStatisticsTaskStatusDto
    POST /api/v1/statistics/batch/{id}/analyse    -> 204
    POST /api/v1/statistics/batch/{id}/start      -> 204
    POST /api/v1/statistics/batch/{id}/stop       -> 204

The features are polygons in a GeoPackage on object storage (``input.features.s3``), the
results JSON files written to ``output.s3.url``: a plain S3 URL (one folder per request,
``<REQUEST_ID>/<ID>.json``) or a template with placeholders ``<REQUEST_ID>``, ``<ID>``,
``<IDENTIFIER>`` that "must contain ``<ID>`` or ``<IDENTIFIER>``". The aggregation is the
Statistical API's (:mod:`statistical`), with ``evalscript`` or ``evalscriptReference``
("either this or ... is required").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Optional

from .statistical import StatisticalProblem, StatisticalRequest

BATCH_STATISTICS_PATH = "/api/v1/statistics/batch"

#: ``BatchStatisticsTaskStatusDto.status`` (seed 001 enum, in its order).
STATUSES = (
    "CREATED",
    "ANALYSING",
    "ANALYSIS_DONE",
    "PROCESSING",
    "DONE",
    "FAILED",
    "STOPPED",
    "PARTIAL",
)
USER_ACTIONS = ("NONE", "ANALYSE", "START", "STOP")  # BatchStatisticsTaskDto.userAction
STOPPED_REASONS = ("OUT_OF_PU", "USER_ACTION")  # stoppedStatusReason
#: States in which the service is working on the request.
RUNNING = frozenset({"ANALYSING", "PROCESSING"})
#: States in which nothing runs until the user acts (analyse or start).
WAITING = frozenset({"CREATED", "ANALYSIS_DONE"})
#: States in which nothing runs any more.
ENDED = frozenset({"DONE", "FAILED", "STOPPED", "PARTIAL"})
_PLACEHOLDER = re.compile(r"<[A-Z_]+>")
PLACEHOLDERS = ("<REQUEST_ID>", "<ID>", "<IDENTIFIER>")


def batch_url(base: str, request_id: str = "", action: str = "") -> str:
    """``/api/v1/statistics/batch[/{id}[/status|analyse|start|stop]]`` on ``base``."""
    url = base.rstrip("/") + BATCH_STATISTICS_PATH
    if request_id:
        url += f"/{request_id}"
        if action:
            if action not in ("status", "analyse", "start", "stop"):
                raise ValueError(f"unknown batch statistical action {action!r}")
            url += f"/{action}"
    return url


@dataclass(frozen=True)
class S3Location:
    """``ObjectStorageInfo`` / ``S3BucketInfoTemplated``: a URL and optional access keys
    (or an IAM role); the secret never shows in ``repr``."""

    url: str
    access_key: str = ""
    secret_access_key: str = field(default="", repr=False)
    iam_role_arn: str = ""
    region: str = ""  # only for the output location

    def body(self, with_region: bool = False) -> dict[str, str]:
        out = {"url": self.url}
        if self.iam_role_arn:
            out["iamRoleARN"] = self.iam_role_arn
        if self.access_key:
            out["accessKey"] = self.access_key
        if self.secret_access_key:
            out["secretAccessKey"] = self.secret_access_key
        if with_region and self.region:
            out["region"] = self.region
        return out


def output_url_problem(url: str) -> Optional[str]:
    """Why ``output.s3.url`` would be refused, as a sentence; None when it is fine."""
    if not url.startswith("s3://"):
        return f"The output location {url!r} is not an S3 URL (s3://bucket/folder)."
    found = _PLACEHOLDER.findall(url)
    unknown = [p for p in found if p not in PLACEHOLDERS]
    if unknown:
        return (
            f"The output location uses {', '.join(unknown)}, which is not a placeholder of "
            f"the Batch Statistical API ({', '.join(PLACEHOLDERS)})."
        )
    if found and "<ID>" not in found and "<IDENTIFIER>" not in found:
        return (
            "A templated output location must contain <ID> or <IDENTIFIER>, so that each "
            "feature gets its own file."
        )
    return None


@dataclass(frozen=True)
class BatchStatisticalRequest:
    """A Batch Statistical request: the features' GeoPackage, the data and aggregation of
    ``statistics`` (its bounds are not used: the features are the areas), the output."""

    features: S3Location
    output: S3Location
    statistics: StatisticalRequest
    evalscript_reference: Optional[S3Location] = None

    def problems(self) -> list[str]:
        out = []
        if not self.features.url.startswith("s3://"):
            out.append(f"The features {self.features.url!r} are not on S3 (s3://...gpkg).")
        problem = output_url_problem(self.output.url)
        if problem:
            out.append(problem)
        if self.evalscript_reference is None and not self.statistics.evalscript.strip():
            out.append("Give an evalscript or a reference to one on S3 (evalscriptReference).")
        # The bounds of the single request do not apply; the rest of its checks do.
        area_free = [
            p for p in self.statistics.problems() if "needs an area" not in p and "area is" not in p
        ]
        if self.evalscript_reference is not None:
            area_free = [p for p in area_free if "dataMask" not in p]
        return out + area_free

    def body(self) -> dict[str, Any]:
        found = self.problems()
        if found:
            raise StatisticalProblem(" ".join(found))
        stats = self.statistics
        aggregation = stats.aggregation_body(with_evalscript=self.evalscript_reference is None)
        if self.evalscript_reference is not None:
            aggregation["evalscriptReference"] = {"s3": self.evalscript_reference.body()}
        body: dict[str, Any] = {
            "input": {
                "features": {"s3": self.features.body()},
                "data": [dict(d) for d in stats.data],
            },
            "aggregation": aggregation,
        }
        calculations = stats.calculations_body()
        if calculations:
            body["calculations"] = calculations
        body["output"] = {"s3": self.output.body(with_region=True)}
        return body


@dataclass(frozen=True)
class BatchStatisticalTask:
    """``BatchStatisticsTaskStatusDto`` (+ the DTO's userAction)."""

    id: str
    status: str
    error: str = ""
    completion: Optional[float] = None  # completionPercentage
    cost_pu: Optional[float] = None
    created: Optional[datetime] = None
    last_updated: Optional[datetime] = None
    stopped_reason: str = ""
    user_action: str = ""
    request: Optional[dict] = None

    @property
    def running(self) -> bool:
        return self.status in RUNNING

    @property
    def waiting(self) -> bool:
        return self.status in WAITING

    @property
    def ended(self) -> bool:
        return self.status in ENDED

    def describe(self) -> str:
        """One sentence for the user."""
        text = {
            "CREATED": "Created: not analysed or started yet.",
            "ANALYSING": "Being analysed.",
            "ANALYSIS_DONE": "Analysed: waiting to be started.",
            "PROCESSING": "Processing",
            "DONE": "Done.",
            "FAILED": "Failed",
            "STOPPED": "Stopped",
            "PARTIAL": "Partly done: some features failed.",
        }.get(self.status, f"Status {self.status}.")
        if self.status == "PROCESSING" and self.completion is not None:
            text += f" ({self.completion:g} %)."
        elif self.status == "PROCESSING":
            text += "."
        if self.status == "STOPPED":
            reason = {
                "OUT_OF_PU": "the account ran out of processing units",
                "USER_ACTION": "stopped by the user",
            }.get(self.stopped_reason, "")
            text += f": {reason}." if reason else "."
        if self.status == "FAILED":
            text += f": {self.error}" if self.error else "."
        if self.cost_pu is not None and self.status in ENDED:
            text += f" Cost: {self.cost_pu:g} PU."
        return text


def _time(value: Any) -> Optional[datetime]:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _float(value: Any) -> Optional[float]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def parse_task(document: Any) -> BatchStatisticalTask:
    """A ``BatchStatisticsTaskDto`` or ``...StatusDto`` answer; ValueError if it is neither."""
    if not isinstance(document, dict) or not document.get("id") or "status" not in document:
        raise ValueError("not a batch statistical task: it has no id and status")
    status = str(document["status"])
    return BatchStatisticalTask(
        id=str(document["id"]),
        status=status,
        error=str(document.get("error") or ""),
        completion=_float(document.get("completionPercentage")),
        cost_pu=_float(document.get("costPu")),
        created=_time(document.get("created")),
        last_updated=_time(document.get("lastUpdated")),
        stopped_reason=str(document.get("stoppedStatusReason") or ""),
        user_action=str(document.get("userAction") or ""),
        request=document.get("request") if isinstance(document.get("request"), dict) else None,
    )
