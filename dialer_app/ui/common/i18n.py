"""Sentences the core wrote, translated for the window (the core never imports Qt)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from dialer_app.core.text import Sentence


class _Keep(dict[str, str]):
    """Placeholders a translation names but the sentence lacks stay as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def translated(sentence: Sentence | str) -> str:
    """The sentence in the window's language, its placeholders (translated too) filled in."""
    if isinstance(sentence, str):
        return sentence
    args = _Keep({key: translated(value) for key, value in sentence.args.items()})
    source = QCoreApplication.translate(sentence.context, sentence.source)  # i18n: not shown
    return source.format_map(args)


def to_stderr(sentence: Sentence | str) -> str:
    """Print a refusal on stderr, as every refusal at start-up is; returns its text."""
    text = translated(sentence)
    print(f"dialer-app: {text}", file=sys.stderr)  # i18n: not shown (the program name)
    return text
