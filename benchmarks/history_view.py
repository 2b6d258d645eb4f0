"""The app's history as the window holds it, for the history-scale child: store, service, model,
and a shown QTableView, each step waited for by the model's ``page_loaded`` or its job."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QTableView

from benchmarks.qtkit import run_for, wait_job, wait_signal
from dialer_app.core.history import HistoryStore
from dialer_app.core.records import HistoryQuery
from dialer_app.services.history import HistoryService
from dialer_app.services.runner import Runner
from dialer_app.ui.history_model import HistoryModel

PAGE_TIMEOUT_MS = 60_000


class HistoryUnderTest:
    """A history file shown in a table as the window shows it (offscreen)."""

    def __init__(self, db: Path) -> None:
        self.window = QMainWindow()
        self.view = QTableView()
        self.view.setObjectName("historyView")
        self.window.setCentralWidget(self.view)
        self.window.resize(1000, 640)
        self.window.show()
        run_for(50)
        self.store = HistoryStore(db)
        self.runner = Runner()
        self.service = HistoryService(self.store, self.runner)
        self.model = HistoryModel(self.service)

    def open(self) -> None:
        """What the window's start does: recover unfinished rows, then show the first page."""
        wait_job(self.service.recover(), PAGE_TIMEOUT_MS)
        self.view.setModel(self.model)
        self._load(lambda: self.model.set_query(HistoryQuery()))

    def filter(self, text: str) -> None:
        """Show the first page of rows matching ``text``, painted."""
        self._load(lambda: self.model.set_query(HistoryQuery(text=text)))

    def export(self, target: Path) -> int:
        """Every row to CSV as the window's export does; the rows written."""
        return wait_job(self.service.export(HistoryQuery(), target), PAGE_TIMEOUT_MS * 10)

    def scroll_to_end(self, budget_s: float) -> bool:
        """Scroll until the oldest row shows; False if ``budget_s`` ran out first."""
        deadline = time.perf_counter() + budget_s
        while self.model.canFetchMore():
            if time.perf_counter() > deadline:
                return False
            self.view.scrollToBottom()  # the view may ask for the next page itself
            more = None if self.model.loading else self.model.fetchMore
            if not wait_signal(self.model.page_loaded, PAGE_TIMEOUT_MS, more):
                raise TimeoutError("a page never arrived")
        self.view.viewport().repaint()
        return True

    def close(self) -> None:
        self.runner.wait(PAGE_TIMEOUT_MS)
        self.store.close()
        self.window.close()

    def _load(self, action: Callable[[], object]) -> None:
        if not wait_signal(self.model.page_loaded, PAGE_TIMEOUT_MS, action):
            raise TimeoutError("the first page never arrived")
        self.view.viewport().repaint()
