"""The main window: the dial form, the outcome of the last call, and the campaign history."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.compliance.purpose import Purpose, PurposeError, parse_purpose
from dialer_app.core.errors import HistoryError, HistoryReadOnly
from dialer_app.core.leads.model import LeadList
from dialer_app.core.phone import mask
from dialer_app.core.uri import number_from_argument
from dialer_app.services import settings as keys_of
from dialer_app.services.account import AccountService
from dialer_app.services.calls import CallService
from dialer_app.services.compliance import ComplianceService
from dialer_app.services.demo import DemoService
from dialer_app.services.history import HistoryService
from dialer_app.services.hours import HoursGuard
from dialer_app.services.keys import KeyService
from dialer_app.services.leads import LeadService

if TYPE_CHECKING:
    from dialer_app.ui.leads.menu import LeadListParts
    from dialer_app.ui.supervisor.pause_picker import PauseKey
    from dialer_app.ui.supervisor.team_menu import TeamMenu
from dialer_app.services.live import LiveTracker
from dialer_app.services.members import BalanceService, MembersService
from dialer_app.services.settings import Settings
from dialer_app.services.team import TeamGuard
from dialer_app.services.verdicts import VerdictTracker
from dialer_app.ui.account.flow import AccountFlow
from dialer_app.ui.account.members_flow import MembersFlow
from dialer_app.ui.calling.banner import banner_style, link, link_colour
from dialer_app.ui.calling.call_flow import CallFlow
from dialer_app.ui.calling.dial_form import DialForm
from dialer_app.ui.calling.list_rules import ListRulesCheck
from dialer_app.ui.calling.live_flow import LiveFlow
from dialer_app.ui.calling.opt_out_flow import OptOutFlow
from dialer_app.ui.calling.wrapup import WrapUpPanel
from dialer_app.ui.calling.wrapup_flow import WrapUpFlow, dispositions
from dialer_app.ui.common.announce import BannerLabel, announce, install_accessibility
from dialer_app.ui.common.first_frame import FirstFrame
from dialer_app.ui.common.naming import named
from dialer_app.ui.common.notice import Action, Level, Notice
from dialer_app.ui.common.status import QuietUnderMessages
from dialer_app.ui.history.column_chooser import ColumnChooser
from dialer_app.ui.history.flow import HistoryFlow
from dialer_app.ui.history.panel import HistoryPanel
from dialer_app.ui.language_menu import LanguageMenu

log = logging.getLogger(__name__)
# A maximised window on 1366x768 less a task bar: the size the README's promises are made at.
PREFERRED_SIZE = QSize(1366, 700)


@dataclass(frozen=True, slots=True)
class WindowServices:
    """The services the window's parts are built from (``composition.assemble`` makes them)."""

    account: AccountService
    keys: KeyService
    members: MembersService
    balance: BalanceService
    calls: CallService
    history: HistoryService
    verdicts: VerdictTracker | None
    team: TeamGuard
    live: LiveTracker
    settings: Settings
    hours: HoursGuard
    leads: LeadService | None = None
    demo: DemoService | None = None
    compliance: ComplianceService | None = None


