"""A real X server (Xvfb) and real key events (xdotool) for the smoke and packaging tests."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.processes import wait_for

TOOLS = ("Xvfb", "xdotool")


@contextmanager
def xvfb_display() -> Iterator[str]:
    """A private Xvfb; yields its display name. Skips the test (fails it on CI) without one."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see .ci/run)")
        pytest.skip(f"not installed: {missing}")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def xdotool(display: str, *args: str) -> str:
    env = {**os.environ, "DISPLAY": display}
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def run_demo_call(command: list[str], env: dict[str, str], display: str, data_dir: Path) -> str:
    """Launch the demo app, type a number and press Return with real key events, wait for
    the placed row, quit with Ctrl+Q (exit status 0); give what the app wrote to stderr."""
    with tempfile.TemporaryFile("w+") as stderr:
        app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            _place_call(display, data_dir)
            assert app.wait(timeout=30) == 0
        finally:
            if app.poll() is None:
                app.kill()
                app.wait(timeout=10)
        stderr.seek(0)
        return stderr.read()


def _place_call(display: str, data_dir: Path) -> None:
    """In the demo window on ``display``: one call with real key events, then Ctrl+Q."""
    wait_for(lambda: xdotool(display, "search", "--name", "DEMO") != "", "the window")
    window = xdotool(display, "search", "--name", "DEMO").splitlines()[0]
    assert "Dialer — DEMO (sandbox)" in xdotool(display, "getwindowname", window)
    history = data_dir / "demo" / "history.sqlite3"
    log = data_dir / "demo" / "dialer.log"
    wait_for(lambda: log.exists() and "Loaded 30 members" in log.read_text(), "the lists")
    xdotool(display, "windowfocus", "--sync", window)  # no window manager: focus directly
    # Focus starts in the number field: type and press Return with real key events.
    xdotool(display, "type", "--delay", "20", "98765 43210")
    xdotool(display, "key", "Return")
    wait_for(lambda: _outcomes(history) == ["placed"], "a placed call in the history")
    _screenshot(display, window)
    xdotool(display, "key", "--window", window, "ctrl+q")


def _outcomes(history: Path) -> list[str]:
    with sqlite3.connect(history) as db:
        return [row[0] for row in db.execute("SELECT outcome FROM calls")]


def _screenshot(display: str, window: str) -> None:
    """With DIALER_SMOKE_SCREENSHOT=file.png, keep a picture of the real window."""
    target = os.environ.get("DIALER_SMOKE_SCREENSHOT")
    if target and shutil.which("import"):
        env = {**os.environ, "DISPLAY": display}
        subprocess.run(["import", "-window", window, target], env=env, check=True)
