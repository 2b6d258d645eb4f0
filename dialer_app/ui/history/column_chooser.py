"""Which history columns are shown: the ones an agent needs by default (they fit a 1366-pixel
screen), the others from the header's context menu (or Dialer → History columns, from the
keyboard); the choice is remembered (a setting)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from dialer_app.services import settings as keys_of
from dialer_app.services.settings import Settings
from dialer_app.ui.history.columns import COLUMNS

SEPARATOR = "|"
PADDING = 28  # the sort arrow and the margins around a header's title


def shown_names(saved: str) -> set[str]:
    """The English names of the columns to show, from the setting ("" = the defaults)."""
    names = {name for name in saved.split(SEPARATOR) if name}
    known = {column.name for column in COLUMNS}
    chosen = names & known
    return chosen or {column.name for column in COLUMNS if column.shown}


class ColumnChooser(QObject):
    """The history header's context menu: one checkable item per column."""

    def __init__(self, view: QTableView, settings: Settings) -> None:
        super().__init__(view)
        self._view, self._settings = view, settings
        self.menu = QMenu(self.tr("History &columns"), view)  # also in the Dialer menu
        self.menu.setObjectName("historyColumnsMenu")
        shown = shown_names(settings.get(keys_of.HISTORY_COLUMNS))
        self.actions: list[QAction] = []
        for number, column in enumerate(COLUMNS):
            item = QAction(column.title, self.menu)
            item.setCheckable(True)
            item.setChecked(column.name in shown)
            item.setData(number)
            item.toggled.connect(self._on_item_toggled)
            self.menu.addAction(item)
            self.actions.append(item)
        self._fit()
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)

    def _fit(self) -> None:
        """Hide what is not chosen; a shown column is at least as wide as its title, and
        rows as tall as the font (Devanagari needs more room than Latin)."""
        header = self._view.horizontalHeader()
        metrics = header.fontMetrics()
        for number, column in enumerate(COLUMNS):
            header.setSectionHidden(number, not self.actions[number].isChecked())
            wanted = max(column.width, metrics.horizontalAdvance(column.title) + PADDING)
            if header.sectionSize(number) < wanted:
                header.resizeSection(number, wanted)
        rows = self._view.verticalHeader()
        rows.setDefaultSectionSize(
            max(rows.defaultSectionSize(), self._view.fontMetrics().height() + 8)
        )

    @Slot(QPoint)
    def _on_header_menu_requested(self, position: QPoint) -> None:
        self.menu.popup(self._view.horizontalHeader().mapToGlobal(position))

    @Slot(bool)
    def _on_item_toggled(self, _checked: bool) -> None:
        if not any(item.isChecked() for item in self.actions):  # never hide them all
            self.actions[0].setChecked(True)
            return
        self._fit()
        names = [COLUMNS[i].name for i, item in enumerate(self.actions) if item.isChecked()]
        self._settings.set(keys_of.HISTORY_COLUMNS, SEPARATOR.join(names))
