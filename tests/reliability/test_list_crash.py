"""The app is killed (SIGKILL) while a call to a lead of the active list is in flight.

The next start resumes at that same lead, its attempt ``unknown`` (it may have rung), filled
into the form and never dialled again until the agent's Return, which the re-dial guard meets.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.leads.model import LeadStatus, build_preview
from dialer_app.core.leads.read import read_table
from dialer_app.core.leads.sqlite_store import SqliteLeadStore
from dialer_app.sandbox import Fault, Sandbox
from tests.helpers import list_crash_driver
from tests.helpers.harness import Desk
from tests.helpers.keys import SENTINEL
from tests.helpers.lists import write_csv
from tests.reliability.test_crash import Output, _wait

CLICK = "click_to_call_v3"
ROOT = Path(__file__).resolve().parents[2]


def lead_state(data_dir: Path, position: int) -> tuple[str, int, str]:
    with sqlite3.connect(data_dir / "lists.sqlite3", timeout=1) as db:
        row = db.execute(
            "SELECT status, attempts, outcome FROM leads WHERE position = ?", (position,)
        ).fetchone()
    return str(row[0]), int(row[1]), str(row[2])


def history_outcomes(data_dir: Path) -> list[str]:
    path = data_dir / "history.sqlite3"
    if not path.exists():
        return []
    with sqlite3.connect(path, timeout=1) as db:
        return [str(row[0]) for row in db.execute("SELECT outcome FROM calls ORDER BY id")]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_call_resumes_at_the_same_lead_with_the_attempt_unknown(
    sandbox: Sandbox, data_dir: Path, tmp_path: Path, launch: Callable[[], Desk], qtbot: QtBot
) -> None:
    source = write_csv(tmp_path / "day.csv", ",", [
        ["name", "mobile"], ["Asha", "98765 43210"], ["Ravi", "98765 43211"],
        ["Meena", "98765 43213"],
    ])  # fmt: skip
    store = SqliteLeadStore(data_dir / "lists.sqlite3")
    preview = build_preview("day", source.name, read_table(source), lambda _: False)
    preview.purpose = Purpose.SERVICE  # chosen at import (a list without one is asked first)
    day = store.create_list(preview)
    assert day is not None
    first = store.page(day.list_id, 0, 1)[0]
    store.set_status(first.lead_id, LeadStatus.SKIPPED, None)  # the agent is on the second
    store.advance(day.list_id, datetime.now(UTC), 3)
    store.close()
    sandbox.inject(CLICK, Fault.STALL)
    stderr = tmp_path / "stderr.txt"
    env = {**os.environ, "DIALER_TEST_AUTHCODE": SENTINEL, "PYTHONPATH": str(ROOT)}
    with stderr.open("w") as errors:
        process = subprocess.Popen(
            [sys.executable, list_crash_driver.__file__, sandbox.base_url, str(data_dir)],
            stdout=subprocess.PIPE, stderr=errors, text=True, env=env, cwd=ROOT,
        )  # fmt: skip
    output = Output(process)
    try:
        output.expect("CALLING", stderr)
        _wait(lambda: len(sandbox.received(CLICK)) == 1, "the request", process)
        _wait(lambda: history_outcomes(data_dir) == ["sending"], "the sending row", process)
        assert lead_state(data_dir, 1) == ("calling", 1, "sending")  # committed before it left
        os.kill(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=20)
        output.all(process)
    assert process.returncode == -signal.SIGKILL

    desk = launch()
    window = desk.parts.window
    qtbot.waitUntil(lambda: window.form.number_edit.text() == list_crash_driver.LEAD, timeout=5000)
    assert lead_state(data_dir, 1) == ("called", 1, "unknown")
    qtbot.waitUntil(lambda: "marked unknown" in desk.banner or "may have rung" in desk.banner)
    desk.wait_for_lists()
    lists = window.lists
    assert lists is not None
    model = lists.panel.model
    qtbot.waitUntil(lambda: model.data(model.index(1, 3)) == "Called (outcome unknown)")
    assert len(sandbox.received(CLICK)) == 1  # resumed, filled in, not dialled

    sandbox.clear_faults()
    QTest.keyClick(window.form.number_edit, Qt.Key.Key_Return)  # the agent's own Return
    qtbot.waitUntil(lambda: bool(desk.dialogs), timeout=5000)
    assert "98765 43211" in desk.dialogs[-1]  # the re-dial guard names the unknown attempt
    qtbot.waitUntil(lambda: len(sandbox.received(CLICK)) == 2, timeout=5000)  # answered "call"
    qtbot.waitUntil(window.form.call_button.isEnabled, timeout=10_000)
    desk.parts.shutdown()
