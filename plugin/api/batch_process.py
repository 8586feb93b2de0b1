"""Sentinel Hub Batch Processing API: request bodies, states and the client (pure Python).

Shapes from seed 001 (``BatchProcessRequest``, ``ProcessRequestForBatch``,
``TilingGridSettings``, ``BatchProcessOutput``, ``BatchTile``, ``TilingGridDescriptor``).
The seed renders the schemas without their paths; the paths are those of the service the
schemas belong to (``tilingGrid``, ``defaultTilePath``, user action ``CANCEL``, status
``CANCELED``: the Batch Processing API under ``/api/v1/batch``)::

    POST /api/v1/batch/process                      -> 201 BatchProcessRequest (CREATED)
    GET  /api/v1/batch/process[?viewtoken=]         -> {"data": [...], "links": {"nextToken"}}
    GET  /api/v1/batch/process/{id}                 -> BatchProcessRequest
    POST /api/v1/batch/process/{id}/analyse         -> 204 (ANALYSING, then ANALYSIS_DONE)
    POST /api/v1/batch/process/{id}/start           -> 204 (PROCESSING, then DONE / PARTIAL)
    POST /api/v1/batch/process/{id}/cancel          -> 204 (CANCELED)
    POST /api/v1/batch/process/{id}/restartpartial  -> 204 (failed tiles again)
    GET  /api/v1/batch/process/{id}/tiles[?status=] -> {"data": [BatchTile...]}
    GET  /api/v1/batch/tilinggrids                  -> {"data": [TilingGridDescriptor...]}

Secrets: ``BatchProcessOutput`` has no credentials (unlike the Async API's delivery): the
bucket's policy lets Sentinel Hub write there. The bucket's keys stay in QGIS and only
read the results through GDAL (``plugin/assets/s3.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Optional

from .errors import EOExplorerError, HttpError, InvalidResponse
from .evalscripts import ScriptInfo
from .http import HttpClient, IsCancelled, Response, _never
from .process import Area, ProcessJob, ProcessOptions, crs_uri
from .process_client import process_error
from .tiling import grid_from_size

BATCH_PATH = "/api/v1/batch/process"
TILING_GRIDS_PATH = "/api/v1/batch/tilinggrids"

#: ``BatchProcessRequest.status`` (seed 001 enum, in its order).
STATUSES = (
    "CREATED",
    "ANALYSING",
    "ANALYSIS_DONE",
    "PROCESSING",
    "DONE",
    "PARTIAL",
    "FAILED",
    "CANCELED",
)
USER_ACTIONS = ("NONE", "ANALYSE", "START", "CANCEL")  # BatchProcessRequest.userAction
TILE_STATUSES = ("PENDING", "SCHEDULED", "QUEUED", "PROCESSING", "PROCESSED", "FAILED")
#: The service works on the request.
RUNNING = frozenset({"ANALYSING", "PROCESSING"})
#: Nothing runs until the user acts.
WAITING = frozenset({"CREATED", "ANALYSIS_DONE"})
#: Nothing runs any more.
ENDED = frozenset({"DONE", "PARTIAL", "FAILED", "CANCELED"})
#: Ended with tiles in the bucket: a mosaic can be made.
WITH_RESULTS = frozenset({"DONE", "PARTIAL"})

#: One sentence per state, for the dock's status line and the requests table's tooltip.
STATUS_TEXT = {
    "CREATED": "Created: not analysed yet, nothing is paid for.",
    "ANALYSING": "Sentinel Hub is cutting the area into tiles and estimating the cost.",
    "ANALYSIS_DONE": "Analysed: the tile count and cost are known; nothing runs until you "
    "start it.",
    "PROCESSING": "Sentinel Hub is processing the tiles and writing them to the bucket.",
    "DONE": "Done: every tile is in the bucket.",
    "PARTIAL": "Partly done: some tiles failed; the others are in the bucket.",
    "FAILED": "Failed: nothing usable was written.",
    "CANCELED": "Cancelled: Sentinel Hub stopped working on it.",
}


def status_text(status: str) -> str:
    return STATUS_TEXT.get(status, f"Unknown state {status!r}.")


@dataclass(frozen=True)
class TilingGrid:
    """A tiling grid of the Batch API (``TilingGridDescriptor``): tile size and resolutions
    in the grid's unit."""

    id: int
    name: str
    tile_size: float
    resolutions: tuple[float, ...]
    unit: str = "METRE"  # or "DEGREE"
    crs: str = "UTM"  # the output tiles' CRS (UTM zone of the tile, or an EPSG code)

    def tile_pixels(self, resolution: float) -> int:
        return int(round(self.tile_size / resolution))

    def label(self) -> str:
        size = f"{self.tile_size:g}°" if self.unit == "DEGREE" else f"{self.tile_size / 1000:g} km"
        return f"{self.name} ({size} tiles, {self.crs})"


