"""The tray icon: show the window, take a number from the clipboard, quit; and notifications."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from dialer_app.core.messages import describe_result
from dialer_app.core.phone import format_national
from dialer_app.core.records import HistoryRow
from dialer_app.services import settings as keys_of
from dialer_app.services.calls import CallAttempt, CallService
from dialer_app.services.settings import Settings
from dialer_app.services.verdicts import VerdictTracker
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import app_icon
from dialer_app.ui.common.plain import notification
from dialer_app.ui.main_window import MainWindow


class Tray(QObject):
    """Lives beside the window; absent where the desktop has no system tray."""

    def __init__(
        self,
        window: MainWindow,
        calls: CallService,
        verdicts: VerdictTracker | None,
        settings: Settings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip(window.windowTitle())
        menu = QMenu(window)
        show = QAction(self.tr("Show the dialer"), menu)
        paste = QAction(self.tr("Place call from clipboard…"), menu)
        self.keep_running = QAction(self.tr("Keep running in the tray when closed"), menu)
        self.keep_running.setCheckable(True)
        self.keep_running.setChecked(settings.get(keys_of.CLOSE_TO_TRAY))
        quit_action = QAction(self.tr("Quit"), menu)
        for action in (show, paste, self.keep_running, quit_action):
            menu.addAction(action)
        self.icon.setContextMenu(menu)
        show.triggered.connect(self._on_show_triggered)
        paste.triggered.connect(self._on_paste_triggered)
        self.keep_running.toggled.connect(self._on_keep_running_toggled)
        quit_action.triggered.connect(window.quit)
        self.icon.activated.connect(self._on_icon_activated)
        calls.call_finished.connect(self._on_calls_call_finished)
        if verdicts is not None:
            verdicts.worst_case.connect(self._on_verdicts_worst_case)
        window.live_flow.summary_changed.connect(self._on_live_summary_changed)
        window.live_flow.customer_waiting.connect(self._on_live_customer_waiting)
        window.set_close_to_tray(self.keep_running.isChecked())
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    @Slot()
    def _on_show_triggered(self) -> None:
        self._window.bring_to_front()

    @Slot()
    def _on_paste_triggered(self) -> None:
        self._window.receive_number(
            QGuiApplication.clipboard().text(), source=self.tr("the clipboard")
        )

    @Slot(bool)
    def _on_keep_running_toggled(self, checked: bool) -> None:
        self._settings.set(keys_of.CLOSE_TO_TRAY, checked)
        self._window.set_close_to_tray(checked)

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._window.bring_to_front()

    @Slot(object)
    def _on_calls_call_finished(self, attempt: CallAttempt) -> None:
        if not self._window.isVisible() or self._window.isMinimized():
            text = translated(describe_result(attempt.result, attempt.request.customer_number))
            self.icon.showMessage(
                self.tr("Dialer"), notification(text), QSystemTrayIcon.MessageIcon.Information
            )

    @Slot(str)
    def _on_live_summary_changed(self, summary: str) -> None:
        title = self._window.windowTitle()
        # The summary may carry the service's callstatus: treated like a notification's text.
        self.icon.setToolTip(notification(f"{title}\n{summary}" if summary else title))

    @Slot(object)
    def _on_live_customer_waiting(self, row: HistoryRow) -> None:
        who = format_national(row.customer_number)
        self.icon.showMessage(
            self.tr("Customer waiting"),
            self.tr("{number} answered and is waiting on the line: pick up your phone.").format(
                number=who
            ),
            QSystemTrayIcon.MessageIcon.Warning,
        )

    @Slot(object)
    def _on_verdicts_worst_case(self, row: HistoryRow) -> None:
        if not self._window.isVisible() or self._window.isMinimized():
            who = format_national(row.customer_number)
            self.icon.showMessage(
                self.tr("Customer left waiting"),
                notification(
                    self.tr(
                        "{number} answered but the member did not pick up. F9 in the dialer "
                        "calls again."
                    ).format(number=who)
                ),
                QSystemTrayIcon.MessageIcon.Warning,
            )
