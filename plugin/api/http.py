"""HTTP transport: one place that builds ``requests`` sessions and turns failures into
:mod:`errors` the user can read.

Retries: idempotent requests (GET, HEAD) are retried on 429/502/503/504 and on connection
resets, honouring ``Retry-After``. POST is retried only when the caller says the request
is idempotent (a STAC search is; an order is not).

Credentials go only to the origin they belong to. Whatever headers an account adds
(:meth:`auth.RequestAuth.headers`: an API key, a bearer token, Basic, a custom header) are
sent only to the account's origins (scheme, host, port), on every request and on every
redirect hop: a ``next`` link or a redirect to another origin goes without them, and a
redirect back to the account's origin (A -> B -> A) gets them again. Redirects are followed
here, hop by hop (``requests`` would forward custom headers such as ``X-Api-Key`` to another
host), with the method and body rules of RFC 9110: 301/302/303 become a GET without a body
(HEAD stays HEAD), 307/308 keep the method and body; at most :data:`MAX_REDIRECTS` hops.
Headers a caller passes itself are dropped on a hop away from the first URL's origin when
they are credentials (:data:`CREDENTIAL_HEADERS`, or named like one of the account's).
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from .. import __version__ as _plugin_version
from .errors import Cancelled, HttpError, InvalidResponse, NetworkError, RequestTimeout
from .threads import IsCancelled, _never, sleep_unless_cancelled

USER_AGENT = f"EO-Explorer-QGIS/{_plugin_version}"
RETRY_STATUSES = frozenset({429, 502, 503, 504})
CREDENTIAL_HEADERS = ("Authorization", "X-Api-Key", "Cookie", "Proxy-Authorization")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Redirect hops followed for one request (requests' default is 30; browsers use 20).
MAX_REDIRECTS = 10
#: Request headers that describe a body, dropped with it when a redirect becomes a GET.
_BODY_HEADERS = ("Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding")
#: (connect, read) seconds. Read is per socket read, not for the whole body.
DEFAULT_TIMEOUT = (10.0, 60.0)
MAX_RETRY_WAIT = 30.0
#: The most a JSON answer may hold once unpacked (gzip, deflate). Files are downloaded
#: through :meth:`HttpClient.stream`, which this does not limit.
MAX_BODY_BYTES = 256 * 1024 * 1024
#: Bytes read from the socket at a time: a gzip chunk unpacks to at most ~1,000 times as
#: much, so one read holds at most ~32 MiB (twice that while urllib3 copies it).
READ_CHUNK = 32 * 1024


Origin = tuple  # (scheme, host, port)


def origin(url: str) -> Origin:
    """``(scheme, host, port)`` of ``url``, with the scheme's default port filled in."""
    parts = urlsplit(url)
    scheme = (parts.scheme or "").lower()
    try:
        port = parts.port
    except ValueError:
        return (scheme, (parts.hostname or "").lower(), -1)  # no port: no origin's
    if port is None:
        port = {"http": 80, "https": 443}.get(scheme)
    return (scheme, (parts.hostname or "").lower(), port)


def redirect_target(status: int, method: str, location: str, url: str) -> tuple[str, str, bool]:
    """Where a redirect goes: ``(method, absolute url, keep the body)`` (RFC 9110 15.4).

    301, 302 and 303 become a GET without a body (HEAD stays HEAD), as browsers and
    ``requests`` do; 307 and 308 repeat the same method with the same body.
    """
    target = urljoin(url, location.strip()).split("#", 1)[0]
    if status in (307, 308):
        return method, target, True
    return ("HEAD" if method.upper() == "HEAD" else "GET"), target, False


class CredentialSafeSession(requests.Session):
    """A session that never forwards credential headers to another origin on redirect.

    :class:`HttpClient` follows redirects itself (so it knows each hop's origin); this
    guard is for code that uses the session directly with ``allow_redirects``.
    """

    def rebuild_auth(self, prepared_request, response):
        super().rebuild_auth(prepared_request, response)
        if origin(response.request.url) != origin(prepared_request.url):
            for name in CREDENTIAL_HEADERS:
                prepared_request.headers.pop(name, None)


