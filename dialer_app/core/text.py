"""Text from the service is data: plain, with its direction controls neutralised.

Also the seam for sentences the core writes but the window translates: ``Sentence`` keeps the
source text (marked for Qt's ``lupdate`` with ``QT_TRANSLATE_NOOP``) and its placeholders apart,
so the UI translates the template and fills it in; the core never imports Qt.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

# Unicode bidirectional controls (embeddings, overrides, isolates, marks) and the invisible
# characters that travel with pasted text. Any of them can make a number or a name read
# backwards, or hide what a cell really holds. The zero-width joiner and non-joiner
# (U+200D, U+200C) are kept: Malayalam, Hindi and other Indian scripts spell words with them
# ("കാര്‍ത്തിക്"), and they reorder nothing.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = "\u200b\u2060\ufeff"
_STRIP = re.compile(f"[{BIDI_CONTROLS}{_INVISIBLE}]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0/C1 but tab, CR, LF
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


def plain(value: object) -> str:
    """A service value as plain display text: no direction controls, no control characters."""
    text = "" if value is None else str(value)
    return _CONTROL.sub(" ", _STRIP.sub("", text))


def isolate(text: str) -> str:
    """Text of unknown direction (a name from the service) that cannot reorder what follows."""
    return f"{FSI}{plain(text)}{PDI}"


def left_to_right(text: str) -> str:
    """A number (or an address) that is always shown left to right, whatever surrounds it."""
    return f"{LRI}{plain(text)}{PDI}"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark ``source`` for translation in ``context``; the UI translates it when shown."""
    del context
    return source


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with named placeholders: ``str()`` is the English text, the UI translates."""

    context: str
    source: str
    args: Mapping[str, str | Sentence] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.source.format(**{key: str(value) for key, value in self.args.items()})

    def to_json(self) -> str:
        """The sentence as JSON text, to store and translate later (``from_json``)."""
        return json.dumps(_plain_data(self), ensure_ascii=False)

    @staticmethod
    def from_json(text: str) -> Sentence | None:
        """A sentence stored by ``to_json``; None for any other text (stored as English)."""
        if not text.startswith("{"):
            return None
        try:
            return _from_data(json.loads(text))
        except (ValueError, TypeError, KeyError):
            return None


def _plain_data(sentence: Sentence) -> dict[str, object]:
    args = {
        key: _plain_data(value) if isinstance(value, Sentence) else value
        for key, value in sentence.args.items()
    }
    return {"context": sentence.context, "source": sentence.source, "args": args}


def _from_data(data: dict[str, object]) -> Sentence:
    args = data["args"]
    if not isinstance(args, dict):
        raise TypeError("args")
    return Sentence(
        str(data["context"]),
        str(data["source"]),
        {key: _from_data(value) if isinstance(value, dict) else str(value)
         for key, value in args.items()},
    )  # fmt: skip
