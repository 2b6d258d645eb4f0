"""Simulated calls: a placed call's timeline, its live-call entry and its report row.

The outcome depends on the customer number's last digit:

- ``0``-``5``: both legs answered, the call is connected and talks until it ends;
- ``6``-``7``: the customer (leg A) never answers;
- ``8``-``9``: the customer answers, the member (leg B) does not.

A call lasts ``call_seconds`` of clock time (``CallLimit`` cuts the talk short); it is live
from its start until its end and is in the report from its end on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from dialer_app.sandbox.data import IST, NEVER, DemoDeskphone, DemoMember

_LEG_A_SHARE = 0.25  # part of the call spent ringing the customer
_LEG_B_SHARE = 0.125  # part spent ringing the member once the customer answered


class CallOutcome(StrEnum):
    """How a simulated call ends."""

    CONNECTED = "connected"
    CUSTOMER_NO_ANSWER = "customer_no_answer"
    MEMBER_NO_ANSWER = "member_no_answer"

    @classmethod
    def for_customer(cls, customer: str) -> CallOutcome:
        last = int(customer[-1])
        if last <= 5:
            return cls.CONNECTED
        if last <= 7:
            return cls.CUSTOMER_NO_ANSWER
        return cls.MEMBER_NO_ANSWER


_RESULTS: dict[CallOutcome, tuple[str, str]] = {
    CallOutcome.CONNECTED: ("ANSWER", "Answered"),
    CallOutcome.CUSTOMER_NO_ANSWER: ("NOANSWER", "Customer Not Answered"),
    CallOutcome.MEMBER_NO_ANSWER: ("NOANSWER", "Agent Not Answered"),
}


def ist_text(moment: datetime | None) -> str:
    """``YYYY-MM-DD hh:mm:ss`` in India time, or the report's "never" value."""
    if moment is None:
        return NEVER
    return moment.astimezone(IST).strftime("%Y-%m-%d %H:%M:%S")


def _seconds(span: timedelta) -> str:
    return str(max(0, round(span.total_seconds())))


@dataclass(frozen=True, slots=True)
class SimCall:
    """One placed call and its whole (pre-computed) timeline."""

    campid: int
    customer: str  # 10 digits, as sent in calling_party_a
    member: DemoMember
    did: DemoDeskphone
    outcome: CallOutcome
    start: datetime
    leg_a_picked: datetime | None
    leg_b_start: datetime | None
    leg_b_picked: datetime | None
    end: datetime

    @classmethod
    def place(
        cls,
        campid: int,
        customer: str,
        member: DemoMember,
        did: DemoDeskphone,
        *,
        now: datetime,
        call_seconds: float,
        call_limit: int,
    ) -> SimCall:
        """Plan a call placed at ``now``; ``call_limit`` 0 means no limit."""
        outcome = CallOutcome.for_customer(customer)
        span = timedelta(seconds=call_seconds)
        end = now + span
        leg_a = leg_b_start = leg_b = None
        if outcome is not CallOutcome.CUSTOMER_NO_ANSWER:
            leg_a = leg_b_start = now + span * _LEG_A_SHARE
        if outcome is CallOutcome.CONNECTED:
            leg_b = now + span * (_LEG_A_SHARE + _LEG_B_SHARE)
            if call_limit:
                end = min(end, leg_b + timedelta(seconds=call_limit))
        return cls(campid, customer, member, did, outcome, now, leg_a, leg_b_start, leg_b, end)

    def is_live(self, now: datetime) -> bool:
        return self.start <= now < self.end

    def is_finished(self, now: datetime) -> bool:
        return now >= self.end

    def live_status(self, now: datetime) -> str:
        """Leg by leg: the customer rings, answers (the member rings), both talk."""
        if self.leg_b_picked is not None and now >= self.leg_b_picked:
            return "Connected"
        if self.leg_a_picked is not None and now >= self.leg_a_picked:
            return "Picked"
        return "Ringing"

    def live_row(self, now: datetime) -> dict[str, str]:
        """The call as live_call_v2 shows it while it is in progress."""
        return {
            "msisdn": self.customer,
            "entrydate": ist_text(self.start),
            "member_num": self.member.num,
            "member_name": self.member.name,
            "callstatus": self.live_status(now),
            "lastupdatedate": ist_text(now),
            "did_num": self.did.did_num,
            "deskphone": self.did.deskphone,
            "group_name": "",
        }

    def report_row(self, row_id: int, origin: str) -> dict[str, str]:
        """The finished call as call_list_v2 reports it; ``origin`` is the sandbox's URL root."""
        callresult, callstatus = _RESULTS[self.outcome]
        talk = self.end - self.leg_b_picked if self.leg_b_picked else timedelta(0)
        connected = self.outcome is CallOutcome.CONNECTED
        return {
            "id": str(row_id),
            "caller_num": "0" + self.customer,
            "member_num": "0" + self.member.num[-10:],
            "member_name": self.member.name,
            "deskphone": self.did.deskphone,
            "startdatetime": ist_text(self.start),
            "enddatetime": ist_text(self.end),
            "total_duration": _seconds(self.end - self.start),
            "talk_duration": _seconds(talk),
            "callresult": callresult,
            "callstatus": callstatus,
            "file": f"{origin}/recordings/{self.campid}.mp3" if connected else "",
            "LegA_Picked_time": ist_text(self.leg_a_picked),
            "LegB_Start_time": ist_text(self.leg_b_start),
            "LegB_Picked_time": ist_text(self.leg_b_picked),
            "coin_deducted": "1",
            "Flow_type": "WEBOBD",
        }
