"""Child side of the start-up benchmark: timestamps from process launch, read off Qt events.

The parent passes the monotonic time at which it started the process (``DIALER_BENCH_T0_NS``,
``time.monotonic_ns()``, one clock for every process on Linux and macOS) and a file to write
the result to (``DIALER_BENCH_OUT``). Nothing in the app is patched: the probe watches events
through an application event filter until the first QMainWindow shows, then only that
window and its platform window (QWindow):

- ``qapplication``: the probe exists (interpreter, PySide6 and QApplication are up);
- ``show_event``: the first QMainWindow gets its Show event;
- ``first_paint``: that window's first Paint event (the first frame starts);
- ``shown``: the platform-window event (Expose or UpdateRequest) that painted the first
  frame has been handled, so the frame is in the backing store and flushed; the probe times
  this by handing the event to the window itself inside the filter;
- ``members``/``deskphones``/``history``: the widgets named ``memberCombo``,
  ``deskphoneCombo`` and ``historyView`` (design.md's contract) first hold rows;
- ``populated``: the window is shown and all three hold rows.

Each mark leaves out the time spent in the probe's own filter up to that point. Then the
probe closes the window (the app shuts down as it would for the agent) and writes
``{"marks": {name: ms since launch}, "peak_rss_mb": ..., ...}``.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QMainWindow

T0_ENV = "DIALER_BENCH_T0_NS"
OUT_ENV = "DIALER_BENCH_OUT"
_DATA = ("members", "deskphones", "history")
_SHOW = QEvent.Type.Show
_PAINT = QEvent.Type.Paint
_FRAME_EVENTS = (QEvent.Type.Expose, QEvent.Type.UpdateRequest)


def _status_mb(field: str) -> float:
    """A memory line of /proc/self/status in MB (0 where there is no /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def peak_rss_mb() -> float:
    """Peak resident memory so far (VmHWM; the parent also has wait4's figure)."""
    return _status_mb("VmHWM:")


def rss_mb() -> float:
    """Resident memory now (VmRSS)."""
    return _status_mb("VmRSS:")


class StartupProbe(QObject):
    """Marks the start-up milestones of the first main window, then closes it."""

    def __init__(self, app: QApplication, *, wait_for_data: bool, timeout_ms: int = 30_000):
        super().__init__()
        self._t0 = int(os.environ[T0_ENV])
        self._out = Path(os.environ[OUT_ENV])
        self._app = app
        self._wait_for_data = wait_for_data
        self._window: QMainWindow | None = None
        self._handle: QWindow | None = None
        self._done = False
        self._events = 0
        self._filter_ns = 0
        self._combos: dict[str, QComboBox] = {}
        self._table: QAbstractItemView | None = None
        self.marks: dict[str, float] = {}
        self.rss: dict[str, float] = {}  # resident MB at each mark
        self.memory_at_shown = 0.0
        self.extra: dict[str, object] = {}  # anything the launcher wants in the result
        self.on_shown: Callable[[], None] | None = None  # called once the first frame is up
        self.mark("qapplication")
        app.installEventFilter(self)
        QTimer.singleShot(timeout_ms, self._on_timeout)

    def mark(self, name: str) -> None:
        """Note the time of ``name`` once, less the time spent in this probe's filter so far."""
        if name not in self.marks:
            self.marks[name] = (time.monotonic_ns() - self._t0 - self._filter_ns) / 1e6
            self.rss[name] = rss_mb()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        start = time.monotonic_ns()
        self._events += 1
        kind = event.type()
        if self._window is None:
            if kind is _SHOW and isinstance(watched, QMainWindow):
                self._on_window_shown(watched)
        elif kind is _PAINT and watched is self._window:
            self.mark("first_paint")
        elif kind in _FRAME_EVENTS and watched is self._handle and "shown" not in self.marks:
            return self._deliver_frame_event(watched, event, start)
        self._filter_ns += time.monotonic_ns() - start
        return False

    def _deliver_frame_event(self, handle: QObject, event: QEvent, start: int) -> bool:
        """Let the window handle ``event`` now; if that painted the first frame, mark it."""
        self._filter_ns += time.monotonic_ns() - start
        painted_before = "first_paint" in self.marks
        handle.event(event)
        if not painted_before and "first_paint" in self.marks:
            self.mark("shown")
            self.memory_at_shown = peak_rss_mb()
            if self.on_shown is not None:
                self.on_shown()
            QTimer.singleShot(0, self._on_first_frame)
        return True

    def _on_window_shown(self, window: QMainWindow) -> None:
        self.mark("show_event")
        self._window = window
        self._handle = window.windowHandle()
        self._app.removeEventFilter(self)
        window.installEventFilter(self)
        if self._handle is not None:
            self._handle.installEventFilter(self)
        if not self._wait_for_data:
            return
        for name, object_name in (("members", "memberCombo"), ("deskphones", "deskphoneCombo")):
            combo = window.findChild(QComboBox, object_name)
            if combo is not None:
                self._combos[name] = combo
                combo.model().rowsInserted.connect(self._on_data_changed)
        self._table = window.findChild(QAbstractItemView, "historyView")
        if self._table is not None:
            model = self._table.model()
            model.modelReset.connect(self._on_data_changed)
            model.rowsInserted.connect(self._on_data_changed)
        self._on_data_changed()

    @Slot()
    def _on_first_frame(self) -> None:
        if self._wait_for_data:
            self._on_data_changed()
        else:
            self._finish()

    @Slot()
    def _on_data_changed(self) -> None:
        for name, combo in self._combos.items():
            if combo.count() > 0:
                self.mark(name)
        if self._table is not None and self._table.model().rowCount() > 0:
            self.mark("history")
        if "shown" in self.marks and all(name in self.marks for name in _DATA):
            self.marks["populated"] = max(self.marks[name] for name in ("shown", *_DATA))
            self.rss["populated"] = rss_mb()
            self._finish()

    def _finish(self, *, timed_out: bool = False) -> None:
        if self._done:
            return
        self._done = True
        result = {
            "marks": self.marks,
            "rss_mb": self.rss,
            "peak_rss_mb": peak_rss_mb(),
            "peak_rss_mb_at_shown": self.memory_at_shown,
            "events_filtered": self._events,
            "filter_ms": self._filter_ns / 1e6,
            "timed_out": timed_out,
            **self.extra,
        }
        self._out.write_text(json.dumps(result), encoding="utf-8")
        if self._window is not None:
            QTimer.singleShot(0, self._window.close)  # the app quits as on a real close
        QTimer.singleShot(50, self._app.quit)

    @Slot()
    def _on_timeout(self) -> None:
        self._finish(timed_out=True)
