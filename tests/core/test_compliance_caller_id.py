"""The caller-ID series rule over purposes, deskphone series and the regulated flag, and the
agent's answers: "Call anyway" holds for that list and deskphone that day, "Don't call" not."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dialer_app.core.compliance.caller_id import (
    Answer,
    CallerIdAnswers,
    Series,
    series_of,
    warning,
)
from dialer_app.core.compliance.purpose import Purpose
from tests.helpers.hours import india

P, S, T = Purpose.PROMOTIONAL, Purpose.SERVICE, Purpose.TRANSACTIONAL
ORDINARY, SERIES_140, SERIES_1600 = "01204000000", "01409000000", "01600900000"


@pytest.mark.parametrize(
    ("listed", "series"),
    [
        ("01409000000", Series.SERIES_140),  # as CallerDesk lists it: a leading 0
        ("911409000000", Series.SERIES_140),  # with the country code
        ("1409000000", Series.SERIES_140),
        ("+91 140 900 0000", Series.SERIES_140),
        ("01600900000", Series.SERIES_1600),
        ("911600900000", Series.SERIES_1600),
        ("1600900000", Series.SERIES_1600),
        ("01204000000", Series.ORDINARY),
        ("9140012345", Series.ORDINARY),  # a mobile that starts 91: not cut down
        ("9116001234", Series.ORDINARY),
        ("01140000000", Series.ORDINARY),  # 011 (Delhi), not 140
    ],
)
def test_a_deskphones_series_is_read_without_its_leading_0_or_91(
    listed: str, series: Series
) -> None:
    assert series_of(listed) is series


# purpose, deskphone, regulated -> the rule the warning names (None: no warning)
RULES: list[tuple[Purpose, str, bool, str | None]] = [
    (P, SERIES_140, False, None),
    (P, SERIES_140, True, None),
    (P, ORDINARY, False, "140-series"),
    (P, ORDINARY, True, "140-series"),
    (P, SERIES_1600, False, "140-series"),
    (S, ORDINARY, False, None),
    (S, ORDINARY, True, "1600-series"),
    (S, SERIES_140, True, "1600-series"),
    (S, SERIES_1600, True, None),
    (T, ORDINARY, False, None),
    (T, ORDINARY, True, "1600-series"),
    (T, SERIES_1600, True, None),
    (T, SERIES_1600, False, None),
]


@pytest.mark.parametrize(("purpose", "deskphone", "regulated", "rule"), RULES)
def test_the_warning_names_the_rule_and_the_deskphone(
    purpose: Purpose, deskphone: str, regulated: bool, rule: str | None
) -> None:
    found = warning(purpose, regulated, deskphone)
    if rule is None:
        assert found is None
        return
    text = str(found)
    assert f"must come from a {rule} number" in text
    assert f"the deskphone {deskphone} is not one" in text
    assert f"Choose a {rule} deskphone" in text  # what would make the call allowed
    assert ("compliance/regulated" in text) is (purpose is not P)


def test_call_anyway_holds_for_that_list_and_deskphone_that_day() -> None:
    morning = india("2026-12-02", "09:30")
    answers = CallerIdAnswers()
    assert answers.needs_question(1, ORDINARY, morning)
    answers.remember(Answer(1, ORDINARY, morning, call_anyway=True, agent="Asha"))
    assert not answers.needs_question(1, ORDINARY, morning + timedelta(hours=11))
    assert not answers.needs_question(1, "911204000000", morning)  # the same deskphone
    assert answers.needs_question(2, ORDINARY, morning)  # another list
    assert answers.needs_question(1, "02249000000", morning)  # another deskphone
    assert answers.needs_question(1, ORDINARY, india("2026-12-03", "09:00"))  # the next day


def test_the_day_is_india_time() -> None:
    late = india("2026-12-02", "23:50")  # 18:20 UTC: the same UTC day as the next India day
    answers = CallerIdAnswers([Answer(1, ORDINARY, late, call_anyway=True)])
    assert answers.needs_question(1, ORDINARY, late + timedelta(minutes=15))


def test_dont_call_is_not_remembered() -> None:
    now = india("2026-12-02", "10:00")
    answers = CallerIdAnswers()
    answers.remember(Answer(1, ORDINARY, now, call_anyway=False))
    assert answers.needs_question(1, ORDINARY, now + timedelta(minutes=1))
