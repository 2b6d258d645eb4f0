"""The team schema: versioned migrations, the two group roles, and the check at connect.

``dialer_schema`` holds one row per applied version. ``setup()`` (``--team-setup``, an
administrator's login) creates the roles ``dialer_agent`` and ``dialer_supervisor`` if they
are missing and applies the pending migrations in one transaction under an advisory lock, so
a second run (or two at once) applies only what is pending. An app that finds a version newer
than ``SCHEMA_VERSION`` raises ``TeamSchemaError`` and stays single-agent.

What the roles may do is the database's to enforce: agents read everything, change only the
columns of a lead that working it needs, and only of a lead no other login holds (row-level
security on ``leads``); they add to the do-not-call list but cannot remove from it, and
cannot delete a list. Supervisors may do all of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dialer_app.core.team.errors import NOT_SET_UP, TOO_NEW, TeamSchemaError, sentence

if TYPE_CHECKING:
    import psycopg

AGENT, SUPERVISOR = "dialer_agent", "dialer_supervisor"
_LOCK = 0x6469616C  # "dial": one setup at a time

V1 = (
    """CREATE TABLE IF NOT EXISTS dialer_schema (
        version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())""",
    """CREATE TABLE lists (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL UNIQUE,
        purpose text NULL,
        source text NOT NULL DEFAULT '',
        columns jsonb NOT NULL DEFAULT '[]',
        imported_by text NOT NULL DEFAULT current_user,
        imported_at timestamptz NOT NULL DEFAULT now(),
        paused boolean NOT NULL DEFAULT false,
        archived boolean NOT NULL DEFAULT false,
        priority integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        rows integer NOT NULL DEFAULT 0)""",
    """CREATE TABLE leads (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        list_id bigint NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL DEFAULT '',
        number text NOT NULL,
        cells jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'new',
        attempts integer NOT NULL DEFAULT 0,
        outcome text NOT NULL DEFAULT '',
        last_call timestamptz NULL,
        disposition text NOT NULL DEFAULT '',
        note text NOT NULL DEFAULT '',
        campid text NOT NULL DEFAULT '',
        talk_seconds integer NULL,
        call_back_at timestamptz NULL,
        call_back_owner text NULL,
        reason text NOT NULL DEFAULT '',
        claimed_by text NULL,
        claimed_until timestamptz NULL,
        not_before timestamptz NULL,
        priority integer NOT NULL DEFAULT 0,
        last_agent text NULL,
        UNIQUE (list_id, position))""",
    """CREATE TABLE attempts (
        id uuid PRIMARY KEY,
        lead_id bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        member text NOT NULL,
        campid text NOT NULL DEFAULT '',
        started_at timestamptz NOT NULL,
        finished_at timestamptz NULL,
        outcome text NOT NULL DEFAULT 'sending',
        verdict text NOT NULL DEFAULT '',
        talk_seconds integer NULL,
        disposition text NOT NULL DEFAULT '',
        note text NOT NULL DEFAULT '')""",
    """CREATE TABLE do_not_call (
        number text PRIMARY KEY,
        added_by text NOT NULL DEFAULT '',
        reason text NOT NULL DEFAULT '',
        added_at timestamptz NOT NULL DEFAULT now())""",
    """CREATE TABLE agents (
        member text PRIMARY KEY,
        name text NOT NULL DEFAULT '',
        state text NOT NULL DEFAULT 'ready',
        last_seen timestamptz NOT NULL DEFAULT now())""",
)

_AGENT_LEAD_COLUMNS = (
    "status, attempts, outcome, last_call, disposition, note, campid, talk_seconds,"
    " call_back_at, call_back_owner, claimed_by, claimed_role, claimed_until, not_before,"
    " last_agent, last_desk, last_history_row, version"
)
V2 = (
    # Who holds a lead, as the database knows them (the login), and the desk's own keys.
    "ALTER TABLE leads ADD COLUMN claimed_role name NULL",
    "ALTER TABLE leads ADD COLUMN last_desk text NULL",
    "ALTER TABLE leads ADD COLUMN last_history_row bigint NULL",
    "ALTER TABLE leads ADD COLUMN version integer NOT NULL DEFAULT 0",
    "ALTER TABLE attempts ADD COLUMN agent_role name NOT NULL DEFAULT current_user",
    "ALTER TABLE attempts ADD COLUMN desk text NOT NULL DEFAULT ''",
    "ALTER TABLE attempts ADD COLUMN history_row bigint NULL",
    "ALTER TABLE agents ADD COLUMN login name NOT NULL DEFAULT current_user",
    "ALTER TABLE agents ADD COLUMN active_list bigint NULL",
    "ALTER TABLE agents ADD COLUMN current_lead bigint NULL",
    # The claim's four queues, each read in its order from an index.
    "CREATE INDEX leads_fresh ON leads (list_id, priority DESC, position) WHERE status = 'new'",
    "CREATE INDEX leads_call_back ON leads (list_id, call_back_at) WHERE status = 'call_back'",
    "CREATE INDEX leads_retry ON leads (list_id, last_call)"
    " WHERE status = 'called' AND disposition = ''",
    "CREATE INDEX leads_calling ON leads (claimed_until) WHERE status = 'calling'",
    "CREATE INDEX attempts_lead ON attempts (lead_id)",
    "CREATE INDEX attempts_desk ON attempts (desk, history_row)",
    # Roles: read everything; change what working a lead needs; delete only as supervisor.
    f"GRANT USAGE ON SCHEMA public TO {AGENT}, {SUPERVISOR}",
    f"GRANT SELECT ON dialer_schema, lists, leads, attempts, do_not_call, agents"
    f" TO {AGENT}, {SUPERVISOR}",
    f"GRANT UPDATE ({_AGENT_LEAD_COLUMNS}) ON leads TO {AGENT}",
    f"GRANT INSERT, UPDATE ON attempts, agents TO {AGENT}",
    f"GRANT INSERT ON do_not_call TO {AGENT}",
    f"GRANT INSERT, UPDATE, DELETE ON lists, leads, attempts, do_not_call, agents TO {SUPERVISOR}",
    f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {SUPERVISOR}",
    "ALTER TABLE leads ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY leads_read ON leads FOR SELECT TO {AGENT} USING (true)",
    f"""CREATE POLICY leads_work ON leads FOR UPDATE TO {AGENT}
        USING (claimed_role IS NULL OR claimed_role = current_user OR claimed_until < now())
        WITH CHECK (claimed_role IS NULL OR claimed_role = current_user)""",
    f"CREATE POLICY leads_all ON leads TO {SUPERVISOR} USING (true) WITH CHECK (true)",
    "ALTER TABLE attempts ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY attempts_read ON attempts FOR SELECT TO {AGENT} USING (true)",
    f"CREATE POLICY attempts_add ON attempts FOR INSERT TO {AGENT}"
    " WITH CHECK (agent_role = current_user)",
    f"CREATE POLICY attempts_own ON attempts FOR UPDATE TO {AGENT}"
    " USING (agent_role = current_user)",
    f"CREATE POLICY attempts_all ON attempts TO {SUPERVISOR} USING (true) WITH CHECK (true)",
    "ALTER TABLE agents ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY agents_read ON agents FOR SELECT TO {AGENT} USING (true)",
    f"CREATE POLICY agents_add ON agents FOR INSERT TO {AGENT} WITH CHECK (login = current_user)",
    f"CREATE POLICY agents_own ON agents FOR UPDATE TO {AGENT} USING (login = current_user)",
    f"CREATE POLICY agents_all ON agents TO {SUPERVISOR} USING (true) WITH CHECK (true)",
)

CHANNEL = "dialer_team"
V3 = (
    # Other desks hear of a new do-not-call number (or a list paused) at once: LISTEN
    # dialer_team; the payload is "do_not_call:<number>" or "list:<id>".
    f"""CREATE FUNCTION dialer_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_TABLE_NAME = 'do_not_call' THEN
            PERFORM pg_notify('{CHANNEL}', 'do_not_call:' || NEW.number);
        ELSE
            PERFORM pg_notify('{CHANNEL}', 'list:' || NEW.id);
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER do_not_call_notify AFTER INSERT ON do_not_call"
    " FOR EACH ROW EXECUTE FUNCTION dialer_notify()",
    "CREATE TRIGGER lists_notify AFTER UPDATE OF paused, archived ON lists"
    " FOR EACH ROW EXECUTE FUNCTION dialer_notify()",
)

