"""Which credentials an asset gets, and GDAL paths that carry them without showing them.

Credentials follow the asset's host: the catalog's own account for assets on the
catalog's host, otherwise the account known for that host (``api.accounts.HOSTS``), else
none. For streaming, GDAL 3.6's ``/vsicurl/`` ignores path-specific header options, so
the headers go into a small file in GDAL's in-memory file system, named in the
``/vsicurl?header_file=…&url=…`` path: the layer source and the project file hold only
that in-memory name, never the key or token.

The in-memory file is named after the account (``…/headers/<account>.txt``), so a saved
project still says which account its streamed layers need: when the project is opened
again, :func:`restore_header_file` (a QGIS path preprocessor) writes the file anew from
the authentication database before GDAL opens the layer. GDAL reads the header file at
every request, so :class:`HeaderFiles` keeps bearer tokens in it fresh while QGIS runs.

Redirects: GDAL would forward an account's custom headers to a redirect target on another
host, so the asset's redirect chain is resolved first (:mod:`stream_links`); a presigned
link GDAL then reads stays out of projects and is renewed before it expires.
"""

from __future__ import annotations

import threading
import time
from typing import Callable
from urllib.parse import parse_qs, quote, unquote, urlsplit

from ..api.accounts import HOSTS
from ..api.assets import Asset, Location
from ..api.auth import RequestAuth
from ..api.catalogs import Catalog
from ..api.errors import CredentialsRequired, EOExplorerError
from ..api.http import HttpClient
from ..core import credentials, log
from ..core.network import plain_client
from . import s3, stream_links
from .stream_links import resolved_source, vsicurl_path, without_account

HEADER_FOLDER = "/vsimem/eo_explorer/headers"
#: How often the header files are rewritten when their token was renewed. Tokens are
#: renewed 30 s before they expire, so the file always holds one valid for ≥ 10 s.
REFRESH_SECONDS = 20.0
#: A header file that could not be restored is not tried again for this long (QGIS
#: resolves each layer source several times while it reads a project).
RETRY_SECONDS = 30.0


def service_for_host(host: str) -> str | None:
    for service, hosts in HOSTS.items():
        if host in hosts:
            return service
    return None


def asset_account(url: str, catalog: Catalog | None) -> str | None:
    """The account whose credentials go with ``url`` (None: none is set up or needed).

    The one place that decides it, for the Assets tab, the Deliveries tab and the
    Processing download alike. The catalog is the one searched, or (Processing, which
    has only the items) the catalog on the asset's host. An asset on the catalog's own
    host gets the catalog's account when it has one (or is the user's own, with its own
    credentials), or, when searching is public but its files are not (ESA MAAP:
    ``.../data/...`` on the catalogue's host needs the MAAP bearer token), the catalog's
    ``data_account``; otherwise the account known for the host (``api.accounts.HOSTS``).
    """
    host = urlsplit(url).netloc
    if catalog is None or urlsplit(catalog.url).netloc != host:
        catalog = _catalog_on_host(host) or catalog
    if catalog is not None and urlsplit(catalog.url).netloc == host:
        if catalog.account or catalog.data_account:
            return catalog.account or catalog.data_account
        if not catalog.builtin:
            return f"catalog:{catalog.id}"
    service = service_for_host(host)
    return service if service is not None and credentials.authcfg(service) else None


def _catalog_on_host(host: str) -> Catalog | None:
    """A known catalog (presets, the user's own) on ``host`` that needs an account."""
    from ..core import settings

    for known in settings.catalogs():
        if urlsplit(known.url).netloc == host and (known.account or known.data_account):
            return known
    return None


def _catalog_account(catalog: Catalog | None) -> str | None:
    if catalog is None:
        return None
    return catalog.account or (None if catalog.builtin else f"catalog:{catalog.id}")


