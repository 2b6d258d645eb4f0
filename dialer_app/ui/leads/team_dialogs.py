"""The team's two dialogs: the password libpq does not have, and Dialer → Team….

``PasswordDialog.ask`` is the one seam tests replace. ``TeamDialog`` shows the connection
setting (never a password: one typed there is refused by the check) and tests it on a
worker, answering with one sentence; a changed setting is saved in ``team/database`` and
used from the next start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dialer_app.core.text import Sentence
from dialer_app.services.runner import Job
from dialer_app.services.settings import TEAM_DATABASE, Settings
from dialer_app.ui.common.i18n import translated
from dialer_app.ui.common.naming import named
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.common.plain import plain_label


class PasswordDialog:
    """Asks the team database's password once (masked; never shown, logged or saved here)."""

    @classmethod
    def ask(cls, parent: QWidget | None, why: str) -> str | None:
        dialog = QInputDialog(parent)
        dialog.setObjectName("teamPasswordDialog")
        dialog.setWindowTitle(QCoreApplication.translate("TeamDialog", "Team database password"))
        dialog.setLabelText(why + "\n\n" + QCoreApplication.translate(
            "TeamDialog", "Password (kept in the keyring, never in settings.ini):"))  # fmt: skip
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        for label in dialog.findChildren(QLabel):  # the sentence names the typed setting
            plain_label(label)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.textValue() or None


class TeamDialog(QDialog):
    """Dialer → Team…: the connection string (no password) and a Test button."""

    def __init__(
        self, database: str, test: Callable[[str], Job[Sentence]], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.setWindowTitle(self.tr("Team database"))
        self._test = test
        self._job: Job[Sentence] | None = None
        self.database_edit = named(
            QLineEdit(database), "teamDatabaseEdit", self.tr("Team database"),
            self.tr("A libpq connection string or postgresql:// address, without a password"),
        )  # fmt: skip
        example = "host=db.example.in dbname=dialer user=asha"  # i18n: not shown (libpq's words)
        self.database_edit.setPlaceholderText(example)
        self.database_edit.setMinimumWidth(420)
        self.result_label = plain_label(QLabel(self.tr(
            "The password comes from PGPASSWORD, ~/.pgpass or pg_service.conf, or the keyring"
            " (asked once in the window). A change is used from the next start."
        )))  # fmt: skip
        self.result_label.setObjectName("teamResultLabel")
        self.result_label.setWordWrap(True)
        self.test_button = QPushButton(self.tr("&Test the connection"))
        self.test_button.setObjectName("teamTestButton")
        self.test_button.clicked.connect(self._on_test_clicked)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Connection:"), self.database_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)

    @property
    def database(self) -> str:
        return self.database_edit.text().strip()

    @Slot()
    def _on_test_clicked(self) -> None:
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Testing…"))
        self._job = self._test(self.database)
        self._job.on_success(self._on_tested).on_failure(self._on_test_failed)

    @Slot(object)
    def _on_tested(self, said: Sentence) -> None:
        self.test_button.setEnabled(True)
        self.result_label.setText(translated(said))

    @Slot(object)
    def _on_test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        sentence = getattr(exc, "sentence", None)
        self.result_label.setText(
            translated(sentence) if isinstance(sentence, Sentence) else str(exc)
        )


class TeamSetting(QObject):
    """Dialer → Team…'s slot: the dialog, then the setting saved (used from the next start)."""

    def __init__(
        self,
        settings: Settings,
        in_use: str,
        test: Callable[[str], Job[Sentence]],
        notice: Callable[[Notice], None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._settings, self._in_use, self._test = settings, in_use, test
        self._notice, self._window = notice, window

    @Slot()
    def edit(self) -> None:
        shown = self._in_use or self._settings.get(TEAM_DATABASE)
        chosen = edit_team(self._window, shown, self._test)
        if chosen is not None and chosen != self._settings.get(TEAM_DATABASE):
            self._settings.set(TEAM_DATABASE, chosen)
            text = self.tr("The team database setting is saved: it is used from the next start.")
            self._notice(Notice(Level.INFO, text))


def edit_team(parent: QWidget, database: str, test: Callable[[str], Job[Sentence]]) -> str | None:
    """Dialer → Team…: the new connection setting to save ("" for a single agent), or None
    when the agent cancelled or typed a password into it (refused: it belongs elsewhere)."""
    dialog = TeamDialog(database, test, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if "password" in dialog.database.lower():
        from dialer_app.core.team.connect import HAS_PASSWORD

        QMessageBox.warning(
            parent, dialog.windowTitle(), translated(Sentence("team", HAS_PASSWORD))
        )
        return None
    return dialog.database
