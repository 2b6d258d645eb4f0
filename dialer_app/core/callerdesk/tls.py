"""TLS that trusts what the operating system trusts: ``truststore`` first, certifi as fallback.

``truststore`` (the verifier pip uses) asks the platform to verify the server's chain: the
Security framework and the Keychain on macOS, CryptoAPI and the certificate store on Windows,
and on Linux OpenSSL with the distribution's own CA bundle, looked for where Debian, Fedora,
RHEL, openSUSE and Alpine keep it (so a frozen build made on Debian still finds a company root
installed on Fedora). Only where truststore cannot load does the context fall back to OpenSSL's
default paths plus certifi's bundle. Verification is never turned off.

A failed verification is recognised by its type: ``ssl.SSLCertVerificationError`` somewhere in
an exception's cause chain, whatever words the verifier used.

Both contexts close the socket of a wrap that failed. Python before 3.11.8 and 3.12.2
(CPython gh-113280) leaves it open when the peer reset the connection between the TCP connect
and the TLS handshake (a proxy or server going away): the new ``SSLSocket`` holds the file
descriptor, the caller never gets it, and only the garbage collector closes it, with a
``ResourceWarning``.
"""

from __future__ import annotations

import logging
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

SYSTEM_STORE = "the system trust store"
CERTIFI_STORE = "certifi's bundle"


@dataclass(frozen=True, slots=True)
class Trust:
    """A verifying TLS context and the name of the store it trusts (for the self-test)."""

    context: ssl.SSLContext
    store: str  # SYSTEM_STORE or CERTIFI_STORE
    detail: str  # how that store is reached on this platform
    found: bool = True  # False: no CA certificates were found to trust


def system_trust(*, use_truststore: bool = True) -> Trust:
    """The context the HTTP client verifies with; ``use_truststore=False`` forces the fallback."""
    if use_truststore:
        try:
            return _truststore()
        except Exception as exc:  # an unloadable native verifier: an old OS, a broken build
            log.warning("System trust store unavailable (%s): using certifi", type(exc).__name__)
    return _certifi()


def tls_context() -> ssl.SSLContext:
    """A verifying TLS client context (see ``system_trust``)."""
    return system_trust().context


def caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """True if ``exc`` is, or was caused at any depth by, a ``kind``."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def is_certificate_failure(exc: BaseException) -> bool:
    """True if ``exc`` was caused, at any depth, by a certificate that did not verify."""
    return caused_by(exc, ssl.SSLCertVerificationError)


def _close_orphans(exc: BaseException) -> None:
    """Close the TLS sockets a failed ``wrap_socket`` made and never handed out (gh-113280).

    The socket being created is the ``self`` of a frame between the wrap and the failure;
    one already closed (a handshake that failed, a fixed Python) is left alone.
    """
    frame = exc.__traceback__
    while frame is not None:
        made = frame.tb_frame.f_locals.get("self")
        if isinstance(made, ssl.SSLSocket) and made.fileno() != -1:
            made.close()
        frame = frame.tb_next


class _ClosingContext(ssl.SSLContext):
    """OpenSSL's context (the certifi fallback) whose failed wraps leave no socket open."""

    def wrap_socket(
        self,
        sock: socket.socket,
        server_side: bool = False,
        do_handshake_on_connect: bool = True,
        suppress_ragged_eofs: bool = True,
        server_hostname: str | bytes | None = None,
        session: ssl.SSLSession | None = None,
    ) -> ssl.SSLSocket:
        wrap = super().wrap_socket
        options = (server_side, do_handshake_on_connect, suppress_ragged_eofs, server_hostname)
        return _closing_wrap(lambda: wrap(sock, *options, session))


def unverified_context() -> ssl.SSLContext:
    """A context that verifies nothing: only to read who issued a certificate that failed
    (``core.certs``), never for a request."""
    context = _ClosingContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _closing_wrap(wrap: Callable[[], ssl.SSLSocket]) -> ssl.SSLSocket:
    """``wrap()``; if it fails, close the socket it made (``_close_orphans``)."""
    try:
        return wrap()
    except BaseException as exc:
        _close_orphans(exc)
        raise


def _truststore() -> Trust:
    import sys

    import truststore

    class ClosingTruststore(truststore.SSLContext):
        """truststore's context whose failed wraps leave no socket open."""

        def wrap_socket(
            self,
            sock: socket.socket,
            server_side: bool = False,
            do_handshake_on_connect: bool = True,
            suppress_ragged_eofs: bool = True,
            server_hostname: str | None = None,
            session: ssl.SSLSession | None = None,
        ) -> ssl.SSLSocket:
            wrap = super().wrap_socket
            options = (server_side, do_handshake_on_connect, suppress_ragged_eofs, server_hostname)
            return _closing_wrap(lambda: wrap(sock, *options, session))

    context = ClosingTruststore(ssl.PROTOCOL_TLS_CLIENT)
    if sys.platform == "darwin":
        detail = "macOS Keychain (Security framework)"
    elif sys.platform == "win32":
        detail = "Windows certificate store (CryptoAPI)"
    else:
        bundle = _linux_bundle()
        detail = f"OpenSSL with the system CA bundle ({bundle or 'none found'})"
        found = bool(bundle)
        return Trust(context, SYSTEM_STORE, f"truststore {truststore.__version__}, {detail}", found)
    return Trust(context, SYSTEM_STORE, f"truststore {truststore.__version__}, {detail}")


def _linux_bundle() -> str:
    """Where truststore will load CA certificates from on Linux (it decides per connection)."""
    import os

    from truststore import _openssl

    paths = ssl.get_default_verify_paths()
    if paths.cafile or (paths.capath and _openssl._capath_contains_certs(paths.capath)):
        found = [
            path + (f" from {variable}" if os.environ.get(variable) else "")
            for path, variable in (
                (paths.cafile, paths.openssl_cafile_env),
                (paths.capath, paths.openssl_capath_env),
            )
            if path
        ]
        return ", ".join(found)
    for candidate in _openssl._CA_FILE_CANDIDATES:
        if os.path.isfile(candidate):
            return candidate
    return ""


def _certifi() -> Trust:
    import certifi

    context = _ClosingContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies certificates and host names
    context.load_default_certs()
    context.load_verify_locations(cafile=certifi.where())
    found = context.cert_store_stats()["x509_ca"] > 0
    detail = f"OpenSSL default paths plus certifi {certifi.where()}"
    return Trust(context, CERTIFI_STORE, detail, found)