# The grids and their resolutions: seed 001 gives the descriptor's shape (GET
# /api/v1/batch/tilinggrids), its values are those of Sentinel Hub's Batch Processing
# documentation ("Tiling grids" table).
TILING_GRIDS = (
    TilingGrid(0, "UTM 20km grid", 20040.0, (10.0, 20.0, 30.0, 60.0)),
    TilingGrid(1, "UTM 10km grid", 10000.0, (10.0, 20.0)),
    TilingGrid(2, "UTM 100km grid", 100080.0, (60.0, 120.0, 240.0, 360.0)),
    TilingGrid(3, "WGS84 1 degree grid", 1.0, (0.0001, 0.0002), "DEGREE", "EPSG:4326"),
    TilingGrid(6, "LAEA 100km grid", 100000.0, (40.0, 50.0, 100.0), crs="EPSG:3035"),
    TilingGrid(7, "LAEA 20km grid", 20000.0, (10.0, 20.0), crs="EPSG:3035"),
)


def find_grid(grid_id: int) -> Optional[TilingGrid]:
    return next((g for g in TILING_GRIDS if g.id == grid_id), None)


def check_grid(grid_id: int, resolution: float) -> TilingGrid:
    """The grid, or ValueError with a sentence when the grid or resolution is not offered."""
    grid = find_grid(grid_id)
    if grid is None:
        ids = ", ".join(str(g.id) for g in TILING_GRIDS)
        raise ValueError(f"Tiling grid {grid_id} does not exist (grids: {ids}).")
    if not any(abs(resolution - r) <= 1e-9 * max(1.0, r) for r in grid.resolutions):
        allowed = ", ".join(f"{r:g}" for r in grid.resolutions)
        raise ValueError(
            f"The {grid.name} offers the resolutions {allowed} ({grid.unit.lower()}s), "
            f"not {resolution:g}."
        )
    return grid


_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
#: Where each tile's outputs go under the bucket folder (placeholders of the service).
TILE_PATH = "<requestId>/<tileName>/<outputId>.tiff"


def split_s3_url(url: str) -> tuple[str, str]:
    """``s3://bucket/some/prefix`` → ("bucket", "some/prefix"); ValueError with a sentence."""
    text = (url or "").strip()
    if not text.startswith("s3://"):
        raise ValueError("Give the bucket folder as s3://bucket/folder.")
    bucket, _, prefix = text[len("s3://") :].partition("/")
    if not _BUCKET.fullmatch(bucket):
        raise ValueError(f"{bucket!r} is not an S3 bucket name.")
    return bucket, prefix.strip("/")


def tile_path(bucket_folder: str) -> str:
    """``output.defaultTilePath``: one folder per request and tile under the bucket folder."""
    bucket, prefix = split_s3_url(bucket_folder)
    return f"s3://{bucket}/" + (f"{prefix}/" if prefix else "") + TILE_PATH


def request_folder(default_tile_path: str, request_id: str) -> tuple[str, str]:
    """(bucket, key prefix) under which a request's tiles are: the part of
    ``defaultTilePath`` before ``<tileName>``, with ``<requestId>`` filled in."""
    head = default_tile_path.split("<tileName>", 1)[0].replace("<requestId>", request_id)
    bucket, prefix = split_s3_url(head)
    return bucket, prefix


def batch_job(options: ProcessOptions, info: ScriptInfo, area: Area) -> ProcessJob:
    """A job for the Batch API: its data, evalscript and area. Sentinel Hub makes the pixel
    grid (the tiling grid), so the job has no tiles of its own and no size limit."""
    return ProcessJob(options, info, area, grid_from_size(area.bbox, 1, 1, area.epsg), [])