def http_for_asset(url: str, catalog: Catalog | None, catalog_http: HttpClient) -> HttpClient:
    """The client for one asset URL (main thread: may read the auth database)."""
    account = asset_account(url, catalog)
    same_host = catalog is not None and urlsplit(catalog.url).netloc == urlsplit(url).netloc
    if same_host and account is not None and account == _catalog_account(catalog):
        return catalog_http  # it already carries the catalog's credentials
    plain = catalog_http.with_auth(None)
    if account is None:
        return plain
    return plain.with_auth(credentials.auth_for(account, plain), *account_origins(account, url))


def account_origins(account: str, url: str) -> list[str]:
    """Where an account's headers may go for an asset at ``url``: its origin, and the
    https hosts of that service (CDSE downloads redirect to its ``zipper`` host)."""
    return [url, *(f"https://{host}/" for host in HOSTS.get(account, ()))]


def header_path(account: str) -> str:
    """The in-memory header file of an account (its name is not a secret)."""
    return f"{HEADER_FOLDER}/{quote(account, safe='')}.txt"


def stream_source(asset: Asset, catalog: Catalog | None, catalog_http: HttpClient) -> str:
    """The GDAL path that streams ``asset`` with its account's credentials (main thread).

    ``s3://`` assets get the account's keys for their bucket only (:mod:`plugin.assets.s3`).
    """
    location = asset.location()
    if location.kind == "s3":
        s3.ready(location)
        return location.gdal_path
    http = http_for_asset(location.url, catalog, catalog_http)
    return gdal_source(location, http.auth, asset_account(location.url, catalog), http)


def gdal_source(
    location: Location,
    auth: RequestAuth | None,
    account: str | None,
    http: HttpClient | None = None,
) -> str:
    """A GDAL path that streams ``location`` with ``auth``'s headers, if any, sent only
    to the account's origin (``http`` resolves the redirects; by default a plain client
    whose account goes to ``location``'s origin)."""
    if location.kind != "https":
        return location.gdal_path
    if auth is None or account is None:
        return vsicurl_path(location.url)
    path = header_path(account)
    header_files.write(path, auth)
    if http is None or http.auth is not auth:
        http = plain_client().with_auth(auth, *account_origins(account, location.url))
    return resolved_source(vsicurl_path(location.url, path), http)


def _header_text(auth: RequestAuth) -> str:
    return "".join(f"{name}: {value}\r\n" for name, value in auth.headers().items())


