"""The live tables: agents, lists (with a progress bar), call-backs; views over ``RowsModel``.

A ``LiveTable`` is a read-only ``QTableView`` that selects whole rows and keeps the selected
record when its model changes under it; the lists' progress column is painted as a bar by
``ProgressDelegate`` (a style's own progress bar: it follows the palette, dark or light).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
)

from dialer_app.core.team.watch import AgentRow, CallBackRow, ListRow
from dialer_app.ui.common.naming import named
from dialer_app.ui.supervisor import columns
from dialer_app.ui.supervisor.table import NUMBER, RAW, RowsModel

R = TypeVar("R")
TICK_MS = 1000
BAR_WIDTH = 140  # the progress bar's column: wide enough to read at a glance


class LiveTable(QTableView, Generic[R]):
    """A read-only, row-selecting view of ``model``."""

    def __init__(self, model: RowsModel[R]) -> None:
        super().__init__()
        self.setModel(model)
        self.model_rows = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def selected(self) -> R | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(RAW)  # type: ignore[no-any-return]

    def fit_columns(self) -> None:
        self.resizeColumnsToContents()
        if isinstance(self.itemDelegateForColumn(columns.PROGRESS_COLUMN), ProgressDelegate):
            width = self.columnWidth(columns.PROGRESS_COLUMN)
            self.setColumnWidth(columns.PROGRESS_COLUMN, max(width, BAR_WIDTH))


class ProgressDelegate(QStyledItemDelegate):
    """A cell's ``NUMBER`` (0-100) painted as the style's progress bar, its text on it."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:  # fmt: skip
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, 100
        bar.progress = int(index.data(NUMBER) or 0)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.state = option.state | QStyle.StateFlag.State_Horizontal  # Qt 6: not by default
        bar.palette = option.palette
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class DeskClock:
    """The database's clock, kept on this desk: each snapshot says the database's ``now``."""

    def __init__(self) -> None:
        self._offset = timedelta()

    def seen(self, database_now: datetime) -> None:
        self._offset = database_now - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset


class AgentsView(LiveTable[AgentRow]):
    """The agents, their states ticking every second (durations, offline, the pause alert)."""

    def __init__(self, clock: DeskClock, alert_minutes: int) -> None:
        model: RowsModel[AgentRow] = RowsModel(
            columns.agent_columns(clock.now, alert_minutes),
            key=lambda a: a.member,
            alert=lambda a: columns.paused_too_long(a, clock.now(), alert_minutes),
        )
        super().__init__(model)
        named(self, "agentsView", QCoreApplication.translate("supervisor", "Agents"))
        self.agents = model
        self._clock, self._alert_minutes = clock, alert_minutes
        self._alerted: set[str] = set()  # the members whose pause was flagged last tick
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._tick.start()

    @Slot()
    def _on_tick_timeout(self) -> None:
        """Repaint what the clock changes, and only that: the cells of the rows in view that
        read the clock (state, for how long, the current call), and the whole row of a pause
        whose alert began or ended (its colour). A whole viewport repainted every second was
        the window's longest stall (200 agents: about 12 ms of a 16 ms frame)."""
        model, now = self.agents, self._clock.now()
        alerted = {a.member for a in model.rows()
                   if columns.paused_too_long(a, now, self._alert_minutes)}  # fmt: skip
        if alerted != self._alerted:
            changed, self._alerted = alerted ^ self._alerted, alerted
            model.refresh_rows([i for i, a in enumerate(model.rows()) if a.member in changed])
        if not self.isVisible() or not model.rowCount():
            return
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        for row in range(max(first, 0), (model.rowCount() if last < 0 else last + 1)):
            for column in columns.CLOCK_COLUMNS:
                self.update(model.index(row, column))


def lists_table() -> LiveTable[ListRow]:
    model: RowsModel[ListRow] = RowsModel(columns.list_columns(), key=lambda r: r.list_id)
    view: LiveTable[ListRow] = LiveTable(model)
    named(view, "listsView", QCoreApplication.translate("supervisor", "Lists"))
    view.setItemDelegateForColumn(columns.PROGRESS_COLUMN, ProgressDelegate(view))
    return view


def call_backs_table() -> LiveTable[CallBackRow]:
    model: RowsModel[CallBackRow] = RowsModel(
        columns.call_back_columns(), key=lambda c: c.lead_id, alert=lambda c: c.overdue
    )
    view: LiveTable[CallBackRow] = LiveTable(model)
    return named(view, "callBacksView", QCoreApplication.translate("supervisor", "Call-backs"))
