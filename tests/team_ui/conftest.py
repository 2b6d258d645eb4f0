"""The supervisor's window against the real PostgreSQL of the team tests (tests/team)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dialer_app.core.team.claim import Policy
from dialer_app.services.supervisor import SupervisorService
from dialer_app.ui.language import install_translations
from dialer_app.ui.supervisor.window import SupervisorWindow
from tests.team.conftest import (  # noqa: F401 - the team database fixtures
    StoreFactory,
    TeamDb,
    cluster,
    empty_db,
    pgpassword,
    stores,
    team_db,
)


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> None:
    install_translations(qapp, "en")


@pytest.fixture
def window(qtbot: QtBot, team_db: TeamDb, pgpassword: None) -> Iterator[SupervisorWindow]:  # noqa: F811
    """The supervisor's window, its feed started, as ``dialer-app --supervisor`` opens it."""
    service = SupervisorService(team_db.target("supervisor"), Policy())
    shown = SupervisorWindow(service, "127.0.0.1:5432/team", alert_minutes=15)
    qtbot.addWidget(shown)
    shown.show()
    service.start()
    yield shown
    shown.close()
    assert service.wait(5000)  # its sessions closed on their workers
