"""Links reaching the running dialer: a second launch's hand-over (with the activation token
its launcher gave it) and macOS's QFileOpenEvent, delivered with QCoreApplication.sendEvent."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dialer_app.services.file_open import FileOpenEvents
from dialer_app.services.single_instance import (
    SingleInstance,
    activation_token,
    decode,
    decode_import_list,
    encode,
)


def test_the_token_comes_from_wayland_first_then_x11_startup_notification() -> None:
    assert activation_token({"XDG_ACTIVATION_TOKEN": "w", "DESKTOP_STARTUP_ID": "x"}) == "w"
    assert activation_token({"DESKTOP_STARTUP_ID": "x"}) == "x"
    assert activation_token({}) == ""


def test_messages_carry_argument_and_token_and_plain_lines_still_work() -> None:
    line = encode("tel:+919876543210", "tok-1").decode()

    assert line.endswith("\n")
    assert decode(line.strip()) == ("tel:+919876543210", "tok-1")
    assert decode("098765-43210") == ("098765-43210", "")
    assert decode('["not", "an", "object"]') == ('["not", "an", "object"]', "")
    assert decode('{"argument": 5}') == ("", "")


@pytest.fixture
def running(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SingleInstance]:
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "")  # restored (or removed) afterwards
    monkeypatch.delenv("XDG_ACTIVATION_TOKEN")
    instance = SingleInstance(tmp_path / "data")
    assert instance.claim()
    yield instance
    instance.release()


def test_a_hand_over_gives_the_running_dialer_the_launchers_token(
    qtbot: QtBot, running: SingleInstance, tmp_path: Path
) -> None:
    second = SingleInstance(tmp_path / "data")
    with qtbot.waitSignal(running.received) as received:
        assert second.hand_over("tel:+91-98765-43210", token="click-token-7")

    assert received.args == ["tel:+91-98765-43210"]
    assert os.environ["XDG_ACTIVATION_TOKEN"] == "click-token-7"  # for Qt's next activation


def test_a_hand_over_without_a_token_leaves_the_environment_alone(
    qtbot: QtBot, running: SingleInstance, tmp_path: Path
) -> None:
    with qtbot.waitSignal(running.received) as received:
        assert SingleInstance(tmp_path / "data").hand_over("", token="")

    assert received.args == [""]
    assert "XDG_ACTIVATION_TOKEN" not in os.environ


def test_a_macos_open_url_event_becomes_a_number_to_fill_in(
    qtbot: QtBot, qapp: QApplication
) -> None:
    events = FileOpenEvents(qapp)
    try:
        with qtbot.waitSignal(events.received) as received:
            QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl("tel:+91-98765-43210")))
        assert received.args == ["tel:+91-98765-43210"]
        with qtbot.assertNotEmitted(events.received):
            QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl("https://example.com/")))
            QCoreApplication.sendEvent(qapp, QFileOpenEvent("/Users/agent/list.csv"))
    finally:
        qapp.removeEventFilter(events)
        events.deleteLater()


def test_a_lead_file_travels_as_an_absolute_path_beside_the_old_keys() -> None:
    line = encode("", "tok", import_list="/home/agent/leads.csv").decode().strip()
    assert decode(line) == ("", "tok")  # what older readers read still reads the same
    assert decode_import_list(line) == "/home/agent/leads.csv"
    assert decode_import_list(encode("tel:1", "").decode()) == ""
    assert decode_import_list('{"import_list": "relative.csv"}') == ""  # never a relative path
    assert decode_import_list('{"import_list": 5}') == ""
    assert "import_list" not in encode("x", "").decode()


def test_a_second_launch_with_a_lead_file_asks_the_running_dialer_to_import_it(
    qtbot: QtBot, running: SingleInstance, tmp_path: Path
) -> None:
    wanted = str(tmp_path / "leads.csv")
    with (
        qtbot.assertNotEmitted(running.received),
        qtbot.waitSignal(running.import_requested) as requested,
    ):
        assert SingleInstance(tmp_path / "data").hand_over("", token="", import_list=wanted)
    assert requested.args == [wanted, ""]


def test_a_lead_files_purpose_travels_with_it(
    qtbot: QtBot, running: SingleInstance, tmp_path: Path
) -> None:
    wanted = str(tmp_path / "leads.csv")
    assert "purpose" not in encode("", "", purpose="service").decode()  # only with a file
    with qtbot.waitSignal(running.import_requested) as requested:
        assert SingleInstance(tmp_path / "data").hand_over(
            "", token="", import_list=wanted, purpose="Service"
        )
    assert requested.args == [wanted, "Service"]
