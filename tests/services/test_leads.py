"""LeadService, the lead lists' one door: every read and write a job on a worker, a
superseded read dropped, and a lead's call written ahead of its request (CallService)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from dialer_app.core.history.store import HistoryStore
from dialer_app.core.leads.model import Lead, LeadList, build_preview
from dialer_app.core.leads.sqlite_store import SqliteLeadStore
from dialer_app.core.logsetup import Redactor
from dialer_app.core.messages import describe_result
from dialer_app.core.records import CallRequest, Outcome, WrapUp
from dialer_app.sandbox import Fault, Sandbox
from dialer_app.services.account import AccountService
from dialer_app.services.calls import CallAttempt, CallService
from dialer_app.services.leads import LeadService
from dialer_app.services.runner import Job, Runner
from tests.helpers.keys import SENTINEL
from tests.helpers.lead_store import ThreadRecorder

CLICK = "click_to_call_v3"
T = TypeVar("T")
ROWS = [["name", "mobile"], ["Asha", "9876543210"], ["Ravi", "9876543211"], ["Meena", "98765"]]


@dataclass
class Desk:
    runner: Runner
    leads: LeadService
    recorder: ThreadRecorder
    lists: Path
    day: LeadList


@pytest.fixture
def desk(data_dir: Path) -> Iterator[Desk]:
    path = data_dir / "lists.sqlite3"
    store = SqliteLeadStore(path)
    day = store.create_list(build_preview("day", "day.csv", ROWS, lambda _n: False))
    assert day is not None
    recorder = ThreadRecorder(store)
    runner = Runner()
    leads = LeadService(lambda: (recorder.as_store(), ""), None, runner)
    yield Desk(runner, leads, recorder, path, day)
    runner.wait(10_000)
    shiboken6.delete(leads)
    shiboken6.delete(runner)
    store.close()


def result(qtbot: QtBot, job: Job[T]) -> T:
    with qtbot.assertNotEmitted(job.failed), qtbot.waitSignal(job.succeeded) as done:
        pass
    return cast(T, done.args[0])


def lead(desk: Desk, position: int) -> Lead:
    with sqlite3.connect(desk.lists) as other:  # what a second process sees on disk
        (lead_id,) = other.execute(
            "SELECT id FROM leads WHERE position = ?", (position,)
        ).fetchone()
    found = SqliteLeadStore(desk.lists).lead(lead_id)
    assert found is not None
    return found


def on_disk(path: Path, position: int) -> tuple[str, int, str]:
    with sqlite3.connect(path) as other:
        sql = "SELECT status, attempts, outcome FROM leads WHERE position = ?"
        return tuple(other.execute(sql, (position,)).fetchone())


Call = Callable[[LeadService, LeadList, Lead], Job[Any]]
SOON = datetime.now(UTC) + timedelta(hours=1)
CALLS: list[tuple[str, Call]] = [
    ("start", lambda s, d, le: s.start(3)),
    ("show", lambda s, d, le: s.show(d.list_id, 3)),
    ("progress", lambda s, d, le: s.progress(d.list_id)),
    ("page", lambda s, d, le: s.page(d.list_id, 0, 10)),
    ("advance", lambda s, d, le: s.advance(d.list_id, 3)),
    ("skip", lambda s, d, le: s.skip(le, 3)),
    ("call_back", lambda s, d, le: s.call_back(le, SOON, 3)),
    ("wrap_up", lambda s, d, le: s.wrap_up(7, WrapUp("Interested", ""), False)),
    ("lead_of_call", lambda s, d, le: s.lead_of_call(7)),
    ("record_verdict", lambda s, d, le: s.record_verdict(7, True, 30)),
    ("due", lambda s, d, le: s.due(d.list_id, 3)),
    ("set_current", lambda s, d, le: s.set_current(d.list_id, le.lead_id)),
    ("export", lambda s, d, le: s.export(d, Path(d.source).with_suffix(".out.csv"))),
]


@pytest.mark.parametrize(("name", "call"), CALLS, ids=[name for name, _ in CALLS])
def test_every_method_is_a_job_and_the_store_is_called_on_a_worker(
    qtbot: QtBot, desk: Desk, name: str, call: Call, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the export writes beside the list's source name
    job = call(desk.leads, desk.day, lead(desk, 1))
    assert isinstance(job, Job)
    assert desk.recorder.calls == []  # nothing touched the store before the worker ran
    result(qtbot, job)
    assert desk.recorder.calls  # the store was used, by the worker
    assert desk.recorder.on_gui_thread() == []


def test_a_superseded_read_is_dropped(qtbot: QtBot, desk: Desk) -> None:
    answers: list[object] = []
    older_view = desk.leads.show(None, 3)
    older_progress = desk.leads.progress(desk.day.list_id)
    for job in (older_view, older_progress):
        job.succeeded.connect(answers.append)
    newer_progress = desk.leads.progress(desk.day.list_id)  # supersedes the older one
    newer_view = desk.leads.show(desk.day.list_id, 3)
    newer: list[object] = []
    newer_progress.succeeded.connect(newer.append)
    newer_view.succeeded.connect(newer.append)
    qtbot.waitUntil(lambda: len(newer) == 2)
    desk.runner.wait(5000)
    qtbot.wait(50)  # let anything still queued be delivered
    assert answers == []  # the superseded answers never arrived
    assert older_view.cancelled
    assert older_progress.cancelled
    assert {type(answer).__name__ for answer in newer} == {"LeadListProgress", "LeadListView"}


# -- a lead's call: the write-ahead on the call's worker ------------------------------------
REQUEST = CallRequest("9876543210", "9700009153", "01204000000", 0, "Aarav Sharma")


@pytest.fixture
def calls(desk: Desk, sandbox: Sandbox, data_dir: Path) -> Iterator[CallService]:
    history = HistoryStore(data_dir / "history.sqlite3")
    account = AccountService(Redactor())
    account.use(sandbox.base_url, SENTINEL)
    service = CallService(account, history, desk.runner, leads=desk.leads.attempts())
    yield service
    desk.runner.wait(10_000)
    account.close_clients()
    shiboken6.delete(service)
    shiboken6.delete(account)
    history.close()


def test_the_leads_attempt_is_on_disk_before_the_request_reaches_the_sandbox(
    qtbot: QtBot, desk: Desk, calls: CallService, sandbox: Sandbox
) -> None:
    asha = lead(desk, 0)
    seen_at_begin: list[int] = []
    real_begin = desk.recorder.__getattr__("begin_attempt")

    def begin(lead_id: int) -> None:
        seen_at_begin.append(len(sandbox.received(CLICK)))  # requests the sandbox had by then
        real_begin(lead_id)

    desk.recorder.begin_attempt = begin  # type: ignore[attr-defined]
    sandbox.inject(CLICK, Fault.STALL, delay=2.0)
    job = calls.place(replace(REQUEST, lead_id=asha.lead_id))
    assert job is not None
    qtbot.waitUntil(lambda: len(sandbox.received(CLICK)) == 1, timeout=5000)
    assert on_disk(desk.lists, 0) == ("calling", 1, "sending")  # while the request is held
    assert seen_at_begin == [0]  # committed before the request left
    attempt: CallAttempt = result(qtbot, job)
    assert attempt.lead is not None
    assert attempt.lead.lead_id == asha.lead_id
    assert on_disk(desk.lists, 0)[2] == attempt.result.outcome.value
    assert desk.recorder.on_gui_thread() == []


def test_a_failing_lead_write_stops_the_request_with_a_sentence(
    qtbot: QtBot, desk: Desk, calls: CallService, sandbox: Sandbox
) -> None:
    asha = lead(desk, 0)
    desk.recorder.fail_begin = "disk I/O error"  # the store refuses the lead's attempt
    request = replace(REQUEST, lead_id=asha.lead_id)
    job = calls.place(request)
    assert job is not None
    attempt: CallAttempt = result(qtbot, job)
    assert attempt.result.outcome is Outcome.NOT_SENT
    assert str(describe_result(attempt.result, request.customer_number)) == (
        "Not sent: the lead list could not be written (disk I/O error). It is safe to try again."
    )
    assert sandbox.received(CLICK) == []  # nothing left
    assert attempt.row is not None
    assert attempt.row.outcome is Outcome.NOT_SENT
    assert on_disk(desk.lists, 0) == ("new", 0, "")
