"""Which proxy a request takes (core.proxy), and the words for a proxy's failures (core.network)."""

from __future__ import annotations

import ssl

import httpx
import pytest

from dialer_app.core.callerdesk.network import not_sent_reason, tunnel_failure
from dialer_app.core.callerdesk.proxy import (
    DIRECT,
    ProxyChoice,
    ProxyMode,
    Route,
    keyring_name,
    route_for,
    validate_proxy_address,
)
from dialer_app.core.errors import ConfigError

API = "https://app.callerdesk.io/api/"
SYSTEM = ProxyChoice()


def no_bypass(_host: str) -> bool:
    return False


@pytest.fixture
def clean_proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    "base_url",
    ["http://127.0.0.1:8765/api_v2/", "http://localhost:9/api/", "http://[::1]:80/api/"],
)
@pytest.mark.parametrize("mode", list(ProxyMode))
def test_loopback_is_never_proxied(base_url: str, mode: ProxyMode) -> None:
    choice = ProxyChoice(mode, "proxy.example.com:3128")
    proxies = {"http": "http://proxy.example.com:3128", "all": "http://proxy.example.com:3128"}

    assert route_for(base_url, choice, proxies=lambda: proxies, bypass=no_bypass) == DIRECT


def test_system_choice_takes_the_proxy_named_for_https() -> None:
    proxies = {"https": "http://corp-proxy:8080", "http": "http://other:1"}

    route = route_for(API, SYSTEM, proxies=lambda: proxies, bypass=no_bypass)

    assert route == Route("http://corp-proxy:8080", "corp-proxy:8080")


def test_system_choice_falls_back_to_all_proxy_and_adds_the_scheme_windows_leaves_out() -> None:
    route = route_for(API, SYSTEM, proxies=lambda: {"all": "corp-proxy:8080"}, bypass=no_bypass)

    assert route.proxy_url == "http://corp-proxy:8080"


def test_system_choice_is_direct_without_a_proxy_or_when_bypassed() -> None:
    proxies = {"https": "http://corp-proxy:8080"}
    asked: list[str] = []

    def bypass(host: str) -> bool:
        asked.append(host)
        return True

    assert route_for(API, SYSTEM, proxies=dict, bypass=no_bypass) == DIRECT
    assert route_for(API, SYSTEM, proxies=lambda: proxies, bypass=bypass) == DIRECT
    assert asked == ["app.callerdesk.io"]


def test_the_environment_is_read_with_no_proxy_honoured(
    clean_proxy_env: pytest.MonkeyPatch,
) -> None:
    clean_proxy_env.setenv("HTTPS_PROXY", "http://corp-proxy:8080")
    clean_proxy_env.setenv("NO_PROXY", "internal.example")

    assert route_for(API, SYSTEM).proxy_url == "http://corp-proxy:8080"
    clean_proxy_env.setenv("NO_PROXY", "internal.example,.callerdesk.io")
    assert route_for(API, SYSTEM) == DIRECT
    assert route_for("https://cloud.digidonar.in/api_v2/", SYSTEM).label == "corp-proxy:8080"
    clean_proxy_env.setenv("no_proxy", "*")
    clean_proxy_env.delenv("NO_PROXY")
    assert route_for("https://cloud.digidonar.in/api_v2/", SYSTEM) == DIRECT


def test_credentials_in_the_system_proxy_address_go_to_auth_not_to_the_label() -> None:
    proxies = {"https": "http://jane%40corp:p%3Ass@corp-proxy:8080"}

    route = route_for(API, SYSTEM, proxies=lambda: proxies, bypass=no_bypass)

    assert route.proxy_url == "http://corp-proxy:8080"
    assert route.auth == ("jane@corp", "p:ss")
    assert route.label == "corp-proxy:8080"
    assert "p:ss" not in repr(route)


