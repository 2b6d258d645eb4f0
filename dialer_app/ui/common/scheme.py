"""Light and dark: the window follows the OS's colour scheme while it runs.

Where the platform switches the palette itself (Windows 11, macOS, GNOME through the XDG
portal) every widget gets a PaletteChange and re-derives its colours. Where it only reports
the scheme (``QStyleHints.colorSchemeChanged``) and leaves the palette as it was, the app
sets the style's light palette or a dark one itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from dialer_app.ui.common.colours import is_dark

_DARK = {  # Fusion's dark scheme, in the spirit of Qt's own
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.ToolTipBase: "#3a3a3a",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff8a80",
    QPalette.ColorRole.Light: "#4a4a4a",
    QPalette.ColorRole.Midlight: "#3e3e3e",
    QPalette.ColorRole.Mid: "#5c5c5c",
    QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#2f6fb3",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}
_DISABLED_TEXT = "#8a8a8a"


def dark_palette() -> QPalette:
    """A dark palette for platforms that report a dark scheme but keep a light palette."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT))
    return palette


def light_palette() -> QPalette:
    """The style's own light palette."""
    style = QApplication.style()
    return style.standardPalette() if style is not None else QPalette()


def palette_for(scheme: Qt.ColorScheme) -> QPalette | None:
    """The palette to set for ``scheme``; None when the app's palette already matches."""
    dark_now = is_dark(QGuiApplication.palette())
    if scheme == Qt.ColorScheme.Dark and not dark_now:
        return dark_palette()
    if scheme == Qt.ColorScheme.Light and dark_now:
        return light_palette()
    return None


class SchemeFollower(QObject):
    """Follows ``QStyleHints.colorSchemeChanged`` for the app's lifetime."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self._on_hints_color_scheme_changed)
        if hints.colorScheme() == Qt.ColorScheme.Dark:
            self._on_hints_color_scheme_changed(hints.colorScheme())

    @Slot(Qt.ColorScheme)
    def _on_hints_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        palette = palette_for(scheme)
        if palette is not None:
            QGuiApplication.setPalette(palette)
