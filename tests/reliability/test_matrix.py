"""The fault matrix: one press of Call against each way the network or the service can fail.

Every case runs through the real window (the app's own assembly, clients with short
timeouts) and checks the same things: how many requests the server read (never more than
one), the outcome and the words the agent sees, the history row's final state, that a
following normal call to the same customer is placed (asking first only if the failed
attempt may have rung), and that the key is nowhere. Each passing case records its row for
docs/reliability.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import respx

from dialer_app.core.callerdesk.outcome import MAX_MESSAGE
from dialer_app.core.records import Outcome
from dialer_app.sandbox import Fault, Sandbox
from tests.helpers.harness import CUSTOMER, ClientFactory, Desk, leaks, unmasked_numbers
from tests.helpers.keys import SENTINEL
from tests.helpers.matrix import Collector, MatrixRow
from tests.helpers.servers import ClosedPort, FullBacklog, RawServer, Script, TlsServer

CLICK = "click_to_call_v3"
MAY_RING = "may be ringing"
SAFE = "It is safe to try again."
LONG_MESSAGE = "Number is on the DND registry. " * 40
MARKUP = "Number <b>blocked</b> & on <a href='https://example.invalid/'>DND</a>"


@dataclass(frozen=True)
class Target:
    """Where the faulty call goes, and how to count the requests that server read."""

    base_url: str | None  # None: the sandbox the window already uses
    seen: Callable[[], int]


@dataclass
class Env:
    sandbox: Sandbox
    tmp_path: Path
    factory: ClientFactory
    stack: ExitStack

    def sandbox_calls(self) -> int:
        return len(self.sandbox.received(CLICK))


Arm = Callable[[Env], Target]


def sandbox_fault(fault: Fault | None, **options: object) -> Arm:
    def arm(env: Env) -> Target:
        if fault is not None:
            env.sandbox.inject(CLICK, fault, **options)  # type: ignore[arg-type]
        return Target(None, env.sandbox_calls)

    return arm


def error_message(message: str) -> Arm:
    return sandbox_fault(Fault.ERROR_MESSAGE, message=message)


def closed_port(env: Env) -> Target:
    port = ClosedPort()
    env.stack.callback(port.close)
    return Target(f"http://127.0.0.1:{port.port}/api_v2/", lambda: 0)


def full_backlog(env: Env) -> Target:
    listener = FullBacklog()
    env.stack.callback(listener.close)
    return Target(f"http://127.0.0.1:{listener.port}/api_v2/", lambda: 0)


def dns_failure(env: Env) -> Target:
    """A name that does not resolve: respx, so the test never waits on a real resolver."""
    base_url = "https://api.dialer-matrix.invalid/api_v2/"
    router = respx.Router(base_url=base_url, assert_all_called=False)
    unresolvable = httpx.ConnectError("[Errno -2] Name or service not known")
    route = router.get(CLICK).mock(side_effect=unresolvable)
    router.route().mock(side_effect=unresolvable)  # the balance refresh after the call
    env.factory.transports[base_url] = httpx.MockTransport(router.handler)
    env.stack.callback(lambda: _assert_attempts(route.call_count, 1))
    return Target(base_url, lambda: 0)


def _calls_in(requests: list[str]) -> int:
    return sum(line.endswith("/" + CLICK) for line in requests)


def _assert_attempts(count: int, expected: int) -> None:
    assert count == expected, f"the transport was asked {count} times"


def untrusted_tls(env: Env) -> Target:
    server = TlsServer(env.tmp_path)
    env.stack.callback(server.close)
    return Target(f"https://127.0.0.1:{server.port}/api_v2/", lambda: _calls_in(server.requests))


def tls_to_plain_http(env: Env) -> Target:
    return Target(env.sandbox.base_url.replace("http://", "https://"), env.sandbox_calls)


def raw(script: Script) -> Arm:
    def arm(env: Env) -> Target:
        server = RawServer(script)
        env.stack.callback(server.close)
        return Target(f"http://127.0.0.1:{server.port}/api_v2/", lambda: _calls_in(server.requests))

    return arm


@dataclass(frozen=True)
class Case:
    key: str
    fault: str
    produced_by: str
    arm: Arm
    outcome: Outcome
    requests: int
    words: tuple[str, ...]


def unknown(key: str, fault: str, produced_by: str, arm: Arm, reason: str) -> Case:
    return Case(key, fault, produced_by, arm, Outcome.UNKNOWN, 1, (MAY_RING, reason))


def not_sent(key: str, fault: str, produced_by: str, arm: Arm, reason: str) -> Case:
    return Case(key, fault, produced_by, arm, Outcome.NOT_SENT, 0, (f"Not sent: {reason}", SAFE))


def rejected(key: str, message: str, words: tuple[str, ...], fault: str = "") -> Case:
    arm = error_message(message)
    label = fault or f"`type: error`, {message!r}"
    return Case(key, label, "sandbox `ERROR_MESSAGE`", arm, Outcome.REJECTED, 1, words)


CASES = (
    Case(
        "normal",
        "none (control): a normal answer",
        "sandbox",
        sandbox_fault(None),
        Outcome.PLACED,
        1,
        (f"Ringing customer {CUSTOMER}", "campaign"),
    ),
    not_sent(
        "refused",
        "connection refused",
        "closed port on 127.0.0.1",
        closed_port,
        "could not connect to the server",
    ),
    not_sent(
        "dns",
        "DNS failure (`.invalid` host)",
        "respx: `ConnectError` (name not known)",
        dns_failure,
        "could not connect to the server",
    ),
    not_sent(
        "tls_untrusted",
        "TLS: self-signed certificate",
        "HTTPS server on 127.0.0.1 (answers success if trusted)",
        untrusted_tls,
        "the security certificate of 127.0.0.1 could not be verified: it is issued by"
        " “127.0.0.1”, which this computer does not trust",
    ),
    not_sent(
        "tls_plain_http",
        "TLS: `https://` address served by plain HTTP",
        "the sandbox addressed with https://",
        tls_to_plain_http,
        "a secure connection to the server could not be set up",
    ),
    not_sent(
        "connect_timeout",
        "connect timeout",
        "listener with a full accept queue",
        full_backlog,
        "the server did not answer in time",
    ),
    unknown(
        "read_timeout",
        "server reads the request, then stalls past the read timeout",
        "sandbox `STALL`",
        sandbox_fault(Fault.STALL, delay=3.0),
        "No answer from the service in time.",
    ),
    unknown(
        "drop",
        "server closes the connection without a byte",
        "sandbox `DROP`",
        sandbox_fault(Fault.DROP),
        "The connection dropped before the answer arrived.",
    ),
    unknown(
        "cut_mid_body",
        "server closes the connection mid-response",
        "raw socket: headers + 20 of 82 body bytes, then FIN",
        raw(Script.CUT_MID_BODY),
        "The connection dropped before the answer arrived.",
    ),
    unknown(
        "reset",
        "connection reset after the request",
        "raw socket: RST",
        raw(Script.RESET),
        "The answer did not arrive.",
    ),
    unknown(
        "trickle_headers",
        "answer trickles in forever (status line, a byte per 50 ms)",
        "raw socket",
        raw(Script.TRICKLE_HEADERS),
        "The answer was still arriving when time ran out.",
    ),
    unknown(
        "trickle_body",
        "answer trickles in forever (body, a byte per 50 ms)",
        "raw socket",
        raw(Script.TRICKLE_BODY),
        "The answer was still arriving when time ran out.",
    ),
    unknown(
        "http_500",
        "HTTP 500",
        "sandbox `HTTP_500`",
        sandbox_fault(Fault.HTTP_500),
        "The service answered HTTP 500.",
    ),
    unknown(
        "http_502",
        "HTTP 502",
        "sandbox `HTTP_502`",
        sandbox_fault(Fault.HTTP_502),
        "The service answered HTTP 502.",
    ),
    unknown(
        "redirect_302",
        "HTTP 302 redirect (not followed)",
        "sandbox `REDIRECT_302`",
        sandbox_fault(Fault.REDIRECT_302),
        "The service answered HTTP 302.",
    ),
    unknown(
        "html_page",
        "HTTP 200 with an HTML page",
        "sandbox `HTML_PAGE`",
        sandbox_fault(Fault.HTML_PAGE),
        "The service's answer could not be read.",
    ),
    unknown(
        "json_no_type",
        "JSON without `type`",
        "sandbox `JSON_NO_TYPE`",
        sandbox_fault(Fault.JSON_NO_TYPE),
        "did not say whether the call left",
    ),
    unknown(
        "unknown_type",
        "JSON with an unknown `type`",
        "sandbox `UNKNOWN_TYPE`",
        sandbox_fault(Fault.UNKNOWN_TYPE),
        "did not say whether the call left",
    ),
    unknown(
        "truncated_json",
        "truncated JSON",
        "sandbox `TRUNCATED_JSON`",
        sandbox_fault(Fault.TRUNCATED_JSON),
        "The service's answer could not be read.",
    ),
    rejected(
        "invalid_auth",
        "Invalid Auth Code!",
        ("Refused: Invalid Auth Code!", "Check the API key in Settings.", "Open account settings"),
    ),
    rejected(
        "agent_on_break",
        "Agent on break/Inactive. Call not allowed",
        ("Refused: Agent on break/Inactive. Call not allowed", "Pick another member"),
    ),
    rejected(
        "account_inactive",
        "Account is Inactive please contact administrator!",
        ("Refused: Account is Inactive", "Contact your CallerDesk administrator."),
    ),
    rejected(
        "invalid_deskphone",
        "Invalid Deskphone",
        ("Refused: Invalid Deskphone", "Pick another deskphone"),
    ),
    rejected(
        "unknown_message",
        "Insufficient balance to place the call",
        ("Refused: Insufficient balance to place the call",),
    ),
    rejected(
        "message_echoes_key",
        f"Invalid Auth Code! authcode={SENTINEL}",
        ("Refused: Invalid Auth Code! authcode=***", "Check the API key in Settings."),
        fault="`type: error` whose message echoes the key",
    ),
    rejected(
        "message_with_markup",
        MARKUP,
        (f"Refused: {MARKUP}",),
        fault="`type: error` whose message holds HTML tags and a link",
    ),
    rejected(
        "message_too_long",
        LONG_MESSAGE,
        ("Refused: Number is on the DND registry.", "…"),
        fault=f"`type: error` with a {len(LONG_MESSAGE)}-character message",
    ),
)


@pytest.fixture
def env(sandbox: Sandbox, tmp_path: Path, client_factory: ClientFactory) -> Iterator[Env]:
    with ExitStack() as stack:
        yield Env(sandbox, tmp_path, client_factory, stack)


@pytest.mark.parametrize("case", CASES, ids=[case.key for case in CASES])
def test_fault(
    case: Case,
    env: Env,
    launch: Callable[[], Desk],
    matrix: Collector,
    caplog: pytest.LogCaptureFixture,
) -> None:
    desk = launch()
    desk.wait_for_lists()
    target = case.arm(env)
    if target.base_url is not None:  # the server went away / the address points elsewhere
        desk.parts.account.use(target.base_url, SENTINEL)

    report = desk.call()

    seen = target.seen()
    assert seen == case.requests
    assert report.result.outcome is case.outcome
    sees = desk.banner
    for words in case.words:
        assert words in sees
    if case.outcome is Outcome.REJECTED:
        assert len(report.result.message) <= MAX_MESSAGE
    if "Open account settings" in case.words:  # a link the window acts on, not a web page
        assert 'href="account"' in desk.banners[-1]
    ((state, message, campid),) = desk.history_rows()
    assert (state, message) == (case.outcome.value, report.result.message)
    assert (campid is not None) == (case.outcome is Outcome.PLACED)

    env.stack.close()  # the faulty server goes away (and a balance refresh stuck on it ends)
    next_call = _next_call_is_placed(desk, env, target, case, seen)
    assert leaks(desk, caplog.text) == []
    assert unmasked_numbers(desk) == []
    matrix.record(
        MatrixRow(
            key=case.key,
            fault=case.fault,
            produced_by=case.produced_by,
            requests_seen=seen,
            outcome=case.outcome.value,
            agent_sees=_short(sees),
            history_row=_short(f"{state}: {message}" if message and state != "placed" else state),
            next_call=next_call,
            key_leaked="no",
        )
    )


def _short(text: str) -> str:
    return text if len(text) <= 160 else text[:150] + "… (cut in this table)"


def _next_call_is_placed(desk: Desk, env: Env, target: Target, case: Case, seen: int) -> str:
    """The agent calls the same customer again once the service is back: one request, placed."""
    if target.base_url is not None:
        desk.parts.account.use(env.sandbox.base_url, SENTINEL)
    before, asked = env.sandbox_calls(), len(desk.dialogs)
    assert before == (seen if target.base_url is None else 0)  # no late duplicate arrived
    report = desk.call()
    assert report.result.outcome is Outcome.PLACED
    assert env.sandbox_calls() == before + 1
    asked_first = len(desk.dialogs) > asked
    assert asked_first == (case.outcome in (Outcome.PLACED, Outcome.UNKNOWN))
    if asked_first:
        assert f"{CUSTOMER} was already called" in desk.dialogs[-1]
    return "placed, asked first" if asked_first else "placed"
