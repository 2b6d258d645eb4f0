"""The compliance journal's one door: every read and write of it, each a job on a worker.

The journal (``core/compliance/journal.py``) lives in the lists file; it is opened by the
first job, never on the GUI thread. The call path reads a list's rules before a call
(``rules``: its purpose and today's caller-ID answers) and records every refusal, every
answer and every call of a list; the import preview checks a file under a purpose here
(``with_purpose``), the list export adds the audit columns (``audit_fields``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from dialer_app.core.clock import Clock, utc_now
from dialer_app.core.compliance.audit import export_fields, list_audit
from dialer_app.core.compliance.caller_id import Answer, CallerIdAnswers
from dialer_app.core.compliance.journal import ComplianceJournal
from dialer_app.core.compliance.preview import with_purpose
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.compliance.rescrub import ScrubUpdate, apply_scrub
from dialer_app.core.compliance.scrub import RULE_SCRUB
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.hours import IST
from dialer_app.core.leads.columns import SAMPLE_ROWS, listed, number_column
from dialer_app.core.leads.export import Fields
from dialer_app.core.leads.model import NO_NUMBER_COLUMN, Lead, Preview, file_error
from dialer_app.core.text import Sentence
from dialer_app.services.runner import Job, Runner

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ListRules:
    """What a call of a list is checked against: its purpose (None: not chosen yet) and the
    caller-ID answers given today."""

    list_id: int
    purpose: Purpose | None
    answers: CallerIdAnswers


class ComplianceService(QObject):
    """The compliance journal, as jobs on ``runner``; ``history`` holds the do-not-call list.

    Signals:
        purpose_changed(int, Purpose): a list imported before purposes has one now
    """

    purpose_changed = Signal(int, object)

    def __init__(
        self,
        open_journal: Callable[[], ComplianceJournal],
        history: HistoryStore | None,
        runner: Runner,
        *,
        clock: Clock = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open = open_journal
        self._journal: ComplianceJournal | None = None
        self._opening = threading.Lock()
        self._history = history
        self._runner = runner
        self.clock = clock

    def _opened(self) -> ComplianceJournal:
        with self._opening:
            if self._journal is None:
                self._journal = self._open()
            return self._journal

    def _submit(self, work: Callable[[ComplianceJournal], T]) -> Job[T]:
        return self._runner.submit(lambda: work(self._opened()))

    def close(self) -> None:
        """Close the journal if it was opened (at shutdown, once no job runs)."""
        with self._opening:
            if self._journal is not None:
                self._journal.close()

    # -- the import ---------------------------------------------------------------------
    def with_purpose(
        self, preview: Preview, purpose: Purpose, scrubbed_on: date | None
    ) -> Job[Preview]:
        """``preview`` checked for ``purpose`` (``core.compliance.preview``); no store read."""
        return self._runner.submit(lambda: with_purpose(preview, purpose, scrubbed_on))

    def purposes(self, list_ids: tuple[int, ...]) -> Job[dict[int, Purpose]]:
        """The lists' purposes (a list imported before purposes has none)."""

        def work(journal: ComplianceJournal) -> dict[int, Purpose]:
            found = {list_id: journal.purpose(list_id) for list_id in list_ids}
            return {list_id: purpose for list_id, purpose in found.items() if purpose}

        return self._submit(work)

    def set_purpose(self, list_id: int, purpose: Purpose) -> Job[Purpose]:
        """A purpose for a list imported before purposes (asked before its first call)."""

        def work(journal: ComplianceJournal) -> Purpose:
            journal.save_list(list_id, purpose, ())
            return purpose

        job = self._submit(work)
        job.on_success(lambda chosen: self.purpose_changed.emit(list_id, chosen))
        return job

    def scrub_preview(
        self, list_id: int, path: Path, leads: list[Lead], scrubbed_on: date | None
    ) -> Job[ScrubUpdate]:
        """What an operator's scrub file would change in the list (``rescrub.apply_scrub``);
        nothing is saved yet."""

        def work(journal: ComplianceJournal) -> ScrubUpdate:
            from dialer_app.core.leads.read import read_table  # csv, calamine: not at start-up

            rows = read_table(path)
            header = [cell.strip() for cell in rows[0]] if rows else []
            number = number_column(header, rows[1:SAMPLE_ROWS])
            if number is None:
                raise file_error(NO_NUMBER_COLUMN, columns=listed(header))
            purpose = journal.purpose(list_id) or Purpose.SERVICE
            return apply_scrub(purpose, header, rows[1:], number, leads,
                               journal.records(list_id), scrubbed_on)  # fmt: skip

        return self._submit(work)

    def apply_scrub(
        self, list_id: int, update: ScrubUpdate, numbers: dict[int, str]
    ) -> Job[ScrubUpdate]:
        """Keep a scrub file's new records for the list's audit, and each lead it now
        refuses with its rule (``numbers``: position -> number)."""

        def work(journal: ComplianceJournal) -> ScrubUpdate:
            journal.update_records(list_id, update.records.items())
            for position, why in update.refused.items():
                journal.record_refusal(numbers.get(position, ""), RULE_SCRUB, why, list_id)
            return update

        return self._submit(work)

    # -- the call path ------------------------------------------------------------------
    def rules(self, list_id: int) -> Job[ListRules]:
        """The list's purpose and today's caller-ID answers (India day)."""

        def work(journal: ComplianceJournal) -> ListRules:
            today = self.clock().astimezone(IST).date()
            since = datetime.combine(today, time(0), tzinfo=IST)
            return ListRules(list_id, journal.purpose(list_id),
                             CallerIdAnswers(journal.answers(since)))  # fmt: skip

        return self._submit(work)

    def record_refusal(
        self, number: str, rule: str, sentence: Sentence, list_id: int | None
    ) -> Job[object]:
        """A refused call, with its rule (the compliance report's ``Refusals``)."""
        return self._submit(lambda j: j.record_refusal(number, rule, sentence, list_id))

    def record_answer(self, answer: Answer) -> Job[Answer]:
        """The caller-ID question's answer, kept with the list."""
        return self._submit(lambda j: j.record_answer(answer))

    def record_call(
        self, history_row: int, list_id: int, lead_id: int | None, purpose: Purpose
    ) -> Job[None]:
        """A history row is a call of this list, under this purpose."""
        return self._submit(lambda j: j.record_call(history_row, list_id, lead_id, purpose))

    # -- the export ---------------------------------------------------------------------
    def audit_fields(self, list_id: int) -> Callable[[], Fields]:
        """The list export's audit columns (``dialer_purpose`` …), read when called (on the
        export's worker)."""
        history = self._history

        def read() -> Fields:
            journal = self._opened()
            opt_outs = history.opt_outs() if history is not None else []
            audit = list_audit(journal.purpose(list_id), journal.records(list_id), opt_outs)
            return export_fields(audit)

        return read
