"""The authcode in the OS keyring: service ``dialer-app``, user name = the base URL.

A manual proxy's password sits beside it: same service, user name ``proxy:<user>@<address>``
(``core.proxy.keyring_name``). The functions here and nothing else touch the keyring. Every
backend failure becomes a CredentialError (KeyringUnavailable when there is no usable backend
at all); the key is never written anywhere else by this module, and never appears in an error
message. ``keyring`` is imported on first use, on a worker thread: its import and backend
discovery cost tens of milliseconds that the first paint does not wait for.
"""

from __future__ import annotations

from dialer_app.core.config import APP_NAME
from dialer_app.core.errors import CredentialError, KeyringUnavailable

SERVICE = APP_NAME


def get_authcode(base_url: str) -> str | None:
    """The stored key for this base URL, or None if none is stored."""
    try:
        import keyring

        return keyring.get_password(SERVICE, base_url)
    except Exception as exc:  # backends raise whatever their platform raises
        raise _translate(exc, "read") from None


def set_authcode(base_url: str, authcode: str) -> None:
    """Store (or replace) the key for this base URL."""
    try:
        import keyring

        keyring.set_password(SERVICE, base_url, authcode)
    except Exception as exc:
        raise _translate(exc, "save") from None


def delete_authcode(base_url: str) -> None:
    """Forget the key for this base URL; forgetting a key that is not there is fine."""
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, base_url)
    except PasswordDeleteError:
        return
    except Exception as exc:
        raise _translate(exc, "remove") from None


def get_password(name: str, what: str) -> str | None:
    """A password stored under its keyring name (a proxy's ``ProxyChoice.keyring_name``, a
    team database's ``TeamTarget.keyring_name``), or None; ``what`` names it in an error."""
    try:
        import keyring

        return keyring.get_password(SERVICE, name)
    except Exception as exc:
        raise _translate(exc, "read", what) from None


def set_password(name: str, password: str, what: str) -> None:
    """Store (or replace) a password under its keyring name."""
    try:
        import keyring

        keyring.set_password(SERVICE, name, password)
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
    try:
        import keyring

        keyring.get_keyring()
    except Exception:  # noqa: S110 - the read that needs the backend says what is wrong
        pass


def backend_name() -> str:
    """The keyring backend in use, for diagnostics."""
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _translate(exc: Exception, verb: str, what: str = "the API key") -> CredentialError:
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
