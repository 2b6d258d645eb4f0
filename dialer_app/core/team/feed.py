"""The supervisor's live view: what changed, read as soon as the database says so (no Qt).

``watch_team`` runs on a thread of its own until ``stop`` is set. It LISTENs on
``dialer_watch`` (``schema.V4``: a trigger per agent state, attempt, lead status and list),
reads first everything, then only the part a notification names (the agents and their day
when an agent or an attempt changed; the named lists and the call-backs when a lead's status
changed), so a change reaches ``deliver`` within about a second. Every ``FULL_SECONDS`` it
reads everything again: a call-back falls due and an agent goes offline with no row changing.
A failure is delivered as a ``Snapshot`` with ``error`` set, and the loop connects again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from dialer_app.core.team.connect import PasswordSource, TeamTarget
from dialer_app.core.team.errors import TeamError
from dialer_app.core.team.listen import TeamListener
from dialer_app.core.team.schema import WATCH
from dialer_app.core.team.supervise import SupervisorDesk
from dialer_app.core.team.watch import AgentRow, CallBackRow, ListRow

GATHER_SECONDS = 0.25  # after the first notification, wait this long for its companions
FULL_SECONDS = 10.0
RECONNECT_SECONDS = 3.0


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What was read: a part left None did not change. ``now`` is the database's clock."""

    now: datetime | None = None
    agents: tuple[AgentRow, ...] | None = None
    lists: tuple[ListRow, ...] | None = None
    lists_complete: bool = True  # False: only the lists named changed
    call_backs: tuple[CallBackRow, ...] | None = None
    error: TeamError | None = None


@dataclass
class _Wanted:
    agents: bool = False
    lists: set[int] | None = field(default_factory=set)  # None: all of them
    call_backs: bool = False

    @classmethod
    def everything(cls) -> _Wanted:
        return cls(True, None, True)

    def hear(self, payload: str) -> None:
        kind, _, rest = payload.partition(":")
        if kind in ("agent", "attempt"):
            self.agents = True
        elif kind == "leads":
            self.call_backs = True
            if self.lists is not None and rest.isdigit():
                self.lists.add(int(rest))
        elif kind == "lists":
            self.lists = None

    def __bool__(self) -> bool:
        return self.agents or self.call_backs or self.lists is None or bool(self.lists)


def read(desk: SupervisorDesk, wanted: _Wanted) -> Snapshot:
    """The parts ``wanted`` asks for, on the database's clock (one transaction)."""
    every = wanted.lists is None
    read = desk.floor(agents=wanted.agents, lists=every or bool(wanted.lists),
                      list_ids=None if wanted.lists is None else sorted(wanted.lists),
                      call_backs=wanted.call_backs)  # fmt: skip
    return Snapshot(now=read.now, agents=read.agents, lists=read.lists, lists_complete=every,
                    call_backs=read.call_backs)  # fmt: skip


def watch_team(
    target: TeamTarget, desk: SupervisorDesk, deliver: Callable[[Snapshot], None],
    stop: threading.Event, password: PasswordSource | None = None,
) -> None:  # fmt: skip
    """Deliver snapshots until ``stop`` is set (run on a thread of its own)."""
    while not stop.is_set():
        try:
            _listen(target, desk, deliver, stop, password)
        except TeamError as exc:
            deliver(Snapshot(error=exc))
            stop.wait(RECONNECT_SECONDS)


def _listen(
    target: TeamTarget, desk: SupervisorDesk, deliver: Callable[[Snapshot], None],
    stop: threading.Event, password: PasswordSource | None,
) -> None:  # fmt: skip
    listener = TeamListener(target, password, WATCH)
    try:
        deliver(read(desk, _Wanted.everything()))
        last_full = time.monotonic()
        while not stop.is_set():
            wanted = _Wanted()
            for payload in listener.wait(0.5, gather=GATHER_SECONDS):
                wanted.hear(payload)
            if time.monotonic() - last_full >= FULL_SECONDS:
                wanted, last_full = _Wanted.everything(), time.monotonic()
            if wanted and not stop.is_set():
                deliver(read(desk, wanted))
    finally:
        listener.close()
