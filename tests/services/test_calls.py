"""The call and list services over a real loopback socket: write-ahead rows, one request."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from dialer_app.core.callerdesk.client import CallerDeskClient
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.logsetup import Redactor
from dialer_app.core.records import CallRequest, CallResult, Outcome
from dialer_app.sandbox import Fault, Sandbox
from dialer_app.services.account import AccountService, ClientFactory
from dialer_app.services.calls import CallAttempt, CallService
from dialer_app.services.members import BalanceService, MembersService
from dialer_app.services.runner import Job, Runner
from tests.helpers.keys import SENTINEL

# Aarav Sharma, stored by the sandbox as 09700009153; the first demo deskphone.
REQUEST = CallRequest("9876543210", "9700009153", "01204000000", 0, "Aarav Sharma")


@dataclass
class Services:
    runner: Runner
    account: AccountService
    calls: CallService
    lists: MembersService
    balance: BalanceService

    def place(self) -> Job[CallAttempt]:
        job = self.calls.place(REQUEST)
        assert job is not None
        return job


@pytest.fixture
def history_path(data_dir: Path) -> Path:
    return data_dir / "history.sqlite3"


def build(
    sandbox: Sandbox, history: HistoryStore, factory: ClientFactory | None = None
) -> Services:
    runner = Runner()
    account = AccountService(Redactor(), client_factory=factory)
    account.use(sandbox.base_url, SENTINEL)
    return Services(
        runner,
        account,
        CallService(account, history, runner),
        MembersService(account, runner),
        BalanceService(account, runner),
    )


def tear_down(services: Services) -> None:
    services.runner.wait(10_000)
    services.account.close_clients()
    for qobject in (services.calls, services.lists, services.balance, services.account):
        shiboken6.delete(qobject)  # here, on the GUI thread; never by GC on a worker thread
    shiboken6.delete(services.runner)


@pytest.fixture
def services(qtbot: QtBot, sandbox: Sandbox, history_path: Path) -> Iterator[Services]:
    history = HistoryStore(history_path)
    built = build(sandbox, history)
    yield built
    tear_down(built)
    history.close()


def outcomes_on_disk(path: Path) -> list[str]:
    """What a second process would see in the history file right now."""
    with sqlite3.connect(path) as other:
        return [row[0] for row in other.execute("SELECT outcome FROM calls ORDER BY id")]


def test_row_is_committed_as_sending_before_the_answer_and_finished_after(
    qtbot: QtBot, services: Services, sandbox: Sandbox, history_path: Path
) -> None:
    sandbox.inject("click_to_call_v3", Fault.SLOW, delay=2.0)
    job = services.place()
    with qtbot.waitSignal(job.progressed, timeout=3000):
        pass
    assert outcomes_on_disk(history_path) == ["sending"]
    with qtbot.waitSignal(job.succeeded, timeout=5000) as finished:
        pass
    report: CallAttempt = finished.args[0]
    assert report.result.outcome is Outcome.PLACED
    assert report.row is not None
    assert report.row.campid == report.result.campid
    assert outcomes_on_disk(history_path) == ["placed"]
    assert len(sandbox.received("click_to_call_v3")) == 1


def test_a_second_call_while_one_is_in_flight_sends_nothing(
    qtbot: QtBot, services: Services, sandbox: Sandbox
) -> None:
    sandbox.inject("click_to_call_v3", Fault.SLOW, delay=0.5)
    with qtbot.waitSignal(services.calls.call_finished, timeout=5000):
        services.place()
        assert services.calls.busy
        assert services.calls.place(REQUEST) is None
    assert len(sandbox.received("click_to_call_v3")) == 1
    assert not services.calls.busy


def test_busy_and_the_call_are_reported_in_order(qtbot: QtBot, services: Services) -> None:
    events: list[object] = []
    services.calls.busy_changed.connect(events.append)
    services.calls.call_finished.connect(lambda attempt: events.append("finished"))
    job = services.place()
    job.progressed.connect(lambda value: events.append((type(value).__name__, value.outcome)))
    job.succeeded.connect(lambda attempt: events.append(attempt.result.outcome))
    qtbot.waitUntil(lambda: len(events) == 6, timeout=5000)
    assert events == [
        True,
        ("HistoryRow", Outcome.SENDING),  # the write-ahead row is committed: the request leaves
        ("CallResult", Outcome.PLACED),  # the answer, before its row is finished (shown sooner)
        Outcome.PLACED,
        False,
        "finished",
    ]


def test_a_dropped_connection_is_unknown_and_never_retried(
    qtbot: QtBot, services: Services, sandbox: Sandbox, history_path: Path
) -> None:
    sandbox.inject("click_to_call_v3", Fault.DROP)
    with qtbot.waitSignal(services.calls.call_finished, timeout=5000) as finished:
        services.place()
    assert finished.args[0].result.outcome is Outcome.UNKNOWN
    assert outcomes_on_disk(history_path) == ["unknown"]
    assert len(sandbox.received("click_to_call_v3")) == 1


def test_nothing_is_sent_when_the_history_cannot_be_written(
    qtbot: QtBot, services: Services, sandbox: Sandbox, history_path: Path
) -> None:
    with sqlite3.connect(history_path) as other:
        other.execute("DROP TABLE calls")
    with qtbot.waitSignal(services.calls.call_finished, timeout=5000) as finished:
        services.place()
    assert finished.args[0].result.outcome is Outcome.NOT_SENT
    assert sandbox.received("click_to_call_v3") == []


def test_lists_and_balance_load_from_the_sandbox(qtbot: QtBot, services: Services) -> None:
    first = services.lists.refresh()
    jobs = services.lists.refresh()  # supersedes the first: only its answers are delivered
    assert first is not None
    assert jobs is not None
    with (
        qtbot.assertNotEmitted(first.members.succeeded),
        qtbot.waitSignal(jobs.members.succeeded, timeout=5000) as got_members,
        qtbot.waitSignal(jobs.deskphones.succeeded, timeout=5000) as got_deskphones,
    ):
        pass
    members, deskphones = got_members.args[0], got_deskphones.args[0]
    assert len(members) == 30  # 37 in the panel, 7 not active
    assert "01204000000" in [d.deskphone for d in deskphones]
    balance = services.balance.refresh()
    assert balance is not None
    with qtbot.waitSignal(balance.succeeded, timeout=5000) as got:
        pass
    assert got.args[0].clicktocall_coins == "500"


def test_a_wrong_key_fails_the_lists_with_guidance(
    qtbot: QtBot, services: Services, sandbox: Sandbox
) -> None:
    from dialer_app.core.messages import describe_error

    services.account.use(sandbox.base_url, "wrong-key")
    jobs = services.lists.refresh()
    assert jobs is not None
    with (
        qtbot.assertNotEmitted(jobs.members.succeeded),
        qtbot.waitSignal(jobs.members.failed, timeout=5000) as failed,
    ):
        pass
    sentence = str(describe_error(failed.args[0]))
    assert "Invalid Auth Code!" in sentence
    assert "Check the API key" in sentence


def test_no_account_sends_nothing(qtbot: QtBot, services: Services, sandbox: Sandbox) -> None:
    services.account.clear()
    assert services.lists.refresh() is None
    assert services.balance.refresh() is None
    assert services.calls.place(REQUEST) is None
    assert sandbox.received("click_to_call_v3") == []


def test_an_unexpected_failure_in_the_call_job_says_check_first(
    qtbot: QtBot, sandbox: Sandbox, history_path: Path
) -> None:
    class Broken(CallerDeskClient):
        def place_call(self, request: CallRequest) -> CallResult:
            raise RuntimeError("a bug")

    history = HistoryStore(history_path)
    services = build(sandbox, history, Broken)
    try:
        job = services.place()
        with (
            qtbot.assertNotEmitted(job.failed),
            qtbot.waitSignal(job.succeeded, timeout=5000) as finished,
        ):
            pass
        report: CallAttempt = finished.args[0]
        assert report.result.outcome is Outcome.UNKNOWN  # may have left: check before calling
        assert report.request == REQUEST
        assert not services.calls.busy
    finally:
        tear_down(services)
        history.close()
