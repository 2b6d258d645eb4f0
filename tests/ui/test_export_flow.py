"""Exporting from the window: progress while it runs, Cancel, and no half file ever."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from dialer_app.core.history.store import HistoryStore
from dialer_app.core.records import CallRequest, CallResult, HistoryQuery, Outcome
from dialer_app.services.history import HistoryService
from dialer_app.services.runner import Runner
from dialer_app.ui.history.export_flow import ExportFlow

TIMEOUT_MS = 10_000


class GatedStore(HistoryStore):
    """A history whose export waits at its first batch until the test opens the gate."""

    gate = threading.Event()

    def export_batches(
        self, query: HistoryQuery, columns: str, batch: int = 100
    ) -> tuple[int, Iterator[list[tuple[object, ...]]]]:
        total, batches = super().export_batches(query, columns, batch=100)

        def gated() -> Iterator[list[tuple[object, ...]]]:
            self.gate.wait(TIMEOUT_MS / 1000)
            yield from batches

        return total, gated()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[GatedStore]:
    history = GatedStore(tmp_path / "history.sqlite3")
    GatedStore.gate = threading.Event()
    for i in range(1000):
        row_id = history.begin(CallRequest(f"98{i:08d}", "9700009153", "01204000000", 0, "Asha"))
        history.finish(row_id, CallResult(Outcome.PLACED, "", str(i)))
    yield history
    GatedStore.gate.set()
    history.close()


@pytest.fixture
def flow(qtbot: QtBot, store: GatedStore) -> Iterator[tuple[ExportFlow, list[str]]]:
    window = QWidget()
    qtbot.addWidget(window)
    runner = Runner(parent=window)
    export = ExportFlow(HistoryService(store, runner, window), window)
    notices: list[str] = []
    export.notice.connect(lambda notice: notices.append(notice.text))
    yield export, notices
    GatedStore.gate.set()
    runner.wait(TIMEOUT_MS)


def test_progress_shows_how_far_it_is_without_blocking_the_window(
    qtbot: QtBot, flow: tuple[ExportFlow, list[str]], tmp_path: Path
) -> None:
    export, notices = flow
    target = tmp_path / "out" / "history.csv"
    export.start(HistoryQuery(), target)
    qtbot.waitUntil(lambda: export.progress.maximum() == 1000, timeout=TIMEOUT_MS)
    assert "0 of 1,000 rows" in export.progress.labelText()
    assert export.progress.windowModality() == Qt.WindowModality.NonModal
    assert QApplication.activeModalWidget() is None
    GatedStore.gate.set()
    qtbot.waitUntil(
        lambda: any(text.startswith("Exported") for text in notices), timeout=TIMEOUT_MS
    )
    assert notices[-1] == f"Exported 1000 rows to {target}"
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 1001
    assert not export.running


def test_cancel_stops_it_and_leaves_the_old_file_as_it_was(
    qtbot: QtBot, flow: tuple[ExportFlow, list[str]], tmp_path: Path
) -> None:
    export, notices = flow
    target = tmp_path / "out" / "history.csv"
    target.parent.mkdir()
    target.write_text("yesterday's export", encoding="utf-8")
    export.start(HistoryQuery(), target)
    qtbot.waitUntil(lambda: export.progress.maximum() == 1000, timeout=TIMEOUT_MS)
    cancel = export.progress.findChild(QPushButton)
    assert cancel is not None
    assert cancel.text() == "Cancel"
    cancel.click()
    GatedStore.gate.set()
    qtbot.waitUntil(lambda: "Export cancelled: no file was written." in notices, timeout=TIMEOUT_MS)
    assert target.read_text(encoding="utf-8") == "yesterday's export"
    assert [path.name for path in target.parent.iterdir()] == ["history.csv"]
    assert not export.running
    assert not export.progress.isVisible()


def test_a_second_export_waits_for_the_first(
    qtbot: QtBot, flow: tuple[ExportFlow, list[str]], tmp_path: Path
) -> None:
    export, notices = flow
    export.start(HistoryQuery(), tmp_path / "a.csv")
    export.start(HistoryQuery(), tmp_path / "b.csv")
    assert "An export is already running." in notices
    GatedStore.gate.set()
    qtbot.waitUntil(lambda: not export.running, timeout=TIMEOUT_MS)
    assert (tmp_path / "a.csv").exists()
    assert not (tmp_path / "b.csv").exists()
