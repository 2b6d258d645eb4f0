"""``dialer-app --team-setup`` and ``--team-sql``: the administrator's commands.

``--team-setup`` is run with an administrator's login and never prompts: the password comes
from libpq's own sources (``PGPASSWORD``, ``~/.pgpass``, ``pg_service.conf``) or the keyring.
It creates the group roles, applies what is pending (a second run applies nothing), and prints
the ``GRANT`` lines for each person. Exit 0, or non-zero with a sentence on stderr.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from dialer_app.core.errors import CredentialError
from dialer_app.core.team.connect import (
    ENV,
    choose_database,
    connect,
    keyring_password,
    parse_target,
)
from dialer_app.core.team.errors import TeamConfigError, TeamError
from dialer_app.core.team.schema import MIGRATIONS, ROLES, SCHEMA_VERSION, grant_lines, setup

NO_DATABASE = (
    "No team database is set: give --team-database URL (or DIALER_TEAM_DATABASE, or"
    " team/database in settings.ini)."
)


def team_setup(flag: str | None, saved: str, out: TextIO) -> int:
    """Set up the team database; the exit code."""
    chosen = choose_database(flag, os.environ.get(ENV), saved)
    if chosen is None:
        return _refuse(NO_DATABASE, 2)
    try:
        target = parse_target(chosen)
    except TeamConfigError as exc:
        return _refuse(str(exc.sentence), 2)

    def password(name: str) -> str | None:
        try:
            return keyring_password(target)
        except CredentialError:
            return None

    try:
        with connect(target, password, statement_timeout_ms=0) as conn:
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
