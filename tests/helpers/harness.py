"""Drive the real window through one faulty call and look for the key everywhere afterwards."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk as AppDesk
from dialer_app.core.callerdesk.client import CallerDeskClient
from dialer_app.services.calls import CallAttempt
from tests.helpers.keys import SENTINEL

# Short enough for a quick matrix, long enough for loopback on a loaded CI machine.
FAST_TIMEOUT = httpx.Timeout(1.0, connect=0.3)
FAST_DEADLINE = 1.5  # past the read timeout, so a stall still reads as one
CUSTOMER = "98765 43210"
CALL_WAIT_MS = 10_000


@dataclass
class ClientFactory:
    """Builds the app's clients with short timeouts; a base URL may get a respx transport."""

    transports: dict[str, httpx.BaseTransport] = field(default_factory=dict)

    def __call__(self, base_url: str, authcode: str) -> CallerDeskClient:
        transport = self.transports.get(base_url)
        return CallerDeskClient(
            base_url,
            authcode,
            transport=transport,
            call_transport=transport,
            timeout=FAST_TIMEOUT,
            deadline=FAST_DEADLINE,
        )


@dataclass
class Desk:
    """The running app and the agent's hands on it."""

    parts: AppDesk
    qtbot: QtBot
    data_dir: Path
    dialogs: list[str]
    banners: list[str] = field(default_factory=list)

    def wait_for_lists(self) -> None:
        form = self.parts.window.form
        self.qtbot.waitUntil(lambda: form.member_combo.count() > 0, timeout=5000)
        self.qtbot.waitUntil(lambda: form.deskphone_combo.count() > 0, timeout=5000)

    def call(self, number: str = CUSTOMER) -> CallAttempt:
        """Type the number and press Call once; the report once the outcome is known."""
        window = self.parts.window
        window.form.number_edit.setText(number)
        with self.qtbot.waitSignal(self.parts.calls.call_finished, timeout=CALL_WAIT_MS) as done:
            window.form.call_button.click()
        self.qtbot.waitUntil(window.form.call_button.isEnabled, timeout=CALL_WAIT_MS)
        self.banners.append(window.outcome_label.text())
        report: CallAttempt = done.args[0]
        return report

    @property
    def banner(self) -> str:
        """The outcome banner as the agent reads it (rendered: markup becomes formatting)."""
        return rendered(self.parts.window.outcome_label.text())

    def history_rows(self) -> list[tuple[str, str, str | None]]:
        """(outcome, message, campid) of every row on disk, oldest first."""
        with sqlite3.connect(self.data_dir / "history.sqlite3") as db:
            rows = db.execute("SELECT outcome, message, campid FROM calls ORDER BY id").fetchall()
        return [(str(a), str(b), None if c is None else str(c)) for a, b, c in rows]


def rendered(rich_text: str) -> str:
    document = QTextDocument()
    document.setHtml(rich_text)
    return " ".join(document.toPlainText().split())


def visible_texts(root: QWidget) -> list[str]:
    """Every text a widget tree shows or tells assistive technology, models included."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        text = getattr(widget, "text", None)
        if callable(text):
            texts.append(str(text()))
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget)
    status = getattr(root, "statusBar", None)
    if callable(status):
        texts.append(status().currentMessage())
    return texts


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    return [
        str(model.data(model.index(row, column), role))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        for role in roles
    ]


def leaks(desk: Desk, log_text: str) -> list[str]:
    """Where the sentinel key turned up: empty when it is nowhere."""
    found = []
    if SENTINEL in log_text:
        found.append("log records")
    for where, texts in (
        ("window", visible_texts(desk.parts.window)),
        ("banners", desk.banners),
        ("dialogs", desk.dialogs),
        ("history rows", [repr(row) for row in desk.history_rows()]),
    ):
        if any(SENTINEL in text for text in texts):
            found.append(where)
    for path in sorted(desk.data_dir.rglob("*")):
        if path.is_file() and SENTINEL.encode() in path.read_bytes():
            found.append(str(path.relative_to(desk.data_dir)))
    return found


def unmasked_numbers(desk: Desk, numbers: tuple[str, ...] = (CUSTOMER,)) -> list[str]:
    """Customer numbers written whole to the log files (they keep only their last 4 digits)."""
    logs = "".join(p.read_text("utf-8") for p in desk.data_dir.glob("dialer.log*"))
    forms = {form for number in numbers for form in (number, number.replace(" ", ""))}
    return sorted(form for form in forms if form in logs)
