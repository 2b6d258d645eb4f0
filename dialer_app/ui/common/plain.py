"""Text from the service shown as data: plain text in every widget, never markup.

Qt guesses whether a string is rich text (``Qt.mightBeRichText``) for labels, tooltips and
message boxes: a member name like ``<a href=…>`` would become a live link. Every place that
shows such text goes through here: labels and message boxes are set to plain text, tooltips
are escaped (a tooltip has no text-format switch), tray notifications are escaped where the
desktop reads markup in them (Linux notification servers do).
"""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from dialer_app.core.text import plain


def plain_label(label: QLabel) -> QLabel:
    """A label that shows its text as it is: no markup, no links."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    return label


def plain_box(box: QMessageBox) -> QMessageBox:
    """A message box whose text and details are shown as they are."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (escaped inside rich text, the only safe way)."""
    if not text:
        return ""
    return "<qt>" + html.escape(plain(text), quote=False).replace("\n", "<br>") + "</qt>"


def set_tooltip(widget: QWidget, text: str) -> None:
    widget.setToolTip(tooltip(text))


def notification(text: str) -> str:
    """Text for a tray notification: Linux notification servers render markup in the body."""
    text = plain(text)
    return html.escape(text, quote=False) if sys.platform.startswith("linux") else text
