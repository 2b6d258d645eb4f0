"""What the outcome banner says and how it looks: styles, our links, re-dial questions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dialer_app.core.phone import format_national
from dialer_app.core.records import Campaign, Outcome, TeamCall
from dialer_app.core.text import isolate
from dialer_app.ui.history_columns import OUTCOME_TEXT, VERDICT_TEXT
from dialer_app.ui.notice import Action, Level

BANNER_STYLE = {
    Level.STATUS: "background: palette(alternate-base); border: 1px solid palette(mid);",
    Level.INFO: "background: palette(alternate-base); border: 1px solid palette(mid);",
    Level.OK: "background: #E8F5E9; color: #1B5E20; border: 1px solid #A5D6A7;",
    Level.WARN: "background: #FFF8E1; color: #7A4F00; border: 1px solid #FFD54F;",
    Level.ERROR: "background: #FFEBEE; color: #8E1B1B; border: 1px solid #EF9A9A;",
}
LINKS = {
    Action.NONE: "",
    Action.OPEN_ACCOUNT: '<a href="account">Open account settings</a>',
    Action.CALL_AGAIN: '<a href="call-again">Call this customer again</a> (F9)',
    Action.UNBLOCK: '<a href="unblock">Take this number off the do-not-call list</a>',
}
OUTCOME_LEVEL = {
    Outcome.PLACED: Level.OK,
    Outcome.REJECTED: Level.ERROR,
    Outcome.NOT_SENT: Level.WARN,
    Outcome.UNKNOWN: Level.WARN,
    Outcome.SENDING: Level.INFO,
}


def redial_question(customer: str, earlier: Campaign | None, team: list[TeamCall]) -> str:
    """The question before calling a customer again: this desk's attempt and the team's."""
    lines = [earlier_line(earlier)] if earlier is not None else []
    lines += [team_line(customer, call) for call in team]
    ask = QCoreApplication.translate(
        "Banner", "Call this customer again? Return or Escape: don't call."
    )
    return "\n".join(lines) + "\n\n" + ask


def earlier_line(earlier: Campaign) -> str:
    when = earlier.created_at.astimezone().strftime("%H:%M:%S")
    what = OUTCOME_TEXT[earlier.outcome]
    campid = f", campaign {isolate(earlier.campid)}" if earlier.campid else ""
    member = isolate(earlier.member_name) if earlier.member_name else "a member"
    return (
        f"{format_national(earlier.customer_number)} was already called at {when} "
        f"by {member} ({what}{campid})."
    )


def team_line(customer: str, call: TeamCall) -> str:
    """'Priya Iyer called 98765 43210 at 14:02: Connected, 3 min.' (or is on a call now)."""
    who = isolate(call.member_name) if call.member_name else ""
    who = who or QCoreApplication.translate("Banner", "Another member")
    number = format_national(customer)
    if call.live:
        text = QCoreApplication.translate("Banner", "{who} is on a call with {number} now.")
        return text.format(who=who, number=number)
    when = call.started_at.astimezone().strftime("%H:%M")
    result = VERDICT_TEXT[call.verdict] if call.verdict else ""
    talk = (
        QCoreApplication.translate("Banner", ", {minutes} min").format(
            minutes=max(1, round(call.talk_seconds / 60))
        )
        if call.talk_seconds
        else ""
    )
    text = QCoreApplication.translate("Banner", "{who} called {number} at {when}: {result}{talk}.")
    return text.format(who=who, number=number, when=when, result=result, talk=talk)
