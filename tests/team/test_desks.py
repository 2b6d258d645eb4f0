"""Two real app windows (two ``Desk``s in this process, two data directories, two members,
two agent logins) working one team list against the sandbox and a real PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from dialer_app import composition
from dialer_app.composition import Desk, assemble
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.config import Paths
from dialer_app.core.logsetup import Redactor
from dialer_app.core.phone import format_national
from dialer_app.core.team.store import TeamLeadStore
from dialer_app.sandbox import Sandbox
from dialer_app.ui.common.purpose import PurposeDialog
from dialer_app.ui.leads.team_dialogs import PasswordDialog
from tests.helpers.hours import allow_any_hour
from tests.helpers.keys import SENTINEL, MemoryKeyring
from tests.helpers.lead_store import ThreadRecorder
from tests.helpers.window import wait_for_lists
from tests.team.conftest import PASSWORD, TeamDb, preview_of

LIST = "Leads"
Open = Callable[..., Desk]


@pytest.fixture(autouse=True)
def team_store_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[ThreadRecorder]]:
    """Every team-store call the windows make is recorded with its thread: the test fails if
    one ran on the GUI thread."""
    recorders: list[ThreadRecorder] = []
    real = composition.open_team_store  # type: ignore[attr-defined]

    def opened(*args: object) -> TeamLeadStore:
        recorder = ThreadRecorder(real(*args))  # type: ignore[arg-type]
        recorders.append(recorder)
        return recorder  # type: ignore[return-value]

    monkeypatch.setattr(composition, "open_team_store", opened)
    yield recorders
    assert [r.on_gui_thread() for r in recorders] == [[] for _ in recorders]


@pytest.fixture(autouse=True)
def service_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    """A team list with no purpose yet: the agent answers "service" when asked (issue 23)."""

    def service(cls: object, parent: object, name: str) -> Purpose:
        return Purpose.SERVICE

    monkeypatch.setattr(PurposeDialog, "ask", classmethod(service))


@pytest.fixture
def team_list(team_db: TeamDb, tmp_path: Path) -> TeamDb:
    """The team's list of 20 leads, imported by a supervisor."""
    store = TeamLeadStore(
        team_db.target("supervisor"), "", "", tmp_path / "sup-outbox.db",
        password=lambda _name: PASSWORD,
    )  # fmt: skip
    store.create_list(preview_of(20, LIST))
    store.close()
    return team_db


@pytest.fixture
def open_desk(
    qtbot: QtBot, tmp_path: Path, sandbox: Sandbox, memory_keyring: MemoryKeyring, team_list: TeamDb
) -> Iterator[Open]:
    memory_keyring.set_password("dialer-app", sandbox.base_url, SENTINEL)
    started: list[Desk] = []

    def start(login: str, member: int, *, password: str = PASSWORD, list_name: str = LIST,
              lease: int = 600) -> Desk:  # fmt: skip
        target = team_list.target(login)
        memory_keyring.set_password("dialer-app", target.keyring_name, password)
        database = team_list.cluster.conninfo(login, None, team_list.name)
        allow_any_hour(tmp_path / login)
        with Paths(tmp_path / login).settings.open("a", encoding="utf-8") as settings:
            settings.write(f"[team]\nlease_seconds={lease}\n")
        desk = assemble(Paths(tmp_path / login), Redactor(), base_url=sandbox.base_url,
                        team_database=database, list_name=list_name, live_poll_ms=50)  # fmt: skip
        qtbot.addWidget(desk.window)
        desk.window.show()
        desk.window.start()
        started.append(desk)
        wait_for_lists(qtbot, desk)
        desk.window.form.member_combo.setCurrentIndex(member)
        return desk

    yield start
    for desk in started:
        desk.window.close()


def lead_of(desk: Desk) -> int | None:
    lists = desk.window.lists
    return None if lists is None or lists.flow.lead is None else lists.flow.lead.lead_id


def test_two_windows_never_get_the_same_lead_and_share_do_not_call(
    open_desk: Open, qtbot: QtBot, sandbox: Sandbox
) -> None:
    first, second = open_desk("agent_a", 0), open_desk("agent_b", 1)
    qtbot.waitUntil(lambda: lead_of(first) is not None and lead_of(second) is not None,
                    timeout=10_000)  # fmt: skip
    assert lead_of(first) != lead_of(second)
    assert first.window.form.number_edit.text() != second.window.form.number_edit.text()

    # Agent A calls its lead and wraps it up with key 5 (Do not call): agent B's desk
    # refuses that number within 5 s.
    number = first.window.form.number_edit.text().replace(" ", "")
    with qtbot.waitSignal(first.calls.call_finished, timeout=10_000):
        first.window.form.call_button.click()
    panel = first.window.wrap_up
    qtbot.waitUntil(panel.isVisible, timeout=10_000)
    QTest.keyClick(panel, Qt.Key.Key_5)  # the wrap-up's keys (two windows: no shared focus)
    QTest.keyClick(panel, Qt.Key.Key_Return)
    said = time.monotonic()
    assert second.leads is not None
    assert second.leads.team is not None
    qtbot.waitUntil(lambda: second.leads.team.blocked(number), timeout=5000)  # type: ignore[union-attr]
    assert time.monotonic() - said < 5
    second.window.form.number_edit.setText(number)
    second.window.form.call_button.click()
    sentence = f"Not called: {format_national(number)} is on the do-not-call list since"
    qtbot.waitUntil(lambda: sentence in second.window.outcome_label.text(), timeout=5000)
    assert second.history.store is not None
    assert second.history.store.recent_to(number, 5) == []  # nothing was sent


