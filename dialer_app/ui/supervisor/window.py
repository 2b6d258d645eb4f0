"""The supervisor's window: Lists, Agents, Call-backs, Charts and Recycling, kept live.

Its title begins "Supervisor"; it opens on Agents; Ctrl+1 Lists, Ctrl+2 Agents, Ctrl+3
Call-backs, Ctrl+4 Charts (Ctrl+5 Recycling). Every part is fed by ``SupervisorService``'s
snapshots (read on a worker; only the parts that changed); the window never touches the
database. A failure is one sentence in the status line, the tables keeping what they showed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from dialer_app.core.team.errors import TeamError
from dialer_app.core.team.feed import Snapshot
from dialer_app.core.text import Sentence
from dialer_app.services.supervisor import SupervisorService
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named
from dialer_app.ui.supervisor.callbacks_tab import CallBacksTab
from dialer_app.ui.supervisor.charts_tab import ChartsTab
from dialer_app.ui.supervisor.lists_tab import ListsTab
from dialer_app.ui.supervisor.recycling_tab import RecyclingTab
from dialer_app.ui.supervisor.tables import AgentsView, DeskClock

if TYPE_CHECKING:
    from dialer_app.core.team.claim import Policy
    from dialer_app.core.team.connect import PasswordSource, TeamTarget

LISTS, AGENTS, CALL_BACKS, CHARTS, RECYCLING = range(5)


class SupervisorWindow(QMainWindow):
    """The supervisor's desk on the team database at ``where``."""

    def __init__(self, service: SupervisorService, where: str, alert_minutes: int) -> None:
        super().__init__()
        self.service = self._service = service
        self.setObjectName("supervisorWindow")
        self.setWindowTitle(self.tr("Supervisor — {where}").format(where=where))
        self.clock = DeskClock()
        self.lists = ListsTab(service, self.say)
        self.agents = AgentsView(self.clock, alert_minutes)
        self.call_backs = CallBacksTab(service, self.say)
        self.charts = ChartsTab(service, self.say)
        self.recycling = RecyclingTab(service, self.say)
        self.tabs = named(QTabWidget(), "supervisorTabs", self.tr("Supervisor"))
        self.tabs.addTab(self.lists, self.tr("&Lists"))
        self.tabs.addTab(self.agents, self.tr("&Agents"))
        self.tabs.addTab(self.call_backs, self.tr("&Call-backs"))
        self.tabs.addTab(self.charts, self.tr("C&harts"))
        self.tabs.addTab(self.recycling, self.tr("&Recycling"))
        self.tabs.setCurrentIndex(AGENTS)
        self.setCentralWidget(self.tabs)
        self.status = named(QLabel(), "supervisorStatus", self.tr("Status"))
        self.statusBar().addWidget(self.status, 1)
        self._shortcuts: dict[QShortcut, int] = {}
        for number, index in enumerate((LISTS, AGENTS, CALL_BACKS, CHARTS, RECYCLING), start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(self._on_shortcut_activated)
            self._shortcuts[shortcut] = index
        service.snapshot.connect(self._on_service_snapshot)
        self.resize(1200, 640)

    @classmethod
    def open(
        cls, target: TeamTarget, policy: Policy, password: PasswordSource | None,
        alert_minutes: int,
    ) -> SupervisorWindow:  # fmt: skip
        """The window on ``target``, shown, its feed started (``--supervisor``, and the agent
        window's Team → Supervisor view); closing it stops the feed (the service's ``closed``
        follows once its sessions are closed, on their workers)."""
        window = cls(SupervisorService(target, policy, password), target.where, alert_minutes)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.service.start()
        return window

    @Slot()
    def _on_shortcut_activated(self) -> None:
        index = self._shortcuts.get(self.sender())  # type: ignore[call-overload]
        if index is not None:
            self.tabs.setCurrentIndex(index)

    def say(self, what: object) -> None:
        """A sentence, a team failure or any exception, as one line of plain text."""
        if isinstance(what, TeamError):
            text = translated(what.sentence)
        elif isinstance(what, Sentence):
            text = translated(what)
        else:
            text = str(what)
        self.status.setText(text)

    @Slot(object)
    def _on_service_snapshot(self, snapshot: Snapshot) -> None:
        if snapshot.error is not None:
            self.say(snapshot.error)
            return
        self.status.clear()
        if snapshot.now is not None:
            self.clock.seen(snapshot.now)
        if snapshot.agents is not None:
            first = not self.agents.agents.rows()
            self.agents.agents.replace(snapshot.agents)
            self.call_backs.show_agents(snapshot.agents)
            if first and snapshot.agents:
                self.agents.fit_columns()
        if snapshot.lists is not None:
            self.lists.show_lists(snapshot.lists, snapshot.lists_complete)
            self.recycling.show_lists(snapshot.lists, snapshot.lists_complete)
        if snapshot.call_backs is not None:
            self.call_backs.show_call_backs(snapshot.call_backs)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._service.stop()
        super().closeEvent(event)