def test_a_socks_system_proxy_is_refused_with_a_sentence() -> None:
    with pytest.raises(ConfigError, match="not an HTTP proxy"):
        route_for(API, SYSTEM, proxies=lambda: {"https": "socks5://s:1080"}, bypass=no_bypass)


def test_none_is_always_direct() -> None:
    proxies = {"https": "http://corp-proxy:8080"}
    none = ProxyChoice(ProxyMode.NONE)

    assert route_for(API, none, proxies=lambda: proxies, bypass=no_bypass) == DIRECT


def test_manual_proxy_with_a_user_and_the_password_from_the_keyring() -> None:
    choice = ProxyChoice(ProxyMode.MANUAL, "proxy.corp:3128", "jane")

    route = route_for(API, choice, password="secret", proxies=dict, bypass=no_bypass)

    assert route == Route("http://proxy.corp:3128", "proxy.corp:3128", ("jane", "secret"))
    assert choice.keyring_name == "proxy:jane@proxy.corp:3128"
    assert keyring_name("http://proxy.corp:3128", "") == "proxy:http://proxy.corp:3128"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("proxy.corp:3128", "http://proxy.corp:3128"),
        (" https://proxy.corp:443/ ", "https://proxy.corp:443"),
        ("http://[fd00::1]:8080", "http://[fd00::1]:8080"),
    ],
)
def test_proxy_addresses_are_normalised(text: str, expected: str) -> None:
    assert validate_proxy_address(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "Enter the proxy's address"),
        ("proxy.corp", "host and port"),
        ("socks5://proxy.corp:1080", "Only HTTP proxies"),
        ("http://jane:pw@proxy.corp:3128", "user name in its own field"),
        ("proxy.corp:99999", "port is not a number"),
        ("http://proxy.corp:3128/path", "without a path"),
    ],
)
def test_unusable_proxy_addresses_are_refused(text: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        validate_proxy_address(text)


PROXY = Route("http://proxy.corp:3128", "proxy.corp:3128")
WITH_LOGIN = Route("http://proxy.corp:3128", "proxy.corp:3128", ("jane", "pw"))


@pytest.mark.parametrize(
    ("route", "error", "words"),
    [
        (PROXY, httpx.ProxyError("407 Proxy Authentication Required"), "asks for a user name"),
        (WITH_LOGIN, httpx.ProxyError("407 Proxy Authentication Required"), "did not accept"),
        (PROXY, httpx.ProxyError("502 Bad Gateway"), "could not reach the service (HTTP 502)"),
        (PROXY, httpx.ProxyError("403 Forbidden"), "refused the connection to the service"),
        (PROXY, httpx.ConnectError("[Errno 111] Connection refused"), "connect to the proxy"),
        (PROXY, httpx.ConnectTimeout("timed out"), "proxy proxy.corp:3128 did not answer"),
        (DIRECT, httpx.ConnectError("[Errno 111] Connection refused"), "connect to the server"),
    ],
)
def test_proxy_failures_name_the_proxy(route: Route, error: Exception, words: str) -> None:
    reason = not_sent_reason(error, route)

    assert words in reason
    assert "pw" not in reason


def test_a_certificate_failure_is_recognised_by_its_type_whatever_it_says() -> None:
    cause = ssl.SSLCertVerificationError(1, "a verifier's own words")
    wrapped = httpx.ConnectError("handshake failed")
    wrapped.__cause__ = cause

    assert not_sent_reason(wrapped, PROXY) == (
        "the server's security certificate could not be verified"
    )
    assert "could not be verified" not in not_sent_reason(httpx.ConnectError("x"), DIRECT)


def test_a_tunnel_that_fails_before_opening_names_the_proxy() -> None:
    dropped = tunnel_failure(httpx.RemoteProtocolError("disconnected"), PROXY, expired=False)
    slow = tunnel_failure(httpx.ReadTimeout("slow"), PROXY, expired=False)

    assert str(dropped) == "the proxy proxy.corp:3128 closed the connection before it was open"
    assert "did not open the connection in time" in str(slow)
