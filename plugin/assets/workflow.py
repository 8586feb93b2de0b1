"""Downloading assets: the one flow of the Assets tab, the Constellr Deliveries tab and the
"Download assets" algorithm.

Three steps, each in the thread it needs:

* **Main thread** — :meth:`Access.gather`: the credentials of the assets' hosts (each
  https host's client, each bucket's S3 keys) come from QGIS's authentication database,
  which may ask for the master password. No network here.
* **Worker** — :func:`download` (in a :class:`~plugin.core.tasks.WorkflowTask`, or in the
  algorithm's thread): items cut down by the Fields extension are read whole, the jobs are
  planned (files complete on disk are not fetched again), the files are downloaded several
  at once with progress, and a :class:`DownloadOutcome` says what happened.
* **Main thread** — :func:`load_downloaded`: the downloaded rasters become layers in
  their item's group, under the footprints.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from ..api import batch, stac
from ..api.assets import Asset, AssetProblem, Location, assets_of
from ..api.catalogs import Catalog
from ..api.errors import CredentialsRequired, EOExplorerError
from ..api.http import HttpClient
from ..core import credentials
from ..core.i18n import tr
from ..core.tasks import Progress, WorkflowTask, unexpected
from . import s3, streaming

#: How often progress is passed on while files download (seconds).
POLL = 0.1


@dataclass(frozen=True)
class FileProgress:
    """One file's progress (``Progress.report`` payload): bytes on disk of ``total``
    (-1: unknown)."""

    item_id: str
    key: str
    have: int
    total: int


# -- main thread: credentials ---------------------------------------------------------------


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Access:
    """The credentials the downloads may carry, read on the main thread, used by the worker.

    :meth:`gather` (main thread) reads, for the assets known now, each host's client
    (:func:`streaming.http_for_asset`) and each S3 bucket's keys. Items still cut down by
    the Fields extension do not say where their files are: :meth:`gather_accounts` (main
    thread) then reads every account set up, so that the worker finds them read already.
    The worker asks :meth:`http_for` and :meth:`ready` (``batch.plan``'s ``http_for`` and
    ``s3``); it never opens the authentication database.
    """

    def __init__(self, catalog: Optional[Catalog], catalog_http: HttpClient) -> None:
        self.catalog = catalog
        self.http = catalog_http
        self._lock = threading.Lock()
        self._clients: dict[str, HttpClient | EOExplorerError] = {}
        self._buckets: dict[str, str | EOExplorerError] = {}
        #: account -> its request credentials, or why it cannot be used
        self._accounts: dict[str, Any] = {}
        self._s3_keys: dict[str, Any] = {}

    # main thread

    def gather(self, assets: Sequence[Asset]) -> Access:
        for asset in assets:
            try:
                location = asset.location()
            except AssetProblem:
                continue  # the plan says why
            if location.kind == "s3":
                bucket = s3.bucket_of(location)
                if bucket not in self._buckets:
                    self._buckets[bucket] = self._try(s3.ready, location)
            elif _origin(location.url) not in self._clients:
                self._clients[_origin(location.url)] = self._try(
                    streaming.http_for_asset, location.url, self.catalog, self.http
                )
        return self

    def gather_accounts(self) -> Access:
        """Every account set up, for assets not known yet (their items are read whole by
        the worker): request credentials for https hosts, keys for S3 buckets."""
        from ..api.accounts import SERVICES, is_s3_account
        from ..core import settings

        names: set[Optional[str]] = set(SERVICES)  # a catalog's accounts may be None
        for known in settings.catalogs():
            names |= {known.account, known.data_account, f"catalog:{known.id}"}
        names |= set(credentials.s3_accounts())
        plain = self.http.with_auth(None)
        for name in sorted(n for n in names if n and credentials.authcfg(n)):
            if is_s3_account(name):
                try:
                    self._s3_keys[name] = credentials.load(name)
                except EOExplorerError as exc:
                    self._accounts[name] = exc
                continue
            self._accounts[name] = self._try(credentials.auth_for, name, plain)
        return self

    @staticmethod
    def _try(read: Callable[..., Any], *args: Any) -> Any:
        try:
            return read(*args)
        except EOExplorerError as exc:
            return exc

    # worker

    def http_for(self, asset: Asset) -> HttpClient:
        url = asset.location().url
        origin = _origin(url)
        with self._lock:
            client = self._clients.get(origin)
        if client is None:
            client = self._late_client(url)
            with self._lock:
                self._clients[origin] = client
        if isinstance(client, EOExplorerError):
            raise client
        return client

    def _late_client(self, url: str) -> HttpClient | EOExplorerError:
        """A host first seen in an item read whole: its account was read by
        :meth:`gather_accounts`, or it has none (nothing secret to read)."""
        account = streaming.asset_account(url, self.catalog)
        if account is None or not credentials.authcfg(account):
            return self._try(streaming.http_for_asset, url, self.catalog, self.http)
        auth = self._accounts.get(account, CredentialsRequired(_not_read(account)))
        if isinstance(auth, EOExplorerError):
            return auth
        plain = self.http.with_auth(None)
        return plain.with_auth(auth, *streaming.account_origins(account, url))

    def ready(self, location: Location) -> str:
        """GDAL set up for the object's bucket (``batch.plan``'s ``s3.ready``)."""
        bucket = s3.bucket_of(location)
        with self._lock:
            prefix = self._buckets.get(bucket)
        if prefix is None:
            keys = self._s3_keys.get(s3.account_of(location))
            if keys is None or not keys.complete:
                failed = self._accounts.get(s3.account_of(location))
                prefix = (
                    failed if isinstance(failed, EOExplorerError) else s3.missing_keys(location)
                )
            else:
                prefix = s3.configure(bucket, keys)
            with self._lock:
                self._buckets[bucket] = prefix
        if isinstance(prefix, EOExplorerError):
            raise prefix
        assert prefix is not None  # set just above for a bucket seen the first time
        return prefix

    download = staticmethod(s3.download)  # batch.plan's ``s3.download``

    def close(self) -> None:
        """Close the connections of the clients (when the download is over)."""
        clients = [c for c in self._clients.values() if isinstance(c, HttpClient)]
        for client in {id(c): c for c in [*clients, self.http]}.values():
            client.session.close()


def _not_read(account: str) -> str:
    return (
        f"The {credentials.title(account)} account was not read before the download "
        "started; download again."
    )


# -- worker: plan and download --------------------------------------------------------------


@dataclass
class DownloadRequest:
    """What to download: ``assets`` chosen already (the docks), or the assets ``choose``
    picks from ``items`` once they are whole (the algorithm)."""

    folder: Path
    access: Access
    assets: list[Asset] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    choose: Optional[Callable[[list[dict]], list[Asset]]] = None
    workers: int = batch.DEFAULT_WORKERS


@dataclass
class DownloadOutcome:
    """What a download did. ``summary`` has every file done (fetched now or already on
    disk) and failed; ``error`` is a problem that stopped it before any file."""

    summary: batch.Summary = field(default_factory=batch.Summary)
    items: list[dict] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    error: Optional[EOExplorerError] = None
    #: what the user should know besides the files (an item that could not be read whole)
    warnings: list[str] = field(default_factory=list)

    @property
    def downloaded(self) -> int:
        """Files fetched this time."""
        return self.summary.fetched

    @property
    def already(self) -> int:
        """Files complete on disk from an earlier download."""
        return self.summary.already

    @property
    def failed(self) -> int:
        return len(self.summary.failed)

    @property
    def cancelled(self) -> int:
        """Files left for the next download after Cancel."""
        if not self.summary.cancelled:
            return 0
        return max(0, len(self.assets) - len(self.summary.done) - len(self.summary.failed))

    def succeeded(self) -> bool:
        """What QGIS's task bar says: not "complete" after Cancel or when nothing worked."""
        summary = self.summary
        everything_failed = bool(summary.failed) and not summary.done
        return self.error is None and not (summary.cancelled or everything_failed)

    def text(self) -> str:
        return str(self.error) if self.error is not None else self.summary.text()


