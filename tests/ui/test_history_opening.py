"""A call's row that arrives while the history's first page is being read is never lost.

The first page is read on a worker from a snapshot: a call placed just after start-up may be
written after that snapshot but asked about ("does it belong?") before the page arrives. The
row must then show on top once the page is in, and only once when the page holds it too.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import cast

import pytest

from dialer_app.core.history.sql import Span, key_of
from dialer_app.core.history.window import Opened
from dialer_app.core.records import HistoryQuery, HistoryRow, Outcome
from dialer_app.services.history import HistoryService
from dialer_app.services.runner import Job
from dialer_app.ui.history.model import HistoryModel

EARLIER = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def campaign(row_id: int, minutes: int) -> HistoryRow:
    return HistoryRow(
        row_id=row_id, created_at=EARLIER + timedelta(minutes=minutes), member_name="Asha",
        member_number="9123456780", customer_number="9876543210", deskphone="08047192345",
        call_limit=0, outcome=Outcome.PLACED, campid=str(row_id), message="", finished_at=None,
    )  # fmt: skip


class HeldSource:
    """The history service with its answers in the test's hands."""

    def __init__(self) -> None:
        self.opening: Job[tuple[Opened, int]] = Job()
        self.questions: list[tuple[Job[tuple[HistoryQuery, HistoryRow, bool]], HistoryRow]] = []

    def open_window(self, query: HistoryQuery, limit: int) -> Job[tuple[Opened, int]]:
        return self.opening

    def belongs(
        self, query: HistoryQuery, row: HistoryRow
    ) -> Job[tuple[HistoryQuery, HistoryRow, bool]]:
        job: Job[tuple[HistoryQuery, HistoryRow, bool]] = Job()
        self.questions.append((job, row))
        return job

    def answer(self, query: HistoryQuery) -> None:
        for job, row in self.questions:
            job.succeeded.emit((query, row, True))
        self.questions.clear()

    def open(self, query: HistoryQuery, rows: list[HistoryRow]) -> None:
        keys = [key_of(row, query.sort) for row in rows]
        opened = Opened(query, rows, Span(keys[0], keys[-1]) if rows else None)
        self.opening.progressed.emit(opened)
        self.opening.succeeded.emit((opened, len(rows)))


@pytest.mark.parametrize("page_holds_it", [False, True], ids=["read before", "read after"])
def test_a_new_row_met_while_the_first_page_is_read_shows_once_on_top(
    page_holds_it: bool,
) -> None:
    source = HeldSource()
    model = HistoryModel(cast(HistoryService, source))
    query = HistoryQuery()
    model.set_query(query)
    older, new = campaign(1, 0), campaign(2, 5)
    model.upsert(new)  # the call's row, written just after start-up
    source.answer(query)  # it belongs: answered before the first page arrives
    source.open(query, [new, older] if page_holds_it else [older])
    assert model.rowCount() == 2
    assert [model.row_at(0).row_id, model.row_at(1).row_id] == [2, 1]


def test_a_newer_version_of_the_held_row_is_the_one_shown() -> None:
    source = HeldSource()
    model = HistoryModel(cast(HistoryService, source))
    query = HistoryQuery()
    model.set_query(query)
    sending = dataclasses.replace(campaign(2, 5), outcome=Outcome.UNKNOWN)
    model.upsert(sending)
    source.answer(query)
    model.upsert(campaign(2, 5))  # the request came back: placed
    source.answer(query)
    source.open(query, [campaign(1, 0)])
    assert model.rowCount() == 2
    assert model.row_at(0).outcome is Outcome.PLACED
