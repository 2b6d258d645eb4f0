"""The account's lists in the dial form and its balance in the status bar, kept fresh."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from dialer_app.core.messages import describe_error
from dialer_app.core.records import Balance, Deskphone, Member
from dialer_app.services import settings as keys_of
from dialer_app.services.calls import CallAttempt, CallService
from dialer_app.services.lists import BalanceService, ListsService
from dialer_app.services.settings import Settings
from dialer_app.ui.dial_form import DialForm
from dialer_app.ui.notice import Level, Notice
from dialer_app.ui.plain import set_tooltip

log = logging.getLogger(__name__)


class ListsFlow(QObject):
    """Refreshes members and deskphones into the form, and the balance after every call.

    Signals:
        notice(Notice): a sentence for the window
    """

    notice = Signal(object)

    def __init__(
        self,
        lists: ListsService,
        balance: BalanceService,
        calls: CallService,
        settings: Settings,
        form: DialForm,
        balance_label: QLabel,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._lists = lists
        self._balance = balance
        self._settings = settings
        self._form = form
        self._balance_label = balance_label
        calls.call_finished.connect(self._on_calls_call_finished)

    @Slot()
    def refresh(self) -> None:
        """Both lists and the balance (after the account is ready, or on the agent's ⟳)."""
        self.refresh_lists()
        self.refresh_balance()

    @Slot()
    def refresh_lists(self) -> None:
        jobs = self._lists.refresh()
        if jobs is None:
            return
        self._form.set_lists_placeholder("Loading…")
        jobs.members.on_success(self._on_members_loaded).on_failure(self._on_lists_failed)
        jobs.deskphones.on_success(self._on_deskphones_loaded).on_failure(self._on_lists_failed)

    def refresh_balance(self) -> None:
        job = self._balance.refresh()
        if job is not None:
            job.on_success(self._on_balance_loaded).on_failure(self._on_balance_failed)

    @Slot(object)
    def _on_calls_call_finished(self, _attempt: CallAttempt) -> None:
        self.refresh_balance()

    @Slot(object)
    def _on_members_loaded(self, members: list[Member]) -> None:
        log.info("Loaded %d members", len(members))
        self._form.set_members(members, self._settings.get(keys_of.LAST_MEMBER))

    @Slot(object)
    def _on_deskphones_loaded(self, deskphones: list[Deskphone]) -> None:
        self._form.set_deskphones(deskphones, self._settings.get(keys_of.LAST_DESKPHONE))

    @Slot(object)
    def _on_lists_failed(self, exc: BaseException) -> None:
        self._form.set_lists_placeholder("Could not load: press ⟳ to retry")
        self.notice.emit(Notice(Level.WARN, f"Lists not loaded: {describe_error(exc)}"))

    @Slot(object)
    def _on_balance_loaded(self, balance: Balance) -> None:
        self._balance_label.setText(
            f"Balance: {balance.clicktocall_coins} click-to-call coins · "
            f"{balance.obd_coins} OBD coins"
            + (f" · plan ends {balance.expires_on}" if balance.expires_on else "")
        )

    @Slot(object)
    def _on_balance_failed(self, exc: BaseException) -> None:
        self._balance_label.setText(self.tr("Balance: unavailable"))
        set_tooltip(self._balance_label, describe_error(exc))
