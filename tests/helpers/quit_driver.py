"""The real app, by its entry point, for the quit tests: ``quit_driver.py BASE_URL DATA_DIR``.

It runs ``dialer_app.app.main`` against BASE_URL with the key from ``$DIALER_TEST_AUTHCODE``
(a one-key keyring: nothing on disk) and clients with short timeouts, and, once the lists are
in, places one call and prints ``CALLING``. The test then asks it to quit from outside.
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import keyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dialer_app.app import main
from dialer_app.ui.main_window import MainWindow
from tests.helpers.crash_driver import FIRST, _OneKey
from tests.helpers.harness import ClientFactory


class Driver:
    """Places one call once the window has its lists."""

    def __init__(self) -> None:
        self.called = False

    def tick(self) -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if self.called or not windows:
            return
        form = windows[0].form
        if form.member_combo.count() and form.deskphone_combo.count():
            self.called = True
            form.number_edit.setText(FIRST)
            form.call_button.click()
            print("CALLING", flush=True)


def run() -> int:
    base_url, data_dir = sys.argv[1], sys.argv[2]
    keyring.set_keyring(_OneKey(base_url, os.environ.pop("DIALER_TEST_AUTHCODE")))
    app = QApplication([sys.argv[0]])
    driver = Driver()
    timer = QTimer(app)
    timer.timeout.connect(driver.tick)
    timer.start(20)
    return main(["--base-url", base_url, "--data-dir", data_dir], client_factory=ClientFactory())


if __name__ == "__main__":
    sys.exit(run())