def whole_items(items: list[dict], http: HttpClient, progress: Progress) -> list[str]:
    """Replace the items cut down by the Fields extension by the whole items (their ``self``
    link; worker). Returns a warning for each item that could not be read."""
    partial = [i for i, item in enumerate(items) if stac.is_partial(item)]
    if not partial:
        return []
    progress.info(tr("Reading {0} item(s) whole from the catalog.").format(len(partial)))
    warnings = []
    for index in partial:
        if progress.is_cancelled():
            break
        try:
            items[index] = stac.whole_item(items[index], http, progress.is_cancelled)
        except EOExplorerError as exc:
            warnings.append(
                tr("Item {0} could not be read whole: {1}").format(items[index].get("id"), exc)
            )
    return warnings


def nothing_to_download(items: list[dict], keys: list[str]) -> str:
    available: list[str] = []
    for item in items:
        for asset in assets_of(item):
            if asset.key not in available:
                available.append(asset.key)
    if not keys:
        return tr("None of the {0} item(s) has a raster asset. Their assets: {1}.").format(
            len(items), ", ".join(available) or tr("none")
        )
    return tr("None of the {0} item(s) has an asset named {1}. Their assets: {2}.").format(
        len(items), ", ".join(keys), ", ".join(available) or tr("none")
    )


def download(request: DownloadRequest, progress: Progress) -> DownloadOutcome:
    """Read items whole, plan, download (worker). Failures are in the outcome."""
    outcome = DownloadOutcome(items=list(request.items), assets=list(request.assets))
    if request.choose is not None:
        outcome.warnings = whole_items(outcome.items, request.access.http, progress)
        try:
            outcome.assets = request.choose(outcome.items)
        except EOExplorerError as exc:  # nothing to download, and why
            outcome.error = exc
            return outcome
    if progress.is_cancelled():
        outcome.summary.cancelled = True
        return outcome
    if not outcome.assets:
        outcome.error = EOExplorerError(tr("There is nothing to download."))
        return outcome
    try:
        request.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        outcome.error = EOExplorerError(
            tr("The download folder {0} cannot be created: {1}").format(request.folder, exc)
        )
        return outcome
    jobs, failures = batch.plan(
        outcome.assets, request.folder, request.access.http_for, s3=request.access
    )
    outcome.summary = batch.Summary(failed=list(failures), planned=len(outcome.assets))
    progress.info(
        tr("Downloading {0} file(s) of {1} item(s) into {2}").format(
            len(jobs), len({(a.collection, a.item_id) for a in outcome.assets}), request.folder
        )
    )
    run_jobs(jobs, outcome.summary, request.workers, progress)
    return outcome


