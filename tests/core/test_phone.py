"""What agents paste becomes the 10-digit number that will be dialled, or a clear refusal."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.phone import (
    NumberKind,
    format_national,
    last_ten,
    mask,
    normalise,
    numbers_in,
    parse,
)

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
    ("९८७६५ ४३२१०", "9876543210"),  # Devanagari digits
    (
        "\uff0b\uff19\uff11 \uff19\uff18\uff17\uff16\uff15 \uff14\uff13\uff12\uff11\uff10",
        "9876543210",
    ),  # full-width
    ("tel:+91-98765-43210", "9876543210"),  # a link pasted into the field
    ("\u202a+91 98765 43210\u202c", "9876543210"),  # direction marks picked up with a copy
    ("\u200e098765 43210", "9876543210"),
]

REFUSED = [
    ("", "Enter the customer"),
    ("   ", "Enter the customer"),
    ("+1 415 555 1234", "foreign number \\(\\+1\\)"),
    ("+44 20 7946 0958", "foreign number \\(\\+44\\)"),
    ("0044 20 7946 0958", "foreign number \\(\\+44\\)"),
    ("98765 43210 ext 12", "Extensions"),
    ("9876543210x12", "Extensions"),
    ("9876543210#5", "Extensions"),
    ("9876543210;ext=12", "Extensions"),
    ("9876543210,12", "Extensions"),
    ("98765 43210 abc", "not digits"),
    ("98765-4321O", "not digits"),  # a letter O, not a zero
    ("987654321", "Too short: the number has 9 digits"),
    ("1234", "Too short: the number has 4 digits"),
    ("98765432101", "Too long: the number has 11 digits"),
    ("+91 98765 43210 5", "Too long: the number has 11 digits"),  # never truncated to 10
    ("9198765432101", "Too long: the number has 13 digits"),
    ("1800 123 4567", "1800 123 4567 is a toll-free number"),
    ("18001234567", "toll-free"),
    ("1000000000", "not a valid Indian number"),
    ("50000 00001", "not a valid Indian number"),  # the numbering plan
    # Placeholders (issue 20, item 12): known test patterns and repeated digits.
    ("1234567890", "1234567890 is a placeholder"),
    ("0987654321", "0987654321 is a placeholder"),
    ("99999 99999", "9999999999 is a placeholder"),
    ("+91 99999 99999", r"\+919999999999 is a placeholder"),
    ("55555 55555", "5555555555 is a placeholder"),
    ("tel:1234567890", "1234567890 is a placeholder"),
    ("98765 43210 / 91234 56789", "holds 2 numbers"),
    ("98765432109123456789", "Too long: the number has 20 digits"),  # glued: not guessed
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_common_forms_reduce_to_the_national_number(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_refused_forms_say_why(text: str, reason: str) -> None:
    with pytest.raises(InvalidNumber, match=reason):
        normalise(text)


@pytest.mark.parametrize(
    ("text", "choices"),
    [
        ("98765 43210, 0120 461 2345", ("98765 43210", "0120 461 2345")),
        ("Priya 9876543210 or office +91 120 461 2345", ("9876543210", "+91 120 461 2345")),
        ("9876543210 9123456789", ("9876543210", "9123456789")),
    ],
)
def test_text_with_several_numbers_offers_each_nothing_glued(
    text: str, choices: tuple[str, ...]
) -> None:
    with pytest.raises(InvalidNumber, match=f"holds {len(choices)} numbers") as caught:
        normalise(text)
    assert caught.value.choices == choices
    assert numbers_in(text) == choices
    assert [normalise(choice) for choice in choices]  # each one can be picked and dialled


def test_the_refusal_is_a_sentence_the_window_translates() -> None:
    with pytest.raises(InvalidNumber) as caught:
        normalise("987654321")
    sentence = caught.value.sentence
    assert sentence.context == "phone"
    assert "{digits}" in sentence.source
    assert sentence.args == {"digits": "9"}
    assert str(caught.value) == str(sentence)


def test_kinds_and_national_formatting() -> None:
    assert parse("98765 43210").kind is NumberKind.MOBILE
    assert parse("0120 461 2345").kind is NumberKind.LANDLINE
    assert format_national("9876543210") == "98765 43210"  # mobiles: no trunk 0
    assert format_national("1204612345") == "0120 461 2345"  # landlines: with their STD code
    assert format_national("1123456789") == "011 2345 6789"
    assert format_national("12345") == "12345"  # not ten digits: shown as stored


# Issue 20, item 16: one display for one kind of number. libphonenumber rates these mobile
# numbers "fixed line or mobile"; they read like every other mobile, never "084536 86370".
MOBILES = ["8453686370", "9876543210", "7020123456", "6000012345"]


@pytest.mark.parametrize("national", MOBILES)
def test_every_mobile_reads_the_same_whatever_libphonenumber_rates_it(national: str) -> None:
    assert format_national(national) == f"{national[:5]} {national[5:]}"
    assert parse(national).display == format_national(national)


def test_a_joiner_pasted_into_a_number_is_no_part_of_it() -> None:
    assert normalise("98765\u200d43210") == normalise("98765\u200c 43210") == "9876543210"


def test_numbers_the_provider_lists_skip_the_plan_but_not_the_rules() -> None:
    assert normalise("08120000000", validate=False) == "8120000000"
    with pytest.raises(InvalidNumber, match="Too long"):
        normalise("081200000001", validate=False)


def test_display_helpers_group_compare_and_mask() -> None:
    assert last_ten("08120000000") == last_ten("+91 8120000000") == "8120000000"
    assert mask("9876543210") == "…3210"


def _digits(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(ch)) for ch in folded if ch.isdecimal())


@given(st.text(max_size=40))
def test_any_text_gives_ten_digits_or_invalid_number(text: str) -> None:
    try:
        result = normalise(text)
    except InvalidNumber:
        return
    assert len(result) == 10
    assert result.isdigit()
    # The result is never a cut-down longer number: its digits all came from the input.
    assert result in _digits(text)


@given(st.from_regex(r"[6-9][0-9]{9}", fullmatch=True), st.sampled_from(["+91 ", "0", "91", ""]))
def test_any_valid_mobile_survives_any_prefix(number: str, prefix: str) -> None:
    try:
        expected = normalise(number)
    except InvalidNumber:
        return  # not every such range is allocated
    assert normalise(prefix + number[:5] + " " + number[5:]) == expected


# Issue 20, item 9: what the import reads from a spreadsheet cell (lakh grouping, a trailing
# comma, a note, two numbers) is cleaned by the import alone (core/lead_cells.py): the dial
# form and a link stay as strict as they were, the link never looser than the keyboard.
CELL_ONLY = ["9,94,90,45,616", "9820676033,", "7720098138 (WA)", "7500797033-7017261753"]


@pytest.mark.parametrize("text", CELL_ONLY)
@pytest.mark.parametrize("form", ["{}", "tel:{}"])
def test_the_import_s_cell_cleaning_does_not_loosen_the_dial_form_or_links(
    text: str, form: str
) -> None:
    with pytest.raises(InvalidNumber):
        normalise(form.format(text))
