"""Where the Constellr API is, and a client for it (shared by the dock and Processing).

The API base URL comes from the Constellr catalog entry (Catalogs dialog): the
"Sandbox Constellr STAC" of ``make run`` when its URL ends in ``/stac/``, else the
"Constellr STAC" preset (which the user can edit), with the trailing ``stac/`` removed. A
URL that does not end in ``/stac/`` is not a Constellr API, and the default
``https://api.constellr.com/`` is used. The account is the "constellr" one (``X-Api-Key``).
"""

from __future__ import annotations

from typing import Optional

from ..api.catalogs import PRESETS, Catalog
from ..api.constellr import DEFAULT_BASE_URL, ConstellrClient
from ..core import settings

CATALOG_IDS = ("sandbox-constellr", "constellr")


def api_catalog() -> Catalog:
    """The catalog entry whose URL locates the Constellr API (see the module doc)."""
    for catalog_id in CATALOG_IDS:
        catalog = settings.find_catalog(catalog_id)
        if catalog is not None and catalog.url.rstrip("/").endswith("/stac"):
            return catalog
    found = settings.find_catalog("constellr")
    return found or next(p for p in PRESETS if p.id == "constellr")


def api_base_url(catalog: Optional[Catalog] = None) -> str:
    url = (catalog or api_catalog()).url
    if url.rstrip("/").endswith("/stac"):
        return url.rstrip("/")[: -len("stac")]
    return DEFAULT_BASE_URL


def open_client() -> ConstellrClient:
    """A client with the Constellr account (main thread: reads the auth database).

    Raises :class:`CredentialsRequired` when the account is not set up.
    """
    from ..core.network import http_for

    catalog = api_catalog()
    return ConstellrClient(http_for(catalog), api_base_url(catalog))
