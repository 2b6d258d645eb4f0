"""What the window does with its history: recent calls by the number, re-dial, verdicts, export."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from dialer_app.core.phone import format_national
from dialer_app.core.records import HistoryRow, TeamCall
from dialer_app.core.text import isolate, left_to_right
from dialer_app.services.history import HistoryService
from dialer_app.services.runner import Latest
from dialer_app.services.team import TeamGuard
from dialer_app.services.verdicts import VerdictTracker
from dialer_app.ui.calling.dial_form import DialForm
from dialer_app.ui.common.dialogs import ExportDialog
from dialer_app.ui.common.notice import Action, Level, Notice
from dialer_app.ui.history.columns import OUTCOME_TEXT, VERDICT_TEXT
from dialer_app.ui.history.export_flow import ExportFlow
from dialer_app.ui.history.panel import HistoryPanel

TEAM_TIMELINE_SECONDS = 24 * 3600  # the team's calls shown under the number: today's


class HistoryFlow(QObject):
    """Connects the dial form, the history panel, the history service and the verdicts.

    Signals:
        notice(Notice): a sentence for the window
        call_requested(): place the call now in the form (the usual checks and guard apply)
    """

    notice = Signal(object)
    call_requested = Signal()

    def __init__(
        self,
        history: HistoryService,
        verdicts: VerdictTracker | None,
        team: TeamGuard,
        form: DialForm,
        panel: HistoryPanel,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._history = history
        self._form = form
        self._panel = panel
        self._window = window
        self._number = ""
        self._team_guard = team
        self._recent: Latest[list[HistoryRow]] = Latest()
        self._team_timeline: Latest[list[TeamCall]] = Latest()
        self._recent_rows: list[HistoryRow] = []
        self._team_calls: list[TeamCall] = []
        self.exports = ExportFlow(history, window)
        self.exports.notice.connect(self.notice)
        self.waiting_customer: HistoryRow | None = None
        form.number_ready.connect(self._on_form_number_ready)
        panel.redial_requested.connect(self._on_panel_redial_requested)
        panel.export_requested.connect(self.export)
        panel.recording_refused.connect(self._on_panel_recording_refused)
        if verdicts is not None:
            verdicts.row_updated.connect(self.show_row)
            verdicts.worst_case.connect(self._on_verdicts_worst_case)

    @Slot(str)
    def _on_form_number_ready(self, number: str) -> None:
        if number != self._number:  # never show one number's calls under another
            self._form.recent_label.setText("")
        self._number = number
        if not number:
            self._recent.cancel()
            self._team_timeline.cancel()
            return
        self._recent_rows, self._team_calls = [], []
        job = self._recent.replace(self._history.recent_to(number))
        job.on_success(self._on_history_recent_loaded)
        member = self._form.selected_member()
        ours = member.number if member is not None else ""
        team = self._team_guard.check(number, ours, TEAM_TIMELINE_SECONDS)
        if team is not None:
            self._team_timeline.replace(team).on_success(self._on_team_checked)

    @Slot(object)
    def _on_history_recent_loaded(self, rows: list[HistoryRow]) -> None:
        self._recent_rows = rows
        self._show_timeline()

    @Slot(object)
    def _on_team_checked(self, calls: list[TeamCall]) -> None:
        self._team_calls = calls
        self._show_timeline()

    def _show_timeline(self) -> None:
        mine = recent_calls_text(self._recent_rows)
        team = team_calls_text(self._team_calls)
        self._form.recent_label.setText(" · ".join(part for part in (mine, team) if part))

    @Slot(object)
    def show_row(self, row: HistoryRow) -> None:
        """A row changed: update the table, and the recent calls if it is this number's."""
        self._panel.model.upsert(row)
        if row.customer_number == self._number:
            self._on_form_number_ready(self._number)

    @Slot(str)
    def _on_panel_recording_refused(self, url: str) -> None:
        text = self.tr(
            "The recording link was not opened: it is not a secure https:// address ({url})."
        ).format(url=left_to_right(url))
        self.notice.emit(Notice(Level.WARN, text))

    @Slot(object)
    def _on_panel_redial_requested(self, row: HistoryRow) -> None:
        self._fill(row)
        who = format_national(row.customer_number)
        self.notice.emit(
            Notice(
                Level.INFO,
                self.tr("{number} is in the form: press Return to call again.").format(number=who),
            )
        )

    @Slot(object)
    def _on_verdicts_worst_case(self, row: HistoryRow) -> None:
        self.waiting_customer = row
        member = isolate(row.member_name) if row.member_name else self.tr("the member")
        text = self.tr(
            "⚠ {number} answered, but {member} did not pick up: the customer was left waiting."
        ).format(number=format_national(row.customer_number), member=member)
        self.notice.emit(Notice(Level.ERROR, text, Action.CALL_AGAIN))
        QApplication.alert(self._window)

    @Slot()
    def call_waiting_customer_again(self) -> None:
        """The one-key action after the worst case: fill the form and call (guard applies)."""
        row = self.waiting_customer
        if row is None:
            return
        self.waiting_customer = None
        self._fill(row)
        self.call_requested.emit()

    def _fill(self, row: HistoryRow) -> None:
        self._form.fill(row.customer_number, row.member_number, row.deskphone, row.call_limit)

    @Slot()
    def export(self) -> None:
        """Ask where, then write the rows the panel shows (its filter and order), as CSV or
        Excel by the file's extension, with progress and Cancel (``ExportFlow``)."""
        target = ExportDialog.ask(self._window)
        if target is not None:
            self.exports.start(self._panel.model.query, target)


def recent_calls_text(rows: list[HistoryRow]) -> str:
    """'Called before: 14:02 Priya (Placed, Connected) · …' for the rows, newest first."""
    parts = []
    for row in rows:
        when = row.created_at.astimezone()
        today = when.date() == datetime.now().astimezone().date()
        stamp = when.strftime("%H:%M" if today else "%d %b %H:%M")
        result = f", {VERDICT_TEXT[row.verdict]}" if row.verdict else ""
        parts.append(f"{stamp} {isolate(row.member_name)} ({OUTCOME_TEXT[row.outcome]}{result})")
    if not parts:
        return ""
    return QCoreApplication.translate("HistoryFlow", "Called before: {calls}").format(
        calls=" · ".join(parts)
    )


def team_calls_text(calls: list[TeamCall]) -> str:
    """'Team: 14:02 Priya Iyer (Connected) · on a call now: Ravi Kumar' — other desks' calls."""
    parts = []
    for call in calls:
        who = isolate(call.member_name)
        if call.live:
            parts.append(
                QCoreApplication.translate("HistoryFlow", "{who} on a call now").format(who=who)
            )
        else:
            stamp = call.started_at.astimezone().strftime("%H:%M")
            result = VERDICT_TEXT[call.verdict] if call.verdict else ""
            parts.append(f"{stamp} {who} ({result})")
    if not parts:
        return ""
    return QCoreApplication.translate("HistoryFlow", "Team: {calls}").format(
        calls=" · ".join(parts)
    )
