"""The authcode's keyring reads and writes, on a worker thread (some backends block)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from dialer_app.core import credentials
from dialer_app.core.errors import KeyringUnavailable
from dialer_app.core.messages import describe_error
from dialer_app.services.runner import Runner


class KeyService(QObject):
    """Loads, saves and forgets the key for a base URL without blocking the window.

    Signals:
        loaded(object): the stored key (str) or None when none is stored
        load_failed(str, bool): a sentence, and whether there is no keyring at all
        saved(): the key is in the keyring
        save_failed(str, bool): a sentence, and whether there is no keyring at all
        forgotten(): the key is gone from the keyring
    """

    loaded = Signal(object)
    load_failed = Signal(str, bool)
    saved = Signal()
    save_failed = Signal(str, bool)
    forgotten = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A keyring can block for seconds (a locked wallet, a slow D-Bus): never hold up quitting.
        self._runner = Runner(max_threads=1, parent=self, abandon_at_exit=True)

    def load(self, base_url: str) -> None:
        self._runner.submit(
            lambda _: credentials.get_authcode(base_url), self._on_loaded, self._on_load_failed
        )

    def save(self, base_url: str, authcode: str) -> None:
        self._runner.submit(
            lambda _: credentials.set_authcode(base_url, authcode),
            self._on_saved,
            self._on_save_failed,
        )

    def forget(self, base_url: str) -> None:
        self._runner.submit(
            lambda _: credentials.delete_authcode(base_url),
            self._on_forgotten,
            self._on_save_failed,
        )

    def wait(self, msecs: int) -> bool:
        return self._runner.wait(msecs)

    @Slot(object)
    def _on_loaded(self, key: object) -> None:
        self.loaded.emit(key if isinstance(key, str) and key else None)

    @Slot(object)
    def _on_load_failed(self, exc: object) -> None:
        self.load_failed.emit(describe_error(exc), isinstance(exc, KeyringUnavailable))

    @Slot(object)
    def _on_saved(self, _result: object) -> None:
        self.saved.emit()

    @Slot(object)
    def _on_save_failed(self, exc: object) -> None:
        self.save_failed.emit(describe_error(exc), isinstance(exc, KeyringUnavailable))

    @Slot(object)
    def _on_forgotten(self, _result: object) -> None:
        self.forgotten.emit()
