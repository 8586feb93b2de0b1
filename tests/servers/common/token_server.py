"""A Keycloak-shaped OpenID Connect token endpoint plus two protected resources.

Grants ``client_credentials`` (Sentinel Hub, CDSE Sentinel Hub), ``password`` and
``refresh_token`` (CDSE downloads with the public client ``cdse-public``; ESA MAAP's
offline token with client ``offline-token``). Success and error bodies, statuses and the
order of the checks follow Keycloak's ``TokenEndpoint`` / ``ClientIdAndSecretAuthenticator``
/ direct-grant authenticators (see README). Every request is in ``server.requests``::

    with TokenServer(clients={"sh-id": "sh-secret"}) as srv:
        r = requests.post(srv.token_url, data={"grant_type": "client_credentials",
                                               "client_id": "sh-id", "client_secret": "sh-secret"})
        token = r.json()["access_token"]
        srv.is_valid(token)  # True
        requests.get(srv.protected_url, headers={"Authorization": f"Bearer {token}"})  # 200
        srv.expire_all()  # -> the same request is now 401 invalid_token
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from email.utils import formatdate
from typing import Any, Optional
from urllib.parse import parse_qs, unquote_plus

from tests.servers.common.faults import Fault, FaultTable
from tests.servers.common.recording import LocalServer, RecordingHandler

__all__ = ["GRANTS", "TokenServer"]

GRANTS = ("client_credentials", "password", "refresh_token")
# Keycloak's answer to a confidential client sending a wrong / no secret. Older Keycloak
# versions said (400 or 401, "unauthorized_client", "Invalid client secret").
WRONG_SECRET = (401, "unauthorized_client", "Invalid client or Invalid client credentials")
BAD_CLIENT = (401, "invalid_client", "Invalid client or Invalid client credentials")
PUBLIC_CC = (401, "unauthorized_client", "Public client not allowed to retrieve service account")
MISMATCH = (
    400,
    "invalid_grant",
    "Invalid refresh token. Token client and authorized client don't match",
)
REUSED = (400, "invalid_grant", "Maximum allowed refresh token reuse exceeded")
DEFAULT_SCOPES = ("profile", "email")
NO_CACHE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class _TokenHandler(RecordingHandler):
    def date_time_string(self, timestamp: Optional[float] = None) -> str:
        """The ``Date`` header, shifted by the server's ``clock_offset``."""
        stamp = (time.time() if timestamp is None else timestamp) + self.owner.clock_offset
        return formatdate(stamp, usegmt=True)


@dataclass
class _Refresh:
    client: str
    user: Optional[str] = None
    offline: bool = True
    expires_at: Optional[float] = None  # None: offline, no expiry
    scope: str = ""
    active: bool = True
    spent: bool = False


class OAuthError(Exception):
    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(f"{status} {error}: {description}")
        self.status, self.doc = status, {"error": error, "error_description": description}


