"""What a supervisor changes from the window: a list paused, a rule saved, leads put back
only after a count and a Yes (No is the default)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from dialer_app.core.records import Outcome
from dialer_app.core.team.store import TeamLeadStore
from dialer_app.core.team.supervise import NO_ANSWER, RecycleRule, SupervisorDesk
from dialer_app.ui.supervisor.window import SupervisorWindow
from tests.team.conftest import StoreFactory, TeamDb, preview_of

WITHIN_MS = 2000


def _no_answer(agent: TeamLeadStore, list_id: int, row: int) -> None:
    lead = agent.claim_next(list_id, datetime.now(UTC), 3)
    assert lead is not None
    agent.begin_attempt(lead.lead_id)
    agent.finish_attempt(lead.lead_id, Outcome.PLACED, "", row)
    agent.record_verdict(row, False, None)
    agent.release(lead.lead_id)


def test_pausing_a_list_in_the_window_stops_its_claims(
    window: SupervisorWindow, qtbot: QtBot, stores: StoreFactory
) -> None:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(3, "Diwali"))
    assert found is not None
    view = window.lists.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1, timeout=WITHIN_MS)
    view.selectRow(0)
    assert window.lists.pause_button.text() == "&Pause list"
    window.lists.pause_button.click()
    qtbot.waitUntil(lambda: view.model().index(0, 13).data() == "Paused", timeout=WITHIN_MS)
    asha = stores("agent_a", "9800000001", "Asha")
    assert asha.claim_next(found.list_id, datetime.now(UTC), 3) is None
    assert window.lists.pause_button.text() == "Res&ume list"


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_put_back_counts_asks_and_defaults_to_no(
    window: SupervisorWindow, qtbot: QtBot, stores: StoreFactory, team_db: TeamDb,
    monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton,
) -> None:  # fmt: skip
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(3, "Diwali"))
    assert found is not None
    asha = stores("agent_a", "9800000001", "Asha")
    for row in (1, 2):
        _no_answer(asha, found.list_id, row)
    tab = window.recycling
    qtbot.waitUntil(lambda: tab.result_combo.findData(NO_ANSWER) >= 0, timeout=WITHIN_MS)
    tab.result_combo.setCurrentIndex(tab.result_combo.findData(NO_ANSWER))
    asked: list[tuple[str, QMessageBox.StandardButton]] = []

    def exec_box(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append((box.text(), box.standardButton(box.defaultButton())))
        return answer

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    tab.put_back.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=WITHIN_MS)
    text, default = asked[0]
    assert (
        text == "Put back 2 leads of Diwali with the result No answer? They are offered again now."
    )
    assert default == QMessageBox.StandardButton.No
    with team_db.admin() as conn:

        def new() -> int:
            row = conn.execute("SELECT count(*) FROM leads WHERE status = 'new'").fetchone()
            return int(row[0]) if row else -1

        if answer == QMessageBox.StandardButton.Yes:
            qtbot.waitUntil(lambda: window.status.text() == "Put back 2 leads.", timeout=WITHIN_MS)
            assert new() == 3
        else:
            assert new() == 1


def test_a_rule_saved_in_the_window_is_the_claims(
    window: SupervisorWindow, qtbot: QtBot, stores: StoreFactory
) -> None:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(2, "Diwali"))
    assert found is not None
    tab = window.recycling
    qtbot.waitUntil(lambda: tab.result_combo.count() > 0, timeout=WITHIN_MS)
    tab.delay.setValue(45)
    tab.attempts.setValue(2)
    tab.save.click()
    rule = RecycleRule(found.list_id, NO_ANSWER, 45, 2)
    qtbot.waitUntil(lambda: tab.rules.rows() == [rule], timeout=WITHIN_MS)
    assert [tab.rules.index(0, c).data() for c in range(4)] == ["Diwali", "No answer", "45", "2"]


def test_the_charts_load_when_shown_with_their_figures_in_a_table(
    window: SupervisorWindow, qtbot: QtBot, stores: StoreFactory
) -> None:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(3, "Diwali"))
    assert found is not None
    asha = stores("agent_a", "9800000001", "Asha")
    asha.heartbeat()
    for row in (1, 2):
        _no_answer(asha, found.list_id, row)
    assert not window.charts._charts  # nothing read before the tab is shown
    window.tabs.setCurrentWidget(window.charts)
    qtbot.waitUntil(lambda: bool(window.charts._charts), timeout=WITHIN_MS)
    table = window.charts.table.model()
    headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())]
    assert headers == ["Hour", "Connected", "No answer", "Left waiting", "Unknown", "Total"]
    totals = [int(table.index(r, 5).data()) for r in range(table.rowCount())]
    assert sum(totals) == 2
    window.charts.which.setCurrentIndex(1)  # connect rate per agent
    rows = window.charts.table.model()
    assert [rows.index(0, c).data() for c in range(4)] == ["Asha", "2", "0", "0%"]


def test_no_database_work_runs_on_the_gui_thread(
    window: SupervisorWindow, qtbot: QtBot, stores: StoreFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_gui: list[str] = []
    original = SupervisorDesk._run

    def watched(desk: SupervisorDesk, work: Callable[[Any], Any]) -> Any:
        if threading.current_thread() is threading.main_thread():
            on_gui.append(getattr(work, "__qualname__", repr(work)))
        return original(desk, work)

    monkeypatch.setattr(SupervisorDesk, "_run", watched)
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(2, "Diwali"))
    assert found is not None
    stores("agent_a", "9800000001", "Asha").pause("Tea")
    qtbot.waitUntil(lambda: window.lists.view.model().rowCount() == 1, timeout=WITHIN_MS)
    window.lists.view.selectRow(0)
    window.lists.pause_button.click()
    window.tabs.setCurrentWidget(window.charts)
    qtbot.waitUntil(lambda: window.recycling.result_combo.count() > 0, timeout=WITHIN_MS)
    window.recycling.save.click()
    qtbot.waitUntil(lambda: bool(window.charts._charts) and bool(window.recycling.rules.rows()),
                    timeout=WITHIN_MS)  # fmt: skip
    assert on_gui == []
