"""Errors of the team database, each with a sentence for the window, and the one translation
from psycopg's exceptions to them.

The hierarchy::

    DialerError
     └── TeamError               a team database we cannot use; ``sentence`` says why
          ├── TeamConfigError     the connection setting is refused (a password in it, plain
          │                       text to a remote host, not a connection string)
          ├── TeamUnavailable     the database cannot be reached (down, unreachable, killed)
          ├── TeamLoginError      it answered and refused us (password, certificate, role)
          ├── TeamSchemaError     its schema is newer than this app, or not set up
          └── TeamRefused         the database refused one action (the role may not do it,
                                  a lead another agent holds)

No message carries the password: libpq's own texts never hold it, and the conninfo we show
is the one without it.
"""

from __future__ import annotations

from dialer_app.core.errors import DialerError
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

CTX = "team"
UNREACHABLE = QT_TRANSLATE_NOOP("team", "The team database cannot be reached at {where}: {reason}")
WRONG_PASSWORD = QT_TRANSLATE_NOOP(
    "team",
    "The team database at {where} refused the password for {user}: check it in Dialer → Team…"
    " (or the PGPASSWORD / .pgpass the computer provides).",
)
NO_PASSWORD = QT_TRANSLATE_NOOP(
    "team", "The team database at {where} asks for a password for {user}, and none is stored."
)
BAD_CERTIFICATE = QT_TRANSLATE_NOOP(
    "team",
    "The team database at {where} did not prove who it is (its certificate does not verify:"
    " {reason}); nothing was sent.",
)
NO_LOGIN = QT_TRANSLATE_NOOP(
    "team", "The team database at {where} does not let {user} in: {reason}"
)
NOT_SET_UP = QT_TRANSLATE_NOOP(
    "team",
    "The team database at {where} is not set up for the dialer: an administrator runs"
    " dialer-app --team-database … --team-setup once.",
)
TOO_NEW = QT_TRANSLATE_NOOP(
    "team",
    "The team database uses schema version {found}, newer than this dialer knows ({known}):"
    " update the dialer. Until then this desk works on its own lists.",
)
NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "team", "The team database does not allow {user} to {action}: a supervisor can."
)
HELD = QT_TRANSLATE_NOOP("team", "Another agent is working on this lead.")
FAILED = QT_TRANSLATE_NOOP("team", "The team database failed: {reason}")


class TeamError(DialerError):
    """A team database we cannot use; ``sentence`` says why (the window translates it)."""

    def __init__(self, sentence: Sentence) -> None:
        super().__init__(str(sentence))
        self.sentence = sentence


class TeamConfigError(TeamError):
    """The connection setting is refused before anything is sent."""


class TeamUnavailable(TeamError):
    """The database cannot be reached: the outbox keeps what is written meanwhile."""


class TeamLoginError(TeamError):
    """The database answered and would not let us in."""


class TeamSchemaError(TeamError):
    """The schema is newer than this app knows, or missing."""


class TeamRefused(TeamError):
    """One action the database refused (a role's rights, a lead another agent holds)."""


def sentence(source: str, **args: str | Sentence) -> Sentence:
    return Sentence(CTX, source, args)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    lines = [line for line in text if line and not line.startswith(("DETAIL", "HINT"))]
    reason = lines[-1] if lines else type(exc).__name__
    return reason.removeprefix("FATAL:").strip().removeprefix("connection failed:").strip()


def as_team_error(exc: Exception, where: str, user: str) -> TeamError:
    """psycopg's exception as one of ours, with a sentence; anything else as a failure."""
    import psycopg
    from psycopg import errors as pg

    if isinstance(exc, TeamError):
        return exc
    reason = _reason(exc)
    lowered = str(exc).lower()
    if isinstance(exc, pg.InvalidPassword) or "password authentication failed" in lowered:
        return TeamLoginError(sentence(WRONG_PASSWORD, where=where, user=user))
    if "no password supplied" in lowered:
        return TeamLoginError(sentence(NO_PASSWORD, where=where, user=user))
    if "certificate" in lowered or ("ssl" in lowered and "verify" in lowered):
        return TeamLoginError(sentence(BAD_CERTIFICATE, where=where, reason=reason))
    if isinstance(exc, pg.InvalidAuthorizationSpecification | pg.InvalidCatalogName):
        return TeamLoginError(sentence(NO_LOGIN, where=where, user=user, reason=reason))
    if isinstance(exc, pg.InsufficientPrivilege):
        return TeamRefused(sentence(NOT_ALLOWED, user=user, action=_action(exc)))
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        return TeamUnavailable(sentence(UNREACHABLE, where=where, reason=reason))
    return TeamError(sentence(FAILED, reason=reason))


def _action(exc: object) -> str:
    diag = getattr(exc, "diag", None)
    table = getattr(diag, "table_name", None) if diag is not None else None
    return f"change {table}" if table else "do this"
