"""Scrub and consent files as operators and CRMs write them: which leads a promotional list
keeps, which it refuses and why, and that service and transactional lists keep every row."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from dialer_app.core.compliance.columns import Dnd, find_scrub_columns, read_day, read_dnd
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.compliance.scrub import ComplianceRecord, check_table
from dialer_app.core.leads.read import read_table
from tests.helpers.lists import write_csv, write_xlsx

SCRUBBED = date(2026, 11, 20)
R, N, U = Dnd.REGISTERED, Dnd.NOT_REGISTERED, Dnd.UNKNOWN

# A scrub file as an operator returns it, and each row's DND status as it must be read.
OPERATOR_FILES: list[tuple[str, list[list[str]], list[Dnd]]] = [
    ("Y/N with a scrub date", [
        ["Name", "Mobile", "DND (Y/N)", "Scrubbed On"],
        ["Asha", "9876543210", "Y", "20/11/2026"],
        ["Ravi", "9876543211", "N", "20/11/2026"],
        ["Meena", "9876543212", "y", "2026-11-20"],
    ], [R, N, R]),
    ("DND/Non-DND", [
        ["name", "number", "dnd_status", "scrub_date"],
        ["Asha", "9876543210", "DND", "20-Nov-2026"],
        ["Ravi", "9876543211", "Non-DND", "20-Nov-2026"],
        ["Meena", "9876543212", "NON DND", "20.11.2026"],
    ], [R, N, N]),
    ("registered / not registered", [
        ["Customer Name", "Phone", "NCPR Status", "Scrub Date"],
        ["Asha", "9876543210", "Registered", "20/11/26"],
        ["Ravi", "9876543211", "Not Registered", "20/11/26"],
        ["Meena", "9876543212", "not registered", "20/11/26"],
    ], [R, N, N]),
    ("1/0 and yes/no", [
        ["Name", "Mobile", "DND", "scrubbed_on"],
        ["Asha", "9876543210", "1", "2026-11-20"],
        ["Ravi", "9876543211", "0", "2026-11-20"],
        ["Meena", "9876543212", "Yes", "2026-11-20"],
        ["Kiran", "9876543213", "no", "2026-11-20"],
    ], [R, N, R, N]),
]  # fmt: skip


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    header, *rows = read_table(path)
    return header, rows


@pytest.mark.parametrize(
    ("rows", "expected"),
    [(rows, expected) for _, rows, expected in OPERATOR_FILES],
    ids=[name for name, _, _ in OPERATOR_FILES],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_an_operators_scrub_file_keeps_non_dnd_leads_and_refuses_dnd_ones(
    rows: list[list[str]], expected: list[Dnd], delimiter: str, tmp_path: Path
) -> None:
    header, cells = _read(write_csv(tmp_path / "scrub.csv", delimiter, rows, "utf-8-sig"))
    check = check_table(Purpose.PROMOTIONAL, header, cells)
    assert check.list_refusal is None
    assert [record.dnd for record in check.records] == expected
    assert all(record.scrubbed_on == SCRUBBED for record in check.records)
    refused = [index for index, dnd in enumerate(expected) if dnd is R]
    assert sorted(check.refusals) == refused
    for index in refused:
        text = str(check.refusals[index])
        assert text.startswith("Registered on NCPR (DND) and no consent: not imported")
        assert "needs the customer's consent" in text  # what would allow the call


@pytest.mark.parametrize("purpose", [Purpose.SERVICE, Purpose.TRANSACTIONAL])
def test_service_and_transactional_lists_keep_dnd_rows_for_the_audit(
    purpose: Purpose, tmp_path: Path
) -> None:
    _, rows, expected = OPERATOR_FILES[0]
    header, cells = _read(write_csv(tmp_path / "scrub.csv", ",", rows))
    check = check_table(purpose, header, cells)
    assert check.list_refusal is None
    assert check.refusals == {}
    assert [record.dnd for record in check.records] == expected


def test_an_xlsx_scrub_file_with_number_date_and_text_cells(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "scrub.xlsx", [
        ["Name", "Mobile", "DND", "Scrubbed on", "Consent Source", "Consent Date"],
        ["Asha", 9876543210, 1, datetime(2026, 11, 20), None, None],
        ["Ravi", 9876543211, 0, 46346, None, None],  # an Excel day number
        ["Meena", "9876543212", "Y", "20/11/2026", "Website form", "2026-10-02"],
        ["Kiran", 9876543213, None, "20/11/2026", None, None],  # no result, no consent
    ])  # fmt: skip
    header, cells = _read(path)
    check = check_table(Purpose.PROMOTIONAL, header, cells)
    assert check.records == [
        ComplianceRecord(R, SCRUBBED),
        ComplianceRecord(N, SCRUBBED),
        ComplianceRecord(R, SCRUBBED, "Website form", date(2026, 10, 2)),
        ComplianceRecord(U, SCRUBBED),
    ]
    assert sorted(check.refusals) == [0, 3]  # DND with consent is kept
    assert str(check.refusals[3]).startswith("No DND scrub result and no consent")


# A consent file as a CRM writes it: (header, cell) -> the consent source recorded
CONSENT: list[tuple[str, str, str]] = [
    ("Consent", "Yes", "Consent"),
    ("consent", "IVR opt-in", "IVR opt-in"),
    ("Opt-in", "Y", "Opt-in"),
    ("OPT IN", "1", "OPT IN"),
    ("consent_source", "Website form", "Website form"),
    ("Consent Source", "", ""),
    ("Consent", "No", ""),
    ("Opt-in", "0", ""),
]


@pytest.mark.parametrize(("column", "cell", "source"), CONSENT)
def test_a_consent_column_is_a_record_of_consent(column: str, cell: str, source: str) -> None:
    header = ["Name", "Mobile", column, "consent_on"]
    check = check_table(Purpose.PROMOTIONAL, header, [["Asha", "9876543210", cell, "2/10/2026"]])
    assert check.list_refusal is None
    [record] = check.records
    assert record.consent_source == source
    assert record.consent_on == (date(2026, 10, 2) if source else None)
    assert (0 in check.refusals) is (not source)


def test_an_explicit_no_wins_over_a_source_written_beside_it() -> None:
    header = ["Mobile", "Consent", "Consent source", "DND"]
    rows = [["9876543210", "No", "Website", "Y"]]
    check = check_table(Purpose.PROMOTIONAL, header, rows, scrubbed_on=SCRUBBED)
    assert check.records[0].consent_source == ""
    assert 0 in check.refusals


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("dnd", "dnd"), ("NCPR", "dnd"), ("dnd_status", "dnd"), ("DND Status", "dnd"),
        ("DND (Y/N)", "dnd"), ("consent", "consent"), ("Consent Source", "consent_source"),
        ("consent_source", "consent_source"), ("opt-in", "consent"), ("Consent_On", "consent_on"),
        ("consent date", "consent_on"), ("scrubbed_on", "scrubbed_on"),
        ("Scrub Date", "scrubbed_on"), ("scrubbed on", "scrubbed_on"),
        ("DND scrub date", "scrubbed_on"),
    ],
)  # fmt: skip
def test_headers_are_recognised_as_whole_words_in_any_case(header: str, role: str) -> None:
    columns = find_scrub_columns(["Name", "Mobile", header])
    assert getattr(columns, role) == 2


@pytest.mark.parametrize("header", ["Address", "Hindrance", "Addnd", "Consenting adults club"])
def test_a_word_that_only_contains_a_term_is_not_a_scrub_column(header: str) -> None:
    assert not find_scrub_columns(["Name", "Mobile", header]).scrub_or_consent


def test_a_promotional_list_without_scrub_or_consent_is_refused_saying_what_to_add() -> None:
    check = check_table(Purpose.PROMOTIONAL, ["Name", "Mobile", "City"], [["A", "98765", "X"]])
    text = str(check.list_refusal)
    assert text.startswith("A promotional list needs a DND scrub column or a consent column")
    assert "“DND”" in text
    assert "“Consent source”" in text
    assert "Columns found: “Name”, “Mobile”, “City”." in text
    assert check.records == []
    assert check.refusals == {}
    assert check_table(Purpose.SERVICE, ["Name", "Mobile"], [["A", "98765"]]).list_refusal is None


def test_a_dnd_column_without_a_scrub_date_needs_the_previews_date() -> None:
    header, rows = ["Name", "Mobile", "DND"], [["Asha", "9876543210", "N"]]
    assert find_scrub_columns(header).needs_scrub_date
    refused = check_table(Purpose.PROMOTIONAL, header, rows).list_refusal
    assert "needs the date of the scrub" in str(refused)
    check = check_table(Purpose.PROMOTIONAL, header, rows, scrubbed_on=SCRUBBED)
    assert check.list_refusal is None
    assert check.records[0].scrubbed_on == SCRUBBED


def test_a_cell_that_is_not_a_scrub_result_is_refused_quoting_it() -> None:
    header = ["Mobile", "DND", "Scrubbed on"]
    check = check_table(Purpose.PROMOTIONAL, header, [["9876543210", "maybe", "20/11/2026"]])
    assert check.records[0].dnd is Dnd.UNREADABLE
    assert "The DND column holds “maybe”, which is not a scrub result" in str(check.refusals[0])
    assert "Write Y or N" in str(check.refusals[0])


@pytest.mark.parametrize(
    ("cell", "status"),
    [("Y", R), ("n", N), ("DND", R), ("Non-DND", N), ("non dnd", N), ("NONDND", N),
     ("Registered", R), ("Not Registered", N), ("yes", R), ("No", N), ("1", R), ("0", N),
     ("", U), ("  ", U), ("N/A", U), ("-", U), ("perhaps", Dnd.UNREADABLE)],
)  # fmt: skip
def test_scrub_values_as_operators_spell_them(cell: str, status: Dnd) -> None:
    assert read_dnd(cell) is status


@pytest.mark.parametrize(
    ("cell", "day"),
    [("2026-11-20", SCRUBBED), ("2026-11-20 00:00:00", SCRUBBED), ("20/11/2026", SCRUBBED),
     ("20-11-2026", SCRUBBED), ("20.11.2026", SCRUBBED), ("20/11/26", SCRUBBED),
     ("20-Nov-2026", SCRUBBED), ("20 November 2026", SCRUBBED), ("46346", SCRUBBED),
     ("", None), ("31/02/2026", None), ("soon", None), ("20-Foo-2026", None)],
)  # fmt: skip
def test_dates_as_indian_spreadsheets_hold_them(cell: str, day: date | None) -> None:
    assert read_day(cell) == day
