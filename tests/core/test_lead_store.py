"""The lists file: a lead's way through its statuses, call backs first, at most N attempts,
recovery after a crash, exports, and a data directory from before the lists (history v3)."""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dialer_app.app import main
from dialer_app.core.history.sql import SCHEMA_VERSION as HISTORY_VERSION
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.leads.model import LeadList, LeadListProgress, LeadStatus, build_preview
from dialer_app.core.leads.sqlite_store import SCHEMA_VERSION, SqliteLeadStore
from dialer_app.core.records import CallRequest, CallResult, Outcome

NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
ROWS = [["name", "mobile", "city"], ["A", "9876543210", "Pune"], ["B", "9876543211", "Agra"],
        ["bad", "123", "-"], ["C", "9876543213", "=1+1"]]  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> SqliteLeadStore:
    return SqliteLeadStore(tmp_path / "lists.sqlite3")


def make_list(store: SqliteLeadStore, name: str = "day") -> LeadList:
    made = store.create_list(build_preview(name, f"{name}.csv", ROWS, lambda _n: False))
    assert made is not None
    return made


def names(store: SqliteLeadStore, day: LeadList) -> list[tuple[str, str]]:
    return [(lead.name, lead.status.value) for lead in store.iter_leads(day.list_id)]


def test_a_lead_goes_new_calling_called_connected_then_the_next(store: SqliteLeadStore) -> None:
    day = make_list(store)
    lead = store.current(day.list_id, NOW, 3)
    assert lead is not None
    assert lead.name == "A"
    store.begin_attempt(lead.lead_id)
    assert store.progress(day.list_id).done == 0
    store.finish_attempt(lead.lead_id, Outcome.PLACED, "c1", 41)
    store.record_verdict(41, connected=True, talk=30)
    store.wrap_up(lead.lead_id, "Interested", "n", None, do_not_call=False)
    following = store.advance(day.list_id, NOW, 3)
    assert following is not None
    assert following.name == "B"
    done = store.lead(lead.lead_id)
    assert done is not None
    assert (done.status, done.attempts, done.campid, done.talk_seconds) == (
        LeadStatus.CONNECTED, 1, "c1", 30)  # fmt: skip
    assert store.progress(day.list_id) == LeadListProgress(
        done=1, total=3, connected=1, call_back=0
    )


def test_a_request_that_never_left_is_not_an_attempt(store: SqliteLeadStore) -> None:
    day = make_list(store)
    lead = store.current(day.list_id, NOW, 3)
    assert lead is not None
    store.begin_attempt(lead.lead_id)
    again = store.finish_attempt(lead.lead_id, Outcome.NOT_SENT, None, 7)
    assert again is not None
    assert (again.status, again.attempts) == (LeadStatus.NEW, 0)


def test_a_due_call_back_comes_first_and_only_while_attempts_remain(store: SqliteLeadStore) -> None:
    day = make_list(store)
    first = store.current(day.list_id, NOW, 2)
    assert first is not None
    store.set_status(first.lead_id, LeadStatus.CALL_BACK, NOW + timedelta(minutes=30))
    following = store.advance(day.list_id, NOW, 2)
    assert following is not None
    assert following.name == "B"  # not due yet
    due = store.advance(day.list_id, NOW + timedelta(minutes=31), 2)
    assert due is not None
    assert due.name == "A"  # due: back at the top
    for _ in range(2):
        store.begin_attempt(first.lead_id)
        store.finish_attempt(first.lead_id, Outcome.REJECTED, None, None)
    store.set_status(first.lead_id, LeadStatus.CALL_BACK, NOW)
    after = store.advance(day.list_id, NOW + timedelta(hours=1), 2)
    assert after is not None
    assert after.name == "B"  # two attempts of two: never offered again