def batch_body(
    job: ProcessJob,
    grid_id: int,
    resolution: float,
    bucket_folder: str,
    description: str = "",
) -> dict[str, Any]:
    """The ``BatchProcessRequest`` of a Process job: the same input, data and evalscript as
    its Process requests, for the whole area, cut by Sentinel Hub on the tiling grid."""
    check_grid(grid_id, resolution)
    area = job.area
    bounds: dict[str, Any] = {"bbox": list(area.bbox), "properties": {"crs": crs_uri(area.epsg)}}
    if area.geometry is not None:
        bounds["geometry"] = area.geometry
    body: dict[str, Any] = {
        "processRequest": {
            "input": {"bounds": bounds, "data": [job.options.data_entry()]},
            "output": {
                "responses": [
                    {"identifier": i, "format": {"type": "image/tiff"}} for i in job.output_ids
                ]
            },
            "evalscript": job.options.evalscript,
        },
        "tilingGrid": {"id": grid_id, "resolution": resolution},
        "output": {"defaultTilePath": tile_path(bucket_folder), "cogOutput": True},
    }
    if description:
        body["description"] = description
    return body


@dataclass
class BatchRequest:
    """What the service says of one request (``BatchProcessRequest``)."""

    id: str
    status: str = "CREATED"
    description: str = ""
    created: str = ""
    tile_count: Optional[int] = None
    value_estimate: Optional[float] = None
    tile_width: Optional[int] = None
    tile_height: Optional[int] = None
    user_action: str = "NONE"
    error: str = ""
    default_tile_path: str = ""
    grid_id: Optional[int] = None
    resolution: Optional[float] = None
    raw: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: Any) -> BatchRequest:
        if not isinstance(data, dict) or not data.get("id"):
            raise InvalidResponse("Sentinel Hub sent a batch request without an id.")
        grid = data.get("tilingGrid") or {}
        output = data.get("output") or {}
        path = str(output.get("defaultTilePath") or "")
        if not path and data.get("bucketName"):
            path = f"s3://{data['bucketName']}/{TILE_PATH}"
        return cls(
            id=str(data["id"]),
            status=str(data.get("status") or "CREATED"),
            description=str(data.get("description") or ""),
            created=str(data.get("created") or ""),
            tile_count=_int(data.get("tileCount")),
            value_estimate=_float(data.get("valueEstimate")),
            tile_width=_int(data.get("tileWidthPx")),
            tile_height=_int(data.get("tileHeightPx")),
            user_action=str(data.get("userAction") or "NONE"),
            error=str(data.get("error") or ""),
            default_tile_path=path,
            grid_id=_int(grid.get("id", data.get("tilingGridId"))),
            resolution=_float(grid.get("resolution", data.get("resolution"))),
            raw=data,
        )

    @property
    def ended(self) -> bool:
        return self.status in ENDED

    @property
    def has_results(self) -> bool:
        return self.status in WITH_RESULTS

    def sentence(self) -> str:
        text = status_text(self.status)
        if self.error and self.status in ("FAILED", "PARTIAL"):
            text += f" Sentinel Hub says: {self.error}"
        return text

    def estimate_text(self) -> str:
        """ "12 tiles of 2004 x 2004 px, about 150 processing units"."""
        if self.tile_count is None:
            return "not analysed yet"
        size = ""
        if self.tile_width and self.tile_height:
            size = f" of {self.tile_width} x {self.tile_height} px"
        cost = ""
        if self.value_estimate is not None:
            cost = f", about {self.value_estimate:.4g} processing units"
        return f"{self.tile_count} tile(s){size}{cost}"

    def folder(self) -> tuple[str, str]:
        """(bucket, key prefix) of this request's tiles."""
        return request_folder(self.default_tile_path, self.id)


@dataclass(frozen=True)
class BatchTileState:
    """One tile of a request (``BatchTile``)."""

    id: int
    status: str
    error: str = ""
    cost: Optional[float] = None

    @classmethod
    def from_json(cls, data: dict) -> BatchTileState:
        return cls(
            id=int(data.get("id") or 0),
            status=str(data.get("status") or "PENDING"),
            error=str(data.get("error") or ""),
            cost=_float(data.get("cost")),
        )


