"""Colours that stay readable in a light and a dark palette: WCAG contrast, and a nudge."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette

AA = 4.5  # WCAG 2 AA for normal text


class Pair(NamedTuple):
    """A text colour and the background it is drawn on."""

    text: QColor
    background: QColor


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour (0 black .. 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(palette: QPalette) -> bool:
    """A dark scheme: light text on a dark window."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return luminance(text) > luminance(window)


def readable(colour: QColor, background: QColor, ratio: float = AA) -> QColor:
    """``colour``, darkened or lightened (keeping its hue) until it reaches ``ratio`` on
    ``background``; black or white if even that is not enough."""
    if contrast(colour, background) >= ratio:
        return QColor(colour)
    toward_white = luminance(background) < 0.18
    end = QColor(255, 255, 255) if toward_white else QColor(0, 0, 0)
    for step in range(1, 21):
        mixed = _mix(colour, end, step / 20)
        if contrast(mixed, background) >= ratio:
            return mixed
    return end


def _mix(start: QColor, end: QColor, share: float) -> QColor:
    return QColor.fromRgbF(*(a + (b - a) * share for a, b in (
        (start.redF(), end.redF()), (start.greenF(), end.greenF()), (start.blueF(), end.blueF())
    )))  # fmt: skip


def css(colour: QColor) -> str:
    """The colour as a style sheet value (#rrggbb)."""
    return colour.name(QColor.NameFormat.HexRgb)
