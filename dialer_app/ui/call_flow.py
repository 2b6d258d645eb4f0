"""Placing a call from the window: check the form, guard re-dials, send, report the outcome."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.messages import Guidance, describe_result, guidance_for
from dialer_app.core.phone import format_national, normalise
from dialer_app.core.records import CallRequest, Campaign, Outcome
from dialer_app.services import settings as keys_of
from dialer_app.services.dialer import CallReport, Dialer
from dialer_app.services.settings import Settings
from dialer_app.ui.banner import OUTCOME_KIND, redial_question
from dialer_app.ui.dial_form import DialForm
from dialer_app.ui.dialogs import ConfirmRedial
from dialer_app.ui.history_flow import HistoryFlow


class CallFlow(QObject):
    """Every way to start a call ends in ``place()``: Return, the button, F9, a re-dial.

    Signals:
        message(str, str): a sentence for the banner and its kind (info/warn/error, or
            wrong-key: an error shown with the link to the account settings)
    """

    message = Signal(str, str)

    def __init__(
        self, dialer: Dialer, form: DialForm, settings: Settings, history: HistoryFlow,
        window: QWidget,
    ) -> None:  # fmt: skip
        super().__init__(window)
        self._dialer = dialer
        self._form = form
        self._settings = settings
        self._history = history
        self._window = window
        dialer.call_started.connect(self._on_dialer_call_started)
        dialer.call_finished.connect(self._on_dialer_call_finished)

    @Slot()
    def place(self) -> None:
        """The agent asked to call: check, ask before a re-dial, send one request."""
        if self._dialer.busy:
            return
        request = self._request_or_explain()
        if request is None or not self._confirm_redial(request.customer_number):
            return
        if self._dialer.place_call(request):
            self.message.emit(f"Calling {format_national(request.customer_number)}…", "info")
            self._settings.set(keys_of.LAST_MEMBER, request.member_number)
            self._settings.set(keys_of.LAST_DESKPHONE, request.deskphone)
            self._settings.set(keys_of.CALL_LIMIT, request.call_limit)

    def _request_or_explain(self) -> CallRequest | None:
        """The validated request, or None after telling the agent what is missing."""
        try:
            number = normalise(self._form.number_edit.text())
        except InvalidNumber as exc:
            self.message.emit(f"Not called: {exc}", "error")
            self._form.focus_number()
            return None
        member, deskphone = self._form.selected_member(), self._form.selected_deskphone()
        problem = (
            "the account is not set up yet (Dialer → Account…)"
            if not self._dialer.has_account
            else "the call history cannot be written"
            if not self._dialer.can_call
            else "choose the member who will take the call"
            if member is None
            else "choose a deskphone"
            if deskphone is None
            else ""
        )
        if problem or member is None or deskphone is None:
            self.message.emit(f"Not called: {problem}.", "error")
            return None
        limit = self._form.limit_spin.value()
        return CallRequest(number, member.number, deskphone, limit, member.name)

    def _confirm_redial(self, number: str) -> bool:
        earlier = self._dialer.last_attempt_to(number, self._settings.get(keys_of.COOLDOWN))
        if earlier is None:
            return True
        if ConfirmRedial.ask(self._window, redial_question(earlier)):
            return True
        self.message.emit(f"Not called: {format_national(number)} was called moments ago.", "info")
        return False

    @Slot(object)
    def _on_dialer_call_started(self, row: Campaign) -> None:
        self._history.show_row(row)

    @Slot(object)
    def _on_dialer_call_finished(self, report: CallReport) -> None:
        if report.row is not None:
            self._history.show_row(report.row)
        text = describe_result(report.result, report.request.customer_number)
        guidance, _ = guidance_for(report.result.message)
        wrong_key = report.result.outcome is Outcome.REJECTED and guidance is Guidance.OPEN_SETTINGS
        if report.history_error:
            text += f" (Not saved in history: {report.history_error})"
        self.message.emit(text, "wrong-key" if wrong_key else OUTCOME_KIND[report.result.outcome])
        if guidance is Guidance.PICK_MEMBER:
            self._form.member_combo.setFocus()
        else:
            self._form.focus_number()
