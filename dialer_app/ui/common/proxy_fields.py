"""The Account dialog's proxy rows: System / None / a proxy address, with an optional login."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from dialer_app.core.callerdesk.proxy import ProxyChoice, ProxyMode, validate_proxy_address
from dialer_app.core.errors import ConfigError
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named


class ProxyFields(QWidget):
    """Edits a ``ProxyChoice``; the password (if typed) goes to the keyring, never a file."""

    def __init__(self, choice: ProxyChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode_combo = named(QComboBox(), "proxyModeCombo", self.tr("Proxy"))
        self.mode_combo.addItem(self.tr("System settings"), ProxyMode.SYSTEM.value)
        self.mode_combo.addItem(self.tr("No proxy"), ProxyMode.NONE.value)
        self.mode_combo.addItem(self.tr("This proxy:"), ProxyMode.MANUAL.value)
        self.address_edit = named(QLineEdit(), "proxyAddressEdit", self.tr("Proxy address"))
        self.address_edit.setPlaceholderText(self.tr("proxy.example.com:3128"))
        self.user_edit = named(QLineEdit(), "proxyUserEdit", self.tr("Proxy user name"))
        self.user_edit.setPlaceholderText(self.tr("Only if the proxy asks for a login"))
        self.password_edit = named(QLineEdit(), "proxyPasswordEdit", self.tr("Proxy password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Leave empty to keep the saved one"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Pro&xy"), self.mode_combo)
        form.addRow(self.tr("Proxy addr&ess"), self.address_edit)
        form.addRow(self.tr("Proxy &user"), self.user_edit)
        form.addRow(self.tr("Proxy pass&word"), self.password_edit)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_combo_changed)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(choice.mode.value))
        self.address_edit.setText(choice.address)
        self.user_edit.setText(choice.username)
        self._on_mode_combo_changed(self.mode_combo.currentIndex())

    @Slot(int)
    def _on_mode_combo_changed(self, _index: int) -> None:
        manual = self.mode() is ProxyMode.MANUAL
        for edit in (self.address_edit, self.user_edit, self.password_edit):
            edit.setEnabled(manual)

    def mode(self) -> ProxyMode:
        return ProxyMode(self.mode_combo.currentData())

    def problem(self) -> str:
        """Why the proxy rows cannot be saved, or '' (a sentence for the dialog)."""
        if self.mode() is not ProxyMode.MANUAL:
            return ""
        try:
            validate_proxy_address(self.address_edit.text())
        except ConfigError as exc:
            return translated(exc.sentence)
        return ""

    def choice(self) -> tuple[ProxyChoice, str | None]:
        """The choice, and the password typed (None keeps the saved one)."""
        mode = self.mode()
        if mode is not ProxyMode.MANUAL:
            return ProxyChoice(mode), None
        address = validate_proxy_address(self.address_edit.text())
        user = self.user_edit.text().strip()
        return ProxyChoice(mode, address, user), (
            self.password_edit.text() or None
        ) if user else None
