"""``dialer-app --supervisor``: a login without dialer_supervisor (nor the database's
ownership) gets a sentence, not the window; ``--team-report`` runs through ``main()``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dialer_app.app import main
from dialer_app.supervisor_app import check_login
from tests.team.conftest import TeamDb


@pytest.mark.parametrize(
    ("login", "owner", "allowed"),
    [("supervisor", False, True), ("agent_a", False, False), ("agent_c", True, True)],
)
def test_who_may_open_the_supervisors_window(
    team_db: TeamDb, pgpassword: None, tmp_path: Path, login: str, owner: bool, allowed: bool
) -> None:
    if owner:
        with team_db.admin() as conn:
            conn.execute(f"ALTER DATABASE {team_db.name} OWNER TO {login}")
    info = team_db.cluster.conninfo(login, None, team_db.name)
    target, may = check_login(info, tmp_path)
    assert (target.user, may) == (login, allowed)


def test_an_agent_asking_for_the_supervisors_window_gets_a_sentence(
    team_db: TeamDb, pgpassword: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    info = team_db.cluster.conninfo("agent_a", None, team_db.name)
    code = main(["--supervisor", "--team-database", info, "--data-dir", str(tmp_path)])
    assert code == 1
    err = capsys.readouterr().err
    assert "agent_a may not open the supervisor's window" in err
    assert "GRANT dialer_supervisor TO agent_a;" in err


def test_the_supervisors_window_without_a_team_database_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIALER_TEAM_DATABASE", raising=False)
    assert main(["--supervisor", "--data-dir", str(tmp_path)]) == 2
    assert "needs a team database" in capsys.readouterr().err


def test_the_team_report_through_the_command_line(
    team_db: TeamDb, pgpassword: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    info = team_db.cluster.conninfo("supervisor", None, team_db.name)
    out = tmp_path / "day.xlsx"
    argv = ["--team-report", "2026-12-07", str(out), "--team-database", info,
            "--data-dir", str(tmp_path)]  # fmt: skip
    assert main(argv) == 0
    assert out.exists()
    assert "Wrote the team's day 2026-12-07" in capsys.readouterr().out


def test_open_shows_the_window_and_closing_it_stops_the_feed(
    team_db: TeamDb, pgpassword: None, qtbot: QtBot
) -> None:
    from dialer_app.core.team.claim import Policy
    from dialer_app.ui.supervisor.window import AGENTS, SupervisorWindow

    window = SupervisorWindow.open(team_db.target("supervisor"), Policy(), None, 15)
    service = window.service
    with qtbot.waitSignal(service.snapshot, timeout=5000):
        pass
    assert window.isVisible()
    assert window.tabs.currentIndex() == AGENTS
    with qtbot.waitSignal(service.closed, timeout=5000):
        window.close()  # returns at once: the sessions close on their workers
    assert service._stop.is_set()
