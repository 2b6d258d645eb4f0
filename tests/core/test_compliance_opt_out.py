"""Opt-outs that stick: who put a number on the do-not-call list, when and why, in a history
earlier versions still open (a column, not a schema step); the refusal names the rule and
what would allow a call."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from dialer_app.core.compliance.opt_out import (
    add_who,
    asked_not_to_be_called,
    read,
    reason_text,
    record_who,
    refusal,
)
from dialer_app.core.history.sql import MIGRATIONS
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.text import Sentence
from tests.helpers.hours import india

WHEN = india("2026-12-02", "11:15")


def test_f11_records_who_when_and_why(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3", clock=lambda: WHEN)
    try:
        store.block("+91 98765 43210", reason_text(asked_not_to_be_called()), who="Asha Rao")
        [entry] = store.opt_outs()
        assert store.blocked("09876543210")
        assert store.opt_outs("9876543210") == [entry]
        assert store.opt_outs("9876543211") == []
    finally:
        store.close()
    assert (entry.number, entry.at, entry.who) == ("9876543210", WHEN, "Asha Rao")
    assert isinstance(entry.reason, Sentence)
    assert str(entry.reason) == "Customer asked not to be called"  # shown translated
    text = str(refusal(entry, "98765 43210"))
    assert text.startswith(
        "Not called: 98765 43210 is on the do-not-call list since 2026-12-02 "
        "(Customer asked not to be called)."
    )
    assert "only taking the number off the list, with the customer's new consent" in text


def test_a_note_or_a_file_name_stays_the_reason_as_written(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3", clock=lambda: WHEN)
    try:
        store.block("9876543210", "said he is a doctor, no calls at work")
        [entry] = store.opt_outs()
    finally:
        store.close()
    assert entry.reason == "said he is a doctor, no calls at work"
    assert entry.who == ""
    assert "(said he is a doctor, no calls at work)" in str(refusal(entry, "98765 43210"))


def test_entries_from_before_who_was_recorded_are_kept(tmp_path: Path) -> None:
    """A history an earlier version wrote: opened, given the column, still schema 3."""
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        for step in (1, 2, 3):
            for sql in MIGRATIONS[step]:
                conn.execute(sql)
        conn.execute("PRAGMA user_version = 3")
        conn.execute(
            "INSERT INTO do_not_call VALUES ('9876543210', '2026-11-01T05:30:00.000000+00:00', "
            "'leads-dnc.csv')"
        )
    conn.close()
    store = HistoryStore(path)
    try:
        [entry] = store.opt_outs()
        assert store.blocked("9876543210")
    finally:
        store.close()
    assert (entry.who, entry.reason) == ("", "leads-dnc.csv")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (3,)  # earlier apps open it
        conn.execute(
            "INSERT OR REPLACE INTO do_not_call (number, added_at, reason) VALUES"
            " ('9876543211', '2026-11-02T05:30:00+00:00', '')"
        )  # as they block
    conn.close()
    assert entry.at == datetime.fromisoformat("2026-11-01T05:30:00+00:00")


def test_a_history_without_the_who_column_lists_its_opt_outs(tmp_path: Path) -> None:
    """A read-only history from before (nothing can add the column): read without who."""
    with sqlite3.connect(tmp_path / "history.sqlite3") as conn:
        for sql in MIGRATIONS[3][-1:]:  # the do-not-call table as schema 3 made it
            conn.execute(sql)
        conn.execute(
            "INSERT INTO do_not_call VALUES ('9876543210', '2026-11-01T05:30:00+00:00', '')"
        )
        [entry] = read(conn, "9876543210")
        add_who(conn)
        add_who(conn)  # twice: nothing more
        record_who(conn, "9876543210", "Asha")
        assert [e.who for e in read(conn, None)] == ["Asha"]
    conn.close()
    assert (entry.number, entry.who, entry.reason) == ("9876543210", "", "")