def test_a_crash_mid_call_leaves_the_attempt_unknown_and_the_place_kept(
    store: SqliteLeadStore, tmp_path: Path
) -> None:
    day = make_list(store)
    store.advance(day.list_id, NOW, 3)
    second = store.advance(day.list_id, NOW, 3)  # the agent moved on... then
    assert second is not None
    store.set_current(day.list_id, second.lead_id)
    store.begin_attempt(second.lead_id)
    store.close()  # the process dies here
    reopened = SqliteLeadStore(tmp_path / "lists.sqlite3")
    assert reopened.recover() == 1
    resumed = reopened.current(day.list_id, NOW, 3)
    assert resumed is not None
    assert (resumed.lead_id, resumed.status, resumed.outcome) == (
        second.lead_id, LeadStatus.CALLED, "unknown")  # fmt: skip


def test_several_lists_each_keep_their_place(store: SqliteLeadStore) -> None:
    one, two = make_list(store, "one"), make_list(store, "two")
    first = store.current(one.list_id, NOW, 3)
    assert first is not None
    store.set_status(first.lead_id, LeadStatus.SKIPPED, None)
    store.advance(one.list_id, NOW, 3)
    store.activate(two.list_id)
    on_two = store.current(two.list_id, NOW, 3)
    assert on_two is not None
    assert on_two.name == "A"
    store.activate(one.list_id)
    back = store.current(one.list_id, NOW, 3)
    assert back is not None
    assert back.name == "B"
    active = store.active_list()
    assert active is not None
    assert active.name == "one"
    assert make_list(store, "one").name == "one (2)"  # same file again: a name of its own


def test_a_cancelled_import_leaves_nothing(store: SqliteLeadStore) -> None:
    rows = [["name", "mobile"], *[[f"L{i}", f"98765{i:05d}"] for i in range(5000)]]
    preview = build_preview("big", "big.csv", rows, lambda _n: False)
    assert store.create_list(preview, cancelled=lambda: True) is None
    assert store.lists() == []


def test_export_keeps_the_original_columns_and_neutralises_formulas(
    store: SqliteLeadStore, tmp_path: Path
) -> None:
    make_list(store)
    store.close()
    out = tmp_path / "out.csv"
    code = main(["--data-dir", str(tmp_path), "--export-list", "day", str(out)])
    assert code == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["name", "mobile", "city"]
    assert rows[0][3:7] == ["dialer_status", "dialer_attempts", "dialer_outcome",
                            "dialer_disposition"]  # fmt: skip
    assert rows[4][2] == "'=1+1"
    assert rows[3][3] == "refused"
    refused_because = rows[0].index("dialer_refused_because")
    assert "Too short" in rows[3][refused_because]
    assert rows[0][refused_because + 1 :] == [  # the audit, with the same prefix
        "dialer_purpose", "dialer_dnd_status", "dialer_scrubbed_on", "dialer_consent_source",
        "dialer_consent_on", "dialer_opted_out_at",
    ]  # fmt: skip
    assert main(["--data-dir", str(tmp_path), "--export-list", "nope", str(out)]) == 1
    assert main(["--data-dir", str(tmp_path), "--export-list", "day", "x.pdf"]) == 2


def v3_history(path: Path) -> None:
    """A history file as the version before the lists wrote it (schema 3), with a call."""
    history = HistoryStore(path)
    row = history.begin(CallRequest("9876543210", "9700000000", "01204000000", 0, "Asha"))
    history.finish(row, CallResult(Outcome.PLACED, "ok", "123"))
    history.close()


def test_a_data_directory_from_before_the_lists_stays_readable(tmp_path: Path) -> None:
    assert HISTORY_VERSION == 3  # the lists live apart: the history schema is unchanged
    v3_history(tmp_path / "history.sqlite3")
    store = SqliteLeadStore(tmp_path / "lists.sqlite3")  # what the first start of this version adds
    make_list(store)
    store.close()
    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 3
        assert db.execute("SELECT outcome, campid FROM calls").fetchall() == [("placed", "123")]
    with sqlite3.connect(tmp_path / "lists.sqlite3") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    history = HistoryStore(tmp_path / "history.sqlite3")  # and the history still opens
    assert not history.read_only
    history.close()
