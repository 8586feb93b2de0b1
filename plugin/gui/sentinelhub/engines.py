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

#: The Async Process API's largest output, in pixels a side.
ASYNC_MAX_PIXELS = 10_000


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

    def estimate_text(self) -> Optional[str]:
        """This engine's own estimate, in place of the Process plan's (pixels, requests,
        units, its limits) and :meth:`estimate`; None (the default): the Process plan's.
        An engine whose requests are not the Process API's overrides it. Raise ValueError
        or EOExplorerError with a sentence: the dock shows "Not ready: …"."""
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

    def estimate(self, job: Any) -> Optional[str]:
        """Which engine suits the size: one request up to 2500 px (seed 001), the Async API
        up to 10000 px a side (Sentinel Hub's Async Processing documentation; the seed does
        not give it), Batch Processing beyond."""
        if len(job.tiles) <= 1:
            return None
        grid = job.grid
        largest = max(grid.width, grid.height)
        side = max(max(t.width, t.height) for t in job.tiles)
        text = tr("Large: {n} tiles of up to {side} px, put together here.").format(
            n=len(job.tiles), side=side
        )
        if largest <= ASYNC_MAX_PIXELS:
            return (
                text
                + " "
                + tr("The Async API makes it in one request (up to {async_px} px a side).").format(
                    async_px=ASYNC_MAX_PIXELS
                )
            )
        return (
            text
            + " "
            + tr(
                "Beyond {async_px} px a side ({px} px here): Large area (Batch Processing API) "
                "makes it on Sentinel Hub's side."
            ).format(async_px=ASYNC_MAX_PIXELS, px=largest)
        )

    def start(self) -> None:
        start_job(self.dock)


# The other engines build on Engine above: imported here, after it.
from .async_engine import AsyncEngine  # noqa: E402
from .batch_engine import BatchEngine  # noqa: E402
from .statistics_engine import StatisticsEngine  # noqa: E402

#: The engines in the order of the "Make" choice; the first is the default.
ENGINE_CLASSES: list[type[Engine]] = [
    ProcessEngine,  # an image now
    StatisticsEngine,  # a time series of the area
    AsyncEngine,  # one large image, delivered to a bucket
    BatchEngine,  # a large area, tiled on Sentinel Hub's side
]
