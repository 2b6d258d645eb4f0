"""The window in another language: the catalogue's sources, a language switched for one test,
and what a Hindi glyph looks like when the font has none (a box)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication

from dialer_app.ui.language import CATALOGUES, install_translations

HINDI = CATALOGUES / "dialer_hi.ts"


def untranslated_sources(ts: Path = HINDI) -> set[str]:
    """English sources whose translation differs: one of them on screen is a missed string.
    (Mnemonic ampersands are dropped: a widget's text may show them either way.)"""
    root = ET.parse(ts).getroot()
    found = set()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if translation and translation != source and len(source) > 3:
            found.add(source)
    return found


@contextmanager
def language(choice: str) -> Iterator[None]:
    """The app's catalogues for ``choice`` for the duration, then English again."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, choice)
    try:
        yield
    finally:
        install_translations(app, "en")


def missing_glyphs(text: str, font: QFont) -> list[str]:
    """The characters of ``text`` that ``font`` (with Qt's fallbacks) draws as a box: glyph 0,
    the font's .notdef."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setPosition(QPointF(0, 0))
    layout.endLayout()
    drawn = [index for run in layout.glyphRuns() for index in run.glyphIndexes()]
    return [text] if not drawn or 0 in drawn else []