def test_outage_keeps_the_lead_in_hand_and_sends_its_outbox(
    open_desk: Open, qtbot: QtBot, team_list: TeamDb
) -> None:
    desk = open_desk("agent_a", 0)
    qtbot.waitUntil(lambda: lead_of(desk) is not None, timeout=10_000)
    lead = lead_of(desk)
    team = desk.window.lists.team  # type: ignore[union-attr]
    assert team is not None
    team_list.cluster.stop()
    try:
        qtbot.waitUntil(lambda: not team.reachable, timeout=10_000)
        qtbot.waitUntil(lambda: "The team database cannot be reached (last contact at"
                        in desk.window.outcome_label.text(), timeout=5000)  # fmt: skip
        with qtbot.waitSignal(desk.calls.call_finished, timeout=20_000):
            desk.window.form.call_button.click()  # the lead in hand: called, written ahead
    finally:
        team_list.cluster.start()
    answered = time.monotonic()
    qtbot.waitUntil(lambda: team.reachable, timeout=15_000)
    with team_list.admin() as conn:
        qtbot.waitUntil(lambda: _attempts(conn, lead) == 1, timeout=10_000)
    assert time.monotonic() - answered < 12
    assert "The team database answers again" in desk.window.outcome_label.text()


def _attempts(conn: object, lead: int | None) -> int:
    row = conn.execute("SELECT COUNT(*) FROM attempts WHERE lead_id = %s", (lead,)).fetchone()  # type: ignore[attr-defined]
    return int(row[0])


def test_a_wrong_password_is_asked_once_and_gives_a_sentence(
    open_desk: Open, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask(cls: object, parent: object, why: str) -> str:
        asked.append(why)
        return "still-wrong"

    monkeypatch.setattr(PasswordDialog, "ask", classmethod(ask))
    desk = open_desk("agent_a", 0, password="wrong-one")
    refused = "refused the password for agent_a"
    failures: list[object] = []
    assert desk.window.lists is not None
    desk.window.lists.flow.unavailable.connect(failures.append)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=10_000)  # the typed one, refused too
    assert refused in desk.window.outcome_label.text()
    assert len(asked) == 1
    assert refused in asked[0]
    assert "still-wrong" not in desk.window.outcome_label.text()


def _claim(conn: object, lead: int | None) -> tuple[str | None, datetime]:
    row = conn.execute(  # type: ignore[attr-defined]
        "SELECT claimed_by, claimed_until FROM leads WHERE id = %s", (lead,)
    ).fetchone()
    return row[0], row[1]


def test_a_lead_let_go_at_quit_reaches_the_free_agent_and_a_lease_is_renewed(
    open_desk: Open, qtbot: QtBot, team_list: TeamDb, tmp_path: Path
) -> None:
    store = TeamLeadStore(team_list.target("supervisor"), "", "", tmp_path / "one.db",
                          password=lambda _name: PASSWORD)  # fmt: skip
    store.create_list(preview_of(1, "One", start=500))
    store.close()
    first = open_desk("agent_a", 0, list_name="One", lease=3)
    qtbot.waitUntil(lambda: lead_of(first) is not None, timeout=10_000)
    lead = lead_of(first)
    with team_list.admin() as conn:
        member, until = _claim(conn, lead)
        assert member == first.window.form.selected_member().number  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: _claim(conn, lead)[1] > until, timeout=3000)  # every 1 s
        second = open_desk("agent_b", 1, list_name="One")
        qtbot.waitUntil(lambda: second.window.lists is not None and second.window.lists.flow.active
                        is not None, timeout=10_000)  # fmt: skip
        assert lead_of(second) is None  # the list's one lead is agent A's
        first.window.close()  # quit: the lead goes back to the pool
        qtbot.waitUntil(lambda: _claim(conn, lead)[0] is None, timeout=5000)
        let_go = time.monotonic()
        qtbot.waitUntil(lambda: lead_of(second) == lead, timeout=12_000)
        assert time.monotonic() - let_go < 11  # the free agent looks again every 10 s


def test_a_purpose_chosen_at_the_team_import_is_not_asked_on_a_desk(
    open_desk: Open, qtbot: QtBot, team_list: TeamDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask(cls: object, parent: object, name: str) -> Purpose:
        asked.append(name)
        return Purpose.SERVICE

    monkeypatch.setattr(PurposeDialog, "ask", classmethod(ask))
    with team_list.admin() as conn:
        conn.execute("UPDATE lists SET purpose = 'service' WHERE name = %s", (LIST,))
    desk = open_desk("agent_a", 0)
    qtbot.waitUntil(lambda: lead_of(desk) is not None, timeout=10_000)
    with qtbot.waitSignal(desk.calls.call_finished, timeout=10_000):
        desk.window.form.call_button.click()
    assert asked == []
