"""Typed records shared by every layer: frozen, hashable, no behaviour beyond formatting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Outcome(StrEnum):
    """What became of one call request (see docs/design: outcome table)."""

    SENDING = "sending"  # written before the request leaves; never a final state
    PLACED = "placed"  # HTTP 200 and type == "success"
    REJECTED = "rejected"  # HTTP 200 and type == "error"
    NOT_SENT = "not_sent"  # failed before the request left: safe to try again
    UNKNOWN = "unknown"  # failed after the request left: the call may be ringing


@dataclass(frozen=True, slots=True)
class Member:
    """An active team member who can take the bridged call (party B)."""

    member_id: str
    name: str
    number: str  # 10-digit national number, as sent in calling_party_b

    @property
    def label(self) -> str:
        return f"{self.name} ({self.number})"


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


@dataclass(frozen=True, slots=True)
class CallResult:
    """The classified answer to a call request."""

    outcome: Outcome
    message: str = ""
    campid: str | None = None


@dataclass(frozen=True, slots=True)
class Campaign:
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


@dataclass(frozen=True, slots=True)
class Balance:
    """Account counters from profile_billing_v2 (strings, as the API sends them)."""

    clicktocall_coins: str
    obd_coins: str
    call_coins: str
    expires_on: str
