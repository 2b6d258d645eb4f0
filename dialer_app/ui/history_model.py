"""The campaign history as a lazy, sortable table model.

Rows arrive a page at a time through ``canFetchMore``/``fetchMore`` from the history service,
which reads SQLite with keyset paging on a worker thread: opening or filtering a history of a
million rows reads one page, and the GUI thread never waits for SQLite. A page that belongs to
a superseded query is dropped. The model never opens the database itself, nor filters in
Python: whether a new row belongs is asked of the same SQL. Columns are declared once in
``history_columns``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QGuiApplication

from dialer_app.core.records import Campaign, HistoryQuery
from dialer_app.services.history import HistoryService
from dialer_app.services.runner import Latest
from dialer_app.ui.history_columns import (
    COLUMNS,
    OUTCOME_COLUMN,
    OUTCOME_TEXT,
    RECORDING_COLUMN,
    RESULT_COLUMN,
    outcome_colour,
    worst_case_colours,
)
from dialer_app.ui.plain import tooltip

__all__ = ["COLUMNS", "OUTCOME_TEXT", "HistoryModel"]

_ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class HistoryModel(QAbstractTableModel):
    """Read-only table of call attempts in the query's order, fetched a page at a time.

    Signals:
        page_loaded(): a page of rows arrived and is shown (after a new query, or more rows)
    """

    PAGE = 200
    page_loaded = Signal()

    def __init__(self, source: HistoryService | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._query = HistoryQuery()
        self._rows: list[Campaign] = []
        self._exhausted = True
        self._started = False  # no reads until the window asks (after its first paint)
        self._first_pending = False
        self._more_pending = False
        self._live: dict[int, str] = {}  # row id -> its live state, while live
        self._candidates: dict[int, Campaign] = {}  # new rows asked about, newest version
        self._first: Latest[list[Campaign]] = Latest()  # the first page of the current query
        self._more: Latest[list[Campaign]] = Latest()  # the next page of the current query
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def query(self) -> HistoryQuery:
        """The query shown, or being loaded."""
        return self._query

    @property
    def loading(self) -> bool:
        return self._first_pending or self._more_pending

    def set_query(self, query: HistoryQuery) -> None:
        """Show the rows matching ``query``; its first page replaces the rows when it arrives."""
        self._query = query
        self._started = True
        self._more.cancel()
        self._more_pending = False
        if self._source is None:
            return
        self._first_pending = True
        job = self._first.replace(self._source.page(query, None, self.PAGE))
        job.on_success(self._on_first_page_loaded)

    @Slot(object)
    def _on_first_page_loaded(self, rows: list[Campaign]) -> None:
        self._first_pending = False
        self.beginResetModel()
        self._rows = rows
        self._exhausted = len(rows) < self.PAGE
        self.endResetModel()
        self.page_loaded.emit()

    def set_rows(self, rows: list[Campaign]) -> None:
        """Show exactly ``rows`` (already in order), with nothing more to fetch."""
        self.beginResetModel()
        self._rows = list(rows)
        self._exhausted = True
        self.endResetModel()

    def upsert(self, row: Campaign) -> None:
        """Update the shown row with the same id, or show a new row at the top if it belongs."""
        position = self._position_of(row.row_id)
        if position is not None:
            self._rows[position] = row
            last = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(position, 0), self.index(position, last), [])
            return
        newest_first = self._query.sort == "created_at" and self._query.descending
        if not newest_first or self._source is None:
            return
        asked = row.row_id in self._candidates
        self._candidates[row.row_id] = row  # the newest version is what gets inserted
        if not asked:
            self._source.belongs(self._query, row).on_success(self._on_belongs_checked)

    @Slot(object)
    def _on_belongs_checked(self, found: tuple[HistoryQuery, Campaign, bool]) -> None:
        """A new row at the top, if it belongs to the query still shown and is not there yet."""
        query, asked_about, belongs = found
        row = self._candidates.pop(asked_about.row_id, asked_about)
        if not belongs or query != self._query or self._first_pending:
            return
        position = self._position_of(row.row_id)
        if position is not None:
            return
        self.beginInsertRows(_ROOT, 0, 0)
        self._rows.insert(0, row)
        self.endInsertRows()

    def set_live(self, row_id: int, text: str) -> None:
        """While a call is live its Result cell says where it stands (until the verdict)."""
        if text:
            self._live[row_id] = text
        else:
            self._live.pop(row_id, None)
        position = self._position_of(row_id)
        if position is not None:
            cell = self.index(position, RESULT_COLUMN)
            self.dataChanged.emit(cell, cell, [])

    def row_at(self, index: int) -> Campaign:
        """The record shown in table row ``index``."""
        return self._rows[index]

    # -- Qt's model interface ------------------------------------------------------------
    def canFetchMore(self, parent: _ModelIndex = _ROOT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _ModelIndex = _ROOT) -> None:
        if parent.isValid() or self._exhausted or self.loading or self._source is None:
            return
        self._more_pending = True
        after = self._rows[-1] if self._rows else None
        job = self._more.replace(self._source.page(self._query, after, self.PAGE))
        job.on_success(self._on_more_loaded)

    @Slot(object)
    def _on_more_loaded(self, page: list[Campaign]) -> None:
        self._more_pending = False
        self._exhausted = len(page) < self.PAGE
        if page:
            self.beginInsertRows(_ROOT, len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.page_loaded.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            descending = order == Qt.SortOrder.DescendingOrder
            query = replace(self._query, sort=COLUMNS[column].sort, descending=descending)
            if self._started:
                self.set_query(query)
            else:
                self._query = query

    def rowCount(self, parent: _ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            live = self._live.get(row.row_id) if column == RESULT_COLUMN else None
            return live if live and row.verdict is None else COLUMNS[column].text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == RECORDING_COLUMN and row.recording_url:
                return tooltip(row.recording_url)
            return tooltip(row.message) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row.worst_case:
            return worst_case_colours(QGuiApplication.palette()).background
        if role == Qt.ItemDataRole.FontRole and row.worst_case and column == RESULT_COLUMN:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return COLUMNS[column].alignment
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section].title
        return None

    @staticmethod
    def _foreground(row: Campaign, column: int) -> object:
        """Colours follow the palette (light or dark); the worst-case row is one pair."""
        palette = QGuiApplication.palette()
        if row.worst_case:
            return worst_case_colours(palette).text
        if column == OUTCOME_COLUMN:
            return outcome_colour(row.outcome, palette)
        return None

    def _position_of(self, row_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.row_id == row_id), None)
