"""The campaign history as a read-only table model, newest row first.

The model holds ``Campaign`` records handed to it (from ``HistoryStore`` through the services
layer); it never opens the database itself. Columns are declared once in ``COLUMNS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from dialer_app.core.records import Campaign, Outcome

_ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

OUTCOME_TEXT: dict[Outcome, str] = {
    Outcome.SENDING: "Sending…",
    Outcome.PLACED: "Placed",
    Outcome.REJECTED: "Rejected",
    Outcome.NOT_SENT: "Not sent",
    Outcome.UNKNOWN: "Unknown — check before calling again",
}

OUTCOME_COLOUR: dict[Outcome, QColor] = {
    Outcome.PLACED: QColor(46, 125, 50),  # green
    Outcome.REJECTED: QColor(198, 40, 40),  # red
    Outcome.UNKNOWN: QColor(178, 106, 0),  # amber, readable on white
}

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _time_text(row: Campaign) -> str:
    return row.created_at.astimezone().strftime("%d %b %H:%M:%S")  # local time


def _number_text(number: str) -> str:
    """``9876543210`` as ``98765 43210``; anything else unchanged."""
    if len(number) == 10 and number.isdigit():
        return f"{number[:5]} {number[5:]}"
    return number


def _limit_text(row: Campaign) -> str:
    return "—" if row.call_limit == 0 else f"{row.call_limit} s"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the history table: its title and how a row reads in it."""

    title: str
    text: Callable[[Campaign], str]
    alignment: Qt.AlignmentFlag = _LEFT


COLUMNS: tuple[Column, ...] = (
    Column("Time", _time_text),
    Column("Member", lambda row: row.member_name),
    Column("Customer", lambda row: _number_text(row.customer_number)),
    Column("Deskphone", lambda row: row.deskphone),
    Column("Limit", _limit_text, _RIGHT),
    Column("Outcome", lambda row: OUTCOME_TEXT[row.outcome]),
    Column("Campid", lambda row: row.campid or "", _RIGHT),
    Column("Message", lambda row: row.message),
)
OUTCOME_COLUMN = next(i for i, column in enumerate(COLUMNS) if column.title == "Outcome")


class HistoryModel(QAbstractTableModel):
    """Read-only table of call attempts, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Campaign] = []

    def set_rows(self, rows: list[Campaign]) -> None:
        """Replace every row (``rows`` newest first)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def upsert(self, row: Campaign) -> None:
        """Update the row with the same ``row_id``, or add ``row`` at the top."""
        position = self._position_of(row.row_id)
        if position is None:
            self.beginInsertRows(_ROOT, 0, 0)
            self._rows.insert(0, row)
            self.endInsertRows()
            return
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1), [])

    def row_at(self, index: int) -> Campaign:
        """The record shown in table row ``index``."""
        return self._rows[index]

    def rowCount(self, parent: _ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.message or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == OUTCOME_COLUMN:
            return OUTCOME_COLOUR.get(row.outcome)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
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
        return next((i for i, row in enumerate(self._rows) if row.row_id == row_id), None)
