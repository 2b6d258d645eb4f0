"""The app as a separate process with a call-down list: ``list_crash_driver.py BASE_URL DATA_DIR``.

Like ``crash_driver.py`` (the key from ``$DIALER_TEST_AUTHCODE`` in an in-memory keyring), but
the data directory already holds an active list: once the lead is in the form it presses Return
in the number field, as the agent does, and prints ``CALLING``. The test kills it with SIGKILL
while that request is in flight.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import keyring
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dialer_app.composition import assemble
from dialer_app.core.config import Paths
from dialer_app.core.logsetup import Redactor, configure
from tests.helpers.crash_driver import _OneKey

LEAD = "98765 43211"


def main() -> None:
    base_url, data_dir = sys.argv[1], Path(sys.argv[2])
    keyring.set_keyring(_OneKey(base_url, os.environ.pop("DIALER_TEST_AUTHCODE")))
    app = QApplication([sys.argv[0]])
    redactor = Redactor()
    configure(redactor, Paths(data_dir).log)
    parts = assemble(Paths(data_dir), redactor, base_url=base_url)
    parts.window.show()
    parts.window.start()
    form = parts.window.form
    pressed = [False]

    def tick() -> None:
        ready = form.member_combo.count() and form.deskphone_combo.count()
        if ready and not pressed[0] and form.number_edit.text() == LEAD:
            pressed[0] = True
            QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
            print("CALLING", flush=True)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    app.exec()


if __name__ == "__main__":
    main()
