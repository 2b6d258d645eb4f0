"""Account state of the sandbox and the CallerDesk endpoint logic (no HTTP here).

Every answer mirrors the live service: errors are ``{"type": "error", "message": ...}``
(HTTP 200), a wrong authcode is "Invalid Auth Code!" sent as ``text/html``.
"""

from __future__ import annotations

import hmac
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dialer_app.sandbox.calls import SimCall
from dialer_app.sandbox.clock import Clock
from dialer_app.sandbox.data import (
    ACCOUNT_PROFILE,
    DEFAULT_PER_PAGE,
    DESKPHONES,
    FIRST_CAMPID,
    INITIAL_BALANCE,
    IST,
    MEMBERS,
    DemoMember,
)

INVALID_AUTHCODE = "Invalid Auth Code!"
MEMBER_NOT_ACTIVE = "Agent on break/Inactive. Call not allowed"
INVALID_DESKPHONE = "Invalid Deskphone"
INVALID_CUSTOMER = "Invalid Customer Number"
INVALID_CALL_FROM_DID = "Invalid call_from_did"
INVALID_CALL_LIMIT = "Invalid CallLimit"
LOW_BALANCE = "Insufficient balance"
INVALID_DATE = "Invalid date"

_MOBILE = re.compile(r"[6-9][0-9]{9}")
_DIGITS = re.compile(r"[0-9]+")
_NUMBER_FILTERS = ("member_num", "caller_num", "deskphone")
_TEXT_FILTERS = ("callresult", "Flow_type")


@dataclass(frozen=True, slots=True)
class Reply:
    """A CallerDesk answer; ``html`` sends it as ``text/html`` (the live auth-error quirk)."""

    payload: dict[str, object]
    html: bool = False


def _error(message: str, *, html: bool = False) -> Reply:
    return Reply({"type": "error", "message": message}, html=html)


def _last10(value: str | None) -> str | None:
    """The last 10 digits of an all-digit number of at least 10 digits, else None."""
    if value is None or not _DIGITS.fullmatch(value) or len(value) < 10:
        return None
    return value[-10:]


def _positive(text: str | None, default: int) -> int:
    if text is None or not _DIGITS.fullmatch(text) or int(text) == 0:
        return default
    return int(text)


def _page(params: Mapping[str, str]) -> tuple[int, int]:
    """(per_page, current_page) with the service's defaults for missing or odd values."""
    return _positive(params.get("per_page"), DEFAULT_PER_PAGE), _positive(
        params.get("current_page"), 1
    )


def _count(text: str) -> int:
    """A balance counter; one set to odd text by a test counts as plenty."""
    return int(text) if _DIGITS.fullmatch(text) else 1_000


def _day(text: str | None, today: date) -> date | None:
    if not text:
        return today
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


