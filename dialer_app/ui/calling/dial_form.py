"""The dial form: customer number (with a live verdict), member, deskphone, call limit, Call."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
)

from dialer_app.core.errors import InvalidNumber
from dialer_app.core.phone import NumberKind, format_national, parse
from dialer_app.core.records import Deskphone, Member
from dialer_app.ui.common.form_colours import call_style, hint_style
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named
from dialer_app.ui.common.plain import set_tooltip

MAX_CALL_LIMIT = 4 * 3600


class DialForm(QWidget):
    """Collects one call. Emits ``call_requested`` on Return or Call; never validates silently.

    Signals:
        call_requested(): the agent asked to place the call
        refresh_requested(): the agent asked to reload members and deskphones
        number_ready(str): the 10-digit number now in the field ("" when it is not valid)
    """

    call_requested = Signal()
    refresh_requested = Signal()
    number_ready = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lead: tuple[int, str] | None = None  # the lead filled in, and its number's text
        self.members_problem = ""  # why the members and deskphones did not load, if they did not
        self._build_ui()
        self._connect_signals()
        self._on_number_edited("")

    def _build_ui(self) -> None:
        self.number_edit = named(
            QLineEdit(), "customerNumberEdit", self.tr("Customer number"),
            self.tr("Type or paste the number; Return calls it."),
        )  # fmt: skip
        self.number_edit.setPlaceholderText(self.tr("Customer number, e.g. +91 98765 43210"))
        self.number_edit.setClearButtonEnabled(True)
        font = QFont(self.number_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.number_edit.setFont(font)
        self.number_hint = named(
            QLabel(), "numberHint", self.tr("Number check"),
            self.tr("What will be dialled, or why the number is refused."),
        )  # fmt: skip
        self.number_hint.setWordWrap(True)
        self.choice_combo = named(
            QComboBox(), "numberChoiceCombo", self.tr("Numbers found in the pasted text"),
            self.tr("Pick the one number to call."),
        )  # fmt: skip
        self.choice_combo.setPlaceholderText(self.tr("Pick the number to call…"))
        self.choice_combo.setVisible(False)
        self.recent_label = named(
            QLabel(), "recentCallsLabel", self.tr("Recent calls to this number"),
            self.tr("Earlier calls to this customer, from this desk and the team."),
        )  # fmt: skip
        self.recent_label.setWordWrap(True)
        self.member_combo = named(
            QComboBox(), "memberCombo", self.tr("Member (your phone)"),
            self.tr("The phone that rings after the customer answers."),
        )  # fmt: skip
        self.member_combo.setPlaceholderText(self.tr("Loading members…"))
        self.refresh_button = named(
            QToolButton(), "refreshButton", self.tr("Refresh members"),
            self.tr("Reload members and deskphones (F5)"),
        )  # fmt: skip
        self.refresh_button.setText("⟳")
        self.refresh_button.setToolTip(self.tr("Reload members and deskphones (F5)"))
        self.deskphone_combo = named(
            QComboBox(), "deskphoneCombo", self.tr("Deskphone (caller ID)"),
            self.tr("The number the customer sees."),
        )  # fmt: skip
        self.deskphone_combo.setPlaceholderText(self.tr("Loading deskphones…"))
        self.limit_spin = named(
            QSpinBox(), "callLimitSpin", self.tr("Call limit in seconds"),
            self.tr("The longest the call may last; 0 is no limit."),
        )  # fmt: skip
        self.limit_spin.setRange(0, MAX_CALL_LIMIT)
        self.limit_spin.setSingleStep(30)
        self.limit_spin.setSuffix(self.tr(" s", "seconds after a number"))
        self.limit_spin.setSpecialValueText(self.tr("No limit"))
        self.call_button = named(
            QPushButton(self.tr("Call")), "callButton", self.tr("Call customer"),
            self.tr("Ring the customer, then your phone (Return)"),
        )  # fmt: skip
        self.call_button.setToolTip(self.tr("Ring the customer, then your phone (Return)"))
        self.call_button.setMinimumHeight(self.number_edit.sizeHint().height() * 2)
        self.call_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.call_button.setMinimumWidth(140)
        self._apply_colours()
        call_font = QFont(self.call_button.font())
        call_font.setPointSizeF(call_font.pointSizeF() * 1.3)
        self.call_button.setFont(call_font)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows: tuple[tuple[str, QWidget], ...] = (
            (self.tr("&Customer"), self.number_edit),
            ("", self.number_hint),
            ("", self.choice_combo),
            ("", self.recent_label),
            (self.tr("&Member"), self.member_combo),
            (self.tr("Des&kphone"), self.deskphone_combo),  # Alt+D is the Dialer menu
            (self.tr("Call &limit"), self.limit_spin),
        )
        for row, (text, widget) in enumerate(rows):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(self.refresh_button, 4, 2)
        grid.addWidget(self.call_button, 0, 3, 4, 1)
        grid.setColumnStretch(1, 1)
        self.setTabOrder(self.number_edit, self.choice_combo)
        self.setTabOrder(self.choice_combo, self.member_combo)
        self.setTabOrder(self.member_combo, self.deskphone_combo)
        self.setTabOrder(self.deskphone_combo, self.limit_spin)
        self.setTabOrder(self.limit_spin, self.call_button)

    def _connect_signals(self) -> None:
        self.number_edit.textChanged.connect(self._on_number_edited)
        self.number_edit.returnPressed.connect(self.call_requested)
        self.call_button.clicked.connect(self.call_requested)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.choice_combo.activated.connect(self._on_choice_activated)

    @Slot(str)
    def _on_number_edited(self, text: str) -> None:
        """Every way a number comes in ends here: typed, pasted, a link, an argument, a
        re-dial. The one parser says what will be dialled or why not."""
        if self._lead is not None and text != self._lead[1]:
            self._lead = None  # another number: the form lets go of the lead
        self._offer_choices(())
        if not text.strip():
            self._set_hint(self.tr("Type or paste the customer's number."), "")
            self.number_ready.emit("")
            return
        try:
            number = parse(text)
        except InvalidNumber as exc:
            self._set_hint(translated(exc.sentence), "error")
            self._offer_choices(exc.choices)
            self.number_ready.emit("")
            return
        hint = {
            NumberKind.MOBILE: self.tr("Will dial {number} (mobile)"),
            NumberKind.LANDLINE: self.tr("Will dial {number} (landline)"),
        }.get(number.kind, self.tr("Will dial {number}"))
        self._set_hint(hint.format(number=number.display), "ok")
        self.number_ready.emit(number.national)

    def _offer_choices(self, choices: tuple[str, ...]) -> None:
        """Text holding several numbers: the agent picks one (nothing is glued or guessed)."""
        self.choice_combo.clear()
        for choice in choices:
            self.choice_combo.addItem(choice, choice)
        self.choice_combo.setCurrentIndex(-1)
        self.choice_combo.setVisible(bool(choices))

    @Slot(int)
    def _on_choice_activated(self, index: int) -> None:
        choice = self.choice_combo.itemData(index)
        if isinstance(choice, str):
            self.number_edit.setText(choice)
            self.focus_number()

    def focus_choices(self) -> bool:
        """Put the focus on the numbers to pick from, if the field offers any."""
        if not self.choice_combo.isVisible():
            return False
        self.choice_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _set_hint(self, text: str, kind: str) -> None:
        self.number_hint.setText(text)
        self._hint_kind = kind
        self.number_hint.setStyleSheet(hint_style(kind, self.palette()))

    def _apply_colours(self) -> None:
        """Styles chosen for the palette now in use (light or dark), every pair 4.5:1."""
        self.call_button.setStyleSheet(call_style(self.palette()))
        self.recent_label.setStyleSheet(hint_style("warn", self.palette()))
        self.number_hint.setStyleSheet(hint_style(getattr(self, "_hint_kind", ""), self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "call_button"):
            self._apply_colours()

    # -- what the window reads and sets ------------------------------------------------
    def set_members(self, members: list[Member], preferred_number: str) -> None:
        current = self.selected_member()
        keep = current.number if current else preferred_number
        self.member_combo.clear()
        for member in members:
            self.member_combo.addItem(member.label, member)
        self.member_combo.setPlaceholderText(self.tr("No active members") if not members else "")
        index = next((i for i, m in enumerate(members) if m.number == keep), 0 if members else -1)
        self.member_combo.setCurrentIndex(index)

    def set_deskphones(self, deskphones: list[Deskphone], preferred: str) -> None:
        current = self.selected_deskphone() or preferred
        self.deskphone_combo.clear()
        for phone in deskphones:
            self.deskphone_combo.addItem(phone.deskphone, phone.deskphone)
        self.deskphone_combo.setPlaceholderText(self.tr("No deskphones") if not deskphones else "")
        found = self.deskphone_combo.findData(current)
        self.deskphone_combo.setCurrentIndex(found if found >= 0 else (0 if deskphones else -1))

    def set_lists_placeholder(self, text: str, why: str = "") -> None:
        """``text`` in the empty boxes; ``why`` (a failure's cause) in their tooltip, and
        kept as ``members_problem`` for a call attempted meanwhile."""
        self.members_problem = why
        for combo in (self.member_combo, self.deskphone_combo):
            if combo.count() == 0:
                combo.setPlaceholderText(text)
                set_tooltip(combo, why)

    def selected_member(self) -> Member | None:
        if self.member_combo.currentIndex() < 0:  # no item: don't ask Qt for an empty value
            return None
        member = self.member_combo.currentData()
        return member if isinstance(member, Member) else None

    def selected_deskphone(self) -> str | None:
        if self.deskphone_combo.currentIndex() < 0:
            return None
        deskphone = self.deskphone_combo.currentData()
        return deskphone if isinstance(deskphone, str) and deskphone else None

    def set_busy(self, busy: bool) -> None:
        self.call_button.setEnabled(not busy)
        self.call_button.setText(self.tr("Calling…") if busy else self.tr("Call"))

    def fill(self, number: str, member_number: str, deskphone: str, call_limit: int) -> None:
        """Put an earlier call back in the form (the agent still confirms with Return)."""
        self.number_edit.setText(format_national(number))
        found = next(
            (i for i in range(self.member_combo.count())
             if getattr(self.member_combo.itemData(i), "number", None) == member_number),
            -1,
        )  # fmt: skip
        if found >= 0:
            self.member_combo.setCurrentIndex(found)
        desk = self.deskphone_combo.findData(deskphone)
        if desk >= 0:
            self.deskphone_combo.setCurrentIndex(desk)
        self.limit_spin.setValue(call_limit)
        self.focus_number()

    def fill_lead(self, lead_id: int, display_number: str) -> None:
        """Put a lead's number in the form (never dialled): its call carries the lead's id
        until the number is edited."""
        self._lead = (lead_id, display_number)
        self.number_edit.setText(display_number)

    def release_lead(self) -> None:
        """The form holds no lead any more (the number stays)."""
        self._lead = None

    @property
    def lead_id(self) -> int | None:
        """The lead whose number the form holds (None: a number typed, pasted or re-dialled)."""
        return None if self._lead is None else self._lead[0]

    def focus_number(self) -> None:
        self.number_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.number_edit.selectAll()
