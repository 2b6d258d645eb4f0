"""Every rule before a list's call, in order, over purposes, the clock (India time), the
deskphone's series and the regulated flag: calling hours first, then the caller-ID series."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dialer_app.core.compliance.caller_id import Answer, CallerIdAnswers
from dialer_app.core.compliance.guard import check_call
from dialer_app.core.compliance.hours import HoursSettings
from dialer_app.core.compliance.purpose import Purpose
from tests.helpers.hours import india

P, S, T = Purpose.PROMOTIONAL, Purpose.SERVICE, Purpose.TRANSACTIONAL
DAY, NIGHT = india("2026-12-02", "11:00"), india("2026-12-02", "22:30")
DESKS = {"ordinary": "01204000000", "140": "01409000000", "1600": "01600900000"}

# purpose, clock, deskphone series, regulated -> verdict: "hours" (refused), "140"/"1600"
# (the caller-ID question naming that series), "" (called)
MATRIX: list[tuple[Purpose, str, str, bool, str]] = [
    (P, "day", "ordinary", False, "140"),
    (P, "day", "ordinary", True, "140"),
    (P, "day", "140", False, ""),
    (P, "day", "140", True, ""),
    (P, "day", "1600", False, "140"),
    (P, "day", "1600", True, "140"),
    (P, "night", "ordinary", False, "hours"),  # hours before the caller ID
    (P, "night", "140", True, "hours"),
    (P, "night", "1600", False, "hours"),
    (S, "day", "ordinary", False, ""),
    (S, "day", "ordinary", True, "1600"),
    (S, "day", "140", True, "1600"),
    (S, "day", "1600", True, ""),
    (S, "day", "140", False, ""),
    (S, "night", "ordinary", False, ""),  # not bound by the window
    (S, "night", "ordinary", True, "1600"),
    (S, "night", "1600", True, ""),
    (T, "day", "ordinary", False, ""),
    (T, "day", "ordinary", True, "1600"),
    (T, "day", "1600", True, ""),
    (T, "night", "140", False, ""),
    (T, "night", "140", True, "1600"),
    (T, "night", "1600", False, ""),
]


@pytest.mark.parametrize(("purpose", "clock", "series", "regulated", "verdict"), MATRIX)
def test_the_first_rule_a_call_meets(
    purpose: Purpose, clock: str, series: str, regulated: bool, verdict: str
) -> None:
    now = DAY if clock == "day" else NIGHT
    found = check_call(
        purpose, now, HoursSettings(), regulated=regulated, deskphone=DESKS[series], list_id=1,
        answers=CallerIdAnswers(),
    )  # fmt: skip
    if not verdict:
        assert found is None
        return
    assert found is not None
    if verdict == "hours":
        assert (found.rule, found.ask) == ("hours", False)
        assert str(found.sentence).startswith("Not called: promotional calls are allowed only")
    else:
        assert (found.rule, found.ask) == ("caller_id", True)
        assert f"must come from a {verdict}-series number" in str(found.sentence)


def test_after_call_anyway_the_day_goes_on_without_the_question_until_closing() -> None:
    answers = CallerIdAnswers([Answer(1, DESKS["ordinary"], DAY, call_anyway=True)])

    def verdict(at_hours: float) -> str | None:
        found = check_call(
            P, DAY + timedelta(hours=at_hours), HoursSettings(), regulated=False,
            deskphone=DESKS["ordinary"], list_id=1, answers=answers,
        )  # fmt: skip
        return None if found is None else found.rule

    assert verdict(1) is None
    assert verdict(9.9) is None  # 20:54
    assert verdict(10) == "hours"  # 21:00: the hours still refuse
    assert verdict(22) == "caller_id"  # the next morning: asked again
