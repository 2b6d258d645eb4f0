"""The app process is killed (SIGKILL) while a call request is in flight.

A real subprocess assembles the app against the sandbox of this test, places one call that
is answered, then one that the sandbox holds (``STALL``). Once the history file has the
``sending`` row and the sandbox has read the request, the process is killed. The next start
must show that row as unknown (it may have rung), keep the earlier row as it was, place the
next call, and have leaked the key nowhere, the killed process's output included.
"""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dialer_app.core.records import Outcome
from dialer_app.sandbox import Fault, Sandbox
from dialer_app.services.history import UNFINISHED_MESSAGE
from tests.helpers import crash_driver
from tests.helpers.harness import Desk, leaks, unmasked_numbers
from tests.helpers.keys import SENTINEL
from tests.helpers.matrix import Collector, MatrixRow

CLICK = "click_to_call_v3"
ROOT = Path(__file__).resolve().parents[2]


def _rows(data_dir: Path) -> list[tuple[str, str, str | None]]:
    path = data_dir / "history.sqlite3"
    if not path.exists():
        return []
    with sqlite3.connect(path, timeout=1) as db:
        return db.execute(
            "SELECT outcome, customer_number, campid FROM calls ORDER BY id"
        ).fetchall()


def _wait(condition: Callable[[], bool], what: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 20
    while not condition():
        if process.poll() is not None:
            raise AssertionError(f"the app exited ({process.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


class Output:
    """The app's stdout, line by line, read on a thread so a hung app cannot hang the test."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.text: list[str] = []
        self._thread = threading.Thread(target=self._pump, args=(process,), daemon=True)
        self._thread.start()

    def _pump(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.text.append(line)
            self.lines.put(line.strip())

    def expect(self, line: str, stderr: Path) -> None:
        try:
            got = self.lines.get(timeout=20)
        except queue.Empty:
            got = "(nothing in 20 s)"
        assert got == line, f"the app printed {got!r}; its stderr:\n{stderr.read_text()}"

    def all(self, process: subprocess.Popen[str]) -> str:
        self._thread.join(5)
        assert process.stdout is not None
        process.stdout.close()
        return "".join(self.text)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_request_leaves_an_unknown_row_and_loses_nothing(
    sandbox: Sandbox,
    data_dir: Path,
    tmp_path: Path,
    launch: Callable[[], Desk],
    qtbot: QtBot,
    matrix: Collector,
    caplog: pytest.LogCaptureFixture,
) -> None:
    go, stderr = tmp_path / "go", tmp_path / "stderr.txt"
    env = {**os.environ, "DIALER_TEST_AUTHCODE": SENTINEL, "PYTHONPATH": str(ROOT)}
    with stderr.open("w") as errors:
        process = subprocess.Popen(
            [sys.executable, crash_driver.__file__, sandbox.base_url, str(data_dir), str(go)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=env,
            cwd=ROOT,
        )
    output = Output(process)
    try:
        output.expect("FIRST placed", stderr)
        sandbox.inject(CLICK, Fault.STALL)
        go.touch()
        output.expect("SECOND", stderr)
        _wait(lambda: len(sandbox.received(CLICK)) == 2, "the second request", process)
        _wait(lambda: [r[0] for r in _rows(data_dir)] == ["placed", "sending"], "sending", process)
        before = _rows(data_dir)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            process.kill()  # a failed step above: do not leave the app running
        process.wait(timeout=20)
        printed = output.all(process)
    assert process.returncode == -signal.SIGKILL
    assert SENTINEL not in printed + stderr.read_text()

    desk = launch()
    qtbot.waitUntil(lambda: _rows(data_dir)[-1][0] == Outcome.UNKNOWN.value, timeout=5000)
    after = _rows(data_dir)
    assert after[0] == before[0]  # the answered call is intact, campid included
    assert after[1] == ("unknown", *before[1][1:])
    qtbot.waitUntil(lambda: "may have rung" in desk.banner, timeout=5000)
    sees = desk.banner
    desk.wait_for_lists()
    seen = len(sandbox.received(CLICK)) - 1  # the answered first call is not this action's

    report = desk.call(crash_driver.SECOND)
    assert report.result.outcome is Outcome.PLACED
    assert len(sandbox.received(CLICK)) == 3
    assert desk.dialogs
    assert "91234 56789 was already called" in desk.dialogs[-1]
    assert leaks(desk, caplog.text) == []
    assert unmasked_numbers(desk, (crash_driver.FIRST, crash_driver.SECOND)) == []
    matrix.record(
        MatrixRow(
            key="sigkill",
            fault="app killed (SIGKILL) while the request is in flight",
            produced_by="real app process + sandbox `STALL`",
            requests_seen=seen,
            outcome="unknown",
            agent_sees=f"(next start) {sees}",
            history_row=f"unknown: {UNFINISHED_MESSAGE} (earlier rows unchanged)",
            next_call="placed, asked first",
        )
    )
