"""The real app for in-process benchmarks: its window on a generated history, lists loaded."""

from __future__ import annotations

from pathlib import Path

from benchmarks.history_data import copy_history
from benchmarks.qtkit import wait_until
from dialer_app.composition import Desk, assemble
from dialer_app.core.config import Paths
from dialer_app.core.logsetup import Redactor
from dialer_app.sandbox import Sandbox

LISTS_TIMEOUT_MS = 10_000


def open_demo_window(data_dir: Path, rows: int, sandbox: Sandbox) -> tuple[Desk, bool]:
    """Show the app on ``rows`` calls of history against ``sandbox``.

    Returns the parts and whether the member and deskphone lists arrived in time.
    """
    copy_history(rows, Paths(data_dir).history)
    parts = assemble(Paths(data_dir), Redactor(), base_url=None, demo_url=sandbox.base_url)
    parts.window.show()
    parts.window.start()
    form = parts.window.form
    loaded = wait_until(
        lambda: form.member_combo.count() > 0 and form.deskphone_combo.count() > 0,
        LISTS_TIMEOUT_MS,
    )
    return parts, loaded
