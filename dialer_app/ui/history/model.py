"""The campaign history as a windowed, sortable table model.

``rowCount`` is the query's whole result, counted on a worker; rows are read by position
around what the view shows, a page at a time, into a bounded cache (``RowWindow``: far pages
are evicted), so End reads the last page backwards and a jump reads the page it lands on, at
row 10 or row 1,000,000. The first page shows as soon as it is read, the count follows from
the same snapshot. A page of a superseded query is dropped. The model never opens the
database itself, nor filters in Python: whether a new row belongs is asked of the same SQL.
New calls that belong go on top of the rows counted (newest first). Columns are declared once
in ``history_columns``.
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
from PySide6.QtGui import QFont

from dialer_app.core.history.sql import Key, Span, key_of
from dialer_app.core.history.window import Opened
from dialer_app.core.records import HistoryQuery, HistoryRow
from dialer_app.core.window import Plan
from dialer_app.services.history import HistoryService
from dialer_app.services.runner import Job, Latest
from dialer_app.ui.common.row_window import RowWindow
from dialer_app.ui.history.cells import CellCache
from dialer_app.ui.history.columns import (
    COLUMNS,
    OUTCOME_TEXT,
    RESULT_COLUMN,
)

__all__ = ["COLUMNS", "OUTCOME_TEXT", "HistoryModel"]

_ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
MARK_EVERY = 500  # rows between marks: a jump skips at most half of this
MARKS_FROM = 20 * MARK_EVERY  # smaller results: a skip from an end is as cheap
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_ALIGNMENT = tuple(column.alignment for column in COLUMNS)
_SERVED = frozenset(
    role.value
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
    )
)


class HistoryModel(QAbstractTableModel):
    """Read-only table of call attempts in the query's order, read by position as shown.

    Signals:
        page_loaded(): rows arrived and are shown (a new query's first page, or any page)
        counted(int): the query's rows are counted: ``rowCount`` holds them all
    """

    PAGE = 200
    CACHE_PAGES = 16  # 3,200 rows kept at most, whatever the history holds
    page_loaded = Signal()
    counted = Signal(int)

    def __init__(self, source: HistoryService | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._query = HistoryQuery()
        self._head: list[HistoryRow] = []  # new calls above the rows counted
        self._window: RowWindow[HistoryRow, Key] = RowWindow(
            self._read_page, self._on_rows_arrived, self, self._key_of, page_size=self.PAGE,
            capacity=self.CACHE_PAGES,
        )  # fmt: skip
        self._marks: Latest[tuple[HistoryQuery, dict[int, Key]]] = Latest()
        self._span: Span | None = None
        self._opened: Opened | None = None  # the first page shown
        self._started = False  # no reads until the window asks (after its first paint)
        self._opening = False
        self._live: dict[int, str] = {}  # row id -> its live state, while live
        self._candidates: dict[int, HistoryRow] = {}  # new rows asked about, newest version
        self._held: dict[int, HistoryRow] = {}  # new rows that belong, met while opening
        self._open: Latest[tuple[Opened, int]] = Latest()  # the current query's first page
        self._bold = QFont()
        self._bold.setBold(True)
        self._cells = CellCache()  # each row's texts and colours, made once

    @property
    def query(self) -> HistoryQuery:
        """The query shown, or being loaded."""
        return self._query

    @property
    def loading(self) -> bool:
        return self._opening or self._window.loading

    @property
    def marked(self) -> bool:
        """Whether a jump anywhere skips few rows (keys every ``MARK_EVERY`` rows are known)."""
        return self._window.cache.marked > 0

    def set_query(self, query: HistoryQuery) -> None:
        """Show the rows matching ``query``; its first page replaces the rows when it arrives."""
        self._query = query
        self._started = True
        if self._source is None:
            return
        self._opening = True
        self._held = {}  # checked against the query replaced: the new one's page has them
        self._marks.cancel()
        job = self._open.replace(self._source.open_window(query, self.PAGE))
        job.on_progress(self._on_first_page)
        job.on_success(self._on_counted)

    @Slot(object)
    def _on_first_page(self, opened: object) -> None:
        assert isinstance(opened, Opened)
        self.beginResetModel()
        self._head = []
        self._opened, self._span = opened, opened.span
        self._window.reset(len(opened.rows), opened.rows, self._key_of)
        self.endResetModel()
        self.page_loaded.emit()

    @Slot(object)
    def _on_counted(self, result: tuple[Opened, int]) -> None:
        opened, total = result
        if self._opened is not opened:  # no page came before (no store): show it now
            self._on_first_page(opened)
        self._opening = False
        held, self._held = self._held, {}
        shown = self._window.count
        if total > shown:
            first = len(self._head) + shown
            self.beginInsertRows(_ROOT, first, first + total - shown - 1)
            self._window.set_count(total)
            self.endInsertRows()
        if total > MARKS_FROM and self._source is not None and opened.span is not None:
            job = self._marks.replace(self._source.marks(opened.query, opened.span, MARK_EVERY))
            job.on_success(self._on_marks_found)
        for row in sorted(held.values(), key=self._key_of):  # the newest ends on top
            self._place_new(row)
        self.counted.emit(self.rowCount())

    @Slot(object)
    def _on_marks_found(self, found: tuple[HistoryQuery, dict[int, Key]]) -> None:
        query, marks = found
        if query == self._query and not self._opening:
            self._window.set_marks(marks)

    def upsert(self, row: HistoryRow) -> None:
        """Update the shown row with the same id, or show a new row at the top if it belongs."""
        position = self._position_of(row.row_id)
        if position is not None:
            self._replace(position, row)
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
    def _on_belongs_checked(self, found: tuple[HistoryQuery, HistoryRow, bool]) -> None:
        """A new row at the top, if it belongs to the query still shown and is not there yet."""
        query, asked_about, belongs = found
        row = self._candidates.pop(asked_about.row_id, asked_about)
        if not belongs or query != self._query:
            return
        if self._opening:  # the first page may have been read before the row was written:
            self._held[row.row_id] = row  # placed once the count says what the page holds
            return
        self._place_new(row)

    def _place_new(self, row: HistoryRow) -> None:
        """A new row that belongs: on top, unless the rows counted hold it already."""
        if self._span is not None and key_of(row, self._query.sort) <= self._span.first:
            return  # counted already: it shows where it sorts
        if self._position_of(row.row_id) is not None:
            return
        self.beginInsertRows(_ROOT, 0, 0)
        self._head.insert(0, row)
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

    def row_at(self, index: int) -> HistoryRow:
        """The record shown in table row ``index`` (IndexError if it is not read yet)."""
        head = len(self._head)
        if 0 <= index < head:
            return self._head[index]
        found = self._window.cache.get(index - head) if index >= head else None
        if found is None:
            raise IndexError(f"row {index} is not loaded")  # i18n: not shown (callers catch it)
        return found

    def loaded_row(self, index: int) -> HistoryRow | None:
        """The record in table row ``index``, or None if there is none or it is being read."""
        try:
            return self.row_at(index)
        except IndexError:
            return None

    def ready(self, first: int, last: int) -> bool:
        """Whether table rows ``first`` to ``last`` are all read; if not, their pages are
        wanted (read on a worker) and False."""
        missing = [row for row in range(first, last + 1) if self.loaded_row(row) is None]
        if not missing:
            return True
        head = len(self._head)
        self._window.ensure(max(missing[0] - head, 0), missing[-1] - head)
        return False

    def _key_of(self, row: HistoryRow) -> Key:
        return key_of(row, self._query.sort)

    def _read_page(self, plan: Plan[Key]) -> Job[list[HistoryRow]]:
        assert self._source is not None
        assert self._span is not None
        return self._source.page_at(self._query, self._span, plan)

    def _on_rows_arrived(self, first: int, last: int) -> None:
        head = len(self._head)
        if last >= first:
            right = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(head + first, 0), self.index(head + last, right), [])
        self.page_loaded.emit()

    def _row(self, position: int) -> HistoryRow | None:
        head = len(self._head)
        if position < head:
            return self._head[position]
        return self._window.row(position - head)

    def _replace(self, position: int, row: HistoryRow) -> None:
        head = len(self._head)
        if position < head:
            self._head[position] = row
        else:
            self._window.cache.replace(position - head, row)

    # -- Qt's model interface ------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            descending = order == Qt.SortOrder.DescendingOrder
            query = replace(self._query, sort=COLUMNS[column].sort, descending=descending)
            if self._started:
                self.set_query(query)
            else:
                self._query = query

    def rowCount(self, parent: _ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._head) + self._window.count

    def columnCount(self, parent: _ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called for every cell and role of every paint: roles we never serve leave first.
        if role not in _SERVED or not index.isValid() or index.row() < 0:
            return None
        row, column = self._row(index.row()), index.column()
        if row is None:  # being read (or past the end): a blank row until it arrives
            return None
        if role == _ALIGN:
            return _ALIGNMENT[column]
        cells = self._cells.of(row)
        if role == _DISPLAY:
            live = self._live.get(row.row_id) if column == RESULT_COLUMN else None
            return live if live and row.verdict is None else cells.texts[column]
        if role == _FOREGROUND:
            return cells.foreground[column]
        if role == _TOOLTIP:
            return cells.tips[column]
        if role == _BACKGROUND:
            return cells.background
        if role == _FONT and row.worst_case and column == RESULT_COLUMN:
            return self._bold
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

    def _position_of(self, row_id: int) -> int | None:
        """Where the row with ``row_id`` shows, if it is on top or in the cache."""
        found = next((i for i, row in enumerate(self._head) if row.row_id == row_id), None)
        if found is not None:
            return found
        head = len(self._head)
        cached = self._window.cache.items()
        return next((head + at for at, row in cached if row.row_id == row_id), None)
