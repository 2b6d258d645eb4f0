"""The lead lists' one door: every read and write of the lead store, each a job on a worker.

The store (``core/leads/store.py: LeadStore``; today ``SqliteLeadStore``) is private: the
flows and widgets get ``Job``s, never the store, so the GUI thread never waits on it (a slow
disk, a long import, a networked store). It is opened by the first job, after the first frame.
The lead's half of a call's write-ahead runs inside ``CallService``'s job: ``attempts()``.
Reads the window repeats (progress, the list shown) are superseded: an older answer that
arrives after a newer request is dropped.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject

from dialer_app.core.clock import Clock, utc_now
from dialer_app.core.compliance.preview import asks_scrub_date
from dialer_app.core.errors import InvalidNumber
from dialer_app.core.leads.cells import cell_numbers
from dialer_app.core.leads.export import Fields
from dialer_app.core.leads.model import (
    Lead,
    LeadList,
    LeadListProgress,
    LeadStatus,
    Preview,
    build_preview,
)
from dialer_app.core.leads.store import DoNotCall, LeadStore
from dialer_app.core.phone import format_national
from dialer_app.core.records import CallResult, WrapUp
from dialer_app.core.text import Sentence
from dialer_app.services.runner import Job, Latest, Runner
from dialer_app.services.team_door import TeamDoor, TeamState, test_connection

T = TypeVar("T")
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


@dataclass(frozen=True, slots=True)
class LeadListView:
    """What the window shows of the lead lists: every list, the active one, its size, its lead."""

    lists: tuple[LeadList, ...]
    active: LeadList | None
    count: int  # rows of the active list, refused ones included
    lead: Lead | None  # the lead the agent is on (None: the list is done)


@dataclass(frozen=True, slots=True)
class Opening:
    """The lead lists at start-up: what a crash left, why they are this session's only."""

    recovered: int  # leads a crash left ``calling``: now ``called``, outcome unknown
    problem: str  # why the lists last only for this session ("" when they do not)
    view: LeadListView


@dataclass(frozen=True, slots=True)
class LeadAttempts:
    """The lead's half of a call's write-ahead, run by ``CallService`` inside its call job
    (on its worker): ``begin`` after the history's row and before the request leaves,
    ``finish`` beside the history's finish."""

    store: Callable[[], LeadStore]

    def begin(self, lead_id: int) -> None:
        self.store().begin_attempt(lead_id)

    def finish(self, lead_id: int, result: CallResult, history_row: int | None) -> Lead | None:
        return self.store().finish_attempt(lead_id, result.outcome, result.campid, history_row)


