"""Team → Supervisor view on an agent's window: shown only for a login that may supervise, it
opens the supervisor's window on the same database (both desks seen there), once; closing the
agent's window closes it and its sessions (real app windows, the sandbox, a real PostgreSQL)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.core.team import listen, session
from dialer_app.ui.supervisor.team_menu import TeamMenu
from dialer_app.ui.supervisor.window import AGENTS, SupervisorWindow
from tests.team.conftest import TeamDb
from tests.team.test_desks import (  # noqa: F401  (the two-desk fixtures)
    Open,
    open_desk,
    service_calls,
    team_list,
    team_store_threads,
)


@pytest.fixture
def connect_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The thread of every session opened (the supervisor's window's, the desks' stores'):
    never the GUI thread."""
    threads: list[str] = []
    for module in (session, listen):
        real: Callable[..., Any] = module.connect

        def recorded(*args: Any, _real: Callable[..., Any] = real, **kwargs: Any) -> Any:
            threads.append(threading.current_thread().name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, "connect", recorded)
    yield threads
    assert threading.main_thread().name not in threads


def _menu(desk: Desk, qtbot: QtBot) -> TeamMenu:
    qtbot.waitUntil(lambda: desk.window.team_menu is not None, timeout=10_000)
    menu = desk.window.team_menu
    assert menu is not None
    if not menu.known:
        with qtbot.waitSignal(menu.checked, timeout=10_000):
            pass
    return menu


def _mnemonic(text: str) -> str:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else text


def _supervisor_windows() -> list[SupervisorWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, SupervisorWindow) and w.isVisible()]  # fmt: skip


def _supervisor_sessions(team_list: TeamDb) -> int:  # noqa: F811
    with team_list.admin() as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = 'supervisor'"
            " AND datname = current_database()"
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_supervisor_view_opens_the_floor_once_and_closes_with_the_agents_window(
    open_desk: Open,  # noqa: F811
    qtbot: QtBot,
    team_list: TeamDb,  # noqa: F811
    connect_threads: list[str],
) -> None:
    agent = open_desk("agent_a", 0)
    lead = open_desk("supervisor", 1)  # a team lead also takes calls, from the same window
    agent_menu, lead_menu = _menu(agent, qtbot), _menu(lead, qtbot)

    # Team: Pause (F10) on both desks; Supervisor view only for the supervisor's login.
    def entries(menu: TeamMenu) -> list[tuple[str, str]]:
        return [(a.text(), a.shortcut().toString()) for a in menu.menu.actions()
                if a.isVisible() and not a.isSeparator()]  # fmt: skip

    assert entries(agent_menu) == [("&Pause…", "F10")]
    assert entries(lead_menu) == [("&Pause…", "F10"), ("&Supervisor view", "")]
    assert lead_menu.menu.title() == "&Team"
    bar = [item.text() for item in lead.window.menuBar().actions()]
    assert len({_mnemonic(text) for text in bar}) == len(bar), bar  # Alt+T is the Team menu's
    agent_menu.open_supervisor()  # even asked directly, an agent's login opens nothing
    assert agent_menu.supervisor is None

    sessions_before = _supervisor_sessions(team_list)
    lead_menu.supervisor_action.trigger()
    shown = lead_menu.supervisor
    assert isinstance(shown, SupervisorWindow)
    assert shown.isVisible()
    assert shown.windowTitle().startswith("Supervisor")
    assert shown.tabs.currentIndex() == AGENTS
    names = {agent.window.form.selected_member().name,  # type: ignore[union-attr]
             lead.window.form.selected_member().name}  # type: ignore[union-attr]  # fmt: skip
    rows = shown.agents.agents
    qtbot.waitUntil(lambda: {row.name for row in rows.rows()} == names, timeout=10_000)
    assert _supervisor_sessions(team_list) > sessions_before  # the window's own sessions

    lead_menu.supervisor_action.trigger()  # again: the same window, brought forward
    assert lead_menu.supervisor is shown
    assert _supervisor_windows() == [shown]

    service = shown.service
    with qtbot.waitSignal(service.closed, timeout=10_000):
        lead.window.close()  # the team lead's window quits: the supervisor's goes with it
    assert lead_menu.supervisor is None
    assert _supervisor_windows() == []
    qtbot.waitUntil(lambda: _supervisor_sessions(team_list) <= sessions_before,
                    timeout=5000)  # the window's sessions closed (the desk's own too)  # fmt: skip
    assert not agent.window.isHidden()  # the other agent's desk works on
