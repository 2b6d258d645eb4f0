"""Recording links open only when https; the window's export writes Excel or CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.sandbox import Sandbox
from dialer_app.ui.common import dialogs
from dialer_app.ui.history.columns import RECORDING_COLUMN
from tests.helpers.text import shown
from tests.helpers.window import Launch, cell, wait_for_lists
from tests.helpers.xlsx import read_sheet


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()))
    return urls


def connected_call(qtbot: QtBot, parts: Desk) -> None:
    form = parts.window.form
    form.number_edit.setText("9876543210")
    form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Result") == "Connected", timeout=5000)


@pytest.mark.usefixtures("saved_key")
@pytest.mark.parametrize(
    ("url", "opens"),
    [
        ("https://recordings.example.com/3570001.mp3", True),
        ("file:///etc/passwd", False),
        ("http://recordings.example.com/3570001.mp3", False),
        ("javascript:alert(1)", False),
        ("smb://fileserver/share/3570001.mp3", False),
    ],
)
def test_a_recording_opens_only_when_it_is_https(
    url: str, opens: bool, qtbot: QtBot, launch: Launch, sandbox: Sandbox, opened: list[str]
) -> None:
    sandbox.set_recording_url(url)
    parts = launch()
    wait_for_lists(qtbot, parts)
    connected_call(qtbot, parts)
    view = parts.window.history_view
    view.activated.emit(view.model().index(0, RECORDING_COLUMN))
    if opens:
        assert opened == [url]
    else:
        assert opened == []
        banner = shown(parts.window.outcome_label.text())
        assert "not a secure https:// address" in banner
        assert url in banner


@pytest.mark.usefixtures("saved_key")
@pytest.mark.parametrize(("name", "xlsx"), [("calls.xlsx", True), ("calls.csv", False),
                                            ("calls", True)])  # fmt: skip
def test_the_window_exports_excel_or_csv(
    name: str, xlsx: bool, qtbot: QtBot, launch: Launch, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    target = dialogs.target_for(str(tmp_path / name), xlsx=True)
    monkeypatch.setattr(dialogs.ExportDialog, "ask", classmethod(lambda cls, parent: target))
    parts = launch()
    wait_for_lists(qtbot, parts)
    connected_call(qtbot, parts)
    parts.window.export_action.trigger()
    qtbot.waitUntil(lambda: "Exported 1 row to" in parts.window.statusBar().currentMessage())
    assert target.suffix == (".xlsx" if xlsx else ".csv")
    if xlsx:
        header, row = read_sheet(target)
        deskphone = row[[c.value for c in header].index("deskphone")]
        assert deskphone.kind == "text"
        assert deskphone.value.startswith("0")  # the leading zero survives in Excel
    else:
        assert target.read_bytes().startswith(b"\xef\xbb\xbf")
