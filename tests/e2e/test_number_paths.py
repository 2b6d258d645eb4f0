"""Every way a number comes in goes through the one parser: typed, pasted, a command-line
argument, a tel:/callto: link from another launch, the tray's clipboard, a history re-dial.

For each entry path and each input the number field must say the same thing, and Return
must send the same 10 digits (or nothing, with the same refusal): a link or an argument is
never looser than the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.core.records import HistoryRow, Outcome
from dialer_app.sandbox import Sandbox
from dialer_app.ui.common.dialogs import ConfirmRedial
from tests.helpers.text import shown
from tests.helpers.window import Launch, wait_for_lists

CLICK = "click_to_call_v3"
# input -> the 10 digits sent, or a piece of the refusal
INPUTS: list[tuple[str, str]] = [
    ("+91 98765 43210", "9876543210"),
    ("tel:+91-98765-43210", "9876543210"),
    ("९८७६५ ४३२१०", "9876543210"),
    ("\uff19\uff18\uff17\uff16\uff15\uff14\uff13\uff12\uff11\uff10", "9876543210"),
    ("0120 461 2345", "1204612345"),
    ("9876543210;ext=12", "Extensions"),
    ("98765 43210 x 12", "Extensions"),
    ("+1 415 555 1234", "foreign number"),
    ("1800 123 4567", "toll-free"),
    ("98765 4321", "Too short"),
    ("+91 98765 43210 5", "Too long"),
    ("98765 43210, 91234 56789", "holds 2 numbers"),
]


def typed(parts: Desk, text: str, qtbot: QtBot) -> None:
    """Key by key, with the text each key gives (an Indic or full-width layout included)."""
    edit = parts.window.form.number_edit
    edit.clear()
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(edit, event)
    assert edit.text() == text


def pasted(parts: Desk, text: str, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText(text)
    parts.window.form.number_edit.clear()
    parts.window.form.number_edit.paste()


def handed_over(parts: Desk, text: str, qtbot: QtBot) -> None:
    """Another launch (a tel: or callto: link, or `dialer-app NUMBER`) hands it over."""
    link = text if text.startswith("tel:") else "callto:" + quote(text)
    parts.window.on_handed_over(link)


def argument(parts: Desk, text: str, qtbot: QtBot) -> None:
    """`dialer-app NUMBER`: what start_gui does with the argument."""
    from dialer_app.core.uri import number_from_argument

    parts.window.form.number_edit.setText(number_from_argument(text))


def tray_clipboard(parts: Desk, text: str, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText(text)
    parts.window.receive_number(QGuiApplication.clipboard().text(), source="the clipboard")


PATHS: dict[str, Callable[[Desk, str, QtBot], None]] = {
    "typed": typed,
    "pasted": pasted,
    "tel:/callto: link": handed_over,
    "argument": argument,
    "tray clipboard": tray_clipboard,
}


@pytest.fixture
def ready(launch: Launch, qtbot: QtBot, saved_key: None, monkeypatch: pytest.MonkeyPatch) -> Desk:
    monkeypatch.setattr(ConfirmRedial, "ask", classmethod(lambda cls, parent, text: True))
    parts = launch()
    wait_for_lists(qtbot, parts)
    return parts


@pytest.mark.parametrize(("text", "expected"), INPUTS, ids=[t for t, _ in INPUTS])
@pytest.mark.parametrize("path", sorted(PATHS))
def test_every_entry_path_gives_the_same_verdict(
    path: str, text: str, expected: str, ready: Desk, qtbot: QtBot, sandbox: Sandbox
) -> None:
    PATHS[path](ready, text, qtbot)
    form = ready.window.form
    hint = shown(form.number_hint.text())
    accepted = expected.isdigit()
    if accepted:
        assert hint.startswith("Will dial "), hint
    else:
        assert expected in hint, hint
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    sent = sandbox.received(CLICK)
    if accepted:
        qtbot.waitUntil(lambda: len(sandbox.received(CLICK)) == 1, timeout=5000)
        assert sandbox.received(CLICK)[0].params["calling_party_a"] == expected
    else:
        assert sent == []
        assert expected in shown(ready.window.outcome_label.text())
    qtbot.waitUntil(form.call_button.isEnabled, timeout=5000)


def test_several_numbers_are_offered_and_the_agent_picks_one(
    ready: Desk, qtbot: QtBot, sandbox: Sandbox
) -> None:
    form = ready.window.form
    pasted(ready, "Asha 98765 43210 / office 0120 461 2345", qtbot)
    assert form.choice_combo.isVisible()
    assert [form.choice_combo.itemText(i) for i in range(form.choice_combo.count())] == [
        "98765 43210",
        "0120 461 2345",
    ]
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    assert sandbox.received(CLICK) == []
    assert form.choice_combo.hasFocus()  # Return took the agent to the choice
    form.choice_combo.activated.emit(1)
    assert form.number_edit.text() == "0120 461 2345"
    assert shown(form.number_hint.text()) == "Will dial 0120 461 2345 (landline)"
    assert not form.choice_combo.isVisible()


@pytest.mark.parametrize(
    ("stored", "shown_as", "kind"),
    [("9876543210", "98765 43210", "mobile"), ("1204612345", "0120 461 2345", "landline")],
)
def test_a_history_redial_goes_through_the_same_parser(
    stored: str, shown_as: str, kind: str, ready: Desk, qtbot: QtBot
) -> None:
    from datetime import UTC, datetime

    row = HistoryRow(
        row_id=1, created_at=datetime.now(UTC), member_name="Asha", member_number="9700009153",
        customer_number=stored, deskphone="01204000000", call_limit=0, outcome=Outcome.PLACED,
        campid="1", message="", finished_at=None,
    )  # fmt: skip
    ready.window.history.redial_requested.emit(row)
    form = ready.window.form
    assert form.number_edit.text() == shown_as
    assert shown(form.number_hint.text()) == f"Will dial {shown_as} ({kind})"
