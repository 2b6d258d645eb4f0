"""Calling within the law through the real window against the sandbox (issue 23).

The import preview asks each list's purpose; a promotional list needs its scrub or consent and
refuses NCPR rows; a list's call meets its purpose's calling hours, then the caller-ID series
question; F11 puts a number on the do-not-call list and every path then refuses it; an
operator's scrub file is applied to a list; the export carries the audit columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk, assemble
from dialer_app.core.compliance.journal import ComplianceJournal
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.config import Paths
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.leads.model import build_preview
from dialer_app.core.leads.read import read_table
from dialer_app.core.leads.sqlite_store import SqliteLeadStore
from dialer_app.core.logsetup import Redactor
from dialer_app.sandbox import Sandbox
from dialer_app.ui.common.dialogs import ConfirmRedial
from dialer_app.ui.common.purpose import CallerIdQuestion, PurposeDialog
from dialer_app.ui.language import install_translations
from dialer_app.ui.leads.dialogs import ImportPreviewDialog
from dialer_app.ui.leads.menu import LeadListParts
from tests.helpers.hours import india
from tests.helpers.lists import ListClock, choose_purpose, lead_rows, write_csv
from tests.helpers.window import Launch, cell, wait_for_lists

T = TypeVar("T")
CLICK = "click_to_call_v3"
ORDINARY = "01204000000"  # the sandbox's first deskphone: not of a caller-ID series
SERIES_140 = "01409000000"


@pytest.fixture(autouse=True)
def english_again(qapp: QApplication) -> None:
    """The English catalogue (its plurals), again: a test before may have run ``main()``,
    which installs the system's language."""
    install_translations(qapp, "en")


def start(launch: Launch, qtbot: QtBot, clock: ListClock) -> Desk:
    desk = launch(clock=clock)
    wait_for_lists(qtbot, desk)
    qtbot.waitUntil(lambda: desk.window.lists is not None)
    return desk


def parts_of(desk: Desk) -> LeadListParts:
    assert desk.window.lists is not None
    return desk.window.lists


def open_preview(qtbot: QtBot, desk: Desk, source: Path, purpose: str = "") -> ImportPreviewDialog:
    files = parts_of(desk).files
    desk.window.import_list(str(source), purpose)
    qtbot.waitUntil(lambda: files.preview_dialog is not None, timeout=5000)
    dialog = files.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def imported(qtbot: QtBot, desk: Desk, dialog: ImportPreviewDialog, key: Qt.Key) -> None:
    """Return in the preview imports: the list's first lead is in the form."""
    QTest.keyClick(dialog.focusWidget() or dialog, key)
    qtbot.waitUntil(lambda: parts_of(desk).flow.lead is not None, timeout=5000)
    qtbot.waitUntil(lambda: desk.window.form.lead_id is not None)


def banner(desk: Desk) -> str:
    return desk.window.outcome_label.text()


def calls(sandbox: Sandbox) -> int:
    return len(sandbox.received(CLICK))


def call(desk: Desk) -> None:
    QTest.keyClick(desk.window.form.number_edit, Qt.Key.Key_Return)


def recording(asked: list[str], answer: Callable[[], T]) -> Callable[[object, object, str], T]:
    """A dialog's ``ask`` that keeps what it was asked and gives ``answer()``."""

    def ask(_cls: object, _parent: object, text: str) -> T:
        asked.append(text)
        return answer()

    return ask


def refusals(data_dir: Path, list_id: int | None) -> list[tuple[str, str]]:
    journal = ComplianceJournal(Paths(data_dir).lists)
    try:
        return [(r.number, r.rule) for r in journal.refusals(list_id)]
    finally:
        journal.close()


