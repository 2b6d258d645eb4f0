"""The leads of one list as a table: pages read by position, a bounded cache, no Qt items.

A list of 100,000 leads costs what the visible rows cost: ``rowCount`` is the stored count and
``data`` reads the page of ``PAGE`` leads holding a row (an index range on ``(list, position)``,
about a millisecond) into a cache of at most ``CACHED_PAGES`` pages.
"""

from __future__ import annotations

from collections import OrderedDict
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
from dialer_app.core.text import QT_TRANSLATE_NOOP, plain
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.history.columns import disposition_text

PAGE = 200
CACHED_PAGES = 16
Index = QModelIndex | QPersistentModelIndex
PageReader = Callable[[int, int], list[Lead]]


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
    if lead.status is LeadStatus.CALLED and lead.outcome == "unknown":
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
    """The leads of the list ``read`` gives, paged; ``reset()`` after the list changes."""

    def __init__(self) -> None:
        super().__init__()
        self._read: PageReader = lambda _start, _count: []
        self._count = 0
        self._pages: OrderedDict[int, list[Lead]] = OrderedDict()
        self.current_position: int | None = None

    def show_list(self, read: PageReader, count: int) -> None:
        self.beginResetModel()
        self._read, self._count = read, count
        self._pages.clear()
        self.endResetModel()

    def reload(self) -> None:
        """The stored leads changed: drop the cache, repaint what is shown."""
        self._pages.clear()
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def lead_at(self, row: int) -> Lead | None:
        if not 0 <= row < self._count:
            return None
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            page = self._read(number * PAGE, PAGE)
            self._pages[number] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE
        return page[offset] if offset < len(page) else None

    def cached_pages(self) -> int:
        return len(self._pages)

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
