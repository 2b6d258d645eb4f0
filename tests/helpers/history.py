"""The history model over a real store, through the real service and runner."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from dialer_app.core.history.store import HistoryStore
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


def load_rows(qtbot: QtBot, model: HistoryModel, first: int, last: int) -> None:
    """Read rows ``first`` to ``last`` as a view showing them would, and wait for them."""
    model.ensure_rows(first, last)
    qtbot.waitUntil(lambda: loaded(model, first, last), timeout=LOAD_TIMEOUT_MS)


def load_all(qtbot: QtBot, model: HistoryModel) -> list[int]:
    """Every row's id in order, read page by page (as scrolling from top to end would)."""
    ids: list[int] = []
    for first in range(0, model.rowCount(), HistoryModel.PAGE):
        last = min(first + HistoryModel.PAGE, model.rowCount()) - 1
        load_rows(qtbot, model, first, last)
        ids += [model.row_at(i).row_id for i in range(first, last + 1)]
    return ids
