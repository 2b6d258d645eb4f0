"""Importing a list for the team: one transaction, the leads sent with COPY.

Numbers on the team's do-not-call list are refused with the same sentence as on one desk
(``core.leads.BLOCKED``), the rest go in file order. Progress is reported every 2,000 rows;
``cancelled()`` rolls the whole import back (nothing is saved). The list's name gets
" (2)", " (3)" … when the team already has one by that name.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dialer_app.core.leads.model import BLOCKED, CTX, Preview
from dialer_app.core.phone import format_national
from dialer_app.core.text import Sentence

if TYPE_CHECKING:
    import psycopg

_CHUNK = 2000
# Row-level security forbids COPY into ``leads`` itself: the rows go to a temporary table,
# then in with one INSERT … SELECT (still one transaction).
STAGE_SQL = (
    "CREATE TEMPORARY TABLE import_leads (list_id bigint, position integer, name text,"
    " number text, cells jsonb, status text, reason text) ON COMMIT DROP"
)
COPY_SQL = "COPY import_leads (list_id, position, name, number, cells, status, reason) FROM STDIN"
MOVE_SQL = (
    "INSERT INTO leads (list_id, position, name, number, cells, status, reason)"
    " SELECT list_id, position, name, number, cells, status, reason FROM import_leads"
)


class _Cancelled(Exception):
    """Raised inside the transaction so it rolls back."""


def import_list(
    conn: psycopg.Connection[tuple[Any, ...]],
    preview: Preview,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> int | None:
    """The new list's id, or None when cancelled (the caller's transaction is rolled back)."""
    try:
        with conn.transaction():
            return _import(conn, preview, progress, cancelled)
    except _Cancelled:
        return None


def _import(
    conn: psycopg.Connection[tuple[Any, ...]],
    preview: Preview,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> int:
    numbers = [lead.number for lead in preview.ready]
    blocked = {row[0] for row in conn.execute(
        "SELECT number FROM do_not_call WHERE number = ANY(%s)", (numbers,)
    )}  # fmt: skip
    list_id = _insert_list(conn, preview)
    ready = {lead.position: lead for lead in preview.ready}
    refused = {row.position: row for row in preview.refused}
    callable_count = 0
    conn.execute(STAGE_SQL)
    with conn.cursor().copy(COPY_SQL) as copy:
        for position in range(len(ready) + len(refused)):
            lead = ready.get(position)
            if lead is not None and lead.number not in blocked:
                copy.write_row((list_id, position, lead.name, lead.number,
                                json.dumps(lead.cells, ensure_ascii=False), "new", ""))  # fmt: skip
                callable_count += 1
            elif lead is not None:
                why = Sentence(CTX, BLOCKED, {"number": format_national(lead.number)})
                copy.write_row((list_id, position, lead.name, lead.number,
                                json.dumps(lead.cells, ensure_ascii=False), "refused",
                                why.to_json()))  # fmt: skip
            else:
                row = refused[position]
                copy.write_row((list_id, position, row.name, row.raw_number,
                                json.dumps(row.cells, ensure_ascii=False), "refused",
                                row.reason.to_json()))  # fmt: skip
            if (position + 1) % _CHUNK == 0:
                if cancelled():
                    raise _Cancelled
                progress(position + 1)
    conn.execute(MOVE_SQL)
    conn.execute(
        "UPDATE lists SET total = %s, rows = %s WHERE id = %s",
        (callable_count, len(ready) + len(refused), list_id),
    )
    return list_id


def _insert_list(conn: psycopg.Connection[tuple[Any, ...]], preview: Preview) -> int:
    names = {row[0] for row in conn.execute(
        "SELECT name FROM lists WHERE name = %s OR name LIKE %s",
        (preview.name, preview.name.replace("%", r"\%").replace("_", r"\_") + " (%)"),
    )}  # fmt: skip
    name, count = preview.name, 1
    while name in names:
        count += 1
        name = f"{preview.name} ({count})"
    purpose = None if preview.purpose is None else preview.purpose.value  # issue 23: shared
    columns = json.dumps(preview.columns, ensure_ascii=False)
    row = conn.execute(
        "INSERT INTO lists (name, purpose, source, columns) VALUES (%s, %s, %s, %s) RETURNING id",
        (name, purpose, preview.source, columns),
    ).fetchone()
    assert row is not None
    return int(row[0])
