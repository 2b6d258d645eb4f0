"""A desk of a team: who the agent is, the pulse on the team database, the lease on the lead.

Only built when a team database is in use (``LeadService.team``). Every step is a job of
``TeamDoor`` on a worker; this flow holds the timers and says what the agent needs to know:

- the member chosen in the window is the agent (the number is the identity, the name shown);
- every 2 s a pulse sends the outbox, hears the team's new do-not-call numbers and tells
  whether the database answers: while it does not, one sentence beginning "The team database
  cannot be reached" with the time of the last contact, and no new lead is claimed;
- the lead in hand is renewed every third of its lease; an agent with no lead looks again
  every 10 s (a lead whose lease ran out elsewhere reaches the next free agent);
- a password libpq does not have is asked once in the window, then the lists open again;
- the pulse says what the agent is doing (on a call: the customer's last four digits and the
  live leg; wrap-up; ready); ``presence`` holds the pause (F10, the window's key): while
  paused the claim gives no lead and ``CallFlow`` places no call.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from dialer_app.core.records import HistoryRow
from dialer_app.core.team.errors import NO_PASSWORD, WRONG_PASSWORD, TeamError
from dialer_app.core.team.presence import ON_CALL, READY, WRAP_UP, call_detail, pause_reasons
from dialer_app.core.team.pulse import Pulse
from dialer_app.services import settings as keys_of
from dialer_app.services.calls import CallService
from dialer_app.services.live import LiveUpdate
from dialer_app.services.presence import PresenceService
from dialer_app.services.settings import Settings
from dialer_app.services.team_door import LOOK_AGAIN_MS, PULSE_MS, TeamDoor
from dialer_app.ui.calling.dial_form import DialForm
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.leads.flow import LeadListFlow
from dialer_app.ui.leads.team_dialogs import PasswordDialog


class TeamFlow(QObject):
    """The timers and sentences of a team's desk.

    Signals:
        notice(Notice): a sentence for the window
        reachable_changed(bool): the team database answers again, or stopped answering
    """

    notice = Signal(object)
    reachable_changed = Signal(bool)

    def __init__(
        self,
        team: TeamDoor,
        flow: LeadListFlow,
        calls: CallService,
        settings: Settings,
        form: DialForm,
        window: QWidget,
        *,
        wrap_up: QWidget | None = None,
        pulse_ms: int = PULSE_MS,
        look_again_ms: int = LOOK_AGAIN_MS,
    ) -> None:
        super().__init__(window)
        self._team, self._flow, self._calls, self._form = team, flow, calls, form
        self._window, self._wrap_up = window, wrap_up
        self._leg = ""  # the live call's leg state, as the live tracker last said
        self.presence = PresenceService(team.presence(), team.runner, self)
        self.presence.paused_changed.connect(self._on_paused_changed)
        self.pause_reasons = pause_reasons(settings.get(keys_of.PAUSE_REASONS))
        calls.busy_changed.connect(self._on_state_event)
        calls.call_finished.connect(self._on_state_event)
        self.reachable = True
        self.last_contact: datetime | None = None
        self._pulsing = False
        self._asked_password = False
        self._open = False  # the lists are open: an agent can be set (after their start)
        self._agent = ""
        self._pulse = self._timer(pulse_ms, self._on_pulse_timeout)
        lease_ms = max(1000, settings.get(keys_of.LEASE_SECONDS) * 1000 // 3)
        self._renewal = self._timer(lease_ms, self._on_renewal_timeout)
        self._look = self._timer(look_again_ms, self._on_look_timeout)
        form.member_combo.currentIndexChanged.connect(self._on_member_changed)
        flow.unavailable.connect(self._on_lists_unavailable)
        flow.opened.connect(self._on_lists_started)

    def _timer(self, interval_ms: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        timer.start()
        return timer

    def start(self) -> None:
        """The first pulse now; the agent is set once the lists have started (so the start's
        view, read before any claim, never overtakes the first claimed lead)."""
        self._on_pulse_timeout()

    @Slot()
    def _on_lists_started(self) -> None:
        self._open = True
        self._on_member_changed()

    def stop(self) -> None:
        for timer in (self._pulse, self._renewal, self._look):
            timer.stop()

    # -- what the agent is doing, and the pause --------------------------------------------
    def agent_state(self) -> tuple[str, str]:
        """On a call (last four digits, leg), wrap-up or ready (a pause stays in the store)."""
        if self._calls.busy or self._leg:
            return ON_CALL, call_detail(self._form.number_edit.text(), self._leg)
        if self._wrap_up is not None and self._wrap_up.isVisible():
            return WRAP_UP, ""
        return READY, ""

    @Slot(object)
    def on_live_changed(self, update: LiveUpdate) -> None:
        self._leg = "" if update.state.value == "ended" else update.state.value.replace("_", " ")
        self._on_state_event()

    @Slot(object)
    def on_live_ended(self, _row: HistoryRow) -> None:
        self._leg = ""
        self._on_state_event()

    @Slot()
    def _on_state_event(self, *_args: object) -> None:
        """A call started, moved or ended: the supervisor hears it now, not at the next pulse."""
        if self._agent:
            self.presence.set_state(*self.agent_state())

    @Slot(object)
    def on_left_waiting(self, row: HistoryRow) -> None:
        """The call report's worst case: the supervisor counts a customer left waiting."""
        self._team.mark_left_waiting(row.row_id).on_failure(self._on_quiet_failure)

    def say(self, text: str) -> None:
        """The pause key's sentence (paused, or ready again) for the window."""
        self.notice.emit(Notice(Level.WARN if self.presence.paused else Level.INFO, text))

    @Slot(bool, str)
    def _on_paused_changed(self, paused: bool, _reason: str) -> None:
        self._flow.claiming = self.reachable and not paused
        if not paused:
            self._flow.look_again(force=True)

    # -- who the agent is ---------------------------------------------------------------
    @Slot()
    def _on_member_changed(self) -> None:
        member = self._form.selected_member()
        if not self._open or member is None or member.number == self._agent or self._calls.busy:
            return
        self._agent = member.number
        job = self._team.set_agent(member.number, member.name)
        job.on_success(self._on_agent_set).on_failure(self._on_agent_failed)
        text = self.tr("Working the team's leads as {name}.").format(name=member.name)
        self.notice.emit(Notice(Level.STATUS, text))

    @Slot(object)
    def _on_agent_set(self, changed: bool) -> None:
        self.presence.start()  # a pause the database still holds is taken up
        if changed:
            self._flow.look_again(force=True)

    @Slot(object)
    def _on_agent_failed(self, exc: BaseException) -> None:
        self._agent = ""  # asked again at the next change or start
        self._on_team_failed(exc)

    # -- the pulse ----------------------------------------------------------------------
    @Slot()
    def _on_pulse_timeout(self) -> None:
        if self._pulsing:
            return
        self._pulsing = True
        state, detail = self.agent_state()
        self.presence.remember(state, detail)  # this pulse writes it
        job = self._team.pulse(state, detail)
        job.on_success(self._on_pulse_heard).on_failure(self._on_pulse_failed)

    @Slot(object)
    def _on_pulse_heard(self, heard: Pulse) -> None:
        self._pulsing = False
        self.last_contact = heard.last_contact or self.last_contact
        if heard.reachable == self.reachable:
            return
        self.reachable = heard.reachable
        self._flow.claiming = heard.reachable and not self.presence.paused
        self.reachable_changed.emit(heard.reachable)
        if not heard.reachable:
            self.notice.emit(Notice(Level.WARN, self.outage_sentence()))
            return
        text = self.tr("The team database answers again: new leads are taken as before.")
        if heard.sent:
            text += " " + self.tr("%n step(s) written meanwhile were sent.", "", heard.sent)
        self.notice.emit(Notice(Level.INFO, text))
        if self._flow.active is None:  # the lists could not open while it was away: now
            self._flow.start()
        else:
            self._flow.look_again(force=True)

    def outage_sentence(self) -> str:
        """The one sentence of an outage, with the time of the last contact."""
        if self.last_contact is None:
            when = self.tr("never reached since the dialer started")
        else:
            when = self.tr("last contact at {time}").format(
                time=self.last_contact.astimezone().strftime("%H:%M:%S")
            )
        return self.tr(
            "The team database cannot be reached ({when}): the lead in hand can still be called"
            " and wrapped up, and what is written waits on this computer; no new lead is taken"
            " until it answers."
        ).format(when=when)

    @Slot(object)
    def _on_pulse_failed(self, exc: BaseException) -> None:
        self._pulsing = False
        self._on_team_failed(exc)

    # -- the lead in hand, and none ------------------------------------------------------
    @Slot()
    def _on_renewal_timeout(self) -> None:
        lead = self._flow.lead
        if lead is not None and self.reachable:
            self._team.renew(lead.lead_id).on_failure(self._on_quiet_failure)

    @Slot()
    def _on_look_timeout(self) -> None:
        if self.reachable and not self._calls.busy:
            self._flow.look_again()

    @Slot(object)
    def _on_quiet_failure(self, _exc: BaseException) -> None:
        """A renewal the database did not answer: the pulse says so in one sentence."""

    # -- the password -------------------------------------------------------------------
    @Slot(object)
    def _on_lists_unavailable(self, exc: BaseException) -> None:
        asks = isinstance(exc, TeamError) and exc.sentence.source in (NO_PASSWORD, WRONG_PASSWORD)
        if not asks or self._asked_password:
            return
        self._asked_password = True  # asked once: a second refusal is a sentence
        assert isinstance(exc, TeamError)
        secret = PasswordDialog.ask(self._window, translated(exc.sentence))
        if secret:
            self._team.use_password(secret).on_success(self._on_password_kept)

    @Slot(object)
    def _on_password_kept(self, _none: object) -> None:
        self._flow.start()

    @Slot(object)
    def _on_team_failed(self, exc: BaseException) -> None:
        text = translated(exc.sentence) if isinstance(exc, TeamError) else str(exc)
        self.notice.emit(Notice(Level.ERROR, text))
