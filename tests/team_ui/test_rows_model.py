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
