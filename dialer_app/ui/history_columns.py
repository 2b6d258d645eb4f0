"""The history table's columns, declared once: title, text, sort key, alignment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dialer_app.core.phone import format_national
from dialer_app.core.records import Campaign, Outcome, ReportState, Verdict

OUTCOME_TEXT: dict[Outcome, str] = {
    Outcome.SENDING: "Sending…",
    Outcome.PLACED: "Placed",
    Outcome.REJECTED: "Rejected",
    Outcome.NOT_SENT: "Not sent",
    Outcome.UNKNOWN: "Unknown — check before calling again",
}

VERDICT_TEXT: dict[Verdict, str] = {
    Verdict.CONNECTED: "Connected",
    Verdict.CUSTOMER_NO_ANSWER: "Customer did not answer",
    Verdict.MEMBER_NO_ANSWER: "⚠ Customer left waiting",
    Verdict.NO_REPORT: "No report",
}

OUTCOME_COLOUR: dict[Outcome, QColor] = {
    Outcome.PLACED: QColor(46, 125, 50),  # green
    Outcome.REJECTED: QColor(198, 40, 40),  # red
    Outcome.UNKNOWN: QColor(178, 106, 0),  # amber, readable on white
}
WORST_CASE_BACKGROUND = QColor(255, 235, 238)
WORST_CASE_TEXT = QColor(142, 27, 27)

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _clock(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M:%S") if moment else ""


def _result(row: Campaign) -> str:
    if row.verdict is not None:
        return VERDICT_TEXT[row.verdict]
    return "Waiting for report…" if row.report_state is ReportState.PENDING else ""


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d %b %H:%M") if moment else ""


def _talk(row: Campaign) -> str:
    return "" if row.talk_seconds is None else f"{row.talk_seconds} s"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the history table: its title, how a row reads in it, its sort key."""

    title: str
    text: Callable[[Campaign], str]
    sort: str  # a key of history_sql.SORTABLE
    width: int  # initial width in pixels; the agent can resize
    alignment: Qt.AlignmentFlag = _LEFT


COLUMNS: tuple[Column, ...] = (
    Column("Time", lambda row: row.created_at.astimezone().strftime("%d %b %H:%M:%S"),
           "created_at", 125),
    Column("Member", lambda row: row.member_name, "member_name", 140),
    Column("Customer", lambda row: format_national(row.customer_number), "customer_number",
           100),
    Column("Deskphone", lambda row: row.deskphone, "deskphone", 100),
    Column("Limit", lambda row: "—" if row.call_limit == 0 else f"{row.call_limit} s",
           "call_limit", 55, _RIGHT),
    Column("Outcome", lambda row: OUTCOME_TEXT[row.outcome], "outcome", 80),
    Column("Campid", lambda row: row.campid or "", "campid", 75, _RIGHT),
    Column("Result", _result, "verdict", 190),
    Column("Disposition", lambda row: row.disposition or "", "disposition", 110),
    Column("Note", lambda row: row.note or "", "note", 140),
    Column("Call back", lambda row: _when(row.call_back_at), "call_back_at", 110),
    Column("Customer answered", lambda row: _clock(row.leg_a_at), "leg_a_at", 130),
    Column("Member answered", lambda row: _clock(row.leg_b_at), "leg_b_at", 125),
    Column("Talk", _talk, "talk_seconds", 55, _RIGHT),
    Column("Coins", lambda row: row.coins or "", "coins", 50, _RIGHT),
    Column("Recording", lambda row: "▶ Play" if row.recording_url else "", "recording_url",
           80),
    Column("Message", lambda row: row.message, "message", 240),
)  # fmt: skip
TITLES = [column.title for column in COLUMNS]
OUTCOME_COLUMN = TITLES.index("Outcome")
RESULT_COLUMN = TITLES.index("Result")
RECORDING_COLUMN = TITLES.index("Recording")
