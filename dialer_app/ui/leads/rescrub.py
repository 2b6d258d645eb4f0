"""Lists → Import DND scrub result…: an operator's scrub file applied to the active list.

The file is read and matched to the list's leads on a worker (``ComplianceService``); a
preview says what changes (leads that get the file's result, leads now refused with their
reason, numbers not in the list) and asks the date of the scrub when the file has no
"Scrubbed on" column (Return takes today). Applying keeps the records for the audit, records
each new refusal with its rule, and takes the refused leads out of the calling order.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.compliance.rescrub import NO_DATE, ScrubUpdate
from dialer_app.core.leads.model import Lead, LeadFileError, LeadList
from dialer_app.core.messages import describe_error
from dialer_app.core.phone import format_national
from dialer_app.core.text import plain
from dialer_app.services.compliance import ComplianceService
from dialer_app.services.leads import LeadService
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.common.plain import tooltip
from dialer_app.ui.common.scrub_date import ScrubDateField
from dialer_app.ui.leads.flow import LeadListFlow

log = logging.getLogger(__name__)
SHOWN = 200  # refused leads listed in the preview


class RescrubDialog(QDialog):
    """What a scrub file changes in a list; Return applies it, Escape does not.

    Signals:
        date_chosen(): the agent entered the date of the scrub (the file has none)
    """

    date_chosen = Signal()

    def __init__(self, lead_list: LeadList, file: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rescrubDialog")
        self.setWindowTitle(self.tr("Import a DND scrub result"))
        self.setAccessibleName(self.tr("DND scrub result preview"))
        self._list, self._file = lead_list, file
        self.scrub: ScrubUpdate | None = None
        self.leads: dict[int, Lead] = {}
        self.summary = named(QLabel(), "rescrubSummary", self.tr("What the scrub result changes"))
        self.summary.setWordWrap(True)
        label = self.tr("&Date of the DND scrub:")
        self.scrub_date = ScrubDateField(label, "rescrubDateEdit")  # i18n: not shown
        self.date_edit = self.scrub_date.edit
        self.table = named(QTableWidget(), "rescrubRefusedTable", self.tr("Leads now refused"))
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(self.tr("&Apply the scrub result"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.apply_button.setDefault(True)
        self.apply_button.setEnabled(False)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.scrub_date)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setVisible(False)
        self.scrub_date.changed.connect(self._on_scrub_date_changed)
        self.resize(720, 260)

    @property
    def scrubbed_on(self) -> date | None:
        return self.scrub_date.scrubbed_on

    def show_update(self, update: ScrubUpdate, leads: dict[int, Lead], needs_date: bool) -> None:
        """Show what ``update`` changes; ``needs_date``: the file has no scrub-date column."""
        self.scrub, self.leads = update, leads
        if needs_date and not self.scrub_date.shown:
            self.scrub_date.show_date(True)
            self.date_chosen.emit()  # checked again with the date shown (Return takes today)
            return
        if update.refusal is not None:
            self.summary.setText(self.tr("Not applied: {reason}").format(
                reason=translated(update.refusal)))  # fmt: skip
            self.apply_button.setEnabled(False)
            return
        sentences = [
            self.tr("%n lead(s) of {list} are in {file}: they get its scrub result.", "",
                    update.matched),
            self.tr("%n lead(s) are now refused (below): they will not be called.", "",
                    len(update.refused)),
        ]  # fmt: skip
        if update.not_in_list:
            sentences.append(self.tr("%n number(s) of the file are not in the list: left out.",
                                     "", update.not_in_list))  # fmt: skip
        text = " ".join(sentences).format(list=plain(self._list.name), file=plain(self._file))
        self.summary.setText(text)
        self.apply_button.setEnabled(update.matched > 0)
        self._fill(update)

    def _fill(self, update: ScrubUpdate) -> None:
        shown = sorted(update.refused.items())[:SHOWN]
        self.table.clear()
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Number"), self.tr("Why")])
        self.table.setRowCount(len(shown))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (position, why) in enumerate(shown):
            lead = self.leads.get(position)
            name = "" if lead is None else lead.name
            number = "" if lead is None else format_national(lead.number)
            cells = (name, number, translated(why))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(plain(text))
                item.setToolTip(tooltip(text))
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setVisible(bool(shown))

    @Slot()
    def _on_scrub_date_changed(self) -> None:
        self.apply_button.setEnabled(False)
        self.date_chosen.emit()


class LeadListRescrub(QObject):
    """Applies an operator's DND scrub file to the active list.

    Signals:
        notice(Notice): a sentence for the window
    """

    notice = Signal(object)

    def __init__(
        self,
        leads: LeadService,
        compliance: ComplianceService,
        flow: LeadListFlow,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._leads, self._compliance, self._flow, self._window = leads, compliance, flow, window
        self._list: LeadList | None = None
        self._path: Path | None = None
        self._by_position: dict[int, Lead] = {}
        self.dialog: RescrubDialog | None = None

    @Slot()
    def choose_and_apply(self) -> None:
        active = self._flow.active
        if active is None:
            self.notice.emit(Notice(Level.STATUS, self.tr("No list to scrub: import one.")))
            return
        path, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Import a DND scrub result"), "",
            self.tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)"),
        )  # fmt: skip
        if path:
            self.apply_file(active, Path(path))

    def apply_file(self, lead_list: LeadList, path: Path) -> None:
        """Read ``path`` against ``lead_list`` on workers, then show what it changes."""
        self._list, self._path = lead_list, path
        job = self._leads.all_leads(lead_list.list_id)
        job.on_success(self._on_leads_read).on_failure(self._on_failed)

    @Slot(object)
    def _on_leads_read(self, leads: list[Lead]) -> None:
        self._by_position = {lead.position: lead for lead in leads}
        self._check(None)

    def _check(self, day: date | None) -> None:
        assert self._list is not None
        assert self._path is not None
        leads = list(self._by_position.values())
        job = self._compliance.scrub_preview(self._list.list_id, self._path, leads, day)
        job.on_success(self._on_checked).on_failure(self._on_failed)

    @Slot(object)
    def _on_checked(self, update: ScrubUpdate) -> None:
        if self._list is None or self._path is None:
            return
        dialog = self.dialog
        if dialog is None:
            dialog = self.dialog = RescrubDialog(self._list, self._path.name, self._window)
            dialog.date_chosen.connect(self._on_dialog_date_chosen)
            dialog.accepted.connect(self._on_dialog_accepted)
            dialog.rejected.connect(self._on_dialog_rejected)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
        needs_date = update.refusal is not None and update.refusal.source == NO_DATE
        dialog.show_update(update, self._by_position, needs_date)

    @Slot()
    def _on_dialog_date_chosen(self) -> None:
        if self.dialog is not None:
            self._check(self.dialog.scrubbed_on)

    @Slot()
    def _on_dialog_rejected(self) -> None:
        self.dialog = None
        self.notice.emit(Notice(Level.STATUS, self.tr("Scrub result not applied.")))

    @Slot()
    def _on_dialog_accepted(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None or dialog.scrub is None or self._list is None:
            return
        update, by_position = dialog.scrub, self._by_position
        numbers = {position: lead.number for position, lead in by_position.items()}
        ids = [by_position[p].lead_id for p in update.refused if p in by_position]
        self._compliance.apply_scrub(self._list.list_id, update, numbers).on_failure(
            self._on_failed
        )
        self._leads.refuse(ids).on_success(self._on_leads_refused).on_failure(self._on_failed)

    @Slot(object)
    def _on_leads_refused(self, count: int) -> None:
        if self._list is not None:
            self._flow.use_list(self._list)  # a refused lead leaves the form
        text = self.tr("Scrub result applied: %n lead(s) refused.", "", count)
        self.notice.emit(Notice(Level.INFO, text))

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        sentence = exc.sentence if isinstance(exc, LeadFileError) else describe_error(exc)
        log.warning("Scrub result not applied: %s", type(exc).__name__)
        text = self.tr("Scrub result not applied: {reason}").format(reason=translated(sentence))
        self.notice.emit(Notice(Level.ERROR, text))
