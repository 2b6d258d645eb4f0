"""What agents paste becomes the 10-digit number that will be dialled, or a clear refusal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.phone import format_national, last_ten, mask, normalise

ACCEPTED = [
    ("9876543210", "9876543210"),
    ("+91 98765 43210", "9876543210"),
    ("+91-98765-43210", "9876543210"),
    ("098765-43210", "9876543210"),
    ("919876543210", "9876543210"),
    ("0091 98765 43210", "9876543210"),
    ("+91 (0) 98765 43210", "9876543210"),
    ("  98765.43210  ", "9876543210"),
    ("(0120) 461 2345", "1204612345"),
    ("+91\u00a098765\u00a043210", "9876543210"),
]

REFUSED = [
    ("", "Enter the customer"),
    ("   ", "Enter the customer"),
    ("+1 415 555 1234", "not an Indian number"),
    ("+44 20 7946 0958", "not an Indian number"),
    ("0044 20 7946 0958", "not an Indian number"),
    ("98765 43210 ext 12", "Extensions"),
    ("9876543210x12", "Extensions"),
    ("9876543210#5", "Extensions"),
    ("98765 43210 abc", "not digits"),
    ("98765-4321O", "not digits"),  # a letter O, not a zero
    ("987654321", "9 digits"),
    ("98765432101", "11 digits"),
    ("+91 98765 43210 5", "11 digits"),  # never truncated to 10
    ("9198765432101", "13 digits"),
    ("1000000000", "not a valid Indian number"),
    ("55555 55555", "not a valid Indian number"),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_common_forms_reduce_to_the_national_number(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_refused_forms_say_why(text: str, reason: str) -> None:
    with pytest.raises(InvalidNumber, match=reason):
        normalise(text)


def test_display_helpers_group_compare_and_mask() -> None:
    assert format_national("9876543210") == "98765 43210"
    assert last_ten("08120000000") == last_ten("+91 8120000000") == "8120000000"
    assert mask("9876543210") == "…3210"


@given(st.text(max_size=40))
def test_any_text_gives_ten_digits_or_invalid_number(text: str) -> None:
    try:
        result = normalise(text)
    except InvalidNumber:
        return
    assert len(result) == 10
    assert result.isdigit()
    # The result is never a cut-down longer number: its digits all came from the input.
    assert result in "".join(ch for ch in text if ch.isdigit())


@given(st.from_regex(r"[6-9][0-9]{9}", fullmatch=True), st.sampled_from(["+91 ", "0", "91", ""]))
def test_any_valid_mobile_survives_any_prefix(number: str, prefix: str) -> None:
    assert normalise(prefix + number[:5] + " " + number[5:]) == number