@pytest.mark.usefixtures("saved_key")
def test_a_promotional_list_asks_its_purpose_and_the_scrub_date_and_refuses_ncpr_rows(
    qtbot: QtBot, launch: Launch, tmp_path: Path, sandbox: Sandbox
) -> None:
    source = write_csv(tmp_path / "offers.csv", ",", [
        ["Name", "Mobile", "DND (Y/N)"], ["Asha", "9876543210", "N"],
        ["Ravi", "9876543211", "Y"], ["Meena", "9876543212", "Non-DND"],
    ])  # fmt: skip
    desk = start(launch, qtbot, ListClock())
    dialog = open_preview(qtbot, desk, source)
    assert "Choose the list's purpose" in dialog.summary.text()
    assert not any(button.isChecked() for button in dialog.purpose.buttons.values())
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # no purpose chosen: nothing is imported
    assert dialog.isVisible()
    assert parts_of(desk).flow.active is None
    choose_purpose(qtbot, dialog, "promotional")
    assert dialog.purpose.date_edit.isVisible()  # a DND column, no "Scrubbed on": asked
    qtbot.waitUntil(dialog.import_button.isEnabled)
    assert "2 leads are ready to call" in dialog.summary.text()
    why = str(dialog.table.model().index(0, 4).data())
    assert why.startswith("Registered on NCPR (DND) and no consent: not imported")
    dialog.purpose.date_edit.setFocus()
    imported(qtbot, desk, dialog, Qt.Key.Key_Return)  # Return in the date field: today
    panel = parts_of(desk).panel
    qtbot.waitUntil(lambda: panel.purpose_label.text() == "Purpose: Promotional")
    assert panel.list_combo.currentText() == "offers (Promotional)"
    assert sandbox.received(CLICK) == []


@pytest.mark.usefixtures("saved_key")
def test_a_promotional_list_without_scrub_or_consent_is_refused_with_what_to_add(
    qtbot: QtBot, launch: Launch, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "plain.csv", ",", [["Name", "Mobile"], ["Asha", "9876543210"]])
    desk = start(launch, qtbot, ListClock())
    dialog = open_preview(qtbot, desk, source)
    choose_purpose(qtbot, dialog, "promotional")
    qtbot.waitUntil(lambda: "Not importable as it is" in dialog.summary.text())
    assert "needs a DND scrub column or a consent column" in dialog.summary.text()
    assert "Columns found: “Name”, “Mobile”." in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    choose_purpose(qtbot, dialog, "service")  # a service list needs no scrub
    qtbot.waitUntil(dialog.import_button.isEnabled)
    imported(qtbot, desk, dialog, Qt.Key.Key_Return)


@pytest.mark.usefixtures("saved_key")
def test_purpose_from_the_command_line_reaches_the_preview(
    qtbot: QtBot, launch: Launch, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "renewals.csv", ",", [["Name", "Mobile"], ["A", "9876543210"]])
    desk = start(launch, qtbot, ListClock())
    dialog = open_preview(qtbot, desk, source, "SERVICE")  # as the hand-over passes it
    qtbot.waitUntil(dialog.import_button.isEnabled)
    assert dialog.purpose.purpose is Purpose.SERVICE
    imported(qtbot, desk, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: parts_of(desk).panel.purpose_label.text() == "Purpose: Service")


