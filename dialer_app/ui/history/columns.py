"""The history table's columns, declared once: title, text, sort key, alignment; and the
colours a row is drawn in, chosen for the palette in use (light or dark), each pair readable."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QColor, QPalette

from dialer_app.core.phone import format_national
from dialer_app.core.records import HistoryRow, Outcome, ReportState, Verdict
from dialer_app.core.text import QT_TRANSLATE_NOOP
from dialer_app.ui.common.colours import AA, Pair, is_dark, readable

K = TypeVar("K")


class Translated(Mapping[K, str]):
    """Source texts (marked for lupdate) that read in the window's language when looked up."""

    def __init__(self, sources: dict[K, str]) -> None:
        self.sources = sources

    def __getitem__(self, key: K) -> str:
        return QCoreApplication.translate("History", self.sources[key])  # i18n: not shown

    def __iter__(self) -> Iterator[K]:
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)


OUTCOME_TEXT: Mapping[Outcome, str] = Translated({
    Outcome.SENDING: QT_TRANSLATE_NOOP("History", "Sending…"),
    Outcome.PLACED: QT_TRANSLATE_NOOP("History", "Placed"),
    Outcome.REJECTED: QT_TRANSLATE_NOOP("History", "Rejected"),
    Outcome.NOT_SENT: QT_TRANSLATE_NOOP("History", "Not sent"),
    Outcome.UNKNOWN: QT_TRANSLATE_NOOP("History", "Unknown — check before calling again"),
})  # fmt: skip
OUTCOME_SHORT: Mapping[Outcome, str] = Translated({
    **OUTCOME_TEXT.sources,  # type: ignore[attr-defined]
    Outcome.UNKNOWN: QT_TRANSLATE_NOOP("History", "Unknown"),
})  # fmt: skip

VERDICT_TEXT: Mapping[Verdict, str] = Translated({
    Verdict.CONNECTED: QT_TRANSLATE_NOOP("History", "Connected"),
    Verdict.CUSTOMER_NO_ANSWER: QT_TRANSLATE_NOOP("History", "Customer did not answer"),
    Verdict.MEMBER_NO_ANSWER: QT_TRANSLATE_NOOP("History", "⚠ Customer left waiting"),
    Verdict.NO_REPORT: QT_TRANSLATE_NOOP("History", "No report"),
})  # fmt: skip

# The default dispositions (settings.py's wrapup/dispositions): stored and exported in English,
# shown in the window's language. Ones an admin configured are shown as written.
DISPOSITION_NAMES = (
    QT_TRANSLATE_NOOP("Disposition", "Interested"),
    QT_TRANSLATE_NOOP("Disposition", "Call back"),
    QT_TRANSLATE_NOOP("Disposition", "Not interested"),
    QT_TRANSLATE_NOOP("Disposition", "Wrong number"),
    QT_TRANSLATE_NOOP("Disposition", "Do not call"),
)


def disposition_text(name: str | None) -> str:
    """A disposition as the agent reads it: a default one translated, a custom one as is."""
    if not name or name not in DISPOSITION_NAMES:
        return name or ""
    return QCoreApplication.translate("Disposition", name)  # i18n: not shown


# Hues chosen for each scheme; readable() then darkens or lightens one until it reaches 4.5:1
# on the very background it is drawn on (a palette of the OS's may differ from Qt's).
_OUTCOME_HUE: dict[Outcome, tuple[QColor, QColor]] = {  # (on light, on dark)
    Outcome.PLACED: (QColor(27, 94, 32), QColor(129, 199, 132)),  # green
    Outcome.REJECTED: (QColor(183, 28, 28), QColor(239, 154, 154)),  # red
    Outcome.UNKNOWN: (QColor(122, 79, 0), QColor(255, 204, 128)),  # amber
}
_WORST_CASE = {  # (text, background): the red row of the customer left waiting
    False: Pair(QColor(142, 27, 27), QColor(255, 235, 238)),
    True: Pair(QColor(255, 205, 210), QColor(92, 22, 28)),
}


def outcome_colour(outcome: Outcome, palette: QPalette) -> QColor | None:
    """The outcome column's text colour on this palette's rows (None: the palette's own)."""
    hue = _OUTCOME_HUE.get(outcome)
    if hue is None:
        return None
    colour = hue[1] if is_dark(palette) else hue[0]
    worst = _darkest_row(palette)
    return readable(colour, worst, AA)


def worst_case_colours(palette: QPalette) -> Pair:
    """Text and background of the worst-case row ("customer left waiting") on this palette."""
    pair = _WORST_CASE[is_dark(palette)]
    return Pair(readable(pair.text, pair.background, AA), pair.background)


