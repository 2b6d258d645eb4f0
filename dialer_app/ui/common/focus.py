"""The window gets the focus back after every dialog of ours.

A file dialog drawn by the desktop (a portal, GTK's, Windows' own) leaves no window of ours
active when it closes: keys typed next go nowhere (Ctrl+Q does nothing) or to a field that
does not want them (Alt+S types "s"). Each dialog is shown inside ``focus_returns``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


@contextmanager
def focus_returns(parent: QWidget | None) -> Iterator[None]:
    """Show a dialog inside: afterwards ``parent``'s window is active, its focus where it was."""
    before = QApplication.focusWidget()
    try:
        yield
    finally:
        if parent is not None:
            give_back_focus(parent.window(), before)


def give_back_focus(window: QWidget, before: QWidget | None) -> None:
    """Activate ``window`` and focus ``before`` if it is still one of its visible widgets."""
    if not window.isVisible():
        return
    window.activateWindow()
    try:
        usable = before is not None and before.isVisible() and before.window() is window
    except RuntimeError:  # deleted while the dialog was open
        usable = False
    target = before if usable else window.focusWidget()
    if target is not None:
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