def _int(value: Any) -> Optional[int]:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> Optional[float]:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


class BatchClient:
    """The Batch Processing API of one deployment, with the account's HTTP client.

    Every HTTP error becomes a :class:`~plugin.api.process_client.ProcessError` with
    Sentinel Hub's message; nothing secret is in a body, so nothing needs redacting."""

    def __init__(self, http: HttpClient, base_url: str) -> None:
        self.http = http
        self.base = base_url.rstrip("/")

    def url(self, request_id: str = "", action: str = "") -> str:
        url = self.base + BATCH_PATH
        if request_id:
            url += f"/{request_id}"
        if action:
            url += f"/{action}"
        return url

    def _call(
        self, method: str, url: str, is_cancelled: IsCancelled = _never, **kw: Any
    ) -> Response:
        try:
            return self.http.request(method, url, is_cancelled=is_cancelled, **kw)
        except HttpError as exc:
            raise process_error(exc) from exc

    def create(self, body: dict[str, Any], is_cancelled: IsCancelled = _never) -> BatchRequest:
        response = self._call("POST", self.url(), is_cancelled, json_body=body)
        return BatchRequest.from_json(response.json())

    def get(self, request_id: str, is_cancelled: IsCancelled = _never) -> BatchRequest:
        response = self._call("GET", self.url(request_id), is_cancelled)
        return BatchRequest.from_json(response.json())

    def all_requests(
        self, is_cancelled: IsCancelled = _never, limit: int = 500
    ) -> list[BatchRequest]:
        """The account's requests, newest first, following ``links.nextToken``."""
        found: list[BatchRequest] = []
        params: dict[str, Any] = {"sort": "created:desc"}
        while len(found) < limit:
            page = self._call("GET", self.url(), is_cancelled, params=params).json()
            if not isinstance(page, dict):
                raise InvalidResponse("Sentinel Hub sent a list of batch requests without data.")
            found.extend(BatchRequest.from_json(item) for item in page.get("data") or [])
            token = (page.get("links") or {}).get("nextToken")
            if not token:
                break
            params = {"sort": "created:desc", "viewtoken": token}
        return found

    def action(self, request_id: str, action: str, is_cancelled: IsCancelled = _never) -> None:
        """``analyse``, ``start``, ``cancel`` or ``restartpartial``."""
        if action not in ("analyse", "start", "cancel", "restartpartial"):
            raise ValueError(action)
        self._call("POST", self.url(request_id, action), is_cancelled, idempotent=False)

    def tiles(
        self, request_id: str, status: str = "", is_cancelled: IsCancelled = _never
    ) -> list[BatchTileState]:
        found: list[BatchTileState] = []
        params: dict[str, Any] = {"status": status} if status else {}
        while True:
            page = self._call("GET", self.url(request_id, "tiles"), is_cancelled, params=params)
            data = page.json()
            found.extend(BatchTileState.from_json(t) for t in (data.get("data") or []))
            token = (data.get("links") or {}).get("nextToken")
            if not token:
                return found
            params = dict(params, viewtoken=token)


def wait_until(
    client: BatchClient,
    request_id: str,
    done: Callable[[BatchRequest], bool],
    *,
    on_state: Callable[[BatchRequest], None],
    sleep: Callable[[float], None],
    interval: float,
    is_cancelled: IsCancelled = _never,
) -> BatchRequest:
    """Poll the request until ``done(request)``; ``on_state`` sees every state read."""
    while True:
        request = client.get(request_id, is_cancelled)
        on_state(request)
        if done(request):
            return request
        if is_cancelled():
            from .errors import Cancelled

            raise Cancelled()
        sleep(interval)


__all__ = [
    "BATCH_PATH",
    "ENDED",
    "STATUSES",
    "TILING_GRIDS",
    "BatchClient",
    "BatchRequest",
    "BatchTileState",
    "EOExplorerError",
    "TilingGrid",
    "batch_body",
    "check_grid",
    "split_s3_url",
    "status_text",
    "tile_path",
]
