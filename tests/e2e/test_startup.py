"""The API address is checked the same way from the flag, the environment, settings.ini and the
dialog; a refusal at start-up is shown in a dialog when there is a display, and on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from dialer_app.app import main
from dialer_app.composition import assemble
from dialer_app.core.config import Paths
from dialer_app.core.logsetup import Redactor
from dialer_app.sandbox import Sandbox
from dialer_app.ui import startup
from dialer_app.ui.common.dialogs import AccountChoice, AccountDialog
from tests.helpers.harness import rendered
from tests.helpers.keys import SENTINEL
from tests.helpers.window import wait_for_lists


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Start-up refusal dialogs shown (as if on a desktop with a display)."""
    shown: list[str] = []
    monkeypatch.setattr(startup, "has_display", lambda: True)
    monkeypatch.setattr(
        startup.StartupRefusal, "show", classmethod(lambda cls, text: shown.append(text))
    )
    return shown


@pytest.mark.parametrize(
    ("argv", "environment", "source"),
    [
        (["--base-url", "http://app.callerdesk.io/api/"], None, "--base-url"),
        ([], "http://app.callerdesk.io/api/", "DIALER_BASE_URL"),
        (["--base-url", "http://128.0.0.1/api/"], "https://ok.example/api/", "--base-url"),
    ],
)
def test_a_refused_address_at_start_up_is_said_in_a_dialog_and_on_stderr(
    argv: list[str],
    environment: str | None,
    source: str,
    data_dir: Path,
    refusals: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if environment is None:
        monkeypatch.delenv("DIALER_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("DIALER_BASE_URL", environment)
    assert main([*argv, "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert f"from {source} is refused" in err
    assert len(refusals) == 1
    assert refusals[0] in err


def test_without_a_display_the_refusal_is_on_stderr_only(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        startup.StartupRefusal, "show", classmethod(lambda cls, text: shown.append(text))
    )
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert main(["--base-url", "http://example.com/", "--data-dir", str(data_dir)]) == 2
    assert "must start with https://" in capsys.readouterr().err
    assert shown == []


@pytest.mark.parametrize(
    "saved", ["http://app.callerdesk.io/api/", "ftp://x.example/", "http://10.0.0.5/api/"]
)
def test_a_plain_http_address_in_settings_ini_is_never_used(
    saved: str,
    qtbot: QtBot,
    data_dir: Path,
    sandbox: Sandbox,
    logs_to_data_dir: Redactor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("account/base_url", saved)
    settings.sync()
    asked: list[str] = []

    def ask(
        cls: object, /, parent: object, base_url: str, has_key: bool, note: str, **_: object
    ) -> AccountChoice:
        asked.append(base_url)
        return AccountChoice(sandbox.base_url, SENTINEL)

    monkeypatch.setattr(AccountDialog, "ask", classmethod(ask))
    parts = assemble(Paths(data_dir), logs_to_data_dir, base_url=None)
    qtbot.addWidget(parts.window)
    said: list[str] = []
    parts.window._account.notice.connect(lambda notice: said.append(notice.text))
    parts.window.show()
    parts.window.start()
    try:
        wait_for_lists(qtbot, parts)  # after the agent chose again in the account dialog
    finally:
        parts.window.close()  # the desk shuts down: its clients and their sockets are closed
    assert asked == ["https://cloud.digidonar.in/api_v2/"]  # the refused one is not offered
    assert any(f"The API address {saved} from settings.ini is refused" in text for text in said)


def test_a_refused_address_in_settings_ini_is_said_on_stderr_and_in_the_dialog_and_stays(
    qtbot: QtBot,
    data_dir: Path,
    logs_to_data_dir: Redactor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    saved = "http://10.0.0.5/api/"
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("account/base_url", saved)
    settings.sync()
    notes: list[str] = []

    def escape(
        cls: object, /, parent: object, base_url: str, has_key: bool, note: str, **_: object
    ) -> None:
        notes.append(note)  # the agent reads it, then presses Escape

    monkeypatch.setattr(AccountDialog, "ask", classmethod(escape))
    parts = assemble(Paths(data_dir), logs_to_data_dir, base_url=None)
    qtbot.addWidget(parts.window)
    parts.window.show()
    parts.window.start()
    try:
        qtbot.waitUntil(lambda: len(notes) == 1)
        banner = rendered(parts.window.outcome_label.text())
    finally:
        parts.window.close()
    refusal = f"The API address {saved} from settings.ini is refused"
    assert refusal in capsys.readouterr().err
    assert refusal in notes[0]
    assert refusal in banner  # Escape leaves the reason, not "No API key yet"
    assert "No API key yet" not in banner


def test_a_dialer_that_holds_the_lock_but_never_answers_is_said_in_a_dialog(
    data_dir: Path, refusals: list[str], capsys: pytest.CaptureFixture[str], qtbot: QtBot
) -> None:
    from dialer_app.services.single_instance import SingleInstance

    holder = SingleInstance(data_dir)
    assert holder.claim(listen=False)  # alive (this process) but deaf
    try:
        assert main(["--data-dir", str(data_dir)]) == 1
    finally:
        holder.release()
    assert "does not answer" in capsys.readouterr().err
    assert len(refusals) == 1
    assert "does not answer" in refusals[0]
