"""Typed records shared by every layer: frozen, hashable, no behaviour beyond formatting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from dialer_app.core.text import isolate, left_to_right


class Outcome(StrEnum):
    """What became of one call request (see docs/design: outcome table)."""

    SENDING = "sending"  # written before the request leaves; never a final state
    PLACED = "placed"  # HTTP 200 and type == "success"
    REJECTED = "rejected"  # HTTP 200 and type == "error"
    NOT_SENT = "not_sent"  # failed before the request left: safe to try again
    UNKNOWN = "unknown"  # failed after the request left: the call may be ringing


class Verdict(StrEnum):
    """What the call report says happened after a placed call (see callerdesk-api.md)."""

    CONNECTED = "connected"  # both legs picked
    CUSTOMER_NO_ANSWER = "customer_no_answer"  # leg A never picked
    MEMBER_NO_ANSWER = "member_no_answer"  # customer answered, member did not: the worst case
    NO_REPORT = "no_report"  # the report never showed the call within the time we wait


class ReportState(StrEnum):
    """Where a history row is in fetching its call report."""

    NONE = "none"  # nothing to fetch (the call was not placed)
    PENDING = "pending"  # placed; the report is still to be fetched
    FINAL = "final"  # the verdict is known (or we gave up: NO_REPORT)


@dataclass(frozen=True, slots=True)
class Member:
    """An active team member who can take the bridged call (party B)."""

    member_id: str
    name: str
    number: str  # 10-digit national number, as sent in calling_party_b

    @property
    def label(self) -> str:
        """``Asha (8120000000)``: the name isolated, so no name can reorder the number."""
        return f"{isolate(self.name)} ({left_to_right(self.number)})"


@dataclass(frozen=True, slots=True)
class Deskphone:
    """A DID of the account; ``deskphone`` is shown and sent verbatim (keep a leading 0)."""

    did_id: str
    deskphone: str
    did_num: str


@dataclass(frozen=True, slots=True)
class CallRequest:
    """One validated reverse click-to-call request."""

    customer_number: str  # 10-digit national number, calling_party_a
    member_number: str  # 10-digit national number, calling_party_b
    deskphone: str  # verbatim from getdeskphone_v2
    call_limit: int = 0  # seconds; 0 means no limit (CallLimit omitted)
    member_name: str = ""
    lead_id: int | None = None  # the lead this call is for (None: a number typed or pasted)


@dataclass(frozen=True, slots=True)
class CallResult:
    """The classified answer to a call request."""

    outcome: Outcome
    message: str = ""
    campid: str | None = None


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One row of the campaign history: a call attempt and what became of it."""

    row_id: int
    created_at: datetime  # aware, UTC
    member_name: str
    member_number: str
    customer_number: str
    deskphone: str
    call_limit: int
    outcome: Outcome
    campid: str | None
    message: str
    finished_at: datetime | None
    report_state: ReportState = ReportState.NONE
    verdict: Verdict | None = None
    leg_a_at: datetime | None = None  # when the customer answered
    leg_b_at: datetime | None = None  # when the member answered
    talk_seconds: int | None = None
    coins: str | None = None
    recording_url: str | None = None
    disposition: str | None = None  # the agent's wrap-up: one of the configured dispositions
    note: str | None = None
    call_back_at: datetime | None = None  # aware

    @property
    def worst_case(self) -> bool:
        """The customer answered and was left waiting: the member never picked up."""
        return self.verdict is Verdict.MEMBER_NO_ANSWER


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One call_list_v2 row, parsed: what happened to a placed call."""

    report_id: str
    started_at: datetime  # aware
    customer_number: str  # last 10 digits
    member_number: str  # last 10 digits
    verdict: Verdict
    leg_a_at: datetime | None
    leg_b_at: datetime | None
    talk_seconds: int
    coins: str
    recording_url: str
    member_name: str = ""


@dataclass(frozen=True, slots=True)
class WrapUp:
    """What the agent recorded after a call: a disposition, a note, when to call back."""

    disposition: str
    note: str = ""
    call_back_at: datetime | None = None  # aware


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """What the history shows: a filter and a sort, turned into SQL by the store."""

    text: str = ""  # digits: customer number prefix; words: member name
    outcome: Outcome | None = None
    disposition: str | None = None  # None: any; "": no disposition yet
    since: datetime | None = None  # inclusive, aware
    until: datetime | None = None  # exclusive, aware
    sort: str = "created_at"  # a column name from history.SORTABLE
    descending: bool = True


@dataclass(frozen=True, slots=True)
class Balance:
    """Account counters from profile_billing_v2 (strings, as the API sends them)."""

    clicktocall_coins: str
    obd_coins: str
    call_coins: str
    expires_on: str


class LiveState(StrEnum):
    """Where a placed call stands while it is live, in the order a call moves through them."""

    RINGING_CUSTOMER = "ringing_customer"
    CUSTOMER_ANSWERED = "customer_answered"  # and the member's phone is ringing
    CONNECTED = "connected"
    ENDED = "ended"
    OTHER = "other"  # a callstatus we do not know: shown verbatim, never a step forward


@dataclass(frozen=True, slots=True)
class LiveCall:
    """One row of live_call_v2, parsed (every field the API may leave out is optional)."""

    numbers: frozenset[str]  # last 10 digits of msisdn and member_num: the customer is one
    member_name: str
    callstatus: str  # verbatim, for display
    state: LiveState
    entry_at: datetime | None  # aware


@dataclass(frozen=True, slots=True)
class TeamCall:
    """Someone in the team called this customer (from the account's call report or live)."""

    member_name: str
    member_number: str
    started_at: datetime  # aware
    verdict: Verdict | None  # None while live
    talk_seconds: int
    live: bool = False
