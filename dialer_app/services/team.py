"""The team-wide re-dial guard: has anyone in the account called this customer lately?"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from dialer_app.core.callerdesk.live import with_customer
from dialer_app.core.callerdesk.report import IST
from dialer_app.core.phone import last_ten
from dialer_app.core.records import TeamCall
from dialer_app.services.account import AccountService
from dialer_app.services.runner import Job, Runner

if TYPE_CHECKING:
    from dialer_app.core.callerdesk.client import CallerDeskClient

# How long a call waits for the team's answer before it goes ahead on the local history.
TEAM_CHECK_MS = 1500


class TeamGuard(QObject):
    """Asks the account's call report (today, this customer, every member) and live calls."""

    def __init__(
        self, account: AccountService, runner: Runner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._account = account
        self._runner = runner

    def check(
        self, customer_number: str, member_number: str, within_seconds: int
    ) -> Job[list[TeamCall]] | None:
        """Other members' calls to this customer within the cool-down, or live now (newest
        first); None when there is no account. ``member_number`` is this desk's member."""
        client = self._account.client
        if client is None:
            return None
        since = datetime.now(UTC) - timedelta(seconds=within_seconds)
        return self._runner.submit(
            lambda: team_calls(client, customer_number, last_ten(member_number), since)
        )


def team_calls(
    client: CallerDeskClient, customer: str, ours: str, since: datetime
) -> list[TeamCall]:
    """Worker side: the report rows and live calls that are someone else's."""
    today = datetime.now(UTC).astimezone(IST).date()
    found = [
        TeamCall(row.member_name, row.member_number, row.started_at, row.verdict, row.talk_seconds)
        for row in client.team_calls_to(today, customer)
        if row.started_at >= since and ours not in (row.member_number, row.customer_number)
    ]
    for live in with_customer(customer, client.live_calls()):
        if ours not in live.numbers:
            started = live.entry_at or datetime.now(UTC)
            member = next(iter(live.numbers - {last_ten(customer)}), "")
            found.append(TeamCall(live.member_name, member, started, None, 0, live=True))
    return sorted(found, key=lambda call: call.started_at, reverse=True)
