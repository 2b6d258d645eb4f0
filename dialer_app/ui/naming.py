"""Object names and accessible names (automation and screen readers use both), and the icon."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, accessible: str) -> W:
    """Give ``widget`` its object name and accessible name; returns it."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def app_icon() -> QIcon:
    """The dialer's icon, from the package's resources (also in a frozen build)."""
    return QIcon(str(Path(__file__).resolve().parent.parent / "resources" / "icon.svg"))
