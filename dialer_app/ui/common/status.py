"""The status bar's message stays readable: the widgets it hides stay hidden while it shows.

``QStatusBar.showMessage`` hides the bar's normal widgets (the account, on the left) and shows
them again when the message ends. When the bar re-lays itself out meanwhile (its height
changes: a line of Devanagari is taller than a Latin one, a label's text changes), Qt shows
those widgets again under the message, and the two texts are drawn over each other. This
filter hides such a widget again as Qt shows it, the way the bar itself hides it, so the bar
still brings it back when the message ends.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QStatusBar, QWidget


class QuietUnderMessages(QObject):
    """Keeps ``widgets`` (normal widgets of ``bar``) hidden while ``bar`` shows a message."""

    def __init__(self, bar: QStatusBar, widgets: Iterable[QWidget]) -> None:
        super().__init__(bar)
        self._bar = bar
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and self._bar.currentMessage()):  # fmt: skip
            watched.hide()
            # as QStatusBar does: not an explicit hide, so the bar shows it after the message
            watched.setAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide, False)
        return False
