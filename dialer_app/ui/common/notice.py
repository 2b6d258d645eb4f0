"""A typed notice: what a part of the window wants the agent to read, and what it offers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """Where a notice goes and how it looks."""

    STATUS = "status"  # progress: the status bar, for a few seconds
    INFO = "info"  # the banner, neutral
    OK = "ok"  # the banner, green: a call was placed
    WARN = "warn"  # the banner, amber: safe, but worth reading
    ERROR = "error"  # the banner, red: nothing was called, or the worst case


class Action(StrEnum):
    """The one link a banner may carry (our own links, never text from the service)."""

    NONE = "none"
    OPEN_ACCOUNT = "account"
    CALL_AGAIN = "call-again"
    UNBLOCK = "unblock"  # take the number just refused off the do-not-call list


@dataclass(frozen=True, slots=True)
class Notice:
    level: Level
    text: str  # plain text: shown escaped, never as markup
    action: Action = Action.NONE
    spoken: bool = True  # announced to a screen reader (not a talk timer's every tick)
    at_once: bool = False  # painted before the events already queued (a call's outcome)
