"""Credentials on the wire: OAuth2 token flows, API keys, custom headers.

Secrets live in the QGIS authentication database; the glue reads them and builds the
objects here, which keep them in memory only. No ``repr`` or error text contains a secret,
and a secret is sent only to its own token endpoint (user secrets) or to the API it
belongs to (tokens, keys): its origin (scheme, host, port), on every redirect hop and every
``next`` link (see :mod:`http`).

Token endpoints are Keycloak's (Sentinel Hub, CDSE identity, ESA MAAP IAM): form-encoded
POST, answers ``{"access_token", "expires_in", "refresh_token"?, ...}`` or
``{"error", "error_description"}``.
"""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from .errors import EOExplorerError, HttpError

#: Refresh a token this many seconds before the server says it expires.
REFRESH_MARGIN = 30.0
#: A server clock further off than this is reported (tokens may be refused as not yet valid).
CLOCK_SKEW_LIMIT = 300.0

SENTINELHUB_TOKEN_URL = (
    "https://services.sentinel-hub.com/auth/realms/main/protocol/openid-connect/token"
)
CDSE_TOKEN_URL = (
    "https://identity.dataspace.copernicus.eu/auth/realms/CDSE/protocol/openid-connect/token"
)
MAAP_TOKEN_URL = "https://iam.maap.eo.esa.int/realms/esa-maap/protocol/openid-connect/token"
#: The public client of CDSE downloads (password grant).
CDSE_PUBLIC_CLIENT = "cdse-public"
#: ESA MAAP exchanges an offline token with this client; its secret is published in the
#: MAAP documentation (seed 004) and is not a user secret.
MAAP_CLIENT_ID = "offline-token"
MAAP_CLIENT_SECRET = "p1eL7uonXs6MDxtGbgKdPVRAmnGxHpVE"
MAAP_SCOPE = "offline_access openid"


class AuthError(EOExplorerError):
    """A credential was refused or could not be used. ``kind`` says why, for the Test
    button: bad_secret, unknown_client, expired, no_permission, unreachable, clock_skew,
    invalid_response."""

    def __init__(self, message: str, kind: str, details: str = "") -> None:
        super().__init__(message, details)
        self.kind = kind


def _masked(value: str) -> str:
    return "…" if value else ""


@dataclass
class Token:
    access_token: str = field(repr=False)
    expires_at: float
    refresh_token: str | None = field(default=None, repr=False)
    refresh_expires_at: float | None = None
    clock_skew: float = 0.0

    def fresh(self, now: float, margin: float = REFRESH_MARGIN) -> bool:
        return now < self.expires_at - margin

    def refreshable(self, now: float) -> bool:
        if not self.refresh_token:
            return False
        return self.refresh_expires_at is None or now < self.refresh_expires_at - 5


class TokenFlow:
    """How to get (and renew) a token: subclasses give the form for each grant."""

    label = "account"

    def __init__(self, token_url: str) -> None:
        self.token_url = token_url

    def first_form(self) -> dict[str, str]:
        raise NotImplementedError

    def refresh_form(self, refresh_token: str) -> dict[str, str] | None:  # noqa: ARG002 - for subclasses
        """The form to renew with a refresh token, or None to start over."""
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.token_url!r})"


class ClientCredentials(TokenFlow):
    """OAuth2 client-credentials grant (Sentinel Hub, CDSE Sentinel Hub)."""

    label = "OAuth client"

    def __init__(self, token_url: str, client_id: str, client_secret: str) -> None:
        super().__init__(token_url)
        self.client_id = client_id
        self._secret = client_secret

    def first_form(self) -> dict[str, str]:
        return {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self._secret,
        }

    def __repr__(self) -> str:
        return f"ClientCredentials({self.token_url!r}, client_id={self.client_id!r}, secret=…)"


class PasswordGrant(TokenFlow):
    """Resource-owner password grant with a public client (CDSE downloads)."""

    label = "user"

    def __init__(
        self, token_url: str, username: str, password: str, client_id: str = CDSE_PUBLIC_CLIENT
    ) -> None:
        super().__init__(token_url)
        self.username = username
        self._password = password
        self.client_id = client_id

    def first_form(self) -> dict[str, str]:
        return {
            "grant_type": "password",
            "username": self.username,
            "password": self._password,
            "client_id": self.client_id,
        }

    def refresh_form(self, refresh_token: str) -> dict[str, str]:
        return {
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": self.client_id,
        }

    def __repr__(self) -> str:
        return f"PasswordGrant({self.token_url!r}, username={self.username!r}, password=…)"


