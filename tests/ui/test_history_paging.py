"""The history model over a real SQLite file: pages, sort, filter, live rows."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dialer_app.core.history import HistoryStore
from dialer_app.core.records import CallRequest, CallResult, Campaign, HistoryQuery, Outcome
from dialer_app.ui.history_model import HistoryModel
from tests.helpers.history import load, load_all, model_over

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


def test_pages_arrive_as_the_view_asks(
    qtbot: QtBot, qtmodeltester: ModelTester, store: HistoryStore
) -> None:
    model = model_over(store)
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))
    assert model.rowCount() == HistoryModel.PAGE
    assert model.canFetchMore()
    load_all(qtbot, model)
    assert model.rowCount() == 1000
    ids = [model.row_at(i).row_id for i in range(1000)]
    assert ids == sorted(ids, reverse=True)  # newest first, no row twice
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


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


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (HistoryQuery(text="+91 98000 001"), 100),  # a number prefix, typed any way
        (HistoryQuery(text="098000 00012"), 1),
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
    load_all(qtbot, model)
    assert model.rowCount() == expected
    assert len({model.row_at(i).row_id for i in range(model.rowCount())}) == expected


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
    newer = store.get(store.begin(CallRequest("9123456780", "9700009153", "01204000000")))

    def at_top(parent: QModelIndex, first: int, last: int) -> bool:
        return not parent.isValid() and (first, last) == (0, 0)

    with qtbot.waitSignal(model.rowsInserted, check_params_cb=at_top):
        model.upsert(newer)
    assert model.row_at(0).row_id == newer.row_id
    assert model.data(model.index(0, 5)) == "Sending…"


def test_a_page_for_a_superseded_query_is_never_shown(qtbot: QtBot, store: HistoryStore) -> None:
    model = model_over(store)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
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


def test_a_large_history_is_read_a_page_at_a_time(qtbot: QtBot, tmp_path: Path) -> None:
    """200,000 rows: opening, sorting and filtering each read one page, never the table."""
    path = tmp_path / "big.sqlite3"
    HistoryStore(path).close()
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO calls (created_at, member_name, member_number, customer_number,"
            " deskphone, call_limit, outcome, campid, message) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                ((START + timedelta(seconds=i)).isoformat(timespec="microseconds"),
                 MEMBERS[i % 3], "9700009153", f"9{i:09d}", "01204000000", 0,
                 "placed", str(i), "")
                for i in range(200_000)
            ),
        )  # fmt: skip
    pages: list[int] = []

    class CountingStore(HistoryStore):
        def page(self, query: HistoryQuery, after: Campaign | None, limit: int) -> list[Campaign]:
            rows = super().page(query, after, limit)
            pages.append(len(rows))
            return rows

    store = CountingStore(path)
    model = model_over(store)
    load(qtbot, model, lambda: model.set_query(HistoryQuery()))
    assert model.rowCount() == HistoryModel.PAGE
    assert model.row_at(0).customer_number == "9000199999"
    load(qtbot, model, lambda: model.sort(0, Qt.SortOrder.AscendingOrder))
    assert model.row_at(0).customer_number == "9000000000"
    load(qtbot, model, lambda: model.set_query(HistoryQuery(text="900012345")))
    assert [model.row_at(i).customer_number for i in range(model.rowCount())] == [
        f"900012345{d}" for d in range(9, -1, -1)
    ]
    assert pages == [200, 200, 10]
    store.close()


def test_short_number_prefixes_and_names_read_pages_by_index(store: HistoryStore) -> None:
    from dialer_app.core.history_sql import MEMBER_NAMES_SQL, page_sql

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
