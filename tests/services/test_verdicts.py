"""Following placed calls through the sandbox's call report until each has a verdict."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from dialer_app.core.callerdesk.client import CallerDeskClient
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.logsetup import Redactor
from dialer_app.core.records import CallRequest, HistoryRow, ReportState, Verdict
from dialer_app.sandbox import ManualClock, Sandbox
from dialer_app.services.account import AccountService
from dialer_app.services.runner import Runner
from dialer_app.services.verdicts import VerdictTracker
from tests.helpers.keys import SENTINEL

FAST = (0.02,)


class World:
    """A sandbox, a history and a tracker sharing one manual clock."""

    def __init__(self, tmp_path: Path, call_seconds: float) -> None:
        self.clock = ManualClock()
        self.sandbox = Sandbox(authcode=SENTINEL, call_seconds=call_seconds, clock=self.clock)
        self.sandbox.start()
        self.client = CallerDeskClient(self.sandbox.base_url, SENTINEL)
        self.history = HistoryStore(tmp_path / "history.sqlite3", clock=self.clock)
        self.runner = Runner()
        self.account = AccountService(Redactor(), client_factory=self._client_for)
        self.account.use(self.sandbox.base_url, SENTINEL)
        self.tracker = VerdictTracker(self.history, self.account, self.runner,
                                      schedule=FAST, clock=self.clock)  # fmt: skip

    def _client_for(self, _base_url: str, _authcode: str) -> CallerDeskClient:
        return self.client

    def place(self, customer: str) -> int:
        request = CallRequest(customer, "9700009153", "01204000000", 0, "Aarav Sharma")
        row_id = self.history.begin(request)
        self.history.finish(row_id, self.client.place_call(request))
        return row_id

    def close(self) -> None:
        self.tracker.stop()
        self.runner.wait(5000)
        for qobject in (self.tracker, self.runner, self.account):
            shiboken6.delete(qobject)
        self.client.close()
        self.history.close()
        self.sandbox.stop()


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = World(tmp_path, call_seconds=8)
    yield w
    w.close()


def test_each_kind_of_ending_reaches_the_history(qtbot: QtBot, world: World) -> None:
    connected, no_answer, waited = (world.place(n) for n in ("9876543210", "9876543216",
                                                               "9876543219"))  # fmt: skip
    world.clock.advance(10)
    with qtbot.waitSignal(world.tracker.worst_case, timeout=5000) as worst:
        world.tracker.track()
    assert worst.args[0].row_id == waited
    qtbot.waitUntil(lambda: not world.history.pending_reports(), timeout=5000)
    rows = {i: world.history.get(i) for i in (connected, no_answer, waited)}
    assert rows[connected].verdict is Verdict.CONNECTED
    assert rows[connected].talk_seconds
    assert rows[connected].recording_url
    assert rows[connected].leg_b_at is not None
    assert rows[no_answer].verdict is Verdict.CUSTOMER_NO_ANSWER
    assert rows[no_answer].leg_a_at is None
    assert rows[waited].verdict is Verdict.MEMBER_NO_ANSWER
    assert rows[waited].worst_case
    assert all(row.report_state is ReportState.FINAL for row in rows.values())


def test_two_calls_to_one_customer_minutes_apart(qtbot: QtBot, world: World) -> None:
    first = world.place("9876543216")  # customer does not answer
    world.clock.advance(60)
    second = world.place("9876543216")
    world.clock.advance(5)  # the first call has ended (at 8 s), the second not yet (at 68 s)
    updated: list[HistoryRow] = []
    world.tracker.row_updated.connect(updated.append)
    world.tracker.track()
    qtbot.waitUntil(lambda: len(updated) == 1, timeout=5000)
    assert updated[0].row_id == first
    world.clock.advance(60)
    qtbot.waitUntil(lambda: len(updated) == 2, timeout=5000)
    assert updated[1].row_id == second
    report_ids = {world.history.get(i).verdict for i in (first, second)}
    assert report_ids == {Verdict.CUSTOMER_NO_ANSWER}
    assert len(world.history.claimed_report_ids()) == 2


def test_a_report_that_never_arrives_is_given_up(qtbot: QtBot, tmp_path: Path) -> None:
    world = World(tmp_path, call_seconds=10_000_000)  # the call never ends in the report
    try:
        row_id = world.place("9876543210")
        world.tracker.track()
        qtbot.waitUntil(lambda: world.tracker._step >= 3, timeout=5000)
        assert world.history.get(row_id).report_state is ReportState.PENDING
        world.clock.advance(timedelta(hours=3).total_seconds())
        with qtbot.waitSignal(world.tracker.row_updated, timeout=5000) as gave_up:
            pass
        assert gave_up.args[0].verdict is Verdict.NO_REPORT
        assert not world.history.pending_reports()
    finally:
        world.close()


def test_pending_rows_are_picked_up_after_a_restart(qtbot: QtBot, world: World) -> None:
    row_id = world.place("9876543210")
    world.clock.advance(10)
    restarted = VerdictTracker(world.history, world.account, world.runner,
                               schedule=FAST, clock=world.clock)  # fmt: skip
    with qtbot.waitSignal(restarted.row_updated, timeout=5000) as got:
        restarted.resume()
    assert got.args[0].row_id == row_id
    restarted.stop()
    world.runner.wait(5000)
    shiboken6.delete(restarted)
