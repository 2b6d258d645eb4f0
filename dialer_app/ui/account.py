"""The account flow: find the key in the keyring, or ask for it; replace or forget it later."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from dialer_app.core.config import DEFAULT_BASE_URL, provider_name
from dialer_app.services import settings as keys_of
from dialer_app.services.dialer import Dialer
from dialer_app.services.keys import KeyService
from dialer_app.services.settings import Settings
from dialer_app.ui.dialogs import AccountDialog

DemoAccount = Callable[[], tuple[str, str]]
KEYRING_NOTE = "The key is kept in this computer's password store (keyring), never in a file."
SESSION_NOTE = (
    "No password store (keyring) is available: the key will be kept for this session only "
    "and asked for again next time."
)


class AccountFlow(QObject):
    """Gets the dialer an account without blocking the window.

    Signals:
        ready(): the dialer has a key for the current base URL
        message(str, str): a sentence for the window, and its kind (status/info/warn/error)
    """

    ready = Signal()
    message = Signal(str, str)

    def __init__(
        self,
        dialer: Dialer,
        keys: KeyService,
        settings: Settings,
        *,
        base_url: str | None,
        demo: DemoAccount | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``demo`` starts the sandbox and gives its address and key (after the first paint)."""
        super().__init__(parent)
        self._dialer = dialer
        self._keys = keys
        self._settings = settings
        self._base_url = base_url or settings.get(keys_of.BASE_URL) or ""
        self._demo = demo
        self.demo = demo is not None
        self._has_saved_key = False
        self._keyring_ok = True
        self.window: QWidget | None = None
        keys.loaded.connect(self._on_keys_loaded)
        keys.load_failed.connect(self._on_keys_load_failed)
        keys.save_failed.connect(self._on_keys_save_failed)
        keys.forgotten.connect(self._on_keys_forgotten)

    @property
    def label(self) -> str:
        if self.demo:
            return "DEMO — built-in sandbox, no real calls"
        return f"Account: {provider_name(self._base_url)}"

    @Slot()
    def start(self) -> None:
        if self._demo is not None:
            self._dialer.set_account(*self._demo())
            self.ready.emit()
        elif self._base_url:
            self.message.emit("Opening the password store…", "status")
            self._keys.load(self._base_url)
        else:
            self.edit()

    @Slot(object)
    def _on_keys_loaded(self, key: str | None) -> None:
        if key:
            self._has_saved_key = True
            self._dialer.set_account(self._base_url, key)
            self.message.emit("Ready. Type the customer's number and press Return.", "status")
            self.ready.emit()
        else:
            self.edit()

    @Slot(str, bool)
    def _on_keys_load_failed(self, text: str, unavailable: bool) -> None:
        del unavailable  # missing, locked or broken: this session keeps the key in memory only
        self._keyring_ok = False
        self.message.emit(text, "warn")
        self.edit()

    @Slot(str, bool)
    def _on_keys_save_failed(self, text: str, unavailable: bool) -> None:
        self._keyring_ok = not unavailable
        self.message.emit(f"{text} The key is used for this session only.", "warn")

    @Slot()
    def _on_keys_forgotten(self) -> None:
        self.message.emit("The saved key was forgotten. Dialer → Account… to enter one.", "status")

    @Slot()
    def edit(self) -> None:
        """Show the account dialog and act on the agent's choice."""
        if self.demo:
            return
        note = KEYRING_NOTE if self._keyring_ok else SESSION_NOTE
        has_key = self._has_saved_key or self._dialer.has_account
        choice = AccountDialog.ask(self.window, self._base_url or DEFAULT_BASE_URL, has_key, note)
        if choice is None:
            if not self._dialer.has_account:
                self.message.emit("No API key yet: Dialer → Account… to enter it.", "warn")
            return
        changed = choice.base_url != self._base_url
        self._base_url = choice.base_url
        self._settings.set(keys_of.BASE_URL, choice.base_url)
        if choice.forget:
            self._has_saved_key = False
            self._dialer.clear_account()
            self._keys.forget(choice.base_url)
        elif choice.authcode:
            self._dialer.set_account(choice.base_url, choice.authcode)
            if self._keyring_ok:
                self._keys.save(choice.base_url, choice.authcode)
            self.ready.emit()
        elif changed:
            self._has_saved_key = False
            self._dialer.clear_account()
            self._keys.load(choice.base_url)

    def shutdown(self) -> None:
        self._keys.wait(2000)
