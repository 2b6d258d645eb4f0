"""Fixtures of the fault matrix, and the hook that renders docs/reliability.md from its results.

The hook writes the document only where ``$DIALER_RELIABILITY_DOC`` says (set by
``scripts/reliability-report``); a plain test run fails when the committed one is stale.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dialer_app.composition import assemble
from dialer_app.core.config import Paths
from dialer_app.core.logsetup import Redactor, configure
from dialer_app.sandbox import Sandbox
from dialer_app.ui.common.dialogs import AccountDialog, ConfirmRedial
from dialer_app.ui.language import install_translations
from tests.helpers.harness import ClientFactory, Desk
from tests.helpers.keys import SENTINEL, MemoryKeyring
from tests.helpers.matrix import DOC_VARIABLE, STORAGE_KEYS, Collector, finish

# Every row docs/reliability.md must have, in table order (see test_matrix.CASES).
MATRIX_KEYS = (
    "normal",
    "refused",
    "dns",
    "tls_untrusted",
    "tls_plain_http",
    "connect_timeout",
    "read_timeout",
    "drop",
    "cut_mid_body",
    "reset",
    "trickle_headers",
    "trickle_body",
    "http_500",
    "http_502",
    "redirect_302",
    "html_page",
    "json_no_type",
    "unknown_type",
    "truncated_json",
    "invalid_auth",
    "agent_on_break",
    "account_inactive",
    "invalid_deskphone",
    "unknown_message",
    "message_echoes_key",
    "message_with_markup",
    "message_too_long",
    "sigkill",
)
_collector = Collector(MATRIX_KEYS, storage_expected=STORAGE_KEYS)

Launch = Callable[..., Desk]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Note failures and strict-xfail gaps (called for tests in this directory only)."""
    if report.failed:
        _collector.failed.append(report.nodeid)
    elif report.when == "call" and hasattr(report, "wasxfail"):
        reason = str(report.wasxfail).removeprefix("reason: ")
        _collector.known_gaps[report.nodeid.rsplit("/", 1)[-1]] = reason


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write the document where $DIALER_RELIABILITY_DOC says; else fail if docs/ is stale."""
    line, failed = finish(_collector, os.environ.get(DOC_VARIABLE))
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if line and reporter is not None:
        reporter.write_line(line, red=failed)
    if failed:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> None:
    """The app's English catalogue, as the app loads it at start-up: the document says the
    same whichever tests ran before (the e2e tests load it too)."""
    install_translations(qapp, "en")


@pytest.fixture(scope="session")
def matrix() -> Collector:
    """The session's collector: each matrix test records the row it observed."""
    return _collector


@pytest.fixture
def client_factory() -> ClientFactory:
    """The app's own assembly, but every client it makes has short timeouts."""
    return ClientFactory()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every dialog text shown; the re-dial question is answered "call again"."""
    shown: list[str] = []

    def confirm(cls, parent, text: str) -> bool:  # type: ignore[no-untyped-def]
        shown.append(text)
        return True

    def account(
        cls: object, /, parent: object, base_url: str, has_key: bool, note: str, **_: object
    ) -> None:
        shown.append(f"account dialog: {base_url} {note}")

    monkeypatch.setattr(ConfirmRedial, "ask", classmethod(confirm))
    monkeypatch.setattr(AccountDialog, "ask", classmethod(account))
    return shown


@pytest.fixture
def launch(
    qtbot: QtBot,
    data_dir: Path,
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,
    client_factory: ClientFactory,
    dialogs: list[str],
    root_logging: logging.Logger,
) -> Iterator[Launch]:
    """Start the real window against the sandbox, the key coming from the (memory) keyring."""
    memory_keyring.set_password("dialer-app", sandbox.base_url, SENTINEL)
    redactor = Redactor()
    configure(redactor, Paths(data_dir).log, debug=True)
    started: list[Desk] = []

    def start() -> Desk:
        parts = assemble(
            Paths(data_dir), redactor, base_url=sandbox.base_url, client_factory=client_factory
        )
        qtbot.addWidget(parts.window)
        parts.window.show()
        parts.window.start()
        desk = Desk(parts, qtbot, data_dir, dialogs)
        started.append(desk)
        return desk

    yield start
    for desk in started:
        desk.parts.window.close()