@pytest.mark.usefixtures("saved_key")
def test_calling_hours_come_first_then_the_caller_id_question_remembered_for_the_day(
    qtbot: QtBot, launch: Launch, tmp_path: Path, sandbox: Sandbox, data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    asked: list[str] = []
    answers = [True, False]  # popped from the end: "Don't call", then "Call anyway"
    monkeypatch.setattr(CallerIdQuestion, "ask", classmethod(recording(asked, answers.pop)))
    source = write_csv(tmp_path / "offers.csv", ",", [
        ["Name", "Mobile", "DND", "Scrubbed on"], ["Asha", "9876543210", "N", "01/12/2026"],
        ["Ravi", "9876543211", "N", "01/12/2026"],
    ])  # fmt: skip
    clock = ListClock()
    clock.now = india("2026-12-02", "21:30")
    desk = start(launch, qtbot, clock)
    dialog = open_preview(qtbot, desk, source, "promotional")
    qtbot.waitUntil(dialog.import_button.isEnabled)
    imported(qtbot, desk, dialog, Qt.Key.Key_Return)
    list_id = parts_of(desk).flow.active.list_id  # type: ignore[union-attr]
    form = desk.window.form
    assert form.selected_deskphone() == ORDINARY

    call(desk)  # 21:30: the hours refuse it before any question
    qtbot.waitUntil(
        lambda: "promotional calls are allowed only from 09:00 to 21:00" in banner(desk)
    )
    assert asked == []
    clock.now = india("2026-12-03", "10:00")
    call(desk)  # the question: "Don't call"
    qtbot.waitUntil(lambda: "Not called: the deskphone 01204000000 is not of the series" in
                    banner(desk))  # fmt: skip
    assert "must come from a 140-series number" in asked[0]
    assert "01204000000" in asked[0]
    qtbot.waitUntil(form.call_button.isEnabled)
    call(desk)  # asked again after "Don't call": this time "Call anyway"
    qtbot.waitUntil(lambda: calls(sandbox) == 1, timeout=5000)
    assert len(asked) == 2
    qtbot.waitUntil(form.call_button.isEnabled, timeout=5000)
    QTest.keyClick(form.number_edit, Qt.Key.Key_F6)  # the next lead, same list and deskphone
    qtbot.waitUntil(lambda: form.number_edit.text() == "98765 43211", timeout=5000)
    call(desk)
    qtbot.waitUntil(lambda: calls(sandbox) == 2, timeout=5000)
    assert len(asked) == 2  # "Call anyway" holds for the day
    qtbot.waitUntil(lambda: [rule for _, rule in refusals(data_dir, list_id)] ==
                    ["hours", "caller_id"])  # fmt: skip
    journal = ComplianceJournal(Paths(data_dir).lists)
    try:
        assert [a.call_anyway for a in journal.answers(india("2026-12-03", "00:00"))] == [
            False, True]  # fmt: skip
        qtbot.waitUntil(lambda: len(journal.calls(list_id)) == 2)
    finally:
        journal.close()


@pytest.mark.usefixtures("saved_key")
def test_a_140_series_deskphone_is_not_questioned(
    qtbot: QtBot, launch: Launch, tmp_path: Path, sandbox: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    asked: list[str] = []
    monkeypatch.setattr(CallerIdQuestion, "ask", classmethod(recording(asked, lambda: False)))
    source = write_csv(tmp_path / "offers.csv", ",", [
        ["Name", "Mobile", "Consent source", "Consent date"], ["A", "9876543210", "IVR", ""],
    ])  # fmt: skip
    clock = ListClock()
    clock.now = india("2026-12-03", "10:00")
    desk = start(launch, qtbot, clock)
    imported(qtbot, desk, ready(qtbot, open_preview(qtbot, desk, source, "promotional")),
             Qt.Key.Key_Return)  # fmt: skip
    combo = desk.window.form.deskphone_combo
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if combo.itemData(i) == SERIES_140))  # fmt: skip
    call(desk)
    qtbot.waitUntil(lambda: calls(sandbox) == 1, timeout=5000)
    assert asked == []


def ready(qtbot: QtBot, dialog: ImportPreviewDialog) -> ImportPreviewDialog:
    qtbot.waitUntil(dialog.import_button.isEnabled)
    return dialog


