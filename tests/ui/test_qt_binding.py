"""Guards against a Qt binding that miscounts references to None.

PySide6 6.12.0 dropped a reference to None each time an empty QVariant reached Python (an
empty combo's currentData(), a model index with no data): after enough calls the interpreter
aborts with "deallocating None". The app pins a release without that bug; this test fails
on an upgrade that brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot


def test_empty_values_from_qt_keep_none_alive(qtbot: QtBot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    before = sys.getrefcount(None)
    for _ in range(1000):
        assert combo.currentData() is None
    assert sys.getrefcount(None) >= before - 10  # a few may come and go; 1,000 must not