def run_jobs(
    jobs: list[batch.Job], summary: batch.Summary, workers: int, progress: Progress
) -> None:
    """``batch.run`` in its own threads; this thread passes progress on every ``POLL`` s
    (percent of bytes, and each file that moved), so ``progress`` is only called here."""
    lock = threading.Lock()
    have = {id(job.asset): 0 for job in jobs}
    totals: dict[int, Optional[int]] = {id(job.asset): job.asset.size for job in jobs}
    by_id = {id(job.asset): job.asset for job in jobs}
    moved: dict[int, None] = {}
    errors: list[BaseException] = []

    def file_progress(asset: Asset, done: int, total: Optional[int]) -> None:
        with lock:
            have[id(asset)] = done
            if total:
                totals[id(asset)] = total
            moved[id(asset)] = None

    def work() -> None:
        try:
            batch.run(
                jobs,
                workers=workers,
                progress=file_progress,
                is_cancelled=progress.is_cancelled,
                summary=summary,
            )
        except Exception as exc:  # noqa: BLE001 - reported below, never lost
            errors.append(exc)

    def tell() -> None:
        with lock:
            percent = _percent(have, totals)
            changed = [(k, have[k], totals[k]) for k in moved]
            moved.clear()
        progress.percent(percent)
        for key, done, total in changed:
            asset = by_id[key]
            progress.report(FileProgress(asset.item_id, asset.key, done, total or -1))

    if jobs:
        worker = threading.Thread(target=work, name="eo-explorer-download")
        worker.start()
        while worker.is_alive():
            worker.join(POLL)
            tell()
    if errors:
        message = unexpected(errors[0]).message
        finished = {id(asset) for asset, _ in summary.done}
        finished |= {id(f.asset) for f in summary.failed}
        summary.failed.extend(
            batch.Failure(job.asset, "error", message)
            for job in jobs
            if id(job.asset) not in finished
        )
    summary.cancelled = progress.is_cancelled()


def _percent(have: dict[int, int], totals: dict[int, Optional[int]]) -> float:
    """Bytes done over bytes to do when every size is known, else the mean per file."""
    sizes = [total for total in totals.values() if total]
    if len(sizes) == len(totals):  # every size known
        return min(100.0, 100.0 * sum(have.values()) / max(1, sum(sizes)))
    shares = [min(1.0, have[k] / total) if total else 0.0 for k, total in totals.items()]
    return 100.0 * sum(shares) / max(1, len(shares))


def download_task(request: DownloadRequest, count: int) -> WorkflowTask:
    """The dock's task: ``reported(FileProgress)``, ``completed(DownloadOutcome)``."""
    return WorkflowTask(
        tr("EO Explorer: download {0} file(s)").format(count),
        lambda progress: download(request, progress),
        failed=lambda error: _failed(request, error),
        succeeded=lambda outcome: outcome.succeeded(),
    )


def _failed(request: DownloadRequest, error: EOExplorerError) -> DownloadOutcome:
    failures = [batch.Failure(a, "error", error.message) for a in request.assets]
    return DownloadOutcome(
        summary=batch.Summary(failed=failures), assets=list(request.assets), error=error
    )


# -- main thread: layers --------------------------------------------------------------------


@dataclass
class Loaded:
    layers: list = field(default_factory=list)
    #: rasters the project shows already (not added twice)
    shown: int = 0
    problems: list[batch.Failure] = field(default_factory=list)


def load_downloaded(
    summary: batch.Summary,
    add: Optional[Callable[[str, Asset], Any]] = None,
    *,
    project: Any = None,
    skip_shown: bool = True,
) -> Loaded:
    """The downloaded rasters as layers (main thread): ``add(path, asset)`` styles one and
    puts it in its item's group under the footprints (``rasters.add_raster`` by default);
    a file the project shows already is not added again; one QGIS cannot open is a
    problem ("not a raster")."""
    from qgis.core import QgsProject

    from ..map import rasters

    project = project or QgsProject.instance()
    if add is None:
        add = lambda path, asset: rasters.add_raster(path, asset, project)  # noqa: E731
    sources = {layer.source() for layer in project.mapLayers().values()} if skip_shown else set()
    loaded = Loaded()
    for asset, result in summary.done:
        if not asset.is_raster:
            continue
        if str(result.path) in sources:
            loaded.shown += 1
            continue
        try:
            loaded.layers.append(add(str(result.path), asset))
        except ValueError as exc:
            loaded.problems.append(batch.Failure(asset, "not a raster", str(exc)))
    return loaded
