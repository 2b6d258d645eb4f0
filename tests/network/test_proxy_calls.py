"""The paid call through a real proxy (tinyproxy) to the sandbox over HTTPS, trusted through a
company CA in the system store: placed once, or not sent, or unknown, as the rules say."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dialer_app.core.callerdesk.client import CallerDeskClient
from dialer_app.core.callerdesk.proxy import ProxyChoice, ProxyMode
from dialer_app.core.errors import NotSentError
from dialer_app.core.messages import describe_result
from dialer_app.core.records import CallRequest, CallResult, Outcome
from dialer_app.sandbox import Fault, Sandbox
from tests.helpers.keys import SENTINEL
from tests.helpers.local_tls import server_context
from tests.helpers.network import API_HOST, Company, api_url
from tests.helpers.tinyproxy import Tinyproxy

REQUEST = CallRequest("9876543210", "9700009153", "01204000000", 0, "Aarav Sharma")


def call(base_url: str, **options: object) -> CallResult:
    client = CallerDeskClient(base_url, SENTINEL, **options)  # type: ignore[arg-type]
    try:
        return client.place_call(REQUEST)
    finally:
        client.close()


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Poll another thread's or process's progress (no Qt event loop here), bounded."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def test_a_call_through_the_proxy_is_placed_once(
    api: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Tinyproxy(tmp_path) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        client = CallerDeskClient(api_url(api), SENTINEL)
        try:
            members = client.list_members()
            result = client.place_call(REQUEST)
        finally:
            client.close()

        assert result.outcome is Outcome.PLACED, result.message
        assert len(api.received("click_to_call_v3")) == 1
        assert members  # the lists come through the same proxy
        assert client.route.label == f"127.0.0.1:{proxy.port}"
        port = api_url(api).split(":")[2].split("/")[0]
        assert f"{API_HOST}:{port}" in proxy.tunnels()
        assert all(line.startswith("CONNECT ") for line in proxy.requests())  # only tunnels


def test_a_proxy_that_refuses_connect_means_not_sent(
    api: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Tinyproxy(tmp_path, connect_ports=[443]) as proxy:  # the API's port is not allowed
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        result = call(api_url(api))

    assert result.outcome is Outcome.NOT_SENT
    assert f"the proxy 127.0.0.1:{proxy.port} refused the connection" in result.message
    assert "safe to try again" in str(describe_result(result, REQUEST.customer_number))
    assert api.received() == []


def test_a_proxy_that_cannot_reach_the_service_means_not_sent(
    company: Company, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Tinyproxy(tmp_path) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        result = call(f"https://{API_HOST}:9/api_v2/")  # nothing listens there

    assert result.outcome is Outcome.NOT_SENT
    assert "could not reach the service (HTTP 500)" in result.message


def test_a_proxy_that_drops_the_tunnel_after_the_request_means_unknown(
    api: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.inject("click_to_call_v3", Fault.STALL)
    with Tinyproxy(tmp_path) as proxy, ThreadPoolExecutor(1) as pool:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        pending = pool.submit(call, api_url(api))
        wait_until(lambda: bool(api.received("click_to_call_v3")), "the request at the server")
        proxy.stop()  # the proxy goes away with the tunnel open and the request delivered
        result = pending.result(timeout=30)

    assert result.outcome is Outcome.UNKNOWN
    assert "may be ringing" in str(describe_result(result, REQUEST.customer_number))
    assert len(api.received("click_to_call_v3")) == 1


def test_a_proxy_that_wants_a_login_says_so_and_takes_one_from_the_keyring(
    api: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Tinyproxy(tmp_path, basic_auth=("jane", "proxy-pass-1")) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        refused = call(api_url(api))
        address = f"127.0.0.1:{proxy.port}"
        manual = ProxyChoice(ProxyMode.MANUAL, address, "jane")
        asked: list[str] = []

        def password(name: str) -> str:
            asked.append(name)
            return "proxy-pass-1"

        placed = call(api_url(api), proxy=manual, proxy_password=password)

    assert refused.outcome is Outcome.NOT_SENT
    assert refused.message == (
        f"the proxy {address} asks for a user name and password (HTTP 407): "
        "enter them in Dialer → Account…"
    )
    assert placed.outcome is Outcome.PLACED, placed.message
    assert asked == [f"proxy:jane@{address}"]
    assert len(api.received("click_to_call_v3")) == 1


def test_a_man_in_the_middle_certificate_is_not_sent(
    company: Company, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server for the API's name whose CA is not in the system store (an interceptor)."""
    _, intercepting = server_context(tmp_path / "mitm", [API_HOST], "not the company's CA")
    with (
        Sandbox(authcode=SENTINEL, call_seconds=0, tls=intercepting) as impostor,
        Tinyproxy(tmp_path) as proxy,
    ):
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        result = call(api_url(impostor))
        client = CallerDeskClient(api_url(impostor), SENTINEL)
        with pytest.raises(NotSentError, match="could not be verified"):
            client.list_members()
        client.close()

    assert result.outcome is Outcome.NOT_SENT
    port = api_url(impostor).split(":")[2].split("/")[0]
    assert result.message.startswith(
        f"the security certificate of {API_HOST} (through the proxy 127.0.0.1:{proxy.port})"
        " could not be verified: it is issued by “not the company's CA”, which this computer"
        " does not trust."
    )
    assert "install the company's certificate authority (CA)" in result.message
    assert impostor.received() == []  # the issuer was read by a handshake: nothing was sent
    assert f"{API_HOST}:{port}" in proxy.tunnels()


def test_demo_on_loopback_never_uses_the_proxy(
    proxy_tools: None, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Tinyproxy(tmp_path) as proxy:
        for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"):
            monkeypatch.setenv(name, proxy.url)
        system = call(sandbox.base_url)
        manual = call(sandbox.base_url, proxy=ProxyChoice(ProxyMode.MANUAL, proxy.url))

    assert system.outcome is Outcome.PLACED
    assert manual.outcome is Outcome.PLACED
    assert len(sandbox.received("click_to_call_v3")) == 2
    assert proxy.requests() == []
