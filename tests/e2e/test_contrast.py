"""Every text and background pair reaches 4.5:1 (WCAG AA) in a light and a dark palette:
measured on the rendered window (the worst-case row, the banners), and on the colours the
history gives each outcome; the window follows a switch of the OS's colour scheme."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dialer_app.core.records import Outcome
from dialer_app.ui.calling.banner import banner_colours, link_colour
from dialer_app.ui.common.colours import AA, contrast
from dialer_app.ui.common.form_colours import hint_colour
from dialer_app.ui.common.notice import Level
from dialer_app.ui.common.scheme import SchemeFollower
from dialer_app.ui.history.columns import COLUMNS, RESULT_COLUMN, outcome_colour
from tests.helpers.contrast import SCHEMES, palette_of, rendered_contrast, use_scheme
from tests.helpers.window import Launch, wait_for_lists

WORST_CASE_NUMBER = "9123456789"  # the sandbox: the customer answers, the member does not


@pytest.fixture(autouse=True)
def restore_palette() -> Iterator[None]:
    before = QPalette(QGuiApplication.palette())
    yield
    QApplication.setPalette(before)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_worst_case_row_is_readable_in_every_column(
    qtbot: QtBot, launch: Launch, saved_key: None, scheme: str
) -> None:
    use_scheme(scheme)
    parts = launch(report_schedule=(0.2,))
    wait_for_lists(qtbot, parts)
    model, view = parts.window.history.model, parts.window.history_view
    parts.window.form.number_edit.setText(WORST_CASE_NUMBER)  # the sandbox: member no answer
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.row_at(0).worst_case, timeout=10000)
    view.clearSelection()
    view.setCurrentIndex(model.index(-1, -1))
    row_rect = view.visualRect(model.index(0, RESULT_COLUMN))
    measured = rendered_contrast(view.viewport(), row_rect.adjusted(0, 1, 0, -1))
    assert measured >= AA, f"{scheme}: the worst-case row renders at {measured:.2f}:1"
    for column in range(len(COLUMNS)):  # every cell of that row: its text on its background
        index = model.index(0, column)
        text = model.data(index, Qt.ItemDataRole.ForegroundRole)
        background = model.data(index, Qt.ItemDataRole.BackgroundRole)
        assert isinstance(text, QColor), column
        assert isinstance(background, QColor), column
        assert contrast(text, background) >= AA, (scheme, COLUMNS[column].name)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("level", [Level.INFO, Level.OK, Level.WARN, Level.ERROR])
def test_every_banner_is_readable(
    qtbot: QtBot, launch: Launch, saved_key: None, scheme: str, level: Level
) -> None:
    use_scheme(scheme)
    parts = launch()
    wait_for_lists(qtbot, parts)  # nothing in flight when the window closes
    window = parts.window
    window.show_outcome("Ringing customer 98765 43210… (campaign 3570001)", level)
    label = window.outcome_label
    measured = rendered_contrast(label, label.contentsRect())
    assert measured >= AA, f"{scheme} {level}: the banner renders at {measured:.2f}:1"
    pair = banner_colours(level, palette_of(scheme))
    assert contrast(pair.text, pair.background) >= AA
    assert contrast(link_colour(level, palette_of(scheme)), pair.background) >= AA  # our link


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("outcome", list(Outcome))
def test_outcome_colours_are_readable_on_both_row_colours(scheme: str, outcome: Outcome) -> None:
    palette = palette_of(scheme)
    colour = outcome_colour(outcome, palette) or palette.color(QPalette.ColorRole.Text)
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert contrast(colour, palette.color(role)) >= AA, (scheme, outcome, role)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", ["ok", "error", "warn", ""])
def test_the_number_hints_are_readable(scheme: str, kind: str) -> None:
    palette = palette_of(scheme)
    window = palette.color(QPalette.ColorRole.Window)
    assert contrast(hint_colour(kind, palette), window) >= AA


def test_the_window_follows_the_os_switching_to_dark_and_back(
    qtbot: QtBot, launch: Launch, saved_key: None
) -> None:
    use_scheme("light")
    parts = launch()
    wait_for_lists(qtbot, parts)
    window = parts.window
    window.show_outcome("Not sent: the connection was refused.", Level.WARN)
    hints = QGuiApplication.styleHints()
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    follower = SchemeFollower(app)
    light_banner = window.outcome_label.styleSheet()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what the platform sends
    qtbot.waitUntil(lambda: window.outcome_label.styleSheet() != light_banner)
    assert window.palette().color(QPalette.ColorRole.Window).lightness() < 80
    measured = rendered_contrast(window.outcome_label, window.outcome_label.contentsRect())
    assert measured >= AA
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: window.outcome_label.styleSheet() == light_banner)
    follower.setParent(None)  # the app outlives this test: its follower does not
    follower.deleteLater()
