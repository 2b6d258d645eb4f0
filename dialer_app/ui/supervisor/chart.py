"""A small chart painted with QPainter: bars (stacked or side by side) or lines.

Measured against QtCharts (PySide6-Addons) and pyqtgraph (docs/benchmarks.md, "Supervisor
charts"): four charts of a day need no library; this adds nothing to the package and nothing
to start-up. Colours follow the palette (dark or light): axes and labels in the palette's text
colour, series in the Okabe-Ito hues that read on both and for colour-blind eyes. A chart is
a picture: the tab shows the same figures in a table beside it, for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from dialer_app.core.text import plain

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_BELOW = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
HUES = ("#009E73", "#E69F00", "#D55E00", "#56B4E9", "#CC79A7", "#0072B2", "#F0E442")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Figure:
    """What one chart shows: ``labels`` along the bottom, one value per label per series."""

    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    kind: str = "bars"  # "bars", "stacked" or "lines"


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= step * factor:
            return float(step * factor)
    return float(step * 10)


class Chart(QWidget):
    """Paints a ``Figure``; empty until ``show_figure``."""

    def __init__(self) -> None:
        super().__init__()
        self._figure: Figure | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's API
        return QSize(640, 300)

    def show_figure(self, figure: Figure) -> None:
        self._figure = figure
        self.setAccessibleName(figure.title)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's API
        del event
        figure = self._figure
        if figure is None or not figure.labels:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.Text)
        metrics = self.fontMetrics()
        line = metrics.height()
        top = _nice_top(self._largest(figure))
        area = QRectF(metrics.horizontalAdvance("00000") + 8, line * 2 + 8,
                      self.width() - metrics.horizontalAdvance("00000") - 20,
                      self.height() - line * 4 - 16)  # fmt: skip
        self._legend(painter, figure, text, line)
        self._axes(painter, area, top, text, line)
        if figure.kind == "lines":
            self._lines(painter, figure, area, top)
        else:
            self._bars(painter, figure, area, top)
        self._labels(painter, figure, area, text, line)
        painter.end()

    @staticmethod
    def _largest(figure: Figure) -> float:
        if figure.kind == "stacked":
            return max(
                (sum(s.values[i] for s in figure.series) for i in range(len(figure.labels))),
                default=0,
            )
        return max((v for s in figure.series for v in s.values), default=0)

    def _legend(self, painter: QPainter, figure: Figure, text: QColor, line: int) -> None:
        x = 8.0
        for index, series in enumerate(figure.series):
            painter.fillRect(QRectF(x, 6, line * 0.8, line * 0.8), QColor(HUES[index % len(HUES)]))
            painter.setPen(text)
            name = plain(series.name)
            painter.drawText(QPointF(x + line, 5 + line * 0.8), name)
            x += line * 2 + self.fontMetrics().horizontalAdvance(name)

    def _axes(self, painter: QPainter, area: QRectF, top: float, text: QColor, line: int) -> None:
        grid = QColor(text)
        grid.setAlpha(60)
        for step in range(5):
            y = area.bottom() - area.height() * step / 4
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            value = top * step / 4
            label = f"{value:.0f}" if top >= 4 else f"{value:.2f}"
            box = QRectF(0, y - line / 2, area.left() - 4, line)
            painter.drawText(box, _RIGHT, label)

    def _bars(self, painter: QPainter, figure: Figure, area: QRectF, top: float) -> None:
        slot = area.width() / len(figure.labels)
        stacked = figure.kind == "stacked"
        width = slot * 0.7 / (1 if stacked else max(1, len(figure.series)))
        for i in range(len(figure.labels)):
            base = area.bottom()
            for index, series in enumerate(figure.series):
                height = area.height() * series.values[i] / top
                x = area.left() + slot * i + slot * 0.15 + (0 if stacked else width * index)
                painter.fillRect(
                    QRectF(x, base - height, width, height), QColor(HUES[index % len(HUES)])
                )
                if stacked:
                    base -= height

    def _lines(self, painter: QPainter, figure: Figure, area: QRectF, top: float) -> None:
        slot = area.width() / max(1, len(figure.labels) - 1)
        for index, series in enumerate(figure.series):
            painter.setPen(QPen(QColor(HUES[index % len(HUES)]), 2))
            points = [QPointF(area.left() + slot * i, area.bottom() - area.height() * v / top)
                      for i, v in enumerate(series.values)]  # fmt: skip
            painter.drawPolyline(points)

    def _labels(
        self, painter: QPainter, figure: Figure, area: QRectF, text: QColor, line: int
    ) -> None:
        painter.setPen(text)
        count = len(figure.labels)
        slot = area.width() / (count if figure.kind != "lines" else max(1, count - 1))
        every = max(
            1,
            int(self.fontMetrics().horizontalAdvance("00:00 ") * count / max(1.0, area.width()))
            + 1,
        )
        for i, label in enumerate(figure.labels):
            if i % every:
                continue
            x = area.left() + slot * i + (slot / 2 if figure.kind != "lines" else 0)
            box = QRectF(x - slot * every / 2, area.bottom() + 4, slot * every, line * 2)
            painter.drawText(box, _BELOW, plain(label))
