"""Lists → Import DND scrub result…: an operator's scrub file applied to a list already
imported, matched by number in whatever form the operator writes it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from dialer_app.core.compliance.columns import Dnd
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.compliance.rescrub import apply_scrub
from dialer_app.core.compliance.scrub import ComplianceRecord
from dialer_app.core.leads.read import read_table
from tests.helpers.lists import write_csv, write_xlsx

SCRUBBED = date(2026, 11, 20)


@dataclass(frozen=True)
class Lead:
    position: int
    number: str


LEADS = [Lead(0, "9876543210"), Lead(1, "9876543211"), Lead(2, "9876543212")]
HELD = {2: ComplianceRecord(consent_source="IVR", consent_on=date(2026, 10, 1))}
SCRUB = [
    ["MSISDN", "DND status", "Scrub Date"],
    ["919876543210", "NON-DND", "20/11/2026"],  # the operator's form: 91 and 10 digits
    ["09876543211", "DND", "20/11/2026"],
    ["9876543212", "DND", "20/11/2026"],  # registered, with consent held: kept
    ["9845012345", "DND", "20/11/2026"],  # not in the list
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_scrub_file_updates_the_leads_it_names(kind: str, tmp_path: Path) -> None:
    rows = SCRUB
    if kind == "csv":
        path = write_csv(tmp_path / "scrub.csv", ",", rows)
    else:
        numbers: list[list[object]] = [[int(row[0]), row[1], row[2]] for row in rows[1:]]
        path = write_xlsx(tmp_path / "scrub.xlsx", [list(rows[0]), *numbers])
    header, *cells = read_table(path)
    update = apply_scrub(Purpose.PROMOTIONAL, header, cells, 0, LEADS, HELD)
    assert update.refusal is None
    assert (update.matched, update.not_in_list) == (3, 1)
    assert update.records[0] == ComplianceRecord(Dnd.NOT_REGISTERED, SCRUBBED)
    assert update.records[1].dnd is Dnd.REGISTERED
    assert update.records[2] == ComplianceRecord(
        Dnd.REGISTERED, SCRUBBED, "IVR", date(2026, 10, 1)
    )  # its consent kept
    assert list(update.refused) == [1]
    assert str(update.refused[1]).startswith("Registered on NCPR (DND) and no consent")


def test_a_service_list_takes_the_result_and_refuses_nobody() -> None:
    header, rows = ["Mobile", "DND"], [["9876543211", "Y"]]
    update = apply_scrub(Purpose.SERVICE, header, rows, 0, LEADS, {}, scrubbed_on=SCRUBBED)
    assert update.refused == {}
    assert update.records == {1: ComplianceRecord(Dnd.REGISTERED, SCRUBBED)}


def test_a_file_that_is_not_a_scrub_result_says_what_is_missing() -> None:
    no_dnd = apply_scrub(Purpose.PROMOTIONAL, ["Mobile", "City"], [], 0, LEADS, {})
    assert "has no DND column" in str(no_dnd.refusal)
    assert "Columns found: “Mobile”, “City”." in str(no_dnd.refusal)
    no_date = apply_scrub(Purpose.PROMOTIONAL, ["Mobile", "NCPR"], [], 0, LEADS, {})
    assert "enter the date of the scrub" in str(no_date.refusal)
