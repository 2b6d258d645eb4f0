"""The guard's reading of the settings file: demo mode, a typo, the switch to turn it off."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.config import Paths
from dialer_app.services.hours import HoursGuard
from dialer_app.services.settings import Settings
from tests.helpers.hours import india, set_hours

NIGHT = india("2026-12-02", "23:00")


# settings file's calling/hours (None: not written), demo mode, refused at 23:00 India time
CASES: list[tuple[str | None, bool, bool]] = [
    (None, False, True),  # the default window, 09:00-21:00
    (None, True, False),  # the sandbox can be called at any hour...
    ("09:00-21:00", True, True),  # ...unless the demo's own settings say otherwise
    ("always", False, False),
    ("22:00-06:00", False, False),
    ("9 to 9", False, True),  # a typo falls back to the default: it never opens the night
]


@pytest.mark.parametrize(("written", "demo", "refused"), CASES)
def test_the_guard_reads_the_settings_file(
    written: str | None, demo: bool, refused: bool, tmp_path: Path
) -> None:
    if written is not None:
        set_hours(tmp_path, written)
    guard = HoursGuard(Settings(Paths(tmp_path).settings), demo=demo, clock=lambda: NIGHT)
    assert (guard.refusal() is not None) is refused


def test_a_typo_is_named_at_start_up(tmp_path: Path) -> None:
    set_hours(tmp_path, "9 to 9")
    guard = HoursGuard(Settings(Paths(tmp_path).settings), clock=lambda: NIGHT)
    problem = guard.problem()
    assert problem is not None
    assert str(problem) == (
        "The calling hours '9 to 9' in settings.ini cannot be read (write them like "
        "09:00-21:00, or always), so calls are allowed from 09:00-21:00 India time."
    )
    set_hours(tmp_path, "08:00-20:00")
    assert HoursGuard(Settings(Paths(tmp_path).settings)).problem() is None


# written (calling/hours, calling/hours_service), demo, purpose -> refused at 23:00 India time
PURPOSE_CASES: list[tuple[tuple[str | None, str | None], bool, Purpose, bool]] = [
    ((None, None), False, Purpose.PROMOTIONAL, True),
    (("always", None), False, Purpose.PROMOTIONAL, True),  # never wider than 09:00-21:00
    ((None, None), False, Purpose.SERVICE, False),
    ((None, "08:00-22:00"), False, Purpose.SERVICE, True),
    ((None, None), True, Purpose.PROMOTIONAL, False),  # the sandbox: any hour...
    (("09:00-21:00", None), True, Purpose.PROMOTIONAL, True),  # ...unless the demo's file says
]


@pytest.mark.parametrize(("written", "demo", "purpose", "refused"), PURPOSE_CASES)
def test_the_guard_reads_each_purposes_key(
    written: tuple[str | None, str | None],
    demo: bool,
    purpose: Purpose,
    refused: bool,
    tmp_path: Path,
) -> None:
    lines = ["[calling]"]
    lines += [f"hours={written[0]}"] if written[0] is not None else []
    lines += [f"hours_service={written[1]}"] if written[1] is not None else []
    Paths(tmp_path).settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    guard = HoursGuard(Settings(Paths(tmp_path).settings), demo=demo, clock=lambda: NIGHT)
    assert (guard.refusal(purpose) is not None) is refused


def test_a_wider_promotional_window_and_a_typo_per_purpose_are_named(tmp_path: Path) -> None:
    settings = Paths(tmp_path).settings
    settings.write_text("[calling]\nhours=08:00-22:00\nhours_service=8 to 8\n", encoding="utf-8")
    problems = [str(p) for p in HoursGuard(Settings(settings), clock=lambda: NIGHT).problems()]
    assert len(problems) == 2
    assert "(calling/hours in settings.ini) are not inside 09:00-21:00" in problems[0]
    assert "(calling/hours_service in settings.ini) cannot be read" in problems[1]
