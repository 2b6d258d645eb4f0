"""A lead store that records which thread calls it, and one whose attempt write fails."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, cast

from dialer_app.core.errors import HistoryError
from dialer_app.core.leads.store import LeadStore


class ThreadRecorder:
    """Wraps a lead store: every method call is recorded with the name of its thread."""

    def __init__(self, store: LeadStore, fail_begin: str = "") -> None:
        self._store = store
        self.fail_begin = fail_begin
        self.calls: list[tuple[str, str]] = []  # (method, thread name)
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._store, name)
        if not callable(found):
            return found

        def recorded(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                self.calls.append((name, threading.current_thread().name))
            if name == "begin_attempt" and self.fail_begin:
                raise HistoryError(self.fail_begin)
            return found(*args, **kwargs)

        return recorded

    def on_gui_thread(self) -> list[str]:
        """The methods called on the GUI (main) thread, but ``close``: the one shutdown path
        closes (and checkpoints) the store there once the window is gone and no job runs."""
        main = threading.main_thread().name
        with self._lock:
            return [name for name, thread in self.calls if thread == main and name != "close"]

    def as_store(self) -> LeadStore:
        return cast(LeadStore, self)


def recording(
    open_store: Callable[[], tuple[LeadStore, str]], recorders: list[ThreadRecorder]
) -> Callable[[], tuple[LeadStore, str]]:
    """``open_store`` whose stores are wrapped in ``ThreadRecorder``s (kept in ``recorders``)."""

    def opened() -> tuple[LeadStore, str]:
        store, problem = open_store()
        recorder = ThreadRecorder(store)
        recorders.append(recorder)
        return recorder.as_store(), problem

    return opened
