"""The dial form's colours: the Call button and the hints under the number, for the palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from dialer_app.ui.common.colours import css, is_dark, readable

# (on light, on dark) hues of the hints; readable() nudges each to 4.5:1 on the window.
_HINT_HUE = {
    "ok": (QColor(27, 94, 32), QColor(129, 199, 132)),
    "error": (QColor(183, 28, 28), QColor(239, 154, 154)),
    "warn": (QColor(122, 79, 0), QColor(255, 204, 128)),
}
# The Call button is green in both schemes, white on green (5:1); hover darkens, never
# lightens, so the text stays readable; disabled keeps 4.5:1 too (light, dark).
_CALL = {"background": "#1E7F4F", "hover": "#176640", "text": "#FFFFFF"}
_CALL_DISABLED = {False: ("#D5E3DA", "#2F4F3E"), True: ("#2A3B31", "#B8CCBF")}
_CALL_FOCUS = {False: "#0B4F2E", True: "#A5D6A7"}


def hint_colour(kind: str, palette: QPalette) -> QColor:
    """The hint's text colour ("ok", "error", "warn", or "" for the palette's own, softened)."""
    window = palette.color(QPalette.ColorRole.Window)
    hue = _HINT_HUE.get(kind)
    if hue is None:
        return readable(palette.color(QPalette.ColorRole.PlaceholderText), window)
    return readable(hue[1] if is_dark(palette) else hue[0], window)


def hint_style(kind: str, palette: QPalette) -> str:
    return f"color: {css(hint_colour(kind, palette))};"


def call_style(palette: QPalette) -> str:
    """The Call button's style sheet for this palette."""
    dark = is_dark(palette)
    off_background, off_text = _CALL_DISABLED[dark]
    return f"""
QPushButton#callButton {{ background: {_CALL["background"]}; color: {_CALL["text"]};
    font-weight: 600; border: none; border-radius: 6px; padding: 6px 18px; }}
QPushButton#callButton:hover {{ background: {_CALL["hover"]}; }}
QPushButton#callButton:focus {{ border: 2px solid {_CALL_FOCUS[dark]}; }}
QPushButton#callButton:disabled {{ background: {off_background}; color: {off_text}; }}
"""
