"""The leads of one lead list as a table, windowed like the history: pages read on workers.

A list of 100,000 leads costs what the visible rows cost: ``rowCount`` is the stored count,
and the rows the view paints come from ``RowWindow`` (``ui/common/row_window.py``): a row not
cached is wanted, its page of ``PAGE`` leads is read by position on a worker (the reader is
``LeadService.page``: an index range on ``(list, position)``), and at most ``CACHED_PAGES``
pages are kept. ``data`` never reads the store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from dialer_app.core.leads.model import Lead, LeadStatus
from dialer_app.core.records import Outcome
from dialer_app.core.text import QT_TRANSLATE_NOOP, plain
from dialer_app.core.window import Plan
from dialer_app.services.runner import Job
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.row_window import RowWindow
from dialer_app.ui.history.columns import disposition_text

PAGE = 200
CACHED_PAGES = 16
Index = QModelIndex | QPersistentModelIndex
PageReader = Callable[[int, int, int], Job[list[Lead]]]  # (list, start, count)


def _t(text: str) -> str:
    return QCoreApplication.translate("leads", text)


def local_time(moment: datetime) -> str:
    """A call-back time in the window's language ("05 Dec 14:30"; digits stay ASCII)."""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp, "dd MMM HH:mm")


def status_text(lead: Lead) -> str:
    """What the panel says of a lead's status, in the window's language."""
    if lead.status is LeadStatus.CALL_BACK and lead.call_back_at is not None:
        when = local_time(lead.call_back_at)
        return QCoreApplication.translate("leads", "Call back at {time}").format(time=when)
    if lead.status is LeadStatus.CALLED and lead.outcome is Outcome.UNKNOWN:
        return QCoreApplication.translate("leads", "Called (outcome unknown)")
    return _t(STATUS_TEXT.get(lead.status, lead.status.value))


def note_text(lead: Lead) -> str:
    """The agent's note, or why the lead was refused at import (in the window's language)."""
    if lead.note or lead.reason_sentence is None:
        return lead.note or lead.reason
    return translated(lead.reason_sentence)


STATUS_TEXT = {
    LeadStatus.NEW: QT_TRANSLATE_NOOP("leads", "New"),
    LeadStatus.CALLING: QT_TRANSLATE_NOOP("leads", "Calling…"),
    LeadStatus.CALLED: QT_TRANSLATE_NOOP("leads", "Called"),
    LeadStatus.CONNECTED: QT_TRANSLATE_NOOP("leads", "Connected"),
    LeadStatus.CALL_BACK: QT_TRANSLATE_NOOP("leads", "Call back"),
    LeadStatus.DO_NOT_CALL: QT_TRANSLATE_NOOP("leads", "Do not call"),
    LeadStatus.SKIPPED: QT_TRANSLATE_NOOP("leads", "Skipped"),
    LeadStatus.REFUSED: QT_TRANSLATE_NOOP("leads", "Refused"),
}
COLUMNS: tuple[tuple[str, Callable[[Lead], str]], ...] = (
    (QT_TRANSLATE_NOOP("leads", "#"), lambda lead: str(lead.position + 1)),
    (QT_TRANSLATE_NOOP("leads", "Name"), lambda lead: lead.name),
    (QT_TRANSLATE_NOOP("leads", "Number"), lambda lead: lead.display_number),
    (QT_TRANSLATE_NOOP("leads", "Status"), status_text),
    (QT_TRANSLATE_NOOP("leads", "Attempts"), lambda lead: str(lead.attempts)),
    (QT_TRANSLATE_NOOP("leads", "Disposition"), lambda lead: disposition_text(lead.disposition)),
    (QT_TRANSLATE_NOOP("leads", "Note"), note_text),
)


class LeadTableModel(QAbstractTableModel):
    """The leads of the list shown, read by ``read(list_id, start, count)`` on a worker."""

    def __init__(self, read: PageReader) -> None:
        super().__init__()
        self._read = read
        self._list_id: int | None = None
        self._window: RowWindow[Lead, int] = RowWindow(
            self._read_page, self._on_rows_arrived, self, _position,
            page_size=PAGE, capacity=CACHED_PAGES,
        )  # fmt: skip
        self.current_position: int | None = None

    def show_list(self, list_id: int, count: int) -> None:
        """Show the list ``list_id`` of ``count`` rows (its pages are read as they are seen)."""
        self.beginResetModel()
        self._list_id = list_id
        self._window.reset(count, [])
        self.endResetModel()

    def reload(self) -> None:
        """The stored leads changed: the pages in view are read again (shown meanwhile)."""
        self._window.reread()
        self._repaint()

    def _repaint(self) -> None:
        if self._window.count:
            last = self.index(self._window.count - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _read_page(self, plan: Plan[int]) -> Job[list[Lead]]:
        assert self._list_id is not None
        return self._read(self._list_id, plan.page * PAGE, PAGE)

    def _on_rows_arrived(self, first: int, last: int) -> None:
        right = len(COLUMNS) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, right), [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._window.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def lead_at(self, row: int) -> Lead | None:
        """The lead at ``row`` if its page is here (else it is wanted, and arrives)."""
        return self._window.row(row) if 0 <= row < self._window.count else None

    def loading_done(self) -> bool:
        """No page is wanted or being read."""
        return not self._window.loading

    def cached_pages(self) -> int:
        return len(self._window.cache.cached)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.FontRole and index.row() == self.current_position:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        lead = self.lead_at(index.row())
        if lead is None:
            return None
        return plain(COLUMNS[index.column()][1](lead))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _t(COLUMNS[section][0])
        return None


def _position(lead: Lead) -> int:
    return lead.position
