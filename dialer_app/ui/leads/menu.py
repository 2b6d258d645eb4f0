"""The call-down lists in the window: the List menu, the panel beside the history, the flows.

Built by ``MainWindow`` from the services it is given and the slots it makes room with
(``LeadListSlots``: the history splitter, a slot under the form, the form, the wrap-up, the
notice sink); the parts never see the window's class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QVBoxLayout

from dialer_app.services.calls import CallService
from dialer_app.services.compliance import ComplianceService
from dialer_app.services.leads import LeadService
from dialer_app.services.settings import Settings
from dialer_app.services.verdicts import VerdictTracker
from dialer_app.ui.calling.dial_form import DialForm
from dialer_app.ui.calling.wrapup import WrapUpPanel
from dialer_app.ui.common.notice import Notice
from dialer_app.ui.leads.files import LeadListFiles
from dialer_app.ui.leads.flow import REMINDER_MS, LeadListFlow
from dialer_app.ui.leads.panel import LeadListPanel
from dialer_app.ui.leads.rescrub import LeadListRescrub
from dialer_app.ui.leads.team_dialogs import TeamSetting
from dialer_app.ui.leads.team_flow import TeamFlow

EXPORT_KEY = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_E)


@dataclass(frozen=True, slots=True)
class LeadListSlots:
    """What the lead-list parts get of the window: where they go and what they use."""

    host: QMainWindow  # parent of the flows and dialogs; its menu bar gets the Lists menu
    side: QSplitter  # the lead table goes beside the history
    under_form: QVBoxLayout  # the lead's details, under the dial form
    form: DialForm
    wrap_up: WrapUpPanel
    notice: Callable[[Notice], None]
    problem: Callable[[str], None]  # a start-up problem, beside the window's others
    dialer_menu: QMenu | None = None  # Dialer → Team… goes here, before ``before`` (Quit)
    before: QAction | None = None


@dataclass
class LeadListParts:
    panel: LeadListPanel
    flow: LeadListFlow
    files: LeadListFiles
    import_action: QAction
    skip_action: QAction
    call_back_action: QAction
    other_number_action: QAction
    export_action: QAction
    block_action: QAction
    demo_action: QAction | None
    team_action: QAction | None = None
    team: TeamFlow | None = None
    rescrub: LeadListRescrub | None = None
    rescrub_action: QAction | None = None

    @property
    def actions(self) -> list[QAction]:
        return [self.import_action, self.skip_action, self.call_back_action,
                self.other_number_action, self.export_action, self.block_action]  # fmt: skip


def build_lead_list_parts(
    slots: LeadListSlots,
    leads: LeadService,
    compliance: ComplianceService,
    calls: CallService,
    verdicts: VerdictTracker | None,
    settings: Settings,
    reminder_ms: int | None,
    *,
    demo: bool = False,
) -> LeadListParts:
    """The panel, its flows and the List menu, wired into ``slots``."""
    panel = LeadListPanel(leads.page, compliance.purposes)
    compliance.purpose_changed.connect(panel.set_purpose)
    panel.setVisible(False)
    slots.side.addWidget(panel)
    slots.under_form.addWidget(panel.details_label)
    flow = LeadListFlow(
        leads, calls, settings, slots.form, panel, slots.wrap_up, slots.host,
        reminder_ms=REMINDER_MS if reminder_ms is None else reminder_ms,
    )  # fmt: skip
    files = LeadListFiles(leads, compliance, flow, slots.host)
    if verdicts is not None:
        verdicts.row_updated.connect(flow.on_verdict)
    flow.notice.connect(slots.notice)
    flow.problem.connect(slots.problem)
    files.notice.connect(slots.notice)
    parts = LeadListParts(panel, flow, files, *_menu(slots.host, demo))
    parts.import_action.triggered.connect(files.choose_and_import)
    parts.skip_action.triggered.connect(flow.skip)
    parts.call_back_action.triggered.connect(flow.call_back_later)
    parts.other_number_action.triggered.connect(flow.call_other_number)
    parts.export_action.triggered.connect(files.choose_and_export)
    parts.block_action.triggered.connect(files.choose_and_block)
    if parts.demo_action is not None:
        parts.demo_action.triggered.connect(files.import_demo_list)
    if slots.dialer_menu is not None:
        parts.team_action = _team_action(slots, leads, settings)
    if leads.team is not None:  # a team's desk: its agent, its pulse, its leases
        parts.team = TeamFlow(leads.team, flow, calls, settings, slots.form, slots.host,
                              wrap_up=slots.wrap_up)  # fmt: skip
        parts.team.notice.connect(slots.notice)
        if verdicts is not None:
            verdicts.worst_case.connect(parts.team.on_left_waiting)
    parts.rescrub = LeadListRescrub(leads, compliance, flow, slots.host)
    parts.rescrub.notice.connect(slots.notice)
    parts.rescrub_action = QAction(
        QCoreApplication.translate("ListMenu", "Import &DND scrub result…"), slots.host
    )
    lists_menu = next((m for m in slots.host.menuBar().findChildren(QMenu)
                       if parts.block_action in m.actions()), None)  # fmt: skip
    if lists_menu is not None:
        lists_menu.insertAction(parts.block_action, parts.rescrub_action)
    parts.rescrub_action.triggered.connect(parts.rescrub.choose_and_apply)
    return parts


def _team_action(slots: LeadListSlots, leads: LeadService, settings: Settings) -> QAction:
    """Dialer → Team…: the team database's connection, shown, edited and tested."""
    item = QAction(QCoreApplication.translate("ListMenu", "&Team…"), slots.host)
    item.setObjectName("teamAction")
    assert slots.dialer_menu is not None
    assert slots.before is not None
    slots.dialer_menu.insertAction(slots.before, item)
    in_use = leads.team.state.database if leads.team is not None else ""
    editor = TeamSetting(settings, in_use, leads.test_team, slots.notice, slots.host)
    item.triggered.connect(editor.edit)
    return item


def _menu(
    window: QMainWindow, demo: bool
) -> tuple[QAction, QAction, QAction, QAction, QAction, QAction, QAction | None]:
    menu = window.menuBar().addMenu(QCoreApplication.translate("ListMenu", "Li&sts"))
    entries: tuple[tuple[str, QKeySequence | None], ...] = (
        (
            QCoreApplication.translate("ListMenu", "&Import a lead list…"),
            QKeySequence(QKeySequence.StandardKey.Open),
        ),
        (QCoreApplication.translate("ListMenu", "&Skip this lead"), QKeySequence(Qt.Key.Key_F6)),
        (QCoreApplication.translate("ListMenu", "Call &back later…"), QKeySequence(Qt.Key.Key_F7)),
        (
            QCoreApplication.translate("ListMenu", "Call the lead's &other number"),
            QKeySequence(Qt.Key.Key_F4),
        ),
        (QCoreApplication.translate("ListMenu", "E&xport the list…"), EXPORT_KEY),
        (QCoreApplication.translate("ListMenu", "Import do-&not-call numbers…"), None),
        *(
            [(QCoreApplication.translate("ListMenu", "Import the de&mo list"), None)]
            if demo
            else []
        ),
    )
    actions = []
    for text, key in entries:
        item = QAction(text, window)
        if key is not None:
            item.setShortcut(key)
        menu.addAction(item)
        window.addAction(item)  # works whatever has the focus
        actions.append(item)
    imported, skip, call_back, other, export, block, *demo_list = actions
    return imported, skip, call_back, other, export, block, (demo_list[0] if demo_list else None)
