"""A team desk tells the supervisor what its agent does: F10 pauses (no call, no lead) and
resumes; a call, its wrap-up and ready again reach the ``agents`` row; a customer left waiting
is counted (real app windows, the sandbox, a real PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.core.records import HistoryRow
from dialer_app.sandbox import Sandbox
from dialer_app.ui.supervisor.pause_picker import PausePicker
from tests.team.conftest import TeamDb
from tests.team.test_desks import (  # noqa: F401  (the two-desk fixtures)
    Open,
    lead_of,
    open_desk,
    service_calls,
    team_list,
    team_store_threads,
)


def _agent(conn: object, desk: Desk) -> tuple[str, str] | None:
    member = desk.window.form.selected_member()
    assert member is not None
    row = conn.execute(  # type: ignore[attr-defined]
        "SELECT state, detail FROM agents WHERE member = %s", (member.number,)
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def _last_seen(conn: object) -> datetime:
    return conn.execute("SELECT max(last_seen) FROM agents").fetchone()[0]  # type: ignore[attr-defined,no-any-return]


def _one(conn: object, query: str) -> object:
    return conn.execute(query).fetchone()[0]  # type: ignore[attr-defined]


def _pauses(conn: object) -> list[tuple[str, bool]]:
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT reason, ended_at IS NOT NULL FROM pauses ORDER BY id"
    ).fetchall()
    return [(str(reason), bool(ended)) for reason, ended in rows]


def test_f10_pauses_no_call_and_no_lead_then_f10_resumes(
    open_desk: Open,  # noqa: F811
    qtbot: QtBot,
    team_list: TeamDb,  # noqa: F811
    sandbox: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[list[str]] = []

    def first(cls: object, parent: QWidget | None, reasons: Sequence[str]) -> str:
        offered.append(list(reasons))
        return reasons[0]  # Return: the highlighted one, the first by default

    monkeypatch.setattr(PausePicker, "ask", classmethod(first))
    desk = open_desk("agent_a", 0)
    qtbot.waitUntil(lambda: lead_of(desk) is not None, timeout=10_000)
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: window.pause_key is not None, timeout=5000)
    assert window.pause_key is not None
    with team_list.admin() as conn:
        qtbot.waitUntil(lambda: _agent(conn, desk) == ("ready", ""), timeout=5000)
        QTest.keyClick(window, Qt.Key.Key_F10)
        assert offered == [["Break", "Lunch", "Training", "Meeting"]]
        assert "Paused: F10 resumes" in window.outcome_label.text()
        qtbot.waitUntil(lambda: _agent(conn, desk) == ("paused", "Break"), timeout=5000)
        assert window.lists is not None
        assert not window.lists.flow.claiming  # no lead is asked for while paused

        # Return on the lead places no call, and the window says why.
        number = window.form.number_edit.text().replace(" ", "")
        window.outcome_label.clear()
        QTest.keyClick(window.form.number_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Paused: F10 resumes" in window.outcome_label.text(),
                        timeout=3000)  # fmt: skip
        assert not desk.calls.busy
        assert desk.history.store is not None
        assert desk.history.store.recent_to(number, 5) == []  # nothing was sent
        # the next pulse (every 2 s) marks the agent alive: the pause stays
        seen = _last_seen(conn)
        qtbot.waitUntil(lambda: _last_seen(conn) > seen, timeout=5000)
        assert _agent(conn, desk) == ("paused", "Break")

        QTest.keyClick(window, Qt.Key.Key_F10)  # F10 again resumes
        qtbot.waitUntil(lambda: _agent(conn, desk) == ("ready", ""), timeout=5000)
        assert _pauses(conn) == [("Break", True)]
        assert window.lists.flow.claiming
        assert "Paused" not in window.outcome_label.text()
        with qtbot.waitSignal(desk.calls.call_finished, timeout=10_000):
            window.form.call_button.click()  # resumed: the lead is called


def test_a_call_its_wrap_up_and_ready_again_reach_the_supervisor(
    open_desk: Open,  # noqa: F811
    qtbot: QtBot,
    team_list: TeamDb,  # noqa: F811
) -> None:
    desk = open_desk("agent_a", 0)
    qtbot.waitUntil(lambda: lead_of(desk) is not None, timeout=10_000)
    window = desk.window
    number = window.form.number_edit.text().replace(" ", "")
    with team_list.admin() as conn:
        window.form.call_button.click()
        qtbot.waitUntil(lambda: (_agent(conn, desk) or ("", ""))[0] == "on_call",
                        timeout=10_000)  # fmt: skip
        state = _agent(conn, desk)
        assert state is not None
        assert state[1].startswith(f"…{number[-4:]}")  # the last four digits, never all ten
        assert number not in state[1]
        panel = window.wrap_up
        qtbot.waitUntil(panel.isVisible, timeout=20_000)
        qtbot.waitUntil(lambda: _agent(conn, desk) == ("wrap_up", ""), timeout=20_000)
        QTest.keyClick(panel, Qt.Key.Key_1)
        QTest.keyClick(panel, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _agent(conn, desk) == ("ready", ""), timeout=5000)


def test_a_customer_left_waiting_is_counted_for_the_supervisor(
    open_desk: Open,  # noqa: F811
    qtbot: QtBot,
    team_list: TeamDb,  # noqa: F811
) -> None:
    desk = open_desk("agent_a", 0)
    qtbot.waitUntil(lambda: lead_of(desk) is not None, timeout=10_000)
    number = desk.window.form.number_edit.text().replace(" ", "")
    with qtbot.waitSignal(desk.calls.call_finished, timeout=10_000):
        desk.window.form.call_button.click()
    assert desk.history.store is not None
    with team_list.admin() as conn:
        qtbot.waitUntil(lambda: _one(conn, "SELECT count(*) FROM attempts") == 1, timeout=10_000)
        row: HistoryRow = desk.history.store.recent_to(number, 1)[0]
        assert desk.verdicts is not None
        desk.verdicts.worst_case.emit(row)  # the call report's worst case, as the tracker says
        qtbot.waitUntil(lambda: _one(conn, "SELECT verdict FROM attempts") == "left_waiting",
                        timeout=5000)  # fmt: skip