@pytest.mark.usefixtures("saved_key")
def test_a_list_imported_before_purposes_is_asked_before_its_first_call(
    qtbot: QtBot, launch: Launch, tmp_path: Path, sandbox: Sandbox, data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source = write_csv(tmp_path / "old.csv", ",", [["Name", "Mobile"], ["A", "9876543210"]])
    store = SqliteLeadStore(Paths(data_dir).lists)
    store.create_list(build_preview("old", source.name, read_table(source), lambda _n: False))
    store.close()
    asked: list[str] = []
    service = recording(asked, lambda: Purpose.SERVICE)
    monkeypatch.setattr(PurposeDialog, "ask", classmethod(service))
    desk = start(launch, qtbot, ListClock())
    panel = parts_of(desk).panel
    qtbot.waitUntil(lambda: desk.window.form.lead_id is not None, timeout=5000)
    assert "not chosen yet" in panel.purpose_label.text()
    call(desk)
    qtbot.waitUntil(lambda: calls(sandbox) == 1, timeout=5000)
    assert asked == ["old"]
    qtbot.waitUntil(lambda: panel.purpose_label.text() == "Purpose: Service")


@pytest.mark.usefixtures("saved_key")
def test_f11_puts_the_number_on_the_do_not_call_list_and_every_path_refuses_it(
    qtbot: QtBot, launch: Launch, tmp_path: Path, sandbox: Sandbox, data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(ConfirmRedial, "ask", classmethod(lambda cls, parent, text: True))
    waiting = "9876543219"  # the sandbox's customer who answers and is left waiting (F9)
    other = write_csv(tmp_path / "other.csv", ",", [["Name", "Mobile"], ["Zed", waiting]])
    day = write_csv(tmp_path / "day.csv", ",", [["Name", "Mobile"], ["Asha", waiting],
                                                 ["Ravi", "9876543211"]])  # fmt: skip
    desk = start(launch, qtbot, ListClock())
    imported(qtbot, desk, ready(qtbot, open_preview(qtbot, desk, other, "service")),
             Qt.Key.Key_Return)  # fmt: skip
    other_id = parts_of(desk).flow.active.list_id  # type: ignore[union-attr]
    imported(qtbot, desk, ready(qtbot, open_preview(qtbot, desk, day, "service")),
             Qt.Key.Key_Return)  # fmt: skip
    qtbot.waitUntil(lambda: desk.window.form.number_edit.text() == "98765 43219")
    call(desk)
    qtbot.waitUntil(lambda: calls(sandbox) == 1, timeout=5000)
    qtbot.waitUntil(lambda: cell(desk, "Result").startswith("⚠ Customer"), timeout=5000)
    QTest.keyClick(desk.window.form.number_edit, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: "the customer asked not to be called" in banner(desk))
    history = HistoryStore(Paths(data_dir).history)
    [entry] = history.opt_outs(waiting)
    history.close()
    assert entry.who == desk.window.form.selected_member().name  # type: ignore[union-attr]
    assert str(entry.reason) == "Customer asked not to be called"
    window, form, view = desk.window, desk.window.form, desk.window.history_view

    def by_link() -> None:
        window.on_handed_over(f"tel:+91{waiting}")
        call(desk)

    def by_redial() -> None:
        view.activated.emit(view.model().index(0, 1))
        call(desk)

    def by_other_list() -> None:
        parts_of(desk).flow.choose_list(other_id)
        qtbot.waitUntil(lambda: parts_of(desk).flow.active.list_id == other_id)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: form.number_edit.text() == "98765 43219" and
                        form.lead_id is not None)  # fmt: skip
        call(desk)

    paths = {"link": by_link, "F9": window.call_again_action.trigger, "re-dial": by_redial,
             "another list": by_other_list}  # fmt: skip
    for path, act in paths.items():
        window.show_outcome("")
        act()
        qtbot.waitUntil(lambda: "is on the do-not-call list since" in banner(desk), timeout=5000)
        assert "(Customer asked not to be called)" in banner(desk), path
        qtbot.waitUntil(form.call_button.isEnabled)
        assert calls(sandbox) == 1, path
    qtbot.waitUntil(lambda: refusals(data_dir, other_id) == [(waiting, "do_not_call")])


@pytest.mark.usefixtures("saved_key")
def test_a_scrub_result_applied_to_a_list_refuses_newly_registered_leads_and_is_exported(
    qtbot: QtBot, launch: Launch, tmp_path: Path, data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source = write_csv(tmp_path / "offers.csv", ",", [
        ["Name", "Mobile", "DND", "Scrubbed on"], ["Asha", "9876543210", "N", "01/11/2026"],
        ["Ravi", "9876543211", "N", "01/11/2026"],
    ])  # fmt: skip
    scrub = write_csv(tmp_path / "scrub.csv", ",", [
        ["MSISDN", "DND Status"], ["919876543210", "Non-DND"], ["919876543211", "DND"],
        ["919812345678", "DND"],
    ])  # fmt: skip
    desk = start(launch, qtbot, ListClock())
    imported(qtbot, desk, ready(qtbot, open_preview(qtbot, desk, source, "promotional")),
             Qt.Key.Key_Return)  # fmt: skip
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scrub), ""))
    parts = parts_of(desk)
    assert parts.rescrub_action is not None
    assert parts.rescrub is not None
    parts.rescrub_action.trigger()
    qtbot.waitUntil(lambda: parts.rescrub is not None and parts.rescrub.dialog is not None)
    dialog = parts.rescrub.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.date_edit.isVisible)  # no "Scrubbed on" column: asked
    qtbot.waitUntil(lambda: "1 lead is now refused" in dialog.summary.text(), timeout=5000)
    assert "1 number of the file is not in the list" in dialog.summary.text()
    assert str(dialog.table.model().index(0, 0).data()) == "Ravi"
    qtbot.waitUntil(dialog.apply_button.isEnabled)
    dialog.date_edit.setDate(QDate.currentDate().addDays(1))  # a scrub is never in the future
    assert dialog.date_edit.date() == QDate.currentDate()
    assert dialog.apply_button.isEnabled()  # no change: nothing to check again
    QTest.keyClick(dialog.date_edit, Qt.Key.Key_Return)  # Return applies (today's scrub)
    qtbot.waitUntil(lambda: "Scrub result applied: 1 lead refused." in banner(desk), timeout=5000)
    out = tmp_path / "out.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    parts.export_action.trigger()
    qtbot.waitUntil(out.exists, timeout=5000)
    rows = lead_rows(out)
    header = rows[0]
    audit = [header.index(f"dialer_{name}") for name in ("purpose", "dnd_status")]
    assert [[row[i] for i in audit] for row in rows[1:]] == [
        ["promotional", "non_dnd"], ["promotional", "dnd"]]  # fmt: skip
    assert rows[2][header.index("dialer_status")] == "refused"


