"""Rows of records as a table model that changes only the cells that changed.

``RowsModel.replace(rows)`` compares the new rows with the shown ones by key: when the keys
are the same (the usual case: an agent's state changed) it emits ``dataChanged`` for the
changed rows only, so 200 agents changing cost what their rows cost; when rows come or go it
resets. Every text is shown as plain text (``core.text.plain``: no direction controls), as
every cell of a ``QTableView`` is: a view never reads a display string as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from dialer_app.core.text import plain

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
RAW = Qt.ItemDataRole.UserRole  # the row's record
NUMBER = Qt.ItemDataRole.UserRole + 1  # a number column's value (the progress bar reads it)
ALERT = QColor(230, 140, 0, 90)  # amber, translucent: readable on light and dark palettes
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column: its (translated) title and how a row's cell reads; ``number`` for counts."""

    title: str
    text: Callable[[R], str]
    number: Callable[[R], int] | None = None


class RowsModel(QAbstractTableModel, Generic[R]):
    """``columns`` over records keyed by ``key``; ``alert(row)`` marks a row (amber)."""

    def __init__(
        self, columns: Sequence[Column[R]], key: Callable[[R], object],
        alert: Callable[[R], bool] | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        self._columns = list(columns)
        self._key, self._alert = key, alert
        self._rows: list[R] = []

    def rows(self) -> list[R]:
        return list(self._rows)

    def row(self, index: int) -> R:
        return self._rows[index]

    def replace(self, rows: Sequence[R]) -> None:
        """Show ``rows``: only the changed rows repaint when the keys stay the same."""
        new = list(rows)
        if [self._key(r) for r in new] != [self._key(r) for r in self._rows]:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        changed = [i for i, (a, b) in enumerate(zip(self._rows, new, strict=True)) if a != b]
        self._rows = new
        self.refresh_rows(changed)

    def refresh_rows(self, rows: Sequence[int]) -> None:
        """Repaint these rows, every cell (what the clock changed: a pause's alert)."""
        last = self.columnCount() - 1
        for i in rows:
            self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return plain(column.text(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number is not None:
            return int(_RIGHT.value)
        if role == NUMBER and column.number is not None:
            return column.number(row)
        if role == Qt.ItemDataRole.BackgroundRole and self._alert is not None:
            return QBrush(ALERT) if self._alert(row) else None
        if role == RAW:
            return row
        return None
