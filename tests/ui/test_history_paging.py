"""The windowed history model over a real SQLite file: End, jumps, sort, filter, live rows."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dialer_app.core.history.sql import Span
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.records import (
    CallRequest,
    CallResult,
    HistoryQuery,
    HistoryRow,
    Outcome,
    WrapUp,
)
from dialer_app.ui.history.model import HistoryModel
from dialer_app.ui.history.table import HistoryTable
from tests.helpers.history import load, load_all, load_rows, loaded, model_over, rows_held
from tests.helpers.history_rows import rows_of

START = datetime(2026, 11, 1, 4, 30, tzinfo=UTC)
MEMBERS = ["Asha Rao", "Vikram Singh", "Priya Iyer"]


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    """A history of 1,000 calls, one a minute, cycling through members and outcomes."""
    moments = iter(START + timedelta(minutes=i) for i in range(10_000))
    history = HistoryStore(tmp_path / "history.sqlite3", clock=lambda: next(moments))
    outcomes = [Outcome.PLACED, Outcome.REJECTED, Outcome.UNKNOWN, Outcome.NOT_SENT]
    for i in range(1000):
        request = CallRequest(f"98{i:08d}", "9700009153", "01204000000", 0, MEMBERS[i % 3])
        row_id = history.begin(request)
        history.finish(row_id, CallResult(outcomes[i % 4], "", str(3570000 + i)))
    return history


def ids_in_order(store: HistoryStore, query: HistoryQuery) -> list[int]:
    """Every matching row's id, read forward from the top: what the table must show."""
    return [row.row_id for row in rows_of(store, query)]


def test_the_whole_history_is_counted_and_read_as_the_view_asks(
    qtbot: QtBot, qtmodeltester: ModelTester, store: HistoryStore
) -> None:
    model = model_over(store)
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))
    assert model.rowCount() == 1000  # the scroll bar is the whole history at once
    assert not model.canFetchMore(QModelIndex())
    ids = load_all(qtbot, model)
    assert ids == sorted(ids, reverse=True) == ids_in_order(store, HistoryQuery())
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def test_end_shows_the_oldest_calls_in_a_table(qtbot: QtBot, store: HistoryStore) -> None:
    model = model_over(store)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.setModel(model)
    view.show()
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))
    oldest = min(ids_in_order(store, HistoryQuery()))
    view.scrollToBottom()
    last = model.rowCount() - 1
    qtbot.waitUntil(lambda: loaded(model, last, last))
    assert model.row_at(last).row_id == oldest
    assert view.rowAt(view.viewport().height() - 2) == last
    shown = view.indexAt(view.viewport().rect().bottomLeft() + QPoint(4, -4))
    assert model.data(shown) == model.data(model.index(last, 0)) != ""


@pytest.mark.parametrize(
    "query",
    [
        HistoryQuery(),
        HistoryQuery(descending=False),
        HistoryQuery(sort="member_name"),
        HistoryQuery(sort="campid", descending=False),
        HistoryQuery(sort="outcome"),
        HistoryQuery(text="vikram"),
        HistoryQuery(text="+91 98000 00", outcome=Outcome.PLACED),
        HistoryQuery(outcome=Outcome.REJECTED, descending=False),
        HistoryQuery(disposition=""),  # not wrapped up yet: every row here
        HistoryQuery(disposition="Call back"),
        HistoryQuery(since=START + timedelta(minutes=100), until=START + timedelta(minutes=900)),
    ],
)  # fmt: skip
def test_a_jump_and_the_end_show_the_right_rows(
    qtbot: QtBot, store: HistoryStore, query: HistoryQuery
) -> None:
    store.save_wrap_up(7, WrapUp("Call back", "after 4 pm", None))
    expected = ids_in_order(store, query)
    model = model_over(store)
    load(qtbot, model, lambda: model.set_query(query))
    assert model.rowCount() == len(expected)
    for first in (len(expected) // 2, len(expected) - 5, 0, 437):  # middle, end, top, again
        first = max(min(first, len(expected) - 5), 0)
        last = min(first + 4, len(expected) - 1)
        load_rows(qtbot, model, first, last)
        assert [model.row_at(i).row_id for i in range(first, last + 1)] == expected[
            first : last + 1
        ]


def test_far_pages_are_let_go(qtbot: QtBot, tmp_path: Path) -> None:
    store = bulk_store(tmp_path / "big.sqlite3", 20_000)
    model = model_over(store)
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))
    ids = load_all(qtbot, model)  # scrolling through every one of 100 pages
    assert ids == list(range(20_000, 0, -1))
    assert rows_held(model) <= HistoryModel.CACHE_PAGES * HistoryModel.PAGE
    load_rows(qtbot, model, 0, 9)  # long evicted, read again
    assert [model.row_at(i).row_id for i in range(10)] == list(range(20_000, 19_990, -1))
    qtbot.waitUntil(lambda: model.marked)  # jumps now start from the nearest mark
    for first in (13_337, 6_499, 6_500, 19_990, 501):
        load_rows(qtbot, model, first, first + 9)
        assert [model.row_at(i).row_id for i in range(first, first + 10)] == list(
            range(20_000 - first, 19_990 - first, -1)
        )
    store.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (HistoryQuery(text="+91 98000 001"), 100),  # a number prefix, typed any way
        (HistoryQuery(text="098000 00012"), 1),
        (HistoryQuery(text="98"), 1000),  # a short prefix is counted by its index too
        (HistoryQuery(text="vikram"), 333),  # a member, by the start of a name
        (HistoryQuery(text="singh"), 333),
        (HistoryQuery(outcome=Outcome.REJECTED), 250),
        (HistoryQuery(text="asha", outcome=Outcome.PLACED), 84),
        (HistoryQuery(since=START + timedelta(minutes=100), until=START + timedelta(minutes=160)),
         30),  # each call takes two clock ticks (begin, finish)
        (HistoryQuery(text="nobody"), 0),
    ],
)  # fmt: skip
def test_filters(qtbot: QtBot, store: HistoryStore, query: HistoryQuery, expected: int) -> None:
    model = model_over(store)
    load(qtbot, model, lambda: model.set_query(query))
    assert model.rowCount() == expected
    assert len(set(load_all(qtbot, model))) == expected


