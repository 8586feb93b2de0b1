"""Pure-Python API layer: HTTP, STAC and provider clients, models. No Qt, no QGIS.

Usable from the QGIS Python console or any script::

    from eo_explorer.plugin.api import StacClient, SearchRequest

The names are imported when first used, so ``plugin.api.errors`` (no dependency at all)
imports even where pydantic or requests is still missing: the message that offers to
install them runs its task with the plugin's one task idiom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import EOExplorerError
    from .search import SearchRequest
    from .stac import StacClient

__all__ = ["EOExplorerError", "SearchRequest", "StacClient"]

_WHERE = {"EOExplorerError": ".errors", "SearchRequest": ".search", "StacClient": ".stac"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
