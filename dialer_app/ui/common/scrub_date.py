"""The date of a DND scrub, asked when a file has no "Scrubbed on" column (the import preview
of a promotional list, a scrub result applied later): today by default, never after today.

Signals:
    changed(): the agent chose another date (Return re-emitting the same date is no change)
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QWidget

from dialer_app.ui.common.naming import named


class ScrubDateField(QWidget):
    """``label`` (with its mnemonic) and a date field named ``name``; hidden until asked."""

    changed = Signal()

    def __init__(self, label: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = QDate.currentDate()
        self.edit = named(QDateEdit(today), name, self.tr("Date of the DND scrub"))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")  # i18n: not shown
        self.edit.setMaximumDate(today)
        self.label = QLabel(label)
        self.label.setBuddy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.edit)
        row.addStretch(1)
        self._last = self.edit.date()
        self._shown = False
        self.setVisible(False)
        self.edit.dateChanged.connect(self._on_edit_date_changed)

    @property
    def shown(self) -> bool:
        return self._shown

    @property
    def scrubbed_on(self) -> date | None:
        """The date entered, when the field is asked; None otherwise."""
        if not self._shown:
            return None
        chosen = self.edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def show_date(self, shown: bool) -> None:
        """Ask the date (or stop asking)."""
        self._shown = shown
        self.setVisible(shown)

    @Slot(QDate)
    def _on_edit_date_changed(self, chosen: QDate) -> None:
        if chosen != self._last:
            self._last = chosen
            self.changed.emit()
