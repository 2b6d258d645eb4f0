"""F11: the customer asked not to be called: the number goes on the do-not-call list at once.

During the call or after it, for the customer of the current (or last) call, with who (the
member who placed it), when and why (``core.compliance.opt_out``). Every way of calling then
refuses the number (``HistoryService.before_call``), in any list.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from dialer_app.core.compliance import opt_out
from dialer_app.core.messages import describe_error
from dialer_app.core.phone import format_national
from dialer_app.core.records import CallRequest
from dialer_app.services.history import HistoryService
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.notice import Level, Notice


class OptOutFlow(QObject):
    """F11 (Dialer → Customer asked not to be called).

    Signals:
        notice(Notice): the number is on the list now, or why it is not
    """

    notice = Signal(object)

    def __init__(
        self,
        history: HistoryService,
        last_call: Callable[[], CallRequest | None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._history = history
        self._last_call = last_call

    @Slot()
    def opt_out(self) -> None:
        """Put the customer of the current (or last) call on the do-not-call list now."""
        call = self._last_call()
        if call is None:
            text = self.tr("No call to mark: F11 puts the customer of the current call on the "
                           "do-not-call list.")  # fmt: skip
            self.notice.emit(Notice(Level.STATUS, text))
            return
        why = opt_out.reason_text(opt_out.asked_not_to_be_called())
        job = self._history.block(call.customer_number, why, call.member_name)
        job.on_success(partial(self._on_history_blocked, call.customer_number))
        job.on_failure(self._on_history_block_failed)

    def _on_history_blocked(self, number: str, _result: object) -> None:
        """``number`` is on the list (each F11's own number, however fast they follow)."""
        text = self.tr(
            "{number} is on the do-not-call list now (the customer asked not to be called): "
            "no way of calling will ring it."
        ).format(number=format_national(number))
        self.notice.emit(Notice(Level.INFO, text))

    @Slot(object)
    def _on_history_block_failed(self, exc: BaseException) -> None:
        text = self.tr("Not put on the do-not-call list: {reason}").format(
            reason=translated(describe_error(exc))
        )
        self.notice.emit(Notice(Level.ERROR, text))
