"""Download one file: streamed, resumable, verified, and never half-written under its name.

* Bytes go to ``<name>.part``; the final name appears only after the length (from
  ``Content-Length``/``Content-Range`` and ``file:size``) and the ``file:checksum``
  multihash, when the item has one, are right. ``os.replace`` makes that atomic.
* A ``.part`` left by an interrupted run is resumed with an HTTP ``Range`` request; a
  server that ignores ranges (200) makes the download start over.
* Transient failures (dropped connection, 429/5xx, time-out) are retried with back-off,
  resuming where the bytes stopped; ``Retry-After`` is honoured.
* Free disk space is checked before the first byte.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests

from .assets import parse_multihash
from .errors import Cancelled, EOExplorerError, HttpError, NetworkError
from .http import RETRY_STATUSES, HttpClient, IsCancelled, _never
from .threads import sleep_unless_cancelled

CHUNK = 256 * 1024
#: Network reads are smaller so Cancel is seen between them even on a slow link.
READ_SIZE = 128 * 1024
#: Keep this much free beyond the file itself.
DISK_MARGIN = 50 * 1024 * 1024
#: the longest pause between two attempts at one file (a server's Retry-After included)
MAX_RETRY_PAUSE = 60.0

Progress = Callable[[int, "int | None"], None]  # bytes on disk, total bytes (None: unknown)


class DownloadError(EOExplorerError):
    """A download that failed for good; ``reason`` is a short phrase for the summary."""

    def __init__(self, message: str, reason: str, details: str = "") -> None:
        super().__init__(message, details)
        self.reason = reason


@dataclass
class DownloadResult:
    path: Path
    size: int
    resumed_from: int = 0
    attempts: int = 1
    verified_checksum: bool = False
    #: complete on disk from an earlier download: nothing was fetched
    existing: bool = False


def part_path(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def free_space_ok(folder: Path, needed: int | None) -> None:
    if not needed:
        return
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free
    if free < needed + DISK_MARGIN:
        raise DownloadError(
            f"Not enough free disk space in {folder}: {needed / 1e6:.0f} MB needed, "
            f"{free / 1e6:.0f} MB free.",
            "no disk space",
        )


def download(
    url: str,
    path: Path,
    http: HttpClient,
    *,
    expected_size: int | None = None,
    checksum: str = "",
    progress: Progress | None = None,
    is_cancelled: IsCancelled = _never,
    retries: int = 4,
    backoff: float = 1.0,
) -> DownloadResult:
    """Fetch ``url`` into ``path``; raises :class:`DownloadError` or :class:`Cancelled`."""
    path = Path(path)
    partial = part_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    free_space_ok(path.parent, (expected_size or 0) - _size(partial))
    resumed_from = _size(partial)
    attempt = 0
    while True:
        attempt += 1
        if is_cancelled():
            raise Cancelled()
        try:
            total = _fetch_into(url, partial, http, expected_size, progress, is_cancelled)
            break
        except _Transient as exc:
            if attempt > retries:
                raise DownloadError(
                    f"{path.name}: {exc.reason} (gave up after {attempt} attempts).",
                    exc.reason,
                    details=str(exc),
                ) from None
            wait = exc.wait if exc.wait is not None else backoff * 2 ** (attempt - 1)
            sleep_unless_cancelled(min(wait, MAX_RETRY_PAUSE), is_cancelled)
    size = _size(partial)
    if total is not None and size != total:
        partial.unlink(missing_ok=True)
        raise DownloadError(
            f"{path.name}: the server sent {size} bytes of {total}.", "incomplete file"
        )
    if expected_size is not None and size != expected_size:
        partial.unlink(missing_ok=True)
        raise DownloadError(
            f"{path.name}: {size} bytes arrived but the catalog says {expected_size}.", "wrong size"
        )
    verified = verify_checksum(partial, checksum, path.name)
    os.replace(partial, path)
    return DownloadResult(path, size, resumed_from, attempt, verified)


def verify_checksum(partial: Path, checksum: str, name: str) -> bool:
    """Check a finished ``.part`` against a ``file:checksum`` multihash.

    True when verified, False when there is no usable checksum; a mismatch deletes the
    file and raises :class:`DownloadError`.
    """
    wanted = parse_multihash(checksum) if checksum else None
    if wanted is None:
        return False
    hasher = wanted.hasher()
    with partial.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            hasher.update(block)
    if hasher.digest() != wanted.digest:
        partial.unlink(missing_ok=True)
        raise DownloadError(
            f"{name}: the file's {wanted.algorithm} checksum does not match the catalog's; "
            "it was deleted.",
            "checksum mismatch",
        )
    return True


class _Transient(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _fetch_into(
    url: str,
    partial: Path,
    http: HttpClient,
    expected: int | None,
    progress: Progress | None,
    is_cancelled: IsCancelled,
) -> int | None:
    """One request, appending to ``partial``; returns the file's total size if known."""
    have = _size(partial)
    if expected is not None and have > expected:
        partial.unlink()
        have = 0
    if expected is not None and have == expected and have > 0:
        return expected  # complete already; verified by the caller
    headers = {"Range": f"bytes={have}-"} if have else {}
    try:
        response = http.stream(url, headers)
    except HttpError as exc:
        if exc.status == 416 and have:
            partial.unlink(missing_ok=True)  # our part is bigger than the file: start over
            raise _Transient("the partial file did not match; starting again", 0) from None
        if exc.status in RETRY_STATUSES:
            raise _Transient(f"the server answered HTTP {exc.status}", _retry_after(exc)) from None
        raise DownloadError(
            f"{partial.name[:-5]}: {exc.message}", f"HTTP {exc.status}", details=exc.details
        ) from None
    except NetworkError as exc:
        raise _Transient(exc.message) from None
    with response:
        total = _total(response, have)
        mode = "ab"
        if have and response.status_code == 200:
            mode, have = "wb", 0  # the server ignored the range: start over
        watcher = _CancelWatcher(response, is_cancelled)
        try:
            with partial.open(mode) as handle:
                if progress:
                    progress(have, total)
                for chunk in response.iter_content(READ_SIZE):
                    if is_cancelled():
                        raise Cancelled()
                    handle.write(chunk)
                    have += len(chunk)
                    if progress:
                        progress(have, total)
        except (requests.exceptions.RequestException, OSError) as exc:
            if is_cancelled():
                raise Cancelled() from None
            if (
                isinstance(exc, OSError)
                and not isinstance(exc, (ConnectionError, TimeoutError))
                and "disk" in str(exc).lower()
            ):
                raise DownloadError(
                    f"Writing {partial.name[:-5]} failed: {exc}", "write error"
                ) from None
            raise _Transient("the connection was interrupted") from None
        finally:
            watcher.stop()
    if is_cancelled():
        raise Cancelled()  # the .part stays for a later resume
    if total is not None and have < total:
        raise _Transient("the connection was interrupted")
    return total


