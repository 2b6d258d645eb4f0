"""What the outcome banner says and how it looks: styles, our links, re-dial questions."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from dialer_app.core.phone import format_national
from dialer_app.core.records import HistoryRow, Outcome, TeamCall
from dialer_app.core.text import isolate
from dialer_app.ui.common.colours import Pair, css, is_dark, readable
from dialer_app.ui.common.notice import Action, Level
from dialer_app.ui.history.columns import OUTCOME_TEXT, VERDICT_TEXT

# (text, background, border) on a light and on a dark palette; the text is nudged further
# if the OS's palette makes that necessary (colours.readable), so every pair reaches 4.5:1.
_BANNER_COLOURS: dict[Level, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    Level.OK: (("#1B5E20", "#E8F5E9", "#A5D6A7"), ("#C8E6C9", "#1B3A1E", "#2E7D32")),
    Level.WARN: (("#6B4500", "#FFF8E1", "#FFD54F"), ("#FFE0A3", "#3D2E00", "#8D6E00")),
    Level.ERROR: (("#8E1B1B", "#FFEBEE", "#EF9A9A"), ("#FFCDD2", "#4A1416", "#B71C1C")),
}


def banner_colours(level: Level, palette: QPalette) -> Pair:
    """The banner's text and background for ``level`` on ``palette``."""
    if level not in _BANNER_COLOURS:
        return Pair(palette.color(QPalette.ColorRole.Text),
                    palette.color(QPalette.ColorRole.AlternateBase))  # fmt: skip
    text, background, _ = _BANNER_COLOURS[level][is_dark(palette)]
    return Pair(readable(QColor(text), QColor(background)), QColor(background))


def banner_style(level: Level, palette: QPalette) -> str:
    """The banner's style sheet: every colour explicit, chosen for the palette's scheme."""
    pair = banner_colours(level, palette)
    border = (
        _BANNER_COLOURS[level][is_dark(palette)][2]
        if level in _BANNER_COLOURS
        else css(palette.color(QPalette.ColorRole.Mid))
    )
    return (
        f"QLabel {{ background: {css(pair.background)}; color: {css(pair.text)}; "
        f"border: 1px solid {border}; }}"
    )


def link_colour(level: Level, palette: QPalette) -> QColor:
    """The palette's link colour, nudged to 4.5:1 on the banner's background."""
    background = banner_colours(level, palette).background
    return readable(palette.color(QPalette.ColorRole.Link), background)


def link(action: Action, colour: QColor | None = None) -> str:
    """Our one link for ``action`` (translated), as markup; "" for none."""
    text = {
        Action.NONE: "",
        Action.OPEN_ACCOUNT: QCoreApplication.translate("Banner", "Open account settings"),
        Action.CALL_AGAIN: QCoreApplication.translate("Banner", "Call this customer again"),
        Action.UNBLOCK: QCoreApplication.translate(
            "Banner", "Take this number off the do-not-call list"
        ),
    }[action]
    if not text:
        return ""
    style = f' style="color: {css(colour)}"' if colour is not None else ""
    markup = f'<a href="{action.value}"{style}>{html.escape(text)}</a>'
    return markup + " (F9)" if action is Action.CALL_AGAIN else markup


OUTCOME_LEVEL = {
    Outcome.PLACED: Level.OK,
    Outcome.REJECTED: Level.ERROR,
    Outcome.NOT_SENT: Level.WARN,
    Outcome.UNKNOWN: Level.WARN,
    Outcome.SENDING: Level.INFO,
}


def redial_question(customer: str, earlier: HistoryRow | None, team: list[TeamCall]) -> str:
    """The question before calling a customer again: this desk's attempt and the team's."""
    lines = [earlier_line(earlier)] if earlier is not None else []
    lines += [team_line(customer, call) for call in team]
    ask = QCoreApplication.translate(
        "Banner", "Call this customer again? Return or Escape: don't call."
    )
    return "\n".join(lines) + "\n\n" + ask


def earlier_line(earlier: HistoryRow) -> str:
    when = earlier.created_at.astimezone().strftime("%H:%M:%S")
    what = OUTCOME_TEXT[earlier.outcome]
    member = isolate(earlier.member_name) if earlier.member_name else ""
    member = member or QCoreApplication.translate("Banner", "a member")
    number = format_national(earlier.customer_number)
    if earlier.campid:
        text = QCoreApplication.translate(
            "Banner",
            "{number} was already called at {when} by {member} ({what}, campaign {campid}).",
        )
    else:
        text = QCoreApplication.translate(
            "Banner", "{number} was already called at {when} by {member} ({what})."
        )
    return text.format(
        number=number, when=when, member=member, what=what, campid=isolate(earlier.campid or "")
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
