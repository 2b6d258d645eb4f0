"""The history panel: a filter bar over the lazy, sortable campaign history table."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.records import HistoryQuery, Outcome
from dialer_app.core.text import QT_TRANSLATE_NOOP
from dialer_app.core.uri import is_openable_link
from dialer_app.services.history import HistoryService
from dialer_app.ui.common.naming import named
from dialer_app.ui.history.columns import (
    COLUMNS,
    NEEDED_COLUMNS,
    OUTCOME_SHORT,
    RECORDING_COLUMN,
    disposition_text,
)
from dialer_app.ui.history.model import HistoryModel
from dialer_app.ui.history.table import HistoryTable

ANY_DISPOSITION = "*"  # item data are plain strings, never None
PERIODS = (
    QT_TRANSLATE_NOOP("HistoryPanel", "Any time"),
    QT_TRANSLATE_NOOP("HistoryPanel", "Today"),
    QT_TRANSLATE_NOOP("HistoryPanel", "Last 7 days"),
    QT_TRANSLATE_NOOP("HistoryPanel", "Last 30 days"),
    QT_TRANSLATE_NOOP("HistoryPanel", "Between…"),
)
FILTER_DELAY_MS = 150


class HistoryPanel(QWidget):
    """Filter by number or member, outcome and dates; sort by any column; re-dial a row.

    Signals:
        redial_requested(HistoryRow): the agent wants to call this row's customer again
        export_requested(): the agent wants the rows shown here exported (CSV or Excel)
        recording_refused(str): a recording link that is not https was not opened
    """

    redial_requested = Signal(object)
    export_requested = Signal()
    recording_refused = Signal(str)

    def __init__(
        self,
        history: HistoryService,
        dispositions: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dispositions = dispositions or []
        self.model = HistoryModel(history, self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DELAY_MS)
        self._build_ui()
        self._connect_signals()

    def needed_width(self) -> int:
        """How wide the panel must be to show every needed column (``NEEDED_COLUMNS``) that is
        not hidden, with the table's frame, row header and scroll bar."""
        header = self.view.horizontalHeader()
        shown = [i for i in NEEDED_COLUMNS if not header.isSectionHidden(i)]
        right = max((header.sectionPosition(i) + header.sectionSize(i) for i in shown), default=0)
        rows = self.view.verticalHeader()
        chrome = 2 * self.view.frameWidth() + (rows.width() if rows.isVisible() else 0)
        scroll_bar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return right + chrome + scroll_bar + 4

    def _build_ui(self) -> None:
        self.filter_edit = named(QLineEdit(), "historyFilterEdit", self.tr("Filter history"))
        self.filter_edit.setPlaceholderText(self.tr("Filter: number or member name"))
        self.filter_edit.setClearButtonEnabled(True)
        self.outcome_combo = named(QComboBox(), "historyOutcomeCombo", self.tr("Filter by outcome"))
        # Item data are plain strings: never None (see tests/ui/test_qt_binding.py).
        self.outcome_combo.addItem(self.tr("All outcomes"), "")
        for outcome in Outcome:
            self.outcome_combo.addItem(OUTCOME_SHORT[outcome], outcome.value)
        self.disposition_combo = named(
            QComboBox(), "historyDispositionCombo", self.tr("Filter by disposition")
        )
        self.disposition_combo.addItem(self.tr("All dispositions"), ANY_DISPOSITION)
        self.disposition_combo.addItem(self.tr("Not wrapped up"), "")
        for name in self._dispositions:
            self.disposition_combo.addItem(disposition_text(name), name)
        self.period_combo = named(QComboBox(), "historyPeriodCombo", self.tr("Filter by date"))
        for period in PERIODS:
            self.period_combo.addItem(self.tr(period), period)
        self.from_edit = named(
            QDateEdit(QDate.currentDate()), "historyFromDate", self.tr("From date")
        )
        self.to_edit = named(QDateEdit(QDate.currentDate()), "historyToDate", self.tr("To date"))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setVisible(False)
        self.export_button = named(
            QPushButton(self.tr("E&xport…")), "exportButton", self.tr("Export history")
        )
        self.view = named(HistoryTable(), "historyView", self.tr("Campaign history"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for number, column in enumerate(COLUMNS):
            header.resizeSection(number, column.width)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>" + self.tr("Campaign history") + "</b>"))
        bar.addStretch(1)
        for widget in (self.filter_edit, self.outcome_combo, self.disposition_combo,
                       self.period_combo, self.from_edit,
                       self.to_edit, self.export_button):  # fmt: skip
            bar.addWidget(widget)
        self.filter_edit.setMinimumWidth(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self._debounce.start)
        self._debounce.timeout.connect(self.apply_filter)
        self.outcome_combo.currentIndexChanged.connect(self.apply_filter)
        self.disposition_combo.currentIndexChanged.connect(self.apply_filter)
        self.period_combo.currentIndexChanged.connect(self._on_period_changed)
        self.from_edit.dateChanged.connect(self.apply_filter)
        self.to_edit.dateChanged.connect(self.apply_filter)
        self.view.activated.connect(self._on_view_activated)
        self.export_button.clicked.connect(self.export_requested)

    @Slot()
    def apply_filter(self) -> None:
        """Show the rows matching the filter bar, in the current sort order."""
        since, until = self._date_range()
        current = self.model.query
        outcome = str(self.outcome_combo.currentData() or "")
        disposition = str(self.disposition_combo.currentData())
        self.model.set_query(
            HistoryQuery(
                text=self.filter_edit.text(),
                outcome=Outcome(outcome) if outcome else None,
                disposition=None if disposition == ANY_DISPOSITION else disposition,
                since=since,
                until=until,
                sort=current.sort,
                descending=current.descending,
            )
        )

    @Slot(int)
    def _on_period_changed(self, index: int) -> None:
        custom = self.period_combo.itemData(index) == "Between…"
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.apply_filter()

    def _date_range(self) -> tuple[datetime | None, datetime | None]:
        """The chosen period as [since, until) in local time."""
        today = datetime.combine(datetime.now().date(), time()).astimezone()
        tomorrow = today + timedelta(days=1)
        period = self.period_combo.currentData()
        if period == "Today":
            return today, tomorrow
        if period == "Last 7 days":
            return today - timedelta(days=6), tomorrow
        if period == "Last 30 days":
            return today - timedelta(days=29), tomorrow
        if period == "Between…":
            start = datetime.combine(_as_date(self.from_edit.date()), time()).astimezone()
            end = datetime.combine(_as_date(self.to_edit.date()), time()).astimezone()
            return start, end + timedelta(days=1)
        return None, None

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        """Enter or double-click: play the recording, or re-dial the row's customer."""
        row = self.model.loaded_row(index.row())
        if row is None:  # still being read: nothing to act on yet
            return
        if index.column() == RECORDING_COLUMN and row.recording_url:
            if is_openable_link(row.recording_url):
                QDesktopServices.openUrl(QUrl(row.recording_url, QUrl.ParsingMode.StrictMode))
            else:  # file:, http:, javascript:…: the service's link is never handed on
                self.recording_refused.emit(row.recording_url)
            return
        self.redial_requested.emit(row)


def _as_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
