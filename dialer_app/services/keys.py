"""The authcode's keyring reads and writes, on a worker thread (some backends block)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from dialer_app.core import credentials
from dialer_app.services.runner import Job, Runner

KEYRING_WAIT_MS = 2000


class KeyService(QObject):
    """Loads, saves and forgets the key for a base URL without blocking the window.

    Each method returns its job; a failure carries the core's ``KeyringError`` (or its
    ``KeyringUnavailable`` subclass when there is no keyring at all).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A keyring can block for seconds (a locked wallet, a slow D-Bus): never hold up quitting.
        self._runner = Runner(max_threads=1, parent=self, abandon_at_exit=True)

    def warm(self) -> Job[None]:
        """Discover the keyring backend on the worker before a key is needed."""
        return self._runner.submit(credentials.discover)

    def load(self, base_url: str) -> Job[str | None]:
        """The stored key for ``base_url``, or None when none is stored."""
        return self._runner.submit(lambda: credentials.get_authcode(base_url) or None)

    def save(self, base_url: str, authcode: str) -> Job[None]:
        return self._runner.submit(lambda: credentials.set_authcode(base_url, authcode))

    def forget(self, base_url: str) -> Job[None]:
        return self._runner.submit(lambda: credentials.delete_authcode(base_url))

    def save_proxy_password(self, name: str, password: str) -> Job[None]:
        """Store a manual proxy's password under its keyring name."""
        return self._runner.submit(lambda: credentials.set_proxy_password(name, password))

    def wait(self, msecs: int = KEYRING_WAIT_MS) -> bool:
        return self._runner.wait(msecs)
