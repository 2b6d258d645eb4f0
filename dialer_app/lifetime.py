"""How the app hears that it must quit: SIGINT, SIGTERM and the desktop session ending.

Each of them asks the Qt application to quit, and ``aboutToQuit`` runs the one shutdown
(``Desk.shutdown``). Python runs a signal handler only between bytecodes, and the GUI thread
sits in Qt's event loop, so the handler also writes to a socket pair (``set_wakeup_fd``) that
a ``QSocketNotifier`` watches: the loop wakes, Python runs, the handler asks Qt to quit. No
``KeyboardInterrupt`` is ever raised inside a Qt callback.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Slot
from PySide6.QtGui import QGuiApplication, QSessionManager

log = logging.getLogger(__name__)

QUIT_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Lifetime(QObject):
    """Turns quit requests from outside Qt into ``app.quit()``, after ``shutdown`` ran."""

    def __init__(self, app: QGuiApplication, shutdown: Callable[[], None]) -> None:
        super().__init__(app)
        self._app = app
        self._shutdown = shutdown
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup_activated)
        self._previous = {number: signal.signal(number, self._on_signal) for number in QUIT_SIGNALS}
        app.aboutToQuit.connect(self._on_app_about_to_quit)
        app.commitDataRequest.connect(self._on_app_commit_data_request)

    def _on_signal(self, number: int, _frame: FrameType | None) -> None:
        log.info("Quitting on %s", signal.Signals(number).name)
        self._app.quit()

    @Slot()
    def _on_wakeup_activated(self) -> None:
        # The handler itself has run by now (Python ran to get here); drop the bytes. After
        # restore() the socket is closed: a wake-up still queued then finds nothing to read.
        with contextlib.suppress(OSError):
            while self._reader.recv(64):
                pass

    @Slot(QSessionManager)
    def _on_app_commit_data_request(self, _manager: QSessionManager) -> None:
        # The session is ending: the process may be ended as soon as this returns, so the
        # shutdown runs now rather than waiting for the event loop to reach aboutToQuit.
        log.info("Quitting: the desktop session is ending")
        self._shutdown()
        self._app.quit()

    @Slot()
    def _on_app_about_to_quit(self) -> None:
        self._shutdown()
        self.restore()

    def restore(self) -> None:
        """Give the signals back to whoever had them (the process is about to exit)."""
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._notifier.activated.disconnect(self._on_wakeup_activated)
        self._reader.close()
        self._writer.close()
