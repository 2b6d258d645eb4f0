"""The rules a list's call passes before it is sent, in their order: calling hours first, then
the caller-ID series (a question, not a refusal: the agent may call anyway).

``check_call`` is pure (the clock, the settings and the day's answers are passed in), so the
call path asks it at the press and again after any question that stayed open: a question
answered after closing time is then refused by the hours, as the re-dial question is today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from dialer_app.core.compliance import caller_id, hours
from dialer_app.core.compliance.caller_id import CallerIdAnswers
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.text import Sentence


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the rules say of a call: refuse it (nothing is sent) or ask first."""

    rule: str  # hours.RULE or caller_id.RULE: the report's "rule" column
    sentence: Sentence
    ask: bool  # True: the caller-ID question ("Call anyway" / "Don't call", default don't)


def check_call(
    purpose: Purpose,
    now: datetime,
    written: hours.HoursSettings,
    *,
    regulated: bool,
    deskphone: str,
    list_id: int,
    answers: CallerIdAnswers,
) -> Verdict | None:
    """The first rule a call of list ``list_id`` from ``deskphone`` at ``now`` meets, or None
    when it may go. ``answers``: the caller-ID answers given today (a "Call anyway" for this
    list and deskphone today means no question)."""
    refused = hours.refusal(purpose, now, written)
    if refused is not None:
        return Verdict(hours.RULE, refused, ask=False)
    warning = caller_id.warning(purpose, regulated, deskphone)
    if warning is not None and answers.needs_question(list_id, deskphone, now):
        return Verdict(caller_id.RULE, warning, ask=True)
    return None