WATCH = "dialer_watch"
V4 = (
    # Agent states (issue 22): what the agent is doing, since when; pauses with their times.
    "ALTER TABLE agents ADD COLUMN detail text NOT NULL DEFAULT ''",
    "ALTER TABLE agents ADD COLUMN state_since timestamptz NOT NULL DEFAULT now()",
    """CREATE TABLE pauses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member text NOT NULL,
        login name NOT NULL DEFAULT current_user,
        reason text NOT NULL DEFAULT '',
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz NULL)""",
    "CREATE INDEX pauses_member ON pauses (member, started_at)",
    # Recycling: a rule per list and result ("no_answer" or a disposition).
    """CREATE TABLE recycle_rules (
        list_id bigint NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
        outcome text NOT NULL,
        delay_minutes integer NOT NULL CHECK (delay_minutes >= 0),
        max_attempts integer NOT NULL CHECK (max_attempts >= 1),
        PRIMARY KEY (list_id, outcome))""",
    "CREATE INDEX attempts_started ON attempts (started_at)",
    f"GRANT SELECT ON pauses, recycle_rules TO {AGENT}, {SUPERVISOR}",
    f"GRANT INSERT, UPDATE ON pauses TO {AGENT}",
    f"GRANT INSERT, UPDATE, DELETE ON pauses, recycle_rules TO {SUPERVISOR}",
    "ALTER TABLE pauses ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY pauses_read ON pauses FOR SELECT TO {AGENT} USING (true)",
    f"CREATE POLICY pauses_add ON pauses FOR INSERT TO {AGENT} WITH CHECK (login = current_user)",
    f"CREATE POLICY pauses_own ON pauses FOR UPDATE TO {AGENT} USING (login = current_user)",
    f"CREATE POLICY pauses_all ON pauses TO {SUPERVISOR} USING (true) WITH CHECK (true)",
    # The supervisor hears what changed: LISTEN dialer_watch; "agent:<member>",
    # "attempt:<member>", "leads:<list id>", "lists".
    f"""CREATE FUNCTION dialer_watch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_TABLE_NAME = 'agents' THEN
            PERFORM pg_notify('{WATCH}', 'agent:' || NEW.member);
        ELSIF TG_TABLE_NAME = 'attempts' THEN
            PERFORM pg_notify('{WATCH}', 'attempt:' || NEW.member);
        ELSIF TG_TABLE_NAME = 'leads' THEN
            PERFORM pg_notify('{WATCH}', 'leads:' || NEW.list_id);
        ELSE
            PERFORM pg_notify('{WATCH}', 'lists');
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER agents_watch_new AFTER INSERT ON agents"
    " FOR EACH ROW EXECUTE FUNCTION dialer_watch()",
    "CREATE TRIGGER agents_watch AFTER UPDATE ON agents FOR EACH ROW WHEN"
    " (OLD.state IS DISTINCT FROM NEW.state OR OLD.detail IS DISTINCT FROM NEW.detail"
    " OR NEW.last_seen - OLD.last_seen > interval '30 seconds')"
    " EXECUTE FUNCTION dialer_watch()",
    "CREATE TRIGGER attempts_watch AFTER INSERT OR UPDATE ON attempts"
    " FOR EACH ROW EXECUTE FUNCTION dialer_watch()",
    "CREATE TRIGGER leads_watch AFTER UPDATE ON leads FOR EACH ROW WHEN"
    " (OLD.status IS DISTINCT FROM NEW.status OR OLD.call_back_owner IS DISTINCT FROM"
    " NEW.call_back_owner OR OLD.call_back_at IS DISTINCT FROM NEW.call_back_at)"
    " EXECUTE FUNCTION dialer_watch()",
    "CREATE TRIGGER lists_watch AFTER INSERT OR UPDATE ON lists"
    " FOR EACH STATEMENT EXECUTE FUNCTION dialer_watch()",
)

MIGRATIONS: dict[int, tuple[str, ...]] = {1: V1, 2: V2, 3: V3, 4: V4}
SCHEMA_VERSION = max(MIGRATIONS)

ROLES = tuple(
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
            CREATE ROLE {role} NOLOGIN;
        END IF;
    END $$"""  # noqa: S608
    for role in (AGENT, SUPERVISOR)
)


