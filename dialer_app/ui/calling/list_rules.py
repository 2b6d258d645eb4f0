"""The law's rules on a call of a lead list, in their order: the list's purpose (asked once for
a list imported before purposes), its calling hours, then the caller-ID series question.

``CallFlow`` reads a list's rules on a worker when the agent presses (``read``), then asks
``passes`` once the history has answered; every refusal is recorded in the compliance journal
with its rule (``refuse``), and a call that leaves is recorded as the list's (``record_call``).
All journal writes are jobs of ``ComplianceService``: none on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from dialer_app.core.compliance import caller_id
from dialer_app.core.compliance import hours as purpose_hours
from dialer_app.core.compliance.caller_id import Answer, CallerIdAnswers
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.leads.model import LeadList
from dialer_app.core.messages import describe_error
from dialer_app.core.records import CallRequest, HistoryRow
from dialer_app.core.text import Sentence
from dialer_app.services import settings as keys_of
from dialer_app.services.compliance import ComplianceService, ListRules
from dialer_app.services.hours import HoursGuard
from dialer_app.services.runner import Job
from dialer_app.services.settings import Settings
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.notice import Action, Level, Notice
from dialer_app.ui.common.purpose import CallerIdQuestion, PurposeDialog


@dataclass(frozen=True, slots=True)
class ListCall:
    """A call that passed the rules: the journal records it under this list and purpose."""

    list_id: int
    lead_id: int | None
    purpose: Purpose


class ListRulesCheck(QObject):
    """Checks and records the rules of a lead list's calls.

    Signals:
        notice(Notice): a refusal, or a journal write that failed
    """

    notice = Signal(object)

    def __init__(
        self,
        compliance: ComplianceService | None,
        hours: HoursGuard,
        settings: Settings,
        active_list: Callable[[], LeadList | None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._compliance = compliance
        self._hours = hours
        self._settings = settings
        self._active_list = active_list
        self._window = window
        self._answers = CallerIdAnswers()  # this session's, until the journal has them
        self.call: ListCall | None = None  # the call on its way, once it passed

    def list_of(self, request: CallRequest) -> LeadList | None:
        """The list of the lead the form holds (None: a number typed, pasted, a link)."""
        if request.lead_id is None or self._compliance is None:
            return None
        return self._active_list()

    def read(self, list_id: int) -> Job[ListRules] | None:
        """The list's purpose and today's answers, read on a worker."""
        return None if self._compliance is None else self._compliance.rules(list_id)

    def passes(self, request: CallRequest, rules: ListRules, name: str) -> bool:
        """Ask what must be asked, refuse what must be refused; True when the call may go."""
        purpose = rules.purpose or self._ask_purpose(rules.list_id, name)
        if purpose is None:
            self.notice.emit(Notice(Level.INFO, self.tr(
                "Not called: choose the purpose of {name} first (promotional, service or "
                "transactional)."
            ).format(name=name)))  # fmt: skip
            return False
        if self.outside_hours(request, purpose, rules.list_id):
            return False
        warning = caller_id.warning(purpose, self._settings.get(keys_of.REGULATED),
                                    request.deskphone)  # fmt: skip
        if warning is not None and self._needs_question(rules, request.deskphone):
            yes = CallerIdQuestion.ask(self._window, translated(warning))
            answer = Answer(rules.list_id, request.deskphone, self._now(), yes,
                            request.member_name)  # fmt: skip
            self._answers.remember(answer)
            self._write(self._submit().record_answer(answer))
            if not yes:
                why = caller_id.not_called(request.deskphone)
                self.refuse(request, caller_id.RULE, why, rules.list_id)
                return False
            if self.outside_hours(request, purpose, rules.list_id):  # asked past closing
                return False
        self.call = ListCall(rules.list_id, request.lead_id, purpose)
        return True

    def outside_hours(
        self, request: CallRequest, purpose: Purpose | None, list_id: int | None
    ) -> bool:
        """Refuse (and record) a call outside the hours of ``purpose`` (None: not a list's)."""
        refusal = self._hours.refusal(purpose)
        if refusal is not None:
            self.refuse(request, purpose_hours.RULE, refusal, list_id)
        return refusal is not None

    def refuse(
        self, request: CallRequest, rule: str, sentence: Sentence, list_id: int | None,
        action: Action = Action.NONE,
    ) -> None:  # fmt: skip
        """Say why the call is refused (once; with ``action``'s link), and keep the refusal
        with its rule."""
        self.notice.emit(Notice(Level.ERROR, translated(sentence), action))
        if self._compliance is not None:
            job = self._compliance.record_refusal(request.customer_number, rule, sentence, list_id)
            self._write(job)

    def record_call(self, row: HistoryRow) -> None:
        """The call's history row exists: it is the list's call (once)."""
        call, self.call = self.call, None
        if call is not None:
            job = self._submit().record_call(row.row_id, call.list_id, call.lead_id, call.purpose)
            self._write(job)

    def _ask_purpose(self, list_id: int, name: str) -> Purpose | None:
        purpose = PurposeDialog.ask(self._window, name)
        if purpose is not None:
            self._write(self._submit().set_purpose(list_id, purpose))
        return purpose

    def _needs_question(self, rules: ListRules, deskphone: str) -> bool:
        now = self._now()
        return rules.answers.needs_question(
            rules.list_id, deskphone, now
        ) and self._answers.needs_question(rules.list_id, deskphone, now)

    def _now(self) -> datetime:
        return self._submit().clock()

    def _submit(self) -> ComplianceService:
        assert self._compliance is not None
        return self._compliance

    def _write(self, job: Job[Any]) -> None:
        job.on_failure(self._on_journal_write_failed)

    @Slot(object)
    def _on_journal_write_failed(self, exc: BaseException) -> None:
        text = self.tr("The compliance journal could not be written: {reason}").format(
            reason=translated(describe_error(exc))
        )
        self.notice.emit(Notice(Level.STATUS, text))
