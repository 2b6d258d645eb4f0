"""The CallerDesk HTTP client: lists, balance, and the one request that costs money.

One long-lived ``httpx.Client`` (keep-alive) serves the list and balance requests; the call
request uses its own transport with no kept connections, so it never goes out on a pooled
connection the server may already have closed. Neither follows redirects (that would replay
the key elsewhere), and the only retry is httpx's connect retry, which fires before anything
was sent. Query strings are built by httpx from validated values. Both go directly or through
the proxy ``core.proxy`` chooses, and verify TLS against the system's trust store
(``core.tls``); ``core.network`` builds their transports and names their failures.

httpx's timeouts bound each read, not a whole answer: a server that trickles its answer a
byte at a time would hold a request (and the Call button) forever. Every request therefore
runs under a deadline that shuts its socket, and its body is read up to a size limit.
A server-supplied message never carries the key back to the screen, the log or the history.
"""

from __future__ import annotations

import logging
import re
import ssl
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import quote, quote_plus, urlsplit

import httpx

from dialer_app import __version__
from dialer_app.core.callerdesk import members as member_pages
from dialer_app.core.callerdesk.certs import issuer_of
from dialer_app.core.callerdesk.deadline import DEFAULT_DEADLINE, AnswerOverrun, Deadline
from dialer_app.core.callerdesk.live import parse_live
from dialer_app.core.callerdesk.network import (
    Phase,
    TunnelFailure,
    build_transport,
    not_sent_reason,
    tunnel_failure,
    untrusted_reason,
)
from dialer_app.core.callerdesk.outcome import classify, parse_json_object, server_text
from dialer_app.core.callerdesk.paging import collect_rows
from dialer_app.core.callerdesk.proxy import DIRECT, ProxyChoice, ProxyMode, Route, route_for
from dialer_app.core.callerdesk.report import parse_row
from dialer_app.core.callerdesk.tls import is_certificate_failure, tls_context
from dialer_app.core.config import validate_base_url
from dialer_app.core.errors import BadResponseError, ConfigError, NotSentError, RejectedError
from dialer_app.core.phone import last_ten, mask
from dialer_app.core.records import (
    Balance,
    CallRequest,
    CallResult,
    Deskphone,
    LiveCall,
    Member,
    Outcome,
    ReportRow,
)
from dialer_app.core.text import plain

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=5.0, pool=5.0)
CALL_BODY_LIMIT = 64 * 1024  # a call answer is ~150 bytes; an error page a few KB
LIST_BODY_LIMIT = 16 * 1024 * 1024
_TEN_DIGITS = re.compile(r"[0-9]{10}")
MAX_REPORT_PAGES = 50
# Raised before a byte of the request left the machine: safe to report as "not sent".
# (httpx.ProxyError: the proxy refused to open the tunnel; TunnelFailure: it failed to.)
_NOT_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
    httpx.ProxyError,
    TunnelFailure,
)
PasswordLookup = Callable[[str], "str | None"]


