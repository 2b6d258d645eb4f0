"""The wrap-up after a call: a disposition by one key, a note, a call-back time; ten seconds."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.phone import format_national
from dialer_app.core.records import HistoryRow, WrapUp
from dialer_app.ui.common.naming import named
from dialer_app.ui.history.columns import disposition_text

MAX_DISPOSITIONS = 9  # keys 1-9


class WrapUpPanel(QFrame):
    """Shown in the window when a call ends; it takes the focus and gives it back.

    Keys 1-9 pick a disposition, Tab reaches the note, Return saves, Escape skips.

    Signals:
        saved(HistoryRow, WrapUp): the agent saved a wrap-up for that row
        skipped(HistoryRow): the agent pressed Escape (nothing is stored)
    """

    saved = Signal(object, object)
    skipped = Signal(object)

    def __init__(self, dispositions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapUpPanel")
        self.setAccessibleName(self.tr("Wrap-up of the last call"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._dispositions = dispositions[:MAX_DISPOSITIONS]
        self._row: HistoryRow | None = None
        self._build_ui()
        self.hide()

    def _build_ui(self) -> None:
        self.title = named(QLabel(), "wrapUpTitle", self.tr("Which call"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.group = QButtonGroup(self)
        buttons = QHBoxLayout()
        for number, name in enumerate(self._dispositions, start=1):
            button = QPushButton(f"{number} {disposition_text(name)}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the note
            button.setAccessibleName(disposition_text(name))
            self.group.addButton(button, number)
            buttons.addWidget(button)
        self.note_edit = named(QLineEdit(), "wrapUpNote", self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Note (optional)"))
        self.call_back_check = named(
            QCheckBox(self.tr("Call back at")), "wrapUpCallBack", self.tr("Call back later")
        )
        self.call_back_edit = named(QDateTimeEdit(), "wrapUpCallBackAt", self.tr("Call back at"))
        self.call_back_edit.setCalendarPopup(True)
        self.hint = named(QLabel(), "wrapUpHint", self.tr("Wrap-up hint"))
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setText(self.tr("1-9 picks, Tab to the note, Return saves, Escape skips."))
        details = QHBoxLayout()
        for widget in (self.note_edit, self.call_back_check, self.call_back_edit):
            details.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addLayout(details)
        layout.addWidget(self.hint)
        self.setTabOrder(self, self.note_edit)
        self.setTabOrder(self.note_edit, self.call_back_check)
        self.setTabOrder(self.call_back_check, self.call_back_edit)
        self.note_edit.returnPressed.connect(self.save)
        self.call_back_check.toggled.connect(self.call_back_edit.setEnabled)

    @property
    def row(self) -> HistoryRow | None:
        """The call being wrapped up, while the panel is open."""
        return self._row

    def set_result(self, row: HistoryRow, result: str) -> None:
        """What came of the call, in the title; the agent's choices so far stay as they are."""
        self._row = row
        self.title.setText(
            self.tr("Wrap-up: {number} ({result})").format(
                number=format_national(row.customer_number), result=result
            )
        )

    def open_for(self, row: HistoryRow, result: str) -> None:
        """Ask about ``row`` (``result``: what came of it, in words) and take the focus."""
        self.set_result(row, result)
        self.group.setExclusive(False)
        for button in self.group.buttons():
            chosen = self._dispositions[self.group.id(button) - 1]
            button.setChecked(chosen == row.disposition)
        self.group.setExclusive(True)
        self.note_edit.setText(row.note or "")
        self.call_back_check.setChecked(row.call_back_at is not None)
        self.call_back_edit.setEnabled(row.call_back_at is not None)
        later = QDateTime.currentDateTime().addSecs(3600)
        if row.call_back_at is not None:
            later = QDateTime.fromSecsSinceEpoch(int(row.call_back_at.timestamp()))
        self.call_back_edit.setDateTime(later)
        self.show()
        if QApplication.activeModalWidget() is None:  # never from under a question being asked
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not event.modifiers():
            button = self.group.button(key - Qt.Key.Key_0)
            if button is not None:
                button.setChecked(True)
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        if key == Qt.Key.Key_Escape:
            self.skip()
            return
        super().keyPressEvent(event)

    @Slot()
    def save(self) -> None:
        row, checked = self._row, self.group.checkedButton()
        if row is None:
            return
        if checked is None:
            self.hint.setText(self.tr("Pick a disposition first: press its number (1-9)."))
            return
        when = (
            self.call_back_edit.dateTime().toPython() if self.call_back_check.isChecked() else None
        )
        wrap_up = WrapUp(
            disposition=self._dispositions[self.group.id(checked) - 1],
            note=self.note_edit.text().strip(),
            call_back_at=when.astimezone() if isinstance(when, datetime) else None,
        )
        self._close()
        self.saved.emit(row, wrap_up)

    @Slot()
    def skip(self) -> None:
        row = self._row
        if row is not None:
            self._close()
            self.skipped.emit(row)

    def _close(self) -> None:
        self._row = None
        self.hide()
