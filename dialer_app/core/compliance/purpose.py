"""The purpose of a lead list: promotional, service or transactional (TCCCPR 2018).

The purpose decides which rules a list's calls follow: promotional calls need a DND scrub or
consent per lead, stay inside 09:00-21:00 India time and come from a 140-series number;
service and transactional calls do not need the scrub and are not bound by the window unless
the settings say so, and (for a regulated firm) come from a 1600-series number.
"""

from __future__ import annotations

from enum import StrEnum

from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

CTX = "compliance"


class Purpose(StrEnum):
    """Why a list is called; stored and exported by its value."""

    PROMOTIONAL = "promotional"
    SERVICE = "service"
    TRANSACTIONAL = "transactional"


# What the import preview and the list panel show, in the order they are offered.
LABELS: dict[Purpose, str] = {
    Purpose.PROMOTIONAL: QT_TRANSLATE_NOOP("compliance", "Promotional"),
    Purpose.SERVICE: QT_TRANSLATE_NOOP("compliance", "Service"),
    Purpose.TRANSACTIONAL: QT_TRANSLATE_NOOP("compliance", "Transactional"),
}
# One line under each choice in the import preview.
EXPLAINED: dict[Purpose, str] = {
    Purpose.PROMOTIONAL: QT_TRANSLATE_NOOP(
        "compliance",
        "Offers and sales: each lead needs a DND scrub result or the customer's consent; "
        "calls only from 09:00 to 21:00 India time, from a 140-series number.",
    ),
    Purpose.SERVICE: QT_TRANSLATE_NOOP(
        "compliance",
        "About a product or service the customer already has (renewals, updates): "
        "no scrub needed; regulated firms call from a 1600-series number.",
    ),
    Purpose.TRANSACTIONAL: QT_TRANSLATE_NOOP(
        "compliance",
        "About a transaction the customer made (an order, a payment, an OTP): "
        "no scrub needed; regulated firms call from a 1600-series number.",
    ),
}
CHOOSE = QT_TRANSLATE_NOOP(
    "compliance",
    "Choose the list's purpose (promotional, service or transactional): the rules its calls "
    "follow depend on it.",
)
NOT_A_PURPOSE = QT_TRANSLATE_NOOP(
    "compliance",
    "“{text}” is not a purpose: write promotional, service or transactional.",
)


def parse_purpose(text: str) -> Purpose:
    """``--purpose`` and stored values, in any case; ValueError (with the sentence) otherwise."""
    value = text.strip().casefold()
    for purpose in Purpose:
        if value == purpose.value:
            return purpose
    raise PurposeError(Sentence(CTX, NOT_A_PURPOSE, {"text": text.strip()}))


def label(purpose: Purpose) -> Sentence:
    """The purpose's name for the window (``translated()`` renders it)."""
    return Sentence(CTX, LABELS[purpose])


def explained(purpose: Purpose) -> Sentence:
    """One line that says what the purpose means and which rules follow."""
    return Sentence(CTX, EXPLAINED[purpose])


def choose() -> Sentence:
    """What the import preview says until a purpose is chosen (Return does not import)."""
    return Sentence(CTX, CHOOSE)


class PurposeError(ValueError):
    """A purpose that cannot be read; ``sentence`` says what to write."""

    def __init__(self, sentence: Sentence) -> None:
        super().__init__(str(sentence))
        self.sentence = sentence
