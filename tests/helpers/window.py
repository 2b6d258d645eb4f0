"""The real window in a test: what starts it, waiting for its lists, reading its history."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.ui.history.columns import COLUMNS

LISTS_TIMEOUT_MS = 5000

# What the ``launch`` fixture gives: start the app (optionally against another base URL).
Launch = Callable[..., Desk]


def wait_for_lists(qtbot: QtBot, parts: Desk) -> None:
    """Wait until the member and deskphone lists are in their combos."""
    form = parts.window.form
    qtbot.waitUntil(lambda: form.member_combo.count() > 0, timeout=LISTS_TIMEOUT_MS)
    qtbot.waitUntil(lambda: form.deskphone_combo.count() > 0, timeout=LISTS_TIMEOUT_MS)


def cell(parts: Desk, column: str, row: int = 0) -> str:
    """The text the history table shows in ``column`` (a title) of ``row``."""
    model = parts.window.history_view.model()
    index = model.index(row, [c.title for c in COLUMNS].index(column))
    return str(model.data(index))