def test_sorting_by_a_column_is_done_by_the_database(qtbot: QtBot, store: HistoryStore) -> None:
    model = model_over(store)
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))
    load(qtbot, model, lambda: model.sort(1, Qt.SortOrder.AscendingOrder))  # Member
    load_all(qtbot, model)
    names = [model.row_at(i).member_name for i in range(model.rowCount())]
    assert names == sorted(names)
    assert len(names) == 1000
    load(qtbot, model, lambda: model.sort(6, Qt.SortOrder.DescendingOrder))  # Campid
    assert model.row_at(0).campid == "3570999"
    load_rows(qtbot, model, 999, 999)
    assert model.row_at(999).campid == "3570000"


def test_a_new_call_shows_at_the_top_only_if_it_matches_the_filter(
    qtbot: QtBot, store: HistoryStore
) -> None:
    model = model_over(store)
    load(qtbot, model, lambda: model.set_query(HistoryQuery(text="vikram")))
    row = store.get(store.begin(CallRequest("9123456789", "9700009153", "01204000000", 0,
                                            "Asha Rao")))  # fmt: skip
    with qtbot.assertNotEmitted(model.rowsInserted, wait=300):
        model.upsert(row)
    assert model.row_at(0).row_id != row.row_id
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))
    end = model.rowCount() - 1
    load_rows(qtbot, model, end - 4, end)  # the agent is at the end of the table
    newer = store.get(store.begin(CallRequest("9123456780", "9700009153", "01204000000")))

    def at_top(parent: QModelIndex, first: int, last: int) -> bool:
        return not parent.isValid() and (first, last) == (0, 0)

    with qtbot.waitSignal(model.rowsInserted, check_params_cb=at_top):
        model.upsert(newer)
    assert model.row_at(0).row_id == newer.row_id
    assert model.data(model.index(0, 5)) == "Sending…"
    assert model.rowCount() == end + 2
    oldest = ids_in_order(store, HistoryQuery())[-1]
    assert model.row_at(model.rowCount() - 1).row_id == oldest  # the end did not move
    load_rows(qtbot, model, 500, 500)
    assert model.row_at(500).row_id == ids_in_order(store, HistoryQuery())[500]
    finished = store.finish(newer.row_id, CallResult(Outcome.PLACED, "", "3579999"))
    with qtbot.waitSignal(model.dataChanged):
        model.upsert(finished)
    assert model.data(model.index(0, 5)) == "Placed"


def test_a_live_call_says_where_it_stands_wherever_it_is(qtbot: QtBot, store: HistoryStore) -> None:
    model = model_over(store)
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))
    load_rows(qtbot, model, 600, 610)
    row = model.row_at(605)
    result = 7  # the Result column
    with qtbot.waitSignal(model.dataChanged):
        model.set_live(row.row_id, "Ringing the customer…")
    assert model.data(model.index(605, result)) == "Ringing the customer…"
    model.set_live(row.row_id, "")
    assert model.data(model.index(605, result)) != "Ringing the customer…"


def test_a_page_for_a_superseded_query_is_never_shown(qtbot: QtBot, store: HistoryStore) -> None:
    model = model_over(store)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    with qtbot.waitSignal(model.counted, timeout=5000):
        model.set_query(HistoryQuery(outcome=Outcome.REJECTED))
        model.set_query(HistoryQuery(text="nobody"))
    with qtbot.assertNotEmitted(model.modelReset, wait=300):
        pass
    assert resets == [0]  # only the last query's (empty) page was ever shown


