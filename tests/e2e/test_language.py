"""The window in Hindi: every string of ours translated (digits stay ASCII), the dialogs'
buttons in Hindi too (Qt has none of its own), Devanagari drawn with real glyphs (not boxes),
the language chosen by the setting or the system."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.services.settings import DISPOSITIONS
from dialer_app.ui.common.dialogs import ConfirmRedial
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.history.columns import DISPOSITION_NAMES, disposition_text
from tests.helpers.harness import rendered, visible_texts
from tests.helpers.language import language, missing_glyphs, untranslated_sources
from tests.helpers.window import Launch, wait_for_lists


@pytest.fixture
def hindi_desk(qtbot: QtBot, launch: Launch, saved_key: None) -> Iterator[Desk]:
    with language("hi"):
        desk = launch()
        wait_for_lists(qtbot, desk)
        yield desk


def test_the_window_in_hindi_shows_none_of_our_english(qtbot: QtBot, hindi_desk: Desk) -> None:
    window = hindi_desk.window
    form = window.form
    form.number_edit.setText("098765-43210")
    with qtbot.waitSignal(hindi_desk.calls.call_finished, timeout=10000):
        form.call_button.click()
    qtbot.waitUntil(form.call_button.isEnabled)
    assert form.call_button.text() == "कॉल करें"
    assert window.dialer_menu.title() == "डायलर (&D)"
    assert rendered(window.outcome_label.text()).startswith("ग्राहक 98765 43210 का फ़ोन बज रहा है")
    headers = [window.history.model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)]
    assert headers == ["समय", "मेंबर", "ग्राहक"]
    english = untranslated_sources()
    shown = {" ".join(text.replace("&", "").split()) for text in visible_texts(window)}
    leftovers = {text for text in shown if text in {s.replace("&", "") for s in english}}
    assert not leftovers, f"English left in the Hindi window: {sorted(leftovers)}"


def test_the_default_dispositions_are_the_ones_shown_translated() -> None:
    assert list(DISPOSITION_NAMES) == DISPOSITIONS.default.split("|")
    with language("hi"):
        assert disposition_text("Call back") == "वापस कॉल करें"
        assert disposition_text("Warm lead") == "Warm lead"  # an admin's own: as written


def test_the_redial_question_has_hindi_buttons_and_return_still_does_not_call(
    qtbot: QtBot,
) -> None:
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(button.text() for button in box.findChildren(QPushButton))
        seen.append(box.windowTitle())
        box.defaultButton().click()  # what Return does

    with language("hi"):
        QTimer.singleShot(0, answer)
        called = ConfirmRedial.ask(None, "98765 43210")
    assert not called
    assert "फिर से कॉल करें (&C)" in seen
    assert "कॉल न करें (&N)" in seen
    assert "फिर से कॉल करें?" in seen


def test_member_names_and_our_text_in_devanagari_are_drawn_with_real_glyphs(
    hindi_desk: Desk,
) -> None:
    combo = hindi_desk.window.form.member_combo
    hindi = [combo.itemText(i) for i in range(combo.count()) if "राजेश" in combo.itemText(i)]
    assert hindi, "the sandbox has a member whose name is in Hindi"
    font = combo.font()
    for text in (hindi[0], hindi_desk.window.form.call_button.text(), "ग्राहक इंतज़ार करता रहा"):
        assert not missing_glyphs(text, font), f"drawn as boxes: {text!r}"
    combo.setCurrentIndex(combo.findText(hindi[0]))
    name = combo.grab().toImage()
    combo.setItemText(combo.currentIndex(), "\ue000" * len(hindi[0]))  # no font has these: boxes
    boxes = combo.grab().toImage()
    assert name != boxes


@pytest.mark.parametrize(
    ("setting", "environment", "expected"),
    [
        ("system", {"LANGUAGE": "hi", "LANG": "hi_IN.UTF-8"}, "कॉल करें"),
        ("system", {"LANGUAGE": "en", "LANG": "en_IN.UTF-8"}, "Call"),
        ("en", {"LANGUAGE": "hi", "LANG": "hi_IN.UTF-8"}, "Call"),
        ("hi", {"LANGUAGE": "en", "LANG": "C.UTF-8"}, "कॉल करें"),
    ],
)
def test_the_language_follows_the_setting_or_else_the_system(
    setting: str, environment: dict[str, str], expected: str
) -> None:
    program = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from dialer_app.ui.language import install_translations\n"
        "app = QCoreApplication([])\n"
        f"install_translations(app, {setting!r})\n"
        "sys.stdout.buffer.write(QCoreApplication.translate('DialForm', 'Call').encode())\n"
    )
    env = {**os.environ, **environment}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    done = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True,
                          check=True)  # fmt: skip
    assert done.stdout.decode() == expected


@pytest.mark.parametrize("lang", ["C", "POSIX", "C.UTF-8", "fr_FR.UTF-8"])
def test_english_plurals_when_no_other_language_is_chosen(lang: str) -> None:
    """A bare machine (C/POSIX) or a language we have no catalogue for: English, with its
    plural forms ("7 leads are ready"), never the catalogue's "lead(s)" sources."""
    program = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from dialer_app.ui.language import install_translations\n"
        "app = QCoreApplication([])\n"
        "install_translations(app, 'system')\n"
        "text = QCoreApplication.translate(\n"
        "    'ImportPreviewDialog', '%n lead(s) are ready to call from {file}.', '', 7)\n"
        "sys.stdout.buffer.write(text.encode())\n"
    )
    env = {**os.environ, "LANG": lang}
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True,
                          check=True)  # fmt: skip
    assert done.stdout.decode() == "7 leads are ready to call from {file}."


