"""The app as a separate process, for the SIGKILL test: ``crash_driver.py BASE_URL DATA_DIR GO``.

It assembles the real app (``dialer_app.app.assemble``) against BASE_URL with the key from
``$DIALER_TEST_AUTHCODE`` (an in-memory keyring: nothing on disk), places one call, prints
``FIRST <outcome>``, waits for the file GO to exist, places a second call and prints
``SECOND``. The test kills it with SIGKILL while that second request is in flight.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import keyring
from keyring.backend import KeyringBackend
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dialer_app.composition import assemble
from dialer_app.core.config import Paths
from dialer_app.core.logsetup import Redactor, configure
from dialer_app.services.calls import CallAttempt

FIRST, SECOND = "98765 43210", "91234 56789"


class _OneKey(KeyringBackend):
    priority = 1

    def __init__(self, base_url: str, key: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring's own is untyped
        self._entry = ("dialer-app", base_url)
        self._key = key

    def get_password(self, service: str, username: str) -> str | None:
        return self._key if (service, username) == self._entry else None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


def main() -> None:
    base_url, data_dir, go = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    keyring.set_keyring(_OneKey(base_url, os.environ.pop("DIALER_TEST_AUTHCODE")))
    app = QApplication([sys.argv[0]])
    redactor = Redactor()
    configure(redactor, Paths(data_dir).log)
    parts = assemble(Paths(data_dir), redactor, base_url=base_url)
    parts.window.show()
    parts.window.start()
    form = parts.window.form
    step = ["lists"]

    def on_finished(report: CallAttempt) -> None:
        print("FIRST", report.result.outcome.value, flush=True)
        step[0] = "wait for go"

    parts.calls.call_finished.connect(on_finished)

    def tick() -> None:
        if step[0] == "lists" and form.member_combo.count() and form.deskphone_combo.count():
            step[0] = "first call"
            form.number_edit.setText(FIRST)
            form.call_button.click()
        elif step[0] == "wait for go" and go.exists():
            step[0] = "second call"
            form.number_edit.setText(SECOND)
            form.call_button.click()
            print("SECOND", flush=True)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    app.exec()


if __name__ == "__main__":
    main()
