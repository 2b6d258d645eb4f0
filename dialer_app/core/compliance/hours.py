"""Calling hours per purpose: a promotional call only inside 09:00-21:00 India time.

TCCCPR 2018 allows promotional calls from 09:00 to 21:00; service and transactional calls are
not bound by that window. The settings hold one window per purpose:

- ``calling/hours`` (today's key) is the promotional one. It may narrow the legal window,
  never widen it: ``08:00-22:00`` and ``always`` both mean 09:00-21:00 for a promotional
  list, ``10:00-18:00`` means 10:00-18:00. A window that cannot be read, passes midnight or
  lies outside the legal one also means 09:00-21:00 (a typo never opens the night).
- ``calling/hours_service`` and ``calling/hours_transactional``: not written (or ``always``)
  means any hour; a window that cannot be read means 09:00-21:00.

``refusal(purpose, now, settings)`` is the pure check the call path makes (before the
caller-ID series); ``problem(purpose, settings)`` is what a start-up notice can say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from dialer_app.core.compliance.purpose import CTX, Purpose
from dialer_app.core.hours import DEFAULT_HOURS, CallingHours, parse_hours
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

LEGAL = CallingHours(time(9, 0), time(21, 0))  # promotional calls, TCCCPR 2018
RULE = "hours"  # the rule a calling-hours refusal names (the report's "rule" column)
KEYS = {
    Purpose.PROMOTIONAL: "calling/hours",
    Purpose.SERVICE: "calling/hours_service",
    Purpose.TRANSACTIONAL: "calling/hours_transactional",
}

# (purpose, opens today) -> the refusal; each names its rule and when calling opens.
_REFUSALS: dict[tuple[Purpose, bool], str] = {
    (Purpose.PROMOTIONAL, True): QT_TRANSLATE_NOOP(
        "compliance",
        "Not called: promotional calls are allowed only from {opens} to {closes} India time "
        "(TCCCPR 2018; {key} in settings.ini may narrow it). Calling opens at {opening} today.",
    ),
    (Purpose.PROMOTIONAL, False): QT_TRANSLATE_NOOP(
        "compliance",
        "Not called: promotional calls are allowed only from {opens} to {closes} India time "
        "(TCCCPR 2018; {key} in settings.ini may narrow it). Calling opens at {opening} "
        "tomorrow.",
    ),
    (Purpose.SERVICE, True): QT_TRANSLATE_NOOP(
        "compliance",
        "Not called: service calls are allowed from {opens} to {closes} India time ({key} in "
        "settings.ini). Calling opens at {opening} today.",
    ),
    (Purpose.SERVICE, False): QT_TRANSLATE_NOOP(
        "compliance",
        "Not called: service calls are allowed from {opens} to {closes} India time ({key} in "
        "settings.ini). Calling opens at {opening} tomorrow.",
    ),
    (Purpose.TRANSACTIONAL, True): QT_TRANSLATE_NOOP(
        "compliance",
        "Not called: transactional calls are allowed from {opens} to {closes} India time ({key} "
        "in settings.ini). Calling opens at {opening} today.",
    ),
    (Purpose.TRANSACTIONAL, False): QT_TRANSLATE_NOOP(
        "compliance",
        "Not called: transactional calls are allowed from {opens} to {closes} India time ({key} "
        "in settings.ini). Calling opens at {opening} tomorrow.",
    ),
}
WIDER = QT_TRANSLATE_NOOP(
    "compliance",
    "The calling hours {value} ({key} in settings.ini) are not inside 09:00-21:00 India time, "
    "so promotional calls are allowed from 09:00 to 21:00 (TCCCPR 2018).",
)
UNREADABLE = QT_TRANSLATE_NOOP(
    "compliance",
    "The calling hours {value} ({key} in settings.ini) cannot be read (write them like "
    "{example}, or always), so these calls are allowed from {example} India time.",
)


@dataclass(frozen=True, slots=True)
class HoursSettings:
    """The calling-hours settings as written; None where the settings file holds none."""

    promotional: str | None = None  # calling/hours
    service: str | None = None  # calling/hours_service
    transactional: str | None = None  # calling/hours_transactional

    def written(self, purpose: Purpose) -> str | None:
        return {
            Purpose.PROMOTIONAL: self.promotional,
            Purpose.SERVICE: self.service,
            Purpose.TRANSACTIONAL: self.transactional,
        }[purpose]


def _read(text: str | None) -> CallingHours | ValueError | None:
    if text is None:
        return None
    try:
        return parse_hours(text)
    except ValueError as exc:
        return exc


def hours_for(purpose: Purpose, settings: HoursSettings) -> CallingHours | None:
    """The window a call of ``purpose`` must fall in, or None when any hour is allowed."""
    found = _read(settings.written(purpose))
    if purpose is Purpose.PROMOTIONAL:
        return _narrowed(found)
    if isinstance(found, ValueError):
        return parse_hours(DEFAULT_HOURS)
    return found


def _narrowed(found: CallingHours | ValueError | None) -> CallingHours:
    """The written window inside the legal one; the legal one when it cannot be."""
    if not isinstance(found, CallingHours) or found.opens > found.closes:
        return LEGAL
    opens, closes = max(found.opens, LEGAL.opens), min(found.closes, LEGAL.closes)
    return CallingHours(opens, closes) if opens < closes else LEGAL


def refusal(purpose: Purpose, now: datetime, settings: HoursSettings) -> Sentence | None:
    """Why a call of ``purpose`` at ``now`` (aware, any zone) is refused, or None."""
    hours = hours_for(purpose, settings)
    if hours is None or hours.allows(now):
        return None
    args, today = hours.refusal_args(now)
    return Sentence(CTX, _REFUSALS[(purpose, today)], {**args, "key": KEYS[purpose]})


def problem(purpose: Purpose, settings: HoursSettings) -> Sentence | None:
    """What is wrong with the written window for ``purpose`` (a start-up notice), or None."""
    text = settings.written(purpose)
    found = _read(text)
    args = {"value": repr(text), "key": KEYS[purpose], "example": DEFAULT_HOURS}
    if isinstance(found, ValueError):
        return Sentence(CTX, UNREADABLE, args)
    if purpose is Purpose.PROMOTIONAL and isinstance(found, CallingHours):
        narrowed = _narrowed(found)
        inside = (narrowed.opens, narrowed.closes) == (found.opens, found.closes)
        return None if inside else Sentence(CTX, WIDER, args)
    return None
