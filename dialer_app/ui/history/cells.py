"""What each history cell shows, worked out once per row instead of once per paint.

A paint of the history asks ``data()`` for every visible cell and several roles: 17 columns by
30 rows is thousands of calls, each formatting a number or a time and picking a colour. The
answers only change with the row (a new version of it is a new object) or the palette, so
they are kept here, for as many rows as the model caches.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication

from dialer_app.core.records import HistoryRow
from dialer_app.ui.common.plain import tooltip
from dialer_app.ui.history.columns import (
    COLUMNS,
    OUTCOME_COLUMN,
    RECORDING_COLUMN,
    outcome_colour,
    worst_case_colours,
)

KEEP = 8_192  # rows remembered at most (the model holds 3,200 and the head)


@dataclass(frozen=True, slots=True)
class Cells:
    """One row's cells, by column."""

    row: HistoryRow  # the version they were made from
    texts: tuple[str, ...]
    tips: tuple[str | None, ...]
    foreground: tuple[QColor | None, ...]
    background: QColor | None


class CellCache:
    """Cells by row id, checked against the row object they were made from."""

    def __init__(self) -> None:
        self._cells: dict[int, Cells] = {}
        self._palette = -1

    def of(self, row: HistoryRow) -> Cells:
        palette = QGuiApplication.palette()
        if palette.cacheKey() != self._palette:  # light/dark switch: colours change
            self._cells.clear()
            self._palette = palette.cacheKey()
        found = self._cells.get(row.row_id)
        if found is not None and found.row is row:
            return found
        if len(self._cells) >= KEEP:
            self._cells.clear()
        made = _make(row)
        self._cells[row.row_id] = made
        return made

    def clear(self) -> None:
        self._cells.clear()


def _make(row: HistoryRow) -> Cells:
    palette = QGuiApplication.palette()
    texts = tuple(column.text(row) for column in COLUMNS)
    tip = tooltip(row.message) or None
    recording = tooltip(row.recording_url) if row.recording_url else None
    tips = tuple(
        recording if at == RECORDING_COLUMN and recording else tip for at in range(len(COLUMNS))
    )
    if row.worst_case:
        pair = worst_case_colours(palette)
        return Cells(row, texts, tips, (pair.text,) * len(COLUMNS), pair.background)
    outcome = outcome_colour(row.outcome, palette)
    foreground = tuple(outcome if at == OUTCOME_COLUMN else None for at in range(len(COLUMNS)))
    return Cells(row, texts, tips, foreground, None)
