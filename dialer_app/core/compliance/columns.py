"""Scrub and consent columns of a lead file, found by their headers, and their values read.

Headers are matched as whole words in any case and any spelling of the separators
(``dnd_status``, ``DND Status``, ``DND (Y/N)``; ``consent_source``, ``Consent Source``).
Values are read as operators write them: ``Y``/``N``, ``DND``/``Non-DND``,
``Registered``/``Not registered``, ``yes``/``no``, ``1``/``0`` (an XLSX number cell), blank.
Dates as Indian spreadsheets hold them: ``2026-11-20``, ``20/11/2026`` (day first),
``20-Nov-2026``, an Excel date cell, or an Excel day number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache

# Each role's headers, as word sequences; earlier roles are matched first, so "consent date"
# is the consent date and not the consent, and "DND scrub date" is the scrub date.
HEADERS: dict[str, tuple[str, ...]] = {
    "scrubbed_on": ("scrubbed on", "scrub date", "scrubbed date", "scrub on"),
    "consent_on": ("consent on", "consent date", "consented on"),
    "consent_source": ("consent source", "source of consent"),
    "dnd": ("dnd", "ncpr", "dnd status", "ncpr status"),
    "consent": ("consent", "opt in", "optin"),
}
_WORD = re.compile(r"[^\w]+|_")

_REGISTERED = {
    "y", "yes", "1", "true", "dnd", "registered", "on dnd", "in dnd", "ncpr", "on ncpr",
    "registered on ncpr", "dnd registered", "blocked", "fully blocked", "partially blocked",
}  # fmt: skip
_NOT_REGISTERED = {
    "n", "no", "0", "false", "non dnd", "nondnd", "not dnd", "not on dnd", "not registered",
    "unregistered", "not in dnd", "not on ncpr", "non ncpr", "clean", "not blocked",
}  # fmt: skip
_BLANK = {"", "na", "n a", "-", "--", "none", "nil", "null"}
_YES = {"y", "yes", "1", "true", "given", "opted in", "opt in", "optin", "consented", "agreed"}
_NO = {"n", "no", "0", "false", "not given", "opted out", "opt out", "declined", "withdrawn"}


class Dnd(StrEnum):
    """A number's NCPR (DND) status as the scrub file says it; stored by value."""

    REGISTERED = "dnd"
    NOT_REGISTERED = "non_dnd"
    UNKNOWN = ""  # no column, or a blank cell
    UNREADABLE = "unreadable"  # a cell that is not a scrub result


@dataclass(frozen=True, slots=True)
class ScrubColumns:
    """Where the scrub and consent columns are (0-based), None where there is none."""

    dnd: int | None = None
    scrubbed_on: int | None = None
    consent: int | None = None
    consent_source: int | None = None
    consent_on: int | None = None

    @property
    def scrub_or_consent(self) -> bool:
        """Whether the file has a scrub result or a consent record at all."""
        return self.dnd is not None or self.consent is not None or self.consent_source is not None

    @property
    def needs_scrub_date(self) -> bool:
        """A DND column without a scrub-date column: the preview asks for the date once."""
        return self.dnd is not None and self.scrubbed_on is None


def words(header: str) -> tuple[str, ...]:
    """A header as its lowercase words: ``"DND (Y/N)"`` -> ``("dnd", "y", "n")``."""
    return tuple(word for word in _WORD.split(header.casefold()) if word)


def _holds(found: tuple[str, ...], term: str) -> bool:
    wanted = tuple(term.split())
    size = len(wanted)
    return any(found[i : i + size] == wanted for i in range(len(found) - size + 1))


def find_scrub_columns(header: Sequence[str], skip: Sequence[int] = ()) -> ScrubColumns:
    """The scrub and consent columns of a header row (``skip``: the name/number columns)."""
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        if index in skip:
            continue
        cell = words(text)
        role = next((r for r, terms in HEADERS.items() if any(_holds(cell, t) for t in terms)),
                    None)  # fmt: skip
        if role is not None and role not in found:
            found[role] = index
    return ScrubColumns(**found)


def _value(text: str) -> str:
    return " ".join(words(text))


@lru_cache(maxsize=4096)  # a scrub file repeats a few values 100,000 times
def read_dnd(text: str) -> Dnd:
    """A scrub cell: registered on NCPR, not registered, blank (unknown) or unreadable."""
    value = _value(text)
    if value in _BLANK:
        return Dnd.UNKNOWN
    if value in _REGISTERED:
        return Dnd.REGISTERED
    if value in _NOT_REGISTERED:
        return Dnd.NOT_REGISTERED
    return Dnd.UNREADABLE


@lru_cache(maxsize=4096)  # a scrub file repeats a few values 100,000 times
def read_consent(text: str) -> bool | str | None:
    """A consent cell: True (yes), False (no), None (blank), or the source it names."""
    value = _value(text)
    if value in _BLANK:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    return text.strip()


_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
_NAMED = re.compile(r"(\d{1,2})[\s\-/]+([a-z]{3,9})[\s\-/,]+(\d{2}|\d{4})")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EXCEL_EPOCH = date(1899, 12, 30)


@lru_cache(maxsize=4096)  # a scrub file repeats a few values 100,000 times
def read_day(text: str) -> date | None:
    """A date cell as a day, or None when blank or not a date."""
    value = text.strip().casefold()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()  # 2026-11-20, an XLSX date cell
    except ValueError:
        pass
    if value.isdigit() and 20000 <= int(value) <= 80000:  # an Excel day number
        return _EXCEL_EPOCH + timedelta(days=int(value))
    if match := _DAY_FIRST.fullmatch(value.split(" ")[0]):
        day, month, year = (int(part) for part in match.groups())
    elif (match := _NAMED.fullmatch(value)) and match.group(2)[:3] in _MONTHS:
        day, year = int(match.group(1)), int(match.group(3))
        month = _MONTHS.index(match.group(2)[:3]) + 1
    else:
        return None
    try:
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None
