"""A throw-away certificate authority and an HTTPS server on 127.0.0.1 that it signed.

Stands in for a corporate CA (a TLS-inspecting proxy, an internal API host): its root is
in no public bundle, so a client trusts the server only when told to, e.g. through
``SSL_CERT_FILE``::

    with LocalTlsServer(tmp_path) as server:
        env = {"SSL_CERT_FILE": str(server.ca_file), "DIALER_SELFTEST_TLS_URL": server.url}
"""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

_HOST = "127.0.0.1"


class LocalTlsServer:
    """HTTPS on 127.0.0.1 (any free port) answering every GET with ``200 ok``.

    ``ca_file`` is the PEM of the CA that signed the server's certificate (valid for
    ``127.0.0.1`` and ``localhost``); ``url`` is the server's address.
    """

    def __init__(self, folder: Path) -> None:
        self.ca_file = folder / "test-ca.pem"
        cert_file, key_file = folder / "server.pem", folder / "server-key.pem"
        _write_ca_and_server_certificate(self.ca_file, cert_file, key_file)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert_file, key_file)
        self._server = ThreadingHTTPServer((_HOST, 0), _OkHandler)
        self._server.daemon_threads = True
        # The handshake happens in accept(); a client that rejects the certificate only
        # makes accept() raise an OSError, which the server ignores.
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self.url = f"https://{_HOST}:{self._server.server_port}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LocalTlsServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


class _OkHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"ok\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


def server_context(folder: Path, hosts: Sequence[str], ca_name: str) -> tuple[Path, ssl.SSLContext]:
    """A new CA (its PEM file) and a server TLS context for ``hosts`` signed by it."""
    folder.mkdir(parents=True, exist_ok=True)
    ca_file = folder / "ca.pem"
    cert_file, key_file = folder / "server.pem", folder / "server-key.pem"
    _write_ca_and_server_certificate(ca_file, cert_file, key_file, hosts, ca_name)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return ca_file, context


def _write_ca_and_server_certificate(
    ca_file: Path,
    cert_file: Path,
    key_file: Path,
    hosts: Sequence[str] = (_HOST, "localhost"),
    ca_common_name: str = "dialer-app test CA",
) -> None:
    """A CA certificate, and a server certificate for ``hosts`` signed by it, as PEM files."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, ca_common_name)])
    ca_cert = (
        _builder(ca_name, ca_name, ca_key.public_key(), now)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])])
    san = [_alt_name(host) for host in hosts]
    server_cert = (
        _builder(server_name, ca_name, server_key.public_key(), now)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .add_extension(x509.SubjectAlternativeName(san), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def _alt_name(host: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)


def _builder(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: ec.EllipticCurvePublicKey,
    now: datetime.datetime,
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
    )


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )
