"""The live call in the window: the banner, the history row and the tray say where it stands."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from dialer_app.core.phone import format_national
from dialer_app.core.records import HistoryRow, LiveState
from dialer_app.services.live import LiveTracker, LiveUpdate
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.history.model import HistoryModel


class LiveFlow(QObject):
    """Turns live states into words, with a running talk timer while connected.

    Signals:
        notice(Notice): where the call stands, for the banner
        summary_changed(str): the same in a few words, for the tray's tooltip ("" when idle)
        customer_waiting(HistoryRow): the worst case is happening now: raise the window
    """

    notice = Signal(object)
    summary_changed = Signal(str)
    customer_waiting = Signal(object)

    def __init__(self, live: LiveTracker, model: HistoryModel, window: QWidget) -> None:
        super().__init__(window)
        self._model = model
        self._window = window
        self._talking: LiveUpdate | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick_timeout)
        live.changed.connect(self._on_live_changed)
        live.customer_waiting.connect(self._on_live_customer_waiting)

    @Slot(object)
    def _on_live_changed(self, update: LiveUpdate) -> None:
        self._talking = update if update.state is LiveState.CONNECTED else None
        if self._talking is None:
            self._tick.stop()
        else:
            self._tick.start()
        self._show(update)

    @Slot()
    def _on_tick_timeout(self) -> None:
        if self._talking is not None:
            self._show(self._talking, spoken=False)

    def _show(self, update: LiveUpdate, *, spoken: bool = True) -> None:
        text = live_text(update)
        ended = update.state is LiveState.ENDED
        self._model.set_live(update.row.row_id, "" if ended else text)
        self.summary_changed.emit("" if ended else text)
        self.notice.emit(Notice(Level.INFO, text, spoken=spoken))

    @Slot(object)
    def _on_live_customer_waiting(self, row: HistoryRow) -> None:
        text = self.tr(
            "⚠ {number} answered and is waiting on the line: pick up your phone ({member})."
        ).format(number=format_national(row.customer_number), member=row.member_name)
        self.notice.emit(Notice(Level.ERROR, text))
        QApplication.alert(self._window)
        self.customer_waiting.emit(row)


def live_text(update: LiveUpdate) -> str:
    """'Connected with 98765 43210 · 0:42', and the other states in words."""
    number = format_national(update.row.customer_number)
    member = update.row.member_name
    translate = QApplication.translate
    if update.state is LiveState.RINGING_CUSTOMER:
        return translate("LiveFlow", "Ringing the customer, {number}…").format(number=number)
    if update.state is LiveState.CUSTOMER_ANSWERED:
        text = translate("LiveFlow", "{number} answered: ringing you ({member}), pick up…")
        return text.format(number=number, member=member)
    if update.state is LiveState.CONNECTED:
        seconds = max(0, int(time.monotonic() - update.since))
        talk = f"{seconds // 60}:{seconds % 60:02d}"
        return translate("LiveFlow", "Connected with {number} · {talk}").format(
            number=number, talk=talk
        )
    if update.state is LiveState.ENDED:
        return translate("LiveFlow", "The call with {number} has ended.").format(number=number)
    return translate("LiveFlow", "{number}: {status}").format(
        number=number, status=update.callstatus
    )
