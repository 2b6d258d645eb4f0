"""The app's history as the window holds it, for the history-scale child: store, service, model,
and a shown QTableView. Each step is done as the agent does it (End, a jump, the wheel) and
waited for until every row in view is read and painted."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QTableView

from benchmarks.qtkit import run_for, wait_job, wait_signal, wait_until
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.records import HistoryQuery
from dialer_app.services.history import HistoryService
from dialer_app.services.runner import Runner
from dialer_app.ui.history.model import HistoryModel
from dialer_app.ui.history.table import HistoryTable

PAGE_TIMEOUT_MS = 60_000
_ROOT = QModelIndex()


class HistoryUnderTest:
    """A history file shown in a table as the window shows it (offscreen)."""

    def __init__(self, db: Path) -> None:
        self.window = QMainWindow()
        self.view = HistoryTable()  # the window's own view
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

    def wait_counted(self) -> None:
        """Until the model holds the whole count (the scroll bar's full length)."""
        if self.model.loading and not wait_until(lambda: not self.model.loading, PAGE_TIMEOUT_MS):
            raise TimeoutError("the rows were never counted")

    def export(self, target: Path) -> int:
        """Every row to CSV as the window's export does; the rows written."""
        return wait_job(self.service.export(HistoryQuery(), target), PAGE_TIMEOUT_MS * 10)

    def end(self) -> None:
        """End: the last rows shown, read and painted."""
        self.view.scrollToBottom()
        self._painted()
        if self.model.loaded_row(self.model.rowCount() - 1) is None:
            raise RuntimeError("End did not show the last row")

    def jump(self, row: int) -> None:
        """A jump (a drag of the scroll bar, Ctrl+G): ``row`` at the top, read and painted."""
        self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        self._painted()

    def scroll(self, rows: int, step: int = 3) -> float:
        """Scroll down ``rows`` rows, ``step`` at a time (a mouse wheel notch), each painted
        with its rows read; the longest step in ms."""
        bar = self.view.verticalScrollBar()
        longest = 0.0
        for _ in range(rows // step):
            start = time.perf_counter()
            bar.setValue(bar.value() + step)
            self._painted()
            longest = max(longest, (time.perf_counter() - start) * 1000)
        return longest

    def _painted(self) -> None:
        """Paint; if a row in view was not read yet, until it is, and paint again."""
        viewport = self.view.viewport()
        viewport.repaint()
        if self._visible_rows_read():
            return
        if not wait_until(self._visible_rows_read, PAGE_TIMEOUT_MS):
            raise TimeoutError("the rows in view never arrived")
        viewport.repaint()

    def _visible_rows_read(self) -> bool:
        first = self.view.rowAt(0)
        last = self.view.rowAt(self.view.viewport().height() - 1)
        last = self.model.rowCount() - 1 if last < 0 else last
        return all(self.model.loaded_row(row) is not None for row in range(max(first, 0), last + 1))

    def close(self) -> None:
        self.runner.wait(PAGE_TIMEOUT_MS)
        self.store.close()
        self.window.close()

    def _load(self, action: Callable[[], object]) -> None:
        if not wait_signal(self.model.page_loaded, PAGE_TIMEOUT_MS, action):
            raise TimeoutError("the first page never arrived")
        self.view.viewport().repaint()


class _BareModel(QAbstractTableModel):
    """The floor: as many rows and columns, constant text, nothing to read."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__()
        self._rows, self._columns = rows, columns

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._columns

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return "14 Mar 09:05:07"
        return None


class BareTable:
    """A bare QTableView of the same size over a constant model: what End or a jump costs
    with nothing to read (the painting alone), measured in the same process."""

    def __init__(self, rows: int, columns: int) -> None:
        self.window = QMainWindow()
        self.view = QTableView()
        self.window.setCentralWidget(self.view)
        self.window.resize(1000, 640)
        self.model = _BareModel(rows, columns)
        self.view.setModel(self.model)
        self.window.show()
        run_for(50)

    def jump(self, row: int) -> None:
        self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        self.view.viewport().repaint()

    def end(self) -> None:
        self.view.scrollToBottom()
        self.view.viewport().repaint()

    def close(self) -> None:
        self.window.close()
