"""The system's trusted roots for libpq, where ``sslrootcert=system`` does not reach them.

libpq 16+ reads ``sslrootcert=system`` as OpenSSL's default store. On Linux that is the
system's store (``/etc/ssl/certs``); the wheel's libpq on Windows and macOS carries its own
OpenSSL, whose default paths are not the Windows certificate store or the macOS keychains, so
a company's CA that every PC trusts would not be trusted there. On those systems the roots are
written, as PEM, to a file in the data directory and handed to libpq as ``sslrootcert``.
"""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

_MAC_KEYCHAINS = (
    "/System/Library/Keychains/SystemRootCertificates.keychain",
    "/Library/Keychains/System.keychain",
)


def _windows_roots() -> list[str]:
    enum: Callable[[str], list[tuple[bytes, str, object]]] = getattr(ssl, "enum_certificates")  # noqa: B009
    found = []
    for store in ("ROOT", "CA"):
        for cert, encoding, _trust in enum(store):
            if encoding == "x509_asn":
                found.append(ssl.DER_cert_to_PEM_cert(cert))
    return found


def _mac_roots() -> list[str]:
    done = subprocess.run(  # noqa: S603 - a fixed command
        ["/usr/bin/security", "find-certificate", "-a", "-p", *_MAC_KEYCHAINS],
        capture_output=True, text=True, check=False, timeout=20,
    )  # fmt: skip
    return [done.stdout] if done.returncode == 0 and "BEGIN CERTIFICATE" in done.stdout else []


READERS: dict[str, Callable[[], list[str]]] = {"win32": _windows_roots, "darwin": _mac_roots}


def system_roots(folder: Path, platform: str = sys.platform) -> str:
    """What to give libpq as ``sslrootcert``: "system" where OpenSSL's default store is the
    system's (Linux), else a PEM file of the system's roots written in ``folder``."""
    reader = READERS.get(platform)
    if reader is None:
        return "system"
    pems = reader()
    if not pems:
        return "system"
    target = folder / "team-roots.pem"
    folder.mkdir(parents=True, exist_ok=True)
    temp = target.with_suffix(".tmp")
    temp.write_text("".join(pems), encoding="ascii")
    os.replace(temp, target)
    return str(target)
