"""Refusals at start-up (a bad API address, a dialer that holds the lock but never answers).

They go to stderr, and to a dialog when there is a display: an agent who started the app
from the desktop never sees stderr.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from dialer_app.core.text import Sentence
from dialer_app.ui.common.i18n import to_stderr

_HEADLESS = {"offscreen", "minimal", "vnc"}


def has_display() -> bool:
    """True when a window could be seen: not a headless Qt platform, and on Linux an X or
    Wayland display."""
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in _HEADLESS:
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


class StartupRefusal:
    """Says why the dialer does not start; ``show`` is the one seam tests replace."""

    @classmethod
    def report(cls, sentence: Sentence | str, code: int) -> int:
        """Print the refusal, show it when there is a display; returns ``code``."""
        text = to_stderr(sentence)
        if has_display():
            cls.show(text)
        return code

    @classmethod
    def show(cls, text: str) -> None:
        app = QApplication.instance() or QApplication([sys.argv[0]])
        del app  # kept alive by Qt until the dialog is closed
        title = QCoreApplication.translate("startup", "The dialer cannot start")
        box = QMessageBox(QMessageBox.Icon.Critical, title, text)
        box.setObjectName("startupRefusal")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