def _mnemonic(text: str) -> str:
    """The letter after a single ``&`` ("ग्राहक (&C)" -> "c"), or ""."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""


def _clashes(texts: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    found = []
    for text in texts:
        key = _mnemonic(text)
        if key and key in seen:
            found.append(f"{seen[key]!r} and {text!r} share Alt+{key.upper()}")
        seen.setdefault(key, text)
    return found


def test_in_hindi_no_two_controls_of_the_window_or_a_menu_share_a_mnemonic(
    hindi_desk: Desk,
) -> None:
    window = hindi_desk.window
    assert window.lists is not None
    labels = [label.text() for label in window.findChildren(QLabel) if label.buddy() is not None]
    buttons = [button.text() for button in window.findChildren(QAbstractButton)]
    menus = [action.text() for action in window.menuBar().actions()]
    assert "सूचियाँ (&S)" in menus
    assert "सूची (&I)" in labels
    assert _clashes(menus + labels + buttons) == []
    for menu in window.menuBar().findChildren(QMenu):
        assert _clashes([action.text() for action in menu.actions()]) == [], menu.title()


class ShowSeen(QObject):
    """Counts the Show events of the widget it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.count += 1
        return False


@pytest.mark.parametrize(
    ("why", "relayout"),
    [
        ("a taller line", lambda label: label.setFont(QFont(label.font().family(), 28))),
        ("a taller account", lambda label: label.setText("बैलेंस\nदो पंक्तियाँ")),
    ],
)
def test_a_status_message_is_never_drawn_over_the_account(
    why: str, relayout: Callable[[QLabel], None], qtbot: QtBot, hindi_desk: Desk
) -> None:
    """The bar re-lays itself out under a message (Qt then shows the account again, and
    the two Hindi texts were drawn over each other): the account stays hidden until the
    message ends, then comes back."""
    window = hindi_desk.window
    bar = window.statusBar()
    bar.clearMessage()  # whatever the start said
    qtbot.waitUntil(window.account_label.isVisible)
    window.show_notice(Notice(Level.STATUS, "टीम की लीड Aarav के रूप में ली जा रही हैं।"))
    assert not window.account_label.isVisible()
    seen = ShowSeen()
    window.account_label.installEventFilter(seen)
    relayout(window.balance_label)  # the bar redoes its layout, and Qt shows the account
    qtbot.waitUntil(lambda: seen.count == 1, timeout=2000)
    assert not window.account_label.isVisible(), why
    assert bar.currentMessage()
    bar.clearMessage()
    qtbot.waitUntil(window.account_label.isVisible, timeout=2000)
