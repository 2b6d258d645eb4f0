"""The account in use: its API address, its key and the one long-lived HTTP client for them.

The client also takes the proxy choice; a manual proxy's password is the one typed in this
session, else the keyring's (read by the client on its worker thread, on first use).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from dialer_app.core.callerdesk.proxy import ProxyChoice
from dialer_app.core.logsetup import Redactor

if TYPE_CHECKING:
    from dialer_app.core.callerdesk.client import CallerDeskClient

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
        self._account: tuple[str, str] | None = None
        self._proxy = ProxyChoice()
        self._proxy_passwords: dict[str, str] = {}
        self._stopped = False

    @property
    def client(self) -> CallerDeskClient | None:
        return self._client

    @property
    def has_account(self) -> bool:
        return self._client is not None

    def use(self, base_url: str, authcode: str) -> None:
        """Use this account from now on (the key is redacted from every log line first).

        After ``stop()`` (quitting) nothing is used: no client, so no request can start.
        """
        self._redactor.add_secret(authcode)
        if self._stopped:
            log.info("Quitting: the account is not used")
            return
        self.clear()
        self._account = (base_url, authcode)
        self._client = self._make_client(base_url, authcode)

    def use_proxy(self, choice: ProxyChoice, password: str | None = None) -> None:
        """Go through ``choice`` from the next request on (the current client is replaced)."""
        if password:
            self._redactor.add_secret(password)
            self._proxy_passwords[choice.keyring_name] = password
        self._proxy = choice
        if self._account is not None and self._client is not None:
            self.use(*self._account)

    def _make_client(self, base_url: str, authcode: str) -> CallerDeskClient:
        if self._client_factory is not _default_client:
            return self._client_factory(base_url, authcode)
        from dialer_app.core.callerdesk.client import CallerDeskClient

        return CallerDeskClient(
            base_url, authcode, proxy=self._proxy, proxy_password=self._proxy_password
        )

    def _proxy_password(self, name: str) -> str | None:
        """On the client's worker thread: this session's password, else the keyring's."""
        from dialer_app.core.credentials import get_proxy_password

        password = self._proxy_passwords.get(name) or get_proxy_password(name)
        if password:
            self._redactor.add_secret(password)
        return password

    def clear(self) -> None:
        """Stop using the current key (after it was forgotten, or before another one)."""
        if self._client is not None:
            self._retired.append(self._client)
        self._client = None
        self._account = None

    def stop(self) -> None:
        """The app is quitting: from now on no account is used (the clients stay until closed)."""
        self._stopped = True

    @Slot()
    def close_clients(self) -> None:
        """Close every client this session made; only once no request is running on them."""
        for client in [*self._retired, *([self._client] if self._client else [])]:
            client.close()
        self._retired = []


def _default_client(base_url: str, authcode: str) -> CallerDeskClient:
    # httpx and the client load on the first account, not at start-up before the first paint.
    from dialer_app.core.callerdesk.client import CallerDeskClient

    return CallerDeskClient(base_url, authcode)


def load_http() -> None:
    """Import httpx, its transport and the client: run on a worker after the first frame, so
    neither the first account nor the first call imports them on the GUI thread."""
    import httpcore  # noqa: F401 - httpx loads it on its first request
    import httpx  # noqa: F401

    import dialer_app.core.callerdesk.client  # noqa: F401
