"""``--team-report DAY OUT.xlsx``: the day's figures as a workbook (no Qt, no window).

Sheets ``Agents`` (Agent, Calls, Connected, Talk seconds, Left waiting, Paused minutes),
``Hours`` (the India hour, a column per result, Total) and ``Lists``; counts are number cells,
names text cells (never a formula), times India time.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO

from dialer_app.core.sheets import Cell, Sheet, write_workbook
from dialer_app.core.team.day import RESULTS, DayFigures, hour_label

AGENT_COLUMNS = ("Agent", "Calls", "Connected", "Talk seconds", "Left waiting", "Paused minutes")
HOUR_COLUMNS = ("Hour (India time)", "Connected", "No answer", "Left waiting", "Unknown", "Total")
LIST_COLUMNS = ("List", "Leads", "Leads called", "Calls", "Connected")


def sheets(figures: DayFigures) -> list[Sheet]:
    """The workbook's sheets: one row per agent, hour and list under its column titles."""
    assert len(RESULTS) == len(HOUR_COLUMNS) - 2
    agents = [(a.name, a.calls, a.connected, a.talk_seconds, a.left_waiting, a.paused_minutes)
              for a in figures.agents]  # fmt: skip
    hours: list[Sequence[Cell]] = [(hour_label(h.hour), *h.counts, h.total) for h in figures.hours]
    lists = [(item.name, item.leads, item.leads_called, item.calls, item.connected)
             for item in figures.lists]  # fmt: skip
    return [("Agents", AGENT_COLUMNS, agents), ("Hours", HOUR_COLUMNS, hours),
            ("Lists", LIST_COLUMNS, lists)]  # fmt: skip


def write_report(figures: DayFigures, target: Path) -> None:
    write_workbook(target, sheets(figures))


def team_report(
    database: str | None, day_text: str, target: Path, out: IO[str], data_dir: Path | None = None
) -> int:
    """The command: 0 with a line saying what was written (on ``out``), or non-zero with a
    sentence (on stderr)."""
    from dialer_app.core.team.connect import keyring_source, parse_target
    from dialer_app.core.team.errors import TeamError
    from dialer_app.core.team.roots import system_roots
    from dialer_app.core.team.supervise import SupervisorDesk

    if database is None:
        print("dialer-app: --team-report needs a team database (--team-database URL,"
              " DIALER_TEAM_DATABASE or the team/database setting)", file=sys.stderr)  # fmt: skip
        return 2
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        print(f"dialer-app: --team-report takes a day like 2026-12-07, not {day_text!r}",
              file=sys.stderr)  # fmt: skip
        return 2
    if target.suffix.lower() != ".xlsx":
        print(f"dialer-app: --team-report writes .xlsx, not {target.name!r}", file=sys.stderr)
        return 2
    try:
        roots = "system" if data_dir is None else system_roots(data_dir)
        team = parse_target(database, roots)
        desk = SupervisorDesk(team, keyring_source(team))
        try:
            figures = desk.day(day)
        finally:
            desk.close()
        write_report(figures, target)
    except TeamError as exc:
        print(f"dialer-app: {exc.sentence}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"dialer-app: {target} could not be written: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"Wrote the team's day {day.isoformat()} to {target}", file=out)
    return 0
