"""A desk's pulse on the team database: what the window needs to know every few seconds.

One short round trip (run on a worker by ``LeadService.pulse``): the outbox sent first if it
holds anything, the do-not-call numbers added since the last look, this agent's row in
``agents`` (a supervisor sees who is working). A database that cannot be reached answers
``reachable=False`` with the time of the last contact; nothing is raised.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from dialer_app.core.team.errors import TeamRefused, TeamUnavailable

if TYPE_CHECKING:
    from dialer_app.core.team.store import TeamLeadStore


@dataclass(frozen=True, slots=True)
class Pulse:
    """The team as this desk last heard it."""

    reachable: bool
    last_contact: datetime | None  # the last answer from the database (None: never)
    sent: int  # outbox steps sent by this pulse
    pending: int  # outbox steps still waiting
    blocked: tuple[str, ...]  # do-not-call numbers added since ``since``
    seen_until: datetime | None  # the newest do-not-call entry seen (the next ``since``)


def pulse(store: TeamLeadStore, since: datetime | None, state: str, detail: str = "") -> Pulse:
    """Send the outbox, read the new do-not-call numbers, say this agent is here."""
    sent = 0
    try:
        if store.pending():
            sent = store.send_outbox()
        numbers, newest = store.do_not_call_since(since)
        if store.member:
            with contextlib.suppress(TeamRefused):  # the member's row is another login's
                store.heartbeat(state, detail)
    except TeamUnavailable:
        return Pulse(False, store.last_contact, sent, store.pending(), (), since)
    return Pulse(True, store.last_contact, sent, store.pending(), tuple(numbers), newest)
