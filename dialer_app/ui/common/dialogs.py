"""Dialogs: the account (provider + key) dialog and the re-dial confirmation.

Each has an ``ask()`` classmethod: the one seam tests replace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from dialer_app.core.callerdesk.proxy import ProxyChoice
from dialer_app.core.config import PRESETS, validate_base_url
from dialer_app.core.errors import ConfigError
from dialer_app.core.text import QT_TRANSLATE_NOOP
from dialer_app.ui.common.focus import focus_returns
from dialer_app.ui.common.form_colours import hint_style
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named
from dialer_app.ui.common.plain import plain_box, plain_label
from dialer_app.ui.common.proxy_fields import ProxyFields

CUSTOM = QT_TRANSLATE_NOOP("AccountDialog", "Custom…")  # the item's data; its text is translated


@dataclass(frozen=True, slots=True)
class AccountChoice:
    """What the agent chose: a provider, and a new key (None keeps the stored one); the
    proxy, and its new password (None keeps the stored one)."""

    base_url: str
    authcode: str | None
    forget: bool = False
    proxy: ProxyChoice = field(default_factory=ProxyChoice)
    proxy_password: str | None = None


class AccountDialog(QDialog):
    """Choose the provider and enter, replace or forget the API key (authcode)."""

    def __init__(
        self,
        base_url: str,
        has_key: bool,
        note: str,
        parent: QWidget | None,
        proxy: ProxyChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Account"))
        self._has_key = has_key
        self._forget = False
        self.proxy_fields = ProxyFields(proxy or ProxyChoice())
        self._build_ui(note)
        self._select(base_url)

    def _build_ui(self, note: str) -> None:
        self.provider_combo = named(
            QComboBox(), "providerCombo", self.tr("Provider"), self.tr("Whose service you use.")
        )
        for name in PRESETS:
            self.provider_combo.addItem(name, name)
        self.provider_combo.addItem(self.tr(CUSTOM), CUSTOM)
        self.url_edit = named(
            QLineEdit(), "baseUrlEdit", self.tr("API address"),
            self.tr("The service's address; only a custom provider can change it."),
        )  # fmt: skip
        self.key_edit = named(
            QLineEdit(), "authcodeEdit", self.tr("API key"),
            self.tr("The authcode from your CallerDesk panel; kept in the password store."),
        )  # fmt: skip
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(
            self.tr("Leave empty to keep the saved key")
            if self._has_key
            else self.tr("Paste the API key (authcode)")
        )
        self.error_label = named(QLabel(), "accountError", self.tr("Problem"))
        self.error_label.setStyleSheet(hint_style("error", self.palette()))
        self.error_label.setWordWrap(True)
        note_label = plain_label(QLabel(note))  # may quote a refused address
        note_label.setWordWrap(True)
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.forget_button = named(
            QPushButton(self.tr("Forget saved key")), "forgetKeyButton",
            self.tr("Forget saved key"), self.tr("Removes the key from the password store."),
        )  # fmt: skip
        self.forget_button.setEnabled(self._has_key)
        buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        form = QFormLayout(self)
        form.addRow(self.tr("&Provider"), self.provider_combo)
        form.addRow(self.tr("API &address"), self.url_edit)
        form.addRow(self.tr("API &key"), self.key_edit)
        form.addRow(self.proxy_fields)
        form.addRow(note_label)
        form.addRow(self.error_label)
        form.addRow(buttons)
        self.provider_combo.currentIndexChanged.connect(self._on_provider_changed)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.forget_button.clicked.connect(self._on_forget_clicked)

    def _select(self, base_url: str) -> None:
        names = [name for name, url in PRESETS.items() if url == base_url]
        self.provider_combo.setCurrentIndex(
            self.provider_combo.findData(names[0] if names else CUSTOM)
        )
        self._on_provider_changed()
        if not names and base_url:
            self.url_edit.setText(base_url)
        self.key_edit.setFocus()

    @Slot()
    def _on_provider_changed(self) -> None:
        name = str(self.provider_combo.currentData())
        custom = name == CUSTOM
        self.url_edit.setReadOnly(not custom)
        self.url_edit.setText("" if custom else PRESETS[name])

    @Slot()
    def _on_forget_clicked(self) -> None:
        self._forget = True
        super().accept()

    def accept(self) -> None:
        try:
            validate_base_url(self.url_edit.text())
        except ConfigError as exc:
            self.error_label.setText(translated(exc.sentence))
            return
        if not self.key_edit.text().strip() and not self._has_key:
            self.error_label.setText(
                self.tr("Enter the API key (authcode) from your CallerDesk panel.")
            )
            return
        problem = self.proxy_fields.problem()
        if problem:
            self.error_label.setText(problem)
            return
        super().accept()

    def choice(self) -> AccountChoice:
        base_url = validate_base_url(self.url_edit.text())
        key = "".join(self.key_edit.text().split()) or None
        proxy, password = self.proxy_fields.choice()
        authcode = None if self._forget else key
        return AccountChoice(base_url, authcode, self._forget, proxy, password)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        base_url: str,
        has_key: bool,
        note: str,
        proxy: ProxyChoice | None = None,
    ) -> AccountChoice | None:
        dialog = cls(base_url, has_key, note, parent, proxy)
        with focus_returns(parent):
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.choice() if accepted else None


class ConfirmRedial:
    """Asks before calling a customer again within the cool-down: a question that guards a
    paid call. Its default is the safe answer: Return and Escape both leave without calling;
    only the "Call again" button (a click, or its own mnemonic Alt+C) calls. An agent who
    hammers Return places one call.
    """

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> bool:
        box = plain_box(
            QMessageBox(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("ConfirmRedial", "Call again?"),
                text,
                parent=parent,
            )
        )
        box.setObjectName("confirmRedial")
        call = box.addButton(
            QCoreApplication.translate("ConfirmRedial", "&Call again"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        call.setObjectName("callAgainButton")
        call.setAutoDefault(False)  # Return on it (even focused) never calls
        cancel = box.addButton(
            QCoreApplication.translate("ConfirmRedial", "Do&n't call"),
            QMessageBox.ButtonRole.RejectRole,
        )
        cancel.setObjectName("dontCallButton")
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        cancel.setFocus()
        with focus_returns(parent):
            box.exec()
        return box.clickedButton() is call


class ExportDialog:
    """Where to export the shown history: Excel (keeps leading zeros) or CSV."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        excel = QCoreApplication.translate("ExportDialog", "Excel workbook (*.xlsx)")
        csv = QCoreApplication.translate("ExportDialog", "CSV, UTF-8 (*.csv)")
        title = QCoreApplication.translate("ExportDialog", "Export history")
        with focus_returns(parent):
            path, chosen = QFileDialog.getSaveFileName(
                parent, title, str(Path.home() / "call-history.xlsx"), f"{excel};;{csv}"
            )
        return target_for(path, xlsx=chosen != csv) if path else None


def target_for(path: str, *, xlsx: bool) -> Path:
    """The file to write: its own extension when it has one we write, else the chosen type's."""
    target = Path(path)
    if target.suffix.lower() in (".csv", ".xlsx"):
        return target
    return target.with_name(target.name + (".xlsx" if xlsx else ".csv"))
