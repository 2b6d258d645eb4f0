"""The account's members and deskphones, and its balance, fetched on worker threads."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from dialer_app.core.records import Balance, Deskphone, Member
from dialer_app.services.account import AccountService
from dialer_app.services.runner import Job, Latest, Runner


@dataclass(frozen=True, slots=True)
class MemberJobs:
    """The two requests of one refresh, running in parallel."""

    members: Job[list[Member]]
    deskphones: Job[list[Deskphone]]


class MembersService(QObject):
    """Refreshes the member and deskphone lists; a new refresh supersedes a running one."""

    def __init__(
        self, account: AccountService, runner: Runner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._account = account
        self._runner = runner
        self._members: Latest[list[Member]] = Latest()
        self._deskphones: Latest[list[Deskphone]] = Latest()

    def refresh(self) -> MemberJobs | None:
        """Fetch both lists; None (nothing sent) when there is no account."""
        client = self._account.client
        if client is None:
            return None
        return MemberJobs(
            self._members.replace(self._runner.submit(client.list_members)),
            self._deskphones.replace(self._runner.submit(client.list_deskphones)),
        )


class BalanceService(QObject):
    """Fetches the account's balance; a new check supersedes a running one."""

    def __init__(
        self, account: AccountService, runner: Runner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._account = account
        self._runner = runner
        self._latest: Latest[Balance] = Latest()

    def refresh(self) -> Job[Balance] | None:
        """Fetch the balance; None (nothing sent) when there is no account."""
        client = self._account.client
        if client is None:
            return None
        return self._latest.replace(self._runner.submit(client.get_balance))
