"""Numbers from links go through the same parser as typed text: never looser than the keyboard."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.phone import normalise
from dialer_app.core.uri import is_openable_link, number_from_argument


@pytest.mark.parametrize(
    ("argument", "dialled"),
    [
        ("tel:+919876543210", "9876543210"),
        ("tel:+91-98765-43210", "9876543210"),
        ("TEL:+91.98765.43210", "9876543210"),
        ("tel:+91%2098765%2043210", "9876543210"),
        ("tel:%2B919876543210", "9876543210"),
        ("tel:098765-43210;phone-context=+91", "9876543210"),
        ("callto:+919876543210", "9876543210"),
        ("callto://+91 98765 43210", "9876543210"),
        ("callto:098765 43210?call", "9876543210"),
        ("  +91 98765 43210  ", "9876543210"),
        ("tel:" + quote("९८७६५४३२१०"), "9876543210"),  # Devanagari, percent-encoded
    ],
)  # fmt: skip
def test_links_and_bare_numbers_give_the_number_to_dial(argument: str, dialled: str) -> None:
    assert normalise(number_from_argument(argument)) == dialled
    assert normalise(argument) == dialled  # the link pasted as it is: the same answer


@pytest.mark.parametrize(
    ("argument", "reason"),
    [
        ("tel:+14155551234", "foreign"),
        ("callto://+44-20-7946-0958", "foreign"),
        ("tel:9876543210;ext=12", "Extensions"),
        ("tel:9876543210;isub=12", "Extensions"),
        ("callto:9876543210%3Bext%3D12", "Extensions"),
        ("tel:9876543210%23", "not digits"),
        ("tel:4155551234;phone-context=+1", "foreign"),
        ("tel:9876543210;foo=bar", "can't be dialled"),
        ("tel:98765432105", "Too long"),
    ],
)
def test_a_link_is_refused_wherever_the_keyboard_would_be(argument: str, reason: str) -> None:
    shown = number_from_argument(argument)
    with pytest.raises(InvalidNumber, match=reason):
        normalise(shown)
    with pytest.raises(InvalidNumber, match=reason):
        normalise(argument)


@pytest.mark.parametrize(
    ("url", "openable"),
    [
        ("https://recordings.example.com/a.mp3", True),
        ("HTTPS://recordings.example.com/a.mp3", True),
        ("http://recordings.example.com/a.mp3", False),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("smb://host/share/a.mp3", False),
        ("https:///no-host", False),
        ("https://example.com/\u202egp3.exe", False),
        ("", False),
    ],
)
def test_only_https_links_are_opened(url: str, openable: bool) -> None:
    assert is_openable_link(url) is openable
