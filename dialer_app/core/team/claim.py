"""Claiming the next lead: one statement, ``FOR UPDATE SKIP LOCKED``, with a lease.

The order: this agent's call-backs that are due; anyone's call-backs overdue by the grace;
leads never called (by priority, then the file's row order); retries whose delay has passed
(called, no disposition, fewer attempts than the most). Each queue is a scalar sub-select read
from its own partial index, taken in turn by ``COALESCE`` (a later one runs only when the
earlier found nothing), and the row it finds is locked, skipping rows another claimer holds
locked, so two claimers never get the same lead. The claim writes ``claimed_by`` (the member),
``claimed_role`` (the login, which row-level security checks) and ``claimed_until`` (the
database's clock plus the lease). A lease that ran out puts the lead back in its queue; a lead
left ``calling`` by a desk whose lease ran out (a crash) first becomes ``called`` with the
outcome ``unknown``: it may have rung.
"""

from __future__ import annotations

from dataclasses import dataclass

LEAD_COLUMNS = (
    "id, list_id, position, name, number, cells, status, attempts, outcome, disposition, note,"
    " campid, talk_seconds, call_back_at, reason, last_desk, last_history_row, version,"
    " claimed_by"
)
_FREE = (
    " AND (claimed_until IS NULL OR claimed_until < now())"
    " AND (not_before IS NULL OR not_before <= %(now)s)"
    " AND NOT EXISTS (SELECT 1 FROM do_not_call d WHERE d.number = l.number)"
)
_RULE = "(SELECT {} FROM recycle_rules WHERE list_id = %(list)s AND outcome = 'no_answer')"
_RULE_MAX, _RULE_DELAY = _RULE.format("max_attempts"), _RULE.format("delay_minutes")
_QUEUES = (
    "status = 'call_back' AND call_back_owner = %(member)s AND call_back_at <= %(now)s"
    " AND attempts < %(max)s ORDER BY call_back_at",
    "status = 'call_back' AND attempts < %(max)s AND (call_back_at <= %(grace_cut)s"
    " OR call_back_owner IS NULL AND call_back_at <= %(now)s) ORDER BY call_back_at",
    "status = 'new' ORDER BY priority DESC, position",
    # Retries ("no_answer"): the list's recycling rule, if it has one, sets delay and limit.
    f"status = 'called' AND disposition = '' AND attempts < COALESCE({_RULE_MAX}, %(max)s)"
    f" AND last_call <= %(now)s - COALESCE({_RULE_DELAY}, %(recall)s) * interval '1 minute'"
    " ORDER BY last_call",
    # Leads wrapped up with a disposition the list recycles (read only when it has such a rule).
    "EXISTS (SELECT 1 FROM recycle_rules WHERE list_id = %(list)s AND outcome <> 'no_answer')"
    " AND status IN ('called', 'connected') AND disposition <> '' AND EXISTS (SELECT 1"
    " FROM recycle_rules r WHERE r.list_id = l.list_id AND r.outcome = l.disposition"
    " AND l.attempts < r.max_attempts AND l.last_call <= %(now)s - r.delay_minutes"
    " * interval '1 minute') ORDER BY last_call",
)


def _queue(condition: str) -> str:
    where, order = condition.split(" ORDER BY ")
    return (
        f"(SELECT id FROM leads l WHERE list_id = %(list)s AND {where}{_FREE}"  # noqa: S608
        f" ORDER BY {order} LIMIT 1 FOR UPDATE SKIP LOCKED)"
    )


_TAKE = "claimed_role = current_user, claimed_until = now() + %(lease)s * interval '1 second'"
_PICKS = ", ".join(_queue(q) for q in _QUEUES)
_RETURNING = LEAD_COLUMNS.replace("id,", "leads.id,", 1)
CLAIM_NEXT = (
    f"WITH pick AS (SELECT COALESCE({_PICKS}) AS id)"  # noqa: S608
    " UPDATE leads SET claimed_by = %(member)s, claimed_role = current_user,"
    " claimed_until = now() + %(lease)s * interval '1 second', version = leads.version + 1"
    f" FROM pick WHERE leads.id = pick.id RETURNING {_RETURNING}"
)
CLAIM_ONE = (
    f"UPDATE leads SET claimed_by = %(member)s, {_TAKE}, version = version + 1"  # noqa: S608
    " WHERE id = %(lead)s AND (claimed_until IS NULL OR claimed_until < now()"
    f" OR claimed_by = %(member)s) RETURNING {LEAD_COLUMNS}"
)
OPEN_LIST = (  # and this agent is not paused (F10): a paused agent takes no lead
    "SELECT 1 FROM lists WHERE id = %(list)s AND NOT paused AND NOT archived AND NOT EXISTS"
    " (SELECT 1 FROM agents WHERE member = %(member)s AND state = 'paused')"
)
RECOVER_EXPIRED = (
    "UPDATE leads SET status = 'called', outcome = 'unknown', claimed_by = NULL,"
    " claimed_role = NULL, claimed_until = NULL, version = version + 1"
    " WHERE status = 'calling' AND claimed_until < now()"
)
RECOVER_MINE = (
    "UPDATE leads SET status = 'called', outcome = 'unknown', version = version + 1"
    " WHERE status = 'calling' AND claimed_by = %(member)s AND claimed_role = current_user"
)
RENEW = (
    "UPDATE leads SET claimed_until = now() + %(lease)s * interval '1 second'"
    " WHERE id = %(lead)s AND claimed_by = %(member)s AND claimed_role = current_user"
    " AND claimed_until >= now() RETURNING id"
)
RELEASE = (
    "UPDATE leads SET claimed_by = NULL, claimed_role = NULL, claimed_until = NULL,"
    " version = version + 1 WHERE id = %(lead)s AND claimed_by = %(member)s"
    " AND claimed_role = current_user AND status <> 'calling'"
)


@dataclass(frozen=True, slots=True)
class Policy:
    """How claims work: ``team/lease_seconds``, ``team/callback_grace_minutes``,
    ``lists/max_attempts``, ``lists/retry_minutes``."""

    lease_seconds: float = 600
    callback_grace_minutes: float = 30
    max_attempts: int = 3
    recall_minutes: float = 60  # lists/retry_minutes: a lead called without an answer
