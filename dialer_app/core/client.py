"""The CallerDesk HTTP client: lists, balance, and the one request that costs money.

One long-lived ``httpx.Client`` (keep-alive) serves the list and balance requests; the call
request uses its own transport with no kept connections, so it never goes out on a pooled
connection the server may already have closed. Neither follows redirects (that would replay
the key elsewhere), and the only retry is httpx's connect retry, which fires before anything
was sent. Query strings are built by httpx from validated values.
"""

from __future__ import annotations

import logging
import ssl
from typing import Any

import httpx

from dialer_app import __version__
from dialer_app.core import members as member_pages
from dialer_app.core.errors import BadResponseError, NotSentError, RejectedError
from dialer_app.core.outcome import classify, parse_json_object
from dialer_app.core.phone import mask
from dialer_app.core.records import Balance, CallRequest, CallResult, Deskphone, Member, Outcome

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=5.0, pool=5.0)
# Raised before a byte of the request left the machine: safe to report as "not sent".
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


def tls_context() -> ssl.SSLContext:
    """Verifying TLS context: the system store plus certifi's bundle (frozen builds)."""
    import certifi

    context = ssl.create_default_context()
    context.load_verify_locations(cafile=certifi.where())
    return context


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
    ) -> None:
        verify = tls_context() if base_url.startswith("https:") else True
        self._authcode = authcode
        self._http = self._make_client(base_url, timeout, transport, verify, keepalive=True)
        self._call_http = self._make_client(base_url, timeout, call_transport, verify, False)

    @staticmethod
    def _make_client(
        base_url: str,
        timeout: httpx.Timeout,
        transport: httpx.BaseTransport | None,
        verify: ssl.SSLContext | bool,
        keepalive: bool,
    ) -> httpx.Client:
        limits = httpx.Limits(max_keepalive_connections=5 if keepalive else 0)
        return httpx.Client(
            base_url=base_url,
            timeout=timeout,
            transport=transport or httpx.HTTPTransport(retries=1, verify=verify, limits=limits),
            follow_redirects=False,
            headers={"User-Agent": f"dialer-app/{__version__}"},
        )

    def close(self) -> None:
        self._http.close()
        self._call_http.close()

    def place_call(self, request: CallRequest) -> CallResult:
        """Send one click_to_call_v3 request; classify the answer. Never raises or retries."""
        params = {
            "calling_party_a": request.customer_number,
            "calling_party_b": request.member_number,
            "deskphone": request.deskphone,
            "call_from_did": "1",
            "authcode": self._authcode,
        }
        if request.call_limit > 0:
            params["CallLimit"] = str(request.call_limit)
        log.info("Calling customer %s", mask(request.customer_number))
        try:
            response = self._call_http.get("click_to_call_v3", params=params)
        except _NOT_SENT as exc:
            log.warning("Call request not sent: %s", type(exc).__name__)
            return CallResult(Outcome.NOT_SENT, _not_sent_reason(exc))
        except Exception as exc:  # after sending, anything means "may be ringing"
            log.warning("Call request failed after sending: %s", type(exc).__name__)
            return CallResult(Outcome.UNKNOWN, _unknown_reason(exc))
        result = classify(response.status_code, response.content)
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

    def get_balance(self) -> Balance:
        data = self._post_form("profile_billing_v2", {})
        account = data.get("login_account")
        if isinstance(account, list) and account:
            account = account[0]
        if not isinstance(account, dict):
            raise BadResponseError("The balance was missing from the answer.")
        return Balance(
            clicktocall_coins=str(account.get("avail_clicktocall_coins", "?")),
            obd_coins=str(account.get("avail_obd_coins", "?")),
            call_coins=str(account.get("avail_call_coins", "?")),
            expires_on=str(account.get("expired_on", "")),
        )

    def _post_form(self, endpoint: str, form: dict[str, str]) -> dict[str, Any]:
        """POST a form with the authcode; return the JSON object or raise an ApiError."""
        try:
            response = self._http.post(endpoint, data={**form, "authcode": self._authcode})
        except _NOT_SENT as exc:
            raise NotSentError(_not_sent_reason(exc)) from None
        except httpx.HTTPError as exc:
            raise BadResponseError(_unknown_reason(exc)) from None
        if response.status_code != 200:
            raise BadResponseError(f"The service answered HTTP {response.status_code}.")
        data = parse_json_object(response.content)
        if data is None:
            raise BadResponseError("The service's answer could not be read.")
        if str(data.get("type", "")).strip().lower() == "error":
            raise RejectedError(str(data.get("message") or "The service refused the request."))
        return data


def _deskphone(row: dict[str, Any]) -> Deskphone:
    return Deskphone(str(row.get("did_id", "")), str(row["deskphone"]), str(row.get("did_num", "")))


def _not_sent_reason(exc: Exception) -> str:
    if isinstance(exc, httpx.ConnectError) and "CERTIFICATE_VERIFY_FAILED" in str(exc):
        return "the server's security certificate could not be verified"
    if isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout)):
        return "the server did not answer in time"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "the API address is not usable"
    return "could not connect to the server"


def _unknown_reason(exc: Exception) -> str:
    if isinstance(exc, httpx.ReadTimeout):
        return "No answer from the service in time."
    if isinstance(exc, httpx.RemoteProtocolError):
        return "The connection dropped before the answer arrived."
    return "The answer did not arrive."
