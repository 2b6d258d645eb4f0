"""Run work once a window has painted its first frame, so start-up work never delays it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)
FALLBACK_MS = 500  # a window that never paints (started minimised) still gets its work done


class FirstFrame(QObject):
    """Watches a window's paint events; ``then(job)`` runs ``job`` after the first frame."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._done = False
        self._jobs: list[Callable[[], object]] = []
        window.installEventFilter(self)

    def then(self, job: Callable[[], object]) -> None:
        if self._done:
            QTimer.singleShot(0, job)
            return
        self._jobs.append(job)
        QTimer.singleShot(FALLBACK_MS, self._on_first_frame)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self._on_first_frame)  # after this frame is flushed
        return False

    @Slot()
    def _on_first_frame(self) -> None:
        if self._done:
            return
        self._done = True
        jobs, self._jobs = self._jobs, []
        for job in jobs:  # each on its own: one that fails never keeps the others from running
            try:
                job()
            except Exception:
                log.exception("A start-up step failed")
