"""GDAL calls that work in either of GDAL's error modes.

GDAL's exception mode is one switch for the whole process, and it is not ours: QGIS 3.40+
Processing turns exceptions on (``gdal.UseExceptions()``) for every later caller, older
QGIS leaves them off, and another plugin may flip it at any time. So it is never changed
here (a worker thread switching it would change it under QGIS's main thread too); a call
goes through :func:`call` instead, which gives the same answer in both modes.
"""

from __future__ import annotations

from typing import Any, Callable

from osgeo import gdal


class GdalFailed(Exception):
    """A GDAL call failed; ``message`` is GDAL's own text (may be empty)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``function(*args, **kwargs)``; raises :class:`GdalFailed` with GDAL's message when it
    fails: when it returns None (exceptions off) or raises RuntimeError (exceptions on)."""
    gdal.ErrorReset()
    try:
        result = function(*args, **kwargs)
    except RuntimeError as exc:
        raise GdalFailed(str(exc) or gdal.GetLastErrorMsg()) from exc
    if result is None:
        raise GdalFailed(gdal.GetLastErrorMsg())
    return result
