"""The account flow: find the key in the keyring, or ask for it; replace or forget it later."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from dialer_app.core.callerdesk.proxy import ProxyChoice, ProxyMode
from dialer_app.core.config import DEFAULT_BASE_URL, Source, check_base_url, provider_name
from dialer_app.core.errors import ConfigError, KeyringUnavailable
from dialer_app.core.messages import describe_error
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence
from dialer_app.services import settings as keys_of
from dialer_app.services.account import AccountService
from dialer_app.services.demo import DemoService
from dialer_app.services.keys import KeyService
from dialer_app.services.settings import Settings
from dialer_app.ui.common.dialogs import AccountDialog
from dialer_app.ui.common.i18n import to_stderr, translated
from dialer_app.ui.common.notice import Level, Notice

KEYRING_NOTE = QT_TRANSLATE_NOOP(
    "AccountFlow", "The key is kept in this computer's password store (keyring), never in a file."
)
SESSION_NOTE = QT_TRANSLATE_NOOP(
    "AccountFlow",
    "No password store (keyring) is available: the key will be kept for this session only "
    "and asked for again next time.",
)
READY = QT_TRANSLATE_NOOP("AccountFlow", "Ready. Type the customer's number and press Return.")


class AccountFlow(QObject):
    """Gets the app an account without blocking the window.

    Signals:
        ready(): there is a key for the current base URL
        notice(Notice): a sentence for the window
    """

    ready = Signal()
    notice = Signal(object)

    def __init__(
        self,
        account: AccountService,
        keys: KeyService,
        settings: Settings,
        window: QWidget,
        *,
        base_url: str | None,
        demo: DemoService | None = None,
    ) -> None:
        """``demo`` gives the sandbox's address and key (started after the first paint)."""
        super().__init__(window)
        self._account = account
        self._keys = keys
        self._settings = settings
        self._window = window
        self._refused: Sentence | None = None  # a saved address the one check refused
        self._base_url = base_url or self._saved_base_url()
        self._demo = demo
        self._has_saved_key = False
        self._keyring_ok = True
        self._proxy = _saved_proxy(settings)
        account.use_proxy(self._proxy)

    @property
    def demo(self) -> bool:
        return self._demo is not None

    def _saved_base_url(self) -> str:
        """The address in settings.ini, checked like any other (never sent to unchecked)."""
        saved = self._settings.get(keys_of.BASE_URL).strip()
        if not saved:
            return ""
        try:
            return check_base_url(saved, Source.SETTINGS)
        except ConfigError as exc:
            self._refused = exc.sentence
            return ""

    @property
    def label(self) -> str:
        if self._demo is not None:
            return self.tr("DEMO — built-in sandbox, no real calls")
        return self.tr("Account: {provider}").format(provider=provider_name(self._base_url))

    @Slot()
    def start(self) -> None:
        if self._demo is not None:
            self._demo.start().on_success(self._on_demo_started)
        elif self._refused is not None:  # said like the flag's and the variable's refusal
            self.notice.emit(Notice(Level.ERROR, to_stderr(self._refused)))
            self.edit()
        elif self._base_url:
            self.notice.emit(Notice(Level.STATUS, self.tr("Opening the password store…")))
            self._load_key(self._base_url)
        else:
            self.edit()

    def _load_key(self, base_url: str) -> None:
        self._keys.load(base_url).on_success(self._on_key_loaded).on_failure(
            self._on_key_load_failed
        )

    @Slot(object)
    def _on_demo_started(self, account: tuple[str, str]) -> None:
        self._account.use(*account)
        self.ready.emit()

    @Slot(object)
    def _on_key_loaded(self, key: str | None) -> None:
        if key:
            self._has_saved_key = True
            self._account.use(self._base_url, key)
            self.notice.emit(Notice(Level.STATUS, self.tr(READY)))
            self.ready.emit()
        else:
            self.edit()

    @Slot(object)
    def _on_key_load_failed(self, exc: BaseException) -> None:
        # Missing, locked or broken: this session keeps the key in memory only.
        self._keyring_ok = False
        self.notice.emit(Notice(Level.WARN, translated(describe_error(exc))))
        self.edit()

    @Slot(object)
    def _on_key_save_failed(self, exc: BaseException) -> None:
        self._keyring_ok = not isinstance(exc, KeyringUnavailable)
        text = self.tr("{reason} The key is used for this session only.").format(
            reason=translated(describe_error(exc))
        )
        self.notice.emit(Notice(Level.WARN, text))

    @Slot(object)
    def _on_key_forgotten(self, _result: object) -> None:
        text = self.tr("The saved key was forgotten. Dialer → Account… to enter one.")
        self.notice.emit(Notice(Level.STATUS, text))

    @Slot()
    def edit(self) -> None:
        """Show the account dialog and act on the agent's choice."""
        if self.demo:
            return
        note = self.tr(KEYRING_NOTE if self._keyring_ok else SESSION_NOTE)
        if self._refused is not None:  # the saved address was refused: the dialog says why
            note = translated(self._refused) + "\n\n" + note
        has_key = self._has_saved_key or self._account.has_account
        url = self._base_url or DEFAULT_BASE_URL
        choice = AccountDialog.ask(self._window, url, has_key, note, proxy=self._proxy)
        if choice is None:
            if self._refused is not None:  # still refused: that stays the banner's sentence
                self.notice.emit(Notice(Level.ERROR, translated(self._refused)))
            elif not self._account.has_account:
                text = self.tr("No API key yet: Dialer → Account… to enter it.")
                self.notice.emit(Notice(Level.WARN, text))
            return
        self._refused = None
        self._use_proxy(choice.proxy, choice.proxy_password)
        changed = choice.base_url != self._base_url
        self._base_url = choice.base_url
        self._settings.set(keys_of.BASE_URL, choice.base_url)
        if choice.forget:
            self._has_saved_key = False
            self._account.clear()
            job = self._keys.forget(choice.base_url)
            job.on_success(self._on_key_forgotten).on_failure(self._on_key_save_failed)
        elif choice.authcode:
            self._account.use(choice.base_url, choice.authcode)
            if self._keyring_ok:
                self._keys.save(choice.base_url, choice.authcode).on_failure(
                    self._on_key_save_failed
                )
            self.ready.emit()
        elif changed:
            self._has_saved_key = False
            self._account.clear()
            self._load_key(choice.base_url)

    def _use_proxy(self, proxy: ProxyChoice, password: str | None) -> None:
        """Remember the proxy (its password in the keyring) and use it from now on."""
        if proxy == self._proxy and not password:
            return
        self._proxy = proxy
        self._settings.set(keys_of.PROXY_MODE, proxy.mode.value)
        self._settings.set(keys_of.PROXY_ADDRESS, proxy.address)
        self._settings.set(keys_of.PROXY_USER, proxy.username)
        self._account.use_proxy(proxy, password)
        if password and self._keyring_ok:
            job = self._keys.save_proxy_password(proxy.keyring_name, password)
            job.on_failure(self._on_key_save_failed)


def _saved_proxy(settings: Settings) -> ProxyChoice:
    try:
        mode = ProxyMode(settings.get(keys_of.PROXY_MODE))
    except ValueError:  # a hand-edited settings file: back to the default
        mode = ProxyMode.SYSTEM
    return ProxyChoice(mode, settings.get(keys_of.PROXY_ADDRESS), settings.get(keys_of.PROXY_USER))