def grant_lines(login: str = "<login>") -> list[str]:
    """What an administrator runs for each person (printed by ``--team-setup``)."""
    return [
        f"CREATE ROLE {login} LOGIN PASSWORD '…';   -- one per person",
        f"GRANT {AGENT} TO {login};        -- an agent",
        f"GRANT {SUPERVISOR} TO {login};   -- a supervisor (imports, deletes, reports)",
    ]


def version(conn: psycopg.Connection[tuple[Any, ...]]) -> int:
    """The schema version the database holds (0: not set up)."""
    row = conn.execute("SELECT to_regclass('dialer_schema') IS NOT NULL").fetchone()
    if row is None or not row[0]:
        return 0
    found = conn.execute("SELECT COALESCE(MAX(version), 0) FROM dialer_schema").fetchone()
    return int(found[0]) if found else 0


_MAY_SUPERVISE = (
    f"SELECT pg_has_role(current_user, '{SUPERVISOR}', 'MEMBER') OR current_user ="  # noqa: S608
    " (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database())"
)


def may_supervise(conn: psycopg.Connection[tuple[Any, ...]]) -> bool:
    """The login holds ``dialer_supervisor`` or owns the database (the supervisor's window
    opens for it; the grants decide what it may change either way)."""
    row = conn.execute(_MAY_SUPERVISE).fetchone()
    return bool(row and row[0])


def check(conn: psycopg.Connection[tuple[Any, ...]], where: str) -> int:
    """The version, or ``TeamSchemaError`` when it is missing or newer than this app."""
    found = version(conn)
    if found == 0:
        raise TeamSchemaError(sentence(NOT_SET_UP, where=where))
    if found > SCHEMA_VERSION:
        raise TeamSchemaError(sentence(TOO_NEW, found=str(found), known=str(SCHEMA_VERSION)))
    return found


def setup(conn: psycopg.Connection[tuple[Any, ...]], upto: int = SCHEMA_VERSION) -> list[int]:
    """Create the roles and apply the migrations up to ``upto``; the versions applied."""
    applied: list[int] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        for statement in ROLES:
            conn.execute(statement)
        found = version(conn)
        if found > SCHEMA_VERSION:
            raise TeamSchemaError(sentence(TOO_NEW, found=str(found), known=str(SCHEMA_VERSION)))
        for step in range(found + 1, upto + 1):
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute("INSERT INTO dialer_schema (version) VALUES (%s)", (step,))
            applied.append(step)
    return applied
