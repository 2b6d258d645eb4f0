"""The sentinel authcode and an in-memory keyring backend."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

# A sentinel key: tests assert it never appears in logs, files, dialogs or history.
SENTINEL = "SENTINEL-authcode-7f3a9c"


class StubBackend(KeyringBackend):
    """The base of the tests' keyring backends: lowest priority, a typed constructor."""

    priority = 0

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring's own is untyped


def no_keyring() -> KeyringBackend:
    """keyring's stand-in for "no backend available": every use raises NoKeyringError."""
    backend: KeyringBackend = fail.Keyring()  # type: ignore[no-untyped-call]
    return backend


class MemoryKeyring(StubBackend):
    """A real keyring backend that keeps passwords in a dict."""

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")
