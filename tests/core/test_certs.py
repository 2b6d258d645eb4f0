"""The issuer named when a certificate is not trusted, read from the certificate's DER."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from dialer_app.core.callerdesk.certs import issuer_name

CN, ORG, C = NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME, NameOID.COUNTRY_NAME


def certificate(issuer: list[tuple[x509.ObjectIdentifier, str]]) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    made = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(CN, "api.example")]))
        .issuer_name(x509.Name([x509.NameAttribute(oid, value) for oid, value in issuer]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return made.public_bytes(serialization.Encoding.DER)


@pytest.mark.parametrize(
    ("issuer", "named"),
    [
        ([(C, "IN"), (ORG, "Acme Ltd"), (CN, "Acme CA")], "Acme CA (Acme Ltd)"),
        ([(CN, "Zscaler Root CA"), (ORG, "Zscaler Root CA")], "Zscaler Root CA"),
        ([(ORG, "Only an organisation")], "Only an organisation"),
        ([(CN, "सुरक्षा CA")], "सुरक्षा CA"),
        ([(CN, "Evil\u202eAC")], "EvilAC"),  # direction controls dropped (data)
    ],
)
def test_the_issuer_is_named_by_its_common_name_and_organisation(
    issuer: list[tuple[x509.ObjectIdentifier, str]], named: str
) -> None:
    assert issuer_name(certificate(issuer)) == named


@pytest.mark.parametrize("der", [b"", b"\x30\x82\xff\xff", b"not a certificate"])
def test_an_unreadable_certificate_names_no_issuer(der: bytes) -> None:
    assert issuer_name(der) == ""
