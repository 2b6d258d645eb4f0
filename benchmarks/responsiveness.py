"""Figure 3, responsiveness: the GUI thread's longest stall while the app is busy.

    python -m benchmarks.responsiveness [--quick] [--out FILE]

A 5 ms precise QTimer ticks on the GUI thread of the real window (``assemble()``, demo wiring,
offscreen, a seeded history). The longest gap between ticks is the longest time the window
could not repaint or take a key press. Loaded rounds start, in one go, a slow call (the
sandbox holds the answer 3 s: ``Fault.SLOW``), a members refresh, a keyring read (a
``KeyService`` of the app, on its worker) and a history filter, and last until all four are
done. Baseline rounds: the same heartbeat with nothing running, interleaved.

Then, once each, every load on its own (diagnosis), the keyring read first so that it is the
process's first, cold read (backend discovery) as at the app's start.
"""

from __future__ import annotations

import functools
import itertools
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QTableView

from benchmarks.common import Aim, Figure, Status, SuiteResult, suite_main
from benchmarks.demo_window import open_demo_window
from benchmarks.history_adapter import window_filter
from benchmarks.qtkit import Heartbeat, application, run_for, wait_until
from dialer_app.composition import Desk
from dialer_app.sandbox import Fault, Sandbox
from dialer_app.services.keys import KeyService

GROUP = "3. Responsiveness"
SLOW_SECONDS = 3.0
FRAME_MS = 16.0
# A new filter each time (the same text twice would not filter again): number prefixes and
# member names, as agents type them.
FILTER_TEXTS = ("98", "Priya", "97", "Arjun", "9", "Meera", "99", "Kabir")
NO_MATCH = "Zed"  # a name no row has: the store reads every row to find that out


class Loads(QObject):
    """Starts the four jobs and knows when they are all done."""

    def __init__(self, parts: Desk, sandbox: Sandbox) -> None:
        super().__init__()
        self._parts, self._sandbox = parts, sandbox
        self._filter_texts = itertools.cycle(FILTER_TEXTS)
        view = parts.window.findChild(QTableView, "historyView")
        if view is not None:  # the filter is done when the table has its new rows
            view.model().modelReset.connect(self._on_history_reset)
        self._keys = KeyService(self)
        self._keys.loaded.connect(self._on_keys_done)
        self._keys.load_failed.connect(self._on_keys_done)
        parts.dialer.members_loaded.connect(self._on_lists_done)
        parts.dialer.lists_failed.connect(self._on_lists_done)
        self.pending: set[str] = set()
        self.filter_note = ""
        self._number = 9_700_000_000

    def start(self, which: tuple[str, ...] = ("call", "refresh", "keyring", "filter")) -> None:
        self.pending = set(which)
        for name in which:
            getattr(self, f"_start_{name}")()

    @property
    def done(self) -> bool:
        if "call" in self.pending and not self._parts.calls.busy:
            self.pending.discard("call")
        return not self.pending

    def _start_call(self) -> None:
        self._sandbox.inject("click_to_call_v3", Fault.SLOW, delay=SLOW_SECONDS)
        self._number += 7
        form = self._parts.window.form
        form.number_edit.setText(str(self._number))
        form.call_button.click()
        if not self._parts.calls.busy:
            raise RuntimeError("the slow call did not start")

    def _start_refresh(self) -> None:
        self._parts.window.refresh_action.trigger()

    def _start_keyring(self) -> None:
        self._keys.load(self._sandbox.base_url)

    def _start_filter(self) -> None:
        self.filter_note = window_filter(self._parts, next(self._filter_texts))
        self._watch_filter()

    def _start_filter_no_match(self) -> None:
        window_filter(self._parts, NO_MATCH)
        self.pending.discard("filter_no_match")
        self.pending.add("filter")
        self._watch_filter()

    def _watch_filter(self) -> None:
        if self.filter_note.startswith("pending: no filter API and no"):
            self.pending.discard("filter")

    @Slot()
    def _on_history_reset(self) -> None:
        self.pending.discard("filter")

    @Slot()
    def _on_keys_done(self, *_args: object) -> None:
        self.pending.discard("keyring")

    @Slot(object)
    def _on_lists_done(self, _value: object) -> None:
        self.pending.discard("refresh")


def _round(
    beat: Heartbeat, action: Callable[[], None] | None, done: Callable[[], bool]
) -> list[float]:
    """Heartbeat gaps over one round: ``action`` at 50 ms, then until ``done()`` + 100 ms."""
    beat.start()
    run_for(50)
    if action is not None:
        action()
    wait_until(done, int(SLOW_SECONDS * 1000) + 10_000, poll_ms=50)
    run_for(100)
    return beat.stop()


def collect(quick: bool) -> SuiteResult:
    app = application()
    rows = 20_000 if quick else 100_000
    rounds = 2 if quick else 3
    result = SuiteResult()
    with (
        tempfile.TemporaryDirectory(prefix="dialer-bench-") as tmp,
        Sandbox(call_seconds=0) as sandbox,
    ):
        parts, lists_in = open_demo_window(Path(tmp), rows, sandbox)
        if not lists_in:
            note = "the lists never loaded"
            return SuiteResult(
                [
                    Figure(
                        "responsiveness.max_gap",
                        GROUP,
                        "Longest GUI stall",
                        "ms",
                        status=Status.FAILED,
                        note=note,
                    )
                ]
            )
        run_for(300)
        beat, loads = Heartbeat(), Loads(parts, sandbox)
        singles: dict[str, list[float]] = {}
        # The keyring first, so that its read is the process's first (cold).
        for name in ("keyring", "refresh", "filter", "filter_no_match", "call"):
            singles[name] = _round(
                beat, functools.partial(loads.start, (name,)), lambda: loads.done
            )
        loaded: list[float] = []
        idle: list[float] = []
        loaded_gaps: list[float] = []
        for _ in range(rounds):
            idle.append(max([*_round(beat, None, lambda: True), 0.0]))
            gaps = _round(beat, loads.start, lambda: loads.done)
            loaded.append(max(gaps))
            loaded_gaps += gaps
        parts.window.close()
    del app
    over = sum(1 for g in loaded_gaps if g > FRAME_MS)
    base = "idle heartbeat (same window, nothing running)"
    result.figures = [
        Figure(
            "responsiveness.max_gap",
            GROUP,
            f"Longest GUI stall: slow call + members refresh + keyring read + history filter "
            f"({rows:,} rows)",
            "ms",
            loaded,
            base,
            idle,
            Aim.value(FRAME_MS, "ms"),
            note=f"{over} of {len(loaded_gaps)} heartbeat gaps over {FRAME_MS:g} ms; "
            f"filter: {loads.filter_note}",
        ),
    ]
    labels = {
        "keyring": "… keyring read alone (first, cold: backend discovery)",
        "refresh": "… members + deskphones refresh alone",
        "filter": f"… history filter alone ({FILTER_TEXTS[0]!r})",
        "filter_no_match": f"… history filter matching no row alone ({NO_MATCH!r})",
        "call": f"… slow call alone ({SLOW_SECONDS:g} s answer)",
    }
    for name, gaps in singles.items():
        result.figures.append(
            Figure(
                f"responsiveness.{name}",
                GROUP,
                labels[name],
                "ms",
                [max(gaps)],
                base,
                idle,
                Aim.value(FRAME_MS, "ms"),
                paired=False,
            )
        )
    result.raw = {"history_rows": rows, "singles": singles, "loaded_gaps": loaded_gaps}
    return result


if __name__ == "__main__":
    raise SystemExit(suite_main(collect))