@dataclass
class HttpSettings:
    """Non-secret transport options (the QGIS glue fills proxies and CA bundle)."""

    timeout: tuple[float, float] = DEFAULT_TIMEOUT
    retries: int = 3
    backoff: float = 0.5
    proxies: dict[str, str] = field(default_factory=dict)
    #: per-URL proxies (QGIS exclusion lists); overrides ``proxies`` when set
    proxy_for: Callable[[str], dict[str, str]] | None = None
    verify: bool | str = True
    user_agent: str = USER_AGENT
    #: the largest answer read into memory, once unpacked (see :data:`MAX_BODY_BYTES`)
    max_body_bytes: int = MAX_BODY_BYTES


def make_session(settings: HttpSettings | None = None) -> requests.Session:
    """The one session factory for all HTTP the plugin does."""
    settings = settings or HttpSettings()
    session = CredentialSafeSession()
    session.headers["User-Agent"] = settings.user_agent
    session.proxies.update(settings.proxies)
    if settings.proxy_for is not None:
        # The proxy comes from the application's settings, as for its other requests.
        session.trust_env = False
    # TLS verification stays on: ``verify`` is either True or a CA bundle path.
    session.verify = settings.verify if settings.verify else True
    # A session nobody closed still closes its connections when it is dropped: left to
    # the garbage collector, each pooled socket says "ResourceWarning: unclosed <socket>"
    # (QGIS's Python warnings tab, at every search). The finalizer holds the adapters,
    # not the session, so they outlive it and close their sockets properly.
    weakref.finalize(session, _close_adapters, list(session.adapters.values()))
    return session


def _close_adapters(adapters: list) -> None:
    for adapter in adapters:
        try:
            adapter.close()
        except Exception:  # noqa: BLE001 - closing at collection never raises
            pass


@dataclass
class Response:
    """What callers get back: status, headers, raw bytes and the final URL."""

    status: int
    headers: dict[str, str]
    content: bytes
    url: str

    def json(self) -> Any:
        return self._decode(json.loads)

    def page_json(self) -> tuple[Any, list[str] | None]:
        """A search page and each item's own text (see :mod:`pagejson`)."""
        from .pagejson import loads_page

        return self._decode(loads_page)

    def _decode(self, loads: Any) -> Any:
        try:
            return loads(self.content)
        except (ValueError, UnicodeDecodeError) as exc:
            snippet = self.content[:200].decode("utf-8", "replace")
            raise InvalidResponse(
                "The server's answer is not valid JSON.",
                details=f"{self.url}: {exc}; body starts with {snippet!r}",
            ) from exc
        except RecursionError:
            # Raised while unwinding a deep parse; the frames are gone by now.
            raise InvalidResponse(
                f"The answer from {_host(self.url)} is nested too deeply to be read; it is "
                "not a page EO Explorer can use.",
                details=f"{self.url}: JSON nested deeper than Python's recursion limit",
            ) from None


