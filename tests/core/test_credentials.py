"""The key lives in the keyring under service dialer-app, user = base URL; failures are plain."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from dialer_app.core import credentials
from dialer_app.core.errors import CredentialError, KeyringUnavailable
from tests.helpers.keys import SENTINEL, MemoryKeyring, StubBackend, no_keyring

DIGIDONAR = "https://cloud.digidonar.in/api_v2/"
CALLERDESK = "https://app.callerdesk.io/api/"


class LockedKeyring(StubBackend):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked(f"locked while holding {SENTINEL}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("locked")


@pytest.fixture
def use_backend() -> Iterator[object]:
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> None:
        keyring.set_keyring(backend)

    yield install
    keyring.set_keyring(previous)


def test_each_provider_has_its_own_key(memory_keyring: MemoryKeyring) -> None:
    credentials.set_authcode(DIGIDONAR, "key-one")
    credentials.set_authcode(CALLERDESK, "key-two")
    assert credentials.get_authcode(DIGIDONAR) == "key-one"
    assert memory_keyring.passwords[("dialer-app", CALLERDESK)] == "key-two"


def test_replace_and_forget(memory_keyring: MemoryKeyring) -> None:
    credentials.set_authcode(DIGIDONAR, "old")
    credentials.set_authcode(DIGIDONAR, "new")
    assert credentials.get_authcode(DIGIDONAR) == "new"
    credentials.delete_authcode(DIGIDONAR)
    credentials.delete_authcode(DIGIDONAR)  # forgetting twice is fine
    assert credentials.get_authcode(DIGIDONAR) is None


def test_no_backend_is_reported_as_unavailable(use_backend) -> None:  # type: ignore[no-untyped-def]
    use_backend(no_keyring())
    with pytest.raises(KeyringUnavailable, match="this session only"):
        credentials.get_authcode(DIGIDONAR)
    with pytest.raises(KeyringUnavailable):
        credentials.set_authcode(DIGIDONAR, SENTINEL)


def test_locked_keyring_gives_a_plain_error_without_the_key(use_backend) -> None:  # type: ignore[no-untyped-def]
    use_backend(LockedKeyring())
    with pytest.raises(CredentialError) as raised:
        credentials.get_authcode(DIGIDONAR)
    assert not isinstance(raised.value, KeyringUnavailable)
    assert "KeyringLocked" in str(raised.value)
    assert SENTINEL not in str(raised.value)
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__
