"""The campaign history store: write-ahead rows, crash recovery, cool-down look-ups."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dialer_app.core.errors import HistoryError
from dialer_app.core.history.sql import SCHEMA_VERSION
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.records import CallRequest, CallResult, HistoryQuery, Outcome

START = datetime(2025, 3, 14, 9, 0, 0, tzinfo=UTC)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def request(customer: str = "9876543210", *, limit: int = 0) -> CallRequest:
    return CallRequest(
        customer_number=customer,
        member_number="9123456780",
        deskphone="08047192345",
        call_limit=limit,
        member_name="Asha",
    )


def raw_rows(path: Path) -> list[tuple[object, ...]]:
    """Read the file through a separate, plain sqlite3 connection."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT id, outcome, message, campid, typeof(campid), finished_at FROM calls"
        ).fetchall()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(path: Path, clock: FakeClock) -> Iterator[HistoryStore]:
    history = HistoryStore(path, clock=clock)
    yield history
    history.close()


def test_creates_directory_and_versioned_wal_database(store: HistoryStore, path: Path) -> None:
    assert path.is_file()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_begin_commits_a_sending_row_before_finish(store: HistoryStore, path: Path) -> None:
    row_id = store.begin(request())

    assert raw_rows(path) == [(row_id, "sending", "", None, "null", None)]
    second = HistoryStore(path)
    try:
        row = second.get(row_id)
    finally:
        second.close()
    assert row.outcome is Outcome.SENDING
    assert row.created_at == START
    assert row.customer_number == "9876543210"
    assert row.member_name == "Asha"
    assert row.deskphone == "08047192345"
    assert row.finished_at is None


def test_finish_records_the_result(store: HistoryStore, path: Path, clock: FakeClock) -> None:
    row_id = store.begin(request(limit=60))
    clock.advance(2)

    row = store.finish(row_id, CallResult(Outcome.PLACED, "Call placed", "8812345"))

    assert row.outcome is Outcome.PLACED
    assert row.campid == "8812345"
    assert row.message == "Call placed"
    assert row.call_limit == 60
    assert row.finished_at == START + timedelta(seconds=2)
    assert row.created_at.tzinfo is not None
    assert row.created_at.utcoffset() == timedelta(0)
    assert store.get(row_id) == row
    assert raw_rows(path)[0][1] == "placed"


@pytest.mark.parametrize("campid", ["12345", 12345])
def test_campid_is_stored_as_text(store: HistoryStore, path: Path, campid: object) -> None:
    row_id = store.begin(request())

    row = store.finish(row_id, CallResult(Outcome.PLACED, "", campid))  # type: ignore[arg-type]

    assert row.campid == "12345"
    assert raw_rows(path)[0][3:5] == ("12345", "text")


def test_rows_left_sending_by_a_crash_become_unknown(path: Path) -> None:
    crashed = HistoryStore(path)
    stale = crashed.begin(request())
    done = crashed.begin(request("9000000001"))
    crashed.finish(done, CallResult(Outcome.PLACED, "ok", "1"))
    # the process "dies" here: no finish() for `stale`, no close()

    reopened = HistoryStore(path)
    try:
        assert reopened.mark_unfinished("The app closed before the answer came") == 1
        assert reopened.mark_unfinished("again") == 0
        row = reopened.get(stale)
        assert reopened.get(done).outcome is Outcome.PLACED
    finally:
        reopened.close()
        crashed.close()
    assert row.outcome is Outcome.UNKNOWN
    assert row.message == "The app closed before the answer came"
    assert row.finished_at is not None


def test_reopening_keeps_rows(path: Path) -> None:
    first = HistoryStore(path)
    row_id = first.begin(request())
    first.close()

    second = HistoryStore(path)
    try:
        assert [row.row_id for row in second.page(HistoryQuery(), None, 500)] == [row_id]
    finally:
        second.close()


def test_a_page_is_newest_first_and_limited(store: HistoryStore, clock: FakeClock) -> None:
    ids = []
    for n in range(5):
        ids.append(store.begin(request(f"900000000{n}")))
        clock.advance(1)

    assert [row.row_id for row in store.page(HistoryQuery(), None, 500)] == ids[::-1]
    assert [row.row_id for row in store.page(HistoryQuery(), None, 2)] == ids[:-3:-1]


def test_last_attempt_matches_on_last_ten_digits(store: HistoryStore, clock: FakeClock) -> None:
    first = store.begin(request("9876543210"))
    store.finish(first, CallResult(Outcome.PLACED, "", "1"))
    clock.advance(10)
    second = store.begin(request("9876543210"))
    store.finish(second, CallResult(Outcome.UNKNOWN, "read timeout"))

    found = store.last_attempt_to("+91 98765 43210", since=START)

    assert found is not None
    assert found.row_id == second
    assert store.last_attempt_to("09876543210", since=START) == found
    assert store.last_attempt_to("9876543211", since=START) is None


def test_last_attempt_counts_a_call_still_sending(store: HistoryStore) -> None:
    row_id = store.begin(request())

    found = store.last_attempt_to("9876543210", since=START)

    assert found is not None
    assert found.row_id == row_id


@pytest.mark.parametrize("outcome", [Outcome.REJECTED, Outcome.NOT_SENT])
def test_last_attempt_ignores_calls_that_never_rang(store: HistoryStore, outcome: Outcome) -> None:
    store.finish(store.begin(request()), CallResult(outcome, "nope"))

    assert store.last_attempt_to("9876543210", since=START) is None


def test_last_attempt_ignores_rows_before_since(store: HistoryStore, clock: FakeClock) -> None:
    store.finish(store.begin(request()), CallResult(Outcome.PLACED, "", "1"))
    clock.advance(121)

    assert store.last_attempt_to("9876543210", since=clock.now - timedelta(minutes=2)) is None
    assert store.last_attempt_to("9876543210", since=START) is not None


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    garbage = b"this is not an sqlite file\x00\xff\xfe" * 64
    path.write_bytes(garbage)

    with pytest.raises(HistoryError, match=re.escape(str(path))):
        HistoryStore(path)

    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3"]


def test_a_newer_schema_is_refused(path: Path) -> None:
    HistoryStore(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    with pytest.raises(HistoryError, match="newer version"):
        HistoryStore(path)


def test_a_path_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")

    with pytest.raises(HistoryError, match="Cannot open the call history"):
        HistoryStore(blocker / "history.sqlite3")


def test_missing_rows_raise_history_error(store: HistoryStore) -> None:
    with pytest.raises(HistoryError, match="42"):
        store.get(42)
    with pytest.raises(HistoryError, match="42"):
        store.finish(42, CallResult(Outcome.PLACED, "", "1"))


def test_use_after_close_raises_history_error(path: Path) -> None:
    history = HistoryStore(path)
    history.close()
    history.close()

    with pytest.raises(HistoryError):
        history.page(HistoryQuery(), None, 500)


def test_concurrent_begin_and_finish_from_threads(store: HistoryStore) -> None:
    def one_call(n: int) -> int:
        row_id = store.begin(request(f"98765{n:05d}"))
        store.finish(row_id, CallResult(Outcome.PLACED, "", str(n)))
        return row_id

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(one_call, range(200)))

    rows = store.page(HistoryQuery(), None, 1000)
    assert len(set(ids)) == 200
    assert len(rows) == 200
    assert all(row.outcome is Outcome.PLACED for row in rows)
    assert sorted(row.campid or "" for row in rows) == sorted(str(n) for n in range(200))