class HttpClient:
    """Small wrapper over a session: JSON in and out, errors for people, cancellation."""

    def __init__(
        self,
        session: requests.Session | None = None,
        settings: HttpSettings | None = None,
        headers: dict[str, str] | None = None,
        auth: Any = None,
        origins: Iterable[str] = (),
    ) -> None:
        self.settings = settings or HttpSettings()
        self.session = session or make_session(self.settings)
        self.headers = dict(headers or {})
        #: an :class:`auth.RequestAuth` adding credentials to requests, or None
        self.auth = auth
        # The origins the account's headers go to. None given: the origin of the first
        # request made with them (a client is opened on its API's own URL).
        self._origins = {origin(url) for url in origins}
        self._origins_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"HttpClient(auth={self.auth!r})"

    def close(self) -> None:
        """Close the session's pooled connections (a session left to the garbage collector
        leaves its sockets open: ``ResourceWarning: unclosed <socket>``). The session can
        still be used afterwards; it opens new connections."""
        self.session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def with_auth(self, auth: Any, *urls: str) -> HttpClient:
        """The same session and settings with other credentials, sent only to the
        origins of ``urls`` (none given: to the origin of the first request)."""
        return HttpClient(self.session, self.settings, self.headers, auth, urls)

    def sends_credentials_to(self, url: str) -> bool:
        """True when a request to ``url`` carries the account's headers."""
        if self.auth is None:
            return False
        with self._origins_lock:
            if not self._origins:
                self._origins.add(origin(url))
            return origin(url) in self._origins

    def hop_headers(
        self, url: str, first_url: str, headers: dict[str, str] | None = None
    ) -> dict[str, str]:
        """The headers for one hop of a request that started at ``first_url``.

        The account's headers only on its origins; the client's and the caller's own
        headers everywhere, except credentials on a hop away from ``first_url``'s origin.
        """
        account = self.auth.headers() if self.sends_credentials_to(url) else {}
        merged = {**self.headers, **account, **(headers or {})}
        if origin(url) != origin(first_url):
            secret = {name.lower() for name in CREDENTIAL_HEADERS}
            if self.auth is not None:
                secret |= {name.lower() for name in self.auth.header_names()}
            for name in [n for n in merged if n.lower() in secret and n not in account]:
                del merged[name]
        return merged

    def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        idempotent: bool | None = None,
        is_cancelled: IsCancelled = _never,
        same_origin: bool = False,
    ) -> Response:
        """Send one request, retrying transient failures when that is safe.

        With credentials attached, a 401 renews them (a new token) and retries once.
        ``same_origin``: the request itself is secret (a token form): it follows no
        redirect to another origin.
        """
        follow = (lambda target: origin(target) == origin(url)) if same_origin else None
        if idempotent is None:
            idempotent = method.upper() in ("GET", "HEAD", "OPTIONS")
        attempts = 1 + (self.settings.retries if idempotent else 0)
        renewed = False
        attempt = 0
        while attempt < attempts:
            if is_cancelled():
                raise Cancelled()
            last = attempt == attempts - 1
            attempt += 1
            try:
                raw, content, merged = _cancellable(
                    lambda: self._send(
                        method, url, params, json_body, form, headers, is_cancelled, follow
                    ),
                    is_cancelled,
                )
            except requests.exceptions.Timeout as exc:
                if last:
                    raise RequestTimeout(
                        f"{_host(url)} did not answer in time.", details=f"{url}: {exc}"
                    ) from exc
                self._sleep(self._backoff(attempt - 1), is_cancelled)
                continue
            except (
                requests.exceptions.ConnectionError,
                requests.exceptions.ChunkedEncodingError,
            ) as exc:
                if last:
                    raise NetworkError(
                        f"Could not reach {_host(url)}. Check the address and your network "
                        "or proxy settings.",
                        details=f"{url}: {exc}",
                    ) from exc
                self._sleep(self._backoff(attempt - 1), is_cancelled)
                continue
            except requests.exceptions.RequestException as exc:
                raise NetworkError(
                    f"The request to {_host(url)} failed.", details=f"{url}: {exc}"
                ) from exc
            except ValueError as exc:  # an address requests cannot parse (a redirect's)
                raise _bad_address(url, exc) from None
            response = Response(raw.status_code, dict(raw.headers), content, raw.url)
            if raw.status_code in REDIRECT_STATUSES and same_origin:
                elsewhere = _host(urljoin(raw.url, raw.headers.get("Location", "")))
                raise NetworkError(
                    f"{_host(url)} sent the request on to {elsewhere}; EO Explorer does not "
                    "send your credentials to another address.",
                    details=f"{raw.url} -> HTTP {raw.status_code} {elsewhere}",
                )
            # Renew only what was sent: a 401 from another origin says nothing of the account.
            if raw.status_code == 401 and not renewed and self.sends_credentials_to(raw.url):
                renewed = True
                if self.auth.on_unauthorized(merged):
                    attempt -= 1  # the renewed credentials get a full set of attempts
                    continue
            if raw.status_code in RETRY_STATUSES and not last:
                self._sleep(self._retry_after(raw.headers, attempt - 1, url), is_cancelled)
                continue
            if raw.status_code >= 400:
                raise http_error(response)
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(self, method, url, params, json_body, form, headers, is_cancelled, follow=None):
        raw, sent = self.open(
            method,
            url,
            params=params,
            json_body=json_body,
            form=form,
            headers=headers,
            follow=follow,
        )
        return raw, _read_body(raw, is_cancelled, self.settings.max_body_bytes), sent

    def open(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        follow: Callable[[str], bool] | None = None,
    ) -> tuple[requests.Response, dict[str, str]]:
        """Send a request and follow its redirects hop by hop, each hop with the headers
        :meth:`hop_headers` allows; returns the last response (body unread, the caller
        closes it) and the headers sent with it.

        ``follow(url)`` may stop at a redirect: the redirect response is returned then.
        """
        first = url
        for _hop in range(MAX_REDIRECTS + 1):
            sent = self.hop_headers(url, first, headers)
            raw = self.session.request(
                method,
                url,
                params=params,
                json=json_body,
                data=form,
                headers=sent,
                proxies=self.settings.proxy_for(url) if self.settings.proxy_for else None,
                timeout=self.settings.timeout,
                stream=True,
                allow_redirects=False,
            )
            location = raw.headers.get("Location")
            if raw.status_code not in REDIRECT_STATUSES or not location:
                return raw, sent
            new_method, new_url, keep_body = redirect_target(
                raw.status_code, method, location, raw.url
            )
            if follow is not None and not follow(new_url):
                return raw, sent
            raw.close()
            if origin(new_url)[2] == -1:  # a port that cannot exist (requests: InvalidURL)
                raise _bad_address(first, ValueError(f"redirected to {new_url!r}"))
            if urlsplit(new_url).scheme not in ("http", "https"):
                raise NetworkError(
                    f"{_host(first)} redirected to an address that is not http(s).",
                    details=f"{raw.url} -> {raw.status_code} {new_url}",
                )
            method, url, params = new_method, new_url, None  # the query is in the Location
            if not keep_body:
                json_body = form = None
                drop = {name.lower() for name in _BODY_HEADERS}
                headers = {k: v for k, v in (headers or {}).items() if k.lower() not in drop}
        raise NetworkError(
            f"{_host(first)} redirected more than {MAX_REDIRECTS} times.", details=first
        )

    def stream(self, url: str, headers: dict[str, str] | None = None) -> requests.Response:
        """Open a GET whose body the caller reads in chunks (downloads).

        Credentials are attached (a 401 renews them once); an error status becomes an
        :class:`HttpError`. Retrying is the caller's business: it knows how to resume.
        """
        for renewed in (False, True):
            try:
                raw, merged = self.open("GET", url, headers=headers)
            except requests.exceptions.Timeout as exc:
                raise RequestTimeout(
                    f"{_host(url)} did not answer in time.", details=f"{url}: {exc}"
                ) from exc
            except requests.exceptions.RequestException as exc:
                raise NetworkError(
                    f"Could not reach {_host(url)}.", details=f"{url}: {exc}"
                ) from exc
            except ValueError as exc:
                raise _bad_address(url, exc) from None
            # Renew only what was sent: a 401 from another origin says nothing of the account.
            if raw.status_code == 401 and not renewed and self.sends_credentials_to(raw.url):
                raw.close()
                if self.auth.on_unauthorized(merged):
                    continue
            if raw.status_code >= 400:
                body = raw.raw.read(4096, decode_content=True) if raw.raw else b""
                raw.close()
                raise http_error(Response(raw.status_code, dict(raw.headers), body, raw.url))
            return raw
        raise AssertionError("unreachable")  # pragma: no cover

    def get_json(self, url: str, params: dict[str, Any] | None = None, **kw: Any) -> Any:
        return self.request("GET", url, params=params, **kw).json()

    def post_json(self, url: str, body: Any, **kw: Any) -> Any:
        return self.request("POST", url, json_body=body, **kw).json()

    def post_form(self, url: str, form: dict[str, str]) -> Response:
        """A form POST to a token endpoint (safe to repeat: it creates nothing). The form
        holds a secret (a client secret, a password): it never follows a redirect to
        another origin, where a 307/308 would have it sent again."""
        return self.request("POST", url, form=form, idempotent=True, same_origin=True)

    def _backoff(self, attempt: int) -> float:
        return min(MAX_RETRY_WAIT, self.settings.backoff * (2**attempt))

    def _retry_after(self, headers: Any, attempt: int, url: str = "") -> float:
        seconds = retry_after_seconds(headers.get("Retry-After"), url)
        if seconds is not None:
            return min(MAX_RETRY_WAIT, seconds)
        return self._backoff(attempt)  # none, or an HTTP date: exponential back-off

    @staticmethod
    def _sleep(seconds: float, is_cancelled: IsCancelled) -> None:
        """Sleep in small steps so Cancel is honoured within a tenth of a second."""
        sleep_unless_cancelled(seconds, is_cancelled, step=0.1)


