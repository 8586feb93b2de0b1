"""Token flows against a Keycloak-shaped token server: sign-in, caching, refresh, 401 retry,
one request for many threads, errors in words, and secrets that never show."""

from __future__ import annotations

import threading
from urllib.parse import parse_qs

import pytest

from eo_explorer.plugin.api.accounts import Credentials, check_account, request_auth
from eo_explorer.plugin.api.auth import (
    MAAP_CLIENT_SECRET,
    AuthError,
    ClientCredentials,
    OfflineToken,
    PasswordGrant,
    TokenProvider,
)
from eo_explorer.plugin.api.errors import HttpError
from eo_explorer.plugin.api.http import HttpClient, HttpSettings
from tests.servers.common.token_server import TokenServer

SECRET = "s3cr3t-client-secret-value"


def client() -> HttpClient:
    return HttpClient(settings=HttpSettings(retries=0))


@pytest.fixture()
def keycloak():
    with TokenServer(
        clients={"sh-client": SECRET, "cdse-public": None},
        users={"ana@example.com": "pa55word"},
        offline_tokens={"offline-abc": "offline-token"},
    ) as server:
        server.clients["offline-token"] = MAAP_CLIENT_SECRET
        yield server


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def form_of(entry) -> dict:
    body = entry.get("body") or b""
    return {k: v[0] for k, v in parse_qs(body.decode()).items()}


def test_client_credentials_token_is_cached_until_shortly_before_expiry(keycloak):
    clock = Clock()
    flow = ClientCredentials(keycloak.token_url, "sh-client", SECRET)
    provider = TokenProvider(flow, client().post_form, clock)
    first = provider.access_token()
    assert keycloak.is_valid(first)
    assert provider.access_token() == first
    clock.now += 300 - 31  # the server said 300 s; renewed 30 s before the end
    assert provider.access_token() == first
    clock.now += 2
    second = provider.access_token()
    assert second != first and keycloak.count("client_credentials") == 2
    sent = form_of(keycloak.requests[0])
    assert sent == {
        "grant_type": "client_credentials",
        "client_id": "sh-client",
        "client_secret": SECRET,
    }


def test_a_401_renews_the_token_once_and_retries(keycloak):
    auth = request_auth(
        Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url), client()
    )
    http = client().with_auth(auth)
    assert http.get_json(keycloak.protected_url)["ok"] is True
    keycloak.expire_all()  # the server revoked the token before its announced expiry
    assert http.get_json(keycloak.protected_url)["ok"] is True
    assert keycloak.count("client_credentials") == 2
    protected = [r for r in keycloak.requests if r.get("path") == "/protected"]
    assert len(protected) == 3  # ok, 401, ok after the new token


def test_a_second_401_is_reported_not_looped(keycloak):
    auth = request_auth(
        Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url), client()
    )
    http = client().with_auth(auth)
    original = auth.provider.access_token

    def stale_token():
        token = original()
        keycloak.expire_all()
        return token

    auth.provider.access_token = stale_token
    with pytest.raises(HttpError) as raised:
        http.get_json(keycloak.protected_url)
    assert raised.value.status == 401
    assert keycloak.count("client_credentials") == 2


