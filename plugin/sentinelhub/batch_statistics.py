"""Statistics of many polygons at once with Sentinel Hub's Batch Statistical API.

:func:`run_batch_statistics` does it all in the calling thread (a WorkflowTask's worker or
a Processing algorithm's), with no widget:

1. the polygons are written to a GeoPackage (GDAL/OGR) with the ``id`` column the API
   reads, in their own CRS;
2. the GeoPackage goes to the user's bucket folder through GDAL ``/vsis3/``, the bucket
   account's keys given to GDAL for that bucket only (:mod:`plugin.assets.s3`);
3. the request is created, analysed, started, and followed until DONE / PARTIAL / FAILED /
   STOPPED (the progress is the completion percentage); Cancel stops it on the service;
4. each feature's JSON (``<folder>/<run>/results/<REQUEST_ID>/<ID>.json``) is read back
   through ``/vsis3/`` and parsed with the Statistical API's parser.

Sentinel Hub reads and writes the bucket itself, so it needs access: an IAM role ARN (no
secret leaves QGIS), or the bucket account's keys in the request body, only when the user
said so (``share_keys``). Keys never appear in a log or a message (:func:`redacted`).

An account without Batch Statistical (403) ends with ``not_allowed``: the caller computes
the statistics with one Statistical request per polygon instead. The outcome's ``series``
is a list of (feature id, StatisticalResult), the shape of the one-polygon path.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from osgeo import gdal, ogr, osr

from ..api.accounts import Credentials
from ..api.batch_statistical import (
    BatchStatisticalRequest,
    BatchStatisticalTask,
    S3Location,
)
from ..api.batch_statistical_client import (
    BatchStatisticalClient,
    BatchStatisticalNotAllowed,
    redacted,
)
from ..api.errors import Cancelled, EOExplorerError
from ..api.statistical import (
    StatisticalClient,
    StatisticalProblem,
    StatisticalRequest,
    StatisticalResult,
    parse_response,
)
from ..core.gdal_calls import GdalFailed, call
from ..core.i18n import tr
from ..core.tasks import WorkflowTask

POLL_SECONDS = 5.0
NO_ACCESS = (
    "Sentinel Hub must read the polygons from the bucket and write the statistics into it: "
    'give an IAM role ARN that lets it use the bucket, or tick "Let Sentinel Hub use this '
    "bucket's keys\"."
)


@dataclass
class BatchStatisticsJob:
    """What to compute. ``features``: (feature id, geometry as WKT) in EPSG:``epsg``;
    ``statistics``: the Statistical request's parts (data, dates, interval, evalscript,
    size or resolution in units of that CRS, percentiles); its area is not used. ``folder``:
    ``s3://bucket/prefix`` with ``keys`` (that bucket's account)."""

    features: list[tuple[int, str]]
    epsg: int
    statistics: StatisticalRequest
    folder: str
    keys: Credentials
    iam_role_arn: str = ""
    share_keys: bool = False
    poll_seconds: float = POLL_SECONDS

    @property
    def bucket(self) -> str:
        return self.folder[len("s3://") :].split("/", 1)[0]

    @property
    def prefix(self) -> str:
        return self.folder[len("s3://") :].rstrip("/").partition("/")[2]


@dataclass
class BatchStatisticsOutcome:
    series: list[tuple[int, StatisticalResult]] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)  # feature id, sentence
    request_id: str = ""
    task: Optional[BatchStatisticalTask] = None
    states: list[str] = field(default_factory=list)  # the statuses seen, in order
    features_url: str = ""
    results_url: str = ""
    cancelled: bool = False
    not_allowed: bool = False  # 403: fall back to one Statistical request per polygon
    error: Optional[EOExplorerError] = None

    @property
    def by_id(self) -> dict[int, StatisticalResult]:
        return dict(self.series)


def failed_outcome(error: EOExplorerError) -> BatchStatisticsOutcome:
    return BatchStatisticsOutcome(
        cancelled=isinstance(error, Cancelled),
        not_allowed=isinstance(error, BatchStatisticalNotAllowed),
        error=None if isinstance(error, Cancelled) else error,
    )


