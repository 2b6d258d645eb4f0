"""Placing a call from the window: check the form, guard re-dials, send, report the outcome."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.messages import Guidance, describe_result, guidance_for
from dialer_app.core.phone import format_national, normalise
from dialer_app.core.records import CallRequest, Campaign, Outcome
from dialer_app.services import settings as keys_of
from dialer_app.services.calls import CallAttempt, CallService
from dialer_app.services.history import HistoryService
from dialer_app.services.settings import Settings
from dialer_app.ui.banner import OUTCOME_LEVEL, redial_question
from dialer_app.ui.dial_form import DialForm
from dialer_app.ui.dialogs import ConfirmRedial
from dialer_app.ui.notice import Action, Level, Notice


class CallFlow(QObject):
    """Every way to start a call ends in ``place()``: Return, the button, F9, a re-dial.

    From the agent's press until the outcome is known the form is busy and a second press
    does nothing: the re-dial check (a history read on a worker), the question, the request.

    Signals:
        notice(Notice): a sentence for the banner
        row_changed(Campaign): a history row was written (the request is leaving, or done)
    """

    notice = Signal(object)
    row_changed = Signal(object)

    def __init__(
        self,
        calls: CallService,
        history: HistoryService,
        settings: Settings,
        form: DialForm,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._calls = calls
        self._history = history
        self._settings = settings
        self._form = form
        self._window = window
        self._working = False
        self._pending: CallRequest | None = None

    @property
    def working(self) -> bool:
        """Between the agent's press and the outcome."""
        return self._working

    @Slot()
    def place(self) -> None:
        """The agent asked to call: check, ask before a re-dial, send one request."""
        if self._working or self._calls.busy:
            return
        request = self._request_or_explain()
        if request is None:
            return
        self._set_working(True)
        self._pending = request
        cooldown = self._settings.get(keys_of.COOLDOWN)
        job = self._history.last_attempt_to(request.customer_number, cooldown)
        job.on_success(self._on_earlier_checked).on_failure(self._on_earlier_check_failed)

    def _request_or_explain(self) -> CallRequest | None:
        """The validated request, or None after telling the agent what is missing."""
        try:
            number = normalise(self._form.number_edit.text())
        except InvalidNumber as exc:
            self._refuse(f"Not called: {exc}")
            self._form.focus_number()
            return None
        member, deskphone = self._form.selected_member(), self._form.selected_deskphone()
        problem = (
            "the account is not set up yet (Dialer → Account…)"
            if not self._calls.has_account
            else "the call history cannot be written"
            if not self._calls.can_call
            else "choose the member who will take the call"
            if member is None
            else "choose a deskphone"
            if deskphone is None
            else ""
        )
        if problem or member is None or deskphone is None:
            self._refuse(f"Not called: {problem}.")
            return None
        limit = self._form.limit_spin.value()
        return CallRequest(number, member.number, deskphone, limit, member.name)

    @Slot(object)
    def _on_earlier_checked(self, earlier: Campaign | None) -> None:
        request, self._pending = self._pending, None
        if request is None:
            return
        if earlier is not None and not ConfirmRedial.ask(self._window, redial_question(earlier)):
            who = format_national(request.customer_number)
            self._set_working(False)
            self.notice.emit(Notice(Level.INFO, f"Not called: {who} was called moments ago."))
            return
        job = self._calls.place(request)
        if job is None:
            self._set_working(False)
            return
        job.on_progress(self._on_call_row_started).on_success(self._on_call_finished)
        who = format_national(request.customer_number)
        self.notice.emit(Notice(Level.INFO, f"Calling {who}…"))
        self._settings.set(keys_of.LAST_MEMBER, request.member_number)
        self._settings.set(keys_of.LAST_DESKPHONE, request.deskphone)
        self._settings.set(keys_of.CALL_LIMIT, request.call_limit)

    @Slot(object)
    def _on_earlier_check_failed(self, exc: BaseException) -> None:
        self._pending = None
        self._set_working(False)
        self._refuse(f"Not called: the call history could not be read ({exc}).")

    @Slot(object)
    def _on_call_row_started(self, row: object) -> None:
        if isinstance(row, Campaign):
            self.row_changed.emit(row)

    @Slot(object)
    def _on_call_finished(self, attempt: CallAttempt) -> None:
        self._set_working(False)
        if attempt.row is not None:
            self.row_changed.emit(attempt.row)
        text = describe_result(attempt.result, attempt.request.customer_number)
        guidance, _ = guidance_for(attempt.result.message)
        rejected = attempt.result.outcome is Outcome.REJECTED
        if attempt.history_error:
            text += f" (Not saved in history: {attempt.history_error})"
        if rejected and guidance is Guidance.OPEN_SETTINGS:
            self.notice.emit(Notice(Level.ERROR, text, Action.OPEN_ACCOUNT))
        else:
            self.notice.emit(Notice(OUTCOME_LEVEL[attempt.result.outcome], text))
        if guidance is Guidance.PICK_MEMBER:
            self._form.member_combo.setFocus()
        else:
            self._form.focus_number()

    def _refuse(self, text: str) -> None:
        self.notice.emit(Notice(Level.ERROR, text))

    def _set_working(self, working: bool) -> None:
        self._working = working
        self._form.set_busy(working)
