"""A list's purpose, chosen by the agent, and the caller-ID question before a call.

``PurposeChoice`` is the three choices (no default) with a line that says what the chosen one
means, and the date of the scrub when a promotional file has a DND column without one (a date
field: Return takes today). The import preview holds one; ``PurposeDialog.ask`` holds one
for a list imported before purposes, asked before its first call. ``CallerIdQuestion.ask``
is the caller-ID series question: "Don't call" is the default (Return and Escape).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.compliance.purpose import Purpose, choose, explained
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named
from dialer_app.ui.common.scrub_date import ScrubDateField


class PurposeChoice(QWidget):
    """Promotional, service or transactional (none chosen at first), and the scrub's date.

    Signals:
        changed(): a purpose was chosen, or the scrub's date changed
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purposeChoice")
        texts = {
            Purpose.PROMOTIONAL: self.tr("&Promotional"),
            Purpose.SERVICE: self.tr("&Service"),
            Purpose.TRANSACTIONAL: self.tr("&Transactional"),
        }
        self.group = QButtonGroup(self)
        self.buttons: dict[Purpose, QRadioButton] = {}
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("The list's purpose:")))
        for purpose, text in texts.items():
            button = named(QRadioButton(text), f"purpose_{purpose.value}",
                           text.replace("&", ""), translated(explained(purpose)))  # fmt: skip
            button.setToolTip(translated(explained(purpose)))
            self.group.addButton(button)
            self.buttons[purpose] = button
            row.addWidget(button)
        row.addStretch(1)
        self.hint = named(QLabel(translated(choose())), "purposeHint", self.tr("The purpose"))
        self.hint.setWordWrap(True)
        self.scrub_date = ScrubDateField(
            self.tr("&Date of the DND scrub (the file has no “Scrubbed on” column):"),
            "scrubDateEdit",  # i18n: not shown (an object name)
        )
        self.date_edit = self.scrub_date.edit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.scrub_date)
        self.group.buttonToggled.connect(self._on_group_button_toggled)
        self.scrub_date.changed.connect(self.changed)

    @property
    def purpose(self) -> Purpose | None:
        """The chosen purpose (None until the agent chooses)."""
        for purpose, button in self.buttons.items():
            if button.isChecked():
                return purpose
        return None

    @property
    def scrubbed_on(self) -> date | None:
        """The date of the scrub the agent entered, when the field is shown."""
        return self.scrub_date.scrubbed_on

    def choose(self, purpose: Purpose) -> None:
        """Choose ``purpose`` (``--purpose``); says ``changed`` as the agent's choice does."""
        self.buttons[purpose].setChecked(True)

    def show_date(self, shown: bool) -> None:
        """Ask the scrub's date (a promotional file with DND but no scrub-date column)."""
        self.scrub_date.show_date(shown)

    @Slot(object, bool)
    def _on_group_button_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            purpose = self.purpose
            self.hint.setText(translated(explained(purpose)) if purpose else "")
            self.changed.emit()


class PurposeDialog(QDialog):
    """The purpose of a list imported before purposes, asked before its first call."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purposeDialog")
        self.setWindowTitle(self.tr("The purpose of {name}").format(name=name))
        self.setAccessibleName(self.tr("The list's purpose"))
        intro = named(QLabel(self.tr(
            "{name} was imported before lists had a purpose. Choose it before its first call: "
            "the rules its calls follow depend on it."
        ).format(name=name)), "purposeIntro", self.tr("Why this is asked"))  # fmt: skip
        intro.setWordWrap(True)
        self.choice = PurposeChoice()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("&Keep this purpose"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.ok_button.setEnabled(False)
        self.ok_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choice)
        layout.addWidget(buttons)
        self.choice.changed.connect(self._on_choice_changed)

    @Slot()
    def _on_choice_changed(self) -> None:
        self.ok_button.setEnabled(self.choice.purpose is not None)

    @classmethod
    def ask(cls, parent: QWidget, name: str) -> Purpose | None:
        """The purpose the agent chose (None: cancelled, nothing is called)."""
        dialog = cls(name, parent)
        chosen = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.choice.purpose if chosen else None


class CallerIdQuestion(QMessageBox):
    """The caller-ID series question: "Call anyway" (Alt+A) or "Don't call" (the default)."""

    def __init__(self, sentence: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerIdQuestion")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Caller-ID series"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(sentence)
        self.call_button = self.addButton(self.tr("Call &anyway"),
                                          QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
        self.call_button.setObjectName("callAnywayButton")
        self.call_button.setAutoDefault(False)  # Return on it (even focused) never calls
        self.dont_button = self.addButton(self.tr("Don't call"), QMessageBox.ButtonRole.RejectRole)
        self.dont_button.setObjectName("dontCallButton")
        self.setDefaultButton(self.dont_button)
        self.setEscapeButton(self.dont_button)
        self.dont_button.setFocus()

    @classmethod
    def ask(cls, parent: QWidget, sentence: str) -> bool:
        """True only for a deliberate "Call anyway"."""
        box = cls(sentence, parent)
        box.exec()
        return box.clickedButton() is box.call_button
