"""Qt slots that never take QGIS down: an exception is shown and logged, not raised.

PyQt aborts the application when a Python slot raises (QGIS shows a Python error dialog at
best); every slot of every dock goes through :func:`guarded` (a method) or :func:`call`
(a function connected with a lambda). One policy for all of them:

* an error the user can act on (:class:`~plugin.api.errors.EOExplorerError`, ``ValueError``
  from a form, ``OSError`` from a file) shows its own sentence;
* anything else is a bug or a surprise: "Something unexpected went wrong; details are in the
  EO Explorer message log." and the traceback in that log.

Either way it goes through the dock's ``show_error`` (:func:`.messages.show_error`: message
bar and message log). The owner of a slot is the dock itself, or a panel whose ``dock`` is.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from ...api.errors import EOExplorerError
from ...core import log


def _shown(exc: Exception) -> Exception:
    """What the user is shown for an exception raised in a slot."""
    if isinstance(exc, (ValueError, OSError, EOExplorerError)):
        return exc
    from ...core.tasks import unexpected

    return unexpected(exc)


def report(owner: Any, exc: Exception) -> None:
    """Show ``exc`` in ``owner``'s dock (or only log it when there is no dock to show it)."""
    error = _shown(exc)
    show = getattr(owner, "show_error", None) or getattr(
        getattr(owner, "dock", None), "show_error", None
    )
    try:
        if show is None:
            raise LookupError("no dock to show the error")
        show(error)
    except Exception:  # noqa: BLE001 - the dock may be half gone; the log still tells
        details = getattr(error, "details", "")
        log.error(str(error) + (f"\n{details}" if details else ""))


def call(owner: Any, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``function(*args)`` as a slot: an exception is reported to ``owner``, never raised."""
    try:
        return function(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - a slot must never raise into Qt
        report(owner, exc)
        return None


def guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a dock or panel method used as a slot: errors are reported, never raised.

    Only the arguments the method takes are passed (PyQt would otherwise retry a slot that
    raised TypeError with fewer arguments)."""
    parameters = list(inspect.signature(method).parameters.values())[1:]
    if any(p.kind == p.VAR_POSITIONAL for p in parameters):
        count = None
    else:
        count = len([p for p in parameters if p.kind == p.POSITIONAL_OR_KEYWORD])

    @functools.wraps(method)
    def slot(self, *args: Any, **kwargs: Any) -> Any:
        return call(self, method, self, *(args if count is None else args[:count]), **kwargs)

    return slot
