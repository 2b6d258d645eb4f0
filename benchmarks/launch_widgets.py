"""Child: the second floor, a bare PySide6 window with the app's widgets and nothing else.

    DIALER_BENCH_T0_NS=... DIALER_BENCH_OUT=... python -m benchmarks.launch_widgets

The same widgets the main window shows (a menu bar, two combos, a line edit with its label, a
spin box, the big Call button, a 17-column table with its filter bar, a status bar), built in
plain PySide6 with no app code, no services, no data. The app against this floor is what the
app's own work costs, not what its widgets cost.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from benchmarks.launch_probe import StartupProbe

COLUMNS = 17  # the history table's columns


def build() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("widgets floor")
    for menu in ("&File", "&Account", "&History", "&Help"):
        window.menuBar().addMenu(menu).addAction("Item")
    form = QFormLayout()
    form.addRow(QLabel("Member"), QComboBox())
    form.addRow(QLabel("Deskphone"), QComboBox())
    form.addRow(QLabel("Customer number"), QLineEdit())
    limit = QSpinBox()
    limit.setRange(0, 3600)
    form.addRow(QLabel("Call limit"), limit)
    call = QPushButton("Call")
    call.setMinimumHeight(48)
    bar = QHBoxLayout()
    bar.addWidget(QLabel("<b>Campaign history</b>"))
    bar.addStretch(1)
    for widget in (QLineEdit(), QComboBox(), QComboBox(), QComboBox(), QPushButton("Export…")):
        bar.addWidget(widget)
    table = QTableWidget(0, COLUMNS)
    table.setHorizontalHeaderLabels([f"Column {n}" for n in range(COLUMNS)])
    layout = QVBoxLayout()
    layout.addLayout(form)
    layout.addWidget(call)
    layout.addLayout(bar)
    layout.addWidget(table, 1)
    central = QWidget()
    central.setLayout(layout)
    window.setCentralWidget(central)
    window.statusBar().showMessage("Ready")
    window.resize(1000, 640)
    return window


def main() -> int:
    app = QApplication([sys.argv[0]])
    probe = StartupProbe(app, wait_for_data=False)
    window = build()
    window.show()
    code = app.exec()
    del probe
    return code


if __name__ == "__main__":
    raise SystemExit(main())
