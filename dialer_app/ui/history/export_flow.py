"""Exporting the history shown: where to, progress while it runs, Cancel, and the outcome.

The export runs on a worker (``HistoryService.export``); the window stays usable. Its progress
shows in a non-modal dialog after a moment (a short export never flashes one); Cancel stops
the writer between batches, and the file it was writing is removed, so a cancelled export
leaves no half file (and an older file of that name as it was).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from dialer_app.core.history.export import ExportCancelled
from dialer_app.core.messages import describe_error
from dialer_app.core.records import HistoryQuery
from dialer_app.services.history import HistoryService
from dialer_app.services.runner import Job
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.common.plain import plain_label

SHOW_AFTER_MS = 400  # an export that ends sooner shows no progress at all


class ExportFlow(QObject):
    """One export at a time, with its progress dialog.

    Signals:
        notice(Notice): a sentence for the window (exporting, exported, cancelled, failed)
    """

    notice = Signal(object)

    def __init__(self, history: HistoryService, window: QWidget) -> None:
        super().__init__(window)
        self._history = history
        self._window = window
        self._job: Job[int] | None = None
        self._stop = threading.Event()
        self._target = Path()
        self.progress = named(QProgressDialog(window), "exportProgress", self.tr("Export progress"))
        self.progress.setLabel(plain_label(QLabel()))  # the file's name is shown as it is
        self.progress.setWindowTitle(self.tr("Exporting history"))
        self.progress.setCancelButtonText(self.tr("Cancel"))
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(SHOW_AFTER_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.progress.reset()  # not shown until an export starts
        self.progress.hide()

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, query: HistoryQuery, target: Path) -> None:
        """Write the rows of ``query`` to ``target``; a running export is left to finish."""
        if self._job is not None:
            self.notice.emit(Notice(Level.STATUS, self.tr("An export is already running.")))
            return
        self._target, self._stop = target, threading.Event()
        self.progress.setLabelText(self.tr("Exporting to {name}…").format(name=target.name))
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        job = self._history.export(query, target, self._stop)
        job.on_progress(self._on_export_progressed)
        job.on_success(self._on_exported).on_failure(self._on_export_failed)
        self._job = job
        self.notice.emit(Notice(Level.STATUS, self.tr("Exporting…")))

    @Slot()
    def cancel(self) -> None:
        """Stop the running export; nothing is left of the file it was writing."""
        self._stop.set()

    @Slot(object)
    def _on_export_progressed(self, value: object) -> None:
        if not isinstance(value, tuple) or self._stop.is_set():
            return
        done, total = value
        if self.progress.maximum() != max(total, 1):
            self.progress.setRange(0, max(total, 1))
        self.progress.setLabelText(
            self.tr("Exporting to {name}: {done} of {total} rows").format(
                name=self._target.name, done=f"{done:,}", total=f"{total:,}"
            )
        )
        self.progress.setValue(min(done, max(total, 1) - 1))  # full only once it is written

    @Slot(object)
    def _on_exported(self, count: int) -> None:
        self._finish()
        text = self.tr("Exported %n row(s) to {target}", "", count).format(target=self._target)
        self.notice.emit(Notice(Level.STATUS, text))

    @Slot(object)
    def _on_export_failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, ExportCancelled):
            text = self.tr("Export cancelled: no file was written.")
            self.notice.emit(Notice(Level.STATUS, text))
            return
        text = self.tr("Export failed: {reason}").format(reason=translated(describe_error(exc)))
        self.notice.emit(Notice(Level.ERROR, text))

    def _finish(self) -> None:
        self._job = None
        self.progress.reset()
        self.progress.hide()
