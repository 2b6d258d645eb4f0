"""The import preview (what would be saved, every refused row and why) and the call-back time.

Both open with ``open()`` (window-modal, never a nested event loop): Return takes the default
button, Escape cancels, and the flow hears ``accepted``/``rejected``. The preview says which
column the numbers come from and lets the agent pick another (``number_column_chosen``: the
file is checked again on a worker, then ``show_preview``). Its refused rows carry both
numberings: the lead's "#" as the list panel shows it, and the row as the spreadsheet shows it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.compliance.purpose import Purpose, choose, label
from dialer_app.core.leads.model import Preview
from dialer_app.core.text import plain
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named
from dialer_app.ui.common.plain import tooltip
from dialer_app.ui.common.purpose import PurposeChoice
from dialer_app.ui.leads.model import local_time

SHOWN_REFUSALS = 500  # the preview lists this many refused rows, then says how many more


class ImportPreviewDialog(QDialog):
    """How many leads are ready, and each refused row with its reason; Return imports.

    Signals:
        number_column_chosen(int): the agent picked another column for the numbers
    """

    number_column_chosen = Signal(int)
    purpose_chosen = Signal()

    def __init__(
        self, preview: Preview, parent: QWidget | None = None, *, team: bool = False
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        self._team = team
        self.base = preview  # as the file was checked, before a purpose (the flow re-checks it)
        self.purpose = PurposeChoice()
        self.setObjectName("importPreviewDialog")
        title = self.tr("Import {name} for the team") if team else self.tr("Import {name}")
        self.setWindowTitle(title.format(name=plain(preview.name)))
        self.setAccessibleName(self.tr("Import preview"))
        self.summary = named(QLabel(), "importSummaryLabel", self.tr("What will be imported"))
        self.summary.setWordWrap(True)
        self.column_combo = named(
            QComboBox(), "importNumberColumnCombo", self.tr("Column of phone numbers")
        )
        for index, column in enumerate(preview.columns):
            shown = plain(column) or self.tr("Column {number}").format(number=index + 1)
            self.column_combo.addItem(shown, index)
        column_label = QLabel(self.tr("Numbers from the &column:"))
        column_label.setBuddy(self.column_combo)
        self.table = named(QTableWidget(), "importRefusedTable", self.tr("Refused rows"))
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        named(self.import_button, "importButton", self.tr("Import the leads"))
        self.import_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))  # Qt has no Hindi for its own buttons
        named(cancel, "importCancelButton", self.tr("Cancel the import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        picker = QHBoxLayout()
        picker.addWidget(column_label)
        picker.addWidget(self.column_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.purpose)
        layout.addLayout(picker)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.column_combo.activated.connect(self._on_column_combo_activated)
        self.purpose.changed.connect(self._on_purpose_changed)
        self.show_preview(preview)
        self.resize(820, 440 if preview.refused else 260)

    def show_preview(self, preview: Preview) -> None:
        """Show ``preview`` (the first, or the file checked again with another column)."""
        self.preview = preview
        if preview.purpose is None:
            self.base = preview
        chosen = self.purpose.purpose
        self.purpose.show_date(preview.asks_scrub_date and chosen is Purpose.PROMOTIONAL)
        summary = self.summary_text()
        if self._team:  # every agent of the team works it; its do-not-call numbers refused
            summary = self.tr("For the team: {summary}").format(summary=summary)
        self.summary.setText(summary)
        self.column_combo.setCurrentIndex(preview.number_column)
        self.import_button.setText(self.tr("&Import %n lead(s)", "", len(preview.ready)))
        self.import_button.setEnabled(self.importable)
        self.import_button.setDefault(True)
        self._fill_refused()
        self.table.setVisible(bool(preview.refused))
        if preview.purpose is None and chosen is not None:
            self._on_purpose_changed()  # a new column: checked again under the purpose

    @property
    def importable(self) -> bool:
        """A purpose is chosen, the file is checked under it, and a lead can be saved."""
        preview = self.preview
        chosen = preview.purpose is not None and preview.purpose is self.purpose.purpose
        return chosen and preview.list_refusal is None and bool(preview.ready)

    def accept(self) -> None:
        """Import, only once the file is checked under the chosen purpose."""
        if self.importable:
            super().accept()

    @Slot()
    def _on_purpose_changed(self) -> None:
        """A purpose (or the scrub's date) chosen: the flow checks the file under it."""
        chosen = self.purpose.purpose
        if chosen is None:
            return
        self.purpose.show_date(self.base.asks_scrub_date and chosen is Purpose.PROMOTIONAL)
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking every row for a {purpose} list…").format(
            purpose=translated(label(chosen)).lower()))  # fmt: skip
        self.purpose_chosen.emit()

    def show_checking(self) -> None:
        """The file is being checked again: nothing can be imported until it is.

        The column box keeps the focus (another pick overtakes this one) and Cancel never
        becomes the default: Return does nothing until the new check is shown.
        """
        column = self.column_combo.currentText()
        self.summary.setText(
            self.tr("Checking every row again with the numbers from “{column}”…").format(
                column=column
            )
        )
        self.import_button.setEnabled(False)

    @Slot(int)
    def _on_column_combo_activated(self, index: int) -> None:
        if index != self.preview.number_column:
            self.show_checking()
            self.number_column_chosen.emit(index)

    def summary_text(self) -> str:
        """How many leads the import saves and how many rows it refuses, in whole sentences."""
        ready, refused = len(self.preview.ready), len(self.preview.refused)
        if self.preview.list_refusal is not None:
            return self.tr("Not importable as it is: {reason}").format(
                reason=translated(self.preview.list_refusal))  # fmt: skip
        file = plain(self.preview.source)
        column = plain(self.preview.columns[self.preview.number_column])
        sentences = [
            self.tr("%n lead(s) are ready to call from {file}.", "", ready),
            self.tr("The numbers come from the column “{column}”."),
        ]
        alternates = sum(1 for lead in self.preview.ready if lead.alternates)
        if alternates:
            sentences.append(self.tr(
                "%n lead(s) have a second number in the same cell: it is kept as the lead's "
                "other number (F4 calls it).", "", alternates,
            ))  # fmt: skip
        if refused:
            sentences.append(self.tr(
                "%n row(s) are refused (below): they are kept in the list as refused, "
                "never called.", "", refused,
            ))  # fmt: skip
        if refused > SHOWN_REFUSALS:
            sentences.append(self.tr("The first %n refused rows are shown.", "", SHOWN_REFUSALS))
        if not ready:
            sentences.append(self.tr("No lead can be called: nothing would be imported."))
        if self.preview.purpose is None:
            sentences.append(translated(choose()))
        return " ".join(sentences).format(file=file, column=column)

    def _fill_refused(self) -> None:
        shown = self.preview.refused[:SHOWN_REFUSALS]
        headers = [
            self.tr("#"), self.tr("Row in the file"), self.tr("Number as written"),
            self.tr("Name"), self.tr("Why"),
        ]  # fmt: skip
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        first = self.table.horizontalHeaderItem(0)
        if first is not None:
            first.setToolTip(self.tr("The lead's number in the list panel"))
        self.table.setRowCount(len(shown))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, refused in enumerate(shown):
            cells = (str(refused.position + 1), str(refused.row), refused.raw_number,
                     refused.name, translated(refused.reason))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(plain(text))
                item.setToolTip(tooltip(text))  # a long reason reads whole on hover
                self.table.setItem(row, column, item)
        for column, width in enumerate((40, 90, 170, 150)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()


class CallBackDialog(QDialog):
    """F7: call this lead back in N minutes (Return takes the default, an hour)."""

    def __init__(self, who: str, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self.setObjectName("callBackDialog")
        self.setWindowTitle(self.tr("Call back later"))
        self.setAccessibleName(self.tr("Call back later"))
        question = QLabel(self.tr("Call {who} back in:").format(who=plain(who)))
        question.setTextFormat(Qt.TextFormat.PlainText)
        self.minutes = named(QSpinBox(), "callBackMinutesSpin", self.tr("Minutes from now"))
        self.minutes.setRange(1, 14 * 24 * 60)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        question.setBuddy(self.minutes)
        self.when_label = named(QLabel(), "callBackWhenLabel", self.tr("Call back at"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.minutes)
        layout.addWidget(self.when_label)
        layout.addWidget(buttons)
        self.minutes.valueChanged.connect(self._on_minutes_value_changed)
        self._on_minutes_value_changed(self.minutes.value())
        self.minutes.setFocus()
        self.minutes.selectAll()

    @property
    def when(self) -> datetime:
        return self._now + timedelta(minutes=self.minutes.value())

    @Slot(int)
    def _on_minutes_value_changed(self, _value: int) -> None:
        text = self.tr("at {time}").format(time=local_time(self.when))
        self.when_label.setText(text)
