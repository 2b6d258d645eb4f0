"""The history model over a real store, through the real service and runner."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from dialer_app.core.history.store import HistoryStore
from dialer_app.core.records import (
    CallRequest,
    CallResult,
    HistoryQuery,
    HistoryRow,
    Outcome,
    ReportRow,
    ReportState,
    WrapUp,
)
from dialer_app.services.history import HistoryService
from dialer_app.services.runner import Runner
from dialer_app.ui.history.model import HistoryModel

LOAD_TIMEOUT_MS = 10_000


def model_over(store: HistoryStore) -> HistoryModel:
    """A history model reading ``store`` on worker threads, as the window's does."""
    service = HistoryService(store, Runner())
    model = HistoryModel(service)
    service.setParent(model)
    service._runner.setParent(service)
    return model


def write_rows(path: Path, rows: Iterable[HistoryRow]) -> HistoryStore:
    """A store at ``path`` holding ``rows`` (shown in this order: written last to first)
    through the store's own writes: begin, finish, the call report and the wrap-up."""
    pending: list[datetime] = []
    store = HistoryStore(path, clock=lambda: pending[0])
    for row in reversed(list(rows)):
        pending[:] = [row.created_at]
        request = CallRequest(
            row.customer_number, row.member_number, row.deskphone, row.call_limit, row.member_name
        )
        row_id = store.begin(request)
        if row.outcome is not Outcome.SENDING:
            store.finish(row_id, CallResult(row.outcome, row.message, row.campid))
        if row.verdict is not None:
            report = ReportRow(
                f"report-{row_id}", row.created_at, row.customer_number, row.member_number,
                row.verdict, row.leg_a_at, row.leg_b_at, row.talk_seconds or 0, row.coins or "",
                row.recording_url or "",
            )  # fmt: skip
            store.record_report(row_id, report)
        if row.disposition is not None:
            store.save_wrap_up(row_id, WrapUp(row.disposition, row.note or "", row.call_back_at))
        if row.outcome is Outcome.PLACED and row.report_state is ReportState.NONE:
            # A call placed before call reports were fetched: no write makes one any more.
            with sqlite3.connect(path) as db:
                db.execute("UPDATE calls SET report_state = 'none' WHERE id = ?", (row_id,))
    return store


def show_rows(qtbot: QtBot, model: HistoryModel) -> None:
    """Show the whole history in ``model`` (newest first) and wait until it is counted."""
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))


def load(qtbot: QtBot, model: HistoryModel, action: Callable[[], object]) -> None:
    """Do ``action`` (a query, a sort) and wait until its rows are counted."""
    with qtbot.waitSignal(model.counted, timeout=LOAD_TIMEOUT_MS):
        action()


def loaded(model: HistoryModel, first: int, last: int) -> bool:
    try:
        model.row_at(first)
        model.row_at(last)
    except IndexError:
        return False
    return True


def rows_held(model: HistoryModel) -> int:
    """How many rows the model holds in memory (the others are read when shown)."""
    return sum(model.loaded_row(row) is not None for row in range(model.rowCount()))


def load_rows(qtbot: QtBot, model: HistoryModel, first: int, last: int) -> None:
    """Ask for rows ``first`` to ``last`` as the history table does when it paints them
    (``HistoryModel.ready``), and wait until they are read."""
    qtbot.waitUntil(lambda: model.ready(first, last), timeout=LOAD_TIMEOUT_MS)


def load_all(qtbot: QtBot, model: HistoryModel) -> list[int]:
    """Every row's id in order, read page by page (as scrolling from top to end would)."""
    ids: list[int] = []
    for first in range(0, model.rowCount(), HistoryModel.PAGE):
        last = min(first + HistoryModel.PAGE, model.rowCount()) - 1
        load_rows(qtbot, model, first, last)
        ids += [model.row_at(i).row_id for i in range(first, last + 1)]
    return ids
