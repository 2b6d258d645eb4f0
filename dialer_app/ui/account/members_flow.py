"""The account's lists in the dial form and its balance in the status bar, kept fresh."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from dialer_app.core.messages import describe_error
from dialer_app.core.records import Balance, Deskphone, Member
from dialer_app.core.text import plain
from dialer_app.services import settings as keys_of
from dialer_app.services.calls import CallAttempt, CallService
from dialer_app.services.members import BalanceService, MembersService
from dialer_app.services.settings import Settings
from dialer_app.ui.calling.dial_form import DialForm
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.common.plain import set_tooltip

log = logging.getLogger(__name__)


class MembersFlow(QObject):
    """Refreshes members and deskphones into the form, and the balance after every call.

    Signals:
        notice(Notice): a sentence for the window
    """

    notice = Signal(object)

    def __init__(
        self,
        lists: MembersService,
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
        self._form.set_lists_placeholder(self.tr("Loading…"))
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
        reason = translated(describe_error(exc))
        self._form.set_lists_placeholder(self.tr("Could not load: press ⟳ to retry"), reason)
        text = self.tr("Lists not loaded: {reason}").format(reason=reason)
        self.notice.emit(Notice(Level.WARN, text))

    @Slot(object)
    def _on_balance_loaded(self, balance: Balance) -> None:
        text = self.tr("Balance: {coins} click-to-call coins · {obd} OBD coins").format(
            coins=plain(balance.clicktocall_coins), obd=plain(balance.obd_coins)
        )
        if balance.expires_on:
            ends = self.tr("plan ends {date}").format(date=plain(balance.expires_on))
            text += " · " + ends
        self._balance_label.setText(text)

    @Slot(object)
    def _on_balance_failed(self, exc: BaseException) -> None:
        self._balance_label.setText(self.tr("Balance: unavailable"))
        set_tooltip(self._balance_label, translated(describe_error(exc)))
