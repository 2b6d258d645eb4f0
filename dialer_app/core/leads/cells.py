"""A lead file's cells as people write them, cleaned before the one number parser reads them.

Only the import cleans this way; the dial form and links go to ``core.phone`` as typed. What
a spreadsheet does to a number cell, and what is done about it:

- Indian lakh grouping or thousands separators (``9,94,90,45,616``, Excel's display of a
  number cell) and pandas' float form (``9876543210.0``) are the digits they show.
- A trailing comma (``9820676033,``) and a note in brackets (``7720098138 (WA)``) are not
  part of the number.
- Several numbers in one cell (``9596186578 / 9797776098``, ``7500797033-7017261753``): the
  first is the lead's number, the others its alternate numbers. Every one of them must be a
  number the parser accepts, or the row is refused with that one's reason: nothing is dropped.
- A cell that holds no digits and only a dash or "NA" has no number.
- Scientific notation (``9.19619E+11``: Excel shortened the number, its digits are gone) is
  refused with exactly that reason.
"""

from __future__ import annotations

import re

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.phone import NATIONAL_DIGITS, normalise
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence, plain

CTX = "leads"
NO_NUMBER = QT_TRANSLATE_NOOP("leads", "No number in this row.")
SCIENTIFIC = QT_TRANSLATE_NOOP(
    "leads",
    "{number}: the spreadsheet turned this phone number into scientific notation and its last "
    "digits are gone. Format the column as Text in the original file and save it again.",
)
_NONE_WORDS = frozenset({"na", "n/a", "n.a.", "nil", "none", "null", "nan", "not available"})
_SCIENTIFIC = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+")
_GROUPED = re.compile(r"\+?[0-9]{1,2}(?:,[0-9]{2})*,[0-9]{3}|\+?[0-9]{1,3}(?:,[0-9]{3})+")
_FLOAT_ZERO = re.compile(r"(\+?[0-9]{10,12})\.0+")
_NOTE = re.compile(r"\(\s*[^0-9()]*\)")  # "(WA)", "(office)": no digit inside
_EDGES = " \t\r\n,;:/|.-"
_SPLIT = re.compile(r"\s*(?:[/|;,&\n\r]+|\s(?:or|and)\s)\s*", re.IGNORECASE)
_NUMBER_DASH_NUMBER = re.compile(r"(?<=[0-9]{10})\s*-\s*(?=\+?[0-9]{10})")
# One number written plainly (most cells of a 100,000-row list): straight to the parser.
_PLAIN = re.compile(r"\+?[0-9][0-9 \-]{8,14}[0-9]")


def refuse(source: str, **args: str) -> InvalidNumber:
    return InvalidNumber(Sentence(CTX, source, args))


def cell_numbers(cell: str) -> tuple[str, ...]:
    """The national numbers a number cell holds (the first is the lead's), or InvalidNumber."""
    if _PLAIN.fullmatch(cell):
        return (normalise(cell),)
    text = plain(cell).strip()
    if not any(ch.isdecimal() for ch in text):
        if not text.strip(_EDGES) or text.casefold() in _NONE_WORDS:
            raise refuse(NO_NUMBER)
        normalise(text)  # the parser's own reason (letters, not a number)
    if _SCIENTIFIC.fullmatch(text):
        raise refuse(SCIENTIFIC, number=text)
    text = _cleaned(text)
    parts = _SPLIT.split(_NUMBER_DASH_NUMBER.sub("/", text))
    if len(parts) < 2 or any(_digits(part) < NATIONAL_DIGITS for part in parts):
        parts = [text]
    found: list[str] = []
    for part in parts:
        for number in _numbers(part):
            if number not in found:
                found.append(number)
    return tuple(found)


def _cleaned(text: str) -> str:
    if _GROUPED.fullmatch(text):
        return text.replace(",", "")
    whole = _FLOAT_ZERO.fullmatch(text)
    if whole:
        return whole.group(1)
    return _NOTE.sub(" ", text).strip(_EDGES)


def _numbers(part: str) -> list[str]:
    try:
        return [normalise(part)]
    except InvalidNumber as exc:
        if len(exc.choices) < 2:
            raise
        return [normalise(choice) for choice in exc.choices]


def _digits(text: str) -> int:
    return sum(ch.isdecimal() for ch in text)
