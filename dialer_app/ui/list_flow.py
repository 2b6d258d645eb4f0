"""Working a call-down list: the next lead into the form, its calls and wrap-up, skip, call back.

The flow never dials: it fills the customer field and the agent's Return goes through the
same ``CallFlow.place`` as any call, with every guard. It follows the call from the outside:
the form's busy state (a request is about to leave: the lead's attempt is committed first),
the call's outcome, the verdict, the wrap-up. After the wrap-up (saved or skipped) the next
lead is filled in.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from dialer_app.core.errors import HistoryError, InvalidNumber
from dialer_app.core.leads import Lead, LeadList, LeadStatus, Progress
from dialer_app.core.phone import format_national, mask, normalise
from dialer_app.core.records import Campaign, Outcome, Verdict, WrapUp
from dialer_app.services import settings as keys_of
from dialer_app.services.calls import CallAttempt, CallService
from dialer_app.services.leads import LeadService
from dialer_app.services.settings import Settings
from dialer_app.ui.dial_form import DialForm
from dialer_app.ui.list_dialogs import CallBackDialog
from dialer_app.ui.list_panel import ListPanel
from dialer_app.ui.notice import Level, Notice
from dialer_app.ui.plain import notification
from dialer_app.ui.wrapup import WrapUpPanel

log = logging.getLogger(__name__)
REMINDER_MS = 15_000


class ListFlow(QObject):
    """The active list, the lead in the form, and what each call of it came to.

    Signals:
        notice(Notice): a sentence for the window
        lead_shown(object): the lead now in the form (None: the list is done)
    """

    notice = Signal(object)
    lead_shown = Signal(object)

    def __init__(
        self,
        leads: LeadService,
        calls: CallService,
        settings: Settings,
        form: DialForm,
        panel: ListPanel,
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
        self.lead: Lead | None = None
        self._calling: Lead | None = None
        self._reminded: set[tuple[int, str]] = set()
        calls.busy_changed.connect(self._on_calls_busy_changed)
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
        try:
            recovered = self._leads.recover()
            self.active = self._leads.active_list()
            if self._leads.problem:
                self.notice.emit(Notice(Level.WARN, self._leads.problem))
        except HistoryError as exc:
            self.notice.emit(Notice(Level.ERROR, self.tr("Lead lists unavailable: {reason}")
                                    .format(reason=exc)))  # fmt: skip
            return
        self._show_active()
        if recovered:
            text = self.tr(
                "The last session ended during a call to a lead: that attempt is marked "
                "unknown (it may have rung). Check before pressing Return."
            )
            self.notice.emit(Notice(Level.WARN, text))
        self._reminders.start()

    # -- the list and its lead ----------------------------------------------------------
    def use_list(self, lead_list: LeadList) -> None:
        """A list just imported becomes the active one."""
        self.active = lead_list
        self._show_active()

    @Slot(int)
    def choose_list(self, list_id: int) -> None:
        """Switch lists; each keeps its place (its current lead is stored)."""
        if self._calls.busy or (self.active is not None and self.active.list_id == list_id):
            return
        self._leads.activate(list_id)
        self.active = self._leads.active_list()
        self._show_active()

    def _show_active(self) -> None:
        lists = self._leads.lists()
        active = self.active
        self._panel.set_lists(lists, None if active is None else active.list_id)
        if active is None:
            return
        store = self._leads.store
        self._panel.model.show_list(
            lambda start, count: store.page(active.list_id, start, count),
            store.count(active.list_id),
        )
        self._show_lead(self._leads.current(active.list_id, self.max_attempts))

    def _show_lead(self, lead: Lead | None) -> None:
        """Fill the lead into the form (never dialled) and its details under it."""
        self.lead = lead
        assert self.active is not None
        self._panel.show_lead(lead, self.active.columns)
        if lead is not None:
            self._form.number_edit.setText(lead.display_number)
            self._form.focus_number()
            log.info("Lead %d filled in (%s); not dialled", lead.position + 1, mask(lead.number))
        self.refresh_progress()
        self.lead_shown.emit(lead)

    def refresh_progress(self) -> None:
        if self.active is not None:
            self._leads.progress(self.active.list_id).on_success(self._on_progress_counted)

    @Slot(object)
    def _on_progress_counted(self, progress: Progress) -> None:
        self._panel.show_progress(progress)

    def _next(self) -> None:
        if self.active is not None:
            self._show_lead(self._leads.advance(self.active.list_id, self.max_attempts))

    # -- the agent's keys ---------------------------------------------------------------
    @Slot()
    def skip(self) -> None:
        """F6: leave this lead (it stays in the list as skipped) and fill the next."""
        lead = self._idle_lead()
        if lead is not None:
            self._leads.set_status(lead, LeadStatus.SKIPPED)
            self.notice.emit(Notice(Level.STATUS, self.tr("Skipped {number}.").format(
                number=lead.display_number)))  # fmt: skip
            self._next()

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
        self._leads.set_status(lead, LeadStatus.CALL_BACK, dialog.when)
        when = dialog.when.astimezone().strftime("%H:%M")
        text = self.tr("{number} will come back at {time}.").format(
            number=lead.display_number, time=when
        )
        self.notice.emit(Notice(Level.STATUS, text))
        self._window.activateWindow()  # the question had it: the agent goes on in the form
        self._next()

    def _idle_lead(self) -> Lead | None:
        """The lead in the form, when no call of it is in flight."""
        if self.lead is None:
            return None
        if self._calls.busy or self._calling is not None:
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
        self._form.number_edit.setText(format_national(others[after % len(others)]))
        self._form.call_requested.emit()

    # -- following the call -------------------------------------------------------------
    @Slot(bool)
    def _on_calls_busy_changed(self, busy: bool) -> None:
        """A request is about to leave: if it is the lead's, its attempt is committed now."""
        lead = self.lead
        if not busy or lead is None or self._calling is not None:
            return
        number = _national_or_none(self._form.number_edit.text())
        if number not in (lead.number, *lead.alternates):
            return  # the agent typed another number: not a call of the list
        self._leads.store.begin_attempt(lead.lead_id)
        self._calling = lead

    @Slot(object)
    def _on_calls_call_finished(self, attempt: CallAttempt) -> None:
        lead, self._calling = self._calling, None
        if lead is None or attempt.request.customer_number not in (lead.number, *lead.alternates):
            return
        row = attempt.row
        updated = self._leads.store.finish_attempt(
            lead.lead_id, attempt.result.outcome.value, attempt.result.campid,
            None if row is None else row.row_id,
        )  # fmt: skip
        self.lead = updated
        self._panel.model.reload()
        self.refresh_progress()
        placed = attempt.result.outcome is Outcome.PLACED
        if updated is not None and not placed and updated.attempts >= self.max_attempts:
            text = self.tr(
                "{number} has had %n attempt(s), the most a lead gets: next lead.", "",
                updated.attempts,
            ).format(number=updated.display_number)  # fmt: skip
            self.notice.emit(Notice(Level.WARN, text))
            self._next()

    @Slot(object)
    def on_verdict(self, row: Campaign) -> None:
        """The call report said what happened to a lead's call."""
        connected = row.verdict is Verdict.CONNECTED
        if self._leads.store.record_verdict(row.row_id, connected, row.talk_seconds):
            self._panel.model.reload()
            self.refresh_progress()

    @Slot(object, object)
    def _on_wrap_up_saved(self, row: Campaign, wrap_up: WrapUp) -> None:
        lead = self._lead_of(row)
        if lead is None:
            return
        blocked = wrap_up.disposition == self._settings.get(keys_of.DO_NOT_CALL_DISPOSITION)
        self._leads.store.wrap_up(
            lead.lead_id, wrap_up.disposition, wrap_up.note, wrap_up.call_back_at, blocked
        )
        if self.lead is not None and self.lead.lead_id == lead.lead_id:
            self._next()

    @Slot(object)
    def _on_wrap_up_skipped(self, row: Campaign) -> None:
        lead = self._lead_of(row)
        if lead is not None and self.lead is not None and self.lead.lead_id == lead.lead_id:
            self._next()

    def _lead_of(self, row: Campaign) -> Lead | None:
        return self._leads.store.lead_for_call(row.row_id)

    # -- reminders ----------------------------------------------------------------------
    @Slot()
    def _on_reminders_timeout(self) -> None:
        self.check_reminders()

    def check_reminders(self) -> None:
        """A call back that is due: a notification, and the lead comes back to the top."""
        active = self.active
        if active is None:
            return
        for lead in self._leads.due(active.list_id, self.max_attempts):
            key = (lead.lead_id, str(lead.call_back_at))
            if key in self._reminded:
                continue
            self._reminded.add(key)
            self._remind(lead)
            current = self.lead
            idle = self._calling is None and not self._calls.busy
            if idle and (current is None or (current.attempts == 0 and current.status is
                         LeadStatus.NEW)):  # fmt: skip
                self._leads.store.set_current(active.list_id, lead.lead_id)
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
