"""The account in use: its API address, its key and the one long-lived HTTP client for them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from dialer_app.core.logsetup import Redactor

if TYPE_CHECKING:
    from dialer_app.core.client import CallerDeskClient

log = logging.getLogger(__name__)

ClientFactory = Callable[[str, str], "CallerDeskClient"]


class AccountService(QObject):
    """Holds the client for the current account; replaced clients are closed at shutdown.

    Other services read ``client`` when they start a job, so a job keeps the client it began
    with even if the agent switches accounts meanwhile.
    """

    def __init__(
        self,
        redactor: Redactor,
        *,
        client_factory: ClientFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._redactor = redactor
        self._client_factory = client_factory or _default_client
        self._client: CallerDeskClient | None = None
        self._retired: list[CallerDeskClient] = []

    @property
    def client(self) -> CallerDeskClient | None:
        return self._client

    @property
    def has_account(self) -> bool:
        return self._client is not None

    def use(self, base_url: str, authcode: str) -> None:
        """Use this account from now on (the key is redacted from every log line first)."""
        self._redactor.add_secret(authcode)
        self.clear()
        self._client = self._client_factory(base_url, authcode)

    def clear(self) -> None:
        """Stop using the current key (after it was forgotten, or before another one)."""
        if self._client is not None:
            self._retired.append(self._client)
        self._client = None

    @Slot()
    def close_clients(self) -> None:
        """Close every client this session made; only once no request is running on them."""
        for client in [*self._retired, *([self._client] if self._client else [])]:
            client.close()
        self._retired = []


def _default_client(base_url: str, authcode: str) -> CallerDeskClient:
    # httpx and the client load on the first account, not at start-up before the first paint.
    from dialer_app.core.client import CallerDeskClient

    return CallerDeskClient(base_url, authcode)