def test_filters_use_indexes(store: HistoryStore) -> None:
    with sqlite3.connect(store.path) as db:
        plans = {
            name: " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))
            for name, sql in {
                "number": "SELECT * FROM calls WHERE customer_number >= '98' AND "
                "customer_number < '98:' ORDER BY created_at DESC LIMIT 200",
                "outcome": "SELECT * FROM calls WHERE outcome = 'placed' "
                "ORDER BY created_at DESC, id DESC LIMIT 200",
                "newest": "SELECT * FROM calls ORDER BY created_at DESC, id DESC LIMIT 200",
            }.items()
        }
    assert "INDEX" in plans["number"]
    assert "calls_outcome" in plans["outcome"]
    assert "calls_created_at" in plans["newest"]


def bulk_store(
    path: Path, rows: int, store_class: type[HistoryStore] = HistoryStore
) -> HistoryStore:
    """A history of ``rows`` calls one second apart, written straight into SQLite."""
    HistoryStore(path).close()
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO calls (created_at, member_name, member_number, customer_number,"
            " deskphone, call_limit, outcome, campid, message) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                ((START + timedelta(seconds=i)).isoformat(timespec="microseconds"),
                 MEMBERS[i % 3], "9700009153", f"9{i:09d}", "01204000000", 0,
                 "placed", str(i), "")
                for i in range(rows)
            ),
        )  # fmt: skip
    return store_class(path)


def test_a_large_history_is_read_a_page_at_a_time(qtbot: QtBot, tmp_path: Path) -> None:
    """200,000 rows: opening, sorting, filtering, End and a jump each read one page."""
    pages: list[int] = []

    class CountingStore(HistoryStore):
        def first_page(self, query: HistoryQuery, limit: int, counted: object = None) -> Any:
            opened, total = super().first_page(query, limit, counted)  # type: ignore[arg-type]
            pages.append(len(opened.rows))
            return opened, total

        def page_at(self, query: HistoryQuery, span: Span, moves: Any) -> list[HistoryRow]:
            rows = super().page_at(query, span, moves)
            pages.append(len(rows))
            return rows

    store = bulk_store(tmp_path / "big.sqlite3", 200_000, CountingStore)
    model = model_over(store)
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))
    assert model.rowCount() == 200_000
    assert model.row_at(0).customer_number == "9000199999"
    load_rows(qtbot, model, 199_999, 199_999)  # End
    assert model.row_at(199_999).customer_number == "9000000000"
    load_rows(qtbot, model, 100_000, 100_000)  # a jump to the middle
    assert model.row_at(100_000).customer_number == "9000099999"
    load(qtbot, model, lambda: model.sort(0, Qt.SortOrder.AscendingOrder))
    assert model.row_at(0).customer_number == "9000000000"
    load(qtbot, model, lambda: model.set_query(HistoryQuery(text="900012345")))
    assert [model.row_at(i).customer_number for i in range(model.rowCount())] == [
        f"900012345{d}" for d in range(9, -1, -1)
    ]
    assert pages == [200, 200, 200, 200, 10]
    store.close()


def test_short_number_prefixes_and_names_read_pages_by_index(store: HistoryStore) -> None:
    from dialer_app.core.history.sql import MEMBER_NAMES_SQL, page_sql

    with sqlite3.connect(store.path) as db:
        names = [row[0] for row in db.execute(MEMBER_NAMES_SQL)]
        assert names == sorted(MEMBERS)

        def plan(query: HistoryQuery, names: list[str] | None = None) -> str:
            sql, params = page_sql(query, None, 200, names)
            return " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))

        assert "calls_created_at" in plan(HistoryQuery(text="98"))  # newest first, stop at 200
        assert "calls_customer_number" in plan(HistoryQuery(text="9800000"))
        assert "calls_member_name" in plan(HistoryQuery(text="vik"), ["Vikram Singh"])
    assert store.page(HistoryQuery(text="nobody"), None, 200) == []


def test_end_paints_the_rows_once_they_are_read_not_a_grid_of_blank_rows_first(
    qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = model_over(store)
    view = HistoryTable()
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.setModel(model)
    view.show()
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))
    blank: list[int] = []  # cells asked for while their row was still being read
    data = HistoryModel.data

    def recording(self: HistoryModel, index: QModelIndex, role: int = 0) -> object:
        if index.isValid() and self.loaded_row(index.row()) is None:
            blank.append(index.row())
        return data(self, index, role)

    monkeypatch.setattr(HistoryModel, "data", recording)
    view.scrollToBottom()
    view.viewport().repaint()  # End: the rows in view are not read yet
    last = model.rowCount() - 1
    qtbot.waitUntil(lambda: loaded(model, last, last))
    view.viewport().repaint()
    assert blank == []
    shown = view.indexAt(view.viewport().rect().bottomLeft() + QPoint(4, -4))
    assert shown.row() == last
    assert model.data(shown) == model.data(model.index(last, 0)) != ""
