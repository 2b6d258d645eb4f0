"""The list panel's model: a proper Qt table model, paged over the store, its cache bounded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dialer_app.core.leads.model import build_preview
from dialer_app.core.leads.sqlite_store import LeadStore
from dialer_app.ui.leads.model import CACHED_PAGES, PAGE, LeadTableModel
from dialer_app.ui.leads.panel import ListPanel
from tests.helpers.language import language


def stored(tmp_path: Path, count: int) -> tuple[LeadStore, int]:
    rows = [["name", "mobile", "city"], *[[f"L{i}", f"98{i:08d}", "Pune"] for i in range(count)]]
    store = LeadStore(tmp_path / "lists.sqlite3")
    made = store.create_list(build_preview("big", "big.csv", rows, lambda _n: False))
    assert made is not None
    return store, made.list_id


def test_the_model_passes_qt_model_checks(tmp_path: Path, qtmodeltester: ModelTester) -> None:
    store, list_id = stored(tmp_path, 450)
    model = LeadTableModel()
    model.show_list(lambda start, count: store.page(list_id, start, count), store.count(list_id))
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 450
    assert model.data(model.index(449, 1)) == "L449"
    assert model.data(model.index(449, 2)) == "98000 00449"
    assert model.data(model.index(0, 3)) == "New"


def test_reading_every_row_keeps_a_bounded_number_of_pages(tmp_path: Path, qtbot: QtBot) -> None:
    store, list_id = stored(tmp_path, 20 * PAGE)
    panel = ListPanel()
    qtbot.addWidget(panel)
    model = panel.model
    model.show_list(lambda start, count: store.page(list_id, start, count), store.count(list_id))
    for row in range(model.rowCount()):
        lead = model.lead_at(row)
        assert lead is not None
        assert lead.position == row
    assert model.cached_pages() == CACHED_PAGES  # 20 pages read, 16 kept


def test_a_refused_row_says_why_in_the_window_language_and_exports_in_english(
    tmp_path: Path, qtbot: QtBot
) -> None:
    rows = [["name", "mobile"], ["Asha", "9876543210"], ["Short", "98765"]]
    store = LeadStore(tmp_path / "lists.sqlite3")
    made = store.create_list(build_preview("day", "day.csv", rows, lambda _n: False))
    assert made is not None
    refused = store.page(made.list_id, 1, 1)[0]
    assert refused.reason.startswith("Too short: the number has 5 digits")  # the export's text
    model = LeadTableModel()
    model.show_list(lambda start, count: store.page(made.list_id, start, count), 2)
    with language("hi"):
        assert str(model.data(model.index(1, 6))).startswith("बहुत छोटा: नंबर में 5 अंक हैं")
        assert model.data(model.index(1, 3)) == "नहीं ली गई"
        assert model.headerData(6, Qt.Orientation.Horizontal) == "नोट"
    store.close()
