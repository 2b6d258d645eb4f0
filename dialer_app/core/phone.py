"""Indian phone numbers: the one parser every number goes through, on libphonenumber.

Typed, pasted, a command-line argument, a ``tel:``/``callto:`` link, a history re-dial: all of
them end in ``parse()``, which gives the 10-digit national number (what ``calling_party_a``
takes) or raises ``InvalidNumber`` with a sentence that says what the number is: empty,
several numbers (the agent picks one, ``.choices``), an extension, letters, foreign, toll-free
or another kind click-to-call does not ring, too short, too long, or not a valid Indian number.

Rules kept on top of libphonenumber: letters are refused before it can read them as a vanity
number, an extension is refused wherever it comes from (it is never dropped), and a longer
number is never cut down to ten digits: that would dial a stranger. Digits of any script
(Devanagari, full-width) count as digits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import unquote

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence, plain

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

CTX = "phone"
NATIONAL_DIGITS = 10
SCHEMES = ("tel:", "callto:")
# The joiners (U+200C/U+200D) stay in plain text (Indian scripts need them) but are no part
# of a number: a pasted number that carries one reads as the number without it.
_SEPARATORS = re.compile(r"[\s\-.()/\u00a0\u200c\u200d\u2010-\u2015]")
_ALLOWED = re.compile(r"\+?[0-9]*")
# An extension or a dial string after the number: "x12", "ext. 12", "#5", ";12", ",12", "p12".
_EXTENSION = re.compile(
    r"(?i)[0-9][\s\-.()]*(?:[;,]?\s*(?:e?xt(?:n|ension)?\.?|x)|#|;|,|\*|p|w)\s*[:=]?\s*[0-9]"
)
_EXTENSION_PARAMETERS = {"ext", "isub", "postd", "extension"}
_IGNORED_PARAMETERS = {"phone-context", "call"}  # RFC 3966 context; Skype's "?call" action

EMPTY = QT_TRANSLATE_NOOP("phone", "Enter the customer's number.")
SEVERAL = QT_TRANSLATE_NOOP("phone", "This text holds {count} numbers: pick the one to call.")
EXTENSION = QT_TRANSLATE_NOOP("phone", "Extensions can't be dialled: enter the number only.")
PARAMETER = QT_TRANSLATE_NOOP(
    "phone", "The link holds “{part}”, which can't be dialled: enter the number only."
)
NOT_DIGITS = QT_TRANSLATE_NOOP("phone", "The number has characters that are not digits.")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("phone", "That is not a phone number.")
FOREIGN = QT_TRANSLATE_NOOP(
    "phone",
    "{number} is a foreign number (+{code}), not an Indian one: only +91 numbers can be dialled.",
)
TOO_SHORT = QT_TRANSLATE_NOOP(
    "phone",
    "Too short: the number has {digits} digits; an Indian number has 10 (after +91 or a 0).",
)
TOO_LONG = QT_TRANSLATE_NOOP(
    "phone",
    "Too long: the number has {digits} digits; an Indian number has 10 (after +91 or a 0). "
    "It is never shortened.",
)
NOT_VALID = QT_TRANSLATE_NOOP("phone", "{number} is not a valid Indian number.")
PLACEHOLDER = QT_TRANSLATE_NOOP(
    "phone",
    "{number} is a placeholder (a test number such as 1234567890 or 9999999999), "
    "not a customer's number.",
)
# Numbers people type when they have none: known test patterns, checked on the digits as
# written and on the ten national digits; the numbering plan (libphonenumber) refuses the rest
# of the made-up ones (11111 11111 is in no range).
_TEST_PATTERNS = frozenset({"1234567890", "0123456789", "0987654321", "1234512345"})
# Kinds click-to-call does not ring, by libphonenumber's PhoneNumberType value.
_KIND_REFUSED = {
    3: QT_TRANSLATE_NOOP(
        "phone", "{number} is a toll-free number: only mobiles and landlines can be called."
    ),
    4: QT_TRANSLATE_NOOP(
        "phone", "{number} is a premium-rate number: only mobiles and landlines can be called."
    ),
    5: QT_TRANSLATE_NOOP(
        "phone", "{number} is a shared-cost number: only mobiles and landlines can be called."
    ),
    6: QT_TRANSLATE_NOOP(
        "phone", "{number} is an internet (VoIP) number: only mobiles and landlines can be called."
    ),
    7: QT_TRANSLATE_NOOP(
        "phone", "{number} is a personal number: only mobiles and landlines can be called."
    ),
    8: QT_TRANSLATE_NOOP(
        "phone", "{number} is a pager number: only mobiles and landlines can be called."
    ),
    9: QT_TRANSLATE_NOOP(
        "phone", "{number} is a company (UAN) number: only mobiles and landlines can be called."
    ),
    10: QT_TRANSLATE_NOOP(
        "phone", "{number} is a voicemail number: only mobiles and landlines can be called."
    ),
}


class NumberKind(StrEnum):
    """What kind of Indian number will be dialled."""

    MOBILE = "mobile"
    LANDLINE = "landline"
    EITHER = "either"  # a range libphonenumber lists as fixed line or mobile


@dataclass(frozen=True, slots=True)
class IndianNumber:
    """A number that can be dialled: its 10 national digits and what kind it is."""

    national: str
    kind: NumberKind

    @property
    def display(self) -> str:
        return format_national(self.national)


def refuse(source: str, choices: tuple[str, ...] = (), **args: object) -> InvalidNumber:
    """The error for a refused number, its sentence ready for the window to translate."""
    sentence = Sentence(CTX, source, {key: str(value) for key, value in args.items()})
    return InvalidNumber(sentence, choices)


def parse(text: str, *, validate: bool = True) -> IndianNumber:
    """The number in ``text`` (any common form, a ``tel:``/``callto:`` link) or InvalidNumber.

    ``validate=False`` keeps every structural rule but not the numbering plan: for numbers the
    provider itself lists, such as its members.
    """
    number_part, parameters = _split_link(plain(text).strip())
    number_part = _digits_to_ascii(plain(number_part))
    for name, value in parameters:
        _check_parameter(name, value)
    compact = _SEPARATORS.sub("", number_part)
    if not compact:
        raise refuse(EMPTY)
    junk = not _ALLOWED.fullmatch(compact)
    found = numbers_in(number_part) if junk or _digit_count(compact) > NATIONAL_DIGITS + 2 else ()
    if len(found) > 1:
        raise refuse(SEVERAL, found, count=len(found))
    if _EXTENSION.search(number_part):
        raise refuse(EXTENSION)
    if junk:
        raise refuse(NOT_DIGITS, found)
    if validate:
        _check_placeholder(compact)
    return _check(_libphonenumber(number_part, compact), validate)


def normalise(text: str, *, validate: bool = True) -> str:
    """The 10-digit national number for ``text``, or InvalidNumber (see ``parse``)."""
    return parse(text, validate=validate).national


def numbers_in(text: str) -> tuple[str, ...]:
    """Every number libphonenumber finds in pasted text, as written: the agent picks one."""
    import phonenumbers

    matcher = phonenumbers.PhoneNumberMatcher(
        _digits_to_ascii(plain(text)), "IN", leniency=phonenumbers.Leniency.POSSIBLE
    )
    return tuple(match.raw_string.strip() for match in matcher)


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _digits_to_ascii(text: str) -> str:
    """Full-width forms become ASCII (NFKC) and digits of any script become 0-9."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in folded)


