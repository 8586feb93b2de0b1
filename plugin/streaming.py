"""Which credentials an asset gets, and GDAL paths that carry them without showing them.

Credentials follow the asset's host: the catalog's own account for assets on the
catalog's host, otherwise the account known for that host (``api.accounts.HOSTS``), else
none. For streaming, GDAL 3.6's ``/vsicurl/`` ignores path-specific header options, so
the headers go into a small file in GDAL's in-memory file system, named in the
``/vsicurl?header_file=…&url=…`` path: the layer source and the project file hold only
that in-memory name, never the key or token.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote, urlsplit

from . import credentials
from .api.accounts import HOSTS
from .api.assets import Location
from .api.auth import RequestAuth
from .api.catalogs import Catalog
from .api.http import HttpClient

HEADER_FOLDER = "/vsimem/eo_explorer/headers"


def service_for_host(host: str) -> str | None:
    for service, hosts in HOSTS.items():
        if host in hosts:
            return service
    return None


def http_for_asset(url: str, catalog: Catalog | None, catalog_http: HttpClient) -> HttpClient:
    """The client for one asset URL (main thread: may read the auth database)."""
    host = urlsplit(url).netloc
    if catalog is not None and urlsplit(catalog.url).netloc == host:
        return catalog_http
    service = service_for_host(host)
    plain = catalog_http.with_auth(None)
    if service is None or not credentials.authcfg(service):
        return plain
    return plain.with_auth(credentials.auth_for(service, plain))


def gdal_source(location: Location, auth: RequestAuth | None) -> str:
    """A GDAL path that streams ``location`` with ``auth``'s headers, if any."""
    if location.kind != "https":
        return location.gdal_path
    if auth is None:
        return "/vsicurl?empty_dir=yes&url=" + quote(location.url, safe="")
    from osgeo import gdal

    headers = auth.headers()
    text = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    key = hashlib.sha256((location.host + "|" + text).encode()).hexdigest()[:16]
    path = f"{HEADER_FOLDER}/{key}.txt"
    gdal.FileFromMemBuffer(path, text.encode("utf-8"))
    # GDAL remembers a refused URL (a 401 before the account was set up): forget it.
    gdal.VSICurlPartialClearCache("/vsicurl/" + location.url)
    # empty_dir: a COG needs no directory listing (which would go without the header).
    return (
        f"/vsicurl?empty_dir=yes&header_file={quote(path, safe='')}"
        f"&url={quote(location.url, safe='')}"
    )


def forget_header_files() -> None:
    """Drop every in-memory header file (plugin unload)."""
    from osgeo import gdal

    for name in gdal.ReadDir(HEADER_FOLDER) or []:
        gdal.Unlink(f"{HEADER_FOLDER}/{name}")
