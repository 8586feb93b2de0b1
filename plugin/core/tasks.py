"""The one way the plugin works in the background: a workflow in a :class:`WorkflowTask`.

Each feature's ``workflow.py`` does its job in the calling thread, with no widget: it takes a
:class:`Progress` (is the user cancelling? how far along? what to tell them?) and returns an
*outcome* object that says everything, including a failure. The dock runs it in a
:class:`WorkflowTask` (the task's worker thread; ``completed(outcome)`` arrives on the main
thread, which alone touches widgets and the project); the Processing algorithm calls the same
function with :func:`processing_progress` of its feedback. So a search, a download, a Process
job or a Constellr order behaves the same from the dock, the toolbox and ``qgis_process``.

Nothing a server sends may end QGIS: the task turns any exception into an outcome with an
:class:`~plugin.api.errors.EOExplorerError` (a sentence for the user, the traceback for the log).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any, Optional

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..api.errors import Cancelled, EOExplorerError


def unexpected(exc: BaseException) -> EOExplorerError:
    """A sentence for the user and the traceback for the message log, for a bug or a surprise."""
    return EOExplorerError(
        "Something unexpected went wrong; details are in the EO Explorer message log.",
        details="".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    )


def _nothing(*_args: Any) -> None:
    return None


def _never() -> bool:
    return False


class Progress:
    """What a workflow is told and tells while it runs, whoever runs it.

    ``is_cancelled()``: stop as soon as convenient, keeping what is done.
    ``percent(value)``: 0-100 for a progress bar.
    ``report(payload)``: a feature-specific snapshot (items so far, tiles done, ...) for the
    dock; the Processing algorithm ignores it or logs it.
    ``info(text)``: a line for the Processing log (the dock's message log ignores it).
    """

    def __init__(
        self,
        is_cancelled: Callable[[], bool] = _never,
        percent: Callable[[float], Any] = _nothing,
        report: Callable[[Any], Any] = _nothing,
        info: Callable[[str], Any] = _nothing,
    ) -> None:
        self.is_cancelled = is_cancelled
        self.percent = percent
        self.report = report
        self.info = info

    def part(self, start: float, end: float) -> Progress:
        """The same progress for one phase of the work: its 0-100 fills ``start``-``end``."""
        span = end - start
        return Progress(
            self.is_cancelled,
            lambda value: self.percent(start + span * max(0.0, min(100.0, value)) / 100.0),
            self.report,
            self.info,
        )


def processing_progress(feedback: Any) -> Progress:
    """The :class:`Progress` of a Processing algorithm: its feedback's cancel, bar and log."""
    if feedback is None:
        return Progress()
    return Progress(
        is_cancelled=feedback.isCanceled,
        percent=feedback.setProgress,
        info=feedback.pushInfo,
    )


class WorkflowTask(QgsTask):
    """Runs ``work(progress)`` in QGIS's task manager and hands its outcome to the main thread.

    ``reported(payload)`` carries :meth:`Progress.report` snapshots (queued to the main
    thread); ``completed(outcome)`` is emitted once, on the main thread, whatever happened.
    ``failed(error)`` builds the outcome of a workflow that raised (or of a task cancelled
    before it started: a :class:`~plugin.api.errors.Cancelled` error); ``succeeded(outcome)``
    tells QGIS's task bar whether to say "complete" (True) or "failed/cancelled" (False).
    """

    reported = pyqtSignal(object)
    completed = pyqtSignal(object)

    def __init__(
        self,
        title: str,
        work: Callable[[Progress], Any],
        failed: Callable[[EOExplorerError], Any],
        succeeded: Callable[[Any], bool] = lambda _outcome: True,
        cancellable: bool = True,
    ) -> None:
        flags = QgsTask.Flag.CanCancel if cancellable else QgsTask.Flag(0)
        super().__init__(title, flags)
        self._work = work
        self._failed = failed
        self._succeeded = succeeded
        self.outcome: Optional[Any] = None
        self.progress = Progress(
            is_cancelled=self.isCanceled,
            percent=lambda value: self.setProgress(max(0.0, min(100.0, float(value)))),
            report=self.reported.emit,
        )

    def run(self) -> bool:
        try:
            self.outcome = self._work(self.progress)
        except EOExplorerError as exc:
            self.outcome = self._failed(exc)
        except Exception as exc:  # noqa: BLE001 - nothing a server sends may crash QGIS
            self.outcome = self._failed(unexpected(exc))
        try:
            return bool(self._succeeded(self.outcome))
        except Exception:  # noqa: BLE001 - the task bar's word is not worth a crash
            return False

    def finished(self, result: bool) -> None:  # noqa: ARG002 - the outcome says it all
        if self.outcome is None:  # cancelled before it started: run() never ran
            try:
                self.outcome = self._failed(Cancelled("Cancelled before it started."))
            except Exception:  # noqa: BLE001 - nobody waits for a task that never ran
                return
        self.completed.emit(self.outcome)