class CallerDeskClient:
    """Talks to one CallerDesk-compatible account. Thread-safe; close() on quit."""

    def __init__(
        self,
        base_url: str,
        authcode: str,
        *,
        transport: httpx.BaseTransport | None = None,
        call_transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        proxy: ProxyChoice | None = None,
        proxy_password: PasswordLookup | None = None,
        verify: ssl.SSLContext | None = None,
    ) -> None:
        """``proxy`` is the agent's proxy choice (default: the system's); ``proxy_password``
        reads a manual proxy's password by its keyring name; ``verify`` replaces the system
        trust store (tests). A ``transport`` given replaces the proxy and TLS set-up."""
        self._base_url = validate_base_url(base_url)  # last guard: the key never goes over http
        self._authcode = authcode
        self._deadline = deadline
        self._timeout = timeout
        self._transports = (transport, call_transport)
        self._proxy = proxy or ProxyChoice()
        self._proxy_password = proxy_password
        self._verify = verify
        self._lock = threading.Lock()
        self._built: tuple[httpx.Client, httpx.Client] | None = None
        self._route = DIRECT
        self._closed = False
        self._untrusted: str | None = None  # the sentence for an untrusted certificate
        self._probing = threading.Lock()  # held while the certificate's issuer is read

    @property
    def route(self) -> Route:
        """How requests travel (direct, or which proxy); known once the first one was made."""
        return self._route

    def _clients(self) -> tuple[httpx.Client, httpx.Client]:
        """The list client and the call client, built on first use (on a worker thread).

        Building them loads CA certificates and reads the system's proxy settings (the
        registry on Windows), which takes tens of milliseconds: never on the GUI thread, never
        before the first paint. Both share one TLS context and one route. A plain-HTTP
        (loopback) base URL gets a context with no trust anchors at all: it never does TLS,
        and if it ever did, nothing would verify. Raises ConfigError for an unusable proxy.
        """
        with self._lock:
            if self._closed:
                raise httpx.UnsupportedProtocol("the client is closed")  # nothing is sent
            if self._built is None:
                https = self._base_url.startswith("https:")
                verify = self._verify or (
                    tls_context() if https else ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                )
                self._route = self._resolve_route()
                lists, calls = self._transports
                route = self._route
                self._built = (
                    self._make_client(lists or build_transport(route, verify, keepalive=True)),
                    self._make_client(calls or build_transport(route, verify, keepalive=False)),
                )
            return self._built

    def _resolve_route(self) -> Route:
        if all(self._transports):  # given transports replace the proxy set-up (tests)
            return DIRECT
        choice = self._proxy
        password = None
        if choice.mode is ProxyMode.MANUAL and choice.username and self._proxy_password:
            try:
                password = self._proxy_password(choice.keyring_name)
            except Exception as exc:  # a keyring failure: the proxy will then say 407
                log.warning("Proxy password not available: %s", type(exc).__name__)
        route = route_for(self._base_url, choice, password=password)
        log.info("Requests go %s", "directly" if route.direct else f"through {route.label}")
        return route

    def _make_client(self, transport: httpx.BaseTransport) -> httpx.Client:
        # trust_env=False: the environment's proxy and TLS variables are read by core.proxy
        # and core.tls, never behind their back.
        return httpx.Client(
            base_url=self._base_url,
            timeout=self._timeout,
            transport=transport,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": f"dialer-app/{__version__}"},
        )

    def close(self) -> None:
        with self._lock:
            built, self._built, self._closed = self._built, None, True
        for client in built or ():
            client.close()

    def place_call(self, request: CallRequest) -> CallResult:
        """Send one click_to_call_v3 request; classify the answer. Never raises or retries."""
        if not (
            _TEN_DIGITS.fullmatch(request.customer_number)
            and _TEN_DIGITS.fullmatch(request.member_number)
            and request.deskphone.strip()
        ):
            log.error("Call request refused: the numbers are not 10 ASCII digits")
            return CallResult(Outcome.NOT_SENT, "the request was incomplete or not valid")
        params = {
            "calling_party_a": request.customer_number,
            "calling_party_b": request.member_number,
            "deskphone": request.deskphone,
            "call_from_did": "1",
            "authcode": self._authcode,
        }
        if request.call_limit > 0:
            params["CallLimit"] = str(request.call_limit)
        try:
            _, calls = self._clients()
        except ConfigError as exc:  # an unusable proxy setting: nothing has left
            log.error("Call request not sent: %s", exc)
            return CallResult(Outcome.NOT_SENT, str(exc).rstrip("."))
        except (OSError, ValueError, httpx.UnsupportedProtocol) as exc:  # nothing has left
            log.error("Call request not sent: %s", type(exc).__name__)
            return CallResult(Outcome.NOT_SENT, "the secure connection could not be prepared")
        log.info("Calling customer %s", mask(request.customer_number))
        try:
            status, body = self._exchange(calls, "GET", "click_to_call_v3", params)
        except _NOT_SENT as exc:
            log.warning("Call request not sent: %s", type(exc).__name__)
            return CallResult(Outcome.NOT_SENT, self._not_sent_reason(exc))
        except Exception as exc:  # after sending, anything means "may be ringing"
            log.warning("Call request failed after sending: %s", type(exc).__name__)
            return CallResult(Outcome.UNKNOWN, _unknown_reason(exc))
        result = classify(status, body)
        campid = None if result.campid is None else self._scrub(result.campid)
        result = replace(result, message=self._scrub(result.message), campid=campid)
        log.info("Call outcome %s campid=%s", result.outcome, result.campid)
        return result

    def list_members(self, per_page: int = 20) -> list[Member]:
        """Every active member, across all pages."""
        return member_pages.collect(
            lambda page: self._post_form(
                "getmemberlist_V2", {"per_page": str(per_page), "current_page": str(page)}
            ),
            per_page,
        )

    def list_deskphones(self) -> list[Deskphone]:
        data = self._post_form("getdeskphone_v2", {})
        rows = data.get("getdeskphone")
        if not isinstance(rows, list):
            raise BadResponseError("The deskphone list was missing from the answer.")
        return [
            _deskphone(row)
            for row in rows
            if isinstance(row, dict) and str(row.get("deskphone", "")).strip()
        ]

    def call_reports(
        self,
        first_day: date,
        last_day: date,
        number: str,
        per_page: int = 100,
        *,
        field: str = "member_num",
    ) -> list[ReportRow]:
        """Outgoing click-to-call report rows over whole days (India dates) whose ``field``
        (``member_num``, or ``caller_num`` for a customer) is ``number``."""
        form = {
            "start_date": first_day.isoformat(),
            "end_date": last_day.isoformat(),
            field: number,
            "Flow_type": "WEBOBD",
            "per_page": str(per_page),
        }
        rows = collect_rows(
            lambda page: self._post_form("call_list_v2", {**form, "current_page": str(page)}),
            rows_key="result",
            total_keys=("total_record", "total"),
            per_page=per_page,
            max_pages=MAX_REPORT_PAGES,
            missing="The call report was missing from the answer.",
        )
        return [report for report in map(parse_row, rows) if report is not None]

    def team_calls_to(self, day: date, customer_number: str) -> list[ReportRow]:
        """Every member's report rows of ``day`` with this customer in either number field
        (which field holds the customer on a reverse call is unverified). The service's
        filter is not trusted: a row about another customer is dropped here too."""
        wanted = last_ten(customer_number)
        rows = {
            row.report_id: row
            for field in ("caller_num", "member_num")
            for row in self.call_reports(day, day, customer_number, field=field)
            if wanted and wanted in (row.customer_number, row.member_number)
        }
        return list(rows.values())

    def live_calls(self) -> list[LiveCall]:
        """The account's calls in progress (live_call_v2), anyone's."""
        return parse_live(self._post_form("live_call_v2", {}, method="GET"))

    def get_balance(self) -> Balance:
        data = self._post_form("profile_billing_v2", {})
        account = data.get("login_account")
        if isinstance(account, list) and account:
            account = account[0]
        if not isinstance(account, dict):
            raise BadResponseError("The balance was missing from the answer.")
        return Balance(
            clicktocall_coins=server_text(str(account.get("avail_clicktocall_coins", "?"))),
            obd_coins=server_text(str(account.get("avail_obd_coins", "?"))),
            call_coins=server_text(str(account.get("avail_call_coins", "?"))),
            expires_on=server_text(str(account.get("expired_on", ""))),
        )

    def _post_form(
        self, endpoint: str, form: dict[str, str], *, method: str = "POST"
    ) -> dict[str, Any]:
        """Send a form (or query, for GET) with the authcode; the JSON object, or an ApiError."""
        form = {**form, "authcode": self._authcode}
        try:
            status, body = self._exchange(self._clients()[0], method, endpoint, form)
        except ConfigError as exc:
            raise NotSentError(str(exc).rstrip(".")) from None
        except _NOT_SENT as exc:
            raise NotSentError(self._not_sent_reason(exc)) from None
        except (httpx.HTTPError, AnswerOverrun) as exc:
            raise BadResponseError(_unknown_reason(exc)) from None
        if status != 200:
            raise BadResponseError(f"The service answered HTTP {status}.")
        data = parse_json_object(body)
        if data is None:
            raise BadResponseError("The service's answer could not be read.")
        if str(data.get("type", "")).strip().lower() == "error":
            message = self._scrub(server_text(data.get("message")))
            raise RejectedError(message or "The service refused the request.")
        return data

    def _exchange(
        self, http: httpx.Client, method: str, endpoint: str, fields: dict[str, str]
    ) -> tuple[int, bytes]:
        """One request under the deadline: (status, body), or an httpx error or AnswerOverrun.

        ``fields`` go in the query string of a GET (the call), in the form of a POST.
        """
        get = method == "GET"
        params, data = (fields, None) if get else (None, fields)
        limit = CALL_BODY_LIMIT if endpoint == "click_to_call_v3" else LIST_BODY_LIMIT
        phase = Phase()
        with Deadline(self._deadline) as deadline:

            def trace(event: str, info: dict[str, Any]) -> None:
                phase.trace(event, info)
                deadline.trace(event, info)

            try:
                with http.stream(
                    method, endpoint, params=params, data=data, extensions={"trace": trace}
                ) as response:
                    deadline.watch(response.extensions.get("network_stream"))
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > limit:
                            raise AnswerOverrun("The answer was far too long to be the service's.")
                    deadline.disarm()  # before the connection may go back to the pool
                    return response.status_code, bytes(body)
            except _NOT_SENT:
                raise
            except httpx.HTTPError as exc:
                if phase.connecting:  # the proxy failed to open the tunnel: nothing left
                    raise tunnel_failure(exc, self._route, expired=deadline.expired) from exc
                if not deadline.expired:
                    raise
            raise AnswerOverrun("The answer was still arriving when time ran out.")

    def _not_sent_reason(self, exc: Exception) -> str:
        """Why a request did not leave. An untrusted certificate is said with its host and
        issuer (read once per client: a second handshake, nothing sent) and what to do."""
        if not is_certificate_failure(exc):
            return not_sent_reason(exc, self._route)
        with self._probing:  # requests failing together wait for one probe, not one each
            if self._untrusted is None:
                given = all(self._transports)  # tests' transports: no real server to ask
                issuer = "" if given else issuer_of(self._base_url, self._route)
                host = urlsplit(self._base_url).hostname or self._base_url
                self._untrusted = untrusted_reason(host, issuer, self._route)
            return self._untrusted

    def _scrub(self, text: str) -> str:
        """``text`` without the key, should the server have echoed it."""
        for secret in {self._authcode, quote(self._authcode, safe=""), quote_plus(self._authcode)}:
            if len(secret) >= 4:
                text = text.replace(secret, "***")
        return text


def _deskphone(row: dict[str, Any]) -> Deskphone:
    """Shown and sent verbatim (a leading 0 kept), only without direction controls."""
    return Deskphone(
        plain(row.get("did_id", "")), plain(row["deskphone"]).strip(), plain(row.get("did_num", ""))
    )


def _unknown_reason(exc: Exception) -> str:
    if isinstance(exc, AnswerOverrun):
        return str(exc)
    if isinstance(exc, httpx.ReadTimeout):
        return "No answer from the service in time."
    if isinstance(exc, httpx.RemoteProtocolError):
        return "The connection dropped before the answer arrived."
    return "The answer did not arrive."
