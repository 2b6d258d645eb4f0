"""Links the system hands to the running app as ``QFileOpenEvent`` (macOS), as a signal.

On macOS a clicked ``tel:`` link does not start a second process: Launch Services sends the
running Dialer.app an "open URL" Apple event, which Qt delivers to the application object as a
``QFileOpenEvent`` (also at launch, right after the event loop starts). Only ``tel:`` and
``callto:`` URLs are taken; like a link from a second launch, they fill the form and never dial.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent

from dialer_app.core.phone import SCHEMES

log = logging.getLogger(__name__)


class FileOpenEvents(QObject):
    """An event filter on the application for the URLs the system asks it to open.

    Signals:
        received(str): a ``tel:`` or ``callto:`` URL to fill in (never dialled by itself)
    """

    received = Signal(str)

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        """Filters ``app``'s events for as long as it lives (or ``parent``, e.g. the window)."""
        super().__init__(parent or app)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        url = event.url().toString()
        if not url.lower().startswith(SCHEMES):
            log.info("Ignored a request to open something that is not a tel: or callto: link")
            return False
        self.received.emit(url)
        return True
