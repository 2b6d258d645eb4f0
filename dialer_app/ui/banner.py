"""What the outcome banner says and how it looks: styles, our links, re-dial questions."""

from __future__ import annotations

from dialer_app.core.phone import format_national
from dialer_app.core.records import Campaign, Outcome
from dialer_app.ui.history_columns import OUTCOME_TEXT
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
}
OUTCOME_LEVEL = {
    Outcome.PLACED: Level.OK,
    Outcome.REJECTED: Level.ERROR,
    Outcome.NOT_SENT: Level.WARN,
    Outcome.UNKNOWN: Level.WARN,
    Outcome.SENDING: Level.INFO,
}


def redial_question(earlier: Campaign) -> str:
    when = earlier.created_at.astimezone().strftime("%H:%M:%S")
    what = OUTCOME_TEXT[earlier.outcome]
    campid = f", campaign {earlier.campid}" if earlier.campid else ""
    return (
        f"{format_national(earlier.customer_number)} was already called at {when} "
        f"by {earlier.member_name or 'a member'} ({what}{campid}).\n\n"
        "Call this customer again?"
    )
