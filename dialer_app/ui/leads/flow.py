"""Working a lead list: the next lead into the form, its calls and wrap-up, skip, call back.

The flow never dials: it fills the customer field with the lead (``DialForm.fill_lead``: the
form holds the lead until its number is edited) and the agent's Return goes through the same
``CallFlow.place`` as any call, with every guard. The call request carries the lead's id, and
``CallService`` writes the lead's attempt ahead of the request on its worker. Every read and
write of the lead lists is a ``LeadService`` job: the flow shows what each job answers (the
next lead, the progress), and the GUI thread never waits on the store. After the wrap-up
(saved or skipped) the next lead is filled in.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.leads.model import Lead, LeadList, LeadListProgress, LeadStatus
from dialer_app.core.phone import format_national, mask, normalise
from dialer_app.core.records import HistoryRow, Outcome, Verdict, WrapUp
from dialer_app.services import settings as keys_of
from dialer_app.services.calls import CallAttempt, CallService
from dialer_app.services.leads import LeadListView, LeadService, Opening
from dialer_app.services.runner import Job
from dialer_app.services.settings import Settings
from dialer_app.ui.calling.dial_form import DialForm
from dialer_app.ui.calling.wrapup import WrapUpPanel
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.common.plain import notification
from dialer_app.ui.leads.dialogs import CallBackDialog
from dialer_app.ui.leads.panel import LeadListPanel

log = logging.getLogger(__name__)
REMINDER_MS = 15_000


class LeadListFlow(QObject):
    """The active lead list, the lead in the form, and what each call of it came to.

    Signals:
        notice(Notice): a sentence for the window
        problem(str): a start-up problem, shown beside the others (none hides another)
        lead_shown(object): the lead now in the form (None: the list is done)
        unavailable(object): the lead lists could not be opened (the exception)
        opened(): the lead lists are open and shown (after ``start``)
    """

    notice = Signal(object)
    problem = Signal(str)
    lead_shown = Signal(object)
    unavailable = Signal(object)
    opened = Signal()

    def __init__(
        self,
        leads: LeadService,
        calls: CallService,
        settings: Settings,
        form: DialForm,
        panel: LeadListPanel,
        wrap_up: WrapUpPanel,
        window: QWidget,
        *,
        reminder_ms: int = REMINDER_MS,
    ) -> None:
        super().__init__(window)
        self._leads = leads
        self._calls = calls
        self._settings = settings
        self._form = form
        self._panel = panel
        self._window = window
        self.active: LeadList | None = None
        self.started = False  # the store answered at start-up (opened, or said why not)
        self.lead: Lead | None = None
        self._stepping = False  # a step (skip, call back, next) is being written
        self.claiming = True  # False while a team database is away: no new lead is taken
        self._due_job: Job[list[Lead]] | None = None
        self._reminded: set[tuple[int, str]] = set()
        calls.call_finished.connect(self._on_calls_call_finished)
        wrap_up.saved.connect(self._on_wrap_up_saved)
        wrap_up.skipped.connect(self._on_wrap_up_skipped)
        panel.list_chosen.connect(self.choose_list)
        self._reminders = QTimer(self)
        self._reminders.setInterval(reminder_ms)
        self._reminders.timeout.connect(self._on_reminders_timeout)

    @property
    def max_attempts(self) -> int:
        return max(1, self._settings.get(keys_of.MAX_ATTEMPTS))

    def start(self) -> None:
        """Resume where the agent was: a call a crash cut short becomes ``unknown``."""
        job = self._leads.start(self.max_attempts)
        job.on_success(self._on_leads_started).on_failure(self._on_leads_unavailable)

    @Slot(object)
    def _on_leads_started(self, opening: Opening) -> None:
        self.started = True
        if opening.problem:
            self.problem.emit(opening.problem)
        self._show_view(opening.view)
        if opening.recovered:
            text = self.tr(
                "The last session ended during a call to a lead: that attempt is marked "
                "unknown (it may have rung). Check before pressing Return."
            )
            self.notice.emit(Notice(Level.WARN, text))
        self._reminders.start()
        self.opened.emit()

    @Slot(object)
    def _on_leads_unavailable(self, exc: BaseException) -> None:
        self.started = True
        self.notice.emit(Notice(Level.ERROR, self.tr("Lead lists unavailable: {reason}")
                                .format(reason=exc)))  # fmt: skip
        self.unavailable.emit(exc)

    def look_again(self, *, force: bool = False) -> None:
        """A team's desk looks for a lead: when it has none (every 10 s), or (``force``: the
        agent or the database changed) reads what it holds again and takes one if it has none."""
        if self._stepping or self._calls.busy or not self.claiming:
            return
        if force:
            self._leads.show(None, self.max_attempts).on_success(self._on_view_read)
        elif self.active is not None and self.lead is None:
            self._next()

    # -- the list and its lead ----------------------------------------------------------
    def use_list(self, lead_list: LeadList) -> None:
        """A lead list just imported (and made the active one by the import) is shown."""
        self.active = lead_list
        self._leads.show(None, self.max_attempts).on_success(self._on_view_read)

    @Slot(int)
    def choose_list(self, list_id: int) -> None:
        """Switch lists; each keeps its place (its current lead is stored)."""
        if self._calls.busy or (self.active is not None and self.active.list_id == list_id):
            return
        self._leads.show(list_id, self.max_attempts).on_success(self._on_view_read)

    @Slot(object)
    def _on_view_read(self, view: LeadListView) -> None:
        self._show_view(view)

    def _show_view(self, view: LeadListView) -> None:
        self.active = active = view.active
        self._panel.set_lists(list(view.lists), None if active is None else active.list_id)
        if active is None:
            return
        self._panel.model.show_list(active.list_id, view.count)
        self._show_lead(view.lead)

    def _show_lead(self, lead: Lead | None) -> None:
        """Fill the lead into the form (never dialled) and its details under it."""
        self.lead = lead
        assert self.active is not None
        self._panel.show_lead(lead, self.active.columns)
        if lead is None:
            self._form.release_lead()
        else:
            self._form.fill_lead(lead.lead_id, lead.display_number)
            self._form.focus_number()
            log.info("Lead %d filled in (%s); not dialled", lead.position + 1, mask(lead.number))
        self.refresh_progress()
        self.lead_shown.emit(lead)

    def refresh_progress(self) -> None:
        if self.active is not None:
            self._leads.progress(self.active.list_id).on_success(self._on_progress_counted)

    @Slot(object)
    def _on_progress_counted(self, progress: LeadListProgress) -> None:
        self._panel.show_progress(progress)

    def _next(self) -> None:
        if self.active is not None and not self.claiming:  # the team's database is away
            self._show_lead(None)
        elif self.active is not None:
            self._step(self._leads.advance(self.active.list_id, self.max_attempts))

    def _step(self, job: Job[Lead | None]) -> None:
        """A step to another lead is being written: its answer is the lead to show."""
        self._stepping = True
        job.on_success(self._on_step_done).on_failure(self._on_step_failed)

    @Slot(object)
    def _on_step_done(self, lead: Lead | None) -> None:
        self._stepping = False
        if self.active is not None:
            self._show_lead(lead)

    @Slot(object)
    def _on_step_failed(self, exc: BaseException) -> None:
        self._stepping = False
        text = self.tr("The lead list could not be updated: {reason}").format(reason=exc)
        self.notice.emit(Notice(Level.ERROR, text))

    # -- the agent's keys ---------------------------------------------------------------
    @Slot()
    def skip(self) -> None:
        """F6: leave this lead (it stays in the list as skipped) and fill the next."""
        lead = self._idle_lead()
        if lead is not None:
            self.notice.emit(Notice(Level.STATUS, self.tr("Skipped {number}.").format(
                number=lead.display_number)))  # fmt: skip
            self._step(self._leads.skip(lead, self.max_attempts))

    @Slot()
    def call_back_later(self) -> None:
        """F7: ask when (Return: in an hour); the lead comes back then, with a reminder."""
        lead = self._idle_lead()
        if lead is None:
            return
        dialog = CallBackDialog(lead.name or lead.display_number, self._leads.clock(),
                                self._window)  # fmt: skip
        dialog.accepted.connect(self._on_call_back_accepted)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()
        dialog.activateWindow()
        dialog.minutes.setFocus()
        dialog.minutes.selectAll()

    @Slot()
    def _on_call_back_accepted(self) -> None:
        lead, dialog = self.lead, self._dialog
        if lead is None:
            return
        when = dialog.when.astimezone().strftime("%H:%M")
        text = self.tr("{number} will come back at {time}.").format(
            number=lead.display_number, time=when
        )
        self.notice.emit(Notice(Level.STATUS, text))
        self._window.activateWindow()  # the question had it: the agent goes on in the form
        self._step(self._leads.call_back(lead, dialog.when, self.max_attempts))

    def _idle_lead(self) -> Lead | None:
        """The lead in the form, when no call of it is in flight."""
        if self.lead is None or self._stepping:
            return None
        if self._calls.busy:
            text = self.tr("Wait for the call's outcome before moving to another lead.")
            self.notice.emit(Notice(Level.STATUS, text))
            return None
        return self.lead

    @Slot()
    def call_other_number(self) -> None:
        """F4: call the lead's other number (a second number of its cell) instead.

        The number goes into the form and the call through the same ``CallFlow.place`` as
        Return, with every guard; with several, each press takes the next one.
        """
        lead = self._idle_lead()
        if lead is None:
            return
        if not lead.alternates:
            self.notice.emit(Notice(Level.STATUS, self.tr("This lead has no other number.")))
            return
        shown = _national_or_none(self._form.number_edit.text())
        others = lead.alternates
        after = others.index(shown) + 1 if shown in others else 0
        self._form.fill_lead(lead.lead_id, format_national(others[after % len(others)]))
        self._form.call_requested.emit()

    # -- following the call -------------------------------------------------------------
    @Slot(object)
    def _on_calls_call_finished(self, attempt: CallAttempt) -> None:
        """A call of a lead (its request carried the lead's id): the lead as it left it."""
        updated = attempt.lead
        if attempt.request.lead_id is None or updated is None:
            return
        self.lead = updated
        self._panel.model.reload()
        self.refresh_progress()
        placed = attempt.result.outcome is Outcome.PLACED
        if not placed and updated.attempts >= self.max_attempts:
            text = self.tr(
                "{number} has had %n attempt(s), the most a lead gets: next lead.", "",
                updated.attempts,
            ).format(number=updated.display_number)  # fmt: skip
            self.notice.emit(Notice(Level.WARN, text))
            self._next()

    @Slot(object)
    def on_verdict(self, row: HistoryRow) -> None:
        """The call report said what happened to a call (a lead's, perhaps)."""
        connected = row.verdict is Verdict.CONNECTED
        job = self._leads.record_verdict(row.row_id, connected, row.talk_seconds)
        job.on_success(self._on_verdict_recorded)

    @Slot(object)
    def _on_verdict_recorded(self, lead: Lead | None) -> None:
        if lead is not None:
            self._panel.model.reload()
            self.refresh_progress()

    @Slot(object, object)
    def _on_wrap_up_saved(self, row: HistoryRow, wrap_up: WrapUp) -> None:
        blocked = wrap_up.disposition == self._settings.get(keys_of.DO_NOT_CALL_DISPOSITION)
        if blocked and self._leads.team is not None:  # every desk of the team refuses it
            team_job = self._leads.team.block(row.customer_number, wrap_up.note)
            team_job.on_failure(self._on_step_failed)
        job = self._leads.wrap_up(row.row_id, wrap_up, blocked)
        job.on_success(self._on_wrapped_up).on_failure(self._on_step_failed)

    @Slot(object)
    def _on_wrap_up_skipped(self, row: HistoryRow) -> None:
        self._leads.lead_of_call(row.row_id).on_success(self._on_wrapped_up)

    @Slot(object)
    def _on_wrapped_up(self, lead: Lead | None) -> None:
        """The wrap-up of a call is written: the lead in the form's call, the next lead."""
        if lead is not None and self.lead is not None and self.lead.lead_id == lead.lead_id:
            self._next()

    # -- reminders ----------------------------------------------------------------------
    @Slot()
    def _on_reminders_timeout(self) -> None:
        self.check_reminders()

    def check_reminders(self) -> None:
        """Look for call backs that are due (one look at a time)."""
        active = self.active
        if active is None or (self._due_job is not None and not self._due_job.done):
            return
        self._due_job = self._leads.due(active.list_id, self.max_attempts)
        self._due_job.on_success(self._on_due_read)

    @Slot(object)
    def _on_due_read(self, due: list[Lead]) -> None:
        """A call back that is due: a notification, and the lead comes back to the top."""
        active = self.active
        for lead in due:
            key = (lead.lead_id, str(lead.call_back_at))
            if key in self._reminded or active is None or lead.list_id != active.list_id:
                continue
            self._reminded.add(key)
            self._remind(lead)
            current = self.lead
            idle = not self._calls.busy and not self._stepping
            if idle and (current is None or (current.attempts == 0 and current.status is
                         LeadStatus.NEW)):  # fmt: skip
                self._leads.set_current(active.list_id, lead.lead_id)
                self._show_lead(lead)

    def _remind(self, lead: Lead) -> None:
        who = lead.name or format_national(lead.number)
        text = self.tr("Time to call back {who} ({number}): press Return to call.").format(
            who=who, number=lead.display_number
        )
        self.notice.emit(Notice(Level.WARN, text))
        QApplication.alert(self._window)
        for tray in self._window.findChildren(QSystemTrayIcon):
            tray.showMessage(self.tr("Call back now"), notification(text))  # a name from the file


def _national_or_none(text: str) -> str | None:
    try:
        return normalise(text)
    except InvalidNumber:
        return None
