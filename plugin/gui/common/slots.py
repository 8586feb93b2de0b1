"""Qt slots that never take QGIS down: an exception is logged and shown, not raised.

PyQt aborts the application when a Python slot raises (QGIS shows a Python error dialog at
best); every slot of the Constellr dock goes through :func:`guarded`.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable
from typing import Any

from ...core import log


def guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a widget method used as a slot: errors go to the log and the message bar."""

    @functools.wraps(method)
    def slot(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - a slot must not raise into Qt
            log.error("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
            owner = self if hasattr(self, "report_unexpected") else getattr(self, "dock", None)
            report = getattr(owner, "report_unexpected", None)
            if report is not None:
                try:
                    report(exc)
                except Exception:  # noqa: BLE001
                    pass
            return None

    return slot
