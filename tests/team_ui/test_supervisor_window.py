"""The supervisor's window on a real team database: what agents do is seen within 2 s."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from dialer_app.core.leads.model import LeadStatus
from dialer_app.core.records import Outcome
from dialer_app.core.team.presence import call_detail
from dialer_app.ui.supervisor.window import AGENTS, CALL_BACKS, CHARTS, LISTS, SupervisorWindow
from tests.team.conftest import StoreFactory, TeamDb, preview_of

SEEN_WITHIN_MS = 2000


def _cells(view: QTableView, column: int) -> dict[str, str]:
    model = view.model()
    return {
        str(model.index(row, 0).data()): str(model.index(row, column).data())
        for row in range(model.rowCount())
    }


def _waits_at_most(qtbot: QtBot, check: object, ms: int = SEEN_WITHIN_MS) -> float:
    start = time.monotonic()
    qtbot.waitUntil(check, timeout=ms)  # type: ignore[arg-type]
    return time.monotonic() - start


def test_the_window_opens_on_agents_and_each_control_key_shows_its_tab(
    window: SupervisorWindow, qtbot: QtBot
) -> None:
    assert window.windowTitle().startswith("Supervisor")
    assert window.tabs.currentIndex() == AGENTS
    qtbot.waitExposed(window)
    window.activateWindow()
    for key, tab in ((Qt.Key.Key_1, LISTS), (Qt.Key.Key_3, CALL_BACKS), (Qt.Key.Key_4, CHARTS),
                     (Qt.Key.Key_2, AGENTS)):  # fmt: skip
        QTest.keyClick(window.tabs, key, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == tab
        # the day's figures are read every minute while Charts shows, and only then
        assert window.charts._timer.isActive() == (tab == CHARTS)


def test_two_agents_states_reach_the_supervisor_within_two_seconds(
    window: SupervisorWindow, qtbot: QtBot, stores: StoreFactory
) -> None:
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    asha.heartbeat()
    ravi.heartbeat()
    view = window.agents
    _waits_at_most(qtbot, lambda: _cells(view, 1) == {"Asha": "Ready", "Ravi": "Ready"})
    asha.pause("Lunch")
    _waits_at_most(qtbot, lambda: _cells(view, 1)["Asha"] == "Paused: Lunch")
    ravi.heartbeat("on_call", call_detail("9876543210", "ringing"))
    _waits_at_most(qtbot, lambda: _cells(view, 1)["Ravi"] == "On a call")
    assert _cells(view, 3)["Ravi"] == "…3210 · ringing"
    asha.resume()
    _waits_at_most(qtbot, lambda: _cells(view, 1)["Asha"] == "Ready")


def test_a_call_moves_the_lists_bar_and_the_agents_count(
    window: SupervisorWindow, qtbot: QtBot, stores: StoreFactory
) -> None:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(4, "Diwali"))
    assert found is not None
    asha = stores("agent_a", "9800000001", "Asha")
    asha.heartbeat()
    _waits_at_most(qtbot, lambda: _cells(window.lists.view, 2).get("Diwali") == "0%")
    lead = asha.claim_next(found.list_id, datetime.now(UTC), 3)
    assert lead is not None
    asha.begin_attempt(lead.lead_id)
    asha.finish_attempt(lead.lead_id, Outcome.PLACED, "c1", 1)
    asha.record_verdict(1, True, 42)
    _waits_at_most(qtbot, lambda: _cells(window.lists.view, 2)["Diwali"] == "25%")
    _waits_at_most(qtbot, lambda: _cells(window.agents, 4)["Asha"] == "1")
    assert _cells(window.agents, 5)["Asha"] == "1"  # connected
    assert _cells(window.agents, 6)["Asha"] == "0:42"  # talk time


def test_a_call_back_reassigned_in_the_window_reaches_the_other_agent(
    window: SupervisorWindow, qtbot: QtBot, stores: StoreFactory
) -> None:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(3))
    assert found is not None
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    asha.heartbeat()
    ravi.heartbeat()
    now = datetime.now(UTC)
    lead = asha.claim_next(found.list_id, now, 3)
    assert lead is not None
    asha.set_status(lead.lead_id, LeadStatus.CALL_BACK, now - timedelta(minutes=1))
    view = window.call_backs.view
    _waits_at_most(qtbot, lambda: view.model().rowCount() == 1)
    assert _cells(view, 2) == {_cells(view, 0).popitem()[0]: "Asha"}
    view.selectRow(0)
    combo = window.call_backs.agent
    _waits_at_most(qtbot, lambda: combo.findText("Ravi") > 0)
    combo.setCurrentIndex(combo.findText("Ravi"))
    window.call_backs.button.click()
    _waits_at_most(qtbot, lambda: list(_cells(view, 2).values()) == ["Ravi"])
    got = ravi.claim_next(found.list_id, now, 3)
    assert got is not None
    assert got.lead_id == lead.lead_id


def test_names_and_reasons_from_the_database_are_plain_text(
    window: SupervisorWindow, qtbot: QtBot, stores: StoreFactory
) -> None:
    evil = stores("agent_a", "9800000001", "<b>Asha</b>\u202e")
    evil.pause("<a href='x'>Tea</a>\u2066")
    view = window.agents
    _waits_at_most(qtbot, lambda: "<b>Asha</b>" in _cells(view, 1))
    assert _cells(view, 1)["<b>Asha</b>"] == "Paused: <a href='x'>Tea</a>"


def test_a_database_away_is_one_sentence_and_the_window_comes_back_by_itself(
    window: SupervisorWindow, qtbot: QtBot, stores: StoreFactory, team_db: TeamDb
) -> None:
    asha = stores("agent_a", "9800000001", "Asha")
    asha.heartbeat()
    _waits_at_most(qtbot, lambda: _cells(window.agents, 1) == {"Asha": "Ready"})
    team_db.cluster.stop()
    try:
        qtbot.waitUntil(lambda: window.status.text() != "", timeout=10_000)
        assert window.status.text().startswith("The team database cannot be reached")
        assert _cells(window.agents, 0) == {"Asha": "Asha"}  # what it showed stays
    finally:
        team_db.cluster.start()
    qtbot.waitUntil(lambda: window.status.text() == "", timeout=15_000)
    asha.pause("Break")
    _waits_at_most(qtbot, lambda: _cells(window.agents, 1)["Asha"] == "Paused: Break")
