"""Figure 3, responsiveness: the GUI thread's longest stall while the app is busy.

    python -m benchmarks.responsiveness [--quick] [--out FILE]

A 5 ms precise QTimer ticks on the GUI thread of the real window (``assemble()``, demo wiring,
offscreen, a seeded history). The longest gap between ticks is the longest time the window
could not repaint or take a key press. Loaded rounds start, in one go, a slow call (the
sandbox holds the answer 3 s: ``Fault.SLOW``), a members refresh (the window's Refresh
action), a keyring read (a fresh ``KeyService``: its job on its own worker) and a history
filter (typed into the window's filter box, done at ``page_loaded``), and last until all four
are done. Baseline rounds: the same heartbeat with nothing running, interleaved.

Then, once each, every path on its own, the keyring read first so that it is the process's
first, cold read (backend discovery), then a warm one (what every read is once the app has
discovered the backend on a worker after its first frame); the history filter typed a key
at a time; a 100,000-lead import through the List menu path (progress, preview, save, the
first lead filled in). Each path is held to one frame (16 ms): one over it is printed as
such and the process exits with ``OVER_EXIT`` (the orchestrator keeps the figures and
repeats the warning).
"""

from __future__ import annotations

import functools
import itertools
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from benchmarks.common import Aim, Figure, Status, SuiteResult, suite_main
from benchmarks.demo_window import open_demo_window
from benchmarks.lists import write_leads
from benchmarks.qtkit import Heartbeat, application, run_for, wait_until
from dialer_app.composition import Desk
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.sandbox import Fault, Sandbox
from dialer_app.services.keys import KeyService

GROUP = "3. Responsiveness"
OVER_EXIT = 3  # measured, and a path stalled the GUI thread over one frame
ROUND_TIMEOUT_MS = 60_000  # the import of 100,000 leads takes seconds on a loaded machine
IMPORT_LEADS = 100_000
TYPED = "98765"  # typed into the history filter a key at a time ...
POLL_MS = 5  # how often the import step looks for its preview
KEY_MS = 120  # ... this far apart (an agent typing)
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
    "keyring_warm": "… keyring read, backend already discovered (the app's warm-up)",
    "refresh": "… members + deskphones refresh alone",
    "filter": f"… history filter alone ({FILTER_TEXTS[0]!r})",
    "filter_no_match": f"… history filter matching no row alone ({NO_MATCH!r})",
    "call": f"… slow call alone ({SLOW_SECONDS:g} s answer)",
    "typing": f"… history filter typed a key at a time ({TYPED!r}, {KEY_MS} ms apart)",
    "import": f"… {IMPORT_LEADS:,}-lead import (progress, preview, save, first lead)",
}


class Loads(QObject):
    """Starts the four jobs and knows when they are all done."""

    def __init__(self, parts: Desk, sandbox: Sandbox, leads_file: Path) -> None:
        super().__init__()
        self._parts, self._sandbox, self._leads_file = parts, sandbox, leads_file
        self._typed = 0
        self._list_before: object = None
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
        if "import" in self.pending and self._imported():
            self.pending.discard("import")
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

    def _start_keyring_warm(self) -> None:
        self.pending = {"keyring"}
        self._start_keyring()

    def _start_typing(self) -> None:
        self.pending = {"typing"}
        self._typed = 0
        self._parts.window.history.filter_edit.clear()
        self._on_key_timer_timeout()

    @Slot()
    def _on_key_timer_timeout(self) -> None:
        self._typed += 1
        self._parts.window.history.filter_edit.setText(TYPED[: self._typed])
        if self._typed < len(TYPED):
            QTimer.singleShot(KEY_MS, self._on_key_timer_timeout)

    def _start_import(self) -> None:
        window = self._parts.window
        window.build_lists()
        lists = window.lists
        if lists is None:
            raise RuntimeError("the window has no lead lists")
        self._list_before = lists.flow.active
        lists.files.import_file(self._leads_file, Purpose.SERVICE)  # as --purpose does
        QTimer.singleShot(POLL_MS, self._on_preview_timer_timeout)

    @Slot()
    def _on_preview_timer_timeout(self) -> None:
        """Return in the preview once it shows (the file is read on a worker meanwhile)."""
        lists = self._parts.window.lists
        dialog = None if lists is None else lists.files.preview_dialog
        if dialog is not None and dialog.isVisible() and dialog.importable:
            dialog.accept()
        else:
            QTimer.singleShot(POLL_MS, self._on_preview_timer_timeout)

    def _imported(self) -> bool:
        """The new list is active and its first lead is in the form."""
        lists = self._parts.window.lists
        if lists is None:
            return False
        flow = lists.flow
        return flow.active is not self._list_before and flow.lead is not None

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
        if self._typed == len(TYPED):
            self.pending.discard("typing")

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
    wait_until(done, ROUND_TIMEOUT_MS, poll_ms=50)
    run_for(100)
    return beat.stop()


@dataclass
class Gaps:
    """Heartbeat gaps: the longest per round, loaded and idle, and each load on its own."""

    loaded: list[float] = field(default_factory=list)
    idle: list[float] = field(default_factory=list)
    loaded_gaps: list[float] = field(default_factory=list)
    singles: dict[str, list[float]] = field(default_factory=dict)


def measure(parts: Desk, sandbox: Sandbox, rounds: int, leads_file: Path) -> Gaps:
    """Each load alone once (the keyring first: its read is the process's first, cold), then
    ``rounds`` of idle and all loads together, interleaved."""
    beat, loads, gaps = Heartbeat(), Loads(parts, sandbox, leads_file), Gaps()
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
        leads_file = write_leads(Path(tmp) / "leads.csv", IMPORT_LEADS)
        gaps = measure(parts, sandbox, 2 if quick else 3, leads_file)
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


_OVER: list[Figure] = []


def collect_loudly(quick: bool) -> SuiteResult:
    """``collect``, noting every path over one frame."""
    result = collect(quick)
    _OVER.extend(figure for figure in result.figures if figure.verdict == "missed")
    return result


def main(argv: list[str] | None = None) -> int:
    code = suite_main(collect_loudly, argv)
    if _OVER:
        print("\n!! THE GUI THREAD STALLED OVER ONE FRAME ON:", file=sys.stderr)
        for figure in _OVER:
            median = figure.value.median if figure.value else float("nan")
            print(f"!!   {figure.label}: {median:.1f} ms", file=sys.stderr)
        return code or OVER_EXIT
    return code


if __name__ == "__main__":
    raise SystemExit(main())
