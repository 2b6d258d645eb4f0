"""``dialer-app --team-database URL --team-setup``: exit 0 and idempotent, or a sentence."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dialer_app.app import main
from dialer_app.core.records import Outcome
from dialer_app.core.team.schema import SCHEMA_VERSION
from tests.helpers.postgres import ADMIN_PASSWORD, free_port
from tests.team.conftest import StoreFactory, TeamDb, preview_of


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def test_setup_applies_the_migrations_once_and_prints_the_grants(
    empty_db: TeamDb, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    url = f"postgresql://dialer_admin@127.0.0.1:{empty_db.cluster.port}/{empty_db.name}"
    data = ("--data-dir", str(tmp_path))
    code, out, err = _run(capsys, *data, "--team-database", url, "--team-setup")
    assert (code, err) == (0, "")
    assert f"applied schema version(s) {', '.join(map(str, range(1, SCHEMA_VERSION + 1)))}" in out
    assert "GRANT dialer_agent TO <login>;" in out
    monkeypatch.setenv("DIALER_TEAM_DATABASE", url)  # the environment, the same database
    code, out, err = _run(capsys, *data, "--team-setup")
    assert (code, err) == (0, "")
    assert f"up to date (version {SCHEMA_VERSION})" in out


@pytest.mark.parametrize(
    ("url", "code", "sentence"),
    [
        ("postgresql://a:pw-123@127.0.0.1/x", 2, "holds a password"),
        (f"postgresql://a@127.0.0.1:{free_port()}/x", 1, "The team database cannot be reached"),
        ("postgresql://a@db.example.com/x?sslmode=disable", 2, "without verifying"),
    ],
)
def test_setup_that_cannot_run_says_why(
    url: str, code: int, sentence: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    got, out, err = _run(capsys, "--data-dir", str(tmp_path), "--team-database", url,
                         "--team-setup")  # fmt: skip
    assert (got, out) == (code, "")
    assert err.startswith("dialer-app: ")
    assert sentence in err
    assert "Traceback" not in err
    assert "pw-123" not in err


def test_team_sql_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "--team-sql")
    assert code == 0
    assert "CREATE ROLE dialer_agent NOLOGIN" in out
    assert out.rstrip().endswith("COMMIT;")


def test_export_list_with_a_team_database_exports_the_teams_list(
    stores: StoreFactory, team_db: TeamDb, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(2, "Pune"))
    assert found is not None
    asha = stores("agent_a", "9800000001", "Asha")
    asha.heartbeat()
    lead = asha.claim_next(found.list_id, datetime.now(UTC), 3)
    assert lead is not None
    asha.begin_attempt(lead.lead_id)
    asha.finish_attempt(lead.lead_id, Outcome.PLACED, "c-9", 1)
    monkeypatch.setenv(
        "DIALER_TEAM_DATABASE", team_db.cluster.conninfo("agent_b", None, team_db.name)
    )
    out_file = tmp_path / "pune.csv"
    code, out, err = _run(capsys, "--data-dir", str(tmp_path / "d"), "--export-list", "Pune",
                          str(out_file))  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Exported 2 leads of Pune to {out_file}\n"
    with out_file.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["dialer_agent"] for row in rows] == ["Asha", ""]
    code, _out, err = _run(capsys, "--data-dir", str(tmp_path / "d"), "--export-list", "Nope",
                           str(out_file))  # fmt: skip
    assert code == 1
    assert "the team has no list named 'Nope' (lists: Pune)" in err
