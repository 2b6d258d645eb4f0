"""Figure 1b, peers: the app against native softphones, each start to its first mapped window.

    python -m benchmarks.peers [--quick] [--out FILE]

twinkle (C++/Qt) and linphone-desktop (C++/Qt Quick) are measured when installed (Debian
packages ``twinkle``, ``linphone-desktop``; never installed by CI); each missing one is
reported as skipped, and so is one that will not start there. Every program starts alone in a
private Xvfb with a fresh HOME (the peers in a D-Bus session of their own); its first window
mapped is found with ``xdotool search --onlyvisible``, polled every 20 ms (good to ~25 ms).
The app is ``dialer-app --demo`` from source. Runs take turns, app first, after one discarded
warm-up each.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import TIMES, Aim, Figure, Status, SuiteResult, suite_main
from benchmarks.packaged import POLL_SECONDS, XServer, xvfb

TIMEOUT_SECONDS = 20.0  # a peer that shows nothing by then will not start here

GROUP = "1b. Start-up against native softphones"
PEERS = {"twinkle": ["twinkle"], "linphone-desktop": ["linphone"]}
APP = [sys.executable, "-m", "dialer_app", "--demo", "--data-dir"]
# linphone-desktop will not start without a D-Bus session bus.
SESSION_BUS = ["dbus-run-session", "--"] if shutil.which("dbus-run-session") else []


def mapped(display: str) -> bool:
    """Whether any named window is mapped (one program at a time runs on this display)."""
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "."],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        check=False,
    )
    return bool(done.stdout.strip())


def start(command: list[str], server: XServer, *, app: bool) -> float:
    """Seconds from launch to the first mapped window of ``command``; then it is ended."""
    with tempfile.TemporaryDirectory(prefix="dialer-bench-peer-") as home:
        env = {**os.environ, "DISPLAY": server.display, "HOME": home, "QT_QPA_PLATFORM": "xcb"}
        env.pop("DIALER_BASE_URL", None)
        full = [*command, str(Path(home) / "data")] if app else [*SESSION_BUS, *command]
        started = time.perf_counter()
        child = subprocess.Popen(
            full,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=home,
            start_new_session=True,  # its own process group: ended whole, bus and all
        )
        try:
            while not mapped(server.display):
                if child.poll() is not None:
                    raise RuntimeError(f"{command[0]} exited with {child.returncode} (headless)")
                if time.perf_counter() - started > TIMEOUT_SECONDS:
                    raise RuntimeError(f"{command[0]}: no window after {TIMEOUT_SECONDS} s")
                time.sleep(POLL_SECONDS)
            return time.perf_counter() - started
        finally:
            _end(child)
            _until(lambda: not mapped(server.display))


def _end(child: subprocess.Popen[bytes]) -> None:
    """End ``child``'s whole process group (a peer under dbus-run-session has children)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGTERM)
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)  # what is left of its group


def _until(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            return False
        time.sleep(POLL_SECONDS)
    return True


def collect(quick: bool) -> SuiteResult:
    found = {name: command for name, command in PEERS.items() if shutil.which(command[0])}
    figures = [
        Figure(f"startup.peer.{name}", GROUP, f"Window mapped, against {name}", "ms",
               status=Status.SKIPPED, note="not installed (optional: apt-get install " + name + ")")
        for name in PEERS if name not in found
    ]  # fmt: skip
    if not found:
        return SuiteResult(figures)
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        figures.append(Figure("startup.peer.tools", GROUP, "Peers", "", status=Status.SKIPPED,
                              note="needs Xvfb and xdotool"))  # fmt: skip
        return SuiteResult(figures)
    runs = 3 if quick else 7
    apps: list[float] = []
    peers: dict[str, list[float]] = {name: [] for name in found}
    with xvfb() as server:
        start(APP, server, app=True)
        for name, command in list(found.items()):
            try:
                start(command, server, app=False)  # warm-ups, discarded
            except RuntimeError as exc:
                figures.append(
                    Figure(
                        f"startup.peer.{name}",
                        GROUP,
                        f"Window mapped, against {name}",
                        "ms",
                        status=Status.SKIPPED,
                        note=str(exc),
                    )
                )
                del found[name], peers[name]
        for _ in range(runs):
            apps.append(start(APP, server, app=True) * 1000)
            for name, command in found.items():
                peers[name].append(start(command, server, app=False) * 1000)
    for name, samples in peers.items():
        aim = Aim.ratio(1.5, f"≤ 1.5{TIMES} twinkle") if name == "twinkle" else Aim.info()
        figures.append(
            Figure(f"startup.peer.{name}", GROUP, f"App window mapped (Xvfb), against {name}",
                   "ms", list(apps), f"{name}: first window mapped", samples, aim)
        )  # fmt: skip
    return SuiteResult(figures, raw={"app_ms": apps, "peers_ms": peers})


if __name__ == "__main__":
    raise SystemExit(suite_main(collect))
