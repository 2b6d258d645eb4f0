"""Text from the service stays text: every place the window shows it, for every hostile string.

The sandbox sends a member name, a balance counter, an error message and a recording link
holding markup, a link, or a right-to-left override. Wherever the window shows them (member
list, recent calls under the number, the re-dial question, the banner, the status bar,
tooltips, the tray) they must read literally: no markup rendered, no link to click, no
direction control, and the agent's own number still reads left to right.
"""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.core.text import BIDI_CONTROLS
from dialer_app.sandbox import Fault, Sandbox
from dialer_app.ui.common.plain import notification
from tests.helpers.harness import rendered
from tests.helpers.text import shown
from tests.helpers.window import Launch, cell, wait_for_lists

HOSTILE = {
    "link": '<a href="https://evil.invalid/">Open</a>',
    "markup": "<b>Big</b> &amp; <i>tilted</i> <img src=x>",
    "rlo": "Ravi \u202e0123456789\u202c Kumar",
    "isolates": "\u2067\u05d0\u05d1\u2069 \u2066x",
}
MEMBER_ID = "4501"  # Aarav Sharma, 9700009153: listed first once renamed with these


def literal(value: str) -> str:
    """What the agent must read: the string itself, minus its direction controls."""
    return "".join(ch for ch in value if ch not in BIDI_CONTROLS)


def reads_literally(label: QLabel, value: str) -> None:
    """The label shows ``value`` as written: plain text, or escaped inside our rich text."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.PlainText:
        assert literal(value) in shown(text)
    else:
        assert label.textFormat() == Qt.TextFormat.RichText, f"{label.objectName()} guesses"
        assert literal(value) in shown(rendered(text))
        assert "<" not in value or value not in text  # only ever escaped
    assert not any(ch in text for ch in "\u202a\u202b\u202d\u202e")


def choose_our_member(desk: Desk) -> None:
    combo = desk.window.form.member_combo
    index = next(i for i in range(combo.count()) if "9700009153" in str(combo.itemData(i)))
    combo.setCurrentIndex(index)


@pytest.fixture(params=sorted(HOSTILE))
def hostile(request: pytest.FixtureRequest, sandbox: Sandbox) -> str:
    value = HOSTILE[request.param]
    sandbox.rename_member(MEMBER_ID, value)
    sandbox.set_balance("avail_obd_coins", value)
    return value


@pytest.fixture
def desk(hostile: str, launch: Launch, qtbot: QtBot, saved_key: None) -> Desk:
    parts = launch()
    wait_for_lists(qtbot, parts)
    qtbot.waitUntil(lambda: "coins" in parts.window.balance_label.text())
    return parts


def test_member_list_shows_the_name_as_text_and_the_number_left_to_right(
    desk: Desk, hostile: str
) -> None:
    combo = desk.window.form.member_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    ours = next(text for text in texts if "9700009153" in text)
    assert literal(hostile) in shown(ours)
    assert not any(ch in ours for ch in "\u202a\u202b\u202d\u202e")  # no override survives
    assert shown(ours).endswith("(9700009153)")  # the number after the name, as typed
    assert "\u2069 (\u20669700009153\u2069)" in ours  # the name isolated, the number LTR


def test_status_bar_shows_the_balance_as_text(desk: Desk, hostile: str) -> None:
    reads_literally(desk.window.balance_label, hostile)


def test_recent_calls_and_the_redial_question_show_the_name_as_text(
    desk: Desk, hostile: str, qtbot: QtBot, sandbox: Sandbox
) -> None:
    form = desk.window.form
    choose_our_member(desk)
    form.number_edit.setText("98765 43216")
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(desk, "Outcome") == "Placed" and form.call_button.isEnabled())
    form.number_edit.setText("")
    form.number_edit.setText("9876543216")
    qtbot.waitUntil(lambda: form.recent_label.text().startswith("Called before"))
    reads_literally(form.recent_label, hostile)
    seen: list[tuple[Qt.TextFormat, str]] = []

    def inspect() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and not seen:
            seen.append((box.textFormat(), box.text()))
            box.reject()

    timer = QTimer(desk.window)
    timer.timeout.connect(inspect)
    timer.start(10)
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen) and form.call_button.isEnabled())
    text_format, text = seen[0]
    assert text_format == Qt.TextFormat.PlainText
    assert literal(hostile) in shown(text)
    assert len(sandbox.received("click_to_call_v3")) == 1


def test_banner_and_tooltip_show_a_refusal_as_text(
    desk: Desk, hostile: str, qtbot: QtBot, sandbox: Sandbox
) -> None:
    sandbox.inject("click_to_call_v3", Fault.ERROR_MESSAGE, message=hostile)
    form = desk.window.form
    form.number_edit.setText("98765 43210")
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(desk, "Outcome") == "Rejected" and form.call_button.isEnabled())
    reads_literally(desk.window.outcome_label, hostile)
    links = re.findall(r'<a href="([^"]*)"', desk.window.outcome_label.text())
    assert set(links) <= {"account", "call-again"}  # only our own links are live
    model = desk.window.history_view.model()
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert literal(hostile) in shown(tip)
    assert "<a " not in tip
    assert "<b>" not in tip


def test_worst_case_banner_and_tray_show_the_name_as_text(
    desk: Desk, hostile: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dialer_app.ui.tray import Tray

    choose_our_member(desk)
    tray = Tray(desk.window, desk.calls, desk.verdicts, desk.settings)
    messages: list[str] = []
    monkeypatch.setattr(tray.icon, "showMessage", lambda title, text, *a: messages.append(text))
    form = desk.window.form
    form.number_edit.setText("98765 43219")  # the sandbox: the member does not pick up
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    desk.window.showMinimized()
    qtbot.waitUntil(lambda: cell(desk, "Result").startswith("⚠"), timeout=5000)
    reads_literally(desk.window.outcome_label, hostile)
    qtbot.waitUntil(lambda: len(messages) >= 1)
    for text in messages:  # escaped on Linux, where notification servers read markup
        assert text == notification(html.unescape(text))
        assert literal(hostile) not in text or "<" not in hostile
