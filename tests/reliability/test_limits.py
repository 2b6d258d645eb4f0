"""The client's own bounds: a deadline on the whole answer, a size limit, and no key echoed.

(The window-level rows of the matrix cover the call; these cover the list requests and the
edges of the bounds themselves.)
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from dialer_app.core.callerdesk.client import CALL_BODY_LIMIT, CallerDeskClient
from dialer_app.core.errors import BadResponseError, RejectedError
from dialer_app.core.records import CallRequest, Outcome
from dialer_app.sandbox import Fault, Sandbox
from tests.helpers.keys import SENTINEL
from tests.helpers.servers import RawServer, Script

REQUEST = CallRequest("9876543210", "9700009153", "01204000000")
QUICK = httpx.Timeout(1.0, connect=0.3)


def test_an_endless_call_answer_is_cut_at_the_size_limit() -> None:
    produced = []

    def endless() -> Iterator[bytes]:
        while True:
            produced.append(1)
            yield b" " * 16384

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=endless()))
    client = CallerDeskClient("http://127.0.0.1:9/api/", SENTINEL, call_transport=transport)
    result = client.place_call(REQUEST)
    client.close()
    assert result.outcome is Outcome.UNKNOWN
    assert "too long" in result.message
    assert len(produced) * 16384 <= CALL_BODY_LIMIT + 16384


def test_a_list_answer_that_trickles_forever_fails_at_the_deadline() -> None:
    server = RawServer(Script.TRICKLE_BODY)
    client = CallerDeskClient(
        f"http://127.0.0.1:{server.port}/api_v2/", SENTINEL, timeout=QUICK, deadline=0.5
    )
    started = time.monotonic()
    try:
        with pytest.raises(BadResponseError, match="still arriving"):
            client.list_deskphones()
    finally:
        client.close()
        server.close()
    assert time.monotonic() - started < 0.5 + QUICK.read  # type: ignore[operator]


def test_a_slow_but_complete_answer_is_not_cut(sandbox: Sandbox) -> None:
    sandbox.inject("click_to_call_v3", Fault.SLOW, delay=0.3)
    client = CallerDeskClient(sandbox.base_url, SENTINEL, timeout=QUICK, deadline=1.0)
    try:
        assert client.place_call(REQUEST).outcome is Outcome.PLACED
    finally:
        client.close()


def test_a_list_refusal_that_echoes_the_key_does_not_carry_it(sandbox: Sandbox) -> None:
    sandbox.inject("getdeskphone_v2", Fault.ERROR_MESSAGE, message=f"bad authcode {SENTINEL}!")
    client = CallerDeskClient(sandbox.base_url, SENTINEL, timeout=QUICK)
    try:
        with pytest.raises(RejectedError) as refused:
            client.list_deskphones()
    finally:
        client.close()
    assert refused.value.message == "bad authcode ***!"


def test_a_request_with_numbers_that_are_not_ten_ascii_digits_is_never_sent(
    sandbox: Sandbox,
) -> None:
    client = CallerDeskClient(sandbox.base_url, SENTINEL, timeout=QUICK)
    try:
        for request in (
            CallRequest("९८७६५४३२१०", "9700009153", "01204000000"),
            CallRequest("98765432101", "9700009153", "01204000000"),
            CallRequest("9876543210", "970000915", "01204000000"),
            CallRequest("9876543210", "9700009153", " "),
        ):
            assert client.place_call(request).outcome is Outcome.NOT_SENT
    finally:
        client.close()
    assert sandbox.received("click_to_call_v3") == []
