"""The supervisor's three tables, column by column, in the window's language.

Agent state words (the contract): Ready, On a call, Wrap-up, Paused (with the reason),
Offline. Times are the desk's local time; durations ``1:05:09`` / ``5:09``. Names, reasons,
list names and lead names come from the database: the table shows them as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from dialer_app.core.team.presence import OFFLINE, ON_CALL, PAUSED, READY, WRAP_UP
from dialer_app.core.team.watch import AgentRow, CallBackRow, ListRow, shown_state, state_started
from dialer_app.ui.supervisor.table import Column

Clock = Callable[[], datetime]  # the database's "now", kept on the desk's clock


def state_word(state: str) -> str:
    words = {
        READY: QCoreApplication.translate("supervisor", "Ready"),
        ON_CALL: QCoreApplication.translate("supervisor", "On a call"),
        WRAP_UP: QCoreApplication.translate("supervisor", "Wrap-up"),
        PAUSED: QCoreApplication.translate("supervisor", "Paused"),
        OFFLINE: QCoreApplication.translate("supervisor", "Offline"),
    }
    return words.get(state, state)


def state_text(agent: AgentRow, now: datetime) -> str:
    """ "Paused: Lunch", "On a call", "Offline"…"""
    state = shown_state(agent, now)
    if state == PAUSED and agent.detail:
        return QCoreApplication.translate("supervisor", "Paused: {reason}").format(
            reason=agent.detail
        )
    return state_word(state)


def duration(seconds: float) -> str:
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def clock_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())), "HH:mm")


def paused_too_long(agent: AgentRow, now: datetime, alert_minutes: int) -> bool:
    return (
        shown_state(agent, now) == PAUSED
        and (now - agent.state_since).total_seconds() > alert_minutes * 60
    )


CLOCK_COLUMNS = (1, 2, 3)  # of the agents: State (offline), For, Current call (none offline)


def agent_columns(now: Clock, alert_minutes: int) -> list[Column[AgentRow]]:
    def since(agent: AgentRow) -> str:
        current = now()
        text = duration((current - state_started(agent, current)).total_seconds())
        if paused_too_long(agent, current, alert_minutes):
            return QCoreApplication.translate("supervisor", "{time} (over {minutes} min)").format(
                time=text, minutes=alert_minutes
            )
        return text

    def call(agent: AgentRow) -> str:
        return agent.detail if shown_state(agent, now()) == ON_CALL else ""

    return [
        Column(QCoreApplication.translate("supervisor", "Agent"), lambda a: a.name or a.member),
        Column(QCoreApplication.translate("supervisor", "State"), lambda a: state_text(a, now())),
        Column(QCoreApplication.translate("supervisor", "For"), since),
        Column(QCoreApplication.translate("supervisor", "Current call"), call),
        Column(
            QCoreApplication.translate("supervisor", "Calls today"),
            lambda a: str(a.calls),
            lambda a: a.calls,
        ),
        Column(
            QCoreApplication.translate("supervisor", "Connected"),
            lambda a: str(a.connected),
            lambda a: a.connected,
        ),
        Column(
            QCoreApplication.translate("supervisor", "Talk time"),
            lambda a: duration(a.talk_seconds),
            lambda a: a.talk_seconds,
        ),
        Column(
            QCoreApplication.translate("supervisor", "Left waiting"),
            lambda a: str(a.left_waiting),
            lambda a: a.left_waiting,
        ),
        Column(
            QCoreApplication.translate("supervisor", "Last call"), lambda a: clock_time(a.last_call)
        ),
    ]


PROGRESS_COLUMN = 2


def _count(title: str, value: Callable[[ListRow], int]) -> Column[ListRow]:
    return Column(title, lambda r: str(value(r)), value)


def purpose_text(purpose: str) -> str:
    words = {
        "promotional": QCoreApplication.translate("supervisor", "Promotional"),
        "service": QCoreApplication.translate("supervisor", "Service"),
        "transactional": QCoreApplication.translate("supervisor", "Transactional"),
    }
    return words.get(purpose, purpose)


def list_columns() -> list[Column[ListRow]]:
    return [
        Column(QCoreApplication.translate("supervisor", "List"), lambda r: r.name),
        Column(
            QCoreApplication.translate("supervisor", "Purpose"), lambda r: purpose_text(r.purpose)
        ),
        Column(
            QCoreApplication.translate("supervisor", "Progress"),
            lambda r: f"{r.percent}%",
            lambda r: r.percent,
        ),
        _count(QCoreApplication.translate("supervisor", "Leads"), lambda r: r.leads),
        _count(QCoreApplication.translate("supervisor", "Done"), lambda r: r.done),
        _count(QCoreApplication.translate("supervisor", "Connected"), lambda r: r.connected),
        _count(
            QCoreApplication.translate("supervisor", "Call-backs due"), lambda r: r.call_backs_due
        ),
        _count(QCoreApplication.translate("supervisor", "Overdue"), lambda r: r.call_backs_overdue),
        _count(QCoreApplication.translate("supervisor", "Do not call"), lambda r: r.do_not_call),
        _count(QCoreApplication.translate("supervisor", "Refused"), lambda r: r.refused),
        _count(QCoreApplication.translate("supervisor", "Left to call"), lambda r: r.left),
        _count(
            QCoreApplication.translate("supervisor", "Retries waiting"), lambda r: r.retries_waiting
        ),
        _count(QCoreApplication.translate("supervisor", "Priority"), lambda r: r.priority),
        Column(
            QCoreApplication.translate("supervisor", "State"),
            lambda r: (
                QCoreApplication.translate("supervisor", "Paused")
                if r.paused
                else QCoreApplication.translate("supervisor", "Working")
            ),
        ),
    ]


def call_back_columns() -> list[Column[CallBackRow]]:
    return [
        Column(QCoreApplication.translate("supervisor", "Due at"), lambda c: clock_time(c.due_at)),
        Column(
            QCoreApplication.translate("supervisor", "State"),
            lambda c: (
                QCoreApplication.translate("supervisor", "Overdue")
                if c.overdue
                else QCoreApplication.translate("supervisor", "Due")
            ),
        ),
        Column(
            QCoreApplication.translate("supervisor", "Whose"),
            lambda c: (
                c.owner_name if c.owner else QCoreApplication.translate("supervisor", "Anyone")
            ),
        ),
        Column(QCoreApplication.translate("supervisor", "List"), lambda c: c.list_name),
        Column(QCoreApplication.translate("supervisor", "Lead"), lambda c: c.lead_name),
        Column(QCoreApplication.translate("supervisor", "Number"), lambda c: c.number),
    ]
