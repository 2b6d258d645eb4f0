"""The team half of the lead lists' door: who the agent is, the pulse, leases, the team's
do-not-call list and password, each a job on a worker (never the GUI thread).

``LeadService.team`` hands it out when a team database is in use; it reaches the same
private store as ``LeadService`` (a ``TeamLeadStore``; psycopg is imported on the worker that
opens it). The do-not-call numbers the team announced are kept in memory here, so the check
before every call (``blocked``, run on the history's worker) costs no round trip, and a number
another desk added is refused here within one pulse (2 s).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from dialer_app.core.leads.store import LeadStore
from dialer_app.core.phone import last_ten
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence
from dialer_app.services.runner import Job, Runner

if TYPE_CHECKING:
    from dialer_app.core.team.claim import Policy
    from dialer_app.core.team.connect import PasswordSource, TeamTarget
    from dialer_app.core.team.pulse import Pulse
    from dialer_app.core.team.store import TeamLeadStore

CTX = "team"
CONNECTED = QT_TRANSLATE_NOOP(
    "team",
    "Connected to the team database at {where} as {user}: schema version {version} (this"
    " dialer knows {known}); lead lists: {lists}.",
)
PULSE_MS = 2000  # do-not-call numbers within 5 s, the outbox within 10 s of the database
LOOK_AGAIN_MS = 10_000  # an agent with no lead looks for one at least this often


class TeamState:
    """What this desk knows of the team between jobs (thread-safe): the numbers on its
    do-not-call list, and the password typed in the window for this session."""

    def __init__(self, database: str, data_dir: Path) -> None:
        self.database = database  # the connection setting of this run (no password)
        self._data_dir = data_dir
        self._target: TeamTarget | None = None
        self._lock = threading.Lock()
        self._blocked: set[str] = set()
        self._since: datetime | None = None
        self._password: str | None = None

    def target(self) -> TeamTarget:
        """The setting checked (on a worker: psycopg parses it); ``TeamConfigError``."""
        from dialer_app.core.team.connect import parse_target
        from dialer_app.core.team.roots import system_roots

        with self._lock:
            if self._target is None:
                self._target = parse_target(self.database, system_roots(self._data_dir))
            return self._target

    def blocked(self, number: str) -> bool:
        with self._lock:
            return last_ten(number) in self._blocked

    def numbers(self) -> set[str]:
        with self._lock:
            return set(self._blocked)

    def add_blocked(self, numbers: Iterable[str], newest: datetime | None = None) -> None:
        with self._lock:
            self._blocked.update(last_ten(number) for number in numbers)
            if newest is not None:
                self._since = newest

    @property
    def since(self) -> datetime | None:
        with self._lock:
            return self._since

    def typed_password(self) -> str | None:
        with self._lock:
            return self._password

    def set_password(self, secret: str) -> None:
        with self._lock:
            self._password = secret

    def password_source(self, target: TeamTarget) -> Callable[[str], str | None]:
        """What ``connect`` asks when libpq has no password: the one typed this session,
        then the keyring (libpq's own PGPASSWORD / .pgpass / pg_service.conf come first)."""

        from dialer_app.core.team.connect import keyring_source

        stored = keyring_source(target)

        def password(name: str) -> str | None:
            typed = self.typed_password()
            return typed if typed is not None else stored(name)

        return password


class AgentPresence:
    """The team store's presence, reached when a job runs (the store opens on a worker); an
    agent not chosen yet (no member) writes nothing."""

    def __init__(self, team: Callable[[], TeamLeadStore]) -> None:
        self._team = team

    def heartbeat(self, state: str = "ready", detail: str = "") -> None:
        store = self._team()
        if store.member:
            store.heartbeat(state, detail)

    def pause(self, reason: str) -> None:
        store = self._team()
        if store.member:
            store.pause(reason)

    def resume(self, state: str = "ready") -> None:
        store = self._team()
        if store.member:
            store.resume(state)

    def paused_reason(self) -> str | None:
        store = self._team()
        return store.paused_reason() if store.member else None


@dataclass(frozen=True, slots=True)
class SupervisorLogin:
    """What the supervisor's window needs to open from this desk: the same database and
    login, the desk's policy, and where its password comes from."""

    target: TeamTarget
    policy: Policy
    password: PasswordSource


class TeamDoor:
    """The team's jobs on the lead store ``store()`` (a ``TeamLeadStore``)."""

    def __init__(self, store: Callable[[], LeadStore], state: TeamState, runner: Runner) -> None:
        self._store = store
        self.state = state
        self.runner = runner  # the worker of the team's jobs (the presence's too)

    def _team(self) -> TeamLeadStore:
        return cast("TeamLeadStore", self._store())  # a team's LeadService opens no other

    def set_agent(self, member: str, name: str) -> Job[bool]:
        """The member chosen in the window works the team's leads from now on (True: it
        changed: what the last member held is released, and what a crash left is recovered)."""

        return self.runner.submit(lambda: self._team().work_as(member, name))

    def pulse(self, state: str = "ready", detail: str = "") -> Job[Pulse]:
        """Send the outbox, hear new do-not-call numbers, say this agent is here and what it
        is doing (``core.team.presence``'s states; a pause stays until resumed)."""
        from dialer_app.core.team.pulse import pulse

        def work() -> Pulse:
            heard = pulse(self._team(), self.state.since, state, detail)
            self.state.add_blocked(heard.blocked, heard.seen_until)
            return heard

        return self.runner.submit(work)

    def presence(self) -> AgentPresence:
        """This agent's state for ``PresenceService`` (its calls run on this door's worker)."""
        return AgentPresence(self._team)

    def supervisor_login(self) -> Job[SupervisorLogin | None]:
        """The login of this desk, if it may open the supervisor's window (it holds
        ``dialer_supervisor`` or owns the database); None for an agent's login."""

        def work() -> SupervisorLogin | None:
            store = self._team()
            if not store.may_supervise():
                return None
            target = self.state.target()
            return SupervisorLogin(target, store.policy, self.state.password_source(target))

        return self.runner.submit(work)

    def mark_left_waiting(self, history_row: int) -> Job[None]:
        """The customer answered and this agent did not: the supervisor's "left waiting"."""
        return self.runner.submit(lambda: self._team().mark_left_waiting(history_row))

    def renew(self, lead_id: int) -> Job[bool]:
        """Extend the lease on the lead in hand (False: it is no longer this agent's)."""
        return self.runner.submit(lambda: self._team().renew(lead_id))

    def block(self, number: str, reason: str) -> Job[None]:
        """Put ``number`` on the team's do-not-call list (every desk refuses it)."""

        return self.runner.submit(lambda: self.add_now([number], reason))

    def add_now(self, numbers: Iterable[str], reason: str) -> None:
        """Worker side of ``block``, for a job already on a worker (a file of numbers)."""
        listed = [last_ten(number) for number in numbers]
        self._team().add_do_not_call_all(listed, reason)
        self.state.add_blocked(listed)

    def blocked(self, number: str) -> bool:
        """On the team's do-not-call list, as last heard (no round trip: any thread)."""
        return self.state.blocked(number)

    def use_password(self, secret: str) -> Job[None]:
        """The password typed in the window: this session's, and saved in the keyring under
        the contract's name (``team:<user>@<host>:<port>/<dbname>``) when a keyring works."""

        def work() -> None:
            from dialer_app.core.errors import CredentialError
            from dialer_app.core.team.connect import save_keyring_password

            self.state.set_password(secret)
            with contextlib.suppress(CredentialError):  # no keyring: this session's only
                save_keyring_password(self.state.target(), secret)

        return self.runner.submit(work)


def test_connection(database: str, data_dir: Path) -> Sentence:
    """Dialer → Team…'s test (a worker): connect as this desk would and say what answered;
    a ``TeamError`` with its sentence when it cannot."""
    from dialer_app.core.team.connect import connect
    from dialer_app.core.team.schema import SCHEMA_VERSION, check

    state = TeamState(database, data_dir)
    target = state.target()
    with connect(target, state.password_source(target)) as conn:
        found = check(conn, target.where)
        lists = conn.execute("SELECT COUNT(*) FROM lists").fetchone()
    count = str(lists[0] if lists else 0)
    return Sentence(CTX, CONNECTED, {"where": target.where, "user": target.user,
                                     "version": str(found), "known": str(SCHEMA_VERSION),
                                     "lists": count})  # fmt: skip


def open_team_store(state: TeamState, outbox: Path, policy: Policy) -> TeamLeadStore:
    """The team's store (on a worker), its do-not-call list read; ``TeamConfigError`` /
    ``TeamSchemaError`` (the caller stays single-agent), ``TeamLoginError`` (ask the
    password). A database away at start is no error: the outbox works, the pulse retries."""
    from dialer_app.core.team.errors import TeamUnavailable
    from dialer_app.core.team.store import TeamLeadStore

    target = state.target()
    password = state.password_source(target)
    store = TeamLeadStore(target, "", "", outbox, policy=policy, password=password)
    with contextlib.suppress(TeamUnavailable):
        state.add_blocked(*store.do_not_call_since(None))
    return store
