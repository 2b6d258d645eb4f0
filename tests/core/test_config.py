"""One check of the API address wherever it comes from; loopback decided by the address."""

from __future__ import annotations

import pytest

from dialer_app.core.callerdesk.client import CallerDeskClient
from dialer_app.core.config import (
    Source,
    check_base_url,
    choose_base_url,
    is_loopback,
    validate_base_url,
)
from dialer_app.core.errors import ConfigError


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1", True),  # the resolver reads it as 127.0.0.1
        ("127.0.1", True),
        ("127.255.255.254", True),
        ("0x7f.0.0.1", True),
        ("2130706433", True),
        ("localhost", True),
        ("LOCALHOST.", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("128.0.0.1", False),
        ("10.0.0.1", False),
        ("127.0.0.1.nip.io", False),
        ("localhost.example.com", False),
        ("example.com", False),
        ("::2", False),
        ("0x7g.1", False),
        ("", False),
    ],
)
def test_loopback_is_decided_by_address(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


ADDRESSES = [
    ("https://app.callerdesk.io/api", "https://app.callerdesk.io/api/"),
    ("http://127.1:8765/api_v2/", "http://127.1:8765/api_v2/"),
    ("http://[::1]:8765/api/", "http://[::1]:8765/api/"),
    ("HTTP://localhost:9/api/", "HTTP://localhost:9/api/"),
    ("http://app.callerdesk.io/api/", "must start with https://"),
    ("http://128.0.0.1/api/", "must start with https://"),
    ("ftp://app.callerdesk.io/api/", "must start with https://"),
    ("https://user:pw@app.callerdesk.io/api/", "must not contain"),
    ("https://app.callerdesk.io/api/?authcode=1", "must not contain"),
    ("https:///api/", "Enter the API address"),
    ("https://[::1/api/", "Enter the API address"),
]


@pytest.mark.parametrize("source", list(Source))
@pytest.mark.parametrize(("url", "expected"), ADDRESSES)
def test_every_source_gets_the_same_check(source: Source, url: str, expected: str) -> None:
    if expected.lower().startswith("http"):
        assert check_base_url(url, source) == expected
        return
    with pytest.raises(ConfigError, match=expected) as caught:
        check_base_url(url, source)
    assert source.value in str(caught.value)
    assert url in str(caught.value)  # which address, and where it came from


def test_the_flag_wins_over_the_environment_and_both_are_checked() -> None:
    assert choose_base_url(None, None) is None
    assert choose_base_url("https://a.example/api/", "https://b.example/api/") == (
        "https://a.example/api/",
        Source.FLAG,
    )
    with pytest.raises(ConfigError, match="DIALER_BASE_URL"):
        choose_base_url(None, "http://b.example/api/")


def test_the_client_itself_refuses_plain_http_to_a_remote_host() -> None:
    with pytest.raises(ConfigError, match="https://"):
        CallerDeskClient("http://app.callerdesk.io/api/", "KEY-1234")
    CallerDeskClient("http://127.1:9/api/", "KEY-1234").close()
    assert validate_base_url(" https://x.example/api ") == "https://x.example/api/"
