"""The Lists tab: each list's progress and counts; pause or resume a list; its priority."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from dialer_app.core.team.watch import ListRow
from dialer_app.services.supervisor import SupervisorService
from dialer_app.ui.common.naming import named
from dialer_app.ui.supervisor.tables import LiveTable, lists_table

Say = Callable[[object], None]  # a sentence (or an exception) for the window's status line


class ListsTab(QWidget):
    """The lists' table and what a supervisor changes about one list."""

    def __init__(self, service: SupervisorService, say: Say) -> None:
        super().__init__()
        self._service, self._say = service, say
        self._shown: dict[int, ListRow] = {}
        self.view: LiveTable[ListRow] = lists_table()
        self.pause_button = named(
            QPushButton(self.tr("&Pause list")), "pauseListButton", self.tr("Pause list")
        )
        self.priority = named(QSpinBox(), "prioritySpin", self.tr("Priority"))
        self.priority.setRange(-100, 100)
        self.priority_button = named(
            QPushButton(self.tr("Set pri&ority")), "priorityButton", self.tr("Set priority")
        )
        label = QLabel(self.tr("Priority:"))
        label.setBuddy(self.priority)
        row = QHBoxLayout()
        for widget in (self.pause_button, label, self.priority, self.priority_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.priority_button.clicked.connect(self._on_priority_button_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self._on_view_selection_changed()

    def show_lists(self, rows: tuple[ListRow, ...], complete: bool) -> None:
        """All the lists (``complete``) or only those that changed, merged in."""
        if complete:
            self._shown = {row.list_id: row for row in rows}
        else:
            self._shown.update({row.list_id: row for row in rows if row.list_id in self._shown})
        ordered = sorted(self._shown.values(), key=lambda r: (-r.priority, r.list_id))
        first = not self.view.model_rows.rows()
        self.view.model_rows.replace(ordered)
        if first and ordered:
            self.view.fit_columns()
        self._on_view_selection_changed()

    @Slot()
    def _on_view_selection_changed(self) -> None:
        chosen = self.view.selected()
        for widget in (self.pause_button, self.priority, self.priority_button):
            widget.setEnabled(chosen is not None)
        if chosen is not None:
            self.pause_button.setText(
                self.tr("Res&ume list") if chosen.paused else self.tr("&Pause list")
            )
            if not self.priority.hasFocus():
                self.priority.setValue(chosen.priority)

    @Slot()
    def _on_pause_button_clicked(self) -> None:
        chosen = self.view.selected()
        if chosen is not None:
            self._service.set_paused(chosen.list_id, not chosen.paused).on_failure(self._say)

    @Slot()
    def _on_priority_button_clicked(self) -> None:
        chosen = self.view.selected()
        if chosen is not None:
            job = self._service.set_priority(chosen.list_id, self.priority.value())
            job.on_failure(self._say)