class Account:
    """One CallerDesk account: members, DIDs, balance and the calls placed so far.

    Thread-safe: the HTTP server calls ``answer`` from one thread per connection.
    ``clock`` may be replaced at any time (tests move time instead of sleeping).
    """

    def __init__(self, authcode: str, *, clock: Clock, call_seconds: float) -> None:
        if not authcode:
            raise ValueError("the sandbox needs a non-empty authcode")
        if call_seconds < 0:
            raise ValueError("call_seconds must not be negative")
        self._authcode = authcode.encode()
        self.clock = clock
        self.call_seconds = call_seconds
        self._lock = threading.Lock()
        self._balance = dict(INITIAL_BALANCE)
        self._calls: list[SimCall] = []
        # Steering (tests): a page-size cap below what was asked, and values as a hostile or
        # odd service would send them (member names by id, balance counters, recording URLs).
        self.max_per_page: int | None = None
        self.member_names: dict[str, str] = {}
        self.recording_url: str | None = None
        self._endpoints: dict[str, Callable[[Mapping[str, str], str], Reply]] = {
            "click_to_call_v3": self._click_to_call,
            "getmemberlist_V2": self._members,
            "getdeskphone_v2": self._deskphones,
            "profile_billing_v2": self._billing,
            "call_list_v2": self._call_list,
            "live_call_v2": self._live_calls,
        }

    @property
    def endpoints(self) -> frozenset[str]:
        return frozenset(self._endpoints)

    def authcode_matches(self, value: str | None) -> bool:
        return value is not None and hmac.compare_digest(value.encode(), self._authcode)

    def answer(
        self, endpoint: str, params: Mapping[str, str], *, authcode_valid: bool, origin: str
    ) -> Reply | None:
        """The answer to one request, or None for an unknown endpoint (a 404)."""
        handler = self._endpoints.get(endpoint)
        if handler is None:
            return None
        if not authcode_valid:
            return _error(INVALID_AUTHCODE, html=True)
        return handler(params, origin)

    def set_balance(self, counter: str, value: str) -> None:
        with self._lock:
            self._balance[counter] = value

    def _capped_page(self, params: Mapping[str, str]) -> tuple[int, int]:
        per_page, page = _page(params)
        return min(per_page, self.max_per_page or per_page), page

    def _members(self, params: Mapping[str, str], origin: str) -> Reply:
        per_page, page = self._capped_page(params)
        rows = [m.as_json() for m in MEMBERS[(page - 1) * per_page : page * per_page]]
        for row in rows:
            row["member_name"] = self.member_names.get(row["member_id"], row["member_name"])
        return Reply({"type": "success", "getmember": rows, "total_record": len(MEMBERS)})

    def _deskphones(self, params: Mapping[str, str], origin: str) -> Reply:
        return Reply({"type": "success", "getdeskphone": [d.as_json() for d in DESKPHONES]})

    def _billing(self, params: Mapping[str, str], origin: str) -> Reply:
        with self._lock:
            account = {**ACCOUNT_PROFILE, **self._balance}
        return Reply({"type": "success", "login_account": account})

    def _find_member(self, number: str | None) -> DemoMember | None:
        wanted = _last10(number)
        return next((m for m in MEMBERS if wanted and m.num[-10:] == wanted), None)

    def _click_to_call(self, params: Mapping[str, str], origin: str) -> Reply:
        if params.get("call_from_did") != "1":
            return _error(INVALID_CALL_FROM_DID)
        member = self._find_member(params.get("calling_party_b"))
        if member is None or not member.active:
            return _error(MEMBER_NOT_ACTIVE)
        did = next((d for d in DESKPHONES if d.deskphone == params.get("deskphone")), None)
        if did is None:
            return _error(INVALID_DESKPHONE)
        customer = params.get("calling_party_a", "")
        if not _MOBILE.fullmatch(customer):
            return _error(INVALID_CUSTOMER)
        limit_text = params.get("CallLimit")
        limit = 0
        if limit_text is not None:
            if not _DIGITS.fullmatch(limit_text) or int(limit_text) == 0:
                return _error(INVALID_CALL_LIMIT)
            limit = int(limit_text)
        with self._lock:
            if _count(self._balance["avail_clicktocall_coins"]) <= 0:
                return _error(LOW_BALANCE)
            for counter in ("avail_clicktocall_coins", "avail_obd_coins"):
                self._balance[counter] = str(max(0, _count(self._balance[counter]) - 1))
            campid = FIRST_CAMPID + len(self._calls)
            call = SimCall.place(
                campid,
                customer,
                member,
                did,
                now=self.clock(),
                call_seconds=self.call_seconds,
                call_limit=limit,
            )
            self._calls.append(call)
        return Reply(
            {
                "type": "success",
                "message": "Call to Customer Initiate Successfully..",
                "campid": campid,
                "deskphone": did.deskphone.removeprefix("0"),
            }
        )

    def add_team_call(self, customer: str, member_name: str, seconds_ago: float) -> None:
        """Another member of the team called ``customer`` (placed ``seconds_ago``, from their
        own desk): it shows in the call report, and live while it lasts."""
        member = next(m for m in MEMBERS if m.name == member_name)
        with self._lock:
            call = SimCall.place(
                FIRST_CAMPID + len(self._calls),
                customer,
                member,
                DESKPHONES[0],
                now=self.clock() - timedelta(seconds=seconds_ago),
                call_seconds=max(self.call_seconds, 1.0),
                call_limit=0,
            )
            self._calls.append(call)

    def _snapshot(self) -> tuple[datetime, list[SimCall]]:
        with self._lock:
            return self.clock(), list(self._calls)

    def _call_list(self, params: Mapping[str, str], origin: str) -> Reply:
        now, calls = self._snapshot()
        today = now.astimezone(IST).date()
        first, last = _day(params.get("start_date"), today), _day(params.get("end_date"), today)
        if first is None or last is None:
            return _error(INVALID_DATE)
        rows = [
            call.report_row(index + 1, origin)
            for index, call in enumerate(calls)
            if call.is_finished(now) and first <= call.start.astimezone(IST).date() <= last
        ]
        rows = [row for row in reversed(rows) if _matches(row, params)]
        if self.recording_url is not None:
            rows = [{**row, "file": self.recording_url} if row["file"] else row for row in rows]
        per_page, page = self._capped_page(params)
        result = rows[(page - 1) * per_page : page * per_page]
        return Reply(
            {"type": "success", "total": len(rows), "current_page": page, "result": result}
        )

    def _live_calls(self, params: Mapping[str, str], origin: str) -> Reply:
        now, calls = self._snapshot()
        live = [call.live_row(now) for call in calls if call.is_live(now)]
        return Reply({"type": "success", "total_live_calls": str(len(live)), "live_calls": live})


def _matches(row: Mapping[str, str], params: Mapping[str, str]) -> bool:
    """Whether a report row passes the optional filters (numbers compare on last 10 digits)."""
    for key in _NUMBER_FILTERS:
        wanted = params.get(key)
        if wanted and _last10(row[key]) != _last10(wanted):
            return False
    for key in _TEXT_FILTERS:
        wanted = params.get(key)
        if wanted and row[key].casefold() != wanted.casefold():
            return False
    return True
