"""The Process dock's engines: one form, several ways of running it on Sentinel Hub.

The form (endpoint, collection, area, dates, data options, evalscript, output) is the same
for every engine; the "Make" choice at its top says what is made of it:

* ``process``: an image now, through the synchronous Process API (tiled when large);
* further engines (statistics per interval, delivery to a bucket, large areas) add their
  own options below the form and their own run.

An :class:`Engine` is built once per dock. It may give an options widget (shown only while
it is the chosen engine), the Run button's text, a line for the estimate, and it starts the
run through the same dock interface a Process run uses (``gui/sentinelhub/run.py``:
``run_request``, ``sign_in``, ``set_running``, ``show_progress``, ``show_error``, ``task``...).
"""

from __future__ import annotations

from typing import Any, Optional

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QWidget

from .run import start_job


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


class Engine:
    """One engine of the Process dock. Subclasses set ``key`` and override what differs."""

    key = ""

    def __init__(self, dock: Any) -> None:
        self.dock = dock
        self._widget: Optional[QWidget] = None

    def title(self) -> str:
        """The "Make" choice's text."""
        raise NotImplementedError

    def run_text(self) -> str:
        """The Run button's text while this engine is chosen."""
        raise NotImplementedError

    def options_widget(self) -> Optional[QWidget]:
        """This engine's own options (created once, on first use); None when it has none."""
        if self._widget is None:
            self._widget = self.make_options(self.dock)
        return self._widget

    def make_options(self, parent: QWidget) -> Optional[QWidget]:  # noqa: ARG002 - for subclasses
        return None

    def estimate(self, job: Any) -> Optional[str]:  # noqa: ARG002 - for subclasses
        """A line added under the form's estimate for ``job`` (None: nothing to add)."""
        return None

    def start(self) -> None:
        """Read the form and start the run (raise ValueError/EOExplorerError with a sentence)."""
        raise NotImplementedError

    def shutdown(self) -> None:
        """The dock closes: stop timers and tasks of this engine's own."""


class ProcessEngine(Engine):
    """An image now: the synchronous Process API, tiled and mosaicked when large."""

    key = "process"

    def title(self) -> str:
        return tr("Image (Process API)")

    def run_text(self) -> str:
        return tr("Request imagery")

    def start(self) -> None:
        start_job(self.dock)


#: The engines in the order of the "Make" choice; the first is the default.
ENGINE_CLASSES: list[type[Engine]] = [
    ProcessEngine,
]

from .async_engine import AsyncEngine  # noqa: E402 - it builds on Engine above

ENGINE_CLASSES.append(AsyncEngine)

from .statistics_engine import StatisticsEngine  # noqa: E402 - it subclasses Engine

ENGINE_CLASSES.append(StatisticsEngine)
