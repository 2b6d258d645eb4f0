"""Object names and accessible names (automation and screen readers use both), and the icon."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, accessible: str, description: str = "") -> W:
    """Give ``widget`` its object name, accessible name and description; returns it.

    A named label shows plain text (it may show text from the service): no markup, no links.
    The one label with our own links (the outcome banner) opts back in to rich text.
    """
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    if description:
        widget.setAccessibleDescription(description)
    if isinstance(widget, QLabel):
        widget.setTextFormat(Qt.TextFormat.PlainText)
        widget.setOpenExternalLinks(False)
    return widget


def app_icon() -> QIcon:
    """The dialer's icon, from the package's resources (also in a frozen build)."""
    return QIcon(str(Path(__file__).resolve().parents[2] / "resources" / "icon.svg"))
