"""Opt-outs that stick: a number on the do-not-call list with who put it there, when and why.

The list lives in the history file (``do_not_call``: number, added_at, reason). Who is kept
in an ``added_by`` column that ``add_who`` adds when the history is opened for writing: a
column, not a schema version, so every earlier version of the app still opens the file (its
inserts name their columns; a number it blocks again keeps no one as who).

A customer who says "don't call me" is put on it at once, from the wrap-up's "Do not call"
or with F11 during the call ("customer asked not to be called"); every way of calling (a
typed number, a link, F9, a re-dial, any list) is then refused with ``refusal()``, which says
since when, why, and what would allow a call.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from dialer_app.core.compliance.purpose import CTX
from dialer_app.core.hours import IST
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

RULE = "do_not_call"  # the rule an opt-out refusal names (the report's "rule" column)

ASKED = QT_TRANSLATE_NOOP("compliance", "Customer asked not to be called")  # F11
WRAP_UP = QT_TRANSLATE_NOOP("compliance", "Do not call, chosen in the wrap-up")
REFUSED = QT_TRANSLATE_NOOP(
    "compliance",
    "Not called: {number} is on the do-not-call list since {day} ({why}). A customer who "
    "asked not to be called is not called again (TCCCPR 2018); only taking the number off "
    "the list, with the customer's new consent, allows a call.",
)


@dataclass(frozen=True, slots=True)
class OptOut:
    """One entry of the do-not-call list."""

    number: str  # the last 10 digits
    at: datetime
    who: str  # the member (agent) who recorded it; "" for entries from before
    why: str  # as stored: a sentence's JSON (ours) or text (a note, an imported file's name)

    @property
    def reason(self) -> Sentence | str:
        """Why, to show: a sentence the window translates, or the stored text."""
        return Sentence.from_json(self.why) or self.why


def asked_not_to_be_called() -> Sentence:
    """F11 during the call: the reason stored with the number (``reason_text``)."""
    return Sentence(CTX, ASKED)


def chosen_in_wrap_up() -> Sentence:
    """The wrap-up's "Do not call" disposition (a note, when written, is stored instead)."""
    return Sentence(CTX, WRAP_UP)


def reason_text(reason: Sentence | str) -> str:
    """How a reason is stored: a sentence as JSON (shown translated later), text as it is."""
    return reason.to_json() if isinstance(reason, Sentence) else reason


def refusal(opt_out: OptOut, number: str) -> Sentence:
    """Why a call to ``number`` (as the agent sees it) is refused; names the rule and the way
    to a call."""
    reason = opt_out.reason
    why: Sentence | str = reason if reason else Sentence(CTX, ASKED)
    day = opt_out.at.astimezone(IST).date().isoformat()
    return Sentence(CTX, REFUSED, {"number": number, "day": day, "why": why})


def _has_who(conn: sqlite3.Connection) -> bool:
    return any(row[1] == "added_by" for row in conn.execute("PRAGMA table_info(do_not_call)"))


def add_who(conn: sqlite3.Connection) -> None:
    """Add the ``added_by`` column to the history's do-not-call list if it has none."""
    if not _has_who(conn):
        conn.execute("ALTER TABLE do_not_call ADD COLUMN added_by TEXT NOT NULL DEFAULT ''")


def record_who(conn: sqlite3.Connection, number: str, who: str) -> None:
    """Who put ``number`` (its last 10 digits) on the list; in the caller's transaction."""
    conn.execute("UPDATE do_not_call SET added_by = ? WHERE number = ?", (who, number))


def read(conn: sqlite3.Connection, number: str | None) -> list[OptOut]:
    """The do-not-call list newest first (one number's entry, if given), who included when the
    file has the column (a read-only history from before may not)."""
    who = "added_by" if _has_who(conn) else "''"
    sql = f"SELECT number, added_at, {who}, reason FROM do_not_call"  # noqa: S608 - fixed
    params: tuple[str, ...] = ()
    if number is not None:
        sql, params = sql + " WHERE number = ?", (number,)
    rows = conn.execute(sql + " ORDER BY added_at DESC", params).fetchall()
    return [OptOut(row[0], datetime.fromisoformat(row[1]), row[2], row[3]) for row in rows]
