"""Child: the floor of the stack, a bare PySide6 script showing an empty QMainWindow.

    DIALER_BENCH_T0_NS=... DIALER_BENCH_OUT=... python -m benchmarks.launch_floor

Same interpreter, same probe, same platform plugin as ``launch_app``: what is left between
the two is the app's own cost.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from benchmarks.launch_probe import StartupProbe


def main() -> int:
    app = QApplication([sys.argv[0]])
    probe = StartupProbe(app, wait_for_data=False)
    window = QMainWindow()
    window.setWindowTitle("floor")
    window.resize(1000, 640)
    window.show()
    code = app.exec()
    del probe
    return code


if __name__ == "__main__":
    raise SystemExit(main())
