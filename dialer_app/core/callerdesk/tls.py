"""TLS that trusts what the operating system trusts: ``truststore`` first, certifi as fallback.

``truststore`` (the verifier pip uses) asks the platform to verify the server's chain: the
Security framework and the Keychain on macOS, CryptoAPI and the certificate store on Windows,
and on Linux OpenSSL with the distribution's own CA bundle, looked for where Debian, Fedora,
RHEL, openSUSE and Alpine keep it (so a frozen build made on Debian still finds a company root
installed on Fedora). Only where truststore cannot load does the context fall back to OpenSSL's
default paths plus certifi's bundle. Verification is never turned off.

A failed verification is recognised by its type: ``ssl.SSLCertVerificationError`` somewhere in
an exception's cause chain, whatever words the verifier used.
"""

from __future__ import annotations

import logging
import ssl
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


def is_certificate_failure(exc: BaseException) -> bool:
    """True if ``exc`` was caused, at any depth, by a certificate that did not verify."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _truststore() -> Trust:
    import sys

    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
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

    context = ssl.create_default_context()
    context.load_verify_locations(cafile=certifi.where())
    found = context.cert_store_stats()["x509_ca"] > 0
    detail = f"OpenSSL default paths plus certifi {certifi.where()}"
    return Trust(context, CERTIFI_STORE, detail, found)
