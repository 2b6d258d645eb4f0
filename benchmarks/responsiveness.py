"""Figure 3, responsiveness: the GUI thread's longest stall while the app is busy.

    python -m benchmarks.responsiveness [--quick] [--out FILE]

A 5 ms precise QTimer ticks on the GUI thread of the real window (``assemble()``, demo wiring,
offscreen, a seeded history). The longest gap between ticks is the longest time the window
could not repaint or take a key press. Loaded rounds start, in one go, a slow call (the
sandbox holds the answer 3 s: ``Fault.SLOW``), a members refresh (the window's Refresh
action), a keyring read (a fresh ``KeyService``: its job on its own worker) and a history
filter (typed into the window's filter box, done at ``page_loaded``), and last until all four
are done. Baseline rounds: the same heartbeat with nothing running, interleaved.

Then, once each, every load on its own (diagnosis), the keyring read first so that it is the
process's first, cold read (backend discovery) as at the app's start.
"""

from __future__ import annotations

import functools
import itertools
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Slot

from benchmarks.common import Aim, Figure, Status, SuiteResult, suite_main
from benchmarks.demo_window import open_demo_window
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
IDLE = "idle heartbeat (same window, nothing running)"
# Each load on its own, in this order: the keyring first, so that its read is the process's
# first (cold: backend discovery), as at the app's start.
SINGLES = {
    "keyring": "… keyring read alone (first, cold: backend discovery)",
    "refresh": "… members + deskphones refresh alone",
    "filter": f"… history filter alone ({FILTER_TEXTS[0]!r})",
    "filter_no_match": f"… history filter matching no row alone ({NO_MATCH!r})",
    "call": f"… slow call alone ({SLOW_SECONDS:g} s answer)",
}


class Loads(QObject):
    """Starts the four jobs and knows when they are all done."""

    def __init__(self, parts: Desk, sandbox: Sandbox) -> None:
        super().__init__()
        self._parts, self._sandbox = parts, sandbox
        self._filter_texts = itertools.cycle(FILTER_TEXTS)
        # The filter is done when its first page is shown; a refresh when both combos refill.
        parts.window.history.model.page_loaded.connect(self._on_history_page_loaded)
        form = parts.window.form
        form.member_combo.model().rowsInserted.connect(self._on_members_filled)
        form.deskphone_combo.model().rowsInserted.connect(self._on_deskphones_filled)
        parts.calls.call_finished.connect(self._on_calls_call_finished)
        self._keys = KeyService(self)  # a fresh one: its first read is the process's first
        self.pending: set[str] = set()
        self._number = 9_700_000_000

    def start(self, which: tuple[str, ...] = ("call", "refresh", "keyring", "filter")) -> None:
        self.pending = set(which)
        for name in which:
            getattr(self, f"_start_{name}")()

    @property
    def done(self) -> bool:
        return not self.pending

    def _start_call(self) -> None:
        self._sandbox.inject("click_to_call_v3", Fault.SLOW, delay=SLOW_SECONDS)
        self._number += 7
        form = self._parts.window.form
        form.number_edit.setText(str(self._number))
        form.call_button.click()
        if form.call_button.isEnabled():  # the form is busy from the press to the outcome
            raise RuntimeError("the slow call did not start")

    def _start_refresh(self) -> None:
        self.pending.discard("refresh")
        self.pending |= {"members", "deskphones"}
        self._parts.window.refresh_action.trigger()

    def _start_keyring(self) -> None:
        job = self._keys.load(self._sandbox.base_url)
        job.finished.connect(self._on_keys_finished)

    def _start_filter(self) -> None:
        self._parts.window.history.filter_edit.setText(next(self._filter_texts))

    def _start_filter_no_match(self) -> None:
        self.pending.discard("filter_no_match")
        self.pending.add("filter")
        self._parts.window.history.filter_edit.setText(NO_MATCH)

    @Slot(object)
    def _on_calls_call_finished(self, _attempt: object) -> None:
        self.pending.discard("call")

    @Slot()
    def _on_history_page_loaded(self) -> None:
        self.pending.discard("filter")

    @Slot()
    def _on_keys_finished(self) -> None:
        self.pending.discard("keyring")

    @Slot()
    def _on_members_filled(self) -> None:
        self.pending.discard("members")

    @Slot()
    def _on_deskphones_filled(self) -> None:
        self.pending.discard("deskphones")


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


@dataclass
class Gaps:
    """Heartbeat gaps: the longest per round, loaded and idle, and each load on its own."""

    loaded: list[float] = field(default_factory=list)
    idle: list[float] = field(default_factory=list)
    loaded_gaps: list[float] = field(default_factory=list)
    singles: dict[str, list[float]] = field(default_factory=dict)


def measure(parts: Desk, sandbox: Sandbox, rounds: int) -> Gaps:
    """Each load alone once (the keyring first: its read is the process's first, cold), then
    ``rounds`` of idle and all loads together, interleaved."""
    beat, loads, gaps = Heartbeat(), Loads(parts, sandbox), Gaps()
    for name in SINGLES:
        gaps.singles[name] = _round(
            beat, functools.partial(loads.start, (name,)), lambda: loads.done
        )
    for _ in range(rounds):
        gaps.idle.append(max([*_round(beat, None, lambda: True), 0.0]))
        loaded = _round(beat, loads.start, lambda: loads.done)
        gaps.loaded.append(max(loaded))
        gaps.loaded_gaps += loaded
    return gaps


def collect(quick: bool) -> SuiteResult:
    app = application()
    rows = 20_000 if quick else 100_000
    with (
        tempfile.TemporaryDirectory(prefix="dialer-bench-") as tmp,
        Sandbox(call_seconds=0) as sandbox,
    ):
        parts, lists_in = open_demo_window(Path(tmp), rows, sandbox)
        if not lists_in:
            return SuiteResult([_failed("the lists never loaded")])
        run_for(300)
        gaps = measure(parts, sandbox, 2 if quick else 3)
        parts.window.close()
    del app
    result = SuiteResult([_loaded_figure(gaps, rows), *_single_figures(gaps)])
    result.raw = {"history_rows": rows, "singles": gaps.singles, "loaded_gaps": gaps.loaded_gaps}
    return result


def _failed(note: str) -> Figure:
    return Figure(
        "responsiveness.max_gap", GROUP, "Longest GUI stall", "ms", status=Status.FAILED, note=note
    )


def _loaded_figure(gaps: Gaps, rows: int) -> Figure:
    over = sum(1 for g in gaps.loaded_gaps if g > FRAME_MS)
    return Figure(
        "responsiveness.max_gap",
        GROUP,
        f"Longest GUI stall: slow call + members refresh + keyring read + history filter "
        f"({rows:,} rows)",
        "ms",
        gaps.loaded,
        IDLE,
        gaps.idle,
        Aim.value(FRAME_MS, "ms"),
        note=f"{over} of {len(gaps.loaded_gaps)} heartbeat gaps over {FRAME_MS:g} ms; "
        "filter: typed into the window's own debounced filter box",
    )


def _single_figures(gaps: Gaps) -> list[Figure]:
    return [
        Figure(
            f"responsiveness.{name}",
            GROUP,
            SINGLES[name],
            "ms",
            [max(found)],
            IDLE,
            gaps.idle,
            Aim.value(FRAME_MS, "ms"),
            paired=False,
        )
        for name, found in gaps.singles.items()
    ]


if __name__ == "__main__":
    raise SystemExit(suite_main(collect))