class MainWindow(QMainWindow):
    """The agent's desk: one call at a time, every attempt in the history below.

    Signals:
        closing(): the window is really closing (not hiding to the tray): time to shut down
    """

    closing = Signal()

    def __init__(
        self,
        services: WindowServices,
        *,
        base_url: str | None,
        diagnostics: Callable[[], str] = lambda: "",
        reminder_ms: int | None = None,
    ) -> None:
        super().__init__()
        s = services
        account, keys, calls, history, settings = (s.account, s.keys, s.calls, s.history,
                                                   s.settings)  # fmt: skip
        verdicts, team, live, demo = s.verdicts, s.team, s.live, s.demo
        self._history_service = history
        self._verdicts = verdicts
        self._settings = settings
        self._diagnostics = diagnostics
        self._close_to_tray = False  # the tray icon says, when there is one
        self._problems: list[str] = []  # the calls' own start-up problems
        self._side_problems: list[str] = []  # the lead lists': said after the calls' own
        self._first_frame = FirstFrame(self)
        self._account = AccountFlow(account, keys, settings, self, base_url=base_url, demo=demo)
        self.history = HistoryPanel(history, dispositions(settings))
        self._history = self.history.model
        self.history_view = self.history.view
        self.columns = ColumnChooser(self.history_view, settings)
        self._build_ui()
        self._flow = HistoryFlow(history, verdicts, team, self.form, self.history, self)
        rules = ListRulesCheck(s.compliance, s.hours, settings, self._active_lead_list, self)
        self._calls_flow = CallFlow(calls, history, team, settings, self.form, self, rules)
        self._opt_out = OptOutFlow(history, lambda: self._calls_flow.last_call, self)
        self._live = live
        self.live_flow = LiveFlow(live, self._history, self)
        self._wrap_up = WrapUpFlow(
            history, calls, live, verdicts, settings, self.wrap_up, self._history, self.form, self
        )
        self._lists_flow = MembersFlow(
            s.members, s.balance, calls, settings, self.form, self.balance_label, self
        )
        self.lists: LeadListParts | None = None  # built after the first frame (start-up time)
        self.pause_key: PauseKey | None = None  # F10, on a team's desk
        self.team_menu: TeamMenu | None = None  # Team: Pause, Supervisor view (a team's desk)
        self._list_services = (s.leads, s.compliance, calls, verdicts, reminder_ms)
        self._pending_imports: list[tuple[str, Purpose | None]] = []
        self._connect_signals()
        if not self.restoreGeometry(settings.get(keys_of.GEOMETRY)):
            self.resize(first_size(self.screen().availableGeometry().size()))
        self.form.focus_number()

    def _build_ui(self) -> None:
        self.setWindowTitle(
            self.tr("Dialer — DEMO (sandbox)") if self._account.demo else self.tr("Dialer")
        )
        self.form = DialForm()
        self.form.limit_spin.setValue(self._settings.get(keys_of.CALL_LIMIT))
        install_accessibility()
        self.outcome_label = named(
            BannerLabel(), "outcomeLabel", self.tr("Outcome of the last call"),
            self.tr("What happened to the last call, and what to do next."),
        )  # fmt: skip
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextFormat(Qt.TextFormat.RichText)
        self.outcome_label.setContentsMargins(10, 8, 10, 8)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.form)
        layout.addWidget(self.outcome_label)
        self.wrap_up = WrapUpPanel(dispositions(self._settings))
        layout.addWidget(self.wrap_up)
        self.list_slot = QVBoxLayout()  # the lead's details, under the form (lists)
        layout.insertLayout(1, self.list_slot)
        self.history_splitter = QSplitter()
        self.history_splitter.setObjectName("historySplitter")
        self.history_splitter.addWidget(self.history)
        layout.addWidget(self.history_splitter, 1)
        self.setCentralWidget(central)
        self.account_label = named(QLabel(), "accountLabel", self.tr("Account"))
        self.balance_label = named(
            QLabel(self.tr("Balance: …")), "balanceLabel", self.tr("Balance")
        )
        self.statusBar().addWidget(self.account_label)
        self.statusBar().addPermanentWidget(self.balance_label)
        QuietUnderMessages(self.statusBar(), [self.account_label])
        self._build_menu()
        self._banner_level = Level.INFO
        self.show_outcome(self.tr("Ready. Type the customer's number and press Return."))

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Dialer"))
        # The same keys on Linux, Windows and macOS (Ctrl is Cmd there): a platform's standard
        # key is added where it has one, never instead (Preferences is empty on Linux).
        actions = [
            action(self, self.tr("&Account…"), "Ctrl+,", QKeySequence.StandardKey.Preferences),
            action(self, self.tr("&Refresh members"), "F5", QKeySequence.StandardKey.Refresh),
            action(self, self.tr("&Export shown history…"), "Ctrl+E"),
            action(self, self.tr("Call the waiting customer a&gain"), "F9"),
            action(self, self.tr("&Wrap up the selected call…"), "F8"),
            action(self, self.tr("Customer asked &not to be called"), "F11"),
            action(self, self.tr("Copy &diagnostics")),
            action(self, self.tr("&Quit"), "Ctrl+Q", QKeySequence.StandardKey.Quit),
        ]
        (self.account_action, self.refresh_action, self.export_action,
         self.call_again_action, self.wrap_up_action, self.opt_out_action,
         self.diagnostics_action, quit_action) = actions  # fmt: skip
        self.account_action.setEnabled(not self._account.demo)
        quit_action.triggered.connect(self.quit)
        for item in actions:
            menu.addAction(item)
            self.addAction(item)  # each works whatever has the focus, menu open or not
        self._shortcuts_first = WindowShortcutsFirst(actions, self)
        self.dialer_menu, self.quit_action = menu, quit_action  # others insert before Quit
        self.language_menu = LanguageMenu(menu, quit_action, self._settings, self.show_notice)
        menu.insertMenu(quit_action, self.columns.menu)

    def _connect_signals(self) -> None:
        self.form.call_requested.connect(self._calls_flow.place)
        self.form.refresh_requested.connect(self._lists_flow.refresh_lists)
        self.refresh_action.triggered.connect(self._lists_flow.refresh_lists)
        self.account_action.triggered.connect(self._account.edit)
        self.export_action.triggered.connect(self._flow.export)
        self.diagnostics_action.triggered.connect(self._on_diagnostics_triggered)
        self.call_again_action.triggered.connect(self._on_call_again_triggered)
        self.wrap_up_action.triggered.connect(self._on_wrap_up_triggered)
        self.opt_out_action.triggered.connect(self._opt_out.opt_out)
        self.outcome_label.linkActivated.connect(self._on_outcome_link_activated)
        self._flow.call_requested.connect(self._calls_flow.place)
        self._calls_flow.row_changed.connect(self._flow.show_row)
        self._account.ready.connect(self._on_account_ready)
        self.live_flow.customer_waiting.connect(self.bring_to_front)
        for source in (
            self._flow,
            self._calls_flow,
            self._account,
            self._lists_flow,
            self.live_flow,
            self._wrap_up,
            self._opt_out,
        ):
            source.notice.connect(self.show_notice)

    def start(self) -> None:
        """After the first frame: history, then the account (keyring, lists, balance)."""
        self.after_first_frame(self._load_history)
        self.after_first_frame(self._account.start)
        self.after_first_frame(self.build_lists)

    @Slot()
    def build_lists(self) -> None:
        """The call-down lists: panel, flows, the Lists menu (their modules load here, after
        the first frame, not on the way to it), then resume the active list."""
        leads, compliance, calls, verdicts, reminder_ms = self._list_services
        if leads is None or compliance is None or self.lists is not None:
            return
        from dialer_app.ui.leads.menu import LeadListSlots, build_lead_list_parts

        slots = LeadListSlots(self, self.history_splitter, self.list_slot, self.form,
                              self.wrap_up, self.show_notice, self.show_side_problem,
                              self.dialer_menu, self.quit_action)  # fmt: skip
        self.lists = build_lead_list_parts(
            slots, leads, compliance, calls, verdicts, self._settings, reminder_ms,
            demo=self._account.demo,
        )  # fmt: skip
        self._shortcuts_first.add(self.lists.actions)
        self.lists.flow.start()
        if self.lists.team is not None and leads.team is not None:
            from dialer_app.ui.supervisor.pause_picker import PauseKey
            from dialer_app.ui.supervisor.team_menu import TeamMenu

            team = self.lists.team
            self.pause_key = PauseKey(self, team.presence, team.pause_reasons, team.say)
            self._calls_flow.pause_check = self.pause_key.refusal
            self._shortcuts_first.add([self.pause_key.action])
            alert = self._settings.get(keys_of.PAUSE_ALERT_MINUTES)
            self.team_menu = TeamMenu(self, self.pause_key, leads.team.supervisor_login, alert,
                                      closing=self.closing,
                                      reachable_changed=team.reachable_changed)  # fmt: skip
            self.team_menu.check()
            self._live.changed.connect(self.lists.team.on_live_changed)
            self._live.ended.connect(self.lists.team.on_live_ended)
            self.lists.team.start()
        for path, purpose in self._pending_imports:
            self.lists.files.import_path(path, purpose)
        self._pending_imports.clear()

    @Slot(str, str)
    def import_list(self, path: str, purpose: str = "") -> None:
        """A lead file to open in the import preview (``--import-list``, another launch), its
        ``--purpose`` chosen there (the agent still sees it and presses Return)."""
        try:
            chosen = parse_purpose(purpose) if purpose else None
        except PurposeError:
            chosen = None  # the launch checked it: a hand-over from elsewhere asks the agent
        if self.lists is None:
            self._pending_imports.append((path, chosen))
        else:
            self.lists.files.import_path(path, chosen)

    def after_first_frame(self, job: Callable[[], object]) -> None:
        """Run ``job`` once the window's first frame is painted."""
        self._first_frame.then(job)

    @Slot()
    def _load_history(self) -> None:
        job = self._history_service.recover()
        job.on_success(self._on_history_recovered).on_failure(self._on_history_recover_failed)

    @Slot(object)
    def _on_history_recover_failed(self, exc: BaseException) -> None:
        """Read-only or full: the rows that may have rung are named, the rest goes on."""
        log.error("Unfinished calls not marked: %s", exc)
        self._history.set_query(self._history.query)
        count = exc.count if isinstance(exc, HistoryReadOnly) else 0
        reason = exc.reason if isinstance(exc, HistoryError) and exc.reason else str(exc)
        unmarked = self.tr(
            "%n call(s) from the last session never got an answer and may have rung, "
            "but they could not be marked Unknown ({reason}): check before calling those "
            "customers again.", "", count,
        ) if count else self.tr(
            "Calls left unfinished by the last session could not be marked Unknown "
            "({reason}): check before calling those customers again."
        )  # fmt: skip
        self.show_problem(unmarked.format(reason=reason))

    def show_problem(self, text: str) -> None:
        """A start-up problem: shown with the ones before it, so none hides another."""
        self._problems.append(text)
        self.show_outcome(" ".join(self._problems + self._side_problems), Level.ERROR)

    def show_side_problem(self, text: str) -> None:
        """A start-up problem of the lead lists: after the calls' own, whichever came first."""
        self._side_problems.append(text)
        self.show_outcome(" ".join(self._problems + self._side_problems), Level.ERROR)

    @Slot(object)
    def _on_history_recovered(self, recovered: int) -> None:
        self._history.set_query(self._history.query)
        if recovered:
            text = self.tr(
                "%n call(s) from the last session never got an answer and may have rung: they "
                "are marked Unknown below. Check before calling again.",
                "",
                recovered,
            )
            self.show_outcome(text, Level.WARN)

    def show_outcome(
        self,
        text: str,
        level: Level = Level.INFO,
        action: Action = Action.NONE,
        *,
        spoken: bool = True,
    ) -> None:
        """Show ``text`` (plain: server words never become markup) and one of our links."""
        self._banner_text, self._banner_action, self._banner_level = text, action, level
        self._style_banner()
        if spoken:
            announce(self.outcome_label, text, assertive=level is Level.ERROR)

    def _style_banner(self) -> None:
        """The banner's colours (and its link's) for the palette now in use."""
        level, palette = self._banner_level, self.palette()
        ours = link(self._banner_action, link_colour(level, palette))
        text = html.escape(self._banner_text, quote=False)
        self.outcome_label.setText(text + (" " + ours if ours else ""))
        self.outcome_label.setStyleSheet(banner_style(level, palette))

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (the OS switched to dark or light): the banner's colours follow."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_banner_text"):
            self._style_banner()

    @Slot(object)
    def show_notice(self, notice: Notice) -> None:
        """Progress goes to the status bar for a while; the rest takes the banner."""
        if notice.level is Level.STATUS:
            self.statusBar().showMessage(notice.text, 10000)
        else:
            self.show_outcome(notice.text, notice.level, notice.action, spoken=notice.spoken)
            if notice.at_once:  # not behind the events queued meanwhile (its row, listeners)
                self.outcome_label.repaint()

    @Slot(str)
    def _on_outcome_link_activated(self, link: str) -> None:
        if link == Action.OPEN_ACCOUNT.value:
            self._account.edit()
        elif link == Action.CALL_AGAIN.value:
            self._on_call_again_triggered()
        elif link == Action.UNBLOCK.value:
            self._calls_flow.unblock_refused()

    @Slot()
    def _on_wrap_up_triggered(self) -> None:
        """F8: the wrap-up of the history row selected (or the newest)."""
        selected = self.history_view.selectionModel().selectedRows()
        position = selected[0].row() if selected else 0
        row = self._history.loaded_row(position)
        if row is not None:
            self._wrap_up.open_for(row)

    def _active_lead_list(self) -> LeadList | None:
        """The list whose lead the form may hold (None before the lists are built)."""
        return None if self.lists is None else self.lists.flow.active

    @Slot()
    def _on_call_again_triggered(self) -> None:
        if not self._calls_flow.working:
            self._flow.call_waiting_customer_again()

    # -- lists, balance, account -------------------------------------------------------
    @Slot()
    def _on_account_ready(self) -> None:
        self.account_label.setText(self._account.label)
        self._lists_flow.refresh()
        if self._verdicts is not None:
            self._verdicts.resume()

    def receive_number(self, text: str, source: str = "", *, to_front: bool = True) -> None:
        """A number from a tel: link, another launch or the clipboard: fill in, never dial
        (``to_front`` False: the window is not shown for it, e.g. at start-up)."""
        number = number_from_argument(text)
        log.info("Number from %s filled in (%s); not dialled", source or "a link", mask(number))
        self.form.number_edit.setText(number)
        if to_front:
            self.bring_to_front()
        source = source or self.tr("a link")
        self.show_outcome(
            self.tr("Number from {source}: check it and press Return to call.").format(
                source=source
            )
        )

    @Slot()
    def _on_diagnostics_triggered(self) -> None:
        QGuiApplication.clipboard().setText(self._diagnostics())
        text = self.tr("Diagnostics copied: no API key, numbers cut to 4 digits.")
        self.show_notice(Notice(Level.STATUS, text))

    @Slot(str)
    def on_handed_over(self, text: str) -> None:
        """Another launch (a tel: link, the desktop icon) passed us its argument."""
        if text.strip():
            self.receive_number(text)
        else:
            self.bring_to_front()

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.form.focus_number()

    def set_close_to_tray(self, on: bool) -> None:
        """Closing the window hides it to the tray (the tray's "Keep running" choice)."""
        self._close_to_tray = on

    def quit(self) -> None:
        """Really quit, even when closing would only hide the window to the tray."""
        self._close_to_tray = False
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_to_tray:
            self.hide()
            event.ignore()
            return
        self._settings.set(keys_of.GEOMETRY, QByteArray(self.saveGeometry()))
        self._settings.sync()
        self.hide()
        event.accept()
        self.closing.emit()


