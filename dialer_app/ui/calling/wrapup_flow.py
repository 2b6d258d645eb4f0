"""When a call ends the wrap-up asks what came of it; "Do not call" blocks the number."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from dialer_app.core.compliance.opt_out import chosen_in_wrap_up, reason_text
from dialer_app.core.messages import describe_error
from dialer_app.core.phone import format_national
from dialer_app.core.records import HistoryRow, Outcome, WrapUp
from dialer_app.services import settings as keys_of
from dialer_app.services.calls import CallAttempt, CallService
from dialer_app.services.history import HistoryService
from dialer_app.services.live import LiveTracker
from dialer_app.services.settings import Settings
from dialer_app.services.verdicts import VerdictTracker
from dialer_app.ui.calling.dial_form import DialForm
from dialer_app.ui.calling.wrapup import WrapUpPanel
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.history.columns import OUTCOME_TEXT, VERDICT_TEXT, disposition_text
from dialer_app.ui.history.model import HistoryModel


def dispositions(settings: Settings) -> list[str]:
    """The configured dispositions, in key order."""
    names = [name.strip() for name in settings.get(keys_of.DISPOSITIONS).split("|")]
    return [name for name in names if name]


class WrapUpFlow(QObject):
    """Offers the wrap-up once per call of this session when it ends, or on the agent's ask.

    Signals:
        notice(Notice): a sentence for the window
    """

    notice = Signal(object)

    def __init__(
        self,
        history: HistoryService,
        calls: CallService,
        live: LiveTracker,
        verdicts: VerdictTracker | None,
        settings: Settings,
        panel: WrapUpPanel,
        model: HistoryModel,
        form: DialForm,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._history = history
        self._settings = settings
        self._panel = panel
        self._model = model
        self._form = form
        self._placed: set[int] = set()  # rows placed in this session, not offered yet
        self._blocked = ""
        calls.call_finished.connect(self._on_calls_call_finished)
        live.ended.connect(self._on_call_ended)
        if verdicts is not None:
            verdicts.row_updated.connect(self._on_call_ended)
        panel.saved.connect(self._on_panel_saved)
        panel.skipped.connect(self._on_panel_skipped)

    @Slot(object)
    def _on_calls_call_finished(self, attempt: CallAttempt) -> None:
        if attempt.result.outcome is Outcome.PLACED and attempt.row is not None:
            self._placed.add(attempt.row.row_id)

    @Slot(object)
    def _on_call_ended(self, row: HistoryRow) -> None:
        """The call left the live list, or its verdict came: ask, once per call."""
        if self._panel.row is not None and self._panel.row.row_id == row.row_id:
            self._panel.set_result(row, result_text(row))  # the verdict arrived meanwhile
        elif row.row_id in self._placed:
            self._placed.discard(row.row_id)
            self.open_for(row)

    def open_for(self, row: HistoryRow) -> None:
        """Wrap up ``row`` (a call just ended, or a history row the agent chose)."""
        self._panel.open_for(row, result_text(row))

    @Slot(object, object)
    def _on_panel_saved(self, row: HistoryRow, wrap_up: WrapUp) -> None:
        job = self._history.save_wrap_up(row.row_id, wrap_up)
        job.on_success(self._on_history_saved).on_failure(self._on_history_save_failed)
        if wrap_up.disposition == self._settings.get(keys_of.DO_NOT_CALL_DISPOSITION):
            why = reason_text(wrap_up.note or chosen_in_wrap_up())  # who, when and why
            self._history.block(row.customer_number, why, row.member_name).on_success(
                self._on_history_blocked
            )
            self._blocked = row.customer_number
        self._form.focus_number()

    @Slot(object)
    def _on_panel_skipped(self, _row: HistoryRow) -> None:
        self._form.focus_number()

    @Slot(object)
    def _on_history_saved(self, row: HistoryRow | None) -> None:
        if row is not None:
            self._model.upsert(row)
            text = self.tr("Wrap-up saved: {disposition}.").format(
                disposition=disposition_text(row.disposition)
            )
            self.notice.emit(Notice(Level.STATUS, text))

    @Slot(object)
    def _on_history_save_failed(self, exc: BaseException) -> None:
        text = self.tr("The wrap-up was not saved: {reason}").format(
            reason=translated(describe_error(exc))
        )
        self.notice.emit(Notice(Level.ERROR, text))

    @Slot(object)
    def _on_history_blocked(self, _result: object) -> None:
        text = self.tr("{number} is on the do-not-call list now: no way of calling will ring it.")
        self.notice.emit(Notice(Level.INFO, text.format(number=format_national(self._blocked))))


def result_text(row: HistoryRow) -> str:
    """What came of a call, in a few words, for the wrap-up's title."""
    if row.verdict is not None:
        text = VERDICT_TEXT[row.verdict]
        return f"{text}, {row.talk_seconds} s" if row.talk_seconds else text
    return OUTCOME_TEXT[row.outcome]
