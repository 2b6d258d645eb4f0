"""The history table model: what the agent reads in each column, and how rows arrive."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dialer_app.core.history.store import HistoryStore
from dialer_app.core.records import HistoryRow, Outcome, ReportState, Verdict
from dialer_app.ui.history.columns import OUTCOME_COLUMN, outcome_colour
from dialer_app.ui.history.model import HistoryModel
from tests.helpers.contrast import palette_of, use_scheme
from tests.helpers.history import model_over, show_rows, write_rows
from tests.helpers.text import shown

# 14 Mar 09:05:07 in whatever the local time zone of the test run is.
LOCAL_MOMENT = datetime(2025, 3, 14, 9, 5, 7).astimezone()

TITLES = [
    "Time", "Member", "Customer", "Deskphone", "Limit", "Outcome", "Campid", "Result",
    "Disposition", "Note", "Call back", "Customer answered", "Member answered", "Talk", "Coins",
    "Recording", "Message",
]  # fmt: skip


ShowWritten = Callable[[list[HistoryRow]], None]


def campaign(row_id: int = 1, **changes: object) -> HistoryRow:
    row = HistoryRow(
        row_id=row_id,
        created_at=LOCAL_MOMENT.astimezone(UTC),
        member_name="Asha Rao",
        member_number="9123456780",
        customer_number="9876543210",
        deskphone="08047192345",
        call_limit=60,
        outcome=Outcome.PLACED,
        campid="8812345",
        message="Call placed successfully",
        finished_at=LOCAL_MOMENT.astimezone(UTC) + timedelta(seconds=1),
    )
    return dataclasses.replace(row, **changes)  # type: ignore[arg-type]


def texts(model: HistoryModel, row: int = 0) -> list[str]:
    return [str(model.data(model.index(row, column))) for column in range(model.columnCount())]


@pytest.fixture
def model(tmp_path: Path) -> HistoryModel:
    """A model over an empty history (SQLite in ``tmp_path``), read by the real service."""
    return model_over(HistoryStore(tmp_path / "history.sqlite3"))


@pytest.fixture
def show_written(
    qtbot: QtBot, tmp_path: Path, model: HistoryModel
) -> Callable[[list[HistoryRow]], None]:
    """Write ``rows`` into the model's history through the store's writes, and show them."""

    def show(rows: list[HistoryRow]) -> None:
        write_rows(tmp_path / "history.sqlite3", rows).close()
        show_rows(qtbot, model)

    return show


def test_model_is_consistent(
    show_written: ShowWritten, qtmodeltester: ModelTester, model: HistoryModel
) -> None:
    show_written(
        [
            campaign(3, outcome=Outcome.SENDING, campid=None, message=""),
            campaign(2, outcome=Outcome.UNKNOWN, message="Read timeout"),
            campaign(1, outcome=Outcome.REJECTED, campid=None, call_limit=0),
        ]
    )

    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def test_headers(model: HistoryModel) -> None:
    titles = [
        model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for section in range(model.columnCount())
    ]

    assert titles == TITLES


def test_display_text_of_every_column(show_written: ShowWritten, model: HistoryModel) -> None:
    call_back = LOCAL_MOMENT.replace(hour=16, minute=30).astimezone(UTC)
    show_written([campaign(disposition="Call back", note="after 4 pm", call_back_at=call_back)])

    assert texts(model) == [
        "14 Mar 09:05:07",
        "Asha Rao",
        "98765 43210",
        "08047192345",
        "60 s",
        "Placed",
        "8812345",
        "",
        "Call back",
        "after 4 pm",
        "14 Mar 16:30",
        "",
        "",
        "",
        "",
        "",
        "Call placed successfully",
    ]


def test_call_report_columns_and_the_worst_case_flag(
    show_written: ShowWritten, model: HistoryModel
) -> None:
    leg_a = LOCAL_MOMENT.astimezone(UTC) + timedelta(seconds=4)
    show_written(
        [
            campaign(2, verdict=Verdict.MEMBER_NO_ANSWER, report_state=ReportState.FINAL,
                     leg_a_at=leg_a, talk_seconds=0, coins="1"),
            campaign(1, verdict=Verdict.CONNECTED, report_state=ReportState.FINAL, leg_a_at=leg_a,
                     leg_b_at=leg_a + timedelta(seconds=3), talk_seconds=95, coins="2",
                     recording_url="https://rec.example/1.mp3"),
        ]
    )  # fmt: skip
    worst, connected = texts(model, 0), texts(model, 1)
    assert worst[7:8] + worst[11:15] == ["⚠ Customer left waiting", "09:05:11", "", "0 s", "1"]
    assert connected[7:8] + connected[11:16] == [
        "Connected", "09:05:11", "09:05:14", "95 s", "2", "▶ Play",
    ]  # fmt: skip
    background = model.data(model.index(0, 3), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QColor)
    assert model.data(model.index(1, 3), Qt.ItemDataRole.BackgroundRole) is None
    recording = TITLES.index("Recording")
    tooltip = model.data(model.index(1, recording), Qt.ItemDataRole.ToolTipRole)
    assert shown(tooltip) == "https://rec.example/1.mp3"


def test_a_pending_report_says_so(show_written: ShowWritten, model: HistoryModel) -> None:
    show_written([campaign(report_state=ReportState.PENDING)])
    assert texts(model)[7] == "Waiting for report…"


def test_no_limit_and_no_campid(show_written: ShowWritten, model: HistoryModel) -> None:
    show_written([campaign(call_limit=0, campid=None, outcome=Outcome.REJECTED)])

    assert texts(model)[4:7] == ["—", "Rejected", ""]


@pytest.mark.parametrize(
    ("outcome", "text"),
    [
        (Outcome.SENDING, "Sending…"),
        (Outcome.PLACED, "Placed"),
        (Outcome.REJECTED, "Rejected"),
        (Outcome.NOT_SENT, "Not sent"),
        (Outcome.UNKNOWN, "Unknown — check before calling again"),
    ],
)
def test_outcome_in_plain_words(
    show_written: ShowWritten, model: HistoryModel, outcome: Outcome, text: str
) -> None:
    show_written([campaign(outcome=outcome)])

    assert model.data(model.index(0, TITLES.index("Outcome"))) == text


def test_outcome_colours(show_written: ShowWritten, model: HistoryModel) -> None:
    outcomes = [Outcome.PLACED, Outcome.REJECTED, Outcome.UNKNOWN, Outcome.NOT_SENT]
    show_written([campaign(n, outcome=outcome) for n, outcome in enumerate(outcomes)])
    column = TITLES.index("Outcome")

    colours = [
        model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole) for row in range(4)
    ]

    placed, rejected, unknown, not_sent = colours
    assert isinstance(placed, QColor)
    assert placed.green() > placed.red()
    assert isinstance(rejected, QColor)
    assert rejected.red() > rejected.green()
    assert isinstance(unknown, QColor)
    assert unknown.red() > unknown.green() > unknown.blue()
    assert not_sent is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None


def test_tooltip_is_the_full_message(show_written: ShowWritten, model: HistoryModel) -> None:
    message = "Deskphone is not mapped to this member. " * 5
    show_written([campaign(message=message), campaign(2, message="")])

    assert shown(model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)) == message
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) is None


def test_numbers_are_right_aligned(show_written: ShowWritten, model: HistoryModel) -> None:
    show_written([campaign()])

    def alignment(title: str) -> Qt.AlignmentFlag:
        flags = model.data(model.index(0, TITLES.index(title)), Qt.ItemDataRole.TextAlignmentRole)
        assert isinstance(flags, Qt.AlignmentFlag)
        return flags & Qt.AlignmentFlag.AlignHorizontal_Mask

    assert alignment("Limit") == Qt.AlignmentFlag.AlignRight
    assert alignment("Campid") == Qt.AlignmentFlag.AlignRight
    assert alignment("Member") == Qt.AlignmentFlag.AlignLeft


def test_a_query_resets(show_written: ShowWritten, qtbot: QtBot, model: HistoryModel) -> None:
    with qtbot.waitSignal(model.modelReset):
        show_written([campaign(2), campaign(1)])

    assert model.rowCount() == 2
    assert model.row_at(0).row_id == 2


def test_upsert_of_a_known_row_replaces_it(
    show_written: ShowWritten, qtbot: QtBot, model: HistoryModel
) -> None:
    show_written([campaign(3), campaign(2, outcome=Outcome.SENDING), campaign(1)])
    finished = campaign(2, outcome=Outcome.UNKNOWN, message="Read timeout")

    def whole_row(top_left: QModelIndex, bottom_right: QModelIndex, roles: object) -> bool:
        return (top_left.row(), top_left.column(), bottom_right.row(), bottom_right.column()) == (
            1,
            0,
            1,
            len(TITLES) - 1,
        )

    with (
        qtbot.assertNotEmitted(model.rowsInserted),
        qtbot.waitSignal(model.dataChanged, check_params_cb=whole_row),
    ):
        model.upsert(finished)

    assert model.rowCount() == 3
    assert model.row_at(1) == finished
    assert texts(model, 1)[5] == "Unknown — check before calling again"


def test_row_at_out_of_range(model: HistoryModel) -> None:
    with pytest.raises(IndexError):
        model.row_at(0)


def test_outcome_colours_follow_a_palette_switch_after_the_rows_were_shown(
    show_written: ShowWritten,
    model: HistoryModel,
) -> None:
    """The cells are made once per row, but a light/dark switch makes them again."""
    show_written([campaign(1, outcome=Outcome.PLACED)])
    index = model.index(0, OUTCOME_COLUMN)
    before = QPalette(QGuiApplication.palette())
    try:
        colours = []
        for scheme in ("light", "dark"):
            use_scheme(scheme)
            shown_colour = model.data(index, Qt.ItemDataRole.ForegroundRole)
            assert shown_colour == outcome_colour(Outcome.PLACED, palette_of(scheme)), scheme
            colours.append(shown_colour)
        assert colours[0] != colours[1]
    finally:
        QApplication.setPalette(before)
