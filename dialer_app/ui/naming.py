"""Object names and accessible names: automation and screen readers use the same handles."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, accessible: str) -> W:
    """Give ``widget`` its object name and accessible name; returns it."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget
