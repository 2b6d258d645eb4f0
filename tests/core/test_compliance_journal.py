"""The compliance journal beside the lists: its own tables and version, whatever order the
lists file is opened in; answers read back for the day; lists from before have no purpose."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

from dialer_app.core.compliance.caller_id import Answer, CallerIdAnswers
from dialer_app.core.compliance.columns import Dnd
from dialer_app.core.compliance.journal import ComplianceJournal, save_list
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.compliance.scrub import ComplianceRecord
from dialer_app.core.leads.sqlite_store import SCHEMA_VERSION, SqliteLeadStore
from dialer_app.core.text import Sentence
from tests.helpers.hours import india

MORNING = india("2026-12-02", "09:30")


def test_the_journal_and_the_lead_store_open_in_either_order(tmp_path: Path) -> None:
    path = tmp_path / "lists.sqlite3"
    ComplianceJournal(path).close()
    SqliteLeadStore(path).close()  # its migrations still run: the journal left user_version alone
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    conn.close()
    journal = ComplianceJournal(path)
    try:
        assert journal.purpose(1) is None  # a list imported before purposes: the UI asks
    finally:
        journal.close()


def test_a_journal_of_its_own_is_the_owners_only_and_closes_without_wal(tmp_path: Path) -> None:
    """A team's journal is a file of its own (refused customers' numbers): readable by its
    owner only, whatever the umask, and closed with no -wal or -shm left beside it."""
    path = tmp_path / "compliance-team.sqlite3"
    journal = ComplianceJournal(path)
    journal.record_refusal("9876543210", "dnd", Sentence("compliance", "refused"), 1)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    journal.close()
    journal.close()  # twice: shutdown may reach it again
    assert sorted(p.name for p in tmp_path.iterdir()) == ["compliance-team.sqlite3"]


def test_a_lists_purpose_and_records_saved_in_the_callers_transaction(tmp_path: Path) -> None:
    path = tmp_path / "lists.sqlite3"
    record = ComplianceRecord(Dnd.REGISTERED, date(2026, 11, 20), "IVR", date(2026, 10, 1))
    conn = sqlite3.connect(path)
    try:
        with conn:
            save_list(conn, 7, Purpose.SERVICE, [(0, record), (1, ComplianceRecord())])
            conn.rollback()  # a cancelled import: nothing of it is left
        with conn:
            save_list(conn, 7, Purpose.SERVICE, [(0, record)])
    finally:
        conn.close()
    journal = ComplianceJournal(path)
    try:
        assert journal.purpose(7) is Purpose.SERVICE
        assert journal.records(7) == {0: record}
    finally:
        journal.close()


def test_todays_answers_rebuild_the_question_state(tmp_path: Path) -> None:
    journal = ComplianceJournal(tmp_path / "lists.sqlite3")
    try:
        journal.record_answer(Answer(1, "01204000000", MORNING - timedelta(days=1), True, "A"))
        journal.record_answer(Answer(1, "02249000000", MORNING, False, "A"))
        journal.record_answer(Answer(2, "01204000000", MORNING, True, "Asha"))
        start_of_day = india("2026-12-02", "00:00")
        answers = journal.answers(start_of_day)
    finally:
        journal.close()
    assert [(a.list_id, a.call_anyway, a.agent) for a in answers] == [
        (1, False, "A"),
        (2, True, "Asha"),
    ]
    state = CallerIdAnswers(answers)
    assert not state.needs_question(2, "01204000000", MORNING)
    assert state.needs_question(1, "01204000000", MORNING)  # yesterday's answer: asked again
    assert state.needs_question(1, "02249000000", MORNING)  # "Don't call": asked again


def test_a_later_scrub_replaces_only_the_records_it_names(tmp_path: Path) -> None:
    journal = ComplianceJournal(tmp_path / "lists.sqlite3")
    clean = ComplianceRecord(Dnd.NOT_REGISTERED, date(2026, 11, 1))
    try:
        journal.save_list(3, Purpose.PROMOTIONAL, ((p, clean) for p in range(4500)))
        journal.update_records(3, [(4499, ComplianceRecord(Dnd.REGISTERED, date(2026, 12, 1)))])
        records = journal.records(3)
    finally:
        journal.close()
    assert len(records) == 4500  # past two batches
    assert records[0] == clean
    assert records[4499].dnd is Dnd.REGISTERED
