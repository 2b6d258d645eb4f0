"""The re-dial checks, asked while the number is typed or a lead is filled in.

Before a call leaves, the team guard asks CallerDesk twice (today's call report for this
customer, and the live calls): two round trips on the agent's connection; and this desk's
history is read on a worker. Asking both when the number is ready, not when Return is
pressed, lets Return send at once. The team's answer is used only while it is fresh
(``FRESH_S``); the history's only while nothing has been written to it since, and only when
it says "go" (a block or an earlier attempt is read again at the press). Otherwise the press
asks as before. Nothing here decides to call: the answers feed the same question as ever.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Slot

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.phone import last_ten, normalise
from dialer_app.core.records import TeamCall
from dialer_app.services import settings as keys_of
from dialer_app.services.history import Ahead, HistoryService, PreCall
from dialer_app.services.runner import Latest
from dialer_app.services.settings import Settings
from dialer_app.services.team import TeamGuard
from dialer_app.ui.calling.dial_form import DialForm

FRESH_S = 10.0  # an answer older than this is asked again at the press
SETTLE_MS = 250  # the number stops changing for this long before the team is asked
REFRESH_MS = 8_000  # a number left in the field is asked again this often ...
REFRESH_FOR_S = 120.0  # ... for this long after it was typed or filled in


@dataclass(frozen=True, slots=True)
class _Answer:
    customer: str  # last ten digits
    member: str  # last ten digits
    cooldown: int
    asked_at: float  # time.monotonic() when the question left
    calls: tuple[TeamCall, ...]


class AskAhead(QObject):
    """Asks the team guard and the history about the number in the form before the agent
    presses Return."""

    def __init__(
        self,
        team: TeamGuard,
        history: HistoryService,
        form: DialForm,
        settings: Settings,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._team = team
        self._history = history
        self._local: tuple[tuple[str, str, int], float, Ahead] | None = None
        self._local_job: Latest[Ahead] = Latest()
        self._form = form
        self._settings = settings
        self._answer: _Answer | None = None
        self._job: Latest[list[TeamCall]] = Latest()
        self._asking: tuple[str, str, int] | None = None
        self._asked_at = 0.0
        self._local_asked: tuple[tuple[str, str, int], float] = (("", "", 0), 0.0)
        self._typed_at = 0.0
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._on_refresh_timeout)
        form.number_ready.connect(self._on_form_number_ready)
        form.member_combo.currentIndexChanged.connect(self._on_form_member_changed)

    def fresh(self, customer: str, member: str, cooldown: int) -> list[TeamCall] | None:
        """The team's calls to ``customer`` within ``cooldown`` (newest first), if asked for
        this customer and member less than ``FRESH_S`` ago; else None (ask now)."""
        answer = self._answer
        if (
            answer is None
            or (answer.customer, answer.member) != (last_ten(customer), last_ten(member))
            or answer.cooldown < cooldown
            or time.monotonic() - answer.asked_at >= FRESH_S
        ):
            return None
        since = datetime.now(UTC) - timedelta(seconds=cooldown)
        return [call for call in answer.calls if call.live or call.started_at >= since]

    def local(self, customer: str, member: str, cooldown: int) -> PreCall | None:
        """This desk's history says "go" for ``customer`` (not blocked, no attempt within the
        cool-down), read for this key less than ``FRESH_S`` ago with nothing written since;
        else None (read it now)."""
        local = self._local
        if local is None:
            return None
        key, asked_at, ahead = local
        if (
            key != (last_ten(customer), last_ten(member), cooldown)
            or time.monotonic() - asked_at >= FRESH_S
            or ahead.before.blocked
            or ahead.before.earlier is not None
            or not self._history.unchanged(ahead)
        ):
            return None
        return ahead.before

    @Slot(str)
    def _on_form_number_ready(self, _number: str) -> None:
        self._typed_at = time.monotonic()
        self._settle.start()

    @Slot(int)
    def _on_form_member_changed(self, _index: int) -> None:
        self._settle.start()

    @Slot()
    def _on_settle_timeout(self) -> None:
        self._ask()

    @Slot()
    def _on_refresh_timeout(self) -> None:
        if time.monotonic() - self._typed_at > REFRESH_FOR_S:
            self._refresh.stop()
            return
        self._ask()

    def _ask(self) -> None:
        """Ask about the number now in the form, unless the answer for it is still new."""
        found = self._key()
        if found is None:
            self._refresh.stop()
            return
        customer, key = found
        local = self._history.before_call_ahead(customer, key[2])
        self._local_job.replace(local)
        local.on_success(self._on_local_succeeded)
        self._local_asked = key, time.monotonic()
        answer = self._answer
        if self._asking == key:
            return
        if (
            answer is not None
            and (answer.customer, answer.member, answer.cooldown) == key
            and time.monotonic() - answer.asked_at < FRESH_S - REFRESH_MS / 1000
        ):
            return  # just asked
        job = self._team.check(customer, key[1], key[2])
        if job is None:
            return
        self._asking, self._asked_at = key, time.monotonic()
        self._job.replace(job)
        job.on_success(self._on_job_succeeded)
        job.finished.connect(self._on_job_finished)
        self._refresh.start()

    @Slot(object)
    def _on_job_succeeded(self, calls: list[TeamCall]) -> None:
        if self._asking is not None:
            customer, member, cooldown = self._asking
            self._answer = _Answer(customer, member, cooldown, self._asked_at, tuple(calls))

    @Slot(object)
    def _on_local_succeeded(self, ahead: Ahead) -> None:
        key, asked_at = self._local_asked
        self._local = key, asked_at, ahead

    @Slot()
    def _on_job_finished(self) -> None:
        self._asking = None

    def _key(self) -> tuple[str, tuple[str, str, int]] | None:
        """The number in the form and its key (customer, member, cool-down, compared on
        their last ten digits); None when the form cannot call."""
        member = self._form.selected_member()
        cooldown = self._settings.get(keys_of.COOLDOWN)
        if member is None or cooldown <= 0:
            return None
        try:
            customer = normalise(self._form.number_edit.text())
        except InvalidNumber:
            return None
        return customer, (last_ten(customer), last_ten(member.number), cooldown)

    def forget(self) -> None:
        """Drop the answer and the question in flight (the account changed)."""
        self._job.cancel()
        self._local_job.cancel()
        self._asking = None
        self._answer = self._local = None
