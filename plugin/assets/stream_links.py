"""Where a streamed asset really is: its redirects resolved before GDAL gets the URL.

GDAL (libcurl) follows redirects and forwards custom headers such as ``X-Api-Key`` to the
redirect target, even on another host, and GDAL 3.6 cannot be told not to follow. So
before GDAL gets a URL with an account's header file, :func:`resolve` follows the redirect
chain with :class:`HttpClient` (the account's headers only on its own origin, hop by hop)
and GDAL gets:

* the asset's own URL with the header file, when the chain stays on the asset's origin
  (GDAL then follows those same-origin hops itself);
* otherwise the URL the chain ends at (typically a presigned storage link), with the
  header file only if that URL is one of the account's origins (A -> B -> A, or another
  host of the same service), else with no account header at all (and ``use_head=no``:
  presigned links are signed for GET).

A presigned link expires and is itself a short-lived key, so it never goes into a project:
the layer keeps it in memory only, the QGIS path writer :func:`saved_source` writes the
asset's own URL and header-file name instead, and when the project is opened again the
path preprocessor (:class:`streaming.ProjectRestorer`) resolves the chain anew. While a
layer is on the map, :class:`LinkRenewer` resolves a link that is about to expire again
(in a thread) and gives the layer the new one.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import parse_qs, quote, urlsplit

import requests

from ..api.errors import NetworkError
from ..api.http import HttpClient, origin
from ..core import log

#: A resolved chain is reused this long (QGIS resolves each layer source several times
#: while it reads a project; presigned links live for minutes to hours).
RESOLVED_SECONDS = 60.0
#: A link is renewed when it expires within this many seconds.
RENEW_MARGIN = 60.0


def vsicurl_path(url: str, header_file: str | None = None, use_head: bool = True) -> str:
    # empty_dir: a COG needs no directory listing (which would go without the header).
    options = "empty_dir=yes"
    if not use_head:
        options += "&use_head=no"
    if header_file:
        options += f"&header_file={quote(header_file, safe='')}"
    return f"/vsicurl?{options}&url={quote(url, safe='')}"


def url_of(path: str) -> str:
    """The URL a ``/vsicurl?…&url=…`` path names."""
    return parse_qs(path.split("?", 1)[1])["url"][0]


def resolve(url: str, http: HttpClient) -> tuple[str, bool]:
    """Follow ``url``'s redirects as :class:`HttpClient` does (the account's headers only
    on its origin): ``(the URL the chain ends at, every hop stayed on the account's
    origin)``. A one-byte GET, not a HEAD: presigned links are signed for GET only."""
    hops = [url]

    def follow(target: str) -> bool:
        hops.append(target)
        return True

    try:
        raw, _sent = http.open("GET", url, headers={"Range": "bytes=0-0"}, follow=follow)
    except (requests.exceptions.RequestException, ValueError) as exc:
        # ValueError: an address requests cannot parse (a redirect to port 99999, say)
        host = urlsplit(url).netloc
        raise NetworkError(f"Could not reach {host}.", details=f"{url}: {exc}") from exc
    raw.close()
    return hops[-1], all(http.sends_credentials_to(hop) for hop in hops)


def link_expiry(url: str) -> float | None:
    """When a presigned link stops working (epoch seconds), from its query: AWS SigV4
    (``X-Amz-Date`` + ``X-Amz-Expires``), Google (``X-Goog-…``), SigV2 / CloudFront
    (``Expires``), Azure SAS (``se``). None when the link says nothing."""
    query = {k.lower(): v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    for prefix in ("x-amz-", "x-goog-"):
        date, expires = query.get(prefix + "date"), query.get(prefix + "expires")
        if date and expires:
            try:
                start = datetime.strptime(date, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
                return start.timestamp() + float(expires)
            except ValueError:
                return None
    if query.get("expires", "").isdigit():
        return float(query["expires"])
    if "se" in query:
        try:
            return datetime.fromisoformat(query["se"].replace("Z", "+00:00")).timestamp()
        except ValueError:
            return None
    return None


@dataclass
class _Link:
    source: str  # what a project keeps: the asset's own URL with the header file
    resolved: str  # what GDAL opens
    at: float  # time.monotonic() when resolved
    expires: float | None  # epoch seconds, for a presigned link
    http: HttpClient


_lock = threading.Lock()
#: the path a project keeps -> its resolution
_links: dict[str, _Link] = {}
#: resolved GDAL path -> the path a project keeps
_saved: dict[str, str] = {}


def resolved_source(source: str, http: HttpClient, fresh: bool = False) -> str:
    """The GDAL path for ``source`` (``/vsicurl?…header_file=…&url=…``) once its redirect
    chain is known (see the module's docstring). Clears GDAL's cache of the URLs (it
    remembers a refusal from before the account was set up)."""
    from osgeo import gdal

    with _lock:
        known = _links.get(source)
    if not fresh and known is not None and time.monotonic() - known.at < RESOLVED_SECONDS:
        return known.resolved
    query = parse_qs(source.split("?", 1)[1])
    url, header_file = query["url"][0], query["header_file"][0]
    final, same_origin = resolve(url, http)
    if same_origin and origin(final) == origin(url):
        resolved = source
    elif http.sends_credentials_to(final):
        # Back on the account's origin (A -> B -> A), or on another host of the same
        # account (CDSE downloads -> zipper): GDAL goes there directly with the header
        # file (libcurl would drop ``Authorization`` on the way).
        resolved = vsicurl_path(final, header_file, use_head=False)
    else:
        resolved = vsicurl_path(final, None, use_head=False)
    for target in {url, final}:
        gdal.VSICurlPartialClearCache("/vsicurl/" + target)
    expires = None if same_origin else link_expiry(final)
    with _lock:
        _links[source] = _Link(source, resolved, time.monotonic(), expires, http)
        if resolved != source:
            _saved[resolved] = source
    return resolved


def without_account(source: str) -> str:
    """``source`` without its header file: what GDAL opens when the redirects of a saved
    layer could not be resolved (it fails and says so, sending no account header)."""
    plain = vsicurl_path(url_of(source))
    with _lock:
        _saved[plain] = source
    return plain


def saved_source(path: str) -> str:
    """A QGIS path writer: a streamed layer's resolved path goes into a project as the
    asset's own URL and header-file name (never a presigned link)."""
    with _lock:
        return _saved.get(path, path)


def forget() -> None:
    """Forget every resolution (plugin unload)."""
    with _lock:
        _links.clear()
        _saved.clear()


def expiring(margin: float = RENEW_MARGIN) -> dict[str, _Link]:
    """Resolved paths whose presigned link expires within ``margin`` seconds."""
    now = time.time()
    with _lock:
        return {
            link.resolved: link
            for link in _links.values()
            if link.expires is not None and link.expires - now < margin
        }


class LinkRenewer:
    """Keeps streamed layers on fresh links: each :meth:`tick` (a QTimer on the main
    thread) gives layers the links renewed since the last tick, and starts renewing in a
    thread those that expire soon (a request must not hold up QGIS)."""

    def __init__(self, margin: float = RENEW_MARGIN) -> None:
        self.margin = margin
        self._renewed: dict[str, str] = {}  # old resolved path -> new one
        self._busy: set[str] = set()
        self._lock = threading.Lock()

    def tick(self, layers) -> int:
        """Swap renewed links into ``layers``; returns how many layers got one."""
        with self._lock:
            renewed, self._renewed = self._renewed, {}
        layers = list(layers)
        swapped = 0
        for layer in layers:
            new = renewed.get(layer.source())
            if new is not None and new != layer.source():
                from qgis.core import QgsDataProvider

                layer.setDataSource(
                    new, layer.name(), layer.providerType(), QgsDataProvider.ProviderOptions()
                )
                swapped += 1
        sources = {layer.source() for layer in layers}
        for old, link in expiring(self.margin).items():
            if old not in sources:
                continue  # no layer reads it any more
            with self._lock:
                if old in self._busy:
                    continue
                self._busy.add(old)
            threading.Thread(
                target=self._renew, args=(old, link), name="eo-explorer-links", daemon=True
            ).start()
        return swapped

    def _renew(self, old: str, link: _Link) -> None:
        try:
            new = resolved_source(link.source, link.http, fresh=True)
            with self._lock:
                self._renewed[old] = new
        except Exception as exc:  # noqa: BLE001 - said in the log; the next tick retries
            log.warning(f"Could not renew the link of a streamed layer: {exc}")
        finally:
            with self._lock:
                self._busy.discard(old)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """For tests: wait until no renewal is running."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not self._busy:
                    return True
            time.sleep(0.02)
        return False
