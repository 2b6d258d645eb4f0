"""``dialer-app --team-setup`` and ``--team-sql`` (the administrator's commands), and
``--export-list`` with a team database.

``--team-setup`` is run with an administrator's login and never prompts: the password comes
from libpq's own sources (``PGPASSWORD``, ``~/.pgpass``, ``pg_service.conf``) or the keyring.
It creates the group roles, applies what is pending (a second run applies nothing), and prints
the ``GRANT`` lines for each person. Exit 0, or non-zero with a sentence on stderr.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from dialer_app.core.team.connect import (
    ENV,
    choose_database,
    connect,
    keyring_source,
    parse_target,
)
from dialer_app.core.team.errors import TeamConfigError, TeamError
from dialer_app.core.team.roots import system_roots
from dialer_app.core.team.schema import MIGRATIONS, ROLES, SCHEMA_VERSION, grant_lines, setup

NO_DATABASE = (
    "No team database is set: give --team-database URL (or DIALER_TEAM_DATABASE, or"
    " team/database in settings.ini)."
)


def team_setup(flag: str | None, saved: str, out: TextIO, data_dir: Path) -> int:
    """Set up the team database; the exit code."""
    chosen = choose_database(flag, os.environ.get(ENV), saved)
    if chosen is None:
        return _refuse(NO_DATABASE, 2)
    try:
        target = parse_target(chosen, system_roots(data_dir))
    except TeamConfigError as exc:
        return _refuse(str(exc.sentence), 2)

    try:
        with connect(target, keyring_source(target), statement_timeout_ms=0) as conn:
            applied = setup(conn)
    except TeamError as exc:
        return _refuse(str(exc.sentence), 1)
    if applied:
        done = ", ".join(str(step) for step in applied)
        print(f"Team database {target.where}: applied schema version(s) {done}.", file=out)
    else:
        print(f"Team database {target.where}: up to date (version {SCHEMA_VERSION}).", file=out)
    print("Roles dialer_agent and dialer_supervisor are ready. For each person:", file=out)
    for line in grant_lines():
        print(f"    {line}", file=out)
    return 0


def team_export(chosen: str, name: str, target: Path, outbox: Path, out: TextIO) -> int:
    """``--export-list LIST OUT`` with a team database: the team's list, read only."""
    from dialer_app.core.sheets import FORMATS
    from dialer_app.core.team.export import export_team_list
    from dialer_app.core.team.store import TeamLeadStore

    if target.suffix.lower() not in FORMATS:
        return _refuse(f"--export-list writes .csv or .xlsx, not {target.name!r}", 2)
    try:
        team = parse_target(chosen, system_roots(outbox.parent))
        store = TeamLeadStore(team, "", "", outbox, password=keyring_source(team))
        try:
            found = store.find_list(name)
            if found is None:
                names = ", ".join(item.name for item in store.lists()) or "none"
                return _refuse(f"the team has no list named {name!r} (lists: {names})", 1)
            count = export_team_list(store, found, target)
        finally:
            store.close()
    except TeamConfigError as exc:
        return _refuse(str(exc.sentence), 2)
    except TeamError as exc:
        return _refuse(str(exc.sentence), 1)
    except OSError as exc:
        return _refuse(str(exc), 1)
    print(f"Exported {count} leads of {found.name} to {target}", file=out)
    return 0


def print_sql(out: TextIO) -> int:
    """The whole schema as SQL, for an administrator who applies it by hand (once, on an
    empty database; ``--team-setup`` is the idempotent way)."""
    print("BEGIN;", file=out)
    for statement in ROLES:
        print(f"{statement};", file=out)
    for step, statements in sorted(MIGRATIONS.items()):
        print(f"-- version {step}", file=out)
        for statement in statements:
            print(f"{statement};", file=out)
        print(f"INSERT INTO dialer_schema (version) VALUES ({step});", file=out)  # noqa: S608
    print("COMMIT;", file=out)
    return 0


def _refuse(text: str, code: int) -> int:
    print(f"dialer-app: {text}", file=sys.stderr)
    return code