class LeadService(QObject):
    """Every read and write of the lead lists, as jobs on ``runner``.

    ``open_store`` opens the store on the first job and says what is wrong, if anything
    (``(store, problem)``); ``do_not_call`` is the list checked at import (the history's).
    ``team``: a team database is in use (``self.team``: its jobs; None for a single agent).
    """

    def __init__(
        self,
        open_store: Callable[[], tuple[LeadStore, str]],
        do_not_call: DoNotCall | None,
        runner: Runner,
        *,
        clock: Clock = utc_now,
        team: TeamState | None = None,
        list_name: str | None = None,
        data_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open = open_store
        self.team = None if team is None else TeamDoor(self._store, team, runner)
        self._list_name = list_name  # --list NAME: the list made active at start
        self._data_dir = data_dir or Path.home()
        self._opened: tuple[LeadStore, str] | None = None
        self._opening = threading.Lock()
        self._do_not_call = do_not_call
        self._runner = runner
        self.clock = clock
        self._latest_view: Latest[LeadListView] = Latest()
        self._latest_progress: Latest[LeadListProgress] = Latest()

    def _store(self) -> LeadStore:
        """The store, opened by the first caller (a worker: never the GUI thread)."""
        with self._opening:
            if self._opened is None:
                self._opened = self._open()
            return self._opened[0]

    def close(self) -> None:
        """Close the lead store if it was opened (at shutdown, once no job runs)."""
        with self._opening:
            if self._opened is not None:
                self._opened[0].close()

    def _submit(self, work: Callable[[LeadStore], T]) -> Job[T]:
        return self._runner.submit(lambda: work(self._store()))

    def let_go(self) -> Job[None]:
        """At quit, before the runner closes: a team's desk gives back the leads it holds (on
        a worker: ``close`` then touches no database)."""

        def work() -> None:
            with self._opening:
                opened = self._opened
            if opened is not None:
                opened[0].release_all()

        return self._runner.submit(work)

    def test_team(self, database: str) -> Job[Sentence]:
        """Dialer → Team…: connect to ``database`` as this desk would (a sentence either way:
        ``failed`` carries a ``TeamError``)."""
        return self._runner.submit(lambda: test_connection(database, self._data_dir))

    def attempts(self) -> LeadAttempts:
        """The attempt writes for ``CallService``'s call job (see ``LeadAttempts``)."""
        return LeadAttempts(self._store)

    # -- the lists ----------------------------------------------------------------------
    def start(self, max_attempts: int) -> Job[Opening]:
        """Open the store, recover what a crash left, and read the active list's view."""

        def work(store: LeadStore) -> Opening:
            recovered = store.recover()
            assert self._opened is not None
            problem = self._opened[1]
            if self._list_name:
                found = store.find_list(self._list_name)
                if found is None:
                    names = ", ".join(item.name for item in store.lists())
                    problem = QCoreApplication.translate(
                        "LeadService", "There is no lead list named {name} (lists: {names})."
                    ).format(name=self._list_name, names=names or "—")
                else:
                    store.activate(found.list_id)
            return Opening(recovered, problem, self._view(store, max_attempts))

        return self._submit(work)

    def show(self, list_id: int | None, max_attempts: int) -> Job[LeadListView]:
        """Make ``list_id`` the active list (None: keep it) and read its view; a newer
        request supersedes this one."""

        def work(store: LeadStore) -> LeadListView:
            if list_id is not None:
                store.activate(list_id)
            return self._view(store, max_attempts)

        return self._latest_view.replace(self._submit(work))

    def _view(self, store: LeadStore, max_attempts: int) -> LeadListView:
        active = store.active_list()
        if active is None:
            return LeadListView(tuple(store.lists()), None, 0, None)
        lead = store.current(active.list_id, self.clock(), max_attempts)
        return LeadListView(tuple(store.lists()), active, store.count(active.list_id), lead)

    def progress(self, list_id: int) -> Job[LeadListProgress]:
        """The progress line's counts; a newer request supersedes this one."""
        return self._latest_progress.replace(self._submit(lambda s: s.progress(list_id)))

    def page(self, list_id: int, start: int, count: int) -> Job[list[Lead]]:
        """Leads at positions ``start`` .. ``start + count - 1`` (the table's reader)."""
        return self._submit(lambda s: s.page(list_id, start, count))

    # -- working a list: each step one job, answered with the lead to show next ----------
    def advance(self, list_id: int, max_attempts: int) -> Job[Lead | None]:
        """The next lead: a due call back first, then the next new lead."""
        return self._submit(lambda s: s.advance(list_id, self.clock(), max_attempts))

    def skip(self, lead: Lead, max_attempts: int) -> Job[Lead | None]:
        """Leave ``lead`` (it stays in the list as skipped); the next lead."""

        def work(store: LeadStore) -> Lead | None:
            store.set_status(lead.lead_id, LeadStatus.SKIPPED, None)
            return store.advance(lead.list_id, self.clock(), max_attempts)

        return self._submit(work)

    def call_back(self, lead: Lead, when: datetime, max_attempts: int) -> Job[Lead | None]:
        """``lead`` comes back at ``when``; the next lead meanwhile."""

        def work(store: LeadStore) -> Lead | None:
            store.set_status(lead.lead_id, LeadStatus.CALL_BACK, when)
            return store.advance(lead.list_id, self.clock(), max_attempts)

        return self._submit(work)

    def wrap_up(self, history_row: int, wrap: WrapUp, do_not_call: bool) -> Job[Lead | None]:
        """The wrap-up of the call ``history_row``, on its lead; the lead (None: not a lead's)."""

        def work(store: LeadStore) -> Lead | None:
            lead = store.lead_for_call(history_row)
            if lead is not None:
                store.wrap_up(lead.lead_id, wrap.disposition, wrap.note, wrap.call_back_at,
                              do_not_call)  # fmt: skip
            return lead

        return self._submit(work)

    def lead_of_call(self, history_row: int) -> Job[Lead | None]:
        """The lead the call ``history_row`` was made to (None: not a lead's)."""
        return self._submit(lambda s: s.lead_for_call(history_row))

    def record_verdict(
        self, history_row: int, connected: bool, talk: int | None
    ) -> Job[Lead | None]:
        """The call report's word on a lead's call (None: not a lead's)."""
        return self._submit(lambda s: s.record_verdict(history_row, connected, talk))

    def due(self, list_id: int, max_attempts: int) -> Job[list[Lead]]:
        """Call backs that are due now."""
        return self._submit(lambda s: s.due_call_backs(list_id, self.clock(), max_attempts))

    def all_leads(self, list_id: int) -> Job[list[Lead]]:
        """Every lead of the list in file order (a scrub result is matched against them)."""
        return self._submit(lambda s: list(s.iter_leads(list_id)))

    def refuse(self, lead_ids: list[int]) -> Job[int]:
        """Leads a later scrub result refuses: never offered again (their reason is the
        compliance journal's)."""

        def work(store: LeadStore) -> int:
            for lead_id in lead_ids:
                store.set_status(lead_id, LeadStatus.REFUSED, None)
            return len(lead_ids)

        return self._submit(work)

    def set_current(self, list_id: int, lead_id: int) -> Job[None]:
        """Put ``lead_id`` on top of its list (a due call back)."""
        return self._submit(lambda s: s.set_current(list_id, lead_id))

    # -- files in and out ---------------------------------------------------------------
    def preview(self, path: Path, number_column: int | None = None) -> tuple[Job[Preview], Cancel]:
        """Read and check ``path`` (progress: rows checked); nothing is saved yet.

        ``number_column``: the column the agent picked in the preview (default: found).
        """
        cancel = Cancel(threading.Event())
        do_not_call, team = self._do_not_call, self.team

        def work(progress: Callable[[object], None]) -> Preview:
            from dialer_app.core.leads.read import read_table  # csv, calamine: not at start-up

            with gui_first():
                rows = read_table(path)
                progress(("rows", len(rows) - 1))
                blocked = set(do_not_call.blocked_numbers()) if do_not_call else set()
                if team is not None:  # the team's list too: refused in the preview
                    blocked |= team.state.numbers()

                def checked(count: int) -> None:
                    if cancel.event.is_set():
                        raise ImportCancelled
                    progress(("checked", count))

                preview = build_preview(path.stem, path.name, rows, blocked.__contains__, checked,
                                        number_column)  # fmt: skip
                for lead in preview.ready[:1]:  # formatting's first use compiles its patterns:
                    format_national(lead.number)  # here, not on the GUI thread
                preview.asks_scrub_date = asks_scrub_date(preview)
                return preview

        return self._runner.submit_with_progress(work), cancel

    def save(self, preview: Preview) -> tuple[Job[LeadList | None], Cancel]:
        """Save a checked list as the active one (None if cancelled)."""
        cancel = Cancel(threading.Event())

        def work(progress: Callable[[object], None]) -> LeadList | None:
            return self._store().create_list(
                preview, lambda n: progress(("saved", n)), cancel.event.is_set
            )

        return self._runner.submit_with_progress(work), cancel

    def export(
        self, lead_list: LeadList, target: Path, extra: Callable[[], Fields] = tuple
    ) -> Job[int]:
        """Write the list (``extra``: more columns, read on the worker: the audit's)."""
        from dialer_app.core.leads.export import write_list

        return self._submit(
            lambda s: write_list(lead_list, s.iter_leads(lead_list.list_id), target, extra())
        )

    def import_blocked(self, path: Path) -> Job[BlockedImport]:
        """Every number in the file's cells goes on the do-not-call list (a header is skipped)."""
        do_not_call, team = self._do_not_call, self.team

        def work() -> BlockedImport:
            from dialer_app.core.leads.read import read_table

            numbers: set[str] = set()
            refused = 0
            for row in read_table(path):
                for cell in row[:1] if len(row) == 1 else row:
                    try:  # a cell read as the lead import reads it: every number in it
                        numbers.update(cell_numbers(cell))
                    except InvalidNumber:
                        refused += bool(cell.strip())
            if do_not_call is not None:
                for number in sorted(numbers):
                    do_not_call.block(number, path.name)
            if team is not None:  # and on the team's list: every desk refuses them
                team.add_now(sorted(numbers), path.name)
            return BlockedImport(len(numbers), refused)

        return self._runner.submit(work)


class ImportCancelled(Exception):
    """The agent cancelled an import while it was being checked."""
