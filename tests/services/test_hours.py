"""The guard's reading of the settings file: demo mode, a typo, the switch to turn it off."""

from __future__ import annotations

from pathlib import Path

import pytest

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