@pytest.fixture
def demo(qtbot: QtBot, data_dir: Path) -> Iterator[tuple[Desk, Sandbox, ListClock]]:
    """The app in demo mode (its own sandbox, no key), on an India morning."""
    clock = ListClock()
    clock.now = india("2026-12-03", "11:00")
    with Sandbox(call_seconds=0) as sandbox:
        desk = assemble(Paths(data_dir), Redactor(), base_url=None, demo_url=sandbox.base_url,
                        clock=clock)  # fmt: skip
        qtbot.addWidget(desk.window)
        desk.window.show()
        desk.window.start()
        yield desk, sandbox, clock
        desk.shutdown()


def test_the_demo_list_asks_its_purpose_refuses_a_dnd_lead_and_questions_the_deskphone(
    qtbot: QtBot, demo: tuple[Desk, Sandbox, ListClock], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(CallerIdQuestion, "ask", classmethod(recording(asked, lambda: False)))
    desk, sandbox, _clock = demo
    wait_for_lists(qtbot, desk)
    qtbot.waitUntil(lambda: desk.window.lists is not None)
    parts = parts_of(desk)
    assert parts.demo_action is not None
    parts.demo_action.trigger()
    qtbot.waitUntil(lambda: parts.files.preview_dialog is not None, timeout=5000)
    dialog = parts.files.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.import_button.isEnabled()  # the demo list asks its purpose too
    choose_purpose(qtbot, dialog, "promotional")
    qtbot.waitUntil(dialog.import_button.isEnabled)
    rows = {
        str(dialog.table.model().index(r, 3).data()): str(dialog.table.model().index(r, 4).data())
        for r in range(dialog.table.rowCount())
    }
    assert rows["Imran Khan"].startswith("Registered on NCPR (DND) and no consent")
    assert "Meena Iyer" not in rows  # registered, with consent from a website form
    imported(qtbot, desk, dialog, Qt.Key.Key_Return)
    call(desk)  # the first call, from the first (ordinary) deskphone
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert "140-series" in asked[0]
    qtbot.waitUntil(lambda: "Not called: the deskphone" in banner(desk))
    assert sandbox.received(CLICK) == []


@pytest.mark.usefixtures("saved_key")
def test_the_caller_id_question_by_keyboard_return_and_escape_never_call(
    qtbot: QtBot, launch: Launch, tmp_path: Path, sandbox: Sandbox
) -> None:
    source = write_csv(tmp_path / "offers.csv", ",", [
        ["Name", "Mobile", "Consent source"], ["Asha", "9876543210", "Website form"],
    ])  # fmt: skip
    clock = ListClock()
    clock.now = india("2026-12-03", "10:00")
    desk = start(launch, qtbot, clock)
    imported(qtbot, desk, ready(qtbot, open_preview(qtbot, desk, source, "promotional")),
             Qt.Key.Key_Return)  # fmt: skip
    keys = [(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)]  # fmt: skip
    seen: list[QMessageBox] = []

    def answer() -> None:  # the agent's key, once the real question is the active window
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "callerIdQuestion":
            if not seen or seen[-1] is not box:
                seen.append(box)
                assert box.defaultButton() is box.escapeButton()  # "Don't call"
            if QApplication.activeWindow() is box:
                QTest.keyClick(box, *keys[len(seen) - 1])

    timer = QTimer(desk.window)
    timer.setInterval(10)
    timer.timeout.connect(answer)
    timer.start()
    form = desk.window.form
    for expected in (1, 2):  # Return, then Escape: "Don't call"
        call(desk)
        qtbot.waitUntil(lambda: len(seen) == expected, timeout=5000)  # noqa: B023
        qtbot.waitUntil(lambda: "Not called: the deskphone" in banner(desk))
        qtbot.waitUntil(form.call_button.isEnabled)
        assert calls(sandbox) == 0
        desk.window.show_outcome("")
    call(desk)  # Alt+A: "Call anyway"
    qtbot.waitUntil(lambda: calls(sandbox) == 1, timeout=5000)
    timer.stop()
