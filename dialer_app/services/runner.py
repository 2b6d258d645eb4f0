"""Run blocking core work on worker threads and deliver its result on the GUI thread.

``Runner.submit(work)`` returns a ``Job``: a QObject created on the GUI thread whose signals
carry the result. The caller connects to *its* signals, as with superqt's ``create_worker``;
no service needs a slot that only re-emits. A QRunnable is deleted by the pool on its own
thread, so it owns no signals and never holds the job (a QObject must be deleted on the thread
it lives in): the worker hands its result to a relay through a queued signal, and the job
decides on the GUI thread whether to deliver it. A cancelled job (an old filter query, a list
refresh replaced by a new one) delivers nothing, not even ``finished``.

Every exception in the work is caught and delivered as ``failed``; nothing escapes a worker.

Lifecycle of one job, in order::

    progressed(value)*   zero or more, while the work runs (``submit_with_progress`` only)
    succeeded(result)    or failed(exception): exactly one of the two
    finished()           last, after either
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[[object], None]


class Job(QObject, Generic[T]):
    """One piece of background work; its signals arrive on the GUI thread.

    The runner keeps the job alive until it has delivered; after that it lives as long as
    the caller keeps it (a Python reference, released on the GUI thread).

    Signals:
        progressed(object): something the work reports while it runs
        succeeded(object): the work's return value (a ``T``)
        failed(object): the exception the work raised
        finished(): after ``succeeded`` or ``failed``; never after ``cancel()``
    """

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._cancelled = False
        self._done = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    @property
    def done(self) -> bool:
        """The result was delivered, or the job was cancelled."""
        return self._done or self._cancelled

    def cancel(self) -> None:
        """Deliver nothing from now on. The work itself runs to its end (it may be a request
        that has left); only its result is dropped."""
        self._cancelled = True

    # Typed ways to connect, returning the job so calls read as one sentence.
    def on_success(self, slot: Callable[[T], object]) -> Job[T]:
        self.succeeded.connect(slot)
        return self

    def on_failure(self, slot: Callable[[BaseException], object]) -> Job[T]:
        self.failed.connect(slot)
        return self

    def on_progress(self, slot: Callable[[object], object]) -> Job[T]:
        self.progressed.connect(slot)
        return self

    @Slot(str, object)
    def _deliver(self, kind: str, value: object) -> None:
        """On the GUI thread: pass on what the worker sent, unless cancelled."""
        if self._cancelled or self._done:
            return
        if kind == _PROGRESS:
            self.progressed.emit(value)
            return
        self._done = True
        (self.succeeded if kind == _OK else self.failed).emit(value)
        self.finished.emit()


_PROGRESS, _OK, _ERROR = "progress", "ok", "error"


class _Relay(QObject):
    """Carries one job's results from the worker thread to the GUI thread (queued).

    Signals:
        arrived(str, object): progress, a result or an exception, and its value
    """

    arrived = Signal(str, object)

    def send(self, kind: str, value: object) -> None:
        try:
            self.arrived.emit(kind, value)
        except RuntimeError:  # the relay was deleted (the app is quitting): nobody to tell
            log.debug("Result dropped: relay deleted")


class _Task(QRunnable):
    """The worker side: holds only the relay, never the job (which must die on the GUI
    thread)."""

    def __init__(self, work: Callable[[Progress], object], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        relay = self._relay
        try:
            result = self._work(lambda value: relay.send(_PROGRESS, value))
        except Exception as exc:
            log.debug("Job failed: %s", type(exc).__name__)
            relay.send(_ERROR, exc)
        else:
            relay.send(_OK, result)


class Runner(QObject):
    """Submits work to worker threads; each submission returns its ``Job``.

    Signals:
        drained(): the last job in flight has returned (delivered, or dropped if cancelled)

    Work runs on a thread pool, which ``wait()`` joins at exit. With ``abandon_at_exit`` it
    runs on daemon threads instead, for work that may block for long and is safe to drop when
    the app quits (reading the OS keyring).
    """

    drained = Signal()

    def __init__(
        self, max_threads: int = 4, parent: QObject | None = None, *, abandon_at_exit: bool = False
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._abandon = abandon_at_exit
        self._threads: list[threading.Thread] = []
        self._jobs: dict[_Relay, Job[object]] = {}
        self._closed = False

    @property
    def active(self) -> int:
        """Jobs submitted whose work has not returned to the GUI thread yet."""
        return len(self._jobs)

    def submit(self, work: Callable[[], T]) -> Job[T]:
        """Run ``work()`` on a worker thread."""
        return self.submit_with_progress(lambda _progress: work())

    def submit_with_progress(self, work: Callable[[Progress], T]) -> Job[T]:
        """Run ``work(progress)``; each ``progress(value)`` arrives as ``progressed``."""
        job: Job[T] = Job()
        if self._closed:  # quitting: nothing new runs, nothing is delivered
            job.cancel()
            return job
        relay = _Relay(self)
        relay.arrived.connect(job._deliver)  # first the job delivers, then the runner tidies
        relay.arrived.connect(self._on_relay_arrived)
        self._jobs[relay] = job  # type: ignore[assignment]
        task = _Task(work, relay)
        if self._abandon:
            self._threads = [thread for thread in self._threads if thread.is_alive()]
            thread = threading.Thread(target=task.run, name="dialer-daemon-job", daemon=True)
            self._threads.append(thread)
            thread.start()
        else:
            self._pool.start(task)
        return job

    @Slot(str, object)
    def _on_relay_arrived(self, kind: str, _value: object) -> None:
        relay = self.sender()
        if kind == _PROGRESS or not isinstance(relay, _Relay):
            return
        self._jobs.pop(relay, None)
        relay.deleteLater()
        if not self._jobs:
            self.drained.emit()

    def close(self) -> None:
        """Quitting: no result of the jobs submitted so far is delivered (their slots may
        touch what is being closed) and work submitted from now on never runs (a start-up
        step that comes after the first frame, a timer). ``drained`` is still emitted once
        the running jobs have returned."""
        self._closed = True
        for job in self._jobs.values():
            job.cancel()

    def wait(self, msecs: int) -> bool:
        """Block until every running job has returned (or ``msecs`` passed); True if all did."""
        deadline = time.monotonic() + msecs / 1000
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        remaining = max(0, int((deadline - time.monotonic()) * 1000))
        pool_done = bool(self._pool.waitForDone(remaining))
        return pool_done and not any(thread.is_alive() for thread in self._threads)


class Latest(Generic[T]):
    """Keeps the newest job of one kind; starting a new one cancels the one it supersedes."""

    def __init__(self) -> None:
        self._job: Job[T] | None = None

    def replace(self, job: Job[T]) -> Job[T]:
        self.cancel()
        self._job = job
        return job

    def cancel(self) -> None:
        if self._job is not None and not self._job.done:
            self._job.cancel()
        self._job = None
