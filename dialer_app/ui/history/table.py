"""The history's table view: rows still being read are not painted as a grid of blank rows.

At a million rows, End or a jump lands on rows not read yet. A plain ``QTableView`` paints
them twice: blank cells first (every cell asked for every role), the rows once they arrive.
Here the first paint is the view's background alone (the rows are asked for on the way), and
the rows paint once, when they are there: one table paint, as a table with nothing to read.
"""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTableView

from dialer_app.ui.history.model import HistoryModel


class HistoryTable(QTableView):
    """A ``QTableView`` that waits for the rows in view before painting them."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        model = self.model()
        if isinstance(model, HistoryModel):
            first = self.rowAt(0)
            last = self.rowAt(self.viewport().height() - 1)
            if first >= 0 and not model.ready(first, model.rowCount() - 1 if last < 0 else last):
                return  # the background only: the rows paint when they arrive
        super().paintEvent(event)
