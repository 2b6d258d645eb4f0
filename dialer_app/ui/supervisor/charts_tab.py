"""The Charts tab: the day in four charts, each with its figures in a table beside it.

Calls per hour by result (stacked), connect rate per agent, talk time per agent, and each
list's progress over the day (leads reached by the end of each hour). The day's figures are
read on a worker when the tab is shown, when the day changes, and every minute while the tab
is shown; the table carries the same figures for screen readers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.team.day import RESULTS, DayFigures, hour_label
from dialer_app.core.team.watch import india_today
from dialer_app.services.supervisor import SupervisorService
from dialer_app.ui.common.naming import named
from dialer_app.ui.supervisor.chart import Chart, Figure, Series
from dialer_app.ui.supervisor.columns import duration
from dialer_app.ui.supervisor.lists_tab import Say
from dialer_app.ui.supervisor.table import Column, RowsModel
from dialer_app.ui.supervisor.tables import LiveTable

REFRESH_MS = 60_000
Row = tuple[str, ...]


def result_names() -> tuple[str, ...]:
    names = {
        "connected": QCoreApplication.translate("supervisor", "Connected"),
        "no_answer": QCoreApplication.translate("supervisor", "No answer"),
        "left_waiting": QCoreApplication.translate("supervisor", "Left waiting"),
        "unknown": QCoreApplication.translate("supervisor", "Unknown"),
    }
    return tuple(names[result] for result in RESULTS)


def figures_of(day: DayFigures) -> list[tuple[Figure, list[str], list[Row]]]:
    """The four charts, each with its table (headers, rows)."""
    busy = [h for h in day.hours if h.total] or list(day.hours[9:18])
    names = result_names()
    hours = Figure(
        QCoreApplication.translate("supervisor", "Calls per hour"),
        tuple(hour_label(h.hour) for h in busy),
        tuple(
            Series(name, tuple(float(h.counts[i]) for h in busy)) for i, name in enumerate(names)
        ),
        "stacked",
    )
    hour_rows: list[Row] = [
        (hour_label(h.hour), *(str(c) for c in h.counts), str(h.total)) for h in busy
    ]
    agents = [a for a in day.agents if a.calls]
    rate = Figure(
        QCoreApplication.translate("supervisor", "Connect rate per agent (%)"),
        tuple(a.name for a in agents),
        (
            Series(
                QCoreApplication.translate("supervisor", "Connect rate (%)"),
                tuple(100 * a.connect_rate for a in agents),
            ),
        ),
    )
    rate_rows: list[Row] = [
        (a.name, str(a.calls), str(a.connected), f"{100 * a.connect_rate:.0f}%") for a in agents
    ]
    talk = Figure(
        QCoreApplication.translate("supervisor", "Talk time per agent (minutes)"),
        tuple(a.name for a in agents),
        (
            Series(
                QCoreApplication.translate("supervisor", "Talk time (minutes)"),
                tuple(a.talk_seconds / 60 for a in agents),
            ),
        ),
    )
    talk_rows: list[Row] = [(a.name, duration(a.talk_seconds)) for a in agents]
    first = busy[0].hour if busy else 0
    span = range(first, (busy[-1].hour + 1) if busy else 24)
    progress = Figure(
        QCoreApplication.translate("supervisor", "Leads reached over the day"),
        tuple(hour_label(h) for h in span),
        tuple(
            Series(item.name, tuple(float(item.reached_by_hour[h]) for h in span))
            for item in day.lists
        ),
        "lines",
    )
    progress_rows: list[Row] = [
        (item.name, *(str(item.reached_by_hour[h]) for h in span)) for item in day.lists
    ]
    return [
        (
            hours,
            [
                QCoreApplication.translate("supervisor", "Hour"),
                *names,
                QCoreApplication.translate("supervisor", "Total"),
            ],
            hour_rows,
        ),
        (
            rate,
            [
                QCoreApplication.translate("supervisor", "Agent"),
                QCoreApplication.translate("supervisor", "Calls"),
                QCoreApplication.translate("supervisor", "Connected"),
                QCoreApplication.translate("supervisor", "Connect rate"),
            ],
            rate_rows,
        ),
        (
            talk,
            [
                QCoreApplication.translate("supervisor", "Agent"),
                QCoreApplication.translate("supervisor", "Talk time"),
            ],
            talk_rows,
        ),
        (
            progress,
            [QCoreApplication.translate("supervisor", "List"), *(hour_label(h) for h in span)],
            progress_rows,
        ),
    ]


class ChartsTab(QWidget):
    """The day chooser, the chart chooser, the chart and its table."""

    def __init__(self, service: SupervisorService, say: Say) -> None:
        super().__init__()
        self._service, self._say = service, say
        self._charts: list[tuple[Figure, list[str], list[Row]]] = []
        today = india_today(datetime.now(UTC))
        self.day = named(
            QDateEdit(QDate(today.year, today.month, today.day)), "chartDay", self.tr("Day")
        )
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")  # i18n: not shown (a date pattern)
        self.which = named(QComboBox(), "chartChoice", self.tr("Chart"))
        for title in (self.tr("Calls per hour"), self.tr("Connect rate per agent"),
                      self.tr("Talk time per agent"), self.tr("Lists over the day")):  # fmt: skip
            self.which.addItem(title)
        self.chart = named(Chart(), "chart", self.tr("Chart"))
        self.model: RowsModel[Row] = RowsModel([], key=lambda r: r[0])
        self.table = named(LiveTable(self.model), "chartTable", self.tr("The chart's figures"))
        day_label, which_label = QLabel(self.tr("&Day:")), QLabel(self.tr("Char&t:"))
        day_label.setBuddy(self.day)
        which_label.setBuddy(self.which)
        top = QHBoxLayout()
        for widget in (day_label, self.day, which_label, self.which):
            top.addWidget(widget)
        top.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.load)
        self.day.dateChanged.connect(self.load)
        self.which.currentIndexChanged.connect(self._on_which_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._timer.isActive():
            self._timer.start()
            self.load()

    def hideEvent(self, event: QHideEvent) -> None:
        """Another tab, or the window minimised: no reading every minute for nobody."""
        super().hideEvent(event)
        self._timer.stop()

    @Slot()
    def load(self) -> None:
        chosen = self.day.date()
        job = self._service.day(date(chosen.year(), chosen.month(), chosen.day()))
        job.on_success(self.show_day).on_failure(self._say)

    def show_day(self, figures: DayFigures) -> None:
        self._charts = figures_of(figures)
        self._on_which_changed()

    @Slot()
    def _on_which_changed(self) -> None:
        if not self._charts:
            return
        figure, headers, rows = self._charts[self.which.currentIndex()]
        self.chart.show_figure(figure)
        columns = [Column(title, _cell(i)) for i, title in enumerate(headers)]
        self.model = RowsModel(columns, key=lambda r: r[0])
        self.model.replace(rows)
        self.table.setModel(self.model)
        self.table.model_rows = self.model
        self.table.fit_columns()


def _cell(index: int) -> Callable[[Row], str]:
    return lambda row: row[index] if index < len(row) else ""
