"""What the window does with its history: recent calls by the number, re-dial, verdicts, export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from dialer_app.core.phone import format_national
from dialer_app.core.records import Campaign
from dialer_app.services.dialer import Dialer
from dialer_app.ui.dial_form import DialForm
from dialer_app.ui.history_columns import OUTCOME_TEXT, VERDICT_TEXT
from dialer_app.ui.history_panel import HistoryPanel


class HistoryFlow(QObject):
    """Connects the dial form, the history panel and the dialer's history and outcomes.

    Signals:
        message(str, str): a sentence for the window and its kind (status/info/warn/error,
            or waiting: the worst case, shown with the call-again link)
        call_requested(): place the call now in the form (the usual checks and guard apply)
    """

    message = Signal(str, str)
    call_requested = Signal()

    def __init__(
        self, dialer: Dialer, form: DialForm, panel: HistoryPanel, window: QWidget
    ) -> None:
        super().__init__(window)
        self._dialer = dialer
        self._form = form
        self._panel = panel
        self._window = window
        self._number = ""
        self.waiting_customer: Campaign | None = None
        form.number_ready.connect(self._on_form_number_ready)
        panel.redial_requested.connect(self._on_panel_redial_requested)
        panel.export_requested.connect(self.export)
        dialer.export_done.connect(self._on_dialer_export_done)
        dialer.export_failed.connect(self._on_dialer_export_failed)
        if dialer.outcomes is not None:
            dialer.outcomes.row_updated.connect(self._on_outcomes_row_updated)
            dialer.outcomes.worst_case.connect(self._on_outcomes_worst_case)

    @Slot(str)
    def _on_form_number_ready(self, number: str) -> None:
        self._number = number
        rows = self._dialer.recent_to(number) if number else []
        self._form.recent_label.setText(recent_calls_text(rows))

    def show_row(self, row: Campaign) -> None:
        """A row changed: update the table, and the recent calls if it is this number's."""
        self._panel.model.upsert(row)
        if row.customer_number == self._number:
            self._on_form_number_ready(self._number)

    @Slot(object)
    def _on_panel_redial_requested(self, row: Campaign) -> None:
        self._fill(row)
        who = format_national(row.customer_number)
        self.message.emit(f"{who} is in the form: press Return to call again.", "info")

    @Slot(object)
    def _on_outcomes_row_updated(self, row: Campaign) -> None:
        self.show_row(row)

    @Slot(object)
    def _on_outcomes_worst_case(self, row: Campaign) -> None:
        self.waiting_customer = row
        member = row.member_name or "the member"
        self.message.emit(
            f"⚠ {format_national(row.customer_number)} answered, but {member} did not pick up:"
            " the customer was left waiting.",
            "waiting",
        )
        QApplication.alert(self._window)

    @Slot()
    def call_waiting_customer_again(self) -> None:
        """The one-key action after the worst case: fill the form and call (guard applies)."""
        row = self.waiting_customer
        if row is None or self._dialer.busy:
            return
        self.waiting_customer = None
        self._fill(row)
        self.call_requested.emit()

    def _fill(self, row: Campaign) -> None:
        self._form.fill(row.customer_number, row.member_number, row.deskphone, row.call_limit)

    @Slot()
    def export(self) -> None:
        """Ask where, then write the rows the panel shows (its filter and order) as CSV."""
        path, _ = QFileDialog.getSaveFileName(
            self._window, "Export history", str(Path.home() / "call-history.csv"),
            "CSV files (*.csv)",
        )  # fmt: skip
        if path:
            self._dialer.export_history(self._panel.model.query, Path(path))
            self.message.emit("Exporting…", "status")

    @Slot(int, str)
    def _on_dialer_export_done(self, count: int, path: str) -> None:
        self.message.emit(f"Exported {count} rows to {path}", "status")

    @Slot(str)
    def _on_dialer_export_failed(self, text: str) -> None:
        self.message.emit(f"Export failed: {text}", "error")


def recent_calls_text(rows: list[Campaign]) -> str:
    """'Called before: 14:02 Priya (Placed, Connected) · …' for the rows, newest first."""
    parts = []
    for row in rows:
        when = row.created_at.astimezone()
        today = when.date() == datetime.now().astimezone().date()
        stamp = when.strftime("%H:%M" if today else "%d %b %H:%M")
        result = f", {VERDICT_TEXT[row.verdict]}" if row.verdict else ""
        parts.append(f"{stamp} {row.member_name} ({OUTCOME_TEXT[row.outcome]}{result})")
    return "Called before: " + " · ".join(parts) if parts else ""
