"""The agent window's Team menu on a team's desk: Pause (F10) and, for a supervisor, Supervisor
view.

Whether the desk's login may supervise (it holds ``dialer_supervisor`` or owns the database)
is asked on a worker (``TeamDoor.supervisor_login``) when the desk starts, and again when the
database answers after it could not, or when the menu opens while the answer is still missing;
"Supervisor view" is shown only for such a login. It opens the supervisor's window on the same
database and login, with this desk's password (its modules, charts among them, load only
then); asked again, it brings the open window forward instead of opening a second. Closing the
agent's window closes it too; its sessions close on their own workers.

Signals:
    checked(bool): the login was asked: True when it may supervise
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from dialer_app.services.runner import Job
from dialer_app.services.team_door import SupervisorLogin
from dialer_app.ui.supervisor.pause_picker import PauseKey

if TYPE_CHECKING:
    from dialer_app.services.supervisor import SupervisorService
    from dialer_app.ui.supervisor.window import SupervisorWindow


class TeamMenu(QObject):
    """The Team menu of ``window``, its supervisor's window, and the check of the login."""

    checked = Signal(bool)

    def __init__(
        self, window: QMainWindow, pause: PauseKey,
        supervisor_login: Callable[[], Job[SupervisorLogin | None]], alert_minutes: int,
        *, closing: SignalInstance, reachable_changed: SignalInstance,
    ) -> None:  # fmt: skip
        super().__init__(window)
        self._login_of, self._alert = supervisor_login, alert_minutes
        self.menu = window.menuBar().addMenu(self.tr("&Team"))
        self.menu.setObjectName("teamMenu")
        self.menu.addAction(pause.action)
        self.menu.addSeparator()  # hidden with the entry after it (separators collapse)
        self.supervisor_action = QAction(self.tr("&Supervisor view"), window)
        self.supervisor_action.setObjectName("supervisorViewAction")
        self.supervisor_action.setVisible(False)  # until the login is known to supervise
        self.supervisor_action.triggered.connect(self.open_supervisor)
        self.menu.addAction(self.supervisor_action)
        self.login: SupervisorLogin | None = None
        self.known = False  # the login was asked and answered
        self.supervisor: SupervisorWindow | None = None
        self._asking: Job[SupervisorLogin | None] | None = None
        self._closing: set[SupervisorService] = set()  # kept until their sessions closed
        self.menu.aboutToShow.connect(self.check)
        reachable_changed.connect(self._on_reachable_changed)
        closing.connect(self.close_supervisor)

    @Slot()
    def check(self) -> None:
        """Ask whether the login may supervise, unless answered or being asked."""
        if self.known or (self._asking is not None and not self._asking.done):
            return
        self._asking = self._login_of().on_success(self._on_login_answered)

    @Slot(bool)
    def _on_reachable_changed(self, reachable: bool) -> None:
        if reachable:
            self.check()

    @Slot(object)
    def _on_login_answered(self, login: SupervisorLogin | None) -> None:
        self.login, self.known = login, True
        self.supervisor_action.setVisible(login is not None)
        self.checked.emit(login is not None)

    @Slot()
    def open_supervisor(self) -> None:
        """The supervisor's window, opened once; brought forward when it is open."""
        if self.supervisor is not None:
            self.supervisor.showNormal()
            self.supervisor.raise_()
            self.supervisor.activateWindow()
            return
        login = self.login
        if login is None:
            return
        from dialer_app.ui.supervisor.window import SupervisorWindow

        shown = SupervisorWindow.open(login.target, login.policy, login.password, self._alert)
        self.supervisor = shown
        shown.destroyed.connect(self._on_supervisor_destroyed)
        service = shown.service
        self._closing.add(service)
        service.closed.connect(self._on_service_closed)

    @Slot()
    def _on_supervisor_destroyed(self) -> None:
        self.supervisor = None

    @Slot()
    def _on_service_closed(self) -> None:
        self._closing = {service for service in self._closing if service is not self.sender()}

    @Slot()
    def close_supervisor(self) -> None:
        """The agent's window is closing: the supervisor's goes with it."""
        if self.supervisor is not None:
            self.supervisor.close()
