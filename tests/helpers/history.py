"""The history model over a real store, through the real service and runner."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from dialer_app.core.history import HistoryStore
from dialer_app.services.history import HistoryService
from dialer_app.services.runner import Runner
from dialer_app.ui.history_model import HistoryModel

LOAD_TIMEOUT_MS = 10_000


def model_over(store: HistoryStore) -> HistoryModel:
    """A history model reading ``store`` on worker threads, as the window's does."""
    service = HistoryService(store, Runner())
    model = HistoryModel(service)
    service.setParent(model)
    service._runner.setParent(service)
    return model


def load(qtbot: QtBot, model: HistoryModel, action: Callable[[], object]) -> None:
    """Do ``action`` (a query, a sort, a fetch) and wait until its page is shown."""
    with qtbot.waitSignal(model.page_loaded, timeout=LOAD_TIMEOUT_MS):
        action()


def load_all(qtbot: QtBot, model: HistoryModel) -> None:
    """Fetch page after page, as a view scrolled to the end would."""
    while model.canFetchMore():
        load(qtbot, model, model.fetchMore)
