"""Small and high-DPI screens: on 1366x768 the columns an agent needs fit without scrolling
sideways, the others come from the header's context menu and the choice is remembered; at
150 % and 200 % the window is drawn at the scale (crisp), with no text cut, in Hindi too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from dialer_app.services import settings as keys_of
from dialer_app.ui.history.column_chooser import ColumnChooser
from dialer_app.ui.history.columns import NEEDED_COLUMNS, TITLES
from tests.helpers.clipping import clipped
from tests.helpers.language import language
from tests.helpers.lists import choose_purpose, write_csv
from tests.helpers.window import Launch, wait_for_lists

NEEDED = ["Time", "Customer", "Member", "Result", "Talk"]
SCREEN_1366 = (1366, 700)  # a maximised window on 1366x768, less the task bar and title


@pytest.mark.parametrize("choice", ["en", "hi"])
def test_on_1366_by_768_the_needed_columns_fit_without_scrolling_sideways(
    qtbot: QtBot, launch: Launch, saved_key: None, choice: str
) -> None:
    with language(choice):
        desk = launch()
        wait_for_lists(qtbot, desk)
        window = desk.window
        window.resize(*SCREEN_1366)
        qtbot.waitUntil(lambda: window.width() == SCREEN_1366[0])
        view = window.history_view
        header = view.horizontalHeader()
        shown = [TITLES[i] for i in range(header.count()) if not header.isSectionHidden(i)]
        assert set(NEEDED) <= set(shown)
        widths = sum(header.sectionSize(i) for i in range(header.count())
                     if not header.isSectionHidden(i))  # fmt: skip
        assert widths <= view.viewport().width()
        qtbot.waitUntil(lambda: not view.horizontalScrollBar().isVisible())  # after the layout
        assert clipped(window) == []


def test_columns_are_chosen_from_the_header_and_remembered(
    qtbot: QtBot, launch: Launch, saved_key: None
) -> None:
    desk = launch()
    wait_for_lists(qtbot, desk)
    header = desk.window.history_view.horizontalHeader()
    message = TITLES.index("Message")
    assert header.isSectionHidden(message)
    chooser = desk.window.columns
    chooser.actions[message].trigger()  # the header's context menu: Message
    assert not header.isSectionHidden(message)
    chooser.actions[TITLES.index("Talk")].trigger()  # and Talk off
    assert "Message" in desk.settings.get(keys_of.HISTORY_COLUMNS).split("|")
    next_start = QTableView()  # the next start reads the same setting
    next_start.setModel(desk.window.history.model)
    qtbot.addWidget(next_start)
    ColumnChooser(next_start, desk.settings)
    header = next_start.horizontalHeader()
    assert not header.isSectionHidden(message)
    assert header.isSectionHidden(TITLES.index("Talk"))


@pytest.mark.parametrize(("scale", "choice"), [("1.5", "en"), ("2", "hi"), ("2", "en")])
def test_at_150_and_200_percent_the_window_is_drawn_at_scale_with_nothing_cut(
    tmp_path: Path, scale: str, choice: str
) -> None:
    target = tmp_path / "window.png"
    env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.clipping", str(target), choice],
        env=env, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if not line.startswith("image ")]
    assert lines == [], f"cut at {scale}x in {choice}: {lines}"
    image = QImage(str(target))
    assert (image.width(), image.height()) == (
        round(1280 * float(scale)),
        round(640 * float(scale)),
    )


@pytest.mark.parametrize("choice", ["en", "hi"])
def test_with_a_list_beside_the_history_the_needed_columns_of_both_stay_in_view(
    qtbot: QtBot, launch: Launch, saved_key: None, choice: str, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "leads.csv", ",", [
        ["Name", "Mobile", "City"], ["Asha Rao", "98765 43210", "Pune"],
    ])  # fmt: skip
    with language(choice):
        desk = launch()
        wait_for_lists(qtbot, desk)
        window = desk.window
        window.resize(*SCREEN_1366)
        qtbot.waitUntil(lambda: window.width() == SCREEN_1366[0])
        qtbot.waitUntil(lambda: window.lists is not None)
        assert window.lists is not None
        window.import_list(str(source))
        files = window.lists.files
        qtbot.waitUntil(lambda: files.preview_dialog is not None, timeout=5000)
        dialog = files.preview_dialog
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        choose_purpose(qtbot, dialog, "service")
        QTest.keyClick(dialog, Qt.Key.Key_Return)
        panel = window.lists.panel
        qtbot.waitUntil(panel.isVisible, timeout=5000)
        history = window.history_view
        header = history.horizontalHeader()
        for column in NEEDED_COLUMNS:  # time, member, customer, result, talk
            assert header.sectionViewportPosition(column) + header.sectionSize(column) <= (
                history.viewport().width()
            ), TITLES[column]
        leads = panel.view.horizontalHeader()
        for column in range(5):  # #, name, number, status, attempts
            assert leads.sectionViewportPosition(column) + leads.sectionSize(column) <= (
                panel.view.viewport().width()
            ), column