class TokenServer(LocalServer):
    """Keycloak token endpoint at ``realm_path``; see the module docstring.

    ``clients``: {client_id: secret, or None for a public client}; ``users``:
    {username: password}; ``offline_tokens``: {refresh token: client_id}, long-lived tokens
    accepted by the refresh_token grant (never expire unless :meth:`expire_refresh_tokens`).
    ``expires_in`` / ``refresh_expires_in``: seconds, for tokens issued from then on
    (attributes, change them any time). ``delay``: seconds every token request waits
    (after being recorded). ``clock_offset``: seconds added to the ``Date`` header and to
    the ``iat`` / ``exp`` claims of JWT-shaped tokens (clock-skew tests).
    ``token_format``: "opaque" (random strings) or "jwt" (unsigned-looking JWTs with
    ``exp``, ``iat``, ``azp``, ... claims). ``wrong_secret_error``: (status, error,
    description) for a bad / missing client secret. ``single_use_refresh``: a used refresh
    token is spent (Keycloak's "Revoke Refresh Token"). ``protected_path`` (Bearer) and
    ``api_key_path`` (``api_key_header``, keys in ``api_keys``) match their sub-paths too.
    """

    handler = _TokenHandler

    def __init__(
        self,
        realm_path: str = "/auth/realms/main/protocol/openid-connect/token",
        clients: Optional[Mapping[str, Optional[str]]] = None,
        users: Optional[Mapping[str, str]] = None,
        offline_tokens: Optional[Mapping[str, str]] = None,
        expires_in: float = 300,
        refresh_expires_in: float = 1800,
        *,
        delay: float = 0.0,
        clock_offset: float = 0.0,
        token_format: str = "opaque",
        wrong_secret_error: tuple[int, str, str] = WRONG_SECRET,
        single_use_refresh: bool = False,
        protected_path: str = "/protected",
        api_key_path: str = "/apikey",
        api_keys: Iterable[str] = (),
        api_key_header: str = "X-Api-Key",
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        super().__init__(host=host, port=port)
        if token_format not in ("opaque", "jwt"):
            raise ValueError(f"token_format must be 'opaque' or 'jwt', not {token_format!r}")
        self.realm_path = "/" + realm_path.strip("/")
        self.clients = dict(clients or {})
        self.users = dict(users or {})
        self.expires_in, self.refresh_expires_in = expires_in, refresh_expires_in
        self.delay, self.clock_offset, self.token_format = delay, clock_offset, token_format
        self.wrong_secret_error = wrong_secret_error
        self.single_use_refresh = single_use_refresh
        self.protected_path = "/" + protected_path.strip("/")
        self.api_key_path = "/" + api_key_path.strip("/")
        self.api_keys = set(api_keys)
        self.api_key_header = api_key_header
        self.issued: list[dict] = []
        self._access: dict[str, dict] = {}
        self._refresh = {t: _Refresh(c) for t, c in (offline_tokens or {}).items()}
        self.faults: FaultTable[Fault] = FaultTable()

    # -- URLs ------------------------------------------------------------------------------
    @property
    def token_url(self) -> str:
        return self.url.rstrip("/") + self.realm_path

    @property
    def protected_url(self) -> str:
        return self.url.rstrip("/") + self.protected_path

    @property
    def api_key_url(self) -> str:
        return self.url.rstrip("/") + self.api_key_path

    # -- control and inspection ------------------------------------------------------------
    def count(self, grant: Optional[str] = None) -> int:
        """Token requests received with this ``grant_type`` (any outcome); None: all."""
        with self._lock:
            sent = [e["grant"] for e in self.requests if "grant" in e]
        return len(sent) if grant is None else sent.count(grant)

    def is_valid(self, access_token: str) -> bool:
        with self._lock:
            rec = self._access.get(access_token)
            return rec is not None and time.time() < rec["expires_at"]

    def token_info(self, access_token: str) -> Optional[dict]:
        """The ``issued`` record of ``access_token`` (None if never issued)."""
        with self._lock:
            return self._access.get(access_token)

    def expire(self, access_token: str) -> None:
        with self._lock:
            rec = self._access.get(access_token)
            if rec is not None:
                rec["expires_at"] = min(rec["expires_at"], time.time())

    def expire_all(self) -> None:
        """Every access token issued so far becomes invalid (refresh tokens stay valid)."""
        with self._lock:
            now = time.time()
            for rec in self._access.values():
                rec["expires_at"] = min(rec["expires_at"], now)

    def expire_refresh_tokens(self) -> None:
        """Every refresh token, offline ones included, is answered "Token is not active"."""
        with self._lock:
            for rec in self._refresh.values():
                rec.active = False

    def add_offline_token(self, client_id: str, token: Optional[str] = None) -> str:
        token = token or self._new_token("offline", client_id, None, 0)
        with self._lock:
            self._refresh[token] = _Refresh(client_id)
        return token

    def set_fault(self, fault: Optional[Fault]) -> None:
        """A :class:`tests.servers.common.faults.Fault` for the token endpoint (None removes it);
        its ``after`` / ``times`` count token requests."""
        self.faults.set("*", fault)

    # -- HTTP ------------------------------------------------------------------------------
    def record(self, entry: dict) -> None:
        if (entry["path"].rstrip("/") or "/") == self.realm_path:  # a token request
            entry["grant"] = (entry["form"] or {}).get("grant_type")
        super().record(entry)

    def respond(self, handler: RecordingHandler, entry: dict) -> None:
        path = entry["path"].rstrip("/") or "/"
        if "grant" in entry:
            return self._token_endpoint(handler, entry)
        routes = {self.protected_path: self._check_bearer, self.api_key_path: self._check_api_key}
        for prefix, check in routes.items():
            if path == prefix or path.startswith(prefix + "/"):
                return check(handler, entry)
        handler.send_json(404, {"error": "Unable to find matching target resource method"})

    def _token_endpoint(self, handler: RecordingHandler, entry: dict) -> None:
        if entry["method"] != "POST":
            return handler.send_json(405, {"error": "HTTP 405 Method Not Allowed"})
        if entry["form"] is None and entry["body"]:
            return handler.send_json(415, {"error": "HTTP 415 Unsupported Media Type"})
        if self.delay:
            time.sleep(self.delay)
        fault = self.faults.take(entry["method"], "*")
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        if fault is not None and fault.kind == "respond":
            return handler.send(fault.status, fault.body, fault.content_type, fault.headers)
        try:
            lists = parse_qs(entry["body"].decode("latin-1"), keep_blank_values=True)
            status, doc = 200, self.grant(lists, entry["headers"].get("Authorization"))
        except OAuthError as exc:
            status, doc = exc.status, exc.doc
        entry["status"] = status
        payload = json.dumps(doc).encode("utf-8")
        extra = {**NO_CACHE, **(fault.headers if fault is not None else {})}
        handler.send(status, payload, "application/json", extra, fault)

    def grant(self, lists: Mapping[str, list], authorization: Optional[str] = None) -> dict:
        """The token response for a decoded form (values are lists); raises OAuthError."""
        form = {k: v[0] for k, v in lists.items()}
        grant = form.get("grant_type")
        if grant is None:
            raise OAuthError(400, "invalid_request", "Missing form parameter: grant_type")
        if grant not in GRANTS:
            raise OAuthError(400, "unsupported_grant_type", "Unsupported grant_type")
        client_id, auth_method = self._authenticate_client(form, authorization)
        if any(len(v) != 1 for v in lists.values()):
            raise OAuthError(400, "invalid_request", "duplicated parameter")
        scope = form.get("scope", "")
        if grant == "client_credentials":
            if self.clients[client_id] is None:
                raise OAuthError(*PUBLIC_CC)
            return self._issue(grant, client_id, None, scope, auth_method)
        if grant == "password":
            username, password = form.get("username"), form.get("password")
            if not username:
                raise OAuthError(401, "invalid_request", "Missing parameter: username")
            if username not in self.users or self.users[username] != password:
                raise OAuthError(401, "invalid_grant", "Invalid user credentials")
            return self._issue(grant, client_id, username, scope, auth_method)
        return self._refresh_grant(form, client_id, auth_method)

    def _authenticate_client(self, form: dict, authorization: Optional[str]) -> tuple[str, str]:
        client_id = secret = None
        method = "post"
        if authorization and authorization.lower().startswith("basic "):
            try:
                decoded = base64.b64decode(authorization[6:].strip()).decode("utf-8")
                client_id, secret = map(unquote_plus, decoded.partition(":")[::2])
                method = "basic"
            except (binascii.Error, UnicodeDecodeError):
                pass
        client_id = form.get("client_id", client_id)
        secret = form.get("client_secret", secret)
        if client_id is None:
            raise OAuthError(400, "invalid_client", "Missing client_id parameter")
        if client_id not in self.clients:
            raise OAuthError(*BAD_CLIENT)
        expected = self.clients[client_id]
        if expected is not None and secret != expected:
            raise OAuthError(*self.wrong_secret_error)
        return client_id, method if expected is not None else "none"

    def _refresh_grant(self, form: dict, client_id: str, auth_method: str) -> dict:
        token = form.get("refresh_token")
        if token is None:
            raise OAuthError(400, "invalid_request", "No refresh token")
        with self._lock:
            rec = self._refresh.get(token)
            if rec is None:
                raise OAuthError(400, "invalid_grant", "Invalid refresh token")
            expired = rec.expires_at is not None and time.time() >= rec.expires_at
            if not rec.active or expired:
                raise OAuthError(400, "invalid_grant", "Token is not active")
            if rec.client != client_id:
                raise OAuthError(*MISMATCH)
            if rec.spent:
                raise OAuthError(*REUSED)
            rec.spent = self.single_use_refresh
        scope = form.get("scope") or rec.scope
        if rec.offline and "offline_access" not in scope.split():
            scope = (scope + " offline_access").strip()
        return self._issue("refresh_token", client_id, rec.user, scope, auth_method, token)

    def _issue(
        self, grant: str, client_id: str, user: Optional[str], scope: str, auth_method: str,
        refreshed_from: Optional[str] = None,
    ) -> dict:  # fmt: skip
        now, ttl, requested = time.time(), self.expires_in, scope.split()
        scopes = " ".join(requested + [s for s in DEFAULT_SCOPES if s not in requested])
        access = self._new_token("Bearer", client_id, user, ttl, scopes)
        rec = dict(access_token=access, grant=grant, client=client_id, user=user, time=now)
        rec.update(expires_at=now + ttl, scope=scopes, refresh_token=None)
        rec.update(refreshed_from=refreshed_from, client_auth=auth_method)
        doc: dict[str, Any] = dict(access_token=access, expires_in=ttl, refresh_expires_in=0)
        doc["token_type"] = "Bearer"
        if grant != "client_credentials":
            offline = "offline_access" in requested
            life = 0 if offline else self.refresh_expires_in
            kind = "Offline" if offline else "Refresh"
            rec["refresh_token"] = self._new_token(kind, client_id, user, life, scopes)
            doc.update(refresh_expires_in=life, refresh_token=rec["refresh_token"])
            stored = _Refresh(client_id, user, offline, None if offline else now + life, scopes)
            with self._lock:
                self._refresh[rec["refresh_token"]] = stored
        if "openid" in requested:
            doc["id_token"] = self._new_token("ID", client_id, user, ttl, scopes)
        doc["not-before-policy"] = 0
        if grant != "client_credentials":
            doc["session_state"] = str(uuid.uuid4())
        doc["scope"] = scopes
        with self._lock:
            self.issued.append(rec)
            self._access[access] = rec
        return doc

    def _new_token(
        self, typ: str, client_id: str, user: Optional[str], lifetime: float, scope: str = ""
    ) -> str:
        if self.token_format == "opaque":
            return secrets.token_urlsafe(32)
        iat = int(time.time() + self.clock_offset)
        claims = {
            "exp": int(iat + lifetime) if lifetime else 0,
            "iat": iat,
            "jti": str(uuid.uuid4()),
            "iss": self.token_url.rsplit("/protocol/", 1)[0],
            "typ": typ,
            "azp": client_id,
            "sub": user or f"service-account-{client_id}",
            "scope": scope,
        }
        if user:
            claims["preferred_username"] = user
        parts = [{"alg": "RS256", "typ": "JWT", "kid": "test"}, claims]
        encoded = [_b64(json.dumps(p, separators=(",", ":")).encode()) for p in parts]
        return ".".join(encoded + [_b64(secrets.token_bytes(64))])

    # -- protected resources ---------------------------------------------------------------
    def _check_bearer(self, handler: RecordingHandler, entry: dict) -> None:
        header = entry["headers"].get("Authorization") or ""
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() == "bearer" and self.is_valid(token):
            rec = self.token_info(token) or {}
            entry["status"] = 200
            doc = dict(ok=True, path=entry["path"], client=rec.get("client"), user=rec.get("user"))
            return handler.send_json(200, doc)
        entry["status"] = 401
        if scheme.lower() != "bearer" or not token:
            challenge = 'Bearer realm="test"'
            doc = {"error": "invalid_token", "error_description": "Missing bearer token"}
        else:
            reason = "Token expired" if self.token_info(token) else "Token not recognised"
            challenge = f'Bearer realm="test", error="invalid_token", error_description="{reason}"'
            doc = {"error": "invalid_token", "error_description": reason}
        handler.send_json(401, doc, {"WWW-Authenticate": challenge})

    def _check_api_key(self, handler: RecordingHandler, entry: dict) -> None:
        key = handler.headers.get(self.api_key_header)
        if key is not None and key in self.api_keys:
            entry["status"] = 200
            return handler.send_json(200, {"ok": True, "path": entry["path"]})
        entry["status"] = 401
        handler.send_json(401, {"detail": "Invalid API key"})


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
