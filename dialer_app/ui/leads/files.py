"""Lead files in and out: import with a progress bar, Cancel and a preview; export; drops.

Reading, checking and saving run on workers; a progress dialog (window-modal, not a nested
event loop) shows how far along they are and its Cancel stops them (a cancelled save leaves
nothing behind). The preview opens with ``open()``: Return imports, Escape does not.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressDialog, QWidget

from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.leads.model import LeadFileError, LeadList, Preview
from dialer_app.core.messages import describe_error
from dialer_app.services.compliance import ComplianceService
from dialer_app.services.leads import BlockedImport, Cancel, ImportCancelled, LeadService
from dialer_app.ui.common.focus import focus_returns
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.common.plain import plain_label
from dialer_app.ui.leads.dialogs import ImportPreviewDialog
from dialer_app.ui.leads.flow import LeadListFlow

log = logging.getLogger(__name__)
LEAD_FILES = (".csv", ".tsv", ".txt", ".xlsx")
PROGRESS_EVERY_S = 0.1  # the import's progress bar moves at most this often
# The sample list demo mode offers (package data: in the frozen build too).
DEMO_LIST = Path(__file__).resolve().parents[2] / "resources" / "demo-leads.csv"


class LeadListFiles(QObject):
    """Imports lead files into lists and exports worked lists.

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
        self._leads = leads
        self._compliance = compliance
        self._purpose: Purpose | None = None  # --purpose: chosen in the preview for the agent
        self._flow = flow
        self._window = window
        self._cancel: Cancel | None = None
        self._recheck: Cancel | None = None
        self._path: Path | None = None
        self._progress: QProgressDialog | None = None
        self._progress_shown = 0.0  # time.monotonic() of the progress last shown
        self.preview_dialog: ImportPreviewDialog | None = None
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # -- import -------------------------------------------------------------------------
    @Slot()
    def choose_and_import(self) -> None:
        with focus_returns(self._window):
            path, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Import a lead list"), "",
                self.tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)"),
            )  # fmt: skip
        if path:
            self.import_file(Path(path))

    @Slot()
    def import_demo_list(self) -> None:
        """Demo mode: the sample list, with its messy rows, into the preview."""
        self.import_file(DEMO_LIST)

    def import_path(self, path: str, purpose: Purpose | None = None) -> None:
        """A lead file from another launch (``--import-list``, ``--purpose``) or a drop."""
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
        self.import_file(Path(path), purpose)

    def import_file(self, path: Path, purpose: Purpose | None = None) -> None:
        """Read and check ``path`` on a worker, then show the preview (nothing saved yet);
        ``purpose`` is chosen in it for the agent (who sees it and presses Return)."""
        if self._cancel is not None:
            self.notice.emit(Notice(Level.STATUS, self.tr("An import is already running.")))
            return
        self._path, self._purpose = path, purpose
        job, self._cancel = self._leads.preview(path)
        self._open_progress(self.tr("Reading {file}…").format(file=path.name))
        job.on_progress(self._on_import_progressed)
        job.on_success(self._on_preview_ready).on_failure(self._on_import_failed)

    def _open_progress(self, label: str) -> None:
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._window)
        progress.setLabel(plain_label(QLabel(label)))  # the file's name is shown as it is
        progress.setObjectName("importProgressDialog")
        progress.setAccessibleName(self.tr("Import progress"))
        progress.setWindowTitle(self.tr("Importing a lead list"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self._on_progress_canceled)
        self._progress = progress

    @Slot(object)
    def _on_import_progressed(self, step: object) -> None:
        progress = self._progress
        if progress is None or not isinstance(step, tuple):
            return
        kind, count = step
        if kind == "rows":
            progress.setMaximum(max(int(count), 1))
            return
        value = min(int(count), progress.maximum())
        now = time.monotonic()
        if now - self._progress_shown < PROGRESS_EVERY_S and value < progress.maximum():
            return  # a modal dialog's setValue paints it at once: ten times a second is enough
        self._progress_shown = now
        progress.setValue(value)
        if kind == "saved":
            progress.setLabelText(self.tr("Saving %n lead(s)…", "", int(count)))

    @Slot()
    def _on_progress_canceled(self) -> None:
        if self._cancel is not None:
            self._cancel()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._on_progress_canceled)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    @Slot(object)
    def _on_preview_ready(self, preview: Preview) -> None:
        self._close_progress()
        self._cancel = None
        dialog = ImportPreviewDialog(preview, self._window, team=self._leads.team is not None)
        dialog.accepted.connect(self._on_preview_accepted)
        dialog.rejected.connect(self._on_preview_rejected)
        dialog.number_column_chosen.connect(self._on_preview_number_column_chosen)
        dialog.purpose_chosen.connect(self._on_preview_purpose_chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.preview_dialog = dialog
        dialog.open()
        if self._purpose is not None:
            dialog.purpose.choose(self._purpose)

    @Slot()
    def _on_preview_purpose_chosen(self) -> None:
        """A purpose (or the scrub's date) chosen: the file is checked under it, on a worker."""
        dialog = self.preview_dialog
        purpose = None if dialog is None else dialog.purpose.purpose
        if dialog is None or purpose is None:
            return
        day = dialog.purpose.scrubbed_on
        job = self._compliance.with_purpose(dialog.base, purpose, day)
        job.on_success(self._on_preview_purposed).on_failure(self._on_purpose_check_failed)

    @Slot(object)
    def _on_purpose_check_failed(self, exc: BaseException) -> None:
        """The import stays impossible (its button off) and the window says why."""
        reason = translated(describe_error(exc))
        log.warning("Lead file not checked under its purpose: %s", type(exc).__name__)
        self.notice.emit(Notice(Level.ERROR, self.tr("Not imported: {reason}").format(
            reason=reason)))  # fmt: skip

    @Slot(object)
    def _on_preview_purposed(self, preview: Preview) -> None:
        dialog = self.preview_dialog
        if dialog is None or preview.number_column != dialog.base.number_column:
            return  # closed, or another column was picked meanwhile
        if (preview.purpose, preview.scrubbed_on) != (
            dialog.purpose.purpose,
            dialog.purpose.scrubbed_on,
        ):
            return  # an earlier choice, overtaken by the agent's last one
        dialog.show_preview(preview)

    @Slot(int)
    def _on_preview_number_column_chosen(self, column: int) -> None:
        """The agent picked another column: the file is checked again, on a worker."""
        if self._path is None:
            return
        if self._recheck is not None:
            self._recheck()
        job, self._recheck = self._leads.preview(self._path, column)
        job.on_success(self._on_preview_rechecked).on_failure(self._on_recheck_failed)

    @Slot(object)
    def _on_preview_rechecked(self, preview: Preview) -> None:
        dialog = self.preview_dialog
        if dialog is None or preview.number_column != dialog.column_combo.currentIndex():
            return  # an earlier pick, overtaken by the agent's last one
        self._recheck = None
        dialog.show_preview(preview)

    @Slot(object)
    def _on_recheck_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportCancelled):
            return  # overtaken by another pick, or the preview was closed
        self._recheck = None
        dialog = self.preview_dialog
        if dialog is not None:
            dialog.show_preview(dialog.preview)  # the column it had: still importable
        self._on_import_failed(exc)

    @Slot()
    def _on_preview_rejected(self) -> None:
        if self._recheck is not None:
            self._recheck()
        self.preview_dialog = None
        self.notice.emit(Notice(Level.STATUS, self.tr("Import cancelled: nothing was saved.")))

    @Slot()
    def _on_preview_accepted(self) -> None:
        dialog, self.preview_dialog = self.preview_dialog, None
        if dialog is None:
            return
        preview = dialog.preview
        job, self._cancel = self._leads.save(preview)
        self._open_progress(self.tr("Saving %n lead(s)…", "", len(preview.ready)))
        assert self._progress is not None
        self._progress.setMaximum(max(len(preview.ready) + len(preview.refused), 1))
        job.on_progress(self._on_import_progressed)
        job.on_success(self._on_list_saved).on_failure(self._on_import_failed)

    @Slot(object)
    def _on_list_saved(self, lead_list: LeadList | None) -> None:
        self._close_progress()
        self._cancel = None
        if lead_list is None:
            self.notice.emit(Notice(Level.STATUS, self.tr("Import cancelled: nothing was saved.")))
            return
        self._window.activateWindow()  # the preview had it: the agent goes on in the form
        self._flow.use_list(lead_list)
        text = self.tr(
            "{name}: %n lead(s) imported. The first is in the form: press Return to call it.",
            "",
            lead_list.total,
        ).format(name=lead_list.name)
        self.notice.emit(Notice(Level.INFO, text))

    @Slot(object)
    def _on_import_failed(self, exc: BaseException) -> None:
        self._close_progress()
        self._cancel = None
        if isinstance(exc, ImportCancelled):
            self.notice.emit(Notice(Level.STATUS, self.tr("Import cancelled: nothing was saved.")))
            return
        sentence = exc.sentence if isinstance(exc, LeadFileError) else describe_error(exc)
        reason = translated(sentence)
        log.warning("Lead import refused: %s", type(exc).__name__)
        self.notice.emit(Notice(Level.ERROR, self.tr("Not imported: {reason}").format(
            reason=reason)))  # fmt: skip

    # -- do-not-call numbers ------------------------------------------------------------
    @Slot()
    def choose_and_block(self) -> None:
        with focus_returns(self._window):
            path, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Import do-not-call numbers"), "",
                self.tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)"),
            )  # fmt: skip
        if path:
            job = self._leads.import_blocked(Path(path))
            job.on_success(self._on_blocked_imported).on_failure(self._on_import_failed)

    @Slot(object)
    def _on_blocked_imported(self, result: BlockedImport) -> None:
        text = self.tr("%n number(s) are on the do-not-call list now.", "", result.added)
        if result.refused:
            text += " " + self.tr("%n cell(s) were not numbers: left out.", "", result.refused)
        self.notice.emit(Notice(Level.INFO, text))

    # -- export -------------------------------------------------------------------------
    @Slot()
    def choose_and_export(self) -> None:
        active = self._flow.active
        if active is None:
            self.notice.emit(Notice(Level.STATUS, self.tr("No list to export: import one.")))
            return
        with focus_returns(self._window):
            path, _ = QFileDialog.getSaveFileName(
                self._window, self.tr("Export the list"), f"{active.name}-results.xlsx",
                self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            )  # fmt: skip
        if path:
            target = Path(path)
            if target.suffix.lower() not in (".csv", ".xlsx"):
                target = target.with_suffix(".xlsx")
            job = self._leads.export(active, target, self._compliance.audit_fields(active.list_id))
            job.on_success(self._on_exported).on_failure(self._on_export_failed)
            self._target = target

    @Slot(object)
    def _on_exported(self, count: int) -> None:
        text = self.tr("Exported %n lead(s) to {file}.", "", count).format(file=self._target.name)
        self.notice.emit(Notice(Level.STATUS, text))

    @Slot(object)
    def _on_export_failed(self, exc: BaseException) -> None:
        text = self.tr("The list was not exported: {reason}").format(
            reason=translated(describe_error(exc))
        )
        self.notice.emit(Notice(Level.ERROR, text))

    # -- drops --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDropEvent):
            if _lead_file(event) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = _lead_file(event)
            if path is not None:
                event.acceptProposedAction()
                self.import_file(path)
                return True
        return super().eventFilter(watched, event)


def _lead_file(event: QDropEvent) -> Path | None:
    """The one local lead file being dropped, if that is what it is."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in LEAD_FILES else None
