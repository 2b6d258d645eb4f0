"""What a person reads: rich text rendered, our direction isolates (invisible) left out."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from dialer_app.core.text import plain


def shown(text: object) -> str:
    """``text`` as displayed: a tooltip's escaped rich text rendered, isolates dropped."""
    value = "" if text is None else str(text)
    if value.startswith("<qt>"):
        document = QTextDocument()
        document.setHtml(value)
        value = document.toPlainText()
    return plain(value)
