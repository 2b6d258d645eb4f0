"""Child: where the GUI thread's start-up time goes (diagnosis, not a figure).

    DIALER_BENCH_T0_NS=... DIALER_BENCH_OUT=... python -m benchmarks.startup_profile DIR

Runs the real ``dialer_app.app.main(["--demo", "--data-dir", DIR])`` (as ``launch_app``) while
a sampling thread reads the main thread's stack every millisecond until the first frame is
shown. Each stack is cut down to the app's own frames (``dialer_app.*``) plus the first frame
outside the app that each of them called (an import, httpx, sqlite3, ...), and the samples
are merged into a call tree with inclusive times. Nothing in the app is patched, so the tree
follows the code as it is. Sampling costs the main thread a few per cent (GIL hand-offs).
"""

from __future__ import annotations

import sys
import threading
import time
from collections import defaultdict
from types import FrameType

from PySide6.QtWidgets import QApplication

from benchmarks.launch_probe import StartupProbe

INTERVAL_S = 0.001
OURS = "dialer_app"
_TRANSPARENT = ("importlib", "_frozen_importlib")


def _label(frame: FrameType) -> str:
    module = str(frame.f_globals.get("__name__", "?"))
    code = frame.f_code
    if code.co_name == "<module>":
        return f"import {module}"
    return f"{module}.{code.co_qualname}"


def _path(frame: FrameType | None) -> tuple[str, ...]:
    """The app's frames, outermost first, each followed by the first foreign frame it called.

    The import machinery's own frames are skipped, so an import shows as ``import X``.
    """
    stack: list[FrameType] = []
    while frame is not None:
        stack.append(frame)
        frame = frame.f_back
    path: list[str] = []
    inside = False
    for each in reversed(stack):
        module = str(each.f_globals.get("__name__", ""))
        if module.startswith(_TRANSPARENT):
            continue  # the import machinery: show what is imported, not how
        ours = module.startswith(OURS)
        if ours:
            path.append(_label(each))
            inside = True
        elif inside:
            path.append(_label(each))
            inside = False
    return tuple(path)


class Sampler(threading.Thread):
    """Samples one thread's stack until stopped; weights are the real time between samples."""

    def __init__(self, thread_id: int) -> None:
        super().__init__(daemon=True, name="startup-sampler")
        self._thread_id = thread_id
        self._halt = threading.Event()
        self.weights: dict[tuple[str, ...], float] = defaultdict(float)
        self.samples = 0

    def run(self) -> None:
        last = time.perf_counter()
        while not self._halt.is_set():
            time.sleep(INTERVAL_S)
            frame = sys._current_frames().get(self._thread_id)
            now = time.perf_counter()
            self.weights[_path(frame)] += (now - last) * 1000
            self.samples += 1
            last = now

    def stop(self) -> None:
        self._halt.set()


def tree_rows(weights: dict[tuple[str, ...], float], min_ms: float) -> list[list[str]]:
    """The call tree as table rows (indented name, inclusive ms, self ms), heaviest first."""
    inclusive: dict[tuple[str, ...], float] = defaultdict(float)
    own: dict[tuple[str, ...], float] = defaultdict(float)
    for path, ms in weights.items():
        own[path] += ms
        for depth in range(1, len(path) + 1):
            inclusive[path[:depth]] += ms
    children: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for path in inclusive:
        children[path[:-1]].append(path)
    rows: list[list[str]] = []

    def visit(path: tuple[str, ...]) -> None:
        for child in sorted(children[path], key=lambda p: inclusive[p], reverse=True):
            if inclusive[child] < min_ms:
                continue
            indent = "· " * (len(child) - 1)
            rows.append([f"{indent}{child[-1]}", f"{inclusive[child]:.1f}", f"{own[child]:.1f}"])
            visit(child)

    visit(())
    return rows


def main() -> int:
    app = QApplication([sys.argv[0]])
    probe = StartupProbe(app, wait_for_data=True)
    sampler = Sampler(threading.get_ident())

    def on_shown() -> None:
        sampler.stop()
        sampler.join()
        probe.extra["profile"] = [[list(path), ms] for path, ms in sampler.weights.items()]
        probe.extra["profile_samples"] = sampler.samples

    probe.on_shown = on_shown
    sampler.start()
    from dialer_app.app import main as app_main

    code = app_main(["--demo", "--data-dir", sys.argv[1]])
    sampler.stop()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
