"""Indian phone numbers: reduce what agents paste to the 10-digit national number.

Accepted: ``+91 98765 43210``, ``098765-43210``, ``919876543210``, ``0091 98765 43210``,
``(0120) 461 2345``. Refused, with a sentence the window can show: a foreign country code,
an extension, letters or other junk, and any digit count that does not leave exactly ten.
A longer number is never cut down to ten digits: that would dial a stranger.
"""

from __future__ import annotations

import re
from functools import cache

from dialer_app.core.errors import InvalidNumber

_SEPARATORS = re.compile(r"[\s\-.()/\u00a0\u2010-\u2015]")
_ALLOWED = re.compile(r"\+?[0-9]*")  # ASCII digits only: no other scripts
_EXTENSION = re.compile(r"(?i)(ext|x|#|;|,)")


def normalise(text: str, *, validate: bool = True) -> str:
    """Return the 10-digit national number for ``text`` or raise InvalidNumber.

    ``validate=False`` keeps every structural check but skips the numbering-plan check (and
    loading its metadata): for numbers the provider itself lists, such as its members.
    """
    compact = _SEPARATORS.sub("", text.strip())
    if not compact:
        raise InvalidNumber("Enter the customer's number.")
    if _EXTENSION.match(compact.lstrip("+0123456789")):
        raise InvalidNumber("Extensions can't be dialled: enter the number only.")
    if not _ALLOWED.fullmatch(compact):
        raise InvalidNumber("The number has characters that are not digits.")
    national = _national_digits(compact)
    if validate and not _is_valid_indian(national):
        raise InvalidNumber(f"{format_national(national)} is not a valid Indian number.")
    return national


def _national_digits(compact: str) -> str:
    """Strip the country code or trunk prefix; refuse what is not 10 digits after that."""
    if compact.startswith("+"):
        return _after_country_code(compact[1:])
    if compact.startswith("00"):
        return _after_country_code(compact[2:])
    digits = compact
    if len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    elif len(digits) == 12 and digits.startswith("91"):
        digits = digits[2:]
    _require_ten(digits)
    return digits


def _after_country_code(digits: str) -> str:
    if not digits.startswith("91"):
        raise InvalidNumber("That is not an Indian number: only +91 numbers can be dialled.")
    national = digits[2:]
    if len(national) == 11 and national.startswith("0"):
        national = national[1:]
    _require_ten(national)
    return national


def _require_ten(digits: str) -> None:
    if len(digits) != 10:
        raise InvalidNumber(
            f"The number has {len(digits)} digits; an Indian number has 10 "
            "(after +91 or a leading 0)."
        )


@cache
def _is_valid_indian(national: str) -> bool:
    # phonenumbers loads its metadata on first use: keep it off the start-up path.
    import phonenumbers

    parsed = phonenumbers.PhoneNumber(country_code=91, national_number=int(national))
    return bool(phonenumbers.is_valid_number(parsed))


def format_national(national: str) -> str:
    """Group a 10-digit number for display: ``98765 43210``."""
    if len(national) == 10:
        return f"{national[:5]} {national[5:]}"
    return national


def last_ten(number: str) -> str:
    """The last 10 digits of a stored number, for comparing numbers in different forms."""
    return re.sub(r"[^0-9]", "", number)[-10:]


def mask(number: str) -> str:
    """A number safe for logs: only its last 4 digits."""
    digits = re.sub(r"[^0-9]", "", number)
    return f"…{digits[-4:]}" if digits else "…"
