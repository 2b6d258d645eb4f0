"""The history as an agent works from it: verdicts, the worst case, re-dial, filter, export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.sandbox import Sandbox
from dialer_app.ui.common.dialogs import ConfirmRedial
from tests.helpers.text import shown
from tests.helpers.window import cell


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def ask(cls, parent, text: str) -> bool:  # type: ignore[no-untyped-def]
        asked.append(text)
        return True

    monkeypatch.setattr(ConfirmRedial, "ask", classmethod(ask))
    return asked


def call(qtbot: QtBot, parts: Desk, number: str) -> None:
    rows = parts.window.history_view.model().rowCount()
    parts.window.form.number_edit.setText(number)
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: parts.window.history_view.model().rowCount() == rows + 1)
    qtbot.waitUntil(lambda: parts.window.form.call_button.isEnabled())


def test_verdicts_arrive_and_the_waiting_customer_can_be_called_again(
    qtbot: QtBot, parts: Desk, sandbox: Sandbox, confirmations: list[str]
) -> None:
    call(qtbot, parts, "98765 43219")  # the sandbox: customer answers, member does not
    qtbot.waitUntil(
        lambda: cell(parts, "Result").startswith("⚠ Customer left waiting"), timeout=5000
    )
    banner = parts.window.outcome_label.text()
    assert "98765 43219 answered, but Aarav Sharma did not pick up" in shown(banner)
    assert cell(parts, "Customer answered") != ""
    assert cell(parts, "Member answered") == ""
    parts.window.form.number_edit.setText("")
    parts.window.call_again_action.trigger()  # F9
    qtbot.waitUntil(lambda: len(sandbox.received("click_to_call_v3")) == 2)
    assert "98765 43219 was already called" in confirmations[0]
    second = sandbox.received("click_to_call_v3")[1].params
    assert second["calling_party_a"] == "9876543219"


def test_connected_calls_show_talk_time_and_recording(qtbot: QtBot, parts: Desk) -> None:
    call(qtbot, parts, "9876543210")
    qtbot.waitUntil(lambda: cell(parts, "Result") == "Connected", timeout=5000)
    assert cell(parts, "Recording") == "▶ Play"
    assert cell(parts, "Talk").endswith(" s")


def test_typing_a_number_shows_its_last_calls(qtbot: QtBot, parts: Desk) -> None:
    call(qtbot, parts, "9876543216")
    form = parts.window.form
    form.number_edit.setText("9123456789")
    assert form.recent_label.text() == ""
    form.number_edit.setText("+91 98765 43216")
    qtbot.waitUntil(lambda: form.recent_label.text().startswith("Called before: "))
    assert "Aarav Sharma (Placed" in shown(form.recent_label.text())


def test_redial_from_a_history_row_fills_the_form_and_waits_for_return(
    qtbot: QtBot, parts: Desk, sandbox: Sandbox, confirmations: list[str]
) -> None:
    form = parts.window.form
    form.limit_spin.setValue(120)
    call(qtbot, parts, "9876543210")
    form.number_edit.setText("")
    form.limit_spin.setValue(0)
    view = parts.window.history_view
    view.activated.emit(view.model().index(0, 1))
    assert form.number_edit.text() == "98765 43210"
    assert form.limit_spin.value() == 120
    assert len(sandbox.received("click_to_call_v3")) == 1  # nothing dials by itself
    form.number_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: len(sandbox.received("click_to_call_v3")) == 2)
    assert confirmations


def test_filter_and_export_what_is_shown(
    qtbot: QtBot, parts: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in ("9876543210", "9123456780", "9876500001"):
        call(qtbot, parts, number)
    panel = parts.window.history
    panel.filter_edit.setText("98765")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    target = tmp_path / "shown.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    parts.window.export_action.trigger()
    status = parts.window.statusBar()
    qtbot.waitUntil(lambda: status.currentMessage().startswith("Exported"), timeout=5000)
    with target.open(newline="") as handle:
        numbers = [row["customer_number"] for row in csv.DictReader(handle)]
    assert sorted(numbers) == ["9876500001", "9876543210"]
    assert "Exported 2 rows" in parts.window.statusBar().currentMessage()
