"""The keyboard through the real window: the re-dial question's safe default, the README's
shortcuts from the start-up focus, and no two widgets sharing a mnemonic."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.sandbox import Sandbox
from tests.helpers.window import Launch, wait_for_lists

CLICK = "click_to_call_v3"
README_SHORTCUTS = {  # what the README names, and the menu action it must trigger
    "Ctrl+E": "export_action",
    "Ctrl+,": "account_action",
    "F9": "call_again_action",
    "F5": "refresh_action",
    "F11": "opt_out_action",
}


def calls(sandbox: Sandbox) -> int:
    return len(sandbox.received(CLICK))


def answer_questions(parts: Desk, answer: Callable[[QMessageBox], None]) -> list[QMessageBox]:
    """Each time the re-dial question opens, ``answer`` acts on it like the agent would."""
    asked: list[QMessageBox] = []

    def check() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and box.objectName() == "confirmRedial":
            if not asked or asked[-1] is not box:
                asked.append(box)
            # Again on the next tick while the same question is still open: offscreen, the
            # box becomes the active window a moment after it shows, and a mnemonic such as
            # Alt+C only reaches an active window. Each answer still counts as one question.
            answer(box)

    timer = QTimer(parts.window)  # stops with the window
    timer.setInterval(10)
    timer.timeout.connect(check)
    timer.start()
    return asked


def first_call(qtbot: QtBot, parts: Desk, sandbox: Sandbox) -> None:
    wait_for_lists(qtbot, parts)
    form = parts.window.form
    form.number_edit.setText("98765 43210")
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: calls(sandbox) == 1 and form.call_button.isEnabled(), timeout=5000)


def key_on(target: Callable[[QMessageBox], QWidget | None], key: Qt.Key,
           modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
           ) -> Callable[[QMessageBox], None]:  # fmt: skip
    def act(box: QMessageBox) -> None:
        widget = target(box) or box
        box.activateWindow()  # as the desktop does for a new question (offscreen does not)
        widget.setFocus()
        QTest.keyClick(widget, key, modifier)

    return act


def button(name: str) -> Callable[[QMessageBox], QWidget | None]:
    return lambda box: box.findChild(QAbstractButton, name)


def click(name: str) -> Callable[[QMessageBox], None]:
    def act(box: QMessageBox) -> None:
        button = box.findChild(QAbstractButton, name)
        assert button is not None, name
        button.click()

    return act


RETURN, ALT = Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier


@pytest.mark.usefixtures("saved_key")
@pytest.mark.parametrize(
    ("how", "answer", "calls_after"),
    [
        ("Return", key_on(lambda box: None, Qt.Key.Key_Return), 1),
        ("Enter", key_on(lambda box: None, Qt.Key.Key_Enter), 1),
        ("Escape", key_on(lambda box: None, Qt.Key.Key_Escape), 1),
        ("Return on a focused 'Call again'", key_on(button("callAgainButton"), RETURN), 1),
        ("click on 'Don't call'", click("dontCallButton"), 1),
        ("Alt+C, its mnemonic", key_on(lambda box: None, Qt.Key.Key_C, ALT), 2),
        ("click on 'Call again'", click("callAgainButton"), 2),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)  # fmt: skip
def test_the_redial_question_calls_only_on_a_deliberate_act(
    how: str,
    answer: Callable[[QMessageBox], None],
    calls_after: int,
    qtbot: QtBot,
    launch: Launch,
    sandbox: Sandbox,
) -> None:
    parts = launch()
    first_call(qtbot, parts, sandbox)
    asked = answer_questions(parts, answer)
    form = parts.window.form
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)  # the same customer, seconds later
    qtbot.waitUntil(lambda: len(asked) == 1)
    qtbot.waitUntil(lambda: calls(sandbox) == calls_after and form.call_button.isEnabled())
    if calls_after == 1:
        assert "was called moments ago" in parts.window.outcome_label.text()


@pytest.mark.usefixtures("saved_key")
def test_a_hammered_return_places_one_call(qtbot: QtBot, launch: Launch, sandbox: Sandbox) -> None:
    parts = launch()
    wait_for_lists(qtbot, parts)
    form = parts.window.form
    form.number_edit.setText("98765 43210")
    asked = answer_questions(parts, key_on(lambda box: None, Qt.Key.Key_Return))
    for _press in range(6):  # the agent keeps hitting Return while the first call goes out
        QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(form.call_button.isEnabled, timeout=5000)
    assert calls(sandbox) == 1
    assert asked  # every later press met the question, and Return answered "don't call"
    assert parts.window.history_view.model().rowCount() == 1


@pytest.mark.usefixtures("saved_key")
@pytest.mark.parametrize("keys", sorted(README_SHORTCUTS))
def test_every_readme_shortcut_works_from_the_start_up_focus(
    keys: str, qtbot: QtBot, launch: Launch, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dialer_app.ui.common import dialogs

    monkeypatch.setattr(dialogs.ExportDialog, "ask", classmethod(lambda cls, parent: None))
    monkeypatch.setattr(dialogs.AccountDialog, "ask", classmethod(lambda cls, *a, **k: None))
    parts = launch()
    wait_for_lists(qtbot, parts)
    window = parts.window
    window.activateWindow()
    qtbot.waitUntil(lambda: window.form.number_edit.hasFocus())  # where the focus starts
    target: QAction = getattr(window, README_SHORTCUTS[keys])
    assert QKeySequence(keys) in target.shortcuts()
    sequence = QKeySequence(keys)[0]  # type: ignore[index]
    with qtbot.waitSignal(target.triggered, timeout=2000):
        QTest.keyClick(window.form.number_edit, sequence.key(), sequence.keyboardModifiers())


TEAM_SHORTCUTS = ("F10",)  # a team desk's Team → Pause… (tests/team/test_desk_presence.py,
# tests/team/test_desk_supervisor.py): only a team desk has the Team menu


def test_the_readme_names_these_shortcuts() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for keys in (*README_SHORTCUTS, *TEAM_SHORTCUTS):
        assert f"({keys})" in readme or f"**{keys}**" in readme, keys


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter -> what has it, for the labels, buttons and menus the window shows."""
    found: dict[str, list[str]] = {}
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
    texts += [menu.text() for menu in root.menuBar().actions()]  # type: ignore[attr-defined]
    for text in texts:
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            found.setdefault(match.group(1).lower(), []).append(text)
    return found


def menu_mnemonics(root: QWidget) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for menu_action in root.menuBar().actions():  # type: ignore[attr-defined]
        for item in menu_action.menu().actions():
            match = re.search(r"&([^&\s])", item.text())
            if match:
                found.setdefault(match.group(1).lower(), []).append(item.text())
    return found


@pytest.mark.usefixtures("saved_key")
def test_no_two_things_share_a_mnemonic(qtbot: QtBot, launch: Launch) -> None:
    window = launch().window
    for scope in (mnemonics(window), menu_mnemonics(window)):
        shared = {key: texts for key, texts in scope.items() if len(texts) > 1}
        assert shared == {}