def _total(response: requests.Response, have: int) -> int | None:
    if response.status_code == 206:
        content_range = response.headers.get("Content-Range", "")
        if "/" in content_range:
            total = _header_int(content_range.rsplit("/", 1)[1])
            if total is not None:
                return total
    length = _header_int(response.headers.get("Content-Length"))
    if length is not None and "Content-Encoding" not in response.headers:
        return length + (have if response.status_code == 206 else 0)
    return None


def _header_int(text: str | None) -> int | None:
    """A size in a header: ASCII digits only ("²" is a digit to ``str.isdigit``), at most
    18 of them (``int()`` refuses thousands); anything else is unknown."""
    text = (text or "").strip()
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None


def _retry_after(exc: HttpError) -> float | None:
    value = (getattr(exc, "headers", None) or {}).get("Retry-After", "")
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


class _CancelWatcher:
    """Closes the response from another thread when the user cancels, so a socket stuck
    in ``recv`` gives up at once instead of at the read time-out."""

    def __init__(self, response: requests.Response, is_cancelled: IsCancelled) -> None:
        self._done = threading.Event()
        if is_cancelled is _never:
            return

        def watch() -> None:
            while not self._done.wait(0.2):
                if is_cancelled():
                    try:
                        response.raw._fp.fp.raw._sock.shutdown(2)
                    except Exception:  # noqa: BLE001 - best effort; the loop also checks
                        response.close()
                    return

        threading.Thread(target=watch, name="eo-explorer-cancel", daemon=True).start()

    def stop(self) -> None:
        self._done.set()
