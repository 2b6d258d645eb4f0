"""Which columns of a lead file hold the number and the name: whole words, then the cells.

A header is the number's when every word of it is a phone word ("phone", "mobile", "contact",
"whatsapp", "फोन", "मोबाइल" …), a qualifier ("customer", "primary", "alternate" …) or a suffix
("no", "number", "details" …), and one is a phone word: "Mobile No.", "Contact details",
"WhatsApp No", "फ़ोन नंबर" are; "Hotel", "Cancelled", "Order Number" and "Preferred mode of
contact (voice call, whatsapp, etc)" are not. Devanagari is compared without the nukta
(फ़ोन and फोन are one word). When several headers could be the number, the column whose first
cells hold phone numbers wins; with no such header, a column whose cells mostly do. The name
is a full-name column, or First Name + Last Name joined.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

SAMPLE_ROWS = 200
_NUKTA = "\u093c"
_WORD_SPLIT = re.compile(r"[^\w\u0900-\u097f]+")


def cell_at(cells: Sequence[str], index: int | None) -> str:
    """A row's cell in column ``index``, or "" (no such column, or a row cut short)."""
    return cells[index] if index is not None and index < len(cells) else ""


def listed(header: Sequence[str]) -> str:
    """A header's names as a sentence lists them: “Name”, “Mobile” (blank ones left out)."""
    return ", ".join(f"“{text.strip()}”" for text in header if text.strip())


def words(header: str) -> tuple[str, ...]:
    """The header's words: case-folded, Devanagari without the nukta."""
    folded = unicodedata.normalize("NFD", header.casefold()).replace(_NUKTA, "")
    return tuple(word for word in _WORD_SPLIT.split(unicodedata.normalize("NFC", folded)) if word)


def _vocabulary(*items: str) -> frozenset[str]:
    return frozenset(word for item in items for word in words(item))


_PHONE = _vocabulary(
    "phone mobile cell cellphone tel telephone whatsapp contact number mob ph landline",
    "फ़ोन फोन मोबाइल नंबर नम्बर संपर्क",
)
_QUALIFIER = _vocabulary(
    "customer client lead primary alternate alternative alt personal office home work main",
    "other your the 1 2 3 ग्राहक का",
)
_SUFFIX = _vocabulary("no nos num number numbers details detail info न सं")
_FULL_NAME = {
    words(h)
    for h in ("name", "full name", "customer", "customer name", "client name", "contact name",
              "lead", "lead name", "contact", "नाम", "ग्राहक का नाम")
}  # fmt: skip
_FIRST_NAME = {words(h) for h in ("first name", "firstname", "given name", "fname")}
_LAST_NAME = {words(h) for h in ("last name", "lastname", "surname", "family name", "lname")}


def is_number_header(header: str) -> bool:
    found = words(header)
    known = _PHONE | _QUALIFIER | _SUFFIX
    return bool(found) and all(w in known for w in found) and any(w in _PHONE for w in found)


def phone_like(cell: str) -> bool:
    """A cell that holds at least a phone number's worth of digits."""
    return sum(ch.isdecimal() for ch in cell) >= 10 and "e+" not in cell.casefold()


def number_column(columns: Sequence[str], sample: Sequence[Sequence[str]]) -> int | None:
    """The number column by its header, the cells deciding between candidates; or None."""

    def score(column: int) -> int:
        return sum(phone_like(row[column]) for row in sample if column < len(row))

    candidates = [i for i, header in enumerate(columns) if is_number_header(header)]
    if candidates:
        return max(candidates, key=lambda i: (score(i), -i))
    filled = sum(1 for row in sample if any(cell.strip() for cell in row))
    scores = {i: score(i) for i in range(len(columns))}
    best = max(scores, key=lambda i: (scores[i], -i), default=None)
    return best if best is not None and filled and scores[best] * 2 >= filled else None


def name_columns(columns: Sequence[str], number: int | None) -> tuple[int, ...]:
    """The name's column (or First Name, Last Name); () when the file has none."""
    headers = [words(column) for column in columns]
    full = [i for i, h in enumerate(headers) if h in _FULL_NAME and i != number]
    if full:
        return (full[0],)
    first = next((i for i, h in enumerate(headers) if h in _FIRST_NAME), None)
    last = next((i for i, h in enumerate(headers) if h in _LAST_NAME), None)
    if first is not None:
        return (first,) if last is None else (first, last)
    named = [i for i, h in enumerate(headers) if "name" in h and i != number]
    return tuple(named[:1])
