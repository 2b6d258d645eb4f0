"""Figure 2, click to wire: Call action → request at the sandbox → outcome painted.

    python -m benchmarks.wire [--quick] [--out FILE]

The real window (``assemble()`` in demo wiring, offscreen) against the built-in sandbox on
loopback, in this process like ``dialer-app --demo``. Each round types a new customer
number (so no re-dial confirmation), stamps the time, presses Call (``click()``), and waits
for the outcome label to repaint. Three timestamps come from wrappers installed in this
benchmark process only (the app's files are untouched):

- arrival: ``Journal.record`` of the sandbox, called when it has read a request;
- response: ``CallerDeskClient.place_call`` returning on the worker (answer read, classified);
- shown: the outcome label's next Paint event after ``CallService.call_finished``.

Baseline, interleaved round by round: a bare ``httpx.Client`` (same transport settings: no
keep-alive, one connect retry) sends the same GET from a QRunnable on a QThreadPool of 4,
and hands the answer back by a queued signal to a QLabel in a bare window.
"""

from __future__ import annotations

import functools
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from benchmarks.common import Aim, Figure, Status, SuiteResult, suite_main
from benchmarks.demo_window import open_demo_window
from benchmarks.qtkit import PaintWatcher, application, run_for, wait_until
from dialer_app.composition import Desk
from dialer_app.core.callerdesk.client import CallerDeskClient
from dialer_app.core.errors import InvalidNumber
from dialer_app.core.phone import normalise
from dialer_app.sandbox import DEMO_AUTHCODE, Sandbox
from dialer_app.sandbox.data import DESKPHONES, MEMBERS
from dialer_app.sandbox.server import Journal, Received

GROUP = "2. Click to wire"
ENDPOINT = "click_to_call_v3"
HISTORY_ROWS = 10_000
ROUND_TIMEOUT_MS = 10_000


class Stamps:
    """perf_counter_ns stamps by customer number, written from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.arrived: dict[str, int] = {}
        self.sending: dict[str, int] = {}
        self.answered: dict[str, int] = {}

    def put(self, table: dict[str, int], number: str) -> None:
        now = time.perf_counter_ns()
        with self._lock:
            table.setdefault(number, now)


def install_stamps(stamps: Stamps) -> Callable[[], None]:
    """Wrap the sandbox journal and the client's place_call; returns the undo."""
    original_record = Journal.record
    original_place = CallerDeskClient.place_call

    @functools.wraps(original_record)
    def record(self: Journal, item: Received) -> None:
        if item.endpoint == ENDPOINT:
            stamps.put(stamps.arrived, item.params.get("calling_party_a", ""))
        original_record(self, item)

    @functools.wraps(original_place)
    def place_call(self: CallerDeskClient, request: Any) -> Any:
        stamps.put(stamps.sending, request.customer_number)
        result = original_place(self, request)
        stamps.put(stamps.answered, request.customer_number)
        return result

    Journal.record = record  # type: ignore[method-assign]
    CallerDeskClient.place_call = place_call  # type: ignore[method-assign]

    def undo() -> None:
        Journal.record = original_record  # type: ignore[method-assign]
        CallerDeskClient.place_call = original_place  # type: ignore[method-assign]

    return undo


def customer_numbers() -> list[str]:
    """Valid, distinct Indian mobile numbers (distinct: no re-dial confirmation)."""
    numbers = []
    for i in range(1000):
        candidate = f"98{765_00000 + i * 37:08d}"[:10]
        try:
            numbers.append(normalise(candidate))
        except InvalidNumber:
            continue
    return list(dict.fromkeys(numbers))


# -- the baseline: a bare GET from a thread pool ---------------------------------------------
class _Relay(QObject):
    answered = Signal(object)


class _Get(QRunnable):
    def __init__(self, client: httpx.Client, params: dict[str, str], relay: _Relay, stamps: Stamps):
        super().__init__()
        self._client, self._params, self._relay, self._stamps = client, params, relay, stamps

    def run(self) -> None:
        number = self._params["calling_party_a"]
        try:
            response = self._client.get(ENDPOINT, params=self._params)
            body: object = response.content
        except httpx.HTTPError as exc:
            body = exc
        self._stamps.put(self._stamps.answered, number)
        self._relay.answered.emit(body)