def write_geopackage(path: Path, features: list[tuple[int, str]], epsg: int) -> None:
    """The polygons as a GeoPackage layer ``features`` with an integer ``id`` column."""
    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(str(path))
    if source is None:
        raise EOExplorerError(tr("Could not write the polygons to {0}.").format(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = source.CreateLayer("features", srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger64))
    definition = layer.GetLayerDefn()
    for feature_id, wkt in features:
        geometry = ogr.CreateGeometryFromWkt(wkt)
        if geometry is None:
            raise EOExplorerError(tr("Feature {0} has no readable geometry.").format(feature_id))
        feature = ogr.Feature(definition)
        feature.SetField("id", int(feature_id))
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    del source  # closes and flushes the file


def _upload(local: Path, target: str) -> None:
    """Copy a file to a ``/vsis3/`` path (GDAL's S3 writer: the upload happens at close)."""
    data = local.read_bytes()
    try:
        handle = call(gdal.VSIFOpenL, target, "wb")
    except GdalFailed as exc:
        raise EOExplorerError(
            tr("The polygons could not be written to the bucket: {0}").format(
                exc.message or tr("no answer")
            )
        ) from None
    written, problem = 0, ""
    try:
        written = call(gdal.VSIFWriteL, data, 1, len(data), handle)
    except GdalFailed as exc:
        problem = exc.message
    finally:
        try:
            if call(gdal.VSIFCloseL, handle) != 0:
                problem = problem or gdal.GetLastErrorMsg()
        except GdalFailed as exc:
            problem = problem or exc.message or tr("the upload failed")
    if problem or written != len(data):
        raise EOExplorerError(
            tr("The polygons could not be written to the bucket: {0}").format(
                problem or tr("the upload stopped")
            )
        )


def _read(path: str) -> Optional[bytes]:
    try:
        stat = call(gdal.VSIStatL, path)
        handle = call(gdal.VSIFOpenL, path, "rb")
    except GdalFailed:
        return None
    if stat is None:
        return None
    try:
        return bytes(gdal.VSIFReadL(1, stat.size, handle) or b"")
    finally:
        gdal.VSIFCloseL(handle)


def read_feature(document: Any, url: str = "") -> StatisticalResult:
    """One feature's file: ``{"id", "identifier", "response": StatisticalResponse}`` (a
    bare StatisticalResponse is read too); EOExplorerError when the feature failed."""
    if isinstance(document, dict) and isinstance(document.get("response"), dict):
        response = document["response"]
        if "data" not in response and isinstance(response.get("error"), dict):
            message = response["error"].get("message") or response["error"].get("code") or ""
            raise EOExplorerError(str(message).strip() or tr("Its statistics failed."))
        return parse_response(response, url)
    return parse_response(document, url)


def _sleep(seconds: float, is_cancelled: Callable[[], bool]) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if is_cancelled():
            return
        time.sleep(min(0.05, max(0.0, end - time.monotonic())))


def batch_statistics_task(
    job: BatchStatisticsJob, client: BatchStatisticalClient, title: str = ""
) -> WorkflowTask:
    """:func:`run_batch_statistics` in a WorkflowTask (its outcome on the main thread)."""
    return WorkflowTask(
        title or tr("Sentinel Hub batch statistics"),
        lambda progress: run_batch_statistics(job, client, progress),
        failed_outcome,
        succeeded=lambda outcome: outcome.error is None and not outcome.cancelled,
    )


def run_batch_statistics(
    job: BatchStatisticsJob,
    client: BatchStatisticalClient,
    progress: Any,
    configure: Optional[Callable[[str, Credentials], str]] = None,
) -> BatchStatisticsOutcome:
    """The whole job (see the module's docstring); ``progress``: a core.tasks.Progress.
    ``configure(bucket, keys)`` gives GDAL the keys of that bucket only (default:
    :func:`plugin.assets.s3.configure`)."""
    if configure is None:
        from ..assets.s3 import configure as configure_s3

        configure = configure_s3
    outcome = BatchStatisticsOutcome()
    try:
        return _run(job, client, progress, configure, outcome)
    except Cancelled:
        outcome.cancelled = True
    except BatchStatisticalNotAllowed as exc:
        outcome.not_allowed, outcome.error = True, exc
    except EOExplorerError as exc:
        outcome.error = exc
    return outcome


def _run(
    job, client, progress, configure, outcome: BatchStatisticsOutcome
) -> BatchStatisticsOutcome:
    if not job.features:
        outcome.error = EOExplorerError(tr("The layer has no polygons."))
        return outcome
    if not job.iam_role_arn and not job.share_keys:
        outcome.error = EOExplorerError(tr(NO_ACCESS))
        return outcome
    if not job.folder.startswith("s3://") or not job.bucket:
        outcome.error = EOExplorerError(
            tr("The bucket folder {0} is not an S3 URL (s3://bucket/folder).").format(
                repr(job.folder)
            )
        )
        return outcome
    run = f"eo-explorer-{uuid.uuid4().hex[:12]}"
    base = "/".join(p for p in (job.prefix, run) if p)
    outcome.features_url = f"s3://{job.bucket}/{base}/features.gpkg"
    outcome.results_url = f"s3://{job.bucket}/{base}/results"
    share = job.share_keys and not job.iam_role_arn
    key = job.keys.username if share else ""
    secret = job.keys.secret if share else ""
    request = BatchStatisticalRequest(
        features=S3Location(outcome.features_url, key, secret, job.iam_role_arn),
        output=S3Location(
            outcome.results_url, key, secret, job.iam_role_arn, region=job.keys.region
        ),
        statistics=job.statistics,
    )
    try:
        body = request.body()
    except StatisticalProblem as exc:
        outcome.error = EOExplorerError(str(exc))
        return outcome

    prefix = configure(job.bucket, job.keys)
    progress.info(
        tr("Writing {0} polygon(s) to {1}").format(len(job.features), outcome.features_url)
    )
    with tempfile.TemporaryDirectory(prefix="eo-explorer-") as folder:
        local = Path(folder) / "features.gpkg"
        write_geopackage(local, job.features, job.epsg)
        _upload(local, f"{prefix}{base}/features.gpkg")
    if progress.is_cancelled():
        outcome.cancelled = True
        return outcome

    progress.info(tr("Batch Statistical request: {0}").format(json.dumps(redacted(body))))
    try:
        task = client.create(body, progress.is_cancelled)
    except BatchStatisticalNotAllowed as exc:
        outcome.not_allowed, outcome.error = True, exc
        return outcome
    outcome.request_id, outcome.task = task.id, task
    outcome.states.append(task.status)
    progress.report(task)
    try:
        task = _follow(job, client, progress, outcome, task)
    except Cancelled:
        outcome.cancelled = True
    if outcome.cancelled:
        try:
            client.stop(outcome.request_id)  # not cancellable: the service must stop
            _seen(outcome, client.status(outcome.request_id))  # sets outcome.task
        except EOExplorerError as exc:
            progress.info(tr("Stopping the request failed: {0}").format(exc))
        return outcome
    if task.status not in ("DONE", "PARTIAL"):
        outcome.error = EOExplorerError(
            tr("The Batch Statistical request ended: {0}").format(task.describe())
        )
        return outcome
    _collect(job, outcome, prefix, base, task.id, progress)
    return outcome


def _seen(outcome: BatchStatisticsOutcome, task: BatchStatisticalTask) -> None:
    outcome.task = task
    if not outcome.states or outcome.states[-1] != task.status:
        outcome.states.append(task.status)


def _follow(job, client, progress, outcome, task: BatchStatisticalTask) -> BatchStatisticalTask:
    """Analyse, wait for the analysis, start, wait for the end. Raises Cancelled."""
    is_cancelled = progress.is_cancelled
    client.analyse(task.id, is_cancelled)
    started = False
    while True:
        if is_cancelled():
            raise Cancelled()
        task = client.status(task.id, is_cancelled)
        _seen(outcome, task)
        progress.report(task)
        if task.status == "ANALYSIS_DONE" and not started:
            client.start(task.id, is_cancelled)
            started = True
            continue
        if task.status == "PROCESSING" and task.completion is not None:
            progress.percent(task.completion)
        if task.ended:
            progress.percent(100.0)
            return task
        _sleep(job.poll_seconds, is_cancelled)


def _collect(job, outcome, prefix: str, base: str, request_id: str, progress) -> None:
    for feature_id, _wkt in job.features:
        path = f"{prefix}{base}/results/{request_id}/{feature_id}.json"
        url = f"{outcome.results_url}/{request_id}/{feature_id}.json"
        content = _read(path)
        if content is None:
            outcome.failed.append((feature_id, tr("No statistics were written for it.")))
            continue
        try:
            outcome.series.append((feature_id, read_feature(json.loads(content), url)))
        except (ValueError, EOExplorerError) as exc:
            outcome.failed.append((feature_id, str(exc)))
    progress.info(
        tr("Statistics of {0} polygons read from {1}").format(
            len(outcome.series), outcome.results_url
        )
    )


def one_request_per_polygon(
    job: BatchStatisticsJob, client: StatisticalClient, progress: Any
) -> BatchStatisticsOutcome:
    """The same series with one Statistical request per polygon (an account without Batch
    Statistical): the Process client's throttle keeps within the rate limits; a polygon
    the service refuses is listed in ``failed`` and the others go on."""
    outcome = BatchStatisticsOutcome()
    total = len(job.features)
    for done, (feature_id, wkt) in enumerate(job.features):
        if progress.is_cancelled():
            outcome.cancelled = True
            return outcome
        geometry = ogr.CreateGeometryFromWkt(wkt)
        if geometry is None:
            outcome.failed.append((feature_id, tr("It has no readable geometry.")))
            continue
        x0, x1, y0, y1 = geometry.GetEnvelope()
        request = dataclasses.replace(
            job.statistics,
            bbox=(x0, y0, x1, y1),
            epsg=job.epsg,
            geometry=json.loads(geometry.ExportToJson()),
        )
        try:
            outcome.series.append((feature_id, client.statistics(request, progress.is_cancelled)))
        except Cancelled:
            outcome.cancelled = True
            return outcome
        except (StatisticalProblem, EOExplorerError) as exc:
            outcome.failed.append((feature_id, str(exc)))
        progress.percent(100.0 * (done + 1) / total)
    return outcome


__all__ = [
    "BatchStatisticsJob",
    "BatchStatisticsOutcome",
    "batch_statistics_task",
    "failed_outcome",
    "one_request_per_polygon",
    "read_feature",
    "run_batch_statistics",
    "write_geopackage",
]
