"""Text that does not fit: widgets narrower than their text, header titles cut short.

Also runnable, to look at the window at another scale (QT_SCALE_FACTOR is read once, when
the application starts, so a scale needs a process of its own):

    QT_SCALE_FACTOR=2 python -m tests.helpers.clipping OUT.png hi
prints one line per clipped text and saves the window's image.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTableView,
    QWidget,
)

PADDING = 12  # a header's margins around its title (the sort arrow is drawn beside it)


def clipped(window: QWidget) -> list[str]:
    """Every visible label or button narrower than its text, and cut header titles."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(window):
            continue
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        if widget.text() and not wraps and widget.width() < widget.minimumSizeHint().width():
            found.append(f"{type(widget).__name__} {widget.text()!r}: {widget.width()} px")
    for view in window.findChildren(QTableView):
        header = view.horizontalHeader()
        metrics = header.fontMetrics()
        for section in range(header.count()):
            title = str(view.model().headerData(section, header.orientation()))
            narrow = header.sectionSize(section) < metrics.horizontalAdvance(title) + PADDING
            if narrow and not header.isSectionHidden(section):
                found.append(f"column {title!r}: {header.sectionSize(section)} px")
    return found


def main(target: str, choice: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dialer_app.composition import assemble
    from dialer_app.core.config import Paths
    from dialer_app.core.logsetup import Redactor
    from dialer_app.sandbox import Sandbox
    from dialer_app.ui.language import install_translations

    app = QApplication([])
    install_translations(app, choice)
    with tempfile.TemporaryDirectory() as data_dir, Sandbox(call_seconds=0) as sandbox:
        desk = assemble(Paths(Path(data_dir)), Redactor(), base_url=None,
                        demo_url=sandbox.base_url)  # fmt: skip
        window = desk.window
        window.resize(1280, 640)
        window.show()
        window.start()
        while window.form.member_combo.count() == 0:
            app.processEvents()
        app.processEvents()
        for line in clipped(window):
            print(line)
        image = window.grab()
        image.save(target)
        print(f"image {image.width()}x{image.height()} ratio {image.devicePixelRatio()}")
        window.close()
        desk.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