class BareCaller(QObject):
    """The floor: httpx GET on a pool thread, answer shown in a QLabel by queued signal."""

    def __init__(self, base_url: str, stamps: Stamps) -> None:
        super().__init__()
        transport = httpx.HTTPTransport(retries=1, limits=httpx.Limits(max_keepalive_connections=0))
        self._client = httpx.Client(base_url=base_url, transport=transport, follow_redirects=False)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)
        self._relay = _Relay(self)
        self._relay.answered.connect(self._on_relay_answered)
        self._stamps = stamps
        self.window = QMainWindow()
        self.label = QLabel("Ready", self.window)
        self.label.resize(600, 40)
        self.window.resize(640, 120)
        self.window.show()
        self.watcher = PaintWatcher(self.label)
        self.done = True
        self._answers = 0
        member = next(m for m in MEMBERS if m.active)
        self._fixed = {
            "calling_party_b": member.num,
            "deskphone": DESKPHONES[0].deskphone,
            "call_from_did": "1",
            "authcode": DEMO_AUTHCODE,
        }

    def call(self, number: str) -> None:
        self.done = False
        params = {"calling_party_a": number, **self._fixed}
        self._pool.start(_Get(self._client, params, self._relay, self._stamps))

    @Slot(object)
    def _on_relay_answered(self, body: object) -> None:
        self._answers += 1  # a new text each time, or the label would not repaint
        self.label.setText(f"Answer {self._answers}: {str(body)[:60]}")
        self.watcher.arm()
        self.done = True

    def close(self) -> None:
        self._pool.waitForDone(5000)
        self._client.close()
        self.window.close()


# -- the app side ----------------------------------------------------------------------------
class AppCaller(QObject):
    """Presses Call in the real window and notes when the outcome is painted."""

    def __init__(self, parts: Desk) -> None:
        super().__init__()
        self.parts = parts
        self.watcher = PaintWatcher(parts.window.outcome_label)
        parts.calls.call_finished.connect(self._on_calls_call_finished)
        self.finished_ns = 0
        self.gui_ms = 0.0

    def call(self, number: str) -> int:
        """Type ``number``, press Call; returns the click's perf_counter_ns."""
        form = self.parts.window.form
        form.number_edit.setText(number)
        self.finished_ns = 0
        clicked = time.perf_counter_ns()
        form.call_button.click()
        self.gui_ms = (time.perf_counter_ns() - clicked) / 1e6
        return clicked

    @Slot(object)
    def _on_calls_call_finished(self, _attempt: object) -> None:
        # Connected after the window's own slot, so the outcome text is already set.
        self.finished_ns = time.perf_counter_ns()
        self.watcher.arm()

    @property
    def done(self) -> bool:
        return self.finished_ns > 0 and self.watcher.painted_ns > 0 and not self.parts.calls.busy


def _ms(a: int, b: int) -> float:
    return (b - a) / 1e6


def app_round(ours: AppCaller, stamps: Stamps, number: str) -> dict[str, float]:
    """One press of Call in the real window, and where its time went (ms)."""
    clicked = ours.call(number)
    wait_until(lambda: ours.done, ROUND_TIMEOUT_MS)
    arrived, answered = stamps.arrived.get(number, 0), stamps.answered.get(number, 0)
    sending, painted = stamps.sending.get(number, 0), ours.watcher.painted_ns
    return {
        "wire": _ms(clicked, arrived),
        "shown": _ms(answered, painted),
        "total": _ms(clicked, painted),
        "gui": ours.gui_ms,
        "pre": _ms(clicked, sending),
        "net": _ms(sending, arrived),
        "deliver": _ms(answered, ours.finished_ns),
        "render": _ms(ours.finished_ns, painted),
    }


def bare_round(bare: BareCaller, stamps: Stamps, number: str) -> dict[str, float]:
    """One bare GET from the pool, answered into a QLabel (ms)."""
    submitted = time.perf_counter_ns()
    bare.call(number)
    wait_until(lambda: bare.done and bare.watcher.painted_ns > 0, ROUND_TIMEOUT_MS)
    return {
        "wire": _ms(submitted, stamps.arrived.get(number, 0)),
        "shown": _ms(stamps.answered.get(number, 0), bare.watcher.painted_ns),
        "total": _ms(submitted, bare.watcher.painted_ns),
    }


