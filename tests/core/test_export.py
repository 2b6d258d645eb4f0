"""CSV export: from the history file to a spreadsheet and back without losing a digit."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dialer_app.app import main
from dialer_app.core.export import FIELDS, write_csv
from dialer_app.core.history import HistoryStore
from dialer_app.core.records import CallRequest, CallResult, HistoryQuery, Outcome

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
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_round_trip_keeps_numbers_as_text_and_times_with_their_zone(
    store: HistoryStore, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "history.csv"
    assert write_csv(store.iter_rows(HistoryQuery()), target) == 3
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
    raw = target.read_text(encoding="utf-8")
    assert '"0987654321"' in raw  # quoted: spreadsheets read it as text
    assert ",60," in raw  # counts stay numbers


def test_export_follows_the_filter_and_order(store: HistoryStore, tmp_path: Path) -> None:
    target = tmp_path / "filtered.csv"
    query = HistoryQuery(text="98765", sort="customer_number", descending=False)
    write_csv(store.iter_rows(query), target)
    assert [row["customer_number"] for row in read(target)] == ["9876543210"]


def test_a_failed_export_leaves_no_half_file(store: HistoryStore, tmp_path: Path) -> None:
    def broken():  # type: ignore[no-untyped-def]
        yield from store.iter_rows(HistoryQuery())
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
