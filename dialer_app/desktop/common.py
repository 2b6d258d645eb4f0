"""What every platform's integration shares: the app's id and how to start the dialer again."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

APP_ID = "dialer-app"  # desktop file name, Wayland app id, registry and login-item names
DESKTOP_ID = f"{APP_ID}.desktop"
MAC_LABEL = "com.example.dialer-app"  # build.spec's bundle identifier
_NEEDS_QUOTES = re.compile(r"[\s\"'\\><~|&;$*?#()`]")
Run = Callable[[Sequence[str]], "str | None"]  # a command's stdout, or None if it failed


def run_tool(command: Sequence[str]) -> str | None:
    """Run a desktop tool briefly; its output, or None when it failed or hung."""
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=20)  # noqa: S603
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


@dataclass(frozen=True, slots=True)
class Launcher:
    """The command that starts this dialer: ``python -m dialer_app``, or the frozen app."""

    executable: str
    frozen: bool

    @classmethod
    def current(cls) -> Launcher:
        return cls(sys.executable, bool(getattr(sys, "frozen", False)))

    def handler(self) -> list[str]:
        """The argv a link or the session starts: the windowed app, never a console one.

        The Windows console companion (``dialer-app-cli.exe``) and ``python.exe`` would open a
        console window for every link: their windowed siblings are used where they exist.
        """
        executable = Path(self.executable)
        if self.frozen:
            gui = executable.with_name(executable.name.replace("-cli", ""))
            return [str(gui if gui.exists() else executable)]
        pythonw = executable.with_name("pythonw.exe")
        if executable.name.lower() == "python.exe" and pythonw.exists():
            executable = pythonw
        return [str(executable), "-m", "dialer_app"]


def desktop_exec(argv: list[str]) -> str:
    """``argv`` as a freedesktop ``Exec=`` value (quoted where the spec says it must be)."""
    return " ".join(_desktop_quote(arg.replace("%", "%%")) for arg in argv)


def _desktop_quote(arg: str) -> str:
    if not _NEEDS_QUOTES.search(arg):
        return arg
    escaped = re.sub(r'(["`$\\])', r"\\\1", arg)
    return '"' + escaped.replace("\\", "\\\\") + '"'  # a string value's own escaping, too
