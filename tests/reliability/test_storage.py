"""Storage faults never lock the agent out: start-up on a read-only or full disk.

Each case prepares a data directory on a small real disk (tmpfs) in one start state, turns
the disk read-only or fills it, then starts the real window the way ``dialer-app`` does
(instance lock, logging, history, account, lists, balance). The dialer must start, say what
is wrong in the window in a true sentence, still load the members and the balance, send no
call it cannot record, and print no traceback, key or whole number on stderr.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dialer_app.app import parse_args, start_gui
from dialer_app.core.config import Paths
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.logsetup import Redactor, configure
from dialer_app.core.records import CallRequest, CallResult, Outcome
from dialer_app.sandbox import Sandbox
from tests.helpers.disk import Disk
from tests.helpers.harness import rendered
from tests.helpers.hours import allow_any_hour
from tests.helpers.keys import SENTINEL, MemoryKeyring
from tests.helpers.matrix import STORAGE_FAULTS, STORAGE_STATES, Collector, StorageRow

CLICK = "click_to_call_v3"
REQUEST = CallRequest("9876543210", "9700009153", "01204000000", 0, "Aarav Sharma")


def dead_pid() -> int:
    """The id of a process that has ended (and so cannot own a lock)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def prepare(state: str, data: Path, scratch: Path) -> None:
    """Leave ``data`` as a session would: nothing, a history, a crash, a stale lock."""
    if state == "fresh":
        return
    scratch.mkdir()
    store = HistoryStore(scratch / "history.sqlite3")
    row = store.begin(REQUEST)
    store.finish(row, CallResult(Outcome.PLACED, "ok", "3570001"))
    if state == "crash left":
        store.begin(REQUEST)  # still "sending" when the app was killed
        for name in [p.name for p in scratch.iterdir()]:  # copied while open: WAL and all
            shutil.copy(scratch / name, data / name)
    store.close()
    if state != "crash left":
        shutil.copy(scratch / "history.sqlite3", data / "history.sqlite3")
    if state in ("crash left", "stale lock"):
        host = __import__("socket").gethostname()
        (data / "instance.lock").write_text(f"{dead_pid()}\ndialer-app\n{host}\n")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    mounted = Disk(tmp_path / "disk")
    yield mounted
    mounted.unmount()


@pytest.mark.parametrize("state", STORAGE_STATES)
@pytest.mark.parametrize("fault", STORAGE_FAULTS)
def test_start_up_on_a_faulty_disk(
    fault: str,
    state: str,
    disk: Disk,
    tmp_path: Path,
    qtbot: QtBot,
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,
    dialogs: list[str],
    root_logging: logging.Logger,
    capfd: pytest.CaptureFixture[str],
    matrix: Collector,
) -> None:
    data = disk.path
    prepare(state, data, tmp_path / "scratch")
    allow_any_hour(data)  # what the next call meets is the disk, whatever the time of day
    memory_keyring.set_password("dialer-app", sandbox.base_url, SENTINEL)
    if fault == "read-only disk":
        disk.read_only()
    else:
        disk.fill()
    redactor = Redactor()
    configure(redactor, Paths(data).log, debug=False)
    started = start_gui(parse_args([]), Paths(data), redactor, sandbox.base_url)
    assert not isinstance(started, int), "the dialer refused to start"
    instance, desk = started
    window = desk.window
    qtbot.addWidget(window)
    try:
        form = window.form
        qtbot.waitUntil(lambda: form.member_combo.count() > 0, timeout=5000)
        qtbot.waitUntil(lambda: "coins" in window.balance_label.text(), timeout=5000)
        qtbot.waitUntil(lambda: window.history_view.model().rowCount() >= (state != "fresh"))
        # The lead lists open on a worker: their word is in the banner too.
        qtbot.waitUntil(lambda: window.lists is not None and window.lists.flow.started)
        banner = rendered(window.outcome_label.text())
        assert banner.strip(), "the window must say what is wrong"
        assert "Ready." not in banner
        assert "not set up" not in banner
        expected = {
            "read-only disk": ("not written", "cannot be opened"),
            "full disk": ("full", "not written", "cannot be opened"),
        }
        assert any(word in banner.lower() for word in expected[fault]), banner
        if state == "crash left":  # the call that may have rung is never passed over
            assert "could not be marked Unknown" in banner or "cannot be opened" in banner
        else:
            assert "unfinished" not in banner
            assert "may have rung" not in banner
        form.number_edit.setText("98765 43210")
        form.number_edit.returnPressed.emit()
        qtbot.waitUntil(form.call_button.isEnabled, timeout=5000)
        after = rendered(window.outcome_label.text())
        assert after.startswith(("Not called", "Not sent")), after
        assert sandbox.received(CLICK) == []  # nothing leaves without its history row
    finally:
        desk.shutdown()
        instance.release()
    err = capfd.readouterr().err
    for forbidden in ("Traceback", "Logging error", SENTINEL, "9876543210"):
        assert forbidden not in err
    matrix.record_storage(
        StorageRow(
            key=f"{fault}/{state}",
            fault=fault,
            start_state=state,
            starts="yes"
            + (", stale lock taken over" if state in ("crash left", "stale lock") else ""),
            agent_sees=banner.replace(str(data), "<data dir>"),
            lists_and_balance="loaded",
            next_call=f"{after} (0 requests)".replace(str(data), "<data dir>"),
            stderr=_stderr_summary(err).replace(str(data), "<data dir>"),
        )
    )


def _stderr_summary(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    own = [line for line in lines if line.startswith("dialer-app:")]
    return "; ".join(own) if own else f"{len(lines)} log line(s), no traceback"


def test_history_rows_left_by_a_crash_are_kept(tmp_path: Path) -> None:
    """The copy-while-open trick really leaves a sending row in the WAL (the crash state)."""
    data = tmp_path / "data"
    data.mkdir()
    prepare("crash left", data, tmp_path / "scratch")
    assert (data / "history.sqlite3-wal").exists()
    with sqlite3.connect(data / "history.sqlite3") as db:
        outcomes = [row[0] for row in db.execute("SELECT outcome FROM calls ORDER BY id")]
    assert outcomes == ["placed", "sending"]
