"""One dialer per data directory: a second launch hands its argument over and exits.

QLockFile decides who runs, before the window is built (a lock left by a killed instance is
stale and taken over, even where Qt cannot remove it: on a read-only or full disk Qt's own
removal needs a helper file it cannot write, and would read the dead owner as a live one).
QLocalServer only carries the message; it starts listening after the window's first frame, so
QtNetwork is not loaded before it (a second launch meanwhile retries for a moment). One UTF-8
line per launch: a JSON object with the argument and the activation token the launcher gave
the second launch (a plain line is taken as the argument alone).

The token matters on Wayland, where a window may come to the front only with an activation
token from whatever the user clicked, and to focus-stealing prevention elsewhere: the launcher
hands it to the process it starts (``XDG_ACTIVATION_TOKEN``; ``DESKTOP_STARTUP_ID`` under X11
startup notification), which is the second launch, not the running window. The running dialer
puts it in its own ``XDG_ACTIVATION_TOKEN``, which Qt's Wayland plugin uses (and clears) at
the window's next ``activateWindow()``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QObject, QSysInfo, QThread, Signal, Slot

if TYPE_CHECKING:  # QtNetwork loads when the server starts, after the window's first frame
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 1000
SEND_TIMEOUT_MS = 1000
HAND_OVER_ATTEMPTS = 10  # the running instance may still be starting its server
HAND_OVER_PAUSE_MS = 150  # between attempts: its server listens once its window is painted
TOKEN_VARIABLES = ("XDG_ACTIVATION_TOKEN", "DESKTOP_STARTUP_ID")


def activation_token(env: Mapping[str, str] = os.environ) -> str:
    """The activation token this process was started with (Wayland's, else X11's), or ''."""
    return next((env[name] for name in TOKEN_VARIABLES if env.get(name)), "")


def encode(argument: str, token: str, import_list: str = "", purpose: str = "") -> bytes:
    """One hand-over message: a JSON object on one line (``import_list``: an absolute path
    of a lead file to open in the import preview, only when given; ``purpose``: its
    ``--purpose``, only when given)."""
    message = {"argument": argument, "activation_token": token}
    if import_list:
        message["import_list"] = import_list
    if import_list and purpose:
        message["purpose"] = purpose
    return json.dumps(message).encode() + b"\n"


def decode_import_list(line: str) -> str:
    """The lead file a launch asked to import (an absolute path), or ''."""
    try:
        message = json.loads(line)
    except ValueError:
        return ""
    path = message.get("import_list") if isinstance(message, dict) else None
    return path if isinstance(path, str) and os.path.isabs(path) else ""


def decode_purpose(line: str) -> str:
    """The ``--purpose`` given with the lead file (as written: the window reads it), or ''."""
    try:
        message = json.loads(line)
    except ValueError:
        return ""
    purpose = message.get("purpose") if isinstance(message, dict) else None
    return purpose[:40] if isinstance(purpose, str) else ""


def decode(line: str) -> tuple[str, str]:
    """(argument, activation token) from one line; a plain line is an argument alone."""
    try:
        message = json.loads(line)
    except ValueError:
        return line, ""
    if not isinstance(message, dict):
        return line, ""
    argument, token = message.get("argument"), message.get("activation_token")
    return (argument if isinstance(argument, str) else ""), (
        token if isinstance(token, str) else ""
    )


def server_name(data_dir: Path) -> str:
    """A local socket name unique to this data directory (and so to demo vs. real)."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"dialer-app-{digest}"


class SingleInstance(QObject):
    """Holds the instance lock of a data directory and listens for later launches.

    Signals:
        received(str): another launch handed over its argument (may be empty: just show)
        import_requested(str): another launch asked to import a lead file (absolute path)
    """

    received = Signal(str)
    import_requested = Signal(str, str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        with contextlib.suppress(OSError):  # an unusable directory: see claim()
            data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(data_dir / "instance.lock"))
        self._lock.setStaleLockTime(0)  # stale only if its process is gone, never by age
        self._name = server_name(data_dir)
        self._server: QLocalServer | None = None

    def claim(self, *, listen: bool = True) -> bool:
        """True if this process is now the running instance (and listens for others, unless
        ``listen`` is False: then ``listen()`` starts that later, after the first frame)."""
        if not self._lock.tryLock(100):
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                log.warning("No instance lock in an unusable data directory: running alone")
                return True
            if not self._owner_is_gone():
                return False  # another dialer holds it
            if not (self._lock.removeStaleLockFile() and self._lock.tryLock(0)):
                log.warning("A stale instance lock cannot be removed here: running without it")
                return True
            log.info("Took over the instance lock of a dialer that is gone")
        if listen:
            self.listen()
        return True

    @Slot()
    def listen(self) -> None:
        """Listen for later launches (QtNetwork loads here); once."""
        if self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_server_new_connection)
        QLocalServer.removeServer(self._name)  # a socket file left by a killed instance
        if not self._server.listen(self._name):
            log.warning("Cannot listen for other launches: %s", self._server.errorString())
        else:
            log.info("Listening for other launches")

    def _owner_is_gone(self) -> bool:
        """True when the lock's owner is a process of this machine that no longer runs."""
        pid, host, _app = self._lock.getLockInfo()
        if pid <= 0:
            return True  # an empty or unreadable lock file names no owner
        if host and host != QSysInfo.machineHostName():
            return False  # another machine's (a shared folder): it cannot be checked
        return pid != os.getpid() and not process_alive(pid)

    def hand_over(
        self, argument: str, token: str | None = None, import_list: str = "", purpose: str = ""
    ) -> bool:
        """Send ``argument`` and the activation token (default: this process's) to the
        running instance, and a lead file to import (with its purpose) if any; True once it
        has them."""
        from PySide6.QtNetwork import QLocalSocket

        token = activation_token() if token is None else token
        message = encode(argument, token, import_list, purpose)
        for attempt in range(HAND_OVER_ATTEMPTS):
            if attempt:
                QThread.msleep(HAND_OVER_PAUSE_MS)  # this launch has no window to keep alive
            socket = QLocalSocket()
            socket.connectToServer(self._name)
            if socket.waitForConnected(CONNECT_TIMEOUT_MS):
                socket.write(QByteArray(message))
                sent = socket.waitForBytesWritten(SEND_TIMEOUT_MS)
                socket.disconnectFromServer()
                return bool(sent)
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()

    @Slot()
    def _on_server_new_connection(self) -> None:
        if self._server is None:
            return
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(self._on_socket_ready_read)
            socket.disconnected.connect(socket.deleteLater)

    @Slot()
    def _on_socket_ready_read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket  # loaded by listen()

        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        while socket.canReadLine():
            line = bytes(socket.readLine().data()).decode("utf-8", errors="replace").strip()
            argument, token = decode(line)
            if token:
                log.info("Activation token handed over with the launch")
                os.environ["XDG_ACTIVATION_TOKEN"] = token  # used by the next activateWindow()
            lead_file = decode_import_list(line)
            if lead_file:
                self.import_requested.emit(lead_file, decode_purpose(line))
            else:
                self.received.emit(argument)


def process_alive(pid: int) -> bool:
    """True if process ``pid`` runs on this machine (never signals or ends it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether it exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, as another user
    return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes

    query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return bool(kernel32.GetLastError() == 5)  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
