"""Smoke test: the real app, as a separate process, in a real X server (Xvfb, xcb plugin).

An agent's first minute: the window appears with its title, a number is typed and Return
pressed with real key events, the call lands in the history file, Ctrl+Q quits cleanly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.helpers.xvfb import run_demo_call

pytestmark = pytest.mark.xvfb


def test_real_window_places_a_demo_call_and_quits(display: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("DIALER_BASE_URL", None)
    command = [sys.executable, "-m", "dialer_app", "--demo", "--data-dir", str(data_dir)]
    errors = run_demo_call(command, env, display, data_dir)
    assert "Traceback" not in errors, errors
