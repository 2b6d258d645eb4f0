"""The composition root: builds every service and the window in order, and shuts them down.

Nothing else constructs a service or wires one to another. Collaborators go in through
constructors; each UI part gets only the services it uses. ``Desk.shutdown()`` is the one way
out, whatever asked (the window closing, Quit, SIGINT, SIGTERM, the session ending).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from dialer_app.core.callerdesk.deadline import DEFAULT_DEADLINE
from dialer_app.core.clock import Clock, utc_now
from dialer_app.core.compliance.journal import ComplianceJournal, team_journal_name
from dialer_app.core.config import Paths
from dialer_app.core.errors import HistoryDamaged, HistoryError
from dialer_app.core.history.store import HistoryStore, set_aside
from dialer_app.core.leads.sqlite_store import SqliteLeadStore
from dialer_app.core.leads.store import LeadStore
from dialer_app.core.logsetup import Redactor
from dialer_app.services.account import AccountService, ClientFactory, load_http
from dialer_app.services.calls import CallService
from dialer_app.services.compliance import ComplianceService
from dialer_app.services.demo import DemoService
from dialer_app.services.history import UNFINISHED_MESSAGE, HistoryService
from dialer_app.services.hours import HoursGuard
from dialer_app.services.keys import KeyService
from dialer_app.services.leads import LeadService
from dialer_app.services.live import POLL_MS, LiveTracker
from dialer_app.services.members import BalanceService, MembersService
from dialer_app.services.runner import Runner
from dialer_app.services.settings import (
    CALLBACK_GRACE_MINUTES,
    LEASE_SECONDS,
    LIVE_WAITING_SECONDS,
    MAX_ATTEMPTS,
    RECALL_MINUTES,
    TEAM_DATABASE,
    Settings,
)
from dialer_app.services.team import TeamGuard
from dialer_app.services.team_door import TeamState, open_team_store
from dialer_app.services.verdicts import DEFAULT_SCHEDULE, VerdictTracker
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.main_window import MainWindow, WindowServices

log = logging.getLogger(__name__)

# Long enough for a call request to end by its own timeouts.
SHUTDOWN_WAIT_MS = int((DEFAULT_DEADLINE + 2) * 1000)
TEAM_WAIT_MS = 3000


@dataclass
class Desk:
    """A running dialer: its services and its window (also what the tests build)."""

    runner: Runner
    account: AccountService
    keys: KeyService
    calls: CallService
    history: HistoryService
    verdicts: VerdictTracker | None
    settings: Settings
    window: MainWindow
    live: LiveTracker
    team_runner: Runner
    demo: DemoService | None = None
    leads: LeadService | None = None
    compliance: ComplianceService | None = None
    _shut_down: bool = field(default=False, init=False)

    def shutdown(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> None:
        """Close the window, let in-flight work end, finish its rows, close what is open.

        Safe to call more than once; a call still in flight after ``wait_ms`` is finished in
        the history as ``unknown``. Nothing new starts once it began (a key read from the
        keyring after it opens no connection), and every database is closed, so no
        ``-wal``/``-shm`` file is left beside it.
        """
        if self._shut_down:
            return
        self._shut_down = True
        self.account.stop()
        self.window.quit()
        lists = self.window.lists
        if lists is not None and lists.team is not None:
            lists.team.stop()  # no pulse, renewal or look for a lead after this
        if self.leads is not None:
            self.leads.let_go()  # a team's leases released on a worker (awaited below)
        self.calls.close()
        self.live.stop()
        if self.verdicts is not None:
            self.verdicts.stop()
        work_done = self.runner.wait(wait_ms)
        # The team check's requests are read-only: give them a moment, never the full wait.
        team_done = self.team_runner.wait(TEAM_WAIT_MS)
        self._finish_open_rows()
        for runner in (self.runner, self.team_runner):
            runner.close()  # nothing more runs or is delivered: the stores close next
        if work_done:
            self._close_stores()
        else:  # closing a store under a running job would break it: close it after
            self.runner.drained.connect(self._close_stores)
        if work_done and team_done:
            self.account.close_clients()
        else:  # closing a client under a running request would break it: close it after
            log.warning("Quitting with work still in flight")
            busy = self.runner if self.runner.active else self.team_runner
            busy.drained.connect(self.account.close_clients)
        self.keys.wait()
        if self.demo is not None:
            self.demo.stop()

    def _close_stores(self) -> None:
        if self.leads is not None:
            self.leads.close()
        if self.compliance is not None:
            self.compliance.close()
        if self.history.store is not None:
            self.history.store.close()

    def _finish_open_rows(self) -> None:
        store = self.history.store
        if store is None:
            return
        try:
            store.mark_unfinished(UNFINISHED_MESSAGE)
        except HistoryError as exc:
            log.error("Could not finish open history rows: %s", exc)


def assemble(
    paths: Paths,
    redactor: Redactor,
    *,
    base_url: str | None,
    demo_url: str | None = None,
    demo: bool = False,
    report_schedule: tuple[float, ...] = DEFAULT_SCHEDULE,
    client_factory: ClientFactory | None = None,
    live_poll_ms: int = POLL_MS,
    clock: Clock = utc_now,
    reminder_ms: int | None = None,
    team_database: str | None = None,
    list_name: str | None = None,
) -> Desk:
    """Build the services and the window, in order.

    ``demo`` starts the built-in sandbox after the first paint; ``demo_url`` uses a sandbox
    that is already running (tests, benchmarks). ``report_schedule`` overrides the back-off
    between call report checks, ``live_poll_ms`` between live-call checks (tests);
    ``clock`` is what the calling-hours guard and the call-down lists read (tests);
    ``reminder_ms`` how often due call backs are looked for (tests); ``team_database`` the
    ``--team-database`` flag (then ``DIALER_TEAM_DATABASE``, then ``team/database``: the
    lead lists are the team's); ``list_name`` the list made active at start (``--list``).
    """
    store, history_problem = open_history(paths)
    runner = Runner()
    account = AccountService(redactor, client_factory=client_factory)
    keys = KeyService()
    settings = Settings(paths.settings)
    team_db = team_state(paths, settings, team_database)
    opener = partial(open_store, paths, team_db, settings)
    leads = LeadService(opener, store, runner, clock=clock, team=team_db, list_name=list_name,
                        data_dir=paths.data_dir)  # fmt: skip
    also = None if leads.team is None else leads.team.blocked
    history = HistoryService(store, runner, also_blocked=also)
    journal = (partial(ComplianceJournal, paths.lists) if team_db is None
               else partial(open_journal, paths, leads.attempts().store))  # fmt: skip
    compliance = ComplianceService(journal, store, runner, clock=clock)
    calls = CallService(account, store, runner, leads=leads.attempts())
    verdicts = VerdictTracker(store, account, runner, schedule=report_schedule) if store else None
    waiting = settings.get(LIVE_WAITING_SECONDS)
    live = LiveTracker(account, runner, waiting_seconds=waiting, poll_ms=live_poll_ms)
    # The team guard has threads of its own: a slow call report never holds up a call or a
    # live poll, and its read-only requests are safe to drop at exit.
    team_runner = Runner(max_threads=2, abandon_at_exit=True)
    team = TeamGuard(account, team_runner)
    calls.call_finished.connect(live.on_call_finished)
    if verdicts is not None:
        calls.call_finished.connect(verdicts.on_call_finished)
        live.ended.connect(verdicts.check_now)  # the report may be there already
        verdicts.row_updated.connect(live.forget)
    demo_service = DemoService(runner, base_url=demo_url) if demo or demo_url else None
    hours = HoursGuard(settings, demo=demo or demo_url is not None, clock=clock)
    window_services = WindowServices(
        account=account,
        keys=keys,
        members=MembersService(account, runner),
        balance=BalanceService(account, runner),
        calls=calls,
        history=history,
        verdicts=verdicts,
        team=team,
        live=live,
        settings=settings,
        hours=hours,
        leads=leads,
        demo=demo_service,
        compliance=compliance,
    )
    window = MainWindow(
        window_services,
        base_url=base_url,
        diagnostics=partial(diagnostics, paths, redactor),
        reminder_ms=reminder_ms,
    )
    # The window owns the services: they are deleted with it, on the GUI thread. Left to
    # Python's garbage collector they could be deleted on a worker thread, with live timers.
    services: list[QObject | None] = [runner, team_runner, team, account, keys, history, calls]
    services += [verdicts, live, demo_service, leads, compliance]
    for service in services:
        if service is not None:
            service.setParent(window)
    if history_problem:
        window.show_problem(history_problem)
    if (hours_problem := hours.problem()) is not None:
        window.show_problem(translated(hours_problem))
    desk = Desk(
        runner,
        account,
        keys,
        calls,
        history,
        verdicts,
        settings,
        window,
        live,
        team_runner,
        demo_service,
        leads,
        compliance,
    )
    window.closing.connect(desk.shutdown)
    window.after_first_frame(partial(runner.submit, load_http))
    if not demo and demo_url is None:  # the keyring holds the key: find its backend early
        window.after_first_frame(keys.warm)
    return desk


def open_history(paths: Paths) -> tuple[HistoryStore | None, str]:
    """The history store, or None; and a sentence saying what is wrong with it, if anything."""
    try:
        store = HistoryStore(paths.history)
    except HistoryDamaged as exc:
        log.error("History damaged: %s", exc)
        try:
            aside = set_aside(paths.history)
        except OSError as why:  # a read-only or full disk cannot even rename it
            return None, QCoreApplication.translate(
                "startup",
                "The call history at {path} could not be read, and it cannot be set aside "
                "({reason}): calls are disabled until it can be. Members and balance still load.",
            ).format(path=paths.history, reason=why.strerror or type(why).__name__)
        try:
            store = HistoryStore(paths.history)
        except HistoryError as again:
            return None, _unavailable(paths, again)
        return store, (
            f"The call history could not be read, so a new one starts now. The old file is "
            f"kept, untouched, as {aside.name} in {aside.parent}."
        )
    except HistoryError as exc:
        log.error("History unavailable: %s", exc)
        return None, _unavailable(paths, exc)
    if store.disk_full:
        return store, QCoreApplication.translate(
            "startup",
            "The disk holding the call history at {path} is full: no call can be recorded, so "
            "none will be sent until there is space. Members and balance still load.",
        ).format(path=paths.history)
    if store.read_only:
        return store, QCoreApplication.translate(
            "startup",
            "The call history at {path} can be read but not written ({reason}): earlier calls "
            "are shown, but no call can be placed until it can be written. Members and "
            "balance still load.",
        ).format(path=paths.history, reason=store.write_problem)
    return store, ""


def open_lists(paths: Paths) -> tuple[SqliteLeadStore, str]:
    """The call-down lists, or (on an unusable disk) a store for this session only."""
    try:
        return SqliteLeadStore(paths.lists), ""
    except HistoryError as exc:
        import tempfile

        log.error("Lead lists unavailable: %s", exc)
        aside = Path(tempfile.mkdtemp(prefix="dialer-lists-")) / "lists.sqlite3"
        cause = exc.__cause__
        reason = getattr(cause, "strerror", None) or str(cause or exc)  # not the path again
        return SqliteLeadStore(aside), QCoreApplication.translate(
            "startup",
            "The call-down lists at {path} cannot be opened ({reason}): lists imported now "
            "last for this session only.",
        ).format(path=paths.lists, reason=reason)


def team_state(paths: Paths, settings: Settings, flag: str | None) -> TeamState | None:
    """The team database of this run (the flag, the environment, the setting), or None."""
    from dialer_app.core.team.connect import ENV, choose_database

    chosen = choose_database(flag, os.environ.get(ENV), settings.get(TEAM_DATABASE))
    return None if chosen is None else TeamState(chosen, paths.data_dir)


def open_store(paths: Paths, team: TeamState | None, settings: Settings) -> tuple[LeadStore, str]:
    """The team's lead store (a worker opens it), or the single agent's lists: a team
    setting refused or a schema newer than ours stays single-agent, with the reason."""
    if team is None:
        return open_lists(paths)
    from dialer_app.core.team.claim import Policy
    from dialer_app.core.team.errors import TeamConfigError, TeamSchemaError
    from dialer_app.core.team.outbox import FILE_NAME

    policy = Policy(
        lease_seconds=settings.get(LEASE_SECONDS),
        callback_grace_minutes=settings.get(CALLBACK_GRACE_MINUTES),
        max_attempts=max(1, settings.get(MAX_ATTEMPTS)),
        recall_minutes=settings.get(RECALL_MINUTES),
    )
    try:
        return open_team_store(team, paths.data_dir / FILE_NAME, policy), ""
    except (TeamConfigError, TeamSchemaError) as exc:
        log.error("Team database refused: %s", exc)
        lists, _problem = open_lists(paths)
        return lists, translated(exc.sentence)


def open_journal(paths: Paths, lead_store: Callable[[], LeadStore]) -> ComplianceJournal:
    """The compliance journal of the lists in use (a worker opens it): the single agent's in
    the lists file; a team database's in a file of its own, named after the database, with
    the purposes chosen at import read from the team database (issue 23: the two numberings
    of lists never meet)."""
    from dialer_app.core.team.connect import TeamTarget

    store = lead_store()
    target = getattr(store, "target", None)
    if not isinstance(target, TeamTarget):  # single agent, or the team setting refused
        return ComplianceJournal(paths.lists)
    path = paths.data_dir / team_journal_name(target.where)
    return ComplianceJournal(path, shared=store.list_purpose)  # type: ignore[attr-defined]


def _unavailable(paths: Paths, exc: HistoryError) -> str:
    return QCoreApplication.translate(
        "startup",
        "The call history at {path} cannot be opened ({reason}): calls are disabled until it "
        "can be written. Members and balance still load.",
    ).format(path=paths.history, reason=exc.reason or str(exc))


def diagnostics(paths: Paths, redactor: Redactor) -> str:
    """What "Copy diagnostics" puts on the clipboard: no key, numbers cut to 4 digits."""
    from dialer_app.core.credentials import backend_name
    from dialer_app.core.diagnostics import gather

    try:
        keyring_backend = backend_name()
    except Exception as exc:  # a broken keyring is itself worth reporting
        keyring_backend = f"unavailable ({type(exc).__name__})"
    facts = {"data directory": str(paths.data_dir), "keyring": keyring_backend}
    return gather(paths.log, redactor, facts)
