"""``dialer-app --supervisor``: the supervisor's window on the team database, and nothing else.

Built here, apart from the agent's desk (``composition.py``): no CallerDesk account, no
history, no single-instance lock (a supervisor may keep it open beside an agent's window).
The login's role is checked on a worker first: a login without ``dialer_supervisor`` (or the
database's ownership) gets a sentence instead of the window.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

if TYPE_CHECKING:
    from pathlib import Path

    from dialer_app.core.config import Paths
    from dialer_app.core.team.connect import TeamTarget

NO_DATABASE = QT_TRANSLATE_NOOP(
    "supervisor",
    "The supervisor's window needs a team database: --team-database URL, DIALER_TEAM_DATABASE"
    " or team/database in settings.ini.",
)
NOT_SUPERVISOR = QT_TRANSLATE_NOOP(
    "supervisor",
    "{user} may not open the supervisor's window: an administrator grants it with"
    " GRANT dialer_supervisor TO {user};",
)


def check_login(database: str, data_dir: Path) -> tuple[TeamTarget, bool]:
    """Worker side: the setting checked (the system's roots written where libpq needs them),
    and whether the login may supervise."""
    from dialer_app.core.team.connect import keyring_source, parse_target
    from dialer_app.core.team.roots import system_roots
    from dialer_app.core.team.supervise import SupervisorDesk

    target = parse_target(database, system_roots(data_dir))
    desk = SupervisorDesk(target, keyring_source(target))
    try:
        return target, desk.may_supervise()
    finally:
        desk.close()


def run_supervisor(database: str | None, paths: Paths) -> int:
    """Show the window until it is closed; the exit code (non-zero with a sentence)."""
    from PySide6.QtWidgets import QApplication

    from dialer_app.app import refuse_start
    from dialer_app.core.team.claim import Policy
    from dialer_app.core.team.connect import keyring_source
    from dialer_app.core.team.errors import TeamConfigError, TeamError
    from dialer_app.services import settings as keys
    from dialer_app.services.runner import Runner
    from dialer_app.services.supervisor import SupervisorService
    from dialer_app.ui.common.naming import app_icon
    from dialer_app.ui.common.scheme import SchemeFollower
    from dialer_app.ui.language import install_translations
    from dialer_app.ui.supervisor.window import SupervisorWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("dialer-app")
    app.setApplicationDisplayName("Dialer")
    app.setWindowIcon(app_icon())
    settings = keys.Settings(paths.settings)
    install_translations(app, settings.get(keys.LANGUAGE))
    SchemeFollower(app)
    if database is None:
        return refuse_start(Sentence("supervisor", NO_DATABASE), 2)
    policy = Policy(callback_grace_minutes=settings.get(keys.CALLBACK_GRACE_MINUTES),
                    max_attempts=settings.get(keys.MAX_ATTEMPTS),
                    recall_minutes=settings.get(keys.RECALL_MINUTES))  # fmt: skip
    alert = settings.get(keys.PAUSE_ALERT_MINUTES)
    runner = Runner(max_threads=1)
    opened: dict[str, object] = {"code": 0}

    def checked(found: tuple[TeamTarget, bool]) -> None:
        target, allowed = found
        if not allowed:
            refused = Sentence("supervisor", NOT_SUPERVISOR, {"user": target.user})
            opened["code"] = refuse_start(refused, 1)
            app.quit()
            return
        window = SupervisorWindow.open(target, policy, keyring_source(target), alert)
        opened.update(service=window.service, window=window)

    def failed(exc: BaseException) -> None:
        sentence = exc.sentence if isinstance(exc, TeamError) else Sentence("supervisor", str(exc))
        opened["code"] = refuse_start(sentence, 2 if isinstance(exc, TeamConfigError) else 1)
        app.quit()

    runner.submit(lambda: check_login(database, paths.data_dir)).on_success(checked).on_failure(
        failed
    )
    code = app.exec()
    service = opened.get("service")
    if isinstance(service, SupervisorService):
        service.stop()
        service.wait()
    runner.wait(3000)
    return int(opened["code"]) or code  # type: ignore[call-overload]
