"""The dialer service over a real loopback socket: write-ahead rows, one request per action."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from dialer_app.core.client import CallerDeskClient
from dialer_app.core.history import HistoryStore
from dialer_app.core.records import CallRequest, CallResult, Outcome
from dialer_app.sandbox import Fault, Sandbox
from dialer_app.services.dialer import CallReport, Dialer
from tests.conftest import SENTINEL

# Aarav Sharma, stored by the sandbox as 09700009153; the first demo deskphone.
REQUEST = CallRequest("9876543210", "9700009153", "01204000000", 0, "Aarav Sharma")


@pytest.fixture
def history_path(data_dir: Path) -> Path:
    return data_dir / "history.sqlite3"


@pytest.fixture
def dialer(qtbot: QtBot, sandbox: Sandbox, history_path: Path) -> Iterator[Dialer]:
    history = HistoryStore(history_path)
    service = Dialer(history)
    service.set_account(sandbox.base_url, SENTINEL)
    yield service
    service.shutdown()
    history.close()
    shiboken6.delete(service)  # here, on the GUI thread; never by GC on a worker thread


def outcomes_on_disk(path: Path) -> list[str]:
    """What a second process would see in the history file right now."""
    with sqlite3.connect(path) as other:
        return [row[0] for row in other.execute("SELECT outcome FROM calls ORDER BY id")]


def test_row_is_committed_as_sending_before_the_answer_and_finished_after(
    qtbot: QtBot, dialer: Dialer, sandbox: Sandbox, history_path: Path
) -> None:
    sandbox.inject("click_to_call_v3", Fault.SLOW, delay=2.0)
    with qtbot.waitSignal(dialer.call_started, timeout=3000):
        assert dialer.place_call(REQUEST)
    assert outcomes_on_disk(history_path) == ["sending"]
    with qtbot.waitSignal(dialer.call_finished, timeout=5000) as finished:
        pass
    report: CallReport = finished.args[0]
    assert report.result.outcome is Outcome.PLACED
    assert report.row is not None
    assert report.row.campid == report.result.campid
    assert outcomes_on_disk(history_path) == ["placed"]
    assert len(sandbox.received("click_to_call_v3")) == 1


def test_a_second_call_while_one_is_in_flight_sends_nothing(
    qtbot: QtBot, dialer: Dialer, sandbox: Sandbox
) -> None:
    sandbox.inject("click_to_call_v3", Fault.SLOW, delay=0.5)
    with qtbot.waitSignal(dialer.call_finished, timeout=5000):
        assert dialer.place_call(REQUEST)
        assert dialer.busy
        assert not dialer.place_call(REQUEST)
    assert len(sandbox.received("click_to_call_v3")) == 1
    assert not dialer.busy


def test_busy_is_reported_in_order(qtbot: QtBot, dialer: Dialer) -> None:
    events: list[object] = []
    dialer.busy_changed.connect(events.append)
    dialer.call_started.connect(lambda row: events.append(row.outcome))
    dialer.call_finished.connect(lambda report: events.append(report.result.outcome))
    dialer.place_call(REQUEST)
    qtbot.waitUntil(lambda: len(events) == 4, timeout=5000)
    assert events == [True, Outcome.SENDING, False, Outcome.PLACED]


def test_a_dropped_connection_is_unknown_and_never_retried(
    qtbot: QtBot, dialer: Dialer, sandbox: Sandbox, history_path: Path
) -> None:
    sandbox.inject("click_to_call_v3", Fault.DROP)
    with qtbot.waitSignal(dialer.call_finished, timeout=5000) as finished:
        dialer.place_call(REQUEST)
    assert finished.args[0].result.outcome is Outcome.UNKNOWN
    assert outcomes_on_disk(history_path) == ["unknown"]
    assert len(sandbox.received("click_to_call_v3")) == 1


def test_nothing_is_sent_when_the_history_cannot_be_written(
    qtbot: QtBot, dialer: Dialer, sandbox: Sandbox, history_path: Path
) -> None:
    with sqlite3.connect(history_path) as other:
        other.execute("DROP TABLE calls")
    with qtbot.waitSignal(dialer.call_finished, timeout=5000) as finished:
        dialer.place_call(REQUEST)
    assert finished.args[0].result.outcome is Outcome.NOT_SENT
    assert sandbox.received("click_to_call_v3") == []


def test_shutdown_mid_request_leaves_a_finished_row(
    qtbot: QtBot, dialer: Dialer, sandbox: Sandbox, history_path: Path
) -> None:
    sandbox.inject("click_to_call_v3", Fault.SLOW, delay=1.0)
    with qtbot.waitSignal(dialer.call_started, timeout=3000):
        dialer.place_call(REQUEST)
    dialer.shutdown()
    assert outcomes_on_disk(history_path) == ["placed"]


def test_shutdown_that_cannot_wait_marks_the_row_unknown(
    qtbot: QtBot, dialer: Dialer, sandbox: Sandbox, history_path: Path
) -> None:
    sandbox.inject("click_to_call_v3", Fault.STALL, delay=3.0)
    with qtbot.waitSignal(dialer.call_started, timeout=3000):
        dialer.place_call(REQUEST)
    dialer.shutdown(wait_ms=100)
    assert outcomes_on_disk(history_path) == ["unknown"]
    sandbox.stop()  # releases the stalled handler; the worker ends with "unknown" too
    with qtbot.waitSignal(dialer._runner.drained, timeout=5000):
        pass  # and then the clients are closed (no socket left open)


def test_lists_and_balance_load_from_the_sandbox(qtbot: QtBot, dialer: Dialer) -> None:
    with (
        qtbot.waitSignal(dialer.members_loaded, timeout=5000) as got_members,
        qtbot.waitSignal(dialer.deskphones_loaded, timeout=5000) as got_deskphones,
    ):
        assert dialer.refresh_lists()
        assert not dialer.refresh_lists()  # no overlapping refresh
    members, deskphones = got_members.args[0], got_deskphones.args[0]
    assert len(members) == 30  # 37 in the panel, 7 not active
    assert "01204000000" in [d.deskphone for d in deskphones]
    with qtbot.waitSignal(dialer.balance_loaded, timeout=5000) as balance:
        dialer.refresh_balance()
    assert balance.args[0].clicktocall_coins == "500"


def test_a_wrong_key_fails_the_lists_with_guidance(
    qtbot: QtBot, dialer: Dialer, sandbox: Sandbox
) -> None:
    dialer.set_account(sandbox.base_url, "wrong-key")
    with (
        qtbot.assertNotEmitted(dialer.members_loaded),
        qtbot.waitSignal(dialer.lists_failed, timeout=5000) as failed,
    ):
        dialer.refresh_lists()
        qtbot.waitUntil(lambda: not dialer._lists_pending, timeout=5000)
    assert "Invalid Auth Code!" in failed.args[0]
    assert "Check the API key" in failed.args[0]


def test_an_unexpected_failure_in_the_call_job_says_check_first(
    qtbot: QtBot, sandbox: Sandbox, history_path: Path
) -> None:
    class Broken(CallerDeskClient):
        def place_call(self, request: CallRequest) -> CallResult:
            raise RuntimeError("a bug")

    history = HistoryStore(history_path)
    service = Dialer(history, client_factory=Broken)
    service.set_account(sandbox.base_url, SENTINEL)
    try:
        with qtbot.waitSignal(service.call_finished, timeout=5000) as finished:
            service.place_call(REQUEST)
        report: CallReport = finished.args[0]
        assert report.result.outcome is Outcome.UNKNOWN  # may have left: check before calling
        assert report.request == REQUEST
        assert not service.busy
    finally:
        service.shutdown()
        history.close()
        shiboken6.delete(service)
