"""HTTP for the plugin inside QGIS: QGIS's proxy settings and trusted CA certificates,
and the accounts each catalog needs.

The proxy is read from QGIS (Settings ▸ Options ▸ Network), as QGIS's own requests use it:
the system proxy when "use system proxy" is chosen, otherwise the proxy set there, except
for URLs in the exclusion lists. Environment variables are ignored, as QGIS ignores them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from qgis.core import QgsApplication, QgsNetworkAccessManager
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkProxy, QNetworkProxyFactory, QNetworkProxyQuery

from ..api.accounts import HOSTS
from ..api.catalogs import Catalog
from ..api.http import HttpClient, HttpSettings, make_session
from . import credentials

_PROXY_SCHEMES = {
    QNetworkProxy.ProxyType.HttpProxy: "http",
    QNetworkProxy.ProxyType.HttpCachingProxy: "http",
    QNetworkProxy.ProxyType.Socks5Proxy: "socks5h",
}


def _proxy_url(proxy: QNetworkProxy) -> str:
    scheme = _PROXY_SCHEMES.get(proxy.type())
    if scheme is None or not proxy.hostName():
        return ""
    auth = ""
    if proxy.user():
        auth = quote(proxy.user(), safe="") + ":" + quote(proxy.password(), safe="") + "@"
    return f"{scheme}://{auth}{proxy.hostName()}:{proxy.port()}"


@dataclass(frozen=True)
class ProxyRules:
    """A snapshot of QGIS's proxy configuration, usable from worker threads."""

    fallback: str = ""
    excluded: tuple[str, ...] = ()
    use_system: bool = False

    def __call__(self, url: str) -> dict[str, str]:
        """``proxies`` for requests: an empty value means a direct connection."""
        if any(prefix and url.startswith(prefix) for prefix in self.excluded):
            return {"http": "", "https": ""}
        proxy = self.fallback
        if self.use_system:
            found = QNetworkProxyFactory.systemProxyForQuery(QNetworkProxyQuery(QUrl(url)))
            proxy = _proxy_url(found[0]) if found else ""
        return {"http": proxy, "https": proxy}

    def __repr__(self) -> str:  # the fallback URL may hold the proxy password
        return f"ProxyRules(proxy={'yes' if self.fallback else 'no'}, system={self.use_system})"


def proxy_rules() -> ProxyRules:
    manager = QgsNetworkAccessManager.instance()
    excluded: Sequence[str] = [*manager.excludeList(), *manager.noProxyList()]
    return ProxyRules(
        fallback=_proxy_url(manager.fallbackProxy()),
        excluded=tuple(str(u).strip() for u in excluded if str(u).strip()),
        use_system=bool(manager.useSystemProxy()),
    )


def ca_bundle() -> str | bool:
    """QGIS's trusted CA certificates as a PEM file (True: the default bundle)."""
    pem = bytes(QgsApplication.authManager().trustedCaCertsPemText())
    if not pem.strip():
        return True
    folder = Path(QgsApplication.qgisSettingsDirPath()) / "cache" / "eo_explorer"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    path = folder / "trusted-ca.pem"
    if not path.exists() or path.read_bytes() != pem:
        path.write_bytes(pem)
    return str(path)


def http_settings() -> HttpSettings:
    return HttpSettings(proxy_for=proxy_rules(), verify=ca_bundle())


def plain_client() -> HttpClient:
    """A client with QGIS's network settings and no credentials (main thread)."""
    current = http_settings()
    return HttpClient(make_session(current), current)


def http_for(catalog: Catalog) -> HttpClient:
    """The client a catalog search uses, with its account's credentials (main thread).

    Raises :class:`CredentialsRequired` when the catalog needs an account not set up yet.
    """
    client = plain_client()
    service = catalog.account or f"catalog:{catalog.id}"
    return client.with_auth(credentials.auth_for(service, client), *account_origins(catalog))


def account_origins(catalog: Catalog) -> list[str]:
    """Where a catalog's account may go: the catalog's own origin, and the https hosts
    whose APIs use that account (a Sentinel Hub account works on both of its hosts)."""
    return [catalog.url, *(f"https://{host}/" for host in HOSTS.get(catalog.account or "", ()))]
