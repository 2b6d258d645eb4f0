"""Entry point: the command line, logging, and the Qt application around the composition root."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from datetime import date, datetime, time
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from dialer_app import __version__
from dialer_app.core.config import Paths, choose_base_url, resolve_data_dir
from dialer_app.core.errors import ConfigError, HistoryError
from dialer_app.core.logsetup import Redactor, configure
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

if TYPE_CHECKING:
    from dialer_app.composition import Desk
    from dialer_app.core.compliance.opt_out import OptOut
    from dialer_app.core.leads.export import Fields
    from dialer_app.services.account import ClientFactory
    from dialer_app.services.single_instance import SingleInstance

log = logging.getLogger(__name__)
ENV_URL = "DIALER_BASE_URL"
NOT_ANSWERING = Sentence(
    "startup",
    QT_TRANSLATE_NOOP(
        "startup",
        "Another dialer is running for this data directory but does not answer. "
        "Close it (or end its process), then start the dialer again.",
    ),
)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="dialer-app", description="Click-to-call dialer for CallerDesk (reverse C2C)."
    )
    parser.add_argument("--demo", action="store_true", help="use the built-in sandbox")
    parser.add_argument("--base-url", help="API address (default: $DIALER_BASE_URL or saved)")
    parser.add_argument("--data-dir", help="history, settings, log (default: $DIALER_DATA_DIR)")
    parser.add_argument("--debug", action="store_true", help="log everything to stderr")
    parser.add_argument("--version", action="version", version=f"dialer-app {__version__}")
    parser.add_argument("--self-test", action="store_true", help="check the install and exit")
    parser.add_argument(
        "--export-history", metavar="FILE", help="write the history (.csv or .xlsx) and exit"
    )
    parser.add_argument("--since", metavar="DATE", help="with --export-history: from this day")
    parser.add_argument(
        "--import-list", metavar="FILE", help="open a lead list (CSV, XLSX) in the import preview"
    )
    parser.add_argument(
        "--purpose",
        metavar="PURPOSE",
        help="with --import-list: promotional, service or transactional (any case)",
    )
    parser.add_argument(
        "--compliance-report",
        nargs=2,
        metavar=("LIST", "OUT"),
        help="write a list's calls and every refusal with its rule (.xlsx) and exit",
    )
    parser.add_argument(
        "--export-list",
        nargs=2,
        metavar=("LIST", "OUT"),
        help="write a call-down list with its results (.csv or .xlsx) and exit",
    )
    parser.add_argument(
        "--install-desktop", action="store_true", help="register as the tel:/callto: handler"
    )
    parser.add_argument(
        "--uninstall-desktop", action="store_true", help="remove the handler and autostart entries"
    )
    parser.add_argument(
        "--minimized", action="store_true", help="start in the tray (as the session start does)"
    )
    parser.add_argument(
        "--team-database",
        metavar="URL",
        help="the team's PostgreSQL (conninfo or postgresql:// URL, no password;"
        " default: $DIALER_TEAM_DATABASE or the team/database setting)",
    )
    parser.add_argument(
        "--team-setup",
        action="store_true",
        help="create the team roles and apply the schema's migrations (an administrator), exit",
    )
    parser.add_argument(
        "--team-sql", action="store_true", help="print the team schema's SQL and exit"
    )
    parser.add_argument(
        "--list", metavar="NAME", dest="list_name", help="the lead list to work from the start"
    )
    parser.add_argument(
        "--supervisor", action="store_true", help="open the supervisor's window (team database)"
    )
    parser.add_argument(
        "--team-report",
        nargs=2,
        metavar=("DAY", "OUT"),
        help="write the team's day (YYYY-MM-DD, India) as an .xlsx report and exit",
    )
    parser.add_argument("number", nargs="?", help="a number, tel: or callto: URI to fill in")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, *, client_factory: ClientFactory | None = None) -> int:
    """Run the dialer; returns the process exit code.

    ``client_factory`` builds the HTTP clients (tests give them short timeouts).
    """
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from dialer_app.selftest import run_self_test

        # A windowed Windows build has no console: sys.stdout is None there.
        return run_self_test(sys.stdout or sys.stderr or open(os.devnull, "w"))
    if args.team_sql:
        from dialer_app.core.team.setup_cli import print_sql

        return print_sql(sys.stdout)
    if args.team_setup:
        from dialer_app.core.team.setup_cli import team_setup

        paths = Paths(resolve_data_dir(args.data_dir, demo=False))
        saved = _saved_team_database(paths)
        return team_setup(args.team_database, saved, sys.stdout, paths.data_dir)
    if args.team_report or args.supervisor:
        paths = Paths(resolve_data_dir(args.data_dir, demo=False))
        database = _team_database(args.team_database, paths)
        if args.team_report:
            from dialer_app.core.team.day_report import team_report

            day, out = args.team_report[0], Path(args.team_report[1])
            return team_report(database, day, out, sys.stdout, paths.data_dir)
        from dialer_app.supervisor_app import run_supervisor

        return run_supervisor(database, paths)
    if args.install_desktop or args.uninstall_desktop:
        return desktop_registration(install=args.install_desktop)
    try:
        chosen = None if args.demo else choose_base_url(args.base_url, os.environ.get(ENV_URL))
    except ConfigError as exc:
        return refuse_start(exc.sentence, 2)
    base_url = chosen[0] if chosen else None
    paths = Paths(resolve_data_dir(args.data_dir, demo=args.demo))
    if args.export_history:
        return export_history(paths, Path(args.export_history), args.since)
    if args.export_list:
        team = _team_database(args.team_database, paths)
        if team is not None:  # the team's list, with the dialer_agent column
            from dialer_app.core.team.outbox import FILE_NAME
            from dialer_app.core.team.setup_cli import team_export

            name, target = args.export_list[0], Path(args.export_list[1])
            return team_export(team, name, target, paths.data_dir / FILE_NAME, sys.stdout)
        return export_list(paths, args.export_list[0], Path(args.export_list[1]))
    if args.compliance_report:
        return compliance_report(paths, args.compliance_report[0], Path(args.compliance_report[1]))
    if (code := _read_purpose(args)) is not None:
        return code
    if args.import_list:
        args.import_list = str(Path(args.import_list).expanduser().resolve())
    redactor = Redactor()
    open_log = configure(redactor, paths.log, debug=args.debug, defer_file=True)
    _install_excepthook()
    try:
        return _run_gui(
            args, paths, redactor, None if args.demo else base_url, client_factory, open_log
        )
    finally:
        open_log()  # a run that ended before its first frame still leaves its log


def export_history(paths: Paths, target: Path, since: str | None) -> int:
    """``--export-history``: the whole history (or since a day) as CSV or XLSX, no window."""
    from dialer_app.core.history.export import EXPORT_COLUMNS, export_rows
    from dialer_app.core.history.store import HistoryStore
    from dialer_app.core.records import HistoryQuery
    from dialer_app.core.sheets import FORMATS

    try:
        start = datetime.combine(date.fromisoformat(since), time()).astimezone() if since else None
    except ValueError:
        print(f"dialer-app: --since takes a date like 2026-11-01, not {since!r}", file=sys.stderr)
        return 2
    if target.suffix.lower() not in FORMATS:
        print(f"dialer-app: --export-history writes .csv or .xlsx, not {target.name!r}",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        history = HistoryStore(paths.history)
        try:
            _total, batches = history.export_batches(HistoryQuery(since=start), EXPORT_COLUMNS)
            count = export_rows(batches, target)
        finally:
            history.close()
    except (HistoryError, OSError) as exc:
        print(f"dialer-app: {exc}", file=sys.stderr)
        return 1
    print(f"Exported {count} calls to {target}")
    return 0


def export_list(paths: Paths, name: str, target: Path) -> int:
    """``--export-list LIST OUT``: a call-down list with what came of each lead, no window."""
    from dialer_app.core.leads.export import write_list
    from dialer_app.core.leads.sqlite_store import SqliteLeadStore
    from dialer_app.core.sheets import FORMATS

    if target.suffix.lower() not in FORMATS:
        print(f"dialer-app: --export-list writes .csv or .xlsx, not {target.name!r}",
              file=sys.stderr)  # fmt: skip
        return 2
    if not paths.lists.exists():
        print(f"dialer-app: no call-down lists in {paths.data_dir}", file=sys.stderr)
        return 1
    try:
        store = SqliteLeadStore(paths.lists)
        try:
            found = store.find_list(name)
            if found is None:
                names = ", ".join(item.name for item in store.lists()) or "none"
                print(f"dialer-app: no list named {name!r} (lists: {names})", file=sys.stderr)
                return 1
            extra = _audit_fields(paths, found.list_id)
            count = write_list(found, store.iter_leads(found.list_id), target, extra)
        finally:
            store.close()
    except (HistoryError, OSError) as exc:
        print(f"dialer-app: {exc}", file=sys.stderr)
        return 1
    print(f"Exported {count} leads of {found.name} to {target}")
    return 0


def _audit_fields(paths: Paths, list_id: int) -> Fields:
    """The list export's audit columns (``dialer_purpose`` …), from the compliance journal
    and the history's do-not-call list."""
    from dialer_app.core.compliance.audit import export_fields, list_audit
    from dialer_app.core.compliance.journal import ComplianceJournal
    from dialer_app.core.history.store import HistoryStore

    journal = ComplianceJournal(paths.lists)
    try:
        opt_outs: list[OptOut] = []
        if paths.history.exists():
            history = HistoryStore(paths.history)
            try:
                opt_outs = history.opt_outs()
            finally:
                history.close()
        audit = list_audit(journal.purpose(list_id), journal.records(list_id), opt_outs)
    finally:
        journal.close()
    return export_fields(audit)