class OfflineToken(TokenFlow):
    """ESA MAAP: an offline (refresh) token exchanged exactly as seed 004 shows."""

    label = "offline token"

    def __init__(self, offline_token: str, token_url: str = MAAP_TOKEN_URL) -> None:
        super().__init__(token_url)
        self._offline = offline_token

    def first_form(self) -> dict[str, str]:
        return {
            "client_id": MAAP_CLIENT_ID,
            "client_secret": MAAP_CLIENT_SECRET,
            "grant_type": "refresh_token",
            "refresh_token": self._offline,
            "scope": MAAP_SCOPE,
        }

    def __repr__(self) -> str:
        return f"OfflineToken({self.token_url!r}, token=…)"


PostForm = Callable[[str, dict[str, str]], Any]


class TokenProvider:
    """A token fetched when first needed, cached with its expiry, renewed shortly before
    it expires and once after a 401; one request at a time however many tasks ask.

    ``post_form(url, form)`` sends the form and returns an :class:`http.Response`-like
    object (``status``, ``headers``, ``json()``); the glue passes the plugin's session.
    """

    def __init__(
        self, flow: TokenFlow, post_form: PostForm, clock: Callable[[], float] = time.time
    ) -> None:
        self.flow = flow
        self._post_form = post_form
        self._clock = clock
        self._lock = threading.Lock()
        self._token: Token | None = None
        self.requests_made = 0

    def __repr__(self) -> str:
        return f"TokenProvider({self.flow!r})"

    def access_token(self) -> str:
        with self._lock:
            now = self._clock()
            token = self._token
            if token is not None and token.fresh(now):
                return token.access_token
            if token is not None and token.refreshable(now):
                form = self.flow.refresh_form(token.refresh_token or "")
                if form is not None:
                    try:
                        self._token = self._fetch(form)
                        return self._token.access_token
                    except AuthError as exc:
                        if exc.kind not in ("expired", "bad_secret"):
                            raise
                        # The refresh token was revoked: start again from the secret.
            self._token = self._fetch(self.flow.first_form())
            return self._token.access_token

    def invalidate(self, access_token: str | None = None) -> None:
        """Forget the token (after a 401), so the next call fetches a new one."""
        with self._lock:
            if self._token is not None and (
                access_token is None or self._token.access_token == access_token
            ):
                self._token = None

    @property
    def clock_skew(self) -> float:
        return self._token.clock_skew if self._token else 0.0

    def _fetch(self, form: dict[str, str]) -> Token:
        self.requests_made += 1
        host = urlsplit(self.flow.token_url).netloc
        try:
            response = self._post_form(self.flow.token_url, form)
        except HttpError as exc:
            raise token_error(exc, self.flow) from None
        except EOExplorerError as exc:
            raise AuthError(
                f"Could not reach the sign-in server {host}: {exc}",
                "unreachable",
                details=exc.details,
            ) from None
        try:
            data = response.json()
        except EOExplorerError as exc:
            raise AuthError(
                f"The sign-in server {host} did not answer with a token.",
                "invalid_response",
                details=exc.details,
            ) from None
        access = data.get("access_token") if isinstance(data, dict) else None
        if not isinstance(access, str) or not access:
            raise AuthError(
                f"The sign-in server {host} did not answer with a token.", "invalid_response"
            )
        now = self._clock()
        expires_in = _seconds(data.get("expires_in"), 300.0)
        refresh = data.get("refresh_token") if isinstance(data.get("refresh_token"), str) else None
        refresh_in = data.get("refresh_expires_in")
        return Token(
            access_token=access,
            # Expiry is counted on our clock from the answer: a skewed clock does not
            # make a fresh token look expired.
            expires_at=now + expires_in,
            refresh_token=refresh,
            refresh_expires_at=(now + _seconds(refresh_in, 0.0)) if refresh_in else None,
            clock_skew=_skew(getattr(response, "headers", {}), now),
        )


