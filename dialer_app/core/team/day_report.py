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

from dialer_app.core.sheets import replacing as _replacing
from dialer_app.core.team.day import RESULTS, DayFigures, hour_label
from dialer_app.core.text import plain

AGENT_COLUMNS = ("Agent", "Calls", "Connected", "Talk seconds", "Left waiting", "Paused minutes")
HOUR_COLUMNS = ("Hour (India time)", "Connected", "No answer", "Left waiting", "Unknown", "Total")
LIST_COLUMNS = ("List", "Leads", "Leads called", "Calls", "Connected")
Cell = str | int


def sheets(figures: DayFigures) -> dict[str, list[Sequence[Cell]]]:
    """The workbook's sheets: a header row, then one row per agent, hour and list."""
    assert len(RESULTS) == len(HOUR_COLUMNS) - 2
    agents: list[Sequence[Cell]] = [AGENT_COLUMNS]
    agents += [(a.name, a.calls, a.connected, a.talk_seconds, a.left_waiting, a.paused_minutes)
               for a in figures.agents]  # fmt: skip
    hours: list[Sequence[Cell]] = [HOUR_COLUMNS]
    hours += [(hour_label(h.hour), *h.counts, h.total) for h in figures.hours]
    lists: list[Sequence[Cell]] = [LIST_COLUMNS]
    lists += [(item.name, item.leads, item.leads_called, item.calls, item.connected)
              for item in figures.lists]  # fmt: skip
    return {"Agents": agents, "Hours": hours, "Lists": lists}


def write_report(figures: DayFigures, target: Path) -> None:
    import xlsxwriter  # type: ignore[import-untyped]  # loaded for a report only

    with _replacing(target, ".xlsx") as temp:
        workbook = xlsxwriter.Workbook(str(temp))
        try:
            bold = workbook.add_format({"bold": True})
            for name, rows in sheets(figures).items():
                sheet = workbook.add_worksheet(name)
                for row_index, row in enumerate(rows):
                    for column, cell in enumerate(row):
                        if isinstance(cell, int):
                            sheet.write_number(row_index, column, cell)
                        else:  # a text cell, never a formula: the text as stored
                            sheet.write_string(row_index, column, plain(cell),
                                               bold if row_index == 0 else None)  # fmt: skip
                sheet.freeze_panes(1, 0)
        finally:
            workbook.close()


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
