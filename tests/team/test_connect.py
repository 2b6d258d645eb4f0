"""Connecting: the setting checked, the password from libpq's sources or the keyring, and
every failure a sentence (never the password, never a traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dialer_app.core.team.connect import connect, parse_target
from dialer_app.core.team.errors import (
    TeamConfigError,
    TeamLoginError,
    TeamSchemaError,
    TeamUnavailable,
)
from dialer_app.core.team.schema import SCHEMA_VERSION, check
from dialer_app.core.team.store import TeamLeadStore
from dialer_app.core.team.supervise import SupervisorDesk
from tests.helpers.postgres import free_port
from tests.team.conftest import PASSWORD, TeamDb


@pytest.mark.parametrize(
    ("setting", "refused"),
    [
        ("postgresql://agent:secret@db.example.com/team", "holds a password"),
        ("host=db.example.com dbname=team password=secret", "holds a password"),
        ("host=db.example.com dbname=team sslmode=disable", "without verifying"),
        ("postgresql://db.example.com/team?sslmode=require", "without verifying"),
        ("host=db.example.com dbname=team sslmode=verify-ca", "without verifying"),
        ("this is = not a conninfo =", "not a connection string"),
    ],
)
def test_a_setting_that_is_refused_says_why(setting: str, refused: str) -> None:
    with pytest.raises(TeamConfigError) as caught:
        parse_target(setting)
    assert refused in str(caught.value.sentence)
    assert "secret" not in str(caught.value.sentence)


def test_a_remote_host_gets_verify_full_against_the_system_store() -> None:
    target = parse_target("postgresql://agent@db.example.com:6432/team")
    assert target.get("sslmode") == "verify-full"
    assert target.get("sslrootcert") == "system"
    assert target.keyring_name == "team:agent@db.example.com:6432/team"


def test_loopback_may_go_without_tls() -> None:
    target = parse_target("host=127.0.0.1 port=5432 dbname=team user=agent")
    assert target.get("sslmode") == ""


def test_a_wrong_password_is_a_sentence(team_db: TeamDb, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", "wrong-password-9")
    with pytest.raises(TeamLoginError) as caught:
        connect(team_db.target("agent_a"))
    text = str(caught.value.sentence)
    assert text.startswith("The team database at 127.0.0.1:")
    assert "refused the password" in text
    assert "wrong-password-9" not in text
    assert "agent_a" in text


def test_the_keyring_password_is_used_when_libpq_has_none(
    team_db: TeamDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    asked: list[str] = []
    target = team_db.target("agent_a")

    def from_keyring(name: str) -> str:
        asked.append(name)
        return PASSWORD

    with connect(target, from_keyring) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("agent_a",)
    assert asked == [f"team:agent_a@127.0.0.1:{team_db.cluster.port}/{team_db.name}"]


def test_pgpassword_means_the_keyring_is_never_asked(team_db: TeamDb, pgpassword: None) -> None:
    def never(name: str) -> str:
        raise AssertionError(name)

    with connect(team_db.target("agent_b"), never) as conn:
        timeout = conn.execute("SHOW statement_timeout").fetchone()
    assert timeout == ("10s",)


def test_an_unreachable_host_is_a_sentence() -> None:
    target = parse_target(f"host=127.0.0.1 port={free_port()} dbname=team user=agent")
    with pytest.raises(TeamUnavailable) as caught:
        connect(target)
    assert str(caught.value.sentence).startswith("The team database cannot be reached at")


def test_a_certificate_that_does_not_verify_is_a_sentence(
    team_db: TeamDb, pgpassword: None
) -> None:
    info = team_db.cluster.conninfo("agent_a", None, team_db.name)
    with pytest.raises(TeamLoginError) as caught:
        connect(parse_target(f"{info} sslmode=verify-full sslrootcert=system"))
    assert "did not prove who it is" in str(caught.value.sentence)
    trusted = f"{info} sslmode=verify-full sslrootcert={team_db.cluster.ca_file}"
    with connect(parse_target(trusted)) as conn:  # the same server, its CA trusted: TLS works
        assert conn.info.pgconn.ssl_in_use


def test_a_database_not_set_up_says_what_to_run(empty_db: TeamDb) -> None:
    with empty_db.admin() as conn, pytest.raises(TeamSchemaError) as caught:
        check(conn, "here")
    assert "--team-setup" in str(caught.value.sentence)


def test_a_newer_schema_is_named(team_db: TeamDb) -> None:
    with team_db.admin() as conn:
        conn.execute("INSERT INTO dialer_schema (version) VALUES (%s)", (SCHEMA_VERSION + 1,))
        with pytest.raises(TeamSchemaError) as caught:
            check(conn, "here")
    assert f"schema version {SCHEMA_VERSION + 1}, newer" in str(caught.value.sentence)


def test_the_store_refuses_a_newer_schema_with_its_sentence(
    team_db: TeamDb, pgpassword: None, tmp_path: Path
) -> None:
    with team_db.admin() as conn:
        conn.execute("INSERT INTO dialer_schema (version) VALUES (%s)", (SCHEMA_VERSION + 1,))
    with pytest.raises(TeamSchemaError) as caught:
        TeamLeadStore(team_db.target(), "9800000001", "Asha", tmp_path / "outbox.db")
    assert "update the dialer" in str(caught.value.sentence)


def test_the_supervisors_desk_refuses_a_newer_schema_every_time(
    team_db: TeamDb, pgpassword: None
) -> None:
    """The schema is refused on every call, never only the first: the refused connection is
    not kept for the next call to work on unchecked."""
    with team_db.admin() as conn:
        conn.execute("INSERT INTO dialer_schema (version) VALUES (%s)", (SCHEMA_VERSION + 1,))
    desk = SupervisorDesk(team_db.target("supervisor"))
    try:
        for _call in range(2):
            with pytest.raises(TeamSchemaError):
                desk.lists(datetime.now(UTC))
    finally:
        desk.close()


def test_psycopg_is_imported_only_when_a_team_database_is_used() -> None:
    code = (
        "import sys, dialer_app.composition, dialer_app.core.team.store;"
        " print('psycopg' in sys.modules)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.strip() == "False"


def test_the_system_roots_are_handed_to_libpq_where_it_cannot_read_them(tmp_path: Path) -> None:
    from dialer_app.core.team import roots

    assert roots.system_roots(tmp_path, "linux") == "system"  # OpenSSL's store is the system's
    pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    roots.READERS["test-os"] = lambda: [pem]
    try:
        written = roots.system_roots(tmp_path, "test-os")
    finally:
        del roots.READERS["test-os"]
    assert Path(written).read_text() == pem
    target = parse_target("host=db.example.com dbname=team", written)
    assert target.get("sslrootcert") == written


def test_a_wrong_keyring_password_is_a_sentence_without_it(
    team_db: TeamDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    with pytest.raises(TeamLoginError) as caught:
        connect(team_db.target("agent_c"), lambda _name: "wrong-keyring-pw-5")
    assert "refused the password for agent_c" in str(caught.value.sentence)
    assert "wrong-keyring-pw-5" not in repr(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__
