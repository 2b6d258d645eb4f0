"""Placing a call from the window: check the form, guard re-dials, send, report the outcome."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from dialer_app.core.compliance import opt_out
from dialer_app.core.errors import InvalidNumber
from dialer_app.core.leads.model import LeadList
from dialer_app.core.messages import Guidance, describe_error, describe_result, guidance_for
from dialer_app.core.phone import format_national, normalise
from dialer_app.core.records import CallRequest, CallResult, HistoryRow, Outcome, TeamCall
from dialer_app.services import settings as keys_of
from dialer_app.services.calls import CallAttempt, CallService
from dialer_app.services.compliance import ListRules
from dialer_app.services.history import HistoryService, PreCall
from dialer_app.services.runner import Latest
from dialer_app.services.settings import Settings
from dialer_app.services.team import TEAM_CHECK_MS, TeamGuard
from dialer_app.ui.calling.ask_ahead import AskAhead
from dialer_app.ui.calling.banner import OUTCOME_LEVEL, redial_question
from dialer_app.ui.calling.dial_form import DialForm
from dialer_app.ui.calling.list_rules import ListRulesCheck
from dialer_app.ui.common.dialogs import ConfirmRedial
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.notice import Action, Level, Notice


class CallFlow(QObject):
    """Every way to start a call ends in ``place()``: Return, the button, F9, a re-dial.

    From the agent's press until the outcome is known the form is busy and a second press
    does nothing: the re-dial check (a history read on a worker), the question, the request.

    Signals:
        notice(Notice): a sentence for the banner
        row_changed(HistoryRow): a history row was written (the request is leaving, or done)
    """

    notice = Signal(object)
    row_changed = Signal(object)

    def __init__(
        self,
        calls: CallService,
        history: HistoryService,
        team: TeamGuard,
        settings: Settings,
        form: DialForm,
        window: QWidget,
        rules: ListRulesCheck,
    ) -> None:
        super().__init__(window)
        self._rules = rules
        self._rules.notice.connect(self.notice)
        self._list: LeadList | None = None  # the list of the call being decided
        self._list_rules: ListRules | None = None
        self._calls = calls
        self._history = history
        self._settings = settings
        self._form = form
        self._window = window
        self._team_guard = team
        self._ahead = AskAhead(team, history, form, settings, self)  # asked while typing
        self._working = False
        self._pending: CallRequest | None = None
        self._local: PreCall | None = None
        self._team: list[TeamCall] | None = None
        self._team_note = ""
        self._team_job: Latest[list[TeamCall]] = Latest()
        self._team_timer = QTimer(self)
        self._team_timer.setSingleShot(True)
        self._team_timer.setInterval(TEAM_CHECK_MS)
        self._team_timer.timeout.connect(self._on_team_timer_timeout)
        self._blocked_number = ""
        self.last_call: CallRequest | None = None  # the call in progress, or the last one
        self._calling: CallRequest | None = None  # its answer not shown yet
        # a team's desk: the sentence while the agent is paused (F10), else None
        self.pause_check: Callable[[], str | None] = lambda: None

    @Slot()
    def unblock_refused(self) -> None:
        """Take the number just refused off the do-not-call list (the agent's own click)."""
        number, self._blocked_number = self._blocked_number, ""
        if number:
            self._history.unblock(number).on_success(self._on_history_unblocked)

    @Slot(object)
    def _on_history_unblocked(self, _was_blocked: bool) -> None:
        text = self.tr("Taken off the do-not-call list. Press Return to call.")
        self.notice.emit(Notice(Level.INFO, text))

    @property
    def working(self) -> bool:
        """Between the agent's press and the outcome."""
        return self._working

    @Slot()
    def place(self) -> None:
        """The agent asked to call: check, ask before a re-dial, send one request."""
        if self._working or self._calls.busy:
            return
        paused = self.pause_check()  # paused (F10): no call, whichever way it was asked
        if paused:
            self._refuse(paused)
            return
        request = self._request_or_explain()
        if request is None:
            return
        self._list = self._rules.list_of(request)
        if self._list is None and self._rules.outside_hours(request, None, None):
            return  # a list's call is checked against its purpose's hours instead
        self._set_working(True)
        self._pending = request
        self._list_rules = None
        rules = None if self._list is None else self._rules.read(self._list.list_id)
        if rules is not None:
            rules.on_success(self._on_list_rules_read).on_failure(self._on_list_rules_failed)
        cooldown = self._settings.get(keys_of.COOLDOWN)
        customer, member = request.customer_number, request.member_number
        self._local = self._ahead.local(customer, member, cooldown)
        if self._local is None:
            job = self._history.before_call(request.customer_number, cooldown)
            job.on_success(self._on_history_checked).on_failure(self._on_history_check_failed)
        self._team = self._ahead.fresh(customer, member, cooldown)
        if self._team is None:
            team = self._team_guard.check(customer, member, cooldown)
            if team is not None and cooldown > 0:
                self._team_job.replace(team)
                team.on_success(self._on_team_checked).on_failure(self._on_team_check_failed)
                self._team_timer.start()
                return
            self._team = []
        if self._local is not None and not self._team:
            self._decide()  # both asked while typing, nothing to ask the agent: send now
        elif self._local is not None:
            QTimer.singleShot(0, self._decide)  # the question opens after this key press

    def _request_or_explain(self) -> CallRequest | None:
        """The validated request, or None after telling the agent what is missing."""
        try:
            number = normalise(self._form.number_edit.text())
        except InvalidNumber as exc:
            self._refuse(self.tr("Not called: {reason}").format(reason=translated(exc.sentence)))
            if not self._form.focus_choices():
                self._form.focus_number()
            return None
        member, deskphone = self._form.selected_member(), self._form.selected_deskphone()
        problem = (
            self.tr("Not called: the account is not set up yet (Dialer → Account…).")
            if not self._calls.has_account
            else self.tr("Not called: the call history cannot be written.")
            if not self._calls.can_call
            else self.tr("Not called: the members could not be loaded: {reason}").format(
                reason=self._form.members_problem
            )
            if member is None and self._form.members_problem
            else self.tr("Not called: choose the member who will take the call.")
            if member is None
            else self.tr("Not called: choose a deskphone.")
            if deskphone is None
            else ""
        )
        if problem or member is None or deskphone is None:
            self._refuse(problem)
            return None
        limit = self._form.limit_spin.value()
        lead_id = self._form.lead_id
        return CallRequest(number, member.number, deskphone, limit, member.name, lead_id)

    @Slot(object)
    def _on_history_checked(self, before: PreCall) -> None:
        self._local = before
        self._decide()

    @Slot(object)
    def _on_team_checked(self, calls: list[TeamCall]) -> None:
        self._team_timer.stop()
        self._team = calls
        self._decide()

    @Slot(object)
    def _on_team_check_failed(self, exc: BaseException) -> None:
        self._team_timer.stop()
        self._team_note = self.tr(
            "The team check failed ({reason}), so only this desk's calls were checked."
        ).format(reason=translated(describe_error(exc)))
        self._team = []
        self._decide()

    @Slot()
    def _on_team_timer_timeout(self) -> None:
        """The team's answer is late: the call goes ahead on this desk's history alone."""
        self._team_job.cancel()
        self._team_note = self.tr(
            "The team check was skipped (no answer within {seconds} s): only this desk's "
            "calls were checked."
        ).format(seconds=TEAM_CHECK_MS / 1000)
        self._team = []
        self._decide()

    @Slot(object)
    def _on_list_rules_failed(self, exc: BaseException) -> None:
        if self._pending is None:
            return  # already refused (the do-not-call list) or failed
        self._pending = None
        self._stop_checks()
        self._refuse(self.tr("Not called: the list's purpose could not be read ({reason}).").format(
            reason=translated(describe_error(exc))))  # fmt: skip

    @Slot(object)
    def _on_list_rules_read(self, rules: ListRules) -> None:
        self._list_rules = rules
        self._decide()

    def _stop_checks(self) -> None:
        """The call is decided without the checks still out: stop waiting for them."""
        self._team_timer.stop()
        self._team_job.cancel()
        self._set_working(False)

    def _decide(self) -> None:
        """Once every check has answered: refuse, ask, or call, exactly once."""
        request, local, team = self._pending, self._local, self._team
        if request is None or local is None or (team is None and not local.blocked):
            return
        if self._list is not None and self._list_rules is None and not local.blocked:
            return
        self._pending = None
        who = format_national(request.customer_number)
        list_id = None if self._list is None else self._list.list_id
        if local.blocked:  # refused whatever the team says: no need to wait for it
            self._stop_checks()
            sentence = opt_out.refusal(local.opt_out or opt_out.OptOut(
                request.customer_number, datetime.now(UTC), "", ""), who)  # fmt: skip
            if local.by_team:  # the team's list: only a supervisor takes a number off it
                self._rules.refuse(request, opt_out.RULE, sentence, list_id)
                return
            self._blocked_number = request.customer_number
            self._rules.refuse(request, opt_out.RULE, sentence, list_id, Action.UNBLOCK)
            return
        listed, rules = self._list, self._list_rules
        if (
            listed is not None
            and rules is not None
            and not self._rules.passes(request, rules, listed.name)
        ):
            self._stop_checks()
            return
        purpose = None if self._rules.call is None else self._rules.call.purpose
        if local.earlier is not None or team:
            assert team is not None
            question = redial_question(request.customer_number, local.earlier, team)
            if not ConfirmRedial.ask(self._window, question):
                self._set_working(False)
                self.notice.emit(
                    Notice(
                        Level.INFO,
                        self.tr("Not called: {number} was called moments ago.").format(number=who),
                    )
                )
                return
            if self._rules.outside_hours(request, purpose, list_id):  # asked past closing time
                self._rules.call = None
                self._set_working(False)
                return
        job = self._calls.place(request)
        if job is None:
            self._rules.call = None
            self._set_working(False)
            return
        self.last_call = request
        self._calling = request
        job.on_progress(self._on_call_row_started).on_success(self._on_call_finished)
        calling = self.tr("Calling {number}…").format(number=who)
        note, self._team_note = self._team_note, ""
        self.notice.emit(Notice(Level.INFO, calling + " " + note if note else calling))
        if note:  # the banner soon says where the call stands: the status bar keeps this
            self.notice.emit(Notice(Level.STATUS, note))
        self._settings.set(keys_of.LAST_MEMBER, request.member_number)
        self._settings.set(keys_of.LAST_DESKPHONE, request.deskphone)
        self._settings.set(keys_of.CALL_LIMIT, request.call_limit)

    @Slot(object)
    def _on_history_check_failed(self, exc: BaseException) -> None:
        self._pending = None
        self._stop_checks()
        self._refuse(
            self.tr("Not called: the call history could not be read ({reason}).").format(reason=exc)
        )

    @Slot(object)
    def _on_call_row_started(self, row: object) -> None:
        if isinstance(row, HistoryRow):
            self._rules.record_call(row)
            self.row_changed.emit(row)
        elif isinstance(row, CallResult) and self._calling is not None:
            request, self._calling = self._calling, None
            self._show_result(request, row, "")  # the answer is read: its row comes next

    @Slot(object)
    def _on_call_finished(self, attempt: CallAttempt) -> None:
        self._set_working(False)
        if attempt.row is not None:
            self.row_changed.emit(attempt.row)
        if self._calling is not None or attempt.history_error:
            self._calling = None
            self._show_result(attempt.request, attempt.result, attempt.history_error)
        guidance, _ = guidance_for(attempt.result.message)
        if guidance is Guidance.PICK_MEMBER:
            self._form.member_combo.setFocus()
        else:
            self._form.focus_number()

    def _show_result(self, request: CallRequest, result: CallResult, history_error: str) -> None:
        text = translated(describe_result(result, request.customer_number))
        guidance, _ = guidance_for(result.message)
        rejected = result.outcome is Outcome.REJECTED
        if history_error:
            text += " " + self.tr("(Not saved in history: {reason})").format(reason=history_error)
        if rejected and guidance is Guidance.OPEN_SETTINGS:
            self.notice.emit(Notice(Level.ERROR, text, Action.OPEN_ACCOUNT, at_once=True))
        else:
            self.notice.emit(Notice(OUTCOME_LEVEL[result.outcome], text, at_once=True))

    def _refuse(self, text: str) -> None:
        self.notice.emit(Notice(Level.ERROR, text))

    def _set_working(self, working: bool) -> None:
        self._working = working
        self._form.set_busy(working)