def _darkest_row(palette: QPalette) -> QColor:
    """Of the plain and the alternate row, the one text contrasts with least."""
    base = palette.color(QPalette.ColorRole.Base)
    alternate = palette.color(QPalette.ColorRole.AlternateBase)
    if is_dark(palette):
        return base if base.lightnessF() > alternate.lightnessF() else alternate
    return base if base.lightnessF() < alternate.lightnessF() else alternate


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _stamp(moment: datetime, pattern: str) -> str:
    """A local time in the window's language (its month names; digits stay ASCII)."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())), pattern)


def _clock(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M:%S") if moment else ""


def _result(row: HistoryRow) -> str:
    if row.verdict is not None:
        return VERDICT_TEXT[row.verdict]
    if row.report_state is ReportState.PENDING:
        return QCoreApplication.translate("History", "Waiting for report…")
    return ""


def _when(moment: datetime | None) -> str:
    return _stamp(moment, "dd MMM HH:mm") if moment else ""


def _limit(row: HistoryRow) -> str:
    if row.call_limit == 0:
        return "—"
    return QCoreApplication.translate("History", "{seconds} s").format(seconds=row.call_limit)


def _recording(row: HistoryRow) -> str:
    return QCoreApplication.translate("History", "▶ Play") if row.recording_url else ""


def _talk(row: HistoryRow) -> str:
    if row.talk_seconds is None:
        return ""
    return QCoreApplication.translate("History", "{seconds} s").format(seconds=row.talk_seconds)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the history table: its title, how a row reads in it, its sort key."""

    name: str  # the English title (marked for lupdate); ``title`` is what the header shows
    text: Callable[[HistoryRow], str]
    sort: str  # a key of history_sql.SORTABLE
    width: int  # initial width in pixels; the agent can resize
    alignment: Qt.AlignmentFlag = _LEFT
    shown: bool = True  # at first, before the agent picks (the header's context menu)

    @property
    def title(self) -> str:
        return QCoreApplication.translate("History", self.name)  # i18n: not shown


COLUMNS: tuple[Column, ...] = (
    Column(
        QT_TRANSLATE_NOOP("History", "Time"),
        lambda row: _stamp(row.created_at, "dd MMM HH:mm:ss"),
        "created_at",
        125,
    ),
    Column(QT_TRANSLATE_NOOP("History", "Member"), lambda row: row.member_name, "member_name", 140),
    Column(
        QT_TRANSLATE_NOOP("History", "Customer"),
        lambda row: format_national(row.customer_number),
        "customer_number",
        100,
    ),
    Column(
        QT_TRANSLATE_NOOP("History", "Deskphone"),
        lambda row: row.deskphone,
        "deskphone",
        100,
        shown=False,
    ),
    Column(QT_TRANSLATE_NOOP("History", "Limit"), _limit, "call_limit", 55, _RIGHT, shown=False),
    Column(
        QT_TRANSLATE_NOOP("History", "Outcome"),
        lambda row: OUTCOME_TEXT[row.outcome],
        "outcome",
        80,
    ),
    Column(
        QT_TRANSLATE_NOOP("History", "Campid"),
        lambda row: row.campid or "",
        "campid",
        75,
        _RIGHT,
        shown=False,
    ),
    Column(QT_TRANSLATE_NOOP("History", "Result"), _result, "verdict", 190),
    Column(
        QT_TRANSLATE_NOOP("History", "Disposition"),
        lambda row: disposition_text(row.disposition),
        "disposition",
        110,
    ),
    Column(
        QT_TRANSLATE_NOOP("History", "Note"), lambda row: row.note or "", "note", 140, shown=False
    ),
    Column(
        QT_TRANSLATE_NOOP("History", "Call back"),
        lambda row: _when(row.call_back_at),
        "call_back_at",
        110,
        shown=False,
    ),
    Column(
        QT_TRANSLATE_NOOP("History", "Customer answered"),
        lambda row: _clock(row.leg_a_at),
        "leg_a_at",
        130,
        shown=False,
    ),
    Column(
        QT_TRANSLATE_NOOP("History", "Member answered"),
        lambda row: _clock(row.leg_b_at),
        "leg_b_at",
        125,
        shown=False,
    ),
    Column(QT_TRANSLATE_NOOP("History", "Talk"), _talk, "talk_seconds", 55, _RIGHT),
    Column(
        QT_TRANSLATE_NOOP("History", "Coins"),
        lambda row: row.coins or "",
        "coins",
        50,
        _RIGHT,
        shown=False,
    ),
    Column(QT_TRANSLATE_NOOP("History", "Recording"), _recording, "recording_url", 80),
    Column(
        QT_TRANSLATE_NOOP("History", "Message"),
        lambda row: row.message,
        "message",
        240,
        shown=False,
    ),
)
TITLES = [column.name for column in COLUMNS]  # English: what code looks columns up by
OUTCOME_COLUMN = TITLES.index("Outcome")
RESULT_COLUMN = TITLES.index("Result")
RECORDING_COLUMN = TITLES.index("Recording")
# What an agent needs in view without scrolling sideways, even with a call-down list beside it.
NEEDED = ("Time", "Member", "Customer", "Result", "Talk")  # i18n: not shown (column keys)
NEEDED_COLUMNS = tuple(TITLES.index(name) for name in NEEDED)
