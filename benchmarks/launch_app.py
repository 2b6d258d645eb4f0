"""Child: the real app, as ``dialer-app --demo --data-dir DIR``, under the start-up probe.

    DIALER_BENCH_T0_NS=... DIALER_BENCH_OUT=... python -m benchmarks.launch_app DIR

Nothing in the app is patched. The only difference from the console script is that the
QApplication exists before ``dialer_app.app`` is imported (so the probe can watch its
events); the app's own ``QApplication.instance() or QApplication(...)`` then reuses it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from benchmarks.launch_probe import StartupProbe


def main() -> int:
    app = QApplication([sys.argv[0]])
    probe = StartupProbe(app, wait_for_data=True)
    from dialer_app.app import main as app_main

    code = app_main(["--demo", "--data-dir", sys.argv[1]])
    del probe
    return code


if __name__ == "__main__":
    raise SystemExit(main())
