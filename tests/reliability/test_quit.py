"""Quitting from outside the window: Ctrl+C (SIGINT), SIGTERM and the session ending.

A real app process (``quit_driver.py``, the real entry point) places a call that the sandbox
holds; the test asks it to quit while the request is in flight. It must take the one shutdown
path: exit code 0, no traceback or error on stderr, the call finished in the history as
unknown, the single-instance socket and lock gone.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dialer_app.lifetime import Lifetime
from dialer_app.sandbox import Fault, Sandbox
from dialer_app.services.single_instance import server_name
from tests.helpers import quit_driver
from tests.helpers.keys import SENTINEL

ROOT = Path(__file__).resolve().parents[2]
CLICK = "click_to_call_v3"


def outcomes(data_dir: Path) -> list[str]:
    path = data_dir / "history.sqlite3"
    if not path.exists():
        return []
    try:
        with closing(sqlite3.connect(path, timeout=1)) as db:  # closed: the app's are the last
            return [row[0] for row in db.execute("SELECT outcome FROM calls ORDER BY id")]
    except sqlite3.OperationalError:  # the app is still creating its tables
        return []


def wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        assert process.poll() is None, f"the app exited ({process.returncode}) before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize(
    "signal_number", [signal.SIGINT, signal.SIGTERM], ids=["sigint", "sigterm"]
)
def test_a_signal_mid_request_quits_cleanly_and_finishes_the_row(
    sandbox: Sandbox, data_dir: Path, tmp_path: Path, signal_number: int
) -> None:
    sandbox.inject(CLICK, Fault.STALL)
    stderr = tmp_path / "stderr.txt"
    env = {**os.environ, "DIALER_TEST_AUTHCODE": SENTINEL, "PYTHONPATH": str(ROOT)}
    with stderr.open("w") as stderr_file:
        process = subprocess.Popen(
            [sys.executable, quit_driver.__file__, sandbox.base_url, str(data_dir)],
            stdout=subprocess.PIPE, stderr=stderr_file, text=True, env=env, cwd=ROOT,
        )  # fmt: skip
    socket_file = Path(tempfile.gettempdir()) / server_name(data_dir)
    try:
        wait_for(lambda: outcomes(data_dir) == ["sending"], "the call's row", process)
        wait_for(lambda: len(sandbox.received(CLICK)) == 1, "the request", process)
        assert socket_file.exists()
        process.send_signal(signal_number)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    assert process.stdout is not None
    printed = process.stdout.read()
    process.stdout.close()
    errors = stderr.read_text()
    assert process.returncode == 0, errors
    assert "Traceback" not in errors
    assert [line for line in errors.splitlines() if " ERROR " in line or "CRITICAL" in line] == []
    assert "CALLING" in printed
    assert SENTINEL not in printed
    journals = [p.name for p in data_dir.iterdir() if p.name.endswith(("-wal", "-shm"))]
    assert journals == []  # every database closed (read before this test opens one)
    assert outcomes(data_dir) == ["unknown"]
    assert not socket_file.exists()
    assert not (data_dir / "instance.lock").exists()
    assert len(sandbox.received(CLICK)) == 1  # never sent again on the way out


def test_the_session_ending_runs_the_shutdown_before_anything_else(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ran: list[str] = []
    lifetime = Lifetime(app, lambda: ran.append("shutdown"))
    try:
        # A QSessionManager cannot be made outside a session, so the slot the session's
        # commitDataRequest is connected to is called as the session manager would.
        lifetime._on_app_commit_data_request(None)  # type: ignore[arg-type]
        assert ran == ["shutdown"]
    finally:
        lifetime.restore()
        lifetime.setParent(None)
