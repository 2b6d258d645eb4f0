"""The import preview (what would be saved, every refused row and why) and the call-back time.

Both open with ``open()`` (window-modal, never a nested event loop): Return takes the default
button, Escape cancels, and the flow hears ``accepted``/``rejected``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.leads.model import Preview
from dialer_app.core.text import plain
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named
from dialer_app.ui.leads.model import local_time

SHOWN_REFUSALS = 500  # the preview lists this many refused rows, then says how many more


class ImportPreviewDialog(QDialog):
    """How many leads are ready, and each refused row with its reason; Return imports."""

    def __init__(self, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import {name}").format(name=plain(preview.name)))
        self.setAccessibleName(self.tr("Import preview"))
        self.summary = named(QLabel(), "importSummaryLabel", self.tr("What will be imported"))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setText(self.summary_text())
        self.table = named(QTableWidget(), "importRefusedTable", self.tr("Refused rows"))
        self._fill_refused()
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("&Import %n lead(s)", "", len(preview.ready)),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        named(self.import_button, "importButton", self.tr("Import the leads"))
        self.import_button.setEnabled(bool(preview.ready))
        self.import_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))  # Qt has no Hindi for its own buttons
        named(cancel, "importCancelButton", self.tr("Cancel the import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setVisible(bool(preview.refused))
        self.resize(820, 440 if preview.refused else 160)

    def summary_text(self) -> str:
        """How many leads the import saves and how many rows it refuses, in whole sentences."""
        ready, refused = len(self.preview.ready), len(self.preview.refused)
        file = plain(self.preview.source)
        sentences = [self.tr("%n lead(s) are ready to call from {file}.", "", ready)]
        if refused:
            sentences.append(self.tr(
                "%n row(s) are refused (below): they are kept in the list as refused, "
                "never called.", "", refused,
            ))  # fmt: skip
        if refused > SHOWN_REFUSALS:
            sentences.append(self.tr("The first %n refused rows are shown.", "", SHOWN_REFUSALS))
        if not ready:
            sentences.append(self.tr("No lead can be called: nothing would be imported."))
        return " ".join(sentences).format(file=file)

    def _fill_refused(self) -> None:
        shown = self.preview.refused[:SHOWN_REFUSALS]
        headers = [self.tr("Row"), self.tr("Number as written"), self.tr("Name"), self.tr("Why")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(shown))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, refused in enumerate(shown):
            cells = (str(refused.row), refused.raw_number, refused.name, translated(refused.reason))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(plain(text))
                item.setToolTip(plain(text))  # a long reason reads whole on hover
                self.table.setItem(row, column, item)
        for column, width in enumerate((50, 170, 150)):
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
