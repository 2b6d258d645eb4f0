"""Run blocking core work on a thread pool and deliver its results on the GUI thread.

A QRunnable is deleted by the pool on its own thread, so it owns no signals: each job gets a
``_Relay``, a QObject created on the GUI thread, whose signals the worker emits and whose
queued connections land on the caller's slots. Every exception in a job is caught and
delivered to ``on_failure``; nothing escapes a worker thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance, Slot

log = logging.getLogger(__name__)

Progress = Callable[[object], None]
Job = Callable[[Progress], object]
Callback = Callable[[Any], None]


class _Relay(QObject):
    """Carries one job's signals from the worker thread to the GUI thread.

    Signals:
        progressed(object): something the job reports while it runs
        succeeded(object): the job's return value
        failed(object): the exception the job raised
    """

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, job: Job, relay: _Relay) -> None:
        super().__init__()
        self._job = job
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._job(self._emit_progress)
        except Exception as exc:
            log.debug("Job failed: %s", type(exc).__name__)
            self._safe_emit(self._relay.failed, exc)
        else:
            self._safe_emit(self._relay.succeeded, result)

    def _emit_progress(self, value: object) -> None:
        self._safe_emit(self._relay.progressed, value)

    @staticmethod
    def _safe_emit(signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the GUI side is gone (app quitting): nobody to tell
            log.debug("Result dropped: receiver deleted")


class Runner(QObject):
    """Submits jobs to worker threads; callbacks run on the thread that owns the Runner.

    Signals:
        drained(): the last job in flight has delivered its result

    Jobs run on a thread pool, which the app waits for at exit. With ``abandon_at_exit`` they
    run on daemon threads instead, for work that may block for long and is safe to drop when
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
        self._active = 0

    @property
    def active(self) -> int:
        """Jobs submitted whose result has not been delivered yet."""
        return self._active

    def submit(
        self,
        job: Job,
        on_success: Callback,
        on_failure: Callback,
        on_progress: Callback | None = None,
    ) -> None:
        relay = _Relay(self)
        relay.succeeded.connect(on_success)
        relay.failed.connect(on_failure)
        if on_progress is not None:
            relay.progressed.connect(on_progress)
        for signal in (relay.succeeded, relay.failed):
            signal.connect(self._on_relay_done)
            signal.connect(relay.deleteLater)
        self._active += 1
        task = _Task(job, relay)
        if self._abandon:
            self._threads = [thread for thread in self._threads if thread.is_alive()]
            thread = threading.Thread(target=task.run, name="dialer-daemon-job", daemon=True)
            self._threads.append(thread)
            thread.start()
        else:
            self._pool.start(task)

    @Slot(object)
    def _on_relay_done(self, _value: object) -> None:
        self._active -= 1
        if self._active == 0:
            self.drained.emit()

    def wait(self, msecs: int) -> bool:
        """Block until every running job has returned (or ``msecs`` passed); True if all did."""
        deadline = time.monotonic() + msecs / 1000
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        remaining = max(0, int((deadline - time.monotonic()) * 1000))
        pool_done = bool(self._pool.waitForDone(remaining))
        return pool_done and not any(thread.is_alive() for thread in self._threads)
