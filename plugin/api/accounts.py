"""The accounts EO Explorer knows: what each needs, and how it becomes request credentials.

Pure data and functions; where the secrets are stored is the glue's business
(:mod:`plugin.core.credentials`, the QGIS authentication database).
"""

from __future__ import annotations

from dataclasses import dataclass

from .auth import (
    CDSE_PUBLIC_CLIENT,
    CDSE_TOKEN_URL,
    MAAP_TOKEN_URL,
    SENTINELHUB_TOKEN_URL,
    BearerAuth,
    ClientCredentials,
    HeaderAuth,
    OfflineToken,
    PasswordGrant,
    RequestAuth,
    TokenFlow,
    TokenProvider,
    api_key_auth,
    basic_auth,
    bearer_token_auth,
)
from .http import HttpClient, IsCancelled, _never

OAUTH_CLIENT = "oauth_client"
PASSWORD = "password"
API_KEY = "api_key"
OFFLINE_TOKEN = "offline_token"
S3_KEYS = "s3_keys"
CUSTOM = "custom"

#: Custom STAC API authentication styles.
CUSTOM_NONE, CUSTOM_BASIC, CUSTOM_BEARER, CUSTOM_HEADER = "none", "basic", "bearer", "header"


@dataclass(frozen=True)
class Service:
    """One kind of account."""

    id: str
    title: str
    kind: str
    token_url: str = ""
    #: A URL the Test button reads with the credentials (after getting a token).
    test_url: str = ""
    user_label: str = ""
    secret_label: str = ""


SERVICES: dict[str, Service] = {
    s.id: s
    for s in (
        Service(
            "sentinelhub",
            "Sentinel Hub",
            OAUTH_CLIENT,
            SENTINELHUB_TOKEN_URL,
            "https://services.sentinel-hub.com/api/v1/catalog/1.0.0/collections",
            "Client id",
            "Client secret",
        ),
        Service(
            "sentinelhub-cdse",
            "Sentinel Hub on Copernicus Data Space",
            OAUTH_CLIENT,
            CDSE_TOKEN_URL,
            "https://sh.dataspace.copernicus.eu/api/v1/catalog/1.0.0/collections",
            "Client id",
            "Client secret",
        ),
        Service(
            "cdse",
            "Copernicus Data Space downloads",
            PASSWORD,
            CDSE_TOKEN_URL,
            "",
            "Username (e-mail)",
            "Password",
        ),
        Service(
            "constellr",
            "Constellr",
            API_KEY,
            "",
            "https://api.constellr.com/products",
            "",
            "Workspace API key",
        ),
        Service("maap", "ESA MAAP", OFFLINE_TOKEN, MAAP_TOKEN_URL, "", "", "Offline token"),
        Service("cdse-s3", "Copernicus Data Space S3", S3_KEYS, "", "", "Access key", "Secret key"),
    )
}

#: S3 buckets whose objects each account opens (``s3://`` hrefs without an https twin).
S3_BUCKETS = {"eodata": "cdse-s3"}
#: Any other bucket has its own account, ``s3:<bucket>`` (endpoint, region, keys or
#: anonymous, requester pays): Constellr delivers to ``s3://bucket/path/lst.tiff``.
S3_PREFIX = "s3:"
#: AWS's own endpoint, for a bucket account without one.
AWS_S3_ENDPOINT = "https://s3.amazonaws.com"


def s3_account(bucket: str) -> str:
    """The account id of a bucket (``eodata`` is the Copernicus Data Space S3 account)."""
    return S3_BUCKETS.get(bucket) or S3_PREFIX + bucket


def is_s3_account(service: str) -> bool:
    known = SERVICES.get(service)
    return service.startswith(S3_PREFIX) or (known is not None and known.kind == S3_KEYS)


#: The CDSE S3 endpoint; it serves path-style requests only (no virtual hosting).
CDSE_S3_ENDPOINT = "https://eodata.dataspace.copernicus.eu"

#: Hosts whose APIs use each account (a Sentinel Hub account works on both of its hosts).
HOSTS = {
    "sentinelhub": ("services.sentinel-hub.com", "services-uswest2.sentinel-hub.com"),
    "sentinelhub-cdse": ("sh.dataspace.copernicus.eu",),
    "cdse": ("download.dataspace.copernicus.eu", "zipper.dataspace.copernicus.eu"),
    "constellr": ("api.constellr.com",),
    "maap": ("catalog.maap.eo.esa.int",),
}


