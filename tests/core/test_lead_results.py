"""Issue 20, items 10, 13 and 14 in the lists file and its export: a lead's alternate numbers
and the names sharing its number are kept; every column the export adds is ``dialer_…``, so a
file's own ``status`` column is never doubled (CSV and XLSX alike)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from dialer_app.core.leads.export import write_list
from dialer_app.core.leads.model import build_preview
from dialer_app.core.leads.sqlite_store import MIGRATIONS, SqliteLeadStore
from tests.helpers.lists import lead_rows

ROWS = [
    ["Name", "Mobile", "status", "note"],
    ["Asha Rao", "9596186578 / 9797776098", "hot", "met at the fair"],
    ["Ravi", "9123456789", "cold", ""],
    ["Asha's brother", "9596186578", "new", ""],
]
ADDED = [
    "dialer_status", "dialer_attempts", "dialer_outcome", "dialer_disposition", "dialer_note",
    "dialer_campid", "dialer_talk_seconds", "dialer_call_back_at", "dialer_alternate_numbers",
    "dialer_same_number_as", "dialer_refused_because",
]  # fmt: skip


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


READERS = {".csv": read_csv, ".xlsx": lead_rows}


@pytest.mark.parametrize("suffix", READERS)
def test_every_added_column_is_prefixed_and_the_files_own_are_untouched(
    suffix: str, tmp_path: Path
) -> None:
    store = SqliteLeadStore(tmp_path / "lists.sqlite3")
    made = store.create_list(build_preview("day", "day.csv", ROWS, lambda _n: False))
    assert made is not None
    out = tmp_path / f"out{suffix}"
    write_list(made, store.iter_leads(made.list_id), out)
    store.close()
    header, asha, ravi, brother = (row + [""] * (15 - len(row)) for row in READERS[suffix](out))
    assert header == [*ROWS[0], *ADDED]
    assert header.count("status") == 1
    by = dict(zip(header, asha, strict=True))
    assert (by["status"], by["note"], by["dialer_status"]) == ("hot", "met at the fair", "new")
    assert by["dialer_alternate_numbers"] == "9797776098"
    assert by["dialer_same_number_as"] == "Asha's brother"
    assert dict(zip(header, ravi, strict=True))["status"] == "cold"
    again = dict(zip(header, brother, strict=True))
    assert again["dialer_status"] == "refused"
    assert again["dialer_refused_because"] == (
        "Same number as row 2 (Asha Rao): not imported again."
    )


def test_alternates_and_shared_names_are_kept_in_the_lists_file(tmp_path: Path) -> None:
    store = SqliteLeadStore(tmp_path / "lists.sqlite3")
    made = store.create_list(build_preview("day", "day.csv", ROWS, lambda _n: False))
    assert made is not None
    store.close()
    store = SqliteLeadStore(tmp_path / "lists.sqlite3")
    asha = next(store.iter_leads(made.list_id))
    assert (asha.number, asha.alternates, asha.same_number) == (
        "9596186578", ("9797776098",), ("Asha's brother",)
    )  # fmt: skip
    store.close()


def test_a_lists_file_from_before_the_alternates_opens_with_none(tmp_path: Path) -> None:
    path = tmp_path / "lists.sqlite3"
    with sqlite3.connect(path) as db:
        for sql in MIGRATIONS[1]:
            db.execute(sql)
        db.execute("PRAGMA user_version = 1")
        db.execute("INSERT INTO lists (name, source, columns, created_at) VALUES"
                   " ('old', 'old.csv', ?, '2026-12-01T00:00:00+00:00')",
                   (json.dumps(["Name", "Mobile"]),))  # fmt: skip
        db.execute("INSERT INTO leads (list_id, position, name, number, cells, status) VALUES"
                   " (1, 0, 'Asha', '9876543210', ?, 'new')",
                   (json.dumps(["Asha", "9876543210"]),))  # fmt: skip
    db.close()
    store = SqliteLeadStore(path)
    [lead] = list(store.iter_leads(1))
    assert (lead.name, lead.alternates, lead.same_number) == ("Asha", (), ())
    store.close()
