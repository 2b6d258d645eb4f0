"""The window's size: at first start what the README's promises are made at (a maximised
1366x768 screen), never more than the screen offers; later, the size the agent left it at."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from dialer_app.ui.main_window import first_size
from tests.helpers.window import Launch, wait_for_lists


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        ((1920, 1040), (1366, 700)),  # a large screen: the promised size, not all of it
        ((1366, 728), (1366, 700)),  # 1366x768 less a task bar: the columns fit
        ((1280, 680), (1280, 680)),  # smaller: the whole available screen, never more
        ((1024, 560), (1024, 560)),
    ],
)
def test_the_first_size_fits_the_promise_and_the_screen(
    available: tuple[int, int], expected: tuple[int, int]
) -> None:
    assert first_size(QSize(*available)) == QSize(*expected)


def test_the_window_opens_at_that_size_then_at_the_agents(
    qtbot: QtBot, launch: Launch, saved_key: None
) -> None:
    desk = launch()
    window = desk.window
    available = window.screen().availableGeometry().size()
    assert window.size() == first_size(available).expandedTo(window.minimumSizeHint())
    assert window.size() != QSize(1000, 640)
    wait_for_lists(qtbot, desk)

    chosen = window.size() - QSize(10, 60)  # the agent's choice (the minimum width is 778)
    window.resize(chosen)
    qtbot.waitUntil(lambda: window.size() == chosen)
    window.close()
    again = launch()

    assert again.window.size() == chosen
