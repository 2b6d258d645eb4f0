"""The list panel beside the history: which list, how far along, and every lead's status."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.compliance.purpose import Purpose, label
from dialer_app.core.leads.model import Lead, LeadList, LeadListProgress
from dialer_app.core.phone import format_national
from dialer_app.core.text import plain
from dialer_app.services.runner import Job
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named
from dialer_app.ui.history.panel import HistoryPanel
from dialer_app.ui.leads.model import LeadTableModel, PageReader

LIST_MIN_WIDTH = 480  # the #, name, number, status and attempts columns
WIDTHS = (36, 120, 110, 120, 60, 100, 160)
PADDING = 28  # the sort arrow and the margins around a header's title
PurposeReader = Callable[[tuple[int, ...]], Job[dict[int, Purpose]]]


class LeadListPanel(QWidget):
    """The active list's leads (a paged model) and its progress line.

    Signals:
        list_chosen(int): the agent picked another list (its id)
    """

    list_chosen = Signal(int)

    def __init__(
        self,
        read: PageReader,
        purposes: PurposeReader | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``read(list_id, start, count)``: a page of leads, as a job (``LeadService.page``);
        ``purposes(list_ids)``: the lists' purposes, as a job (``ComplianceService``)."""
        super().__init__(parent)
        self.setObjectName("listPanel")
        self.setAccessibleName(self.tr("Call-down list"))
        self.model = LeadTableModel(read)
        self._purposes = purposes
        self._lists: list[LeadList] = []
        self.purpose_of: dict[int, Purpose] = {}
        self._build_ui()

    def _build_ui(self) -> None:
        self.list_combo = named(QComboBox(), "leadListCombo", self.tr("Active list"))
        label = QLabel(self.tr("L&ist"))
        label.setBuddy(self.list_combo)
        self.progress_label = named(QLabel(), "listProgressLabel", self.tr("List progress"))
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.purpose_label = named(QLabel(), "listPurposeLabel", self.tr("The list's purpose"))
        self.view = named(QTableView(), "leadListView", self.tr("Leads of the active list"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(True)
        self._fit()
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.list_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.view, 1)
        self.details_label = named(QLabel(), "leadDetailsLabel", self.tr("The lead's details"))
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)
        self.details_label.setVisible(False)
        self.list_combo.activated.connect(self._on_list_combo_activated)

    def _fit(self) -> None:
        """Each column at least as wide as its (translated) title, rows as tall as the font
        (Devanagari needs more room than Latin)."""
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        for column, width in enumerate(WIDTHS):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.view.setColumnWidth(column, max(width, metrics.horizontalAdvance(title) + PADDING))
        rows = self.view.verticalHeader()
        rows.setDefaultSectionSize(max(22, self.view.fontMetrics().height() + 8))

    def set_lists(self, lists: list[LeadList], active_id: int | None) -> None:
        self._lists = list(lists)
        self._fill_combo(active_id)
        if self._purposes is not None and lists:
            job = self._purposes(tuple(item.list_id for item in lists))
            job.on_success(self._on_purposes_read)
        appearing = bool(lists) and self.isHidden()
        self.setVisible(bool(lists))
        splitter = self.parentWidget()
        if appearing and isinstance(splitter, QSplitter):
            splitter.setSizes(shares(splitter))

    def _fill_combo(self, active_id: int | None) -> None:
        """Each list by its name and purpose (a list imported before purposes: its name)."""
        self.list_combo.blockSignals(True)
        self.list_combo.clear()
        for item in self._lists:
            purpose = self.purpose_of.get(item.list_id)
            shown = plain(item.name) if purpose is None else self.tr("{name} ({purpose})").format(
                name=plain(item.name), purpose=translated(label(purpose)))  # fmt: skip
            self.list_combo.addItem(shown, item.list_id)
        self.list_combo.setCurrentIndex(self.list_combo.findData(active_id))
        self.list_combo.blockSignals(False)
        purpose = None if active_id is None else self.purpose_of.get(active_id)
        self.purpose_label.setText(
            self.tr("Purpose: {purpose}").format(purpose=translated(label(purpose)))
            if purpose is not None
            else self.tr("Purpose: not chosen yet (asked before the first call)")
        )

    @Slot(object)
    def _on_purposes_read(self, purposes: dict[int, Purpose]) -> None:
        self.purpose_of.update(purposes)
        self._fill_combo(self.list_combo.currentData())

    def set_purpose(self, list_id: int, purpose: Purpose) -> None:
        """A purpose chosen for a list imported before purposes."""
        self._on_purposes_read({list_id: purpose})

    @Slot(int)
    def _on_list_combo_activated(self, index: int) -> None:
        list_id = self.list_combo.itemData(index)
        if isinstance(list_id, int):
            self.list_chosen.emit(list_id)

    def show_progress(self, progress: LeadListProgress) -> None:
        text = self.tr("{done} of {total} done · {connected} connected · {call_back} to call back")
        self.progress_label.setText(
            text.format(
                done=progress.done,
                total=progress.total,
                connected=progress.connected,
                call_back=progress.call_back,
            )
        )

    def show_lead(self, lead: Lead | None, columns: tuple[str, ...]) -> None:
        """The lead now in the form: its details under the form, its row in view."""
        self.model.current_position = None if lead is None else lead.position
        self.model.reload()
        if lead is None:
            self.details_label.setText(self.tr("The list is done: every lead has been worked."))
            self.details_label.setVisible(True)
            return
        text = details_text(self.tr("Lead {position}: {name}"), lead, columns)
        if lead.alternates:
            others = ", ".join(format_national(number) for number in lead.alternates)
            text += "\n" + self.tr("Other number: {numbers} (F4 calls it instead)").format(
                numbers=others
            )
        if lead.same_number:
            text += "\n" + self.tr("Same number in the file: {names}").format(
                names=", ".join(plain(name) for name in lead.same_number)
            )
        self.details_label.setText(text)
        self.details_label.setVisible(True)
        self.view.scrollTo(self.model.index(lead.position, 0))
        self.view.selectRow(lead.position)


def details_text(title: str, lead: Lead, columns: tuple[str, ...]) -> str:
    """The lead's name, then every other column of its row (plain text)."""
    head = title.format(position=lead.position + 1, name=plain(lead.name) or "—")
    parts = [
        f"{plain(column)}: {plain(cell)}"
        for column, cell in zip(columns, lead.cells, strict=False)
        if cell.strip() and plain(cell) != plain(lead.name)
    ]
    return head + ("\n" + " · ".join(parts) if parts else "")


def shares(splitter: QSplitter) -> list[int]:
    """The history and the list side by side: the history keeps the columns an agent needs
    in view (on a 1366-pixel screen too), the list gets the rest, and room for its lead's
    number, name, status and attempts."""
    width = max(splitter.width(), 900)
    history = splitter.widget(0)
    needed = history.needed_width() if isinstance(history, HistoryPanel) else 0
    first = min(max(width * 11 // 20, needed), width - LIST_MIN_WIDTH)
    return [first, width - first - splitter.handleWidth()]