def first_size(available: QSize) -> QSize:
    """The window's size at its first start: what the README promises fits (the history's
    needed columns beside a call-down list, as on a maximised 1366x768 screen), never more
    than the screen offers. Later starts restore the size the agent left it at."""
    return PREFERRED_SIZE.boundedTo(available)


def action(parent: QMainWindow, text: str, *keys: str | QKeySequence.StandardKey) -> QAction:
    """A menu action with its shortcuts (duplicates and empty platform keys dropped)."""
    item = QAction(text, parent)
    sequences: list[QKeySequence] = []
    for key in keys:
        found = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [
            QKeySequence(key)
        ]  # fmt: skip
        sequences += [seq for seq in found if not seq.isEmpty() and seq not in sequences]
    item.setShortcuts(sequences)
    return item


class WindowShortcutsFirst(QObject):
    """The window's shortcuts win over a text field's own bindings (Ctrl+E is "end of line"
    in a line edit; the focus starts in the number field): every shortcut the README names
    works from there."""

    def __init__(self, actions: list[QAction], window: QMainWindow) -> None:
        super().__init__(window)
        self._keys = [seq for item in actions for seq in item.shortcuts()]
        for edit in window.findChildren(QLineEdit):
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(seq) == QKeySequence.SequenceMatch.ExactMatch
                   for seq in self._keys):  # fmt: skip
                event.ignore()  # not the field's: the window's action takes it
                return True
        return False

    def add(self, actions: list[QAction]) -> None:
        """Shortcuts of a menu built later (the lists) win too."""
        self._keys += [seq for item in actions for seq in item.shortcuts()]
