"""Qt helpers for the in-process benchmarks: waiting, paint timestamps, a heartbeat."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, SignalInstance, Slot
from PySide6.QtWidgets import QApplication, QWidget

from dialer_app.services.runner import Job

T = TypeVar("T")


def application() -> QApplication:
    """The QApplication; a new one is offscreen unless QT_QPA_PLATFORM says otherwise."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(["dialer-benchmark"])


def wait_until(condition: Callable[[], bool], timeout_ms: int, poll_ms: int = 1) -> bool:
    """Run the event loop until ``condition()`` holds (checked every ``poll_ms``)."""
    if condition():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_ms / 1000
    poll = QTimer()
    poll.setTimerType(Qt.TimerType.PreciseTimer)
    poll.setInterval(poll_ms)

    def check() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    return condition()


def wait_signal(
    signal: SignalInstance, timeout_ms: int, action: Callable[[], object] | None = None
) -> bool:
    """Do ``action``, then run the event loop until ``signal`` fires; False on timeout."""
    loop = QEventLoop()
    fired: list[object] = []

    def on_signal(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    signal.connect(on_signal)
    try:
        if action is not None:
            action()
        if not fired:
            timer.start(timeout_ms)
            loop.exec()
    finally:
        timer.stop()
        signal.disconnect(on_signal)
    return bool(fired)


def wait_job(job: Job[T], timeout_ms: int) -> T:
    """The job's result once delivered; its exception re-raised, TimeoutError if it never ends.

    Call it before the event loop runs again after the job was submitted (jobs deliver by
    queued signal, so nothing has arrived yet).
    """
    results: list[T] = []
    errors: list[BaseException] = []
    job.on_success(results.append).on_failure(errors.append)
    if not job.done and not wait_signal(job.finished, timeout_ms):
        raise TimeoutError(f"no result in {timeout_ms} ms")
    if errors:
        raise errors[0]
    return results[0]


def run_for(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds without polling anything."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(loop.quit)
    timer.start(ms)
    loop.exec()


class PaintWatcher(QObject):
    """Records when ``widget`` next paints after ``arm()`` (perf_counter_ns)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.painted_ns = 0
        self._armed = False
        widget.installEventFilter(self)

    def arm(self) -> None:
        self.painted_ns = 0
        self._armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint:
            self.painted_ns = time.perf_counter_ns()
            self._armed = False
        return False


class Heartbeat(QObject):
    """A 5 ms precise timer on the GUI thread; its longest gap is how long the thread stalled."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self._ticks: list[int] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self._ticks = [time.perf_counter_ns()]
        self._timer.start()

    def stop(self) -> list[float]:
        """Stop; the gaps between ticks in ms."""
        self._timer.stop()
        ticks = self._ticks
        return [(b - a) / 1e6 for a, b in itertools.pairwise(ticks)]

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._ticks.append(time.perf_counter_ns())
