"""A team working one lead list on PostgreSQL (no Qt; psycopg imported on first use).

- ``connect``: the ``team/database`` setting checked (no password, TLS verify-full to a
  remote host) and a session with a statement timeout;
- ``schema``: versioned migrations and the roles ``dialer_agent`` / ``dialer_supervisor``;
- ``claim``: the next lead with a lease, in one ``FOR UPDATE SKIP LOCKED`` statement;
- ``writes`` and ``outbox``: the steps of a call, replayable once when the database is back;
- ``importer``: a list imported with COPY; ``store.TeamLeadStore``: all of it behind
  ``LeadStore``'s methods; ``errors``: every failure as a sentence.
"""
