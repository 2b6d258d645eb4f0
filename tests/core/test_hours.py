"""Calling hours in India time: which moments allow a call, and what a refusal says."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dialer_app.core.hours import DEFAULT_HOURS, parse_hours
from tests.helpers.hours import india

DAY = "2026-12-02"

# window, India time of the press, allowed, when calling opens (None when allowed)
MOMENTS: list[tuple[str, str, bool, str | None]] = [
    (DEFAULT_HOURS, "08:59", False, "09:00 today"),
    (DEFAULT_HOURS, "09:00", True, None),
    (DEFAULT_HOURS, "13:30", True, None),
    (DEFAULT_HOURS, "20:59", True, None),
    (DEFAULT_HOURS, "21:00", False, "09:00 tomorrow"),
    (DEFAULT_HOURS, "23:59", False, "09:00 tomorrow"),
    (DEFAULT_HOURS, "00:00", False, "09:00 today"),
    ("08:30-20:00", "08:15", False, "08:30 today"),
    ("22:00-06:00", "23:00", True, None),  # a window past midnight
    ("22:00-06:00", "05:59", True, None),
    ("22:00-06:00", "06:00", False, "22:00 today"),
]


@pytest.mark.parametrize(("window", "clock", "allowed", "opens"), MOMENTS)
def test_a_call_is_allowed_only_inside_the_window(
    window: str, clock: str, allowed: bool, opens: str | None
) -> None:
    hours = parse_hours(window)
    assert hours is not None
    at = india(DAY, clock)
    assert hours.allows(at) is allowed
    if opens is not None:
        text = str(hours.refusal(at))
        assert text.endswith(f"Calling opens at {opens}."), text
        assert f"from {window.replace('-', ' to ')} India time" in text


def test_the_window_is_india_time_whatever_the_computer_zone() -> None:
    hours = parse_hours(DEFAULT_HOURS)
    assert hours is not None
    # 15:29 UTC is 20:59 in India; 15:30 UTC is 21:00
    assert hours.allows(datetime(2026, 12, 2, 15, 29, tzinfo=UTC))
    assert not hours.allows(datetime(2026, 12, 2, 15, 30, tzinfo=UTC))


def test_always_turns_the_guard_off() -> None:
    assert parse_hours("always") is None
    assert parse_hours(" Always ") is None


@pytest.mark.parametrize(
    "text", ["", "9-21", "09:00", "09:00-09:00", "25:00-26:00", "09:00-21:0", "nine-five"]
)
def test_a_window_that_cannot_be_read_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="calling hours"):
        parse_hours(text)
