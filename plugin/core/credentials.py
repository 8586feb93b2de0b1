"""Accounts in the QGIS authentication database.

Each account is one ``authcfg`` (method "Basic": username and password fields, encrypted
with the QGIS master password). QgsSettings keep only its id and non-secret options.
Token providers are cached per account so every task shares one token and one refresh.

Nothing here runs while the plugin loads: reading an account unlocks the database, which
makes QGIS ask for the master password, so only a feature that needs the secret does it
(and what starts by itself, such as a dock restored at start-up, checks :func:`would_ask`
first).
"""

from __future__ import annotations

import threading
from typing import Any

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..api.accounts import S3_PREFIX, SERVICES, Credentials, request_auth
from ..api.auth import RequestAuth
from ..api.errors import CredentialsRequired
from ..api.http import HttpClient
from . import settings

AUTH_METHOD = "Basic"
SERVICE_KEY = "eo_explorer_service"
_OPTIONS = ("token_url", "style", "header", "endpoint", "region")
#: yes/no options (S3 bucket accounts)
_FLAGS = ("anonymous", "requester_pays")

_cache_lock = threading.Lock()
_auth_cache: dict[tuple[str, str], RequestAuth | None] = {}


def title(service: str) -> str:
    known = SERVICES.get(service)
    if known is None and service.startswith(S3_PREFIX):
        return f"S3 bucket {service[len(S3_PREFIX) :]}"
    return known.title if known else service.split(":", 1)[-1]


def _flag(value) -> bool:
    return value is True or str(value).strip().lower() in ("true", "1", "yes")


def s3_accounts() -> list[str]:
    """The ``s3:<bucket>`` accounts saved (in the order they were added)."""
    listed = settings.get(settings.Key.S3_BUCKETS)
    return [s for s in listed if isinstance(s, str) and authcfg(s)]


def unlock() -> None:
    """Make sure the authentication database is usable (asks for the master password)."""
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        raise CredentialsRequired(
            "The QGIS authentication system is disabled, so EO Explorer cannot keep "
            "secrets safely.",
            details=manager.disabledMessage(),
        )
    if not manager.masterPasswordIsSet() and not manager.setMasterPassword(True):
        if QgsApplication.platform() == "qgis_process":  # nobody to ask
            raise CredentialsRequired(
                "The QGIS authentication database is locked: run qgis_process with "
                "QGIS_AUTH_PASSWORD_FILE set to a file holding the master password to use "
                "your accounts."
            )
        raise CredentialsRequired(
            "The QGIS authentication database is locked: enter the master password to use "
            "your accounts."
        )


def unlocked() -> bool:
    """True when the authentication database can be read without asking the user."""
    return bool(QgsApplication.authManager().masterPasswordIsSet())


def would_ask(service: str) -> bool:
    """True when using ``service``'s account now would make QGIS ask for the master
    password. What the user did not ask for (a dock opening at start-up, a refresh in the
    background) waits instead: the database is touched only when a feature needs it."""
    config_id = authcfg(service)
    if not config_id:
        return False
    with _cache_lock:
        if (service, config_id) in _auth_cache:
            return False
    return not unlocked()


def authcfg(service: str) -> str:
    return str(settings.account_option(service, "authcfg") or "")


def save(credentials: Credentials) -> str:
    """Store (or update) an account; returns its authcfg id."""
    unlock()
    manager = QgsApplication.authManager()
    existing = authcfg(credentials.service)
    config = QgsAuthMethodConfig()
    if existing and existing in manager.configIds():
        manager.loadAuthenticationConfig(existing, config, True)
    config.setName(f"EO Explorer – {title(credentials.service)}")
    config.setMethod(AUTH_METHOD)
    config.setConfig("username", credentials.username)
    config.setConfig("password", credentials.secret)
    config.setConfig(SERVICE_KEY, credentials.service)
    if config.id():
        ok = manager.updateAuthenticationConfig(config)
    else:
        ok = manager.storeAuthenticationConfig(config)
    if not ok or not config.id():
        raise CredentialsRequired(
            f"The {title(credentials.service)} account could not be saved in the QGIS "
            "authentication database."
        )
    settings.set_account_option(credentials.service, "authcfg", config.id())
    for name in _OPTIONS:
        settings.set_account_option(credentials.service, name, getattr(credentials, name))
    for name in _FLAGS:
        settings.set_account_option(credentials.service, name, bool(getattr(credentials, name)))
    if credentials.service.startswith(S3_PREFIX):
        listed = [s for s in s3_accounts() if s != credentials.service]
        settings.set(settings.Key.S3_BUCKETS, [*listed, credentials.service])
    forget_tokens(credentials.service)
    return config.id()


def load(service: str) -> Credentials | None:
    """The account's credentials, or None when none is saved."""
    config_id = authcfg(service)
    if not config_id:
        return None
    unlock()
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if config_id not in manager.configIds() or not manager.loadAuthenticationConfig(
        config_id, config, True
    ):
        return None
    # Credentials' text options and yes/no flags, by field name
    fields: dict[str, Any] = {
        name: str(settings.account_option(service, name) or "") for name in _OPTIONS
    }
    fields.update({name: _flag(settings.account_option(service, name)) for name in _FLAGS})
    return Credentials(
        service=service,
        username=config.config("username", ""),
        secret=config.config("password", ""),
        **fields,
    )


def delete(service: str) -> None:
    config_id = authcfg(service)
    if config_id:
        unlock()
        QgsApplication.authManager().removeAuthenticationConfig(config_id)
    settings.remove_account_options(service)
    if service.startswith(S3_PREFIX):
        settings.set(settings.Key.S3_BUCKETS, [s for s in s3_accounts() if s != service])
    forget_tokens(service)


def forget_tokens(service: str | None = None) -> None:
    with _cache_lock:
        for key in [k for k in _auth_cache if service is None or k[0] == service]:
            del _auth_cache[key]


def auth_for(service: str, token_http: HttpClient) -> RequestAuth | None:
    """Shared request credentials for an account (one token, one refresh at a time).

    Call on the main thread: unlocking the database may ask for the master password.
    """
    config_id = authcfg(service)
    with _cache_lock:
        if (service, config_id) in _auth_cache:
            return _auth_cache[(service, config_id)]
    credentials = load(service)
    if credentials is None or not credentials.complete:
        if service in SERVICES:
            raise CredentialsRequired(
                f"Set up your {title(service)} account first (EO Explorer ▸ Accounts…)."
            )
        return None
    auth = request_auth(credentials, token_http)
    with _cache_lock:
        return _auth_cache.setdefault((service, config_id), auth)