@dataclass
class Samples:
    """Every kept round of the app and of the baseline, by figure, and the session's first."""

    ours: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    bare: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    first: dict[str, float] = field(default_factory=dict)

    def add(self, ours: dict[str, float], bare: dict[str, float]) -> None:
        for key, value in ours.items():
            self.ours[key].append(value)
        for key, value in bare.items():
            self.bare[key].append(value)


def measure(ours: AppCaller, bare: BareCaller, stamps: Stamps, rounds: int, warmup: int) -> Samples:
    """App and baseline round by round, each on a new number; the warm-up rounds dropped."""
    numbers = iter(customer_numbers())
    samples = Samples()
    for i in range(warmup + rounds):
        app_figures = app_round(ours, stamps, next(numbers))
        samples.first = samples.first or app_figures
        run_for(30)
        bare_figures = bare_round(bare, stamps, next(numbers))
        run_for(30)
        if i >= warmup:
            samples.add(app_figures, bare_figures)
    return samples


def run_session(rounds: int, warmup: int) -> Samples | None:
    """The real window and the bare caller against one sandbox; None if the lists never came."""
    stamps = Stamps()
    undo = install_stamps(stamps)
    try:
        with (
            tempfile.TemporaryDirectory(prefix="dialer-bench-") as tmp,
            Sandbox(call_seconds=0) as sandbox,
        ):
            parts, lists_in = open_demo_window(Path(tmp), HISTORY_ROWS, sandbox)
            if not lists_in:
                return None
            ours, bare = AppCaller(parts), BareCaller(sandbox.base_url, stamps)
            run_for(200)
            samples = measure(ours, bare, stamps, rounds, warmup)
            bare.close()
            parts.window.close()
            return samples
    finally:
        undo()


BARE = "bare httpx GET on a QThreadPool"
# key, app samples, label, baseline samples (with its label), aim
FIGURES: tuple[tuple[str, str, str, str, str, Aim], ...] = (
    ("to_wire", "wire", "Call → request read by the sandbox", "wire", f"{BARE}: submit → read",
     Aim.value(15, "ms")),
    ("outcome_shown", "shown", "Answer on the worker → outcome painted", "shown",
     f"{BARE}: answer → QLabel painted", Aim.value(16, "ms", "≤ 16 ms (one frame)")),
    ("total", "total", "Call → outcome painted (loopback)", "total",
     f"{BARE}: submit → painted", Aim.info()),
    ("gui_click", "gui", "GUI thread busy in the Call action itself", "", "",
     Aim.info("part of the above")),
    ("before_send", "pre", "Call → worker starts the HTTP request (write-ahead row)", "", "",
     Aim.info("part of the above")),
    ("http_send", "net", "Worker starts the HTTP request → sandbox has read it", "wire",
     f"{BARE}: submit → read", Aim.info()),
    ("deliver", "deliver", "Answer on the worker → call_finished handled on the GUI thread "
     "(row finished, window slot run)", "", "", Aim.info("part of outcome shown")),
    ("render", "render", "call_finished handled → outcome label painted", "", "",
     Aim.info("part of outcome shown")),
)  # fmt: skip


def figures(samples: Samples) -> list[Figure]:
    return [
        Figure(
            f"wire.{key}",
            GROUP,
            label,
            "ms",
            samples.ours[ours],
            base_label,
            samples.bare[base] if base else [],
            aim,
        )
        for key, ours, label, base, base_label, aim in FIGURES
    ]


def collect(quick: bool) -> SuiteResult:
    app = application()
    rounds, warmup = (10, 2) if quick else (30, 3)
    samples = run_session(rounds, warmup)
    del app
    if samples is None:
        note = "the lists never loaded"
        failed = Figure("wire.to_wire", GROUP, "Call → request at the sandbox", "ms",
                        status=Status.FAILED, note=note)  # fmt: skip
        return SuiteResult([failed])
    raw: dict[str, object] = {"first_call_of_session": samples.first, "rounds": rounds}
    return SuiteResult(figures(samples), raw={**raw, "warmup": warmup})


if __name__ == "__main__":
    raise SystemExit(suite_main(collect))