def _seconds(value: Any, default: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


def _skew(headers: Any, now: float) -> float:
    """Server clock minus ours, from the ``Date`` header (0 when unknown)."""
    try:
        date = headers.get("Date") or headers.get("date")
        return parsedate_to_datetime(date).timestamp() - now if date else 0.0
    except (TypeError, ValueError, AttributeError):
        return 0.0


def token_error(exc: HttpError, flow: TokenFlow) -> AuthError:
    """A Keycloak error answer as one sentence."""
    host = urlsplit(flow.token_url).netloc
    code = ""
    description = exc.server_message or ""
    body = exc.details.split("body: ", 1)[-1]
    try:
        import json

        data = json.loads(body)
        if isinstance(data, dict):
            code = str(data.get("error") or "")
            description = str(data.get("error_description") or description)
    except ValueError:
        pass
    lowered = description.lower()
    # Keycloak: an unknown client is "invalid_client"; a known client with a wrong secret
    # is "unauthorized_client" (both described as "Invalid client or Invalid client
    # credentials"), so the code decides, not the description.
    if code == "unauthorized_client" or (not code and "client secret" in lowered):
        return AuthError(
            f"The client secret is wrong ({host} refused it).", "bad_secret", details=description
        )
    if code == "invalid_client":
        if isinstance(flow, ClientCredentials):
            return AuthError(
                f"{host} does not know this client id, or its secret is wrong. Check both "
                "(they come from your account's OAuth clients page).",
                "unknown_client",
                details=description,
            )
        return AuthError(
            f"{host} refused the client: {description}.", "unknown_client", details=description
        )
    if code == "invalid_grant":
        if isinstance(flow, PasswordGrant) and "credentials" in lowered:
            return AuthError(
                f"Wrong username or password for {host}.", "bad_secret", details=description
            )
        if isinstance(flow, OfflineToken) or any(
            word in lowered for word in ("not active", "expired", "session", "refresh token")
        ):
            what = "offline token" if isinstance(flow, OfflineToken) else "sign-in"
            return AuthError(
                f"The {what} has expired or was revoked; create a new one and save it again.",
                "expired",
                details=description,
            )
        return AuthError(
            f"{host} refused the credentials: {description}.", "bad_secret", details=description
        )
    if exc.status == 403:
        return AuthError(
            f"{host} refused access: this account has no permission for it.",
            "no_permission",
            details=description,
        )
    return AuthError(
        f"Signing in at {host} failed: {exc.message}", "invalid_response", details=exc.details
    )


# --- what HttpClient attaches to each request --------------------------------------------


class RequestAuth:
    """Adds credentials to requests for one API; ``on_unauthorized`` may renew once."""

    def headers(self) -> dict[str, str]:
        return {}

    def header_names(self) -> tuple[str, ...]:
        """The names of the headers :meth:`headers` adds (without fetching a token)."""
        return tuple(self.headers())

    def on_unauthorized(self, sent_headers: dict[str, str]) -> bool:  # noqa: ARG002 - for subclasses
        """Called after a 401; True when retrying with new credentials makes sense."""
        return False


class BearerAuth(RequestAuth):
    def __init__(self, provider: TokenProvider) -> None:
        self.provider = provider

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.provider.access_token()}"}

    def header_names(self) -> tuple[str, ...]:
        return ("Authorization",)

    def on_unauthorized(self, sent_headers: dict[str, str]) -> bool:
        sent = sent_headers.get("Authorization", "")
        self.provider.invalidate(sent[7:] if sent.startswith("Bearer ") else None)
        return True

    def __repr__(self) -> str:
        return f"BearerAuth({self.provider!r})"


class HeaderAuth(RequestAuth):
    """A fixed header: Constellr's ``X-Api-Key``, a static bearer token, any header."""

    def __init__(self, name: str, value: str) -> None:
        self.name = name
        self._value = value

    def headers(self) -> dict[str, str]:
        return {self.name: self._value}

    def header_names(self) -> tuple[str, ...]:
        return (self.name,)

    def __repr__(self) -> str:
        return f"HeaderAuth({self.name!r}, …)"


def api_key_auth(key: str) -> HeaderAuth:
    """Constellr workspace API key (seed 003: ``X-Api-Key``)."""
    return HeaderAuth("X-Api-Key", key)


def basic_auth(username: str, password: str) -> HeaderAuth:
    raw = f"{username}:{password}".encode()
    auth = HeaderAuth("Authorization", "Basic " + base64.b64encode(raw).decode("ascii"))
    auth.username = username  # type: ignore[attr-defined]
    return auth


def bearer_token_auth(token: str) -> HeaderAuth:
    return HeaderAuth("Authorization", f"Bearer {token}")
