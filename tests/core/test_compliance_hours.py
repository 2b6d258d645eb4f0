"""Calling hours per purpose, India time on an injected clock: a promotional call never
outside 09:00-21:00 whatever the settings say; service and transactional unbound unless
their own setting binds them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dialer_app.core.compliance.hours import HoursSettings, hours_for, problem, refusal
from dialer_app.core.compliance.purpose import Purpose
from tests.helpers.hours import india

DAY = "2026-12-02"
P, S, T = Purpose.PROMOTIONAL, Purpose.SERVICE, Purpose.TRANSACTIONAL
NONE = HoursSettings()

# purpose, settings as written, India time of the press, refused (and when calling opens)
CASES: list[tuple[Purpose, HoursSettings, str, str | None]] = [
    (P, NONE, "08:59", "09:00 today"),
    (P, NONE, "09:00", None),
    (P, NONE, "20:59", None),
    (P, NONE, "21:00", "09:00 tomorrow"),
    (P, HoursSettings(promotional="always"), "23:00", "09:00 tomorrow"),  # never widened
    (P, HoursSettings(promotional="07:00-23:00"), "22:00", "09:00 tomorrow"),
    (P, HoursSettings(promotional="07:00-23:00"), "08:00", "09:00 today"),
    (P, HoursSettings(promotional="22:00-06:00"), "23:00", "09:00 tomorrow"),
    (P, HoursSettings(promotional="9 to 9"), "21:30", "09:00 tomorrow"),  # a typo
    (P, HoursSettings(promotional="10:00-18:00"), "09:30", "10:00 today"),  # narrowed
    (P, HoursSettings(promotional="10:00-18:00"), "18:00", "10:00 tomorrow"),
    (P, HoursSettings(promotional="10:00-18:00"), "12:00", None),
    (P, HoursSettings(service="always"), "23:00", "09:00 tomorrow"),  # not its key
    (S, NONE, "23:00", None),  # unbound
    (S, NONE, "03:00", None),
    (S, HoursSettings(promotional="10:00-18:00"), "23:00", None),  # not its key
    (S, HoursSettings(service="always"), "23:00", None),
    (S, HoursSettings(service="08:00-22:00"), "21:30", None),  # may be wider than 09-21
    (S, HoursSettings(service="08:00-22:00"), "22:30", "08:00 tomorrow"),
    (S, HoursSettings(service="oops"), "22:30", "09:00 tomorrow"),  # a typo: 09:00-21:00
    (T, NONE, "02:00", None),
    (T, HoursSettings(service="08:00-22:00"), "23:00", None),
    (T, HoursSettings(transactional="06:00-23:00"), "05:00", "06:00 today"),
    (T, HoursSettings(transactional="22:00-06:00"), "23:30", None),  # past midnight
]


@pytest.mark.parametrize(("purpose", "settings", "clock", "opens"), CASES)
def test_a_call_is_refused_outside_its_purposes_hours(
    purpose: Purpose, settings: HoursSettings, clock: str, opens: str | None
) -> None:
    found = refusal(purpose, india(DAY, clock), settings)
    if opens is None:
        assert found is None
        return
    assert found is not None
    text = str(found)
    assert text.startswith(f"Not called: {purpose.value} calls are allowed")
    assert text.endswith(f"Calling opens at {opens}."), text


def test_the_promotional_refusal_names_the_rule_and_the_setting() -> None:
    text = str(refusal(P, india(DAY, "22:00"), NONE))
    assert text == (
        "Not called: promotional calls are allowed only from 09:00 to 21:00 India time "
        "(TCCCPR 2018; calling/hours in settings.ini may narrow it). Calling opens at 09:00 "
        "tomorrow."
    )


def test_the_window_is_india_time_whatever_the_computer_zone() -> None:
    assert refusal(P, datetime(2026, 12, 2, 15, 29, tzinfo=UTC), NONE) is None  # 20:59 IST
    assert refusal(P, datetime(2026, 12, 2, 15, 30, tzinfo=UTC), NONE) is not None  # 21:00


@pytest.mark.parametrize(
    ("purpose", "settings", "window"),
    [
        (P, NONE, "09:00-21:00"),
        (P, HoursSettings(promotional="08:00-19:00"), "09:00-19:00"),
        (P, HoursSettings(promotional="06:00-08:00"), "09:00-21:00"),  # nothing left inside
        (S, NONE, None),
        (S, HoursSettings(service="07:00-23:00"), "07:00-23:00"),
        (T, HoursSettings(transactional="always"), None),
    ],
)
def test_the_window_each_purpose_keeps(
    purpose: Purpose, settings: HoursSettings, window: str | None
) -> None:
    hours = hours_for(purpose, settings)
    assert (hours.describe() if hours else None) == window


def test_a_wider_or_unreadable_window_is_named_at_start_up() -> None:
    wider = problem(P, HoursSettings(promotional="08:00-22:00"))
    assert "are not inside 09:00-21:00 India time" in str(wider)
    assert problem(P, HoursSettings(promotional="10:00-18:00")) is None
    assert problem(P, HoursSettings(promotional="always")) is None  # manual calls: unbound
    typo = problem(S, HoursSettings(service="8 to 8"))
    assert "calling/hours_service in settings.ini) cannot be read" in str(typo)
