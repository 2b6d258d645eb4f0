"""The leads of one list as a table: pages read by position, a bounded cache, no Qt items.

A list of 100,000 leads costs what the visible rows cost: ``rowCount`` is the stored count and
``data`` reads the page of ``PAGE`` leads holding a row (an index range on ``(list, position)``,
about a millisecond) into a cache of at most ``CACHED_PAGES`` pages.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from dialer_app.core.leads import Lead, LeadStatus
from dialer_app.core.text import plain

PAGE = 200
CACHED_PAGES = 16
Index = QModelIndex | QPersistentModelIndex
PageReader = Callable[[int, int], list[Lead]]


def tr(text: str) -> str:
    return QCoreApplication.translate("leads", text)


def status_text(lead: Lead) -> str:
    """What the panel says of a lead's status, in the window's language."""
    texts = {
        LeadStatus.NEW: tr("New"),
        LeadStatus.CALLING: tr("Calling…"),
        LeadStatus.CALLED: tr("Called"),
        LeadStatus.CONNECTED: tr("Connected"),
        LeadStatus.DO_NOT_CALL: tr("Do not call"),
        LeadStatus.SKIPPED: tr("Skipped"),
        LeadStatus.REFUSED: tr("Refused"),
    }
    if lead.status is LeadStatus.CALL_BACK and lead.call_back_at is not None:
        when = lead.call_back_at.astimezone().strftime("%d %b %H:%M")
        return tr("Call back at {time}").format(time=when)
    if lead.status is LeadStatus.CALLED and lead.outcome == "unknown":
        return tr("Called (outcome unknown)")
    return texts.get(lead.status, lead.status.value)


COLUMNS: tuple[tuple[str, Callable[[Lead], str]], ...] = (
    ("#", lambda lead: str(lead.position + 1)),
    ("Name", lambda lead: lead.name),
    ("Number", lambda lead: lead.display_number),
    ("Status", status_text),
    ("Attempts", lambda lead: str(lead.attempts)),
    ("Disposition", lambda lead: lead.disposition),
    ("Note", lambda lead: lead.note or lead.reason),
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
            return tr(COLUMNS[section][0])
        return None