#: Hosts whose ``Retry-After`` counts milliseconds: Sentinel Hub answers 429 with
#: ``Retry-After`` in milliseconds on all its APIs, the Catalog included (Sentinel Hub "Rate
#: limiting", docs.sentinel-hub.com/api/latest/api/overview/rate-limiting; CDSE "Rate
#: limiting" for sh.dataspace.copernicus.eu). Everyone else follows RFC 9110 §10.2.3:
#: seconds, or an HTTP date.
MILLISECOND_RETRY_AFTER_HOSTS = ("sentinel-hub.com", "sh.dataspace.copernicus.eu")


def retry_after_seconds(value: Any, url: str = "") -> float | None:
    """``Retry-After`` in seconds for a response from ``url``; None for none or a date."""
    if not value:
        return None
    try:
        number = max(0.0, float(value))
    except (TypeError, ValueError):
        return None
    host = (urlsplit(url).hostname or "").lower()
    if any(host == h or host.endswith("." + h) for h in MILLISECOND_RETRY_AFTER_HOSTS):
        return number / 1000.0
    return number


def _cancellable(call: Callable[[], Any], is_cancelled: IsCancelled) -> Any:
    """Run a blocking call so that Cancel returns within ~0.1 s.

    A socket stuck in ``recv`` cannot be interrupted from Python; the call runs in a
    daemon thread that is abandoned on Cancel and ends by itself at its read timeout.
    """
    if is_cancelled is _never:
        return call()
    done = threading.Event()
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            outcome["error"] = exc
        finally:
            done.set()

    threading.Thread(target=target, name="eo-explorer-http", daemon=True).start()
    while not done.wait(0.05):
        if is_cancelled():
            raise Cancelled()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _read_body(
    raw: requests.Response, is_cancelled: IsCancelled, limit: int = MAX_BODY_BYTES
) -> bytes:
    """Read a streamed body in chunks, checking for Cancel between chunks.

    At most ``limit`` bytes once unpacked: a larger answer (a "gzip bomb" unpacks a few
    megabytes into gigabytes) is :class:`InvalidResponse` before memory runs out.
    """
    chunks: list[bytes] = []
    size = 0
    # A body cut short (connection dropped mid-answer) must be an error, not truncated JSON:
    # urllib3 1.26, which many QGIS installs ship, does not check Content-Length by default.
    if hasattr(raw.raw, "enforce_content_length"):
        raw.raw.enforce_content_length = True
    try:
        declared = (raw.headers.get("Content-Length") or "").strip()
        if not raw.headers.get("Content-Encoding") and declared.isascii() and declared.isdigit():
            if len(declared) > 18 or int(declared) > limit:
                raise _too_large(raw.url, limit, f"Content-Length {declared[:30]}")
        for chunk in raw.iter_content(chunk_size=READ_CHUNK):
            if is_cancelled():
                raise Cancelled()
            size += len(chunk)
            if size > limit:
                chunks.clear()
                raise _too_large(raw.url, limit, f"more than {size} bytes unpacked")
            chunks.append(chunk)
    finally:
        raw.close()
    return b"".join(chunks)


