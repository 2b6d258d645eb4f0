"""Live calls (live_call_v2): parse them, match them to our calls, and keep a row moving forward.

What live_call_v2 shows for a reverse click-to-call is unverified (callerdesk-api.md): whether
its legs appear at all, which number ``msisdn`` holds, and the full set of ``callstatus``
values (``Picked`` is seen). So a live row is matched by its set of numbers (either field may
hold the customer), a status is read by words rather than by exact values, an unknown status
is shown verbatim and never moves a call forward, and a call that leaves the list has ended.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dialer_app.core.callerdesk.outcome import server_text
from dialer_app.core.callerdesk.report import india_time
from dialer_app.core.phone import last_ten
from dialer_app.core.records import HistoryRow, LiveCall, LiveState

# Words in callstatus, first match wins (case-insensitive). "Picked" is the only one seen on
# a live account; the rest are guesses from CallerDesk's report wording.
_STATUS_WORDS: tuple[tuple[tuple[str, ...], LiveState], ...] = (
    (("connected", "bridged", "talking", "in-progress", "inprogress", "both"), LiveState.CONNECTED),
    (("picked", "answered", "agent ringing", "member ringing"), LiveState.CUSTOMER_ANSWERED),
    (("ringing", "initiated", "dialing", "calling", "queued"), LiveState.RINGING_CUSTOMER),
    (("ended", "completed", "hangup", "disconnected"), LiveState.ENDED),
)
_ORDER = {
    LiveState.RINGING_CUSTOMER: 1,
    LiveState.CUSTOMER_ANSWERED: 2,
    LiveState.CONNECTED: 3,
    LiveState.ENDED: 4,
}


def state_of(callstatus: str) -> LiveState:
    """The live state a callstatus names; OTHER when it names none we know."""
    text = callstatus.strip().casefold()
    for words, state in _STATUS_WORDS:
        if any(word in text for word in words):
            return state
    return LiveState.OTHER


def parse_live(data: Mapping[str, Any]) -> list[LiveCall]:
    """The live calls in a live_call_v2 answer (an idle account: an empty or absent list)."""
    rows = data.get("live_calls")
    if not isinstance(rows, list):
        return []
    calls = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        numbers = {last_ten(str(row.get(key, "") or "")) for key in ("msisdn", "member_num")}
        status = server_text(row.get("callstatus")).strip()
        calls.append(
            LiveCall(
                numbers=frozenset(number for number in numbers if number),
                member_name=server_text(row.get("member_name")),
                callstatus=status,
                state=state_of(status),
                entry_at=india_time(row.get("entrydate")),
            )
        )
    return calls


def find(call: HistoryRow, live: Iterable[LiveCall]) -> LiveCall | None:
    """Our call's row in the live list: both its numbers, whichever field holds which."""
    wanted = {last_ten(call.customer_number), last_ten(call.member_number)}
    return next((row for row in live if wanted <= row.numbers), None)


def with_customer(customer_number: str, live: Iterable[LiveCall]) -> list[LiveCall]:
    """Every live call, anyone's, that has this customer's number in either field."""
    number = last_ten(customer_number)
    return [row for row in live if number in row.numbers]


def advance(current: LiveState | None, seen: LiveState) -> LiveState | None:
    """The state after seeing ``seen``: a call only moves forward; OTHER never moves it."""
    if seen is LiveState.OTHER:
        return current
    if current is None or _ORDER[seen] > _ORDER.get(current, 0):
        return seen
    return current
