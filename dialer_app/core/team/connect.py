"""Where the team database is, and how we connect to it.

``team/database`` (settings.ini), ``--team-database`` and ``DIALER_TEAM_DATABASE`` hold a
libpq connection string (``host=… dbname=…``) or a ``postgresql://`` URL, never a password:
one in it is refused with a sentence. The password comes from libpq's own sources
(``PGPASSWORD``, ``~/.pgpass``, ``pg_service.conf``: libpq reads them, we never do) or the
keyring (service ``dialer-app``, user ``team:<user>@<host>:<port>/<dbname>``).

Any host that is not loopback is reached over TLS with ``sslmode=verify-full`` against the
system's trust store (``sslrootcert=system``, libpq 16+; the wheel's libpq is 18); asking for
less to such a host is refused. Every session has a statement timeout, so a stuck database
fails a job instead of holding it. psycopg is imported here, on first use (a worker).
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dialer_app.core.config import is_loopback
from dialer_app.core.team.errors import TeamConfigError, as_team_error, sentence
from dialer_app.core.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import psycopg

ENV = "DIALER_TEAM_DATABASE"
CONNECT_TIMEOUT = 5
STATEMENT_TIMEOUT_MS = 10_000
_SAFE_TLS = ("verify-full",)
HAS_PASSWORD = QT_TRANSLATE_NOOP(
    "team",
    "The team database setting holds a password: remove it. The password belongs in the"
    " keyring (Dialer → Team…) or in PGPASSWORD / .pgpass, never in settings.ini.",
)
PLAIN_REMOTE = QT_TRANSLATE_NOOP(
    "team",
    "The team database at {host} would be reached without verifying its certificate"
    " (sslmode={mode}): only verify-full is used for a database that is not on this computer.",
)
NOT_CONNINFO = QT_TRANSLATE_NOOP(
    "team",
    "The team database setting is not a connection string (host=… dbname=…) or a"
    " postgresql:// address: {reason}",
)

PasswordSource = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class TeamTarget:
    """A checked connection setting: libpq's keywords, without a password."""

    params: tuple[tuple[str, str], ...]

    def get(self, key: str, default: str = "") -> str:
        return dict(self.params).get(key, default)

    @property
    def host(self) -> str:
        return self.get("host") or self.get("hostaddr") or "localhost"

    @property
    def user(self) -> str:
        return self.get("user") or getpass.getuser()

    @property
    def where(self) -> str:
        """host:port/dbname, for sentences (never the password: there is none)."""
        return f"{self.host}:{self.get('port', '5432')}/{self.get('dbname', self.user)}"

    @property
    def keyring_name(self) -> str:
        return f"team:{self.user}@{self.where}"


def choose_database(flag: str | None, environment: str | None, saved: str) -> str | None:
    """The team database for this run: the flag, then ``DIALER_TEAM_DATABASE``, then the
    setting; None (single-agent) when none is set."""
    for value in (flag, environment, saved):
        if value and value.strip():
            return value.strip()
    return None


def parse_target(text: str, roots: str = "system") -> TeamTarget:
    """The setting checked: no password, TLS verify-full for a host that is not loopback.

    ``roots``: libpq's ``sslrootcert`` for such a host (``roots.system_roots`` gives the
    system's on Windows and macOS)."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = {k: str(v) for k, v in conninfo_to_dict(text.strip()).items() if v is not None}
    except ProgrammingError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TeamConfigError(sentence(NOT_CONNINFO, reason=reason)) from None
    if "password" in params:
        raise TeamConfigError(sentence(HAS_PASSWORD))
    hosts = [h for h in params.get("host", params.get("hostaddr", "")).split(",") if h]
    remote = [h for h in hosts if not h.startswith("/") and not is_loopback(h)]
    if remote:
        mode = params.get("sslmode", "verify-full")
        if mode not in _SAFE_TLS:
            raise TeamConfigError(sentence(PLAIN_REMOTE, host=remote[0], mode=mode))
        params["sslmode"] = "verify-full"
        params.setdefault("sslrootcert", roots)
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT))
    # A network that goes silent (the statement timeout cannot reach us then) ends the
    # session within ~30 s instead of hanging a worker: TCP keepalives, and unacknowledged
    # data given up after 20 s (Linux; ignored elsewhere).
    params.setdefault("keepalives_idle", "10")
    params.setdefault("keepalives_interval", "5")
    params.setdefault("keepalives_count", "3")
    params.setdefault("tcp_user_timeout", "20000")
    params.setdefault("application_name", "dialer-app")
    return TeamTarget(tuple(sorted(params.items())))


_NAMED = "the team password"  # what a keyring error calls it (never shown)  # i18n: not shown


def keyring_source(target: TeamTarget) -> PasswordSource:
    """The password kept for ``target`` in the keyring, as ``connect`` asks for one: None
    when there is none, or no keyring works."""

    def password(_name: str) -> str | None:
        from dialer_app.core.credentials import get_password
        from dialer_app.core.errors import CredentialError

        try:
            return get_password(target.keyring_name, _NAMED)
        except CredentialError:
            return None

    return password


def save_keyring_password(target: TeamTarget, secret: str) -> None:
    """Keep the password typed in the window in the keyring, under the contract's name;
    ``CredentialError`` when it cannot."""
    from dialer_app.core.credentials import set_password

    set_password(target.keyring_name, secret, _NAMED)


def connect(
    target: TeamTarget,
    password: PasswordSource | None = None,
    *,
    statement_timeout_ms: int = STATEMENT_TIMEOUT_MS,
    autocommit: bool = True,
) -> psycopg.Connection[tuple[Any, ...]]:
    """A session (statement timeout set); failures raised as ``TeamError`` with a sentence.

    libpq first tries its own sources; only when it asks for a password is ``password``
    (the keyring) asked, so a PGPASSWORD or .pgpass user is never prompted.
    """
    import psycopg
    from psycopg.conninfo import make_conninfo

    params = dict(target.params)
    options = f"-c statement_timeout={statement_timeout_ms} -c lock_timeout=5000"
    params["options"] = f"{params.get('options', '')} {options}".strip()
    try:
        try:
            return psycopg.connect(make_conninfo(**params), autocommit=autocommit)
        except psycopg.OperationalError as exc:
            if password is None or "no password supplied" not in str(exc):
                raise
            secret = password(target.keyring_name)
            if secret is None:
                raise
            return psycopg.connect(make_conninfo(password=secret, **params), autocommit=autocommit)
    except psycopg.Error as exc:
        raise as_team_error(exc, target.where, target.user) from None
