"""Calling hours: when a commercial call may be placed, in India time.

TRAI's rules forbid commercial calls between 21:00 and 09:00, so by default a call is placed
only from 09:00 to 21:00 India time (IST, UTC+05:30, no daylight saving), whatever zone the
agent's computer is in. The window is configurable (``"08:30-20:00"``; one that passes midnight,
``"22:00-06:00"``, also works) and ``"always"`` turns the guard off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

IST = timezone(timedelta(hours=5, minutes=30), "IST")
DEFAULT_HOURS = "09:00-21:00"
ALWAYS = "always"
CTX = "hours"


@dataclass(frozen=True, slots=True)
class CallingHours:
    """Calls are allowed from ``opens`` (included) to ``closes`` (excluded), India time."""

    opens: time
    closes: time

    def allows(self, at: datetime) -> bool:
        """Whether a call may be placed at ``at`` (an aware datetime, any zone)."""
        moment = at.astimezone(IST).time()
        if self.opens < self.closes:
            return self.opens <= moment < self.closes
        return moment >= self.opens or moment < self.closes  # the window passes midnight

    def next_opening(self, at: datetime) -> datetime:
        """When calling next opens after ``at``, in India time (``at`` itself if open)."""
        local = at.astimezone(IST)
        if self.allows(local):
            return local
        opening = datetime.combine(local.date(), self.opens, IST)
        return opening if opening > local else opening + timedelta(days=1)

    def describe(self) -> str:
        """The window as written in the settings file (``09:00-21:00``)."""
        return f"{_clock(self.opens)}-{_clock(self.closes)}"

    def refusal_args(self, at: datetime) -> tuple[dict[str, str], bool]:
        """A refusal's words for a call at ``at``: ``opens``, ``closes`` and the next
        ``opening`` (India time), and whether that opening is today."""
        opening = self.next_opening(at)
        args = {"opens": _clock(self.opens), "closes": _clock(self.closes),
                "opening": _clock(opening.time())}  # fmt: skip
        return args, opening.date() == at.astimezone(IST).date()

    def refusal(self, at: datetime) -> Sentence:
        """Why a call at ``at`` is refused, and when calling opens."""
        args, today = self.refusal_args(at)
        source = (
            QT_TRANSLATE_NOOP(
                "hours",
                "Not called: calls are allowed from {opens} to {closes} India time (TRAI "
                "rules). Calling opens at {opening} today.",
            )
            if today
            else QT_TRANSLATE_NOOP(
                "hours",
                "Not called: calls are allowed from {opens} to {closes} India time (TRAI "
                "rules). Calling opens at {opening} tomorrow.",
            )
        )
        return Sentence(CTX, source, args)


def parse_hours(text: str) -> CallingHours | None:
    """``"09:00-21:00"`` as CallingHours; ``"always"`` as None (no guard).

    Raises ValueError for anything else, an empty window (opens == closes) included.
    """
    value = text.strip().lower()
    if value == ALWAYS:
        return None
    opens_text, sep, closes_text = value.partition("-")
    if not sep:
        raise ValueError(f"calling hours must read like {DEFAULT_HOURS} or {ALWAYS}: {text!r}")
    try:
        opens, closes = _time(opens_text), _time(closes_text)
    except ValueError as exc:
        raise ValueError(f"calling hours must be times of day (HH:MM-HH:MM): {text!r}") from exc
    if opens == closes:
        raise ValueError(f"calling hours open and close at the same time: {text!r}")
    return CallingHours(opens, closes)


def _time(text: str) -> time:
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ValueError(f"not a time of day (HH:MM): {text!r}")
    return time(int(hours), int(minutes))  # raises ValueError past 23:59


def _clock(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"
