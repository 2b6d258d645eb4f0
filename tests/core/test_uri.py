"""Numbers from links: tel: and callto: URIs, with the separators people and CRMs use."""

from __future__ import annotations

import pytest

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.phone import normalise
from dialer_app.core.uri import number_from_argument


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
    ],
)
def test_links_and_bare_numbers_give_the_number_to_dial(argument: str, dialled: str) -> None:
    assert normalise(number_from_argument(argument)) == dialled


@pytest.mark.parametrize("argument", ["tel:+14155551234", "callto://+44-20-7946-0958"])
def test_a_foreign_number_from_a_link_is_refused(argument: str) -> None:
    with pytest.raises(InvalidNumber, match="not an Indian number"):
        normalise(number_from_argument(argument))