def _split_link(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The number part and its RFC 3966 parameters (``;ext=12``): nothing is dropped.

    A ``tel:``/``callto:`` scheme is removed and the rest percent-decoded; parameters are
    read whether the scheme is still there or not, so a link's field text parses the same.
    """
    lowered = text.lower()
    scheme = next((s for s in SCHEMES if lowered.startswith(s)), None)
    if scheme is not None:
        text = unquote(text[len(scheme) :]).lstrip("/").strip()
    number, *parts = re.split(r"[;?](?=\s*[A-Za-z])", text, maxsplit=1)
    parameters = []
    for part in re.split(r"[;?&]", parts[0]) if parts else []:
        name, _, value = part.partition("=")
        parameters.append((name.strip().lower(), value.strip()))
    return number.strip(), parameters


def _check_placeholder(compact: str) -> None:
    """Refuse a known test number (as written, or its ten national digits)."""
    digits = compact.lstrip("+")
    national = digits
    if len(national) == NATIONAL_DIGITS + 2 and national.startswith("91"):
        national = national[2:]
    elif len(national) == NATIONAL_DIGITS + 1 and national.startswith("0"):
        national = national[1:]
    same = len(national) == NATIONAL_DIGITS and len(set(national)) == 1
    if same or digits in _TEST_PATTERNS or national in _TEST_PATTERNS:
        raise refuse(PLACEHOLDER, number=compact)


def _check_parameter(name: str, value: str) -> None:
    if name in _EXTENSION_PARAMETERS:
        raise refuse(EXTENSION)
    if name == "phone-context" and value.startswith("+"):
        code = _SEPARATORS.sub("", value).lstrip("+")
        if code != "91":
            raise refuse(FOREIGN, number=value, code=code)
    elif name and name not in _IGNORED_PARAMETERS:
        raise refuse(PARAMETER, part=f"{name}={value}" if value else name)


# Ten plain digits of a mobile range: libphonenumber reads them as +91 and these digits
# (no trunk 0, no international prefix, not "91..." that could be a country code), so the
# number is built directly: the same number, without its parse (a 100,000-lead import).
_PLAIN_MOBILE = re.compile(r"(?:[6-8][0-9]|9[02-9])[0-9]{8}")


def _libphonenumber(text: str, compact: str) -> PhoneNumber:
    import phonenumbers

    if _PLAIN_MOBILE.fullmatch(compact):
        return phonenumbers.PhoneNumber(country_code=91, national_number=int(compact))
    try:
        return phonenumbers.parse(text, "IN")
    except phonenumbers.NumberParseException as exc:
        kind = phonenumbers.NumberParseException
        digits = len(compact.lstrip("+"))
        if exc.error_type == kind.INVALID_COUNTRY_CODE and compact.startswith(("+", "00")):
            raise refuse(FOREIGN, number=compact, code=compact.lstrip("+0")[:3]) from None
        if exc.error_type == kind.TOO_LONG:
            raise refuse(TOO_LONG, digits=digits) from None
        if exc.error_type in (kind.TOO_SHORT_NSN, kind.TOO_SHORT_AFTER_IDD):
            raise refuse(TOO_SHORT, digits=digits) from None
        raise refuse(NOT_A_NUMBER) from None


def _check(number: PhoneNumber, validate: bool) -> IndianNumber:
    import phonenumbers

    if number.extension:
        raise refuse(EXTENSION)
    if number.country_code != 91:
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        raise refuse(FOREIGN, number=written, code=number.country_code)
    zeros = (number.number_of_leading_zeros or 1) if number.italian_leading_zero else 0
    national = "0" * zeros + str(number.national_number)
    kind_code = phonenumbers.number_type(number) if validate else None
    if kind_code in _KIND_REFUSED:
        raise refuse(_KIND_REFUSED[kind_code], number=_grouped(number))
    if len(national) < NATIONAL_DIGITS:
        raise refuse(TOO_SHORT, digits=len(national))
    if len(national) > NATIONAL_DIGITS:
        raise refuse(TOO_LONG, digits=len(national))
    if not validate:
        return IndianNumber(national, NumberKind.EITHER)
    # is_valid_number(): the number's type is known for +91 (its only region), as computed
    if kind_code == phonenumbers.PhoneNumberType.UNKNOWN:
        raise refuse(NOT_VALID, number=format_national(national))
    kinds: dict[int | None, NumberKind] = {
        phonenumbers.PhoneNumberType.MOBILE: NumberKind.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE: NumberKind.LANDLINE,
    }
    return IndianNumber(national, kinds.get(kind_code, NumberKind.EITHER))


def _grouped(number: PhoneNumber) -> str:
    import phonenumbers

    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


@lru_cache(maxsize=4096)
def format_national(national: str) -> str:
    """A stored number as agents read it: ``98765 43210`` (mobile), ``0120 461 2345`` (landline).

    libphonenumber's national format for landlines, with the trunk 0 their STD code needs;
    every mobile-range number (6-9, whether libphonenumber rates it mobile or "fixed line or
    mobile") as mobiles are written, five and five, without a trunk 0 nobody dials to reach a
    mobile. Anything that is not ten digits is shown as it is.
    """
    if len(national) != NATIONAL_DIGITS or not national.isdigit():
        return national
    import phonenumbers

    number = phonenumbers.PhoneNumber(country_code=91, national_number=int(national))
    text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if not phonenumbers.is_valid_number(number):
        return f"{national[:5]} {national[5:]}"
    kinds = phonenumbers.PhoneNumberType
    kind = phonenumbers.number_type(number)
    mobile_range = kind == kinds.FIXED_LINE_OR_MOBILE and national[0] in "6789"
    if kind == kinds.MOBILE or mobile_range:
        return f"{national[:5]} {national[5:]}"
    return text


def last_ten(number: str) -> str:
    """The last 10 digits of a stored number, for comparing numbers in different forms."""
    return re.sub(r"[^0-9]", "", number)[-10:]


def mask(number: str) -> str:
    """A number safe for logs: only its last 4 digits."""
    digits = re.sub(r"[^0-9]", "", number)
    return f"…{digits[-4:]}" if digits else "…"
