"""What an agent writes while working a lead, as replayable steps.

Each step is a ``Write`` (kind, lead, the desk-made attempt id, the values, the lead's
version the desk last saw). ``apply`` runs one in the caller's transaction, live or from the
outbox. A step is idempotent: the attempt row is keyed by the desk-made id (``ON CONFLICT DO
NOTHING``), so a replay counts once; a replayed step changes the lead only while its
``version`` is still the one the desk saw, so it never overwrites a newer change (another
agent's, a supervisor's). A live step is guarded by the claim instead (row-level security:
a lead another login holds is invisible to the update).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

_RELEASE = "claimed_by = NULL, claimed_role = NULL, claimed_until = NULL"


@dataclass(frozen=True, slots=True)
class Write:
    """One step of working a lead; ``values`` are JSON-able (times as ISO text)."""

    kind: str  # begin, finish, verdict, wrap_up, status
    lead_id: int
    member: str
    desk: str
    attempt_id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    seen_version: int | None = None  # set on a replay: change the lead only if unchanged

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @staticmethod
    def from_json(text: str) -> Write:
        return Write(**json.loads(text))


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _lead_update(
    cur: psycopg.Cursor[tuple[Any, ...]], write: Write, assignments: str, args: dict[str, Any]
) -> int | None:
    """``UPDATE leads`` for this step; the lead's new version (None: not changed)."""
    guard = "" if write.seen_version is None else " AND version = %(seen)s"
    sql = (
        f"UPDATE leads SET {assignments}, version = version + 1"  # noqa: S608 - our literals
        f" WHERE id = %(lead)s{guard} RETURNING version"
    )
    row = cur.execute(sql, {**args, "lead": write.lead_id, "seen": write.seen_version}).fetchone()
    return None if row is None else int(row[0])


def apply(cur: psycopg.Cursor[tuple[Any, ...]], write: Write) -> int | None:
    """Run one step in the open transaction; the lead's new version, None if left as it was."""
    return _STEPS[write.kind](cur, write)


def _begin(cur: psycopg.Cursor[tuple[Any, ...]], write: Write) -> int | None:
    started = _when(write.values["started_at"])
    cur.execute(
        "INSERT INTO attempts (id, lead_id, member, desk, started_at) VALUES"
        " (%s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
        (write.attempt_id, write.lead_id, write.member, write.desk, started),
    )
    if cur.rowcount == 0:
        return None  # a replay of an attempt already counted
    return _lead_update(
        cur, write,
        "status = 'calling', attempts = attempts + 1, outcome = 'sending', last_call = %(at)s,"
        " last_agent = %(member)s, last_desk = %(desk)s",
        {"at": started, "member": write.member, "desk": write.desk},
    )  # fmt: skip


def _finish(cur: psycopg.Cursor[tuple[Any, ...]], write: Write) -> int | None:
    values = write.values
    cur.execute(
        "UPDATE attempts SET outcome = %s, campid = COALESCE(%s, campid), history_row = %s,"
        " finished_at = %s WHERE id = %s AND outcome = 'sending'",
        (values["outcome"], values["campid"], values["history_row"],
         _when(values["finished_at"]), write.attempt_id),
    )  # fmt: skip
    if cur.rowcount == 0:
        return None
    not_sent = values["outcome"] == "not_sent"
    return _lead_update(
        cur, write,
        "outcome = %(outcome)s, campid = COALESCE(%(campid)s, campid),"
        " last_history_row = COALESCE(%(row)s, last_history_row),"
        " status = CASE WHEN %(not_sent)s THEN (CASE WHEN call_back_at IS NOT NULL THEN"
        " 'call_back' WHEN attempts <= 1 THEN 'new' ELSE 'called' END) ELSE 'called' END,"
        " attempts = attempts - CASE WHEN %(not_sent)s THEN 1 ELSE 0 END",
        {"outcome": values["outcome"], "campid": values["campid"],
         "row": values["history_row"], "not_sent": not_sent},
    )  # fmt: skip


def _verdict(cur: psycopg.Cursor[tuple[Any, ...]], write: Write) -> int | None:
    connected, talk = bool(write.values["connected"]), write.values["talk"]
    cur.execute(
        "UPDATE attempts SET verdict = %s, talk_seconds = %s WHERE id = %s",
        ("connected" if connected else "not_connected", talk, write.attempt_id),
    )
    return _lead_update(
        cur, write,
        "talk_seconds = %(talk)s, status = CASE WHEN %(connected)s AND status = 'called'"
        " THEN 'connected' ELSE status END",
        {"talk": talk, "connected": connected},
    )  # fmt: skip


def _wrap_up(cur: psycopg.Cursor[tuple[Any, ...]], write: Write) -> int | None:
    values = write.values
    call_back, dnc = _when(values["call_back_at"]), bool(values["do_not_call"])
    status = "do_not_call" if dnc else "call_back" if call_back is not None else None
    if write.attempt_id is not None:
        cur.execute(
            "UPDATE attempts SET disposition = %s, note = %s WHERE id = %s",
            (values["disposition"], values["note"], write.attempt_id),
        )
    if dnc:
        _block(cur, write.lead_id, write.member, values["disposition"])
    return _lead_update(
        cur, write,
        "disposition = %(disposition)s, note = %(note)s, call_back_at = %(call_back)s,"
        " call_back_owner = CASE WHEN %(call_back)s::timestamptz IS NULL THEN NULL"
        " ELSE %(member)s END, status = COALESCE(%(status)s, CASE WHEN status IN"
        f" ('calling', 'call_back', 'new') THEN 'called' ELSE status END), {_RELEASE}",
        {"disposition": values["disposition"], "note": values["note"],
         "call_back": call_back, "member": write.member, "status": status},
    )  # fmt: skip


def _status(cur: psycopg.Cursor[tuple[Any, ...]], write: Write) -> int | None:
    status, call_back = write.values["status"], _when(write.values["call_back_at"])
    if status == "do_not_call":
        _block(cur, write.lead_id, write.member, "")
    return _lead_update(
        cur,
        write,
        "status = %(status)s, call_back_at = COALESCE(%(call_back)s, call_back_at),"
        " call_back_owner = CASE WHEN %(status)s = 'call_back' THEN %(member)s"
        f" ELSE call_back_owner END, {_RELEASE}",
        {"status": status, "call_back": call_back, "member": write.member},
    )


def _block(cur: psycopg.Cursor[tuple[Any, ...]], lead_id: int, member: str, why: str) -> None:
    cur.execute(
        "INSERT INTO do_not_call (number, added_by, reason) SELECT number, %s, %s FROM leads"
        " WHERE id = %s ON CONFLICT (number) DO NOTHING",
        (member, why, lead_id),
    )


_STEPS = {
    "begin": _begin,
    "finish": _finish,
    "verdict": _verdict,
    "wrap_up": _wrap_up,
    "status": _status,
}
