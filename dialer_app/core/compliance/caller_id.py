"""The caller-ID series rule: promotional calls from 140-series numbers, service and
transactional calls of a regulated firm from 1600-series numbers (TCCCPR amendment, Feb 2025).

The series is read from the deskphone as CallerDesk lists it, without a leading ``0`` or
``91``: ``140…`` is 140-series, ``1600…`` is 1600-series, anything else an ordinary number.
The check runs before the first call of a list (after the calling hours); a warning needs a
deliberate "Call anyway" (the safe default is not to call). ``CallerIdAnswers`` keeps the
answers: "Call anyway" holds for that list and deskphone for the rest of the day (India
time); "Don't call" is not remembered, so the question comes again at the next call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from dialer_app.core.compliance.purpose import CTX, Purpose
from dialer_app.core.hours import IST
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

RULE = "caller_id"  # the rule a caller-ID refusal names (the report's "rule" column)

NOT_140 = QT_TRANSLATE_NOOP(
    "compliance",
    "Promotional calls must come from a 140-series number (TRAI, TCCCPR amendment of "
    "February 2025), and the deskphone {deskphone} is not one. Choose a 140-series deskphone "
    "to call within the rule.",
)
NOT_1600 = QT_TRANSLATE_NOOP(
    "compliance",
    "Service and transactional calls of a regulated firm (compliance/regulated in "
    "settings.ini) must come from a 1600-series number (TRAI, TCCCPR amendment of February "
    "2025), and the deskphone {deskphone} is not one. Choose a 1600-series deskphone to call "
    "within the rule.",
)
NOT_CALLED = QT_TRANSLATE_NOOP(
    "compliance",
    "Not called: the deskphone {deskphone} is not of the series this list's calls must come "
    "from. Choose a deskphone of the right series, or answer “Call anyway”.",
)


class Series(StrEnum):
    SERIES_140 = "140"
    SERIES_1600 = "1600"
    ORDINARY = "ordinary"


def series_of(deskphone: str) -> Series:
    """The series of a deskphone as CallerDesk lists it (``01401234567``, ``911600123456``)."""
    digits = series_key(deskphone)
    if digits.startswith("1600"):
        return Series.SERIES_1600
    if digits.startswith("140"):
        return Series.SERIES_140
    return Series.ORDINARY


def warning(purpose: Purpose, regulated: bool, deskphone: str) -> Sentence | None:
    """The rule a call of ``purpose`` from ``deskphone`` breaks, naming both; None if none.

    ``regulated``: the ``compliance/regulated`` setting (RBI/SEBI/IRDAI/PFRDA firms).
    """
    series = series_of(deskphone)
    if purpose is Purpose.PROMOTIONAL and series is not Series.SERIES_140:
        return Sentence(CTX, NOT_140, {"deskphone": deskphone})
    if purpose is not Purpose.PROMOTIONAL and regulated and series is not Series.SERIES_1600:
        return Sentence(CTX, NOT_1600, {"deskphone": deskphone})
    return None


def not_called(deskphone: str) -> Sentence:
    """What the window (and the refusal log) says after "Don't call"."""
    return Sentence(CTX, NOT_CALLED, {"deskphone": deskphone})


def india_day(moment: datetime) -> date:
    return moment.astimezone(IST).date()


@dataclass(frozen=True, slots=True)
class Answer:
    """The agent's answer to the caller-ID question, recorded with the list."""

    list_id: int
    deskphone: str
    at: datetime
    call_anyway: bool
    agent: str = ""


class CallerIdAnswers:
    """Which list and deskphone may be called today without asking again."""

    def __init__(self, answers: Iterable[Answer] = ()) -> None:
        self._allowed: set[tuple[int, str, date]] = set()
        for answer in answers:
            self.remember(answer)

    def needs_question(self, list_id: int, deskphone: str, now: datetime) -> bool:
        """Whether the question must be asked before calling from ``deskphone`` now."""
        return (list_id, series_key(deskphone), india_day(now)) not in self._allowed

    def remember(self, answer: Answer) -> Answer:
        """Keep an answer: "Call anyway" holds for that list and deskphone that day."""
        if answer.call_anyway:
            self._allowed.add((answer.list_id, series_key(answer.deskphone), india_day(answer.at)))
        return answer


def series_key(deskphone: str) -> str:
    """A deskphone compared on its digits without a leading 0 or 91."""
    digits = re.sub(r"\D", "", deskphone)
    if digits.startswith("0"):
        return digits[1:]
    return digits[2:] if digits.startswith("91") and len(digits) > 10 else digits