class HeaderFiles:
    """The header files of streamed layers, rewritten when their token is renewed.

    A bearer token expires (CDSE: after 10 minutes) while the layer stays on the map;
    a background thread asks each account for its headers every ``period`` seconds (the
    token provider renews shortly before expiry) and rewrites the file when they changed.
    """

    def __init__(self, period: float = REFRESH_SECONDS) -> None:
        self.period = period
        self._auths: dict[str, RequestAuth] = {}
        self._texts: dict[str, str] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_problem = ""

    def __contains__(self, path: str) -> bool:
        with self._lock:
            return path in self._auths

    def auth(self, path: str) -> RequestAuth | None:
        with self._lock:
            return self._auths.get(path)

    def write(self, path: str, auth: RequestAuth) -> None:
        """Write ``path`` with ``auth``'s headers now and keep it fresh from then on."""
        text = _header_text(auth)  # may fetch a token: the caller's thread waits
        with self._lock:
            self._auths[path] = auth
            self._store(path, text)
            if self._thread is None or not self._thread.is_alive():
                self._stop = threading.Event()  # its own: an old thread may still be ending
                self._thread = threading.Thread(
                    target=self._run,
                    args=(self._stop,),
                    name="eo-explorer-header-files",
                    daemon=True,
                )
                self._thread.start()

    def refresh(self) -> int:
        """One round: rewrite the files whose headers changed; returns how many."""
        with self._lock:
            auths = dict(self._auths)
        changed = 0
        for path, auth in auths.items():
            text = _header_text(auth)
            with self._lock:
                if path in self._auths and self._texts.get(path) != text:
                    self._store(path, text)
                    changed += 1
        return changed

    def clear(self) -> None:
        """Stop refreshing and delete every header file (plugin unload)."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)
        self._thread = None
        from osgeo import gdal

        with self._lock:
            self._auths.clear()
            self._texts.clear()
        stream_links.forget()
        with self._lock:
            for name in gdal.ReadDir(HEADER_FOLDER) or []:
                gdal.Unlink(f"{HEADER_FOLDER}/{name}")

    def _store(self, path: str, text: str) -> None:
        from osgeo import gdal

        gdal.FileFromMemBuffer(path, text.encode("utf-8"))
        self._texts[path] = text

    def _run(self, stop: threading.Event) -> None:
        while not stop.wait(self.period):
            try:
                self.refresh()
                self._last_problem = ""
            except Exception as exc:  # noqa: BLE001 - the thread must live on; said once
                problem = str(exc) if isinstance(exc, EOExplorerError) else repr(exc)
                if problem != self._last_problem:
                    log.warning(f"Could not renew the credentials of streamed layers: {problem}")
                    self._last_problem = problem


header_files = HeaderFiles()


def forget_header_files() -> None:
    """Drop every in-memory header file (plugin unload)."""
    header_files.clear()


class ProjectRestorer:
    """A QGIS path preprocessor: writes the header file a saved layer source names, from
    the account in the authentication database, before GDAL opens the layer.

    ``report(message)`` tells the user (message bar) what could not be restored.
    """

    def __init__(self, report: Callable[[str], None] = log.warning) -> None:
        self.report = report
        self._failed: dict[str, float] = {}

    def __call__(self, path: str) -> str:
        try:
            self.restore(path)
            header_file = _header_file_of(path)
            if header_file is not None and header_file in header_files:
                return self.resolve(path)
        except Exception as exc:  # noqa: BLE001 - reading a project must never fail here
            log.warning(f"Could not restore the credentials of {path!r}: {exc!r}")
            if _header_file_of(path) is not None:
                return without_account(path)
        return path

    def resolve(self, path: str) -> str:
        """The path GDAL opens: the asset's redirects resolved anew (a fresh link)."""
        header = _header_file_of(path)
        url = parse_qs(path.split("?", 1)[1])["url"][0]
        auth = header_files.auth(header or "")
        if auth is None:
            return path
        try:
            account = unquote((header or "")[len(HEADER_FOLDER) + 1 : -len(".txt")])
            http = plain_client().with_auth(auth, *account_origins(account, url))
            return resolved_source(path, http)
        except EOExplorerError as exc:
            # Not the asset's own URL with the header file: GDAL would follow a redirect
            # with the account's headers. Without them the layer reports the failure.
            log.warning(f"Could not open a streamed layer of this project: {exc}")
            return without_account(path)

    def restore(self, path: str) -> bool:
        """True when a header file was (re)written for ``path``."""
        header = _header_file_of(path)
        if header is None or header in header_files:
            return False
        failed = self._failed.get(header)
        if failed is not None and time.monotonic() - failed < RETRY_SECONDS:
            return False
        account = unquote(header[len(HEADER_FOLDER) + 1 : -len(".txt")])
        title = credentials.title(account)
        try:
            auth = credentials.auth_for(account, plain_client())
            if auth is None:
                raise CredentialsRequired(f"no {title} account")
            header_files.write(header, auth)
        except CredentialsRequired:
            problem = f"needs your {title} account (EO Explorer ▸ Accounts…)."
        except EOExplorerError as exc:
            problem = f"could not get its {title} credentials: {exc}"
        else:
            self._failed.pop(header, None)
            return True
        self._failed[header] = time.monotonic()
        self.report(f"A streamed layer of this project {problem}")
        return False


def _header_file_of(path: str) -> str | None:
    """The plugin's header file named in a ``/vsicurl?…`` path, if any."""
    if not path.startswith("/vsicurl?") or "header_file=" not in path:
        return None
    values = parse_qs(path.split("?", 1)[1]).get("header_file") or [""]
    header = values[0]
    prefix = HEADER_FOLDER + "/"
    if not header.startswith(prefix) or not header.endswith(".txt") or "/" in header[len(prefix) :]:
        return None
    return header
