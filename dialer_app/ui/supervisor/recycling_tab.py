"""The Recycling tab: a rule per list and result, and a one-off put-back counted first.

A rule ("No answer: again after 120 min, at most 3 times") is kept in the team database and
applied by every desk's claim. "Put back…" first counts the leads it would put back and asks,
No being the default; only then are they offered again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.team.supervise import NO_ANSWER, RecycleRule
from dialer_app.core.team.watch import ListRow
from dialer_app.core.text import plain
from dialer_app.services.supervisor import SupervisorService
from dialer_app.ui.common.naming import named
from dialer_app.ui.common.plain import plain_box
from dialer_app.ui.supervisor.lists_tab import Say
from dialer_app.ui.supervisor.table import Column, RowsModel
from dialer_app.ui.supervisor.tables import LiveTable


def result_text(outcome: str) -> str:
    if outcome == NO_ANSWER:
        return QCoreApplication.translate("supervisor", "No answer")
    return outcome  # a disposition, as the agents chose it


class RecyclingTab(QWidget):
    """Rules per list and result; a put-back with its count first."""

    def __init__(self, service: SupervisorService, say: Say) -> None:
        super().__init__()
        self._service, self._say = service, say
        self._names: dict[int, str] = {}
        self.rules: RowsModel[RecycleRule] = RowsModel(
            self._columns(), lambda r: (r.list_id, r.outcome)
        )
        self.view = named(LiveTable(self.rules), "rulesView", self.tr("Recycling rules"))
        self.list_combo = named(QComboBox(), "recycleListCombo", self.tr("List"))
        self.result_combo = named(QComboBox(), "recycleResultCombo", self.tr("Result"))
        self.delay = named(QSpinBox(), "recycleDelaySpin", self.tr("Again after (minutes)"))
        self.delay.setRange(0, 7 * 24 * 60)
        self.delay.setValue(120)
        self.attempts = named(QSpinBox(), "recycleAttemptsSpin", self.tr("At most (attempts)"))
        self.attempts.setRange(1, 20)
        self.attempts.setValue(3)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for combo in (self.list_combo, self.result_combo):
            combo.setMinimumContentsLength(24)
        form.addRow(self.tr("L&ist:"), self.list_combo)
        form.addRow(self.tr("R&esult:"), self.result_combo)
        form.addRow(self.tr("Again af&ter (minutes):"), self.delay)
        form.addRow(self.tr("At &most (attempts):"), self.attempts)
        self.save = named(
            QPushButton(self.tr("&Save rule")), "saveRuleButton", self.tr("Save rule")
        )
        self.delete = named(
            QPushButton(self.tr("&Delete rule")), "deleteRuleButton", self.tr("Delete rule")
        )
        self.put_back = named(
            QPushButton(self.tr("Put &back now…")), "putBackButton", self.tr("Put back now")
        )
        buttons = QHBoxLayout()
        for button in (self.save, self.delete, self.put_back):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.list_combo.currentIndexChanged.connect(self._on_list_combo_changed)
        self.save.clicked.connect(self._on_save_clicked)
        self.delete.clicked.connect(self._on_delete_clicked)
        self.put_back.clicked.connect(self._on_put_back_clicked)

    def _columns(self) -> list[Column[RecycleRule]]:
        return [
            Column(self.tr("List"), lambda r: self._names.get(r.list_id, str(r.list_id))),
            Column(self.tr("Result"), lambda r: result_text(r.outcome)),
            Column(
                self.tr("Again after (minutes)"),
                lambda r: str(r.delay_minutes),
                lambda r: r.delay_minutes,
            ),
            Column(
                self.tr("At most (attempts)"),
                lambda r: str(r.max_attempts),
                lambda r: r.max_attempts,
            ),
        ]

    def show_lists(self, rows: tuple[ListRow, ...], complete: bool) -> None:
        if not complete:
            return
        names = {row.list_id: row.name for row in rows}
        if names == self._names:
            return
        self._names = names
        chosen = self.list_combo.currentData()
        self.list_combo.blockSignals(True)
        self.list_combo.clear()
        for list_id, name in names.items():
            self.list_combo.addItem(plain(name), list_id)
        self.list_combo.blockSignals(False)
        self.list_combo.setCurrentIndex(max(0, self.list_combo.findData(chosen)))
        self._on_list_combo_changed()
        self.reload()

    def reload(self) -> None:
        self._service.rules().on_success(self.rules.replace).on_failure(self._say)

    @Slot()
    def _on_list_combo_changed(self) -> None:
        list_id = self.list_combo.currentData()
        if list_id is not None:
            self._service.outcomes(list_id).on_success(self._show_outcomes).on_failure(self._say)

    def _show_outcomes(self, outcomes: tuple[str, ...]) -> None:
        chosen = self.result_combo.currentData()
        self.result_combo.clear()
        for outcome in outcomes:
            self.result_combo.addItem(plain(result_text(outcome)), outcome)
        self.result_combo.setCurrentIndex(max(0, self.result_combo.findData(chosen)))

    def _chosen(self) -> tuple[int, str] | None:
        list_id, outcome = self.list_combo.currentData(), self.result_combo.currentData()
        return None if list_id is None or outcome is None else (list_id, outcome)

    @Slot()
    def _on_save_clicked(self) -> None:
        if (chosen := self._chosen()) is not None:
            rule = RecycleRule(chosen[0], chosen[1], self.delay.value(), self.attempts.value())
            self._service.save_rule(rule).on_success(self._saved).on_failure(self._say)

    @Slot()
    def _on_delete_clicked(self) -> None:
        rule = self.view.selected()
        target = (rule.list_id, rule.outcome) if rule is not None else self._chosen()
        if target is not None:
            self._service.delete_rule(*target).on_success(self._saved).on_failure(self._say)

    def _saved(self, _none: object) -> None:
        self.reload()

    @Slot()
    def _on_put_back_clicked(self) -> None:
        if (chosen := self._chosen()) is not None:
            job = self._service.put_back_count(*chosen)
            job.on_success(lambda count: self._ask_put_back(chosen, count)).on_failure(self._say)

    def _ask_put_back(self, chosen: tuple[int, str], count: int) -> None:
        name, result = self._names.get(chosen[0], ""), result_text(chosen[1])
        if count == 0:
            self._say(
                self.tr("No lead of {list} has the result {result}.").format(
                    list=name, result=result
                )
            )
            return
        box = plain_box(QMessageBox(self))
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Put leads back"))
        question = self.tr(
            "Put back %n lead(s) of {list} with the result {result}? They are offered again now.",
            "",
            count,
        )
        box.setText(question.format(list=name, result=result))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            job = self._service.put_back(*chosen)
            job.on_success(self._put_back_done).on_failure(self._say)

    def _put_back_done(self, count: int) -> None:
        self._say(self.tr("Put back %n lead(s).", "", count))