@dataclass
class Credentials:
    """What the user typed for one account. ``secret`` never appears in ``repr``."""

    service: str
    username: str = ""
    secret: str = ""
    #: non-secret options: ``token_url`` (an override), ``style`` and ``header`` (custom),
    #: ``endpoint`` (S3)
    token_url: str = ""
    style: str = ""
    header: str = ""
    endpoint: str = ""
    #: S3 only: the bucket's region (``us-east-1`` when empty; CDSE ``default``), no keys
    #: at all (a public bucket), and whether the requester pays for the transfer
    region: str = ""
    anonymous: bool = False
    requester_pays: bool = False

    def __repr__(self) -> str:
        return (
            f"Credentials(service={self.service!r}, username={self.username!r}, "
            f"secret={'…' if self.secret else ''!r})"
        )

    @property
    def complete(self) -> bool:
        service = SERVICES.get(self.service)
        if is_s3_account(self.service) and self.anonymous:
            return True
        if self.service.startswith(S3_PREFIX):
            return bool(self.username and self.secret)
        if service is None:  # a custom STAC API
            return self.style == CUSTOM_NONE or bool(self.secret)
        if service.kind in (OAUTH_CLIENT, PASSWORD, S3_KEYS):
            return bool(self.username and self.secret)
        return bool(self.secret)


def request_auth(credentials: Credentials, token_http: HttpClient) -> RequestAuth | None:
    """The credentials as something :class:`HttpClient` attaches to each request.

    ``token_http`` sends token requests; it carries no credentials of its own.
    """
    service = SERVICES.get(credentials.service)
    if credentials.service.startswith(S3_PREFIX):
        return None  # S3 keys sign requests in GDAL (see plugin/s3.py), not in headers
    if service is None:
        return _custom_auth(credentials)
    token_url = credentials.token_url or service.token_url
    if service.kind == OAUTH_CLIENT:
        flow: TokenFlow = ClientCredentials(token_url, credentials.username, credentials.secret)
    elif service.kind == PASSWORD:
        flow = PasswordGrant(
            token_url, credentials.username, credentials.secret, CDSE_PUBLIC_CLIENT
        )
    elif service.kind == OFFLINE_TOKEN:
        flow = OfflineToken(credentials.secret, token_url)
    elif service.kind == API_KEY:
        return api_key_auth(credentials.secret)
    elif service.kind == S3_KEYS:
        return None  # S3 keys sign requests in GDAL (see plugin/s3.py), not in headers
    else:  # pragma: no cover - every kind is listed above
        raise ValueError(service.kind)
    return BearerAuth(TokenProvider(flow, token_http.post_form))


def _custom_auth(credentials: Credentials) -> RequestAuth | None:
    if credentials.style == CUSTOM_BASIC:
        return basic_auth(credentials.username, credentials.secret)
    if credentials.style == CUSTOM_BEARER:
        return bearer_token_auth(credentials.secret)
    if credentials.style == CUSTOM_HEADER and credentials.header:
        return HeaderAuth(credentials.header, credentials.secret)
    return None


@dataclass
class CheckResult:
    ok: bool
    message: str
    kind: str = ""


def check_account(
    credentials: Credentials,
    http: HttpClient,
    probe_url: str = "",
    is_cancelled: IsCancelled | None = None,
) -> CheckResult:
    """What the Test button does: sign in (when the account uses tokens), then read
    ``probe_url`` (a catalog of that account) with the credentials. One sentence back."""
    from .auth import CLOCK_SKEW_LIMIT, AuthError, BearerAuth
    from .errors import Cancelled, EOExplorerError, HttpError

    service = SERVICES.get(credentials.service)
    name = service.title if service else "The catalog"
    if not credentials.complete:
        return CheckResult(False, "Fill in every field first.", "incomplete")
    auth = request_auth(credentials, http)
    notes = []
    try:
        if isinstance(auth, BearerAuth):
            auth.provider.access_token()
            notes.append(f"{name} signed you in")
            skew = auth.provider.clock_skew
            if abs(skew) > CLOCK_SKEW_LIMIT:
                notes.append(
                    f"but this computer's clock is {abs(skew) / 60:.0f} minutes "
                    f"{'behind' if skew > 0 else 'ahead of'} the server's; fix it, or tokens "
                    "may be refused"
                )
        if probe_url:
            http.with_auth(auth, probe_url).request(
                "GET", probe_url, is_cancelled=is_cancelled or _never
            )
            notes.append(f"{_host(probe_url)} accepted the credentials")
    except Cancelled:
        return CheckResult(False, "Test cancelled.", "cancelled")
    except AuthError as exc:
        return CheckResult(False, exc.message, exc.kind)
    except HttpError as exc:
        if exc.status == 401:
            what = "key" if service and service.kind == API_KEY else "credentials"
            return CheckResult(
                False, f"{_host(probe_url)} refused the {what} (HTTP 401).", "bad_secret"
            )
        if exc.status == 403:
            return CheckResult(
                False,
                f"{_host(probe_url)} accepted the sign-in but this "
                "account has no permission for it (HTTP 403).",
                "no_permission",
            )
        return CheckResult(False, exc.message, "http")
    except EOExplorerError as exc:
        return CheckResult(False, exc.message, "unreachable")
    if not notes:
        return CheckResult(True, "Saved; nothing to test without a catalog URL.", "untested")
    sentence = "; ".join(notes)
    return CheckResult(
        "clock" not in sentence,
        sentence[0].upper() + sentence[1:] + ".",
        "clock_skew" if "clock" in sentence else "",
    )


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or url