def test_many_threads_wait_for_one_token_request(keycloak):
    keycloak.delay = 0.5
    provider = TokenProvider(
        ClientCredentials(keycloak.token_url, "sh-client", SECRET), client().post_form
    )
    tokens = []
    threads = [
        threading.Thread(target=lambda: tokens.append(provider.access_token())) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(tokens) == 8 and len(set(tokens)) == 1
    assert keycloak.count() == 1


def test_password_grant_then_refresh_token_while_it_is_valid(keycloak):
    clock = Clock()
    flow = PasswordGrant(keycloak.token_url, "ana@example.com", "pa55word")
    provider = TokenProvider(flow, client().post_form, clock)
    provider.access_token()
    clock.now += 290
    provider.access_token()
    grants = [form_of(r)["grant_type"] for r in keycloak.requests]
    assert grants == ["password", "refresh_token"]
    assert form_of(keycloak.requests[1])["client_id"] == "cdse-public"
    assert "password" not in form_of(keycloak.requests[1])  # the password went once


def test_revoked_refresh_token_falls_back_to_the_password(keycloak):
    clock = Clock()
    provider = TokenProvider(
        PasswordGrant(keycloak.token_url, "ana@example.com", "pa55word"), client().post_form, clock
    )
    provider.access_token()
    keycloak.expire_refresh_tokens()
    clock.now += 290
    assert keycloak.is_valid(provider.access_token())
    grants = [form_of(r)["grant_type"] for r in keycloak.requests]
    assert grants == ["password", "refresh_token", "password"]


def test_maap_offline_token_is_exchanged_exactly_as_documented(keycloak):
    provider = TokenProvider(OfflineToken("offline-abc", keycloak.token_url), client().post_form)
    assert keycloak.is_valid(provider.access_token())
    assert form_of(keycloak.requests[0]) == {
        "client_id": "offline-token",
        "client_secret": MAAP_CLIENT_SECRET,
        "grant_type": "refresh_token",
        "refresh_token": "offline-abc",
        "scope": "offline_access openid",
    }


@pytest.mark.parametrize(
    ("flow", "kind", "words"),
    [
        (
            lambda url: ClientCredentials(url, "sh-client", "wrong"),
            "bad_secret",
            "client secret is wrong",
        ),
        (
            lambda url: ClientCredentials(url, "nobody", SECRET),
            "unknown_client",
            "does not know this client id",
        ),
        (
            lambda url: PasswordGrant(url, "ana@example.com", "nope"),
            "bad_secret",
            "Wrong username or password",
        ),
        (
            lambda url: OfflineToken("revoked-token", url),
            "expired",
            "offline token has expired or was revoked",
        ),
    ],
    ids=["wrong-secret", "unknown-client", "wrong-password", "expired-offline-token"],
)
def test_refusals_are_one_sentence_without_the_secret(keycloak, flow, kind, words):
    provider = TokenProvider(flow(keycloak.token_url), client().post_form)
    with pytest.raises(AuthError) as raised:
        provider.access_token()
    assert raised.value.kind == kind
    assert words in str(raised.value)
    for text in (str(raised.value), raised.value.details, repr(provider)):
        assert SECRET not in text and "nope" not in text and "revoked-token" not in text


def test_unreachable_sign_in_server():
    from tests.servers.stac.rustac_server import free_port

    url = f"http://127.0.0.1:{free_port()}/token"
    provider = TokenProvider(ClientCredentials(url, "a", SECRET), client().post_form)
    with pytest.raises(AuthError) as raised:
        provider.access_token()
    assert raised.value.kind == "unreachable"
    assert "Could not reach the sign-in server 127.0.0.1" in str(raised.value)


def test_secrets_never_appear_in_reprs():
    credentials = Credentials("sentinelhub", "sh-client", SECRET)
    auth = request_auth(credentials, client())
    for obj in (credentials, auth, auth.provider, auth.provider.flow, client().with_auth(auth)):
        assert SECRET not in repr(obj)
    key = request_auth(Credentials("constellr", secret=SECRET), client())
    assert SECRET not in repr(key) and key.headers() == {"X-Api-Key": SECRET}


def test_check_account_sentences(keycloak):
    good = Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url)
    result = check_account(good, client(), keycloak.protected_url)
    assert result.ok and result.message.startswith("Sentinel Hub signed you in")
    bad = Credentials("sentinelhub", "sh-client", "wrong", token_url=keycloak.token_url)
    result = check_account(bad, client(), keycloak.protected_url)
    assert not result.ok and result.kind == "bad_secret"
    keycloak.api_keys.add("good-key")
    result = check_account(
        Credentials("constellr", secret="bad-key"), client(), keycloak.api_key_url
    )
    assert not result.ok and result.message.endswith("refused the key (HTTP 401).")
    result = check_account(
        Credentials("constellr", secret="good-key"), client(), keycloak.api_key_url
    )
    assert result.ok and "accepted the credentials" in result.message


def test_clock_skew_is_reported(keycloak):
    keycloak.clock_offset = 3600
    good = Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url)
    result = check_account(good, client())
    assert not result.ok and result.kind == "clock_skew"
    assert "clock is 60 minutes behind" in result.message
