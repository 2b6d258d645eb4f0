"""After every dialog of ours the window has the focus back, where it was: a file dialog
drawn by the desktop leaves no window of ours active when it closes (Alt+S would type "s",
Ctrl+Q would do nothing)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from tests.helpers.window import Launch, wait_for_lists


class DesktopDialog:
    """Stands in for a native file dialog: a window of its own takes the focus, then goes."""

    def __init__(self, qtbot: QtBot, answer: str) -> None:
        self._qtbot = qtbot
        self._answer = answer

    def __call__(self, *_args: object, **_kwargs: object) -> tuple[str, str]:
        other = QWidget()
        field = QLineEdit(other)
        other.show()
        other.activateWindow()
        field.setFocus()
        self._qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
        other.close()
        other.deleteLater()
        return self._answer, ""


def export_history(desk: Desk) -> None:
    desk.window.export_action.trigger()


def import_list(desk: Desk) -> None:
    assert desk.window.lists is not None
    desk.window.lists.files.choose_and_import()


@pytest.mark.parametrize(
    ("name", "open_dialog"),
    [("getSaveFileName", export_history), ("getOpenFileName", import_list)],
    ids=["history export", "list import"],
)
def test_the_focus_comes_back_to_where_it_was(
    qtbot: QtBot, launch: Launch, saved_key: None, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path, name: str, open_dialog: Callable[[Desk], None],
) -> None:  # fmt: skip
    desk = launch()
    wait_for_lists(qtbot, desk)
    window = desk.window
    qtbot.waitUntil(lambda: desk.window.lists is not None)
    window.activateWindow()
    window.form.number_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.form.number_edit)
    monkeypatch.setattr(QFileDialog, name, DesktopDialog(qtbot, ""))  # the agent cancels

    open_dialog(desk)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.form.number_edit
