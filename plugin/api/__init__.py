"""Pure-Python API layer: HTTP, STAC and provider clients, models. No Qt, no QGIS.

Usable from the QGIS Python console or any script::

    from eo_explorer.plugin.api import StacClient, SearchRequest
"""

from __future__ import annotations

from .errors import EOExplorerError
from .search import SearchRequest
from .stac import StacClient

__all__ = ["EOExplorerError", "SearchRequest", "StacClient"]