def _too_large(url: str, limit: int, what: str) -> InvalidResponse:
    mib = 1024 * 1024
    size = f"{limit // mib} MiB" if limit >= mib else f"{limit} bytes"
    return InvalidResponse(
        f"The answer from {_host(url)} is larger than {size} once "
        "unpacked; EO Explorer stopped reading it. No catalog page is that large: the "
        "server is broken or hostile.",
        details=f"{url}: {what}",
    )


def _bad_address(url: str, exc: ValueError) -> NetworkError:
    return NetworkError(
        f"{_host(url)} sent EO Explorer to an address that is not valid (for instance a "
        "redirect to a port that cannot exist).",
        details=f"{url}: {exc}",
    )


def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or url


def server_message(body: bytes) -> tuple[str, str]:
    """Pull the server's own words out of an error body: (message, code).

    Knows the STAC API / STAC-FastAPI shape ``{"code", "description"}``, Sentinel Hub's
    ``{"error": {"status", "reason", "message", "code"}}``, OAuth2 ``{"error",
    "error_description"}``, FastAPI ``{"detail": ...}`` and plain text.
    """
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        text = body[:300].decode("utf-8", "replace").strip()
        if text.lstrip().startswith("<"):
            return "", ""  # an HTML error page says nothing useful in a message bar
        return text, ""
    if isinstance(data, dict):
        error = data.get("error")
        if isinstance(error, dict):
            return str(error.get("message") or error.get("reason") or ""), str(
                error.get("code") or ""
            )
        if isinstance(error, str):
            return str(data.get("error_description") or error), error
        if "description" in data:
            return str(data["description"]), str(data.get("code") or "")
        if "detail" in data:
            detail = data["detail"]
            if isinstance(detail, list):
                detail = "; ".join(
                    f"{'.'.join(str(p) for p in d.get('loc', []))}: {d.get('msg')}"
                    if isinstance(d, dict)
                    else str(d)
                    for d in detail
                )
            return str(detail), ""
        if "message" in data:
            return str(data["message"]), str(data.get("code") or "")
    return "", ""


_STATUS_WORDS = {
    400: "rejected the request",
    401: "needs valid credentials",
    403: "refused access",
    404: "does not have this",
    405: "does not allow this request",
    408: "timed out",
    413: "found the request too large",
    422: "could not process the request",
    429: "is rate limiting requests; try again shortly",
    500: "had an internal error",
    502: "is unavailable (bad gateway)",
    503: "is temporarily unavailable",
    504: "timed out (gateway timeout)",
}


def http_error(response: Response) -> HttpError:
    message, code = server_message(response.content)
    host = _host(response.url)
    words = _STATUS_WORDS.get(response.status, "answered with an error")
    text = f"{host} {words} (HTTP {response.status})"
    if message:
        text += f": {message}"
    if code and code not in message:
        text += f" [{code}]"
    return HttpError(
        text + ("" if text.endswith(".") else "."),
        status=response.status,
        server_message=message,
        details=f"{response.url} -> HTTP {response.status}; body: "
        + response.content[:500].decode("utf-8", "replace"),
        headers={k: v for k, v in response.headers.items() if k.lower() == "retry-after"},
    )
