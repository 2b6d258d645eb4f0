"""The calling-hours guard every call passes: the settings' window against the clock."""

from __future__ import annotations

import logging

from dialer_app.core.clock import Clock, utc_now
from dialer_app.core.compliance import hours as purpose_hours
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.hours import ALWAYS, CTX, DEFAULT_HOURS, CallingHours, parse_hours
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence
from dialer_app.services.settings import (
    CALLING_HOURS,
    CALLING_HOURS_SERVICE,
    CALLING_HOURS_TRANSACTIONAL,
    Setting,
    Settings,
)

log = logging.getLogger(__name__)


class HoursGuard:
    """Refuses a call outside calling hours (read from the settings at each call).

    In demo mode the sandbox can be called at any hour unless the demo's own settings file
    sets ``calling/hours``. A value that cannot be read falls back to the default window:
    a typo never opens the night to calls.
    """

    def __init__(self, settings: Settings, *, demo: bool = False, clock: Clock = utc_now) -> None:
        self._settings = settings
        self._demo = demo
        self._clock = clock

    def hours(self) -> CallingHours | None:
        """Today's window, or None when calls are allowed at any hour."""
        text = self._written()
        if text is None:
            return None
        try:
            return parse_hours(text)
        except ValueError as exc:
            log.warning("Using calling hours %s: %s", DEFAULT_HOURS, exc)
            return parse_hours(DEFAULT_HOURS)

    def problem(self) -> Sentence | None:
        """What is wrong with the settings file's calling hours, if anything (start-up)."""
        text = self._written()
        if text is None:
            return None
        try:
            parse_hours(text)
        except ValueError:
            source = QT_TRANSLATE_NOOP(
                "hours",
                "The calling hours {value} in settings.ini cannot be read (write them like "
                "{example}, or {always}), so calls are allowed from {example} India time.",
            )
            args = {"value": repr(text), "example": DEFAULT_HOURS, "always": ALWAYS}
            return Sentence(CTX, source, args)
        return None

    def _written(self) -> str | None:
        """The window the settings hold, or None in demo mode when they hold none."""
        if self._demo and not self._settings.has(CALLING_HOURS):
            return None
        return self._settings.get(CALLING_HOURS)

    def refusal(self, purpose: Purpose | None = None) -> Sentence | None:
        """Why a call now is refused, or None when it may go.

        ``purpose``: the active list's (``core.compliance.hours``: a promotional call never
        outside 09:00-21:00); None for a call that is not from a list (``calling/hours``).
        """
        if purpose is not None:
            return self._refusal_for(purpose)
        hours, now = self.hours(), self._clock()
        if hours is None or hours.allows(now):
            return None
        return hours.refusal(now)

    def by_purpose(self) -> purpose_hours.HoursSettings:
        """The per-purpose windows as the settings file writes them (None: not written)."""

        def written(setting: Setting[str]) -> str | None:
            return self._settings.get(setting) if self._settings.has(setting) else None

        return purpose_hours.HoursSettings(
            written(CALLING_HOURS),
            written(CALLING_HOURS_SERVICE),
            written(CALLING_HOURS_TRANSACTIONAL),
        )

    def problems(self) -> list[Sentence]:
        """What is wrong with the per-purpose windows (start-up notices beside ``problem``)."""
        written = self.by_purpose()
        found = (purpose_hours.problem(purpose, written) for purpose in Purpose)
        return [sentence for sentence in found if sentence is not None]

    def _refusal_for(self, purpose: Purpose) -> Sentence | None:
        written = self.by_purpose()
        if self._demo and written.written(purpose) is None:
            return None  # the sandbox can be called at any hour unless the demo's file says
        return purpose_hours.refusal(purpose, self._clock(), written)
