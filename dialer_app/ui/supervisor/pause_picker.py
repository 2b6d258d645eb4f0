"""The agent's pause (F10): a picker of reasons, and the key that pauses and resumes.

``PausePicker.ask(parent, reasons)`` shows the reasons in order (``team/pause_reasons``), the
first highlighted; Return takes the highlighted one, Escape pauses nothing. ``PauseKey`` puts
F10 on a window: F10 opens the picker and pauses with the reason chosen; F10 again resumes.
While paused, ``refusal()`` is the sentence a call path shows instead of calling ("Paused: F10
resumes"): Return on a lead places no call. The reasons come from settings (an agent's text):
shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QStringListModel, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.text import plain
from dialer_app.services.presence import PresenceService
from dialer_app.ui.common.naming import named

PAUSE_KEY = "F10"
WIDTH = 400  # the question's two lines fit, in Hindi too


class PausePicker(QDialog):
    """The reasons, the first highlighted; Return takes the highlighted one."""

    def __init__(self, reasons: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pause"))
        self.setMinimumWidth(WIDTH)
        self.reasons = [plain(reason) for reason in reasons]
        self.model = QStringListModel(self.reasons, self)
        self.view = named(QListView(), "pauseReasons", self.tr("Pause reason"))
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.activated.connect(self._on_view_activated)
        label = QLabel(
            self.tr("Why are you pausing? No lead is given to you until you resume (F10).")
        )
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Pause"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.view.setFocus()

    def chosen(self) -> str | None:
        index = self.view.currentIndex()
        return self.reasons[index.row()] if index.isValid() else None

    @Slot(QModelIndex)
    def _on_view_activated(self, _index: QModelIndex) -> None:
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, reasons: Sequence[str]) -> str | None:
        """The reason chosen, or None (Escape, Cancel): the one seam tests replace."""
        picker = cls(reasons, parent)
        return picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None


class PauseKey(QObject):
    """F10 on ``window``: pause with a reason, F10 again resumes; ``say`` shows the state.

    ``action`` is the key's menu entry (Team → Pause…, Resume while paused), on the window so
    F10 works whatever has the focus.
    """

    def __init__(
        self, window: QWidget, presence: PresenceService, reasons: Sequence[str],
        say: Callable[[str], None],
    ) -> None:  # fmt: skip
        super().__init__(window)
        self._window, self._presence = window, presence
        self._reasons, self._say = list(reasons), say
        self.action = QAction(window)
        self.action.setObjectName("pauseAction")
        self.action.setShortcut(QKeySequence(PAUSE_KEY))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(self.action)
        self.action.triggered.connect(self.toggle)
        presence.paused_changed.connect(self._on_paused_changed)
        self._on_paused_changed(presence.paused, presence.reason)

    @Slot(bool, str)
    def _on_paused_changed(self, paused: bool, _reason: str) -> None:
        self.action.setText(
            QCoreApplication.translate("pause", "&Resume")
            if paused
            else QCoreApplication.translate("pause", "&Pause…")
        )

    @Slot()
    def toggle(self) -> None:
        if self._presence.paused:
            self._presence.resume()
            self._say(QCoreApplication.translate("pause", "Ready: leads are given to you again."))
            return
        reason = PausePicker.ask(self._window, self._reasons)
        if reason is not None:
            self._presence.pause(reason)
            self._say(self.refusal() or "")

    def refusal(self) -> str | None:
        """While paused, what the window says instead of calling; None when not paused."""
        if not self._presence.paused:
            return None
        return QCoreApplication.translate("pause", "Paused: F10 resumes")
