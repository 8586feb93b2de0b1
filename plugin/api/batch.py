"""Several downloads at once, with progress per file and in total, and a summary that
says what failed and why."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .assets import Asset, AssetProblem, target_path
from .download import DownloadError, DownloadResult, Progress, download, free_space_ok
from .errors import Cancelled, EOExplorerError
from .http import HttpClient, IsCancelled, _never

DEFAULT_WORKERS = 4


@dataclass
class Job:
    asset: Asset
    url: str
    path: Path
    http: HttpClient | None
    #: another way to fetch (S3 through GDAL): ``fetch(progress=, is_cancelled=)``
    fetch: Callable[..., DownloadResult] | None = None


@dataclass
class Failure:
    asset: Asset
    reason: str
    message: str

    def __str__(self) -> str:
        return f"{self.asset.item_id} · {self.asset.key}: {self.message}"


@dataclass
class Summary:
    #: every file now complete on disk, fetched this time or found from an earlier run
    done: list[tuple[Asset, DownloadResult]] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    cancelled: bool = False
    #: files asked for (0: as many as ended done or failed)
    planned: int = 0

    @property
    def fetched(self) -> int:
        """Files downloaded this time."""
        return sum(1 for _asset, result in self.done if not result.existing)

    @property
    def already(self) -> int:
        """Files that were complete on disk before (nothing fetched)."""
        return len(self.done) - self.fetched

    def text(self) -> str:
        """``1 file downloaded, 7 already on disk.`` or, after Cancel, ``7 of 12 files
        downloaded before Cancel; download again to resume the other 5.``"""
        fetched, already = self.fetched, self.already
        planned = max(self.planned, len(self.done) + len(self.failed))
        to_fetch = planned - already
        if self.cancelled:
            words = f"{fetched} of {to_fetch} {_files(to_fetch)} downloaded before Cancel"
        else:
            words = f"{fetched} {_files(fetched)} downloaded"
        if already:
            words += f", {already} already on disk"
        if self.failed:
            words += f", {len(self.failed)} failed: " + "; ".join(
                f"{f.asset.item_id} · {f.asset.key} ({f.reason})" for f in self.failed
            )
        left = to_fetch - fetched - len(self.failed)
        if self.cancelled and left > 0:
            words += f"; download again to resume the other {left}"
        return words + "."


def _files(count: int) -> str:
    return "file" if count == 1 else "files"


FileProgress = Callable[[Asset, int, "int | None"], None]


def plan(
    assets: Sequence[Asset],
    folder: Path,
    http_for: Callable[[Asset], HttpClient],
    s3: Any = None,
) -> tuple[list[Job], list[Failure]]:
    """Where each asset comes from and goes to; what cannot be fetched is a failure.

    ``s3`` (the glue's S3 support: ``ready(location)`` and ``download(asset, location,
    path, progress=, is_cancelled=)``) fetches ``s3://`` objects that have no https twin.
    """
    jobs, failures = [], []
    for asset in assets:
        try:
            location = asset.location()
            path = target_path(folder, asset)
            if location.kind == "s3":
                if s3 is None:
                    raise AssetProblem(
                        f"{asset.key} of {asset.item_id} is only on S3 ({asset.href})."
                    )
                s3.ready(location)
                fetch = functools.partial(s3.download, asset, location, path)
                jobs.append(Job(asset, location.url, path, None, fetch))
                continue
            if _already_there(path, asset):
                jobs.append(
                    Job(asset, location.url, path, None, functools.partial(_existing, path))
                )
                continue
            jobs.append(Job(asset, location.url, path, http_for(asset)))
        except (AssetProblem, EOExplorerError) as exc:
            failures.append(Failure(asset, "cannot be fetched", str(exc)))
    return jobs, failures


def _already_there(path: Path, asset: Asset) -> bool:
    """A finished file from an earlier download (the final name is only ever given to
    complete, verified files); its size must match when the catalog gives one."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return asset.size is None or size == asset.size


def _existing(
    path: Path,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,  # noqa: ARG001 - the signature of download()
) -> DownloadResult:
    size = path.stat().st_size
    if progress:
        progress(size, size)
    return DownloadResult(path, size, resumed_from=size, attempts=0, existing=True)


def run(
    jobs: Sequence[Job],
    *,
    workers: int = DEFAULT_WORKERS,
    progress: FileProgress | None = None,
    is_cancelled: IsCancelled = _never,
    summary: Summary | None = None,
) -> Summary:
    """Download the jobs, ``workers`` at a time."""
    summary = summary or Summary()
    summary.planned = summary.planned or len(jobs) + len(summary.failed)
    lock = threading.Lock()
    known = [j.asset.size for j in jobs]
    if jobs and all(size is not None for size in known):
        try:
            free_space_ok(jobs[0].path.parent, sum(known))  # type: ignore[arg-type]
        except DownloadError as exc:
            summary.failed.extend(Failure(j.asset, exc.reason, exc.message) for j in jobs)
            return summary

    def one(job: Job) -> None:
        if is_cancelled():
            return
        report = (lambda have, total: progress(job.asset, have, total)) if progress else None
        try:
            if job.fetch is not None:
                result = job.fetch(progress=report, is_cancelled=is_cancelled)
            else:
                assert job.http is not None  # a job without fetch downloads over https
                result = download(
                    job.url,
                    job.path,
                    job.http,
                    expected_size=job.asset.size,
                    checksum=job.asset.checksum,
                    progress=report,
                    is_cancelled=is_cancelled,
                )
        except Cancelled:
            return
        except DownloadError as exc:
            with lock:
                summary.failed.append(Failure(job.asset, exc.reason, exc.message))
            return
        except EOExplorerError as exc:
            with lock:
                summary.failed.append(Failure(job.asset, "error", exc.message))
            return
        with lock:
            summary.done.append((job.asset, result))

    with ThreadPoolExecutor(
        max_workers=max(1, workers), thread_name_prefix="eo-explorer-download"
    ) as pool:
        for future in [pool.submit(one, job) for job in jobs]:
            future.result()
    summary.cancelled = is_cancelled()
    return summary
