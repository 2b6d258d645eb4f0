"""The job runner on its own: the order of a job's signals, failures, cancellation."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from dialer_app.services.runner import Latest, Progress, Runner


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[Runner]:
    pool = Runner()
    yield pool
    pool.wait(5000)
    shiboken6.delete(pool)


def test_a_job_reports_progress_then_its_result_then_finished(qtbot: QtBot, runner: Runner) -> None:
    def work(progress: Progress) -> str:
        progress(1)
        progress(2)
        return "done"

    job = runner.submit_with_progress(work)
    seen: list[object] = []
    job.progressed.connect(seen.append)
    job.succeeded.connect(seen.append)
    job.finished.connect(lambda: seen.append("finished"))
    with qtbot.waitSignals(
        [job.progressed, job.progressed, job.succeeded, job.finished],
        order="strict",
        timeout=5000,
    ):
        pass
    assert seen == [1, 2, "done", "finished"]


def test_an_exception_in_the_work_arrives_as_failed(qtbot: QtBot, runner: Runner) -> None:
    def work() -> int:
        raise ValueError("no such row")

    job = runner.submit(work)
    errors: list[BaseException] = []
    job.failed.connect(errors.append)
    with (
        qtbot.assertNotEmitted(job.succeeded),
        qtbot.waitSignals([job.failed, job.finished], order="strict", timeout=5000),
    ):
        pass
    [error] = errors
    assert isinstance(error, ValueError)
    assert str(error) == "no such row"


def test_a_cancelled_job_delivers_nothing(qtbot: QtBot, runner: Runner) -> None:
    release = threading.Event()
    job = runner.submit(lambda: release.wait(5))
    job.cancel()
    release.set()
    with (
        qtbot.assertNotEmitted(job.succeeded),
        qtbot.assertNotEmitted(job.failed),
        qtbot.assertNotEmitted(job.finished),
        qtbot.waitSignal(runner.drained, timeout=5000),
    ):
        pass
    assert job.done
    assert runner.active == 0


def test_a_newer_job_supersedes_the_older_one(qtbot: QtBot, runner: Runner) -> None:
    latest: Latest[str] = Latest()
    release = threading.Event()
    old = latest.replace(runner.submit(lambda: "old" if release.wait(5) else "late"))
    new = latest.replace(runner.submit(lambda: "new"))
    got: list[str] = []
    old.succeeded.connect(got.append)
    new.succeeded.connect(got.append)
    with qtbot.waitSignal(new.succeeded, timeout=5000):
        pass
    release.set()
    with qtbot.waitSignal(runner.drained, timeout=5000):
        pass
    assert got == ["new"]


def test_work_runs_off_the_gui_thread(qtbot: QtBot, runner: Runner) -> None:
    job = runner.submit(threading.current_thread)
    with qtbot.waitSignal(job.succeeded, timeout=5000) as got:
        pass
    assert got.args[0] is not threading.main_thread()


def test_a_closed_runner_delivers_nothing_and_runs_nothing_new(
    qtbot: QtBot, runner: Runner
) -> None:
    release = threading.Event()
    ran: list[str] = []
    running = runner.submit(lambda: release.wait(5))
    delivered: list[object] = []
    running.succeeded.connect(delivered.append)

    runner.close()  # quitting
    later = runner.submit(lambda: ran.append("later"))
    with qtbot.waitSignal(runner.drained, timeout=5000):
        release.set()

    assert delivered == []  # the running job's result is dropped
    assert later.cancelled
    assert ran == []  # submitted after close: never run
