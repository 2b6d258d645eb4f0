"""Size and start-up time of the packaged (PyInstaller) app, printed as JSON.

    scripts/build-app
    .venv/bin/python benchmarks/packaged.py [--app dist/dialer-app/dialer-app] [--runs 11]

Measures:

- ``onedir_bytes`` / ``archive_bytes``: the one-dir build and the archive next to it in dist/;
- start-up: from launching ``dialer-app --demo`` to its window being mapped in a private Xvfb
  (polled with ``xdotool search --onlyvisible`` every 20 ms, so figures are good to ~25 ms),
  for the frozen app and for the same app run from source (``python -m dialer_app``).
  ``wall_s`` is elapsed time; ``cpu_s`` the CPU time the app had used by then (user + system,
  all threads, from /proc), which other load on the machine disturbs far less;
- ``cold``: the first start after dropping the page cache (needs root; ``null`` when the
  cache cannot be dropped); ``warm``: the median of ``--runs`` starts after that, frozen and
  source taking turns so that other load on the machine affects both alike.

Each start gets a fresh data directory, as on an agent's first day. Linux only (Xvfb, xdotool).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.02
TIMEOUT_SECONDS = 60.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Start:
    """One launch: seconds to the window, and CPU seconds the app had used by then."""

    wall_s: float
    cpu_s: float


@dataclass(frozen=True)
class XServer:
    """A private Xvfb: its DISPLAY and its process."""

    display: str
    process: subprocess.Popen[bytes]

    def check(self) -> None:
        """Fail loudly when the X server has gone (rather than blame the app)."""
        if self.process.poll() is not None:
            raise RuntimeError(f"Xvfb {self.display} exited with {self.process.returncode}")


@contextmanager
def xvfb() -> Iterator[XServer]:
    """A private X server on the first free display."""
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
        yield XServer(f":{number}", server)
    finally:
        server.terminate()
        server.wait(timeout=10)


def window_shown(display: str) -> bool:
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "DEMO"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        check=False,
    )
    return bool(done.stdout.strip())


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process, all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def drop_page_cache() -> bool:
    """Empty the page cache so the next start reads its files from disk (root only)."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def start(command: Sequence[str], server: XServer) -> Start:
    """Launch ``command --demo``; time it until its window is mapped, then end it."""
    display = server.display
    with tempfile.TemporaryDirectory(prefix="dialer-bench-") as data_dir:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("DIALER_BASE_URL", None)
        stderr = Path(data_dir) / "stderr.txt"
        with stderr.open("wb") as errors:
            started = time.perf_counter()
            app = subprocess.Popen(
                [*command, "--demo", "--data-dir", data_dir],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        try:
            while not window_shown(display):
                if app.poll() is not None:
                    server.check()
                    output = stderr.read_text()[-2000:]
                    raise RuntimeError(f"{command[0]} exited with {app.returncode}: {output}")
                if time.perf_counter() - started > TIMEOUT_SECONDS:
                    raise RuntimeError(f"{command[0]}: no window after {TIMEOUT_SECONDS} s")
                time.sleep(POLL_SECONDS)
            return Start(time.perf_counter() - started, cpu_seconds(app.pid))
        finally:
            app.terminate()
            app.wait(timeout=30)


def measure(
    commands: Sequence[Sequence[str]], server: XServer, runs: int
) -> list[dict[str, object]]:
    """For each command, one cold start and the median of ``runs`` warm ones (taking turns)."""
    colds = [start(command, server) if drop_page_cache() else None for command in commands]
    warms: list[list[Start]] = [[] for _ in commands]
    for _ in range(runs):
        for command, starts in zip(commands, warms, strict=True):
            starts.append(start(command, server))
    return [summary(cold, warm) for cold, warm in zip(colds, warms, strict=True)]


def summary(cold: Start | None, warm: list[Start]) -> dict[str, object]:
    return {
        "cold_wall_s": None if cold is None else round(cold.wall_s, 3),
        "cold_cpu_s": None if cold is None else round(cold.cpu_s, 3),
        "warm_wall_s": round(statistics.median(each.wall_s for each in warm), 3),
        "warm_cpu_s": round(statistics.median(each.cpu_s for each in warm), 3),
        "warm_runs_wall_s": [round(each.wall_s, 3) for each in warm],
    }


def tree_bytes(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_dir())


def ratio(frozen: dict[str, object], source: dict[str, object], key: str) -> float:
    return round(float(str(frozen[key])) / float(str(source[key])), 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "dialer-app" / "dialer-app")
    parser.add_argument("--python", default=sys.executable, help="runs the app from source")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing or not args.app.is_file():
        parser.error(f"needs {args.app} (scripts/build-app) and {missing or 'Xvfb, xdotool'}")
    dist = args.app.parent.parent
    archives = [
        path
        for kind in ("tar.xz", "tar.gz", "zip")
        for path in sorted(dist.glob(f"dialer-app-*.{kind}"))
    ]
    with xvfb() as server:
        frozen, source = measure(
            [[str(args.app)], [args.python, "-m", "dialer_app"]], server, args.runs
        )
    report = {
        "onedir_bytes": tree_bytes(args.app.parent),
        "archive": archives[-1].name if archives else None,
        "archive_bytes": archives[-1].stat().st_size if archives else None,
        "frozen": frozen,
        "source": source,
        "warm_wall_ratio_frozen_to_source": ratio(frozen, source, "warm_wall_s"),
        "warm_cpu_ratio_frozen_to_source": ratio(frozen, source, "warm_cpu_s"),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
