"""The supervisor's table model: a change repaints only its row; rows that come or go reset."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dialer_app.ui.supervisor.table import NUMBER, RAW, Column, RowsModel


@dataclass(frozen=True)
class Row:
    key: str
    name: str
    calls: int


def _model() -> RowsModel[Row]:
    columns: list[Column[Row]] = [
        Column("Agent", lambda r: r.name),
        Column("Calls", lambda r: str(r.calls), lambda r: r.calls),
    ]
    return RowsModel(columns, key=lambda r: r.key, alert=lambda r: r.calls > 10)


def test_the_model_passes_qts_model_tests(qtmodeltester: ModelTester) -> None:
    model = _model()
    model.replace([Row("a", "Asha", 1), Row("b", "Ravi", 12)])
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def test_a_change_repaints_only_its_row_and_new_rows_reset(qtbot: QtBot) -> None:
    model = _model()
    rows = [Row(str(i), f"Agent {i}", i) for i in range(200)]
    model.replace(rows)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    rows[57] = Row("57", "Agent 57", 99)
    with qtbot.assertNotEmitted(model.modelReset):
        model.replace(rows)
    assert changed == [(57, 57)]
    assert model.index(57, 1).data(NUMBER) == 99
    assert model.index(57, 1).data(Qt.ItemDataRole.BackgroundRole) is not None  # flagged
    assert model.index(57, 0).data(RAW) == rows[57]
    with qtbot.waitSignal(model.modelReset):
        model.replace(rows[:-1])


def test_text_from_the_database_is_plain(qtbot: QtBot) -> None:
    model = _model()
    model.replace([Row("a", "<b>Asha</b>\u202e\u2066", 1)])
    assert model.index(0, 0).data() == "<b>Asha</b>"


def test_the_clock_flags_a_long_pause_and_only_its_row_changes(qtbot: QtBot) -> None:
    """No snapshot arrives (nothing changed in the database), yet a pause crosses
    ``team/pause_alert_minutes``: the next tick of the window's clock flags that row (amber,
    "over 15 min"), and only that row is announced as changed."""
    from datetime import UTC, datetime, timedelta

    from dialer_app.core.team.watch import AgentRow
    from dialer_app.ui.supervisor.table import ALERT
    from dialer_app.ui.supervisor.tables import AgentsView, DeskClock

    start = datetime.now(UTC)
    clock = DeskClock()
    clock.seen(start)

    def agent(number: int, state: str, paused_for: timedelta) -> AgentRow:
        return AgentRow(member=f"98000000{number:02d}", name=f"Agent {number}", state=state,
                        detail="Lunch" if state == "paused" else "",
                        state_since=start - paused_for, last_seen=start, calls=0, connected=0,
                        talk_seconds=0, left_waiting=0, last_call=None)  # fmt: skip

    rows = [agent(i, "ready", timedelta(minutes=30)) for i in range(20)]
    rows[7] = agent(7, "paused", timedelta(minutes=14, seconds=59))
    view = AgentsView(clock, alert_minutes=15)
    qtbot.addWidget(view)
    view.agents.replace(rows)
    view.show()
    cell = view.agents.index(7, 2)  # For
    assert "over" not in cell.data()
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is None
    changed: list[tuple[int, int]] = []
    view.agents.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    clock.seen(start + timedelta(seconds=3))  # three seconds later, by the database's clock
    qtbot.waitUntil(lambda: changed != [], timeout=3000)  # the next tick (every second)
    assert changed == [(7, 7)]
    assert "(over 15 min)" in cell.data()
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == ALERT
