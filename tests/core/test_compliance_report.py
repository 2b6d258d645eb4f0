"""The audit: a promotional list imported with its scrub file, called, refused; the
compliance report's rows equal the history's, and the list export's audit cells."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from dialer_app.app import main
from dialer_app.core.compliance import caller_id, hours
from dialer_app.core.compliance.audit import AUDIT_COLUMNS, india_time, list_audit
from dialer_app.core.compliance.journal import ComplianceJournal
from dialer_app.core.compliance.opt_out import asked_not_to_be_called, reason_text
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.compliance.report import CALL_COLUMNS, REFUSAL_COLUMNS
from dialer_app.core.compliance.scrub import check_table
from dialer_app.core.config import Paths
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.leads.model import LeadList, RefusedRow, build_preview
from dialer_app.core.leads.sqlite_store import SqliteLeadStore
from dialer_app.core.records import CallRequest, CallResult, Outcome, WrapUp
from tests.helpers.hours import india
from tests.helpers.xlsx import read_sheet

MORNING = india("2026-12-02", "10:00")
ROWS = [
    ["Name", "Mobile", "DND", "Scrubbed on", "Consent source"],
    ['=HYPERLINK("http://x")', "9876543210", "N", "20/11/2026", ""],
    ["Ravi", "9876543211", "Y", "20/11/2026", ""],  # on NCPR, no consent: refused
    ["Meena", "9876543212", "Y", "20/11/2026", "Website form"],  # on NCPR with consent
    ["Kiran", "9876543218", "N", "20/11/2026", ""],  # on the do-not-call list
]


def import_list(paths: Paths) -> LeadList:
    """What the import preview does for a promotional list (the lead wires the window)."""
    blocked = {"9876543218"}.__contains__
    preview = build_preview("day", "day.csv", ROWS, blocked)
    check = check_table(Purpose.PROMOTIONAL, list(preview.columns), ROWS[1:])
    for index, reason in check.refusals.items():
        lead = next(lead for lead in preview.ready if lead.position == index)
        preview.ready.remove(lead)
        preview.refused.append(
            RefusedRow(index, index + 2, lead.number, lead.name, lead.cells, reason)
        )
    store = SqliteLeadStore(paths.lists)
    journal = ComplianceJournal(paths.lists, clock=lambda: MORNING)
    try:
        made = store.create_list(preview)
        assert made is not None
        journal.save_list(made.list_id, Purpose.PROMOTIONAL, enumerate(check.records))
    finally:
        journal.close()
        store.close()
    return made


def call(history: HistoryStore, number: str, deskphone: str, outcome: Outcome) -> int:
    row = history.begin(CallRequest(number, "9700009153", deskphone, 0, "Aarav Sharma"))
    history.finish(row, CallResult(outcome, "", "3570001" if outcome is Outcome.PLACED else None))
    return row


@pytest.fixture
def worked(tmp_path: Path) -> tuple[Paths, LeadList, list[int]]:
    """The list imported, two of its leads called, one call outside it, two calls refused."""
    paths = Paths(tmp_path)
    day = import_list(paths)
    clock = iter(MORNING + timedelta(minutes=minute) for minute in range(100))
    history = HistoryStore(paths.history, clock=lambda: next(clock))
    journal = ComplianceJournal(paths.lists, clock=lambda: MORNING + timedelta(hours=12))
    store = SqliteLeadStore(paths.lists)
    try:
        leads = {lead.number: lead for lead in store.iter_leads(day.list_id)}
        first = call(history, "9876543210", "01409000000", Outcome.PLACED)
        history.save_wrap_up(first, WrapUp("Interested"))
        call(history, "9123456789", "01204000000", Outcome.PLACED)  # a call outside the list
        second = call(history, "9876543212", "01204000000", Outcome.REJECTED)
        for row, number in ((first, "9876543210"), (second, "9876543212")):
            journal.record_call(row, day.list_id, leads[number].lead_id, Purpose.PROMOTIONAL)
        night = hours.refusal(
            Purpose.PROMOTIONAL, MORNING + timedelta(hours=12), hours.HoursSettings()
        )
        assert night is not None
        journal.record_refusal("9876543212", hours.RULE, night, day.list_id)
        journal.record_refusal("9876543210", caller_id.RULE, caller_id.not_called("01204000000"),
                               day.list_id)  # fmt: skip
        history.block("9876543212", reason_text(asked_not_to_be_called()), "Aarav Sharma")
    finally:
        store.close()
        journal.close()
        history.close()
    return paths, day, [first, second]


def test_the_reports_calls_equal_the_historys_rows(
    worked: tuple[Paths, LeadList, list[int]], tmp_path: Path
) -> None:
    paths, day, rows = worked
    out = tmp_path / "report.xlsx"
    assert main(["--data-dir", str(paths.data_dir), "--compliance-report", "day", str(out)]) == 0
    sheet = read_sheet(out, 1)
    assert [cell.value for cell in sheet[0]] == list(CALL_COLUMNS)
    history = HistoryStore(paths.history)
    try:
        expected = [history.get(row) for row in rows]
    finally:
        history.close()
    names = {"9876543210": '=HYPERLINK("http://x")', "9876543212": "Meena"}
    assert [[cell.value for cell in line] for line in sheet[1:]] == [
        [india_time(row.created_at), row.customer_number, names[row.customer_number], day.name,
         "promotional", row.deskphone, row.outcome.value, row.disposition or "", row.member_name]
        for row in expected
    ]  # fmt: skip
    assert sheet[1][0].value == "2026-12-02T10:00:00+05:30"  # India time
    assert [cell.kind for cell in sheet[1]][:3] == ["text", "number", "text"]  # not a formula
    assert sheet[2][7].kind == "empty"  # no wrap-up


def test_every_refusal_is_in_the_report_with_its_rule(
    worked: tuple[Paths, LeadList, list[int]], tmp_path: Path
) -> None:
    paths, _day, _rows = worked
    out = tmp_path / "report.xlsx"
    assert main(["--data-dir", str(paths.data_dir), "--compliance-report", "day", str(out)]) == 0
    sheet = read_sheet(out, 2)
    assert [cell.value for cell in sheet[0]] == list(REFUSAL_COLUMNS)
    found = [(line[1].value, line[2].value, line[3].value) for line in sheet[1:]]
    assert [(number, rule) for number, rule, _ in found] == [
        ("9876543211", "ncpr"),  # at import, when the purpose was chosen
        ("9876543218", "do_not_call"),
        ("9876543212", "hours"),
        ("9876543210", "caller_id"),
    ]
    assert found[0][2].startswith("Registered on NCPR (DND) and no consent: not imported")
    assert found[2][2].startswith("Not called: promotional calls are allowed only from 09:00")
    assert "deskphone 01204000000" in found[3][2]
    assert all(cell.kind != "formula" for line in sheet for cell in line)


def test_the_report_names_what_is_wrong_on_the_command_line(
    worked: tuple[Paths, LeadList, list[int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths, _day, _rows = worked
    data = str(paths.data_dir)
    assert main(["--data-dir", data, "--compliance-report", "nope", str(tmp_path / "a.xlsx")]) == 1
    assert "no list named 'nope' (lists: day)" in capsys.readouterr().err
    assert main(["--data-dir", data, "--compliance-report", "day", str(tmp_path / "a.csv")]) == 2
    assert main(["--data-dir", str(tmp_path / "empty"), "--compliance-report", "day",
                 str(tmp_path / "a.xlsx")]) == 1  # fmt: skip
    assert "no call-down lists" in capsys.readouterr().err


def test_the_list_exports_audit_cells(worked: tuple[Paths, LeadList, list[int]]) -> None:
    paths, day, _rows = worked
    store, journal = SqliteLeadStore(paths.lists), ComplianceJournal(paths.lists)
    history = HistoryStore(paths.history)
    try:
        audit = list_audit(
            journal.purpose(day.list_id), journal.records(day.list_id), history.opt_outs()
        )
        cells = {lead.name: audit.values(lead) for lead in store.iter_leads(day.list_id)}
    finally:
        history.close()
        journal.close()
        store.close()
    assert len(AUDIT_COLUMNS) == len(cells["Meena"])
    assert dict(zip(AUDIT_COLUMNS, cells["Meena"], strict=True)) == {
        "purpose": "promotional",
        "dnd_status": "dnd",
        "scrubbed_on": "2026-11-20",
        "consent_source": "Website form",
        "consent_on": "",
        "opted_out_at": "2026-12-02T10:06:00+05:30",  # after three calls, two clock reads each
    }
    assert cells["Ravi"][:2] == ("promotional", "dnd")
    assert cells['=HYPERLINK("http://x")'][1:] == ("non_dnd", "2026-11-20", "", "", "")


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--purpose", "sales", "--import-list", "x.csv"], "“sales” is not a purpose"),
        (["--purpose", "Service"], "--purpose goes with --import-list FILE"),
    ],
)
def test_purpose_on_the_command_line_is_checked(
    argv: list[str], error: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), *argv]) == 2
    assert error in capsys.readouterr().err