def _read_purpose(args: argparse.Namespace) -> int | None:
    """``--purpose`` as a ``Purpose`` in ``args.purpose`` (None: not given); an exit code when
    it cannot be read or comes without ``--import-list``."""
    from dialer_app.core.compliance.purpose import PurposeError, parse_purpose

    if args.purpose is None:
        return None
    if not args.import_list:
        print("dialer-app: --purpose goes with --import-list FILE", file=sys.stderr)
        return 2
    try:
        args.purpose = parse_purpose(args.purpose)
    except PurposeError as exc:
        print(f"dialer-app: {exc}", file=sys.stderr)
        return 2
    return None


def compliance_report(paths: Paths, name: str, target: Path) -> int:
    """``--compliance-report LIST OUT.xlsx``: the list's calls and refusals, no window."""
    from dialer_app.core.compliance.gather import NoSuchList, gather
    from dialer_app.core.compliance.report import write_report

    if target.suffix.lower() != ".xlsx":
        print(f"dialer-app: --compliance-report writes .xlsx, not {target.name!r}",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        report = gather(paths.lists, paths.history, name)
        write_report(report, target)
    except (NoSuchList, HistoryError, OSError) as exc:
        print(f"dialer-app: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {len(report.calls)} calls and {len(report.refusals)} refusals of {name} "
          f"to {target}")  # fmt: skip
    return 0


def _team_database(flag: str | None, paths: Paths) -> str | None:
    """The team database of this run (flag, environment, settings), None for a single agent."""
    from dialer_app.core.team.connect import ENV, choose_database

    return choose_database(flag, os.environ.get(ENV), _saved_team_database(paths))


def _saved_team_database(paths: Paths) -> str:
    """``team/database`` from settings.ini (read only when a team command asks for it)."""
    from dialer_app.services.settings import TEAM_DATABASE, Settings

    if not paths.settings.exists():
        return ""
    return Settings(paths.settings).get(TEAM_DATABASE)


def desktop_registration(*, install: bool) -> int:
    """``--install-desktop`` / ``--uninstall-desktop`` on this OS; prints what was done."""
    from dialer_app.desktop import for_platform

    integration = for_platform()
    try:
        done = integration.install() if install else integration.uninstall()
    except OSError as exc:
        print(f"dialer-app: {exc}", file=sys.stderr)
        return 1
    for line in done or ["nothing to remove"]:
        print(line)
    return 0


def _run_gui(
    args: argparse.Namespace,
    paths: Paths,
    redactor: Redactor,
    base_url: str | None,
    client_factory: ClientFactory | None,
    open_log: Callable[[], None],
) -> int:
    from PySide6.QtWidgets import QApplication

    from dialer_app.lifetime import Lifetime

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    started = start_gui(args, paths, redactor, base_url, client_factory)
    if isinstance(started, int):
        return started
    instance, desk = started
    desk.window.after_first_frame(open_log)  # logging.handlers: after the first paint
    try:
        Lifetime(app, desk.shutdown)
        return app.exec()
    finally:
        instance.release()


def start_gui(
    args: argparse.Namespace,
    paths: Paths,
    redactor: Redactor,
    base_url: str | None,
    client_factory: ClientFactory | None = None,
) -> tuple[SingleInstance, Desk] | int:
    """Claim the data directory, then build and show the window (the steps after the command
    line, also what the storage tests run); or the exit code of a refusal or hand-over."""
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    from dialer_app.composition import assemble
    from dialer_app.desktop import APP_ID, for_platform
    from dialer_app.services.file_open import FileOpenEvents
    from dialer_app.services.settings import LANGUAGE, Settings
    from dialer_app.services.single_instance import SingleInstance
    from dialer_app.ui.autostart import AutostartToggle
    from dialer_app.ui.common.naming import app_icon
    from dialer_app.ui.common.scheme import SchemeFollower
    from dialer_app.ui.language import install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setApplicationName("dialer-app")
    app.setApplicationDisplayName("Dialer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # Wayland's app id: the dock finds dialer-app.desktop
    app.setWindowIcon(app_icon())
    install_translations(app, Settings(paths.settings).get(LANGUAGE))
    SchemeFollower(app)
    instance = SingleInstance(paths.data_dir)
    if not instance.claim(listen=False):
        purpose = args.purpose.value if args.purpose is not None else ""
        if instance.hand_over(args.number or "", import_list=args.import_list or "",
                              purpose=purpose):  # fmt: skip
            log.info("Handed over to the running dialer")
            return 0
        return refuse_start(NOT_ANSWERING, 1)
    try:
        desk = assemble(
            paths,
            redactor,
            base_url=base_url,
            demo=args.demo,
            client_factory=client_factory,
            team_database=args.team_database,
            list_name=args.list_name,
        )
    except BaseException:
        instance.release()
        raise
    instance.received.connect(desk.window.on_handed_over)
    instance.import_requested.connect(desk.window.import_list)
    desk.window.after_first_frame(instance.listen)
    FileOpenEvents(app, desk.window).received.connect(desk.window.on_handed_over)  # macOS
    AutostartToggle(desk.window, for_platform())
    tray = QSystemTrayIcon.isSystemTrayAvailable()
    if tray:
        desk.window.after_first_frame(partial(_add_tray, desk))
    if args.number:
        desk.window.receive_number(args.number, to_front=False)
    if not args.minimized:
        desk.window.show()
    elif not tray:  # --minimized (the session start) without a tray: minimised, in reach
        desk.window.showMinimized()
    desk.window.start()
    if args.import_list:
        desk.window.import_list(args.import_list, args.purpose.value if args.purpose else "")
    return instance, desk


def _add_tray(desk: Desk) -> None:
    from dialer_app.ui.tray import Tray

    Tray(desk.window, desk.calls, desk.verdicts, desk.settings)


def refuse_start(sentence: Sentence, code: int) -> int:
    """A refusal at start-up: on stderr, and in a dialog when there is a display."""
    from dialer_app.ui.startup import StartupRefusal

    return StartupRefusal.report(sentence, code)


def _install_excepthook() -> None:
    """Uncaught errors go to the (redacted) log, not to a raw traceback on the console."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("Unexpected error", exc_info=(kind, exc, tb))

    sys.excepthook = hook
