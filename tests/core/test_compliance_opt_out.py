"""Opt-outs that stick: who put a number on the do-not-call list, when and why, kept across
the schema step that added "who"; the refusal names the rule and what would allow a call."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from dialer_app.core.compliance.opt_out import (
    asked_not_to_be_called,
    reason_text,
    refusal,
)
from dialer_app.core.history import HistoryStore
from dialer_app.core.history_sql import MIGRATIONS
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
    assert entry.at == datetime.fromisoformat("2026-11-01T05:30:00+00:00")
