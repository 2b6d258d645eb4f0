"""One dialer per data directory, with real processes: hand-over, and a killed instance's lock.

The app runs offscreen here; the Xvfb smoke test covers a real display.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.processes import wait_for


def launch(data_dir: Path, *extra: str, **variables: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **variables}
    env.pop("DIALER_BASE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "dialer_app", "--demo", "--data-dir", str(data_dir), *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # the app's log file is what the tests read
        text=True,
    )


def log_text(data_dir: Path) -> str:
    log = data_dir / "demo" / "dialer.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


@pytest.fixture
def first(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    process = launch(tmp_path)
    wait_for(lambda: "Listening for other launches" in log_text(tmp_path), "the first dialer")
    yield process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


def test_a_second_launch_hands_its_number_over_and_nothing_dials(
    first: subprocess.Popen[str], tmp_path: Path
) -> None:
    second = launch(tmp_path, "tel:+91%2098765%2043210")
    assert second.wait(timeout=30) == 0
    assert first.poll() is None  # the first dialer is still the one running
    wait_for(lambda: "Number from a link filled in (…3210)" in log_text(tmp_path), "hand-over")
    with sqlite3.connect(tmp_path / "demo" / "history.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM calls").fetchone() == (0,)
    assert log_text(tmp_path).count("Listening for other launches") == 1


def test_a_killed_dialer_does_not_block_the_next_start(
    first: subprocess.Popen[str], tmp_path: Path
) -> None:
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert (tmp_path / "demo" / "instance.lock").exists()  # left behind
    second = launch(tmp_path)
    try:
        wait_for(lambda: log_text(tmp_path).count("Listening for other launches") == 2,
                 "the next dialer to take over")  # fmt: skip
        assert second.poll() is None
    finally:
        second.terminate()
        second.wait(timeout=30)


def test_the_launchers_activation_token_reaches_the_running_dialer(
    first: subprocess.Popen[str], tmp_path: Path
) -> None:
    second = launch(tmp_path, "098765-43210", XDG_ACTIVATION_TOKEN="token-from-the-click")
    assert second.wait(timeout=30) == 0
    wait_for(lambda: "Number from a link filled in (…3210)" in log_text(tmp_path), "hand-over")
    assert "Activation token handed over with the launch" in log_text(tmp_path)
    assert "token-from-the-click" not in log_text(tmp_path)


def test_a_minimised_start_as_the_session_does_still_loads_the_account(tmp_path: Path) -> None:
    process = launch(tmp_path, "--minimized")
    try:
        wait_for(lambda: "Loaded 30 members" in log_text(tmp_path), "the lists, window unshown")
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0
