"""Quicklooks on the map: each chosen item's preview fetched and written as a small
georeferenced GeoTIFF, in the background.

The dock prepares one :class:`QuicklookJob` per item on the main thread (the asset's HTTP
client with the credentials its host gets, or a GDAL path for a georeferenced preview, see
:mod:`plugin.assets.streaming`); :func:`make_quicklooks` then runs in a task:

* a picture (PNG, JPEG, ...) is fetched whole (at most :data:`MAX_BYTES`) and placed as
  :mod:`plugin.api.quicklooks` decides: on a box, with a geotransform (the pixels are kept
  exactly), or on the footprint's four corners (ground control points, then a warp with a
  thin-plate spline that puts each corner exactly on its place, alpha outside);
* a georeferenced preview (GeoTIFF, COG) is read through GDAL, at most
  :data:`MAX_SIDE` pixels on its longer side, with its own georeferencing.

Each file is written under a temporary name in the quicklook folder and renamed when
complete; a file already there (same link, same placement) is not fetched again. A
quicklook that fails is a sentence in the outcome, the others go on. Cancel stops between
items and interrupts a running request.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Union

from osgeo import gdal

from ..api.errors import Cancelled, EOExplorerError
from ..api.http import HttpClient
from ..api.quicklooks import Quicklook
from ..core.gdal_calls import GdalFailed, call
from ..core.tasks import Progress, WorkflowTask, unexpected

#: A preview bigger than this is not a preview.
MAX_BYTES = 20 * 1024 * 1024
#: A georeferenced preview is read at most this many pixels on its longer side.
MAX_SIDE = 1024
_MEM = "/vsimem/eo_explorer/quicklooks"


@dataclass
class QuicklookJob:
    fid: int
    quicklook: Quicklook
    #: the client that fetches a picture (with the credentials its host gets)
    http: Optional[HttpClient] = None
    #: the GDAL path of a georeferenced preview (``/vsicurl?…`` with its header file), or
    #: what makes it in the task (it may follow redirects)
    source: Union[str, Callable[[], str]] = ""

    @property
    def item_id(self) -> str:
        return self.quicklook.item_id


@dataclass
class QuicklooksOutcome:
    #: (feature id, item id, GeoTIFF) of each quicklook made or found in the folder
    made: list[tuple[int, str, Path]] = field(default_factory=list)
    #: one sentence per quicklook that could not be made
    failed: list[str] = field(default_factory=list)
    cancelled: bool = False
    error: Optional[EOExplorerError] = None


def file_for(folder: Path, quicklook: Quicklook) -> Path:
    """The GeoTIFF of a quicklook: named after the item, and a hash of the link and the
    placement (a changed item or another catalog gets another file)."""
    key = repr((quicklook.href, quicklook.placement)).encode("utf-8")
    digest = hashlib.sha256(key).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", quicklook.item_id)[:80] or "item"
    return folder / f"{name}-{digest}.tif"


def make_quicklooks(
    jobs: list[QuicklookJob], folder: Path, progress: Progress
) -> QuicklooksOutcome:
    outcome = QuicklooksOutcome()
    folder.mkdir(parents=True, exist_ok=True)
    for index, job in enumerate(jobs):
        if progress.is_cancelled():
            outcome.cancelled = True
            break
        target = file_for(folder, job.quicklook)
        try:
            if not target.is_file():
                make_one(job, target, progress)
            outcome.made.append((job.fid, job.item_id, target))
        except Cancelled:
            outcome.cancelled = True
            break
        except EOExplorerError as exc:
            outcome.failed.append(f"{job.item_id}: {exc}")
        except GdalFailed as exc:
            outcome.failed.append(
                f"{job.item_id}: GDAL could not read its {job.quicklook.key} "
                f"({exc.message or 'no message'})."
            )
        except Exception as exc:  # noqa: BLE001 - one quicklook never stops the others
            outcome.failed.append(f"{job.item_id}: {unexpected(exc)}")
        progress.percent(100.0 * (index + 1) / max(1, len(jobs)))
        progress.report((index + 1, len(jobs)))
    return outcome


def make_one(job: QuicklookJob, target: Path, progress: Progress) -> None:
    """Write the quicklook of ``job`` at ``target`` (atomically)."""
    temporary = target.with_name(f".{target.stem}.{uuid.uuid4().hex[:8]}.part.tif")
    try:
        if job.quicklook.georeferenced:
            source = job.source() if callable(job.source) else job.source
            _reduce(source or "/vsicurl/" + job.quicklook.href, temporary)
        else:
            _place_picture(job, temporary, progress)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
        Path(str(temporary) + ".aux.xml").unlink(missing_ok=True)


def _reduce(source: str, temporary: Path) -> None:
    dataset = call(gdal.Open, source)
    width, height = dataset.RasterXSize, dataset.RasterYSize
    scale = min(1.0, MAX_SIDE / max(width, height))
    options = {"format": "GTiff", "creationOptions": ["COMPRESS=DEFLATE", "TILED=YES"]}
    if scale < 1.0:
        options.update(
            width=max(1, round(width * scale)),
            height=max(1, round(height * scale)),
            resampleAlg="average",
        )
    written = call(gdal.Translate, str(temporary), dataset, **options)
    written = dataset = None  # noqa: F841 - closed: flushed to disk


def _place_picture(job: QuicklookJob, temporary: Path, progress: Progress) -> None:
    look = job.quicklook
    placement = look.placement
    if job.http is None or placement is None:
        raise EOExplorerError("it cannot be fetched.")
    response = job.http.request("GET", look.href, is_cancelled=progress.is_cancelled)
    data = response.content
    if not data:
        raise EOExplorerError(f"its {look.key} is empty.")
    if len(data) > MAX_BYTES:
        raise EOExplorerError(f"its {look.key} is larger than {MAX_BYTES // 2**20} MB.")
    memory = f"{_MEM}/{uuid.uuid4().hex}"
    gdal.FileFromMemBuffer(memory, data)
    try:
        picture = call(gdal.Open, memory)
        if picture.RasterCount == 1 and picture.GetRasterBand(1).GetColorTable() is not None:
            picture = call(gdal.Translate, "", picture, format="MEM", rgbExpand="rgba")
        if picture.RasterCount == 3:
            picture = _black_is_transparent(picture)
        width, height = picture.RasterXSize, picture.RasterYSize
        creation = ["COMPRESS=DEFLATE", "TILED=YES"]
        if picture.RasterCount == 4 or picture.RasterCount == 2:
            creation.append("ALPHA=YES")
        if placement.corners is None and placement.box is not None:
            xmin, ymin, xmax, ymax = placement.box
            written = call(
                gdal.Translate,
                str(temporary),
                picture,
                format="GTiff",
                outputBounds=[xmin, ymax, xmax, ymin],
                outputSRS=placement.crs,
                creationOptions=creation,
            )
        else:
            gcps = [gdal.GCP(g.x, g.y, 0.0, g.pixel, g.line) for g in placement.gcps(width, height)]
            anchored = call(
                gdal.Translate,
                "",
                picture,
                format="VRT",
                GCPs=gcps,
                outputSRS=placement.crs,
            )
            has_alpha = picture.RasterCount in (2, 4)
            written = call(
                gdal.Warp,
                str(temporary),
                anchored,
                format="GTiff",
                tps=True,
                dstSRS=placement.crs,
                dstAlpha=not has_alpha,
                resampleAlg="bilinear",
                creationOptions=creation,
            )
            anchored = None
        written = picture = None  # noqa: F841 - closed: flushed to disk
    finally:
        gdal.Unlink(memory)


#: In a picture without alpha, pixels darker than this in every band are "no data" (JPEG
#: thumbnails are black outside the swath; JPEG rings a little along the edge of the scene).
BLACK = 16


def _black_is_transparent(picture):
    """An RGB picture (Byte) with an alpha band: transparent where it is black.

    JPEG previews (Sentinel-2 on CDSE, Landsat) fill what lies outside the scene with black;
    draped on a footprint, that black would hide the neighbouring scenes."""
    if any(picture.GetRasterBand(b).DataType != gdal.GDT_Byte for b in (1, 2, 3)):
        return picture
    import numpy as np

    bands = [picture.GetRasterBand(b).ReadAsArray() for b in (1, 2, 3)]
    alpha = np.where(np.all(np.stack(bands) < BLACK, axis=0), 0, 255).astype(np.uint8)
    width, height = picture.RasterXSize, picture.RasterYSize
    rgba = gdal.GetDriverByName("MEM").Create("", width, height, 4, gdal.GDT_Byte)
    for index, values in enumerate([*bands, alpha]):
        rgba.GetRasterBand(index + 1).WriteArray(values)
    rgba.GetRasterBand(4).SetColorInterpretation(gdal.GCI_AlphaBand)
    return rgba


def quicklooks_task(jobs: list[QuicklookJob], folder: Path, title: str) -> WorkflowTask:
    return WorkflowTask(
        title,
        lambda progress: make_quicklooks(jobs, folder, progress),
        failed=lambda error: QuicklooksOutcome(
            cancelled=isinstance(error, Cancelled),
            error=None if isinstance(error, Cancelled) else error,
        ),
        succeeded=lambda outcome: not outcome.cancelled and outcome.error is None,
    )
