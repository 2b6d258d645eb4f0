"""Call-down lists: imports, exports and progress on workers; a lead's state in one write.

Reading and checking a file, saving 100,000 leads, counting progress and exporting run on the
shared runner. The writes that move one lead along (a call leaving, its outcome, a skip) are
single-row updates made where they happen: the one before a call must be committed before
the request leaves, so the lead of a call cut short by a crash is known.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.history import HistoryStore
from dialer_app.core.lead_store import LeadStore
from dialer_app.core.leads import Lead, LeadList, LeadStatus, Preview, Progress, build_preview
from dialer_app.core.phone import format_national, normalise
from dialer_app.services.runner import Job, Runner

Clock = Callable[[], datetime]
# While a bulk job runs, the GIL changes hands this often (Python's default is 5 ms): every
# paint of the window calls into Python (the models' data()), and each call waits for the
# GIL up to this long while a worker reads 100,000 rows. The cyclic garbage collector waits
# meanwhile (the rows hold no cycles; it runs again when the job ends).
BULK_SWITCH_INTERVAL_S = 0.0005
_bulk_lock = threading.Lock()
_bulk_jobs: list[float] = [0, 0.005]  # running bulk jobs, the interval to restore


@contextmanager
def gui_first() -> Iterator[None]:
    """Around a long CPU-bound job on a worker: the GUI thread gets the GIL quickly."""
    with _bulk_lock:
        if _bulk_jobs[0] == 0:
            _bulk_jobs[1] = sys.getswitchinterval()
            sys.setswitchinterval(BULK_SWITCH_INTERVAL_S)
            gc.disable()  # a full collection over 100,000 rows holds the GIL for 100 ms
        _bulk_jobs[0] += 1
    try:
        yield
    finally:
        with _bulk_lock:
            _bulk_jobs[0] -= 1
            if _bulk_jobs[0] == 0:
                sys.setswitchinterval(_bulk_jobs[1])
                gc.freeze()  # what the job made is not traversed by the next collections
                gc.enable()


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Cancel:
    """Asks a running import to stop; what it had written is rolled back."""

    event: threading.Event

    def __call__(self) -> None:
        self.event.set()


@dataclass(frozen=True, slots=True)
class BlockedImport:
    added: int
    refused: int


class LeadService(QObject):
    """The lead lists (``store``), with the history's do-not-call list to check against."""

    def __init__(
        self,
        store: LeadStore | Callable[[], tuple[LeadStore, str]],
        history: HistoryStore | None,
        runner: Runner,
        *,
        clock: Clock = utc_now,
        parent: QObject | None = None,
    ) -> None:
        """``store``: the lists, or what opens them (and says what is wrong) on first use."""
        super().__init__(parent)
        self._store = store if isinstance(store, LeadStore) else None
        self._open = None if isinstance(store, LeadStore) else store
        self.problem = ""  # why the lists last only for this session, if they do
        self._closed = False
        self._history = history
        self._runner = runner
        self.clock = clock

    @property
    def store(self) -> LeadStore:
        """The lists file, opened the first time it is needed (after the first frame)."""
        if self._store is None:
            assert self._open is not None
            self._store, self.problem = self._open()
        return self._store

    def close(self) -> None:
        """Close the lists file if it was opened (at shutdown, once no job runs)."""
        self._closed = True
        if self._store is not None:
            self._store.close()

    def preview(self, path: Path) -> tuple[Job[Preview], Cancel]:
        """Read and check ``path`` (progress: rows checked); nothing is saved yet."""
        cancel = Cancel(threading.Event())
        history = self._history

        def work(progress: Callable[[object], None]) -> Preview:
            from dialer_app.core.leads_read import read_table  # csv, calamine: not at start-up

            with gui_first():
                rows = read_table(path)
                progress(("rows", len(rows) - 1))
                blocked = set(history.blocked_numbers()) if history is not None else set()

                def checked(count: int) -> None:
                    if cancel.event.is_set():
                        raise ImportCancelled
                    progress(("checked", count))

                preview = build_preview(path.stem, path.name, rows, blocked.__contains__, checked)
                for lead in preview.ready[:1]:  # formatting's first use compiles its patterns:
                    format_national(lead.number)  # here, not on the GUI thread
                return preview

        return self._runner.submit_with_progress(work), cancel

    def save(self, preview: Preview) -> tuple[Job[LeadList | None], Cancel]:
        """Save a checked list as the active one (None if cancelled)."""
        cancel = Cancel(threading.Event())
        store = self.store

        def work(progress: Callable[[object], None]) -> LeadList | None:
            return store.create_list(preview, lambda n: progress(("saved", n)), cancel.event.is_set)

        return self._runner.submit_with_progress(work), cancel

    def progress(self, list_id: int) -> Job[Progress]:
        return self._runner.submit(lambda: self.store.progress(list_id))

    def export(self, lead_list: LeadList, target: Path) -> Job[int]:
        from dialer_app.core.lead_export import write_list

        store = self.store
        return self._runner.submit(
            lambda: write_list(lead_list, store.iter_leads(lead_list.list_id), target)
        )

    def import_blocked(self, path: Path) -> Job[BlockedImport]:
        """Every number in the file's cells goes on the do-not-call list (a header is skipped)."""
        history = self._history

        def work() -> BlockedImport:
            from dialer_app.core.leads_read import read_table

            numbers: set[str] = set()
            refused = 0
            for row in read_table(path):
                for cell in row[:1] if len(row) == 1 else row:
                    try:
                        numbers.add(normalise(cell))
                    except InvalidNumber:
                        refused += bool(cell.strip())
            if history is not None:
                for number in sorted(numbers):
                    history.block(number, path.name)
            return BlockedImport(len(numbers), refused)

        return self._runner.submit(work)

    # -- one lead at a time (small writes where they happen) ------------------------------
    def lists(self) -> list[LeadList]:
        return self.store.lists()

    def active_list(self) -> LeadList | None:
        return self.store.active_list()

    def activate(self, list_id: int) -> None:
        self.store.activate(list_id)

    def current(self, list_id: int, max_attempts: int) -> Lead | None:
        return self.store.current(list_id, self.clock(), max_attempts)

    def advance(self, list_id: int, max_attempts: int) -> Lead | None:
        return self.store.advance(list_id, self.clock(), max_attempts)

    def due(self, list_id: int, max_attempts: int) -> list[Lead]:
        if self._closed:  # quitting: the reminders' timer may tick once more
            return []
        return self.store.due_call_backs(list_id, self.clock(), max_attempts)

    def set_status(self, lead: Lead, status: LeadStatus, when: datetime | None = None) -> None:
        self.store.set_status(lead.lead_id, status, when)

    def recover(self) -> int:
        return self.store.recover()


class ImportCancelled(Exception):
    """The agent cancelled an import while it was being checked."""
