"""Contrast as a reader sees it: the colours of rendered pixels, measured with WCAG's formula."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from dialer_app.ui.common.colours import contrast
from dialer_app.ui.common.scheme import dark_palette, light_palette

SCHEMES = ("light", "dark")


def palette_of(scheme: str) -> QPalette:
    return dark_palette() if scheme == "dark" else light_palette()


def use_scheme(scheme: str) -> None:
    """Give the whole application the light or the dark palette (as the OS switch does)."""
    QApplication.setPalette(palette_of(scheme))


def rendered_contrast(widget: QWidget, area: QRect | None = None) -> float:
    """Contrast between the commonest colour of ``area`` (the background) and the pixel that
    stands out most from it (the text's full-coverage pixels)."""
    image = widget.grab(area or QRect()).toImage().convertToFormat(QImage.Format.Format_RGB32)
    raw = bytes(image.constBits())  # B, G, R, unused: one 32-bit word per pixel
    width = image.width() * 4
    rows = (raw[y * image.bytesPerLine() : y * image.bytesPerLine() + width]
            for y in range(image.height()))  # fmt: skip
    counts = Counter(row[x : x + 3] for row in rows for x in range(0, width, 4))
    colours = {key: QColor(key[2], key[1], key[0]) for key in counts}
    background = colours[counts.most_common(1)[0][0]]
    return max(contrast(background, colour) for colour in colours.values())
