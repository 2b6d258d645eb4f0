"""The authcode in the OS keyring: service ``dialer-app``, user name = the base URL.

A manual proxy's password sits beside it: same service, user name ``proxy:<user>@<address>``
(``core.proxy.keyring_name``). The functions here and nothing else touch the keyring. Every
backend failure becomes a CredentialError (KeyringUnavailable when there is no usable backend
at all); the key is never written anywhere else by this module, and never appears in an error
message. ``keyring`` is imported on first use, on a worker thread: its import and backend
discovery cost tens of milliseconds that the first paint does not wait for.
"""

from __future__ import annotations

import contextlib
import threading
from types import ModuleType

from dialer_app.core.config import APP_NAME
from dialer_app.core.errors import CredentialError, KeyringUnavailable

SERVICE = APP_NAME
API_KEY = "the API key"
_DISCOVERY = threading.Lock()


def _keyring() -> ModuleType:
    """``keyring``, its backend chosen once: two workers asking at once (the early discovery
    and the first read) share one discovery instead of each probing the platform."""
    import keyring

    with _DISCOVERY:
        keyring.get_keyring()
    return keyring


def get_authcode(base_url: str) -> str | None:
    """The stored key for this base URL, or None if none is stored."""
    return get_password(base_url, API_KEY)


def set_authcode(base_url: str, authcode: str) -> None:
    """Store (or replace) the key for this base URL."""
    set_password(base_url, authcode, API_KEY)


def delete_authcode(base_url: str) -> None:
    """Forget the key for this base URL; forgetting a key that is not there is fine."""
    from keyring.errors import PasswordDeleteError

    try:
        _keyring().delete_password(SERVICE, base_url)
    except PasswordDeleteError:
        return
    except Exception as exc:
        raise _translate(exc, "remove") from None


def get_password(name: str, what: str) -> str | None:
    """A password stored under its keyring name (a proxy's ``ProxyChoice.keyring_name``, a
    team database's ``TeamTarget.keyring_name``), or None; ``what`` names it in an error."""
    try:
        return _keyring().get_password(SERVICE, name)  # type: ignore[no-any-return]
    except Exception as exc:  # backends raise whatever their platform raises
        raise _translate(exc, "read", what) from None


def set_password(name: str, password: str, what: str) -> None:
    """Store (or replace) a password under its keyring name."""
    try:
        _keyring().set_password(SERVICE, name, password)
    except Exception as exc:
        raise _translate(exc, "save", what) from None


def get_proxy_password(name: str) -> str | None:
    """A proxy's stored password by its keyring name (``ProxyChoice.keyring_name``), or None."""
    return get_password(name, "the proxy password")


def set_proxy_password(name: str, password: str) -> None:
    """Store (or replace) a proxy's password."""
    set_password(name, password, "the proxy password")


def discover() -> None:
    """Import keyring and pick its backend now (tens of milliseconds of imports and probing),
    so that the first real read does not; a failure is left for that read to report."""
    with contextlib.suppress(Exception):  # the read that needs the backend says what is wrong
        _keyring()


def backend_name() -> str:
    """The keyring backend in use, for diagnostics."""
    backend = _keyring().get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _translate(exc: Exception, verb: str, what: str = API_KEY) -> CredentialError:
    from keyring.errors import KeyringError, NoKeyringError

    if isinstance(exc, NoKeyringError):
        return KeyringUnavailable(
            f"No password store (keyring) is available on this computer, so {what} "
            "can be kept for this session only."
        )
    kind = type(exc).__name__
    if isinstance(exc, KeyringError):
        return CredentialError(f"The password store could not {verb} {what} ({kind}).")
    return CredentialError(f"The password store failed to {verb} {what} ({kind}).")
