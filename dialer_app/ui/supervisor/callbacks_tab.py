"""The Call-backs tab: call-backs due and overdue, whose they are; reassign one."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dialer_app.core.team.watch import AgentRow, CallBackRow
from dialer_app.core.text import plain
from dialer_app.services.supervisor import SupervisorService
from dialer_app.ui.common.naming import named
from dialer_app.ui.supervisor.lists_tab import Say
from dialer_app.ui.supervisor.tables import LiveTable, call_backs_table


class CallBacksTab(QWidget):
    """The call-backs' table; a call-back goes to another agent, or to anyone at once."""

    def __init__(self, service: SupervisorService, say: Say) -> None:
        super().__init__()
        self._service, self._say = service, say
        self.view: LiveTable[CallBackRow] = call_backs_table()
        self.agent = named(QComboBox(), "reassignCombo", self.tr("Give the call-back to"))
        self.agent.addItem(self.tr("Anyone"), None)
        self.button = named(
            QPushButton(self.tr("Reass&ign")), "reassignButton", self.tr("Reassign")
        )
        label = QLabel(self.tr("Give to:"))
        label.setBuddy(self.agent)
        row = QHBoxLayout()
        for widget in (label, self.agent, self.button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.button.clicked.connect(self._on_button_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self._on_view_selection_changed()

    def show_call_backs(self, rows: tuple[CallBackRow, ...]) -> None:
        first = not self.view.model_rows.rows()
        self.view.model_rows.replace(rows)
        if first and rows:
            self.view.fit_columns()
        self._on_view_selection_changed()

    def show_agents(self, agents: tuple[AgentRow, ...]) -> None:
        """The agents a call-back can go to (names as plain text), the choice kept."""
        wanted = [(plain(a.name or a.member), a.member) for a in agents]
        have = [(self.agent.itemText(i), self.agent.itemData(i))
                for i in range(1, self.agent.count())]  # fmt: skip
        if wanted == have:
            return
        chosen = self.agent.currentData()
        while self.agent.count() > 1:
            self.agent.removeItem(1)
        for name, member in wanted:
            self.agent.addItem(name, member)
        self.agent.setCurrentIndex(max(0, self.agent.findData(chosen)))

    @Slot()
    def _on_view_selection_changed(self) -> None:
        self.button.setEnabled(self.view.selected() is not None)

    @Slot()
    def _on_button_clicked(self) -> None:
        chosen = self.view.selected()
        if chosen is None:
            return
        member = self.agent.currentData()
        self._service.reassign(chosen.lead_id, member).on_failure(self._say)
