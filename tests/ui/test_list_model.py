"""The lead table's model: a proper Qt table model, windowed over the store (pages read on
workers through ``LeadService``), its cache bounded."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dialer_app.core.leads.model import build_preview
from dialer_app.core.leads.sqlite_store import SqliteLeadStore
from dialer_app.services.leads import LeadService
from dialer_app.services.runner import Runner
from dialer_app.ui.leads.model import CACHED_PAGES, PAGE, LeadTableModel
from dialer_app.ui.leads.panel import LeadListPanel
from tests.helpers.language import language


def stored(tmp_path: Path, count: int) -> tuple[SqliteLeadStore, int]:
    rows = [["name", "mobile", "city"], *[[f"L{i}", f"98{i:08d}", "Pune"] for i in range(count)]]
    store = SqliteLeadStore(tmp_path / "lists.sqlite3")
    made = store.create_list(build_preview("big", "big.csv", rows, lambda _n: False))
    assert made is not None
    return store, made.list_id


@pytest.fixture
def runner() -> Iterator[Runner]:
    made = Runner()
    yield made
    made.wait(10_000)
    shiboken6.delete(made)


def arrived(model: LeadTableModel, row: int) -> bool:
    return model.lead_at(row) is not None


def serve(store: SqliteLeadStore, runner: Runner) -> LeadService:
    return LeadService(lambda: (store, ""), None, runner)


def test_the_model_passes_qt_model_checks(
    tmp_path: Path, qtmodeltester: ModelTester, qtbot: QtBot, runner: Runner
) -> None:
    store, list_id = stored(tmp_path, 450)
    model = LeadTableModel(serve(store, runner).page)
    model.show_list(list_id, store.count(list_id))
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 450
    qtbot.waitUntil(lambda: model.data(model.index(449, 1)) == "L449")
    assert model.data(model.index(449, 2)) == "98000 00449"
    qtbot.waitUntil(lambda: model.data(model.index(0, 3)) == "New")


def test_reading_every_row_keeps_a_bounded_number_of_pages(
    tmp_path: Path, qtbot: QtBot, runner: Runner
) -> None:
    store, list_id = stored(tmp_path, 20 * PAGE)
    panel = LeadListPanel(serve(store, runner).page)
    qtbot.addWidget(panel)
    model = panel.model
    model.show_list(list_id, store.count(list_id))
    for row in range(model.rowCount()):
        qtbot.waitUntil(partial(arrived, model, row))  # read on a worker
        lead = model.lead_at(row)
        assert lead is not None
        assert lead.position == row
    assert model.cached_pages() == CACHED_PAGES  # 20 pages read, 16 kept


def test_a_refused_row_says_why_in_the_window_language_and_exports_in_english(
    tmp_path: Path, qtbot: QtBot, runner: Runner
) -> None:
    rows = [["name", "mobile"], ["Asha", "9876543210"], ["Short", "98765"]]
    store = SqliteLeadStore(tmp_path / "lists.sqlite3")
    made = store.create_list(build_preview("day", "day.csv", rows, lambda _n: False))
    assert made is not None
    refused = store.page(made.list_id, 1, 1)[0]
    assert refused.reason.startswith("Too short: the number has 5 digits")  # the export's text
    model = LeadTableModel(serve(store, runner).page)
    model.show_list(made.list_id, 2)
    qtbot.waitUntil(lambda: model.lead_at(1) is not None)  # read on a worker
    with language("hi"):
        assert str(model.data(model.index(1, 6))).startswith("बहुत छोटा: नंबर में 5 अंक हैं")
        assert model.data(model.index(1, 3)) == "नहीं ली गई"
        assert model.headerData(6, Qt.Orientation.Horizontal) == "नोट"
    store.close()
