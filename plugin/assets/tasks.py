"""Downloading assets in a QgsTask, several at once, with per-file progress."""

from __future__ import annotations

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..core.tasks import unexpected


class DownloadTask(QgsTask):
    """Download assets (several at once); per-file progress through ``fileProgress``."""

    #: item id, asset key, bytes on disk, total bytes (-1 unknown)
    fileProgress = pyqtSignal(str, str, int, int)
    completed = pyqtSignal(object)  # an api.batch.Summary

    def __init__(self, jobs, failures, workers: int) -> None:
        super().__init__(f"EO Explorer: download {len(jobs)} file(s)", QgsTask.Flag.CanCancel)
        from ..api.batch import Summary

        self.jobs = jobs
        self.workers = workers
        self.summary = Summary(failed=list(failures))

    def run(self) -> bool:
        import time

        from ..api.batch import run

        last = [0.0]
        totals = {(j.asset.item_id, j.asset.key): j.asset.size or 0 for j in self.jobs}
        have_now = dict.fromkeys(totals, 0)

        def progress(asset, have: int, total) -> None:
            key = (asset.item_id, asset.key)
            have_now[key] = have
            if total:
                totals[key] = total
            now = time.monotonic()
            if now - last[0] > 0.2 or (total and have >= total):
                last[0] = now
                share = sum(have_now.values()) / max(1, sum(totals.values()))
                self.setProgress(min(100.0, 100.0 * share))
                self.fileProgress.emit(
                    asset.item_id, asset.key, have, -1 if total is None else total
                )

        try:
            run(
                self.jobs,
                workers=self.workers,
                progress=progress,
                is_cancelled=self.isCanceled,
                summary=self.summary,
            )
        except Exception as exc:  # noqa: BLE001 - a failed download never crashes QGIS
            from ..api.batch import Failure

            error = unexpected(exc)
            self.summary.failed.extend(Failure(j.asset, "error", error.message) for j in self.jobs)
        self.summary.cancelled = self.isCanceled()
        # QGIS's task manager says "cancelled" or "failed" only when run() returns False.
        everything_failed = bool(self.summary.failed) and not self.summary.done
        return not (self.summary.cancelled or everything_failed)

    def finished(self, result: bool) -> None:  # noqa: ARG002 - the summary says it all
        self.completed.emit(self.summary)
