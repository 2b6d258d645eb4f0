"""The UI parts' tests read the app's English catalogue, as the window does at start-up."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from dialer_app.ui.language import install_translations


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> None:
    """English plural forms ("1 row", "2 rows"), whatever an earlier test installed."""
    install_translations(qapp, "en")
