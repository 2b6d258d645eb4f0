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
import html
import sqlite3
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from benchmarks.common import Aim, Figure, Status, SuiteResult, suite_main
from benchmarks.demo_window import open_demo_window
from benchmarks.qtkit import PaintWatcher, application, run_for, wait_until
from dialer_app.composition import Desk
from dialer_app.core.callerdesk.client import CallerDeskClient
from dialer_app.core.errors import InvalidNumber
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.phone import normalise
from dialer_app.sandbox import DEMO_AUTHCODE, Sandbox
from dialer_app.sandbox.data import DESKPHONES, MEMBERS
from dialer_app.sandbox.faults import Fault
from dialer_app.sandbox.server import Journal, Received
from dialer_app.ui.calling.ask_ahead import AskAhead
from dialer_app.ui.calling.call_flow import CallFlow
from dialer_app.ui.common.notice import Level, Notice

GROUP = "2. Click to wire"
ENDPOINT = "click_to_call_v3"
HISTORY_ROWS = 10_000
ROUND_TIMEOUT_MS = 10_000
AHEAD_TIMEOUT_MS = 5_000
DELAY_S = 0.150  # the far run: the sandbox answers every call and team request this late
DELAYED = ("click_to_call_v3", "call_list_v2", "live_call_v2")


class Stamps:
    """perf_counter_ns stamps by customer number, written from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.arrived: dict[str, int] = {}
        self.sending: dict[str, int] = {}
        self.answered: dict[str, int] = {}
        self.begin_ms: dict[str, float] = {}

    def put(self, table: dict[str, int], number: str) -> None:
        now = time.perf_counter_ns()
        with self._lock:
            table.setdefault(number, now)


def install_stamps(stamps: Stamps) -> Callable[[], None]:
    """Wrap the sandbox journal and the client's place_call; returns the undo."""
    original_record = Journal.record
    original_place = CallerDeskClient.place_call
    original_begin = HistoryStore.begin

    @functools.wraps(original_begin)
    def begin(self: HistoryStore, request: Any) -> int:
        started = time.perf_counter_ns()
        row_id = original_begin(self, request)
        stamps.begin_ms[request.customer_number] = _ms(started, time.perf_counter_ns())
        return row_id

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
    HistoryStore.begin = begin  # type: ignore[method-assign]

    def undo() -> None:
        HistoryStore.begin = original_begin  # type: ignore[method-assign]
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

    def __init__(self, parts: Desk, stamps: Stamps) -> None:
        super().__init__()
        self.parts = parts
        self.stamps = stamps
        self.calling = ""
        ahead = parts.window.findChild(AskAhead)
        assert isinstance(ahead, AskAhead)
        self.ahead = ahead
        flow = parts.window.findChild(CallFlow)
        assert isinstance(flow, CallFlow)
        self.label = parts.window.outcome_label
        self.label.installEventFilter(self)
        flow.notice.connect(self._on_flow_notice)
        parts.calls.call_finished.connect(self._on_calls_call_finished)
        self.finished_ns = 0
        self.outcome_ns = 0  # the outcome's notice handled (its text set, maybe painted)
        self.outcome_text = ""
        self.paints: list[tuple[int, str]] = []  # the label's paints since the click, its text
        self.gui_ms = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints.append((time.perf_counter_ns(), self.label.text()))
        return False

    @property
    def painted_ns(self) -> int:
        """When the label first painted the outcome's text (0: not yet)."""
        text = self.outcome_text
        return next((ns for ns, shown in self.paints if text and text in shown), 0)

    def call(self, number: str, *, typed_ahead: bool) -> int:
        """Type ``number``, press Call; returns the click's perf_counter_ns.

        ``typed_ahead``: the agent typed the number and pressed Return once the team's answer
        about it had arrived (asked while typing); else Call is pressed as the text lands."""
        form = self.parts.window.form
        form.number_edit.setText(number)
        if typed_ahead:
            member = form.selected_member()
            assert member is not None
            ready = wait_until(
                lambda: self.ahead.fresh(number, member.number, 120) is not None,
                AHEAD_TIMEOUT_MS,
            )
            assert ready, "the team's answer never came"
        self.finished_ns = self.outcome_ns = 0
        self.outcome_text, self.paints = "", []
        self.calling = number
        clicked = time.perf_counter_ns()
        form.call_button.click()
        self.gui_ms = (time.perf_counter_ns() - clicked) / 1e6
        return clicked

    @Slot(object)
    def _on_flow_notice(self, notice: Notice) -> None:
        # Connected after the window's own slot, so the outcome text is already set.
        answered = self.calling in self.stamps.answered  # else: the "Calling…" notice
        if self.outcome_ns or notice.level is Level.STATUS or not answered:
            return
        self.outcome_ns = time.perf_counter_ns()
        self.outcome_text = html.escape(notice.text, quote=False)

    @Slot(object)
    def _on_calls_call_finished(self, _attempt: object) -> None:
        self.finished_ns = time.perf_counter_ns()

    @property
    def done(self) -> bool:
        return self.finished_ns > 0 and self.painted_ns > 0 and not self.parts.calls.busy


def _ms(a: int, b: int) -> float:
    return (b - a) / 1e6


def app_round(
    ours: AppCaller, stamps: Stamps, number: str, *, typed_ahead: bool = True
) -> dict[str, float]:
    """One press of Call in the real window, and where its time went (ms)."""
    clicked = ours.call(number, typed_ahead=typed_ahead)
    wait_until(lambda: ours.done, ROUND_TIMEOUT_MS)
    arrived, answered = stamps.arrived.get(number, 0), stamps.answered.get(number, 0)
    sending, painted = stamps.sending.get(number, 0), ours.painted_ns
    return {
        "wire": _ms(clicked, arrived),
        "shown": _ms(answered, painted),
        "total": _ms(clicked, painted),
        "gui": ours.gui_ms,
        "pre": _ms(clicked, sending),
        "net": _ms(sending, arrived),
        "deliver": _ms(answered, ours.finished_ns),
        "render": _ms(answered, ours.outcome_ns),
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


class BareCommit:
    """The floor of the write-ahead row: one row committed by bare sqlite3 in the app's mode
    (WAL, ``synchronous = FULL``: fsync before the commit returns), in the same directory."""

    def __init__(self, directory: Path) -> None:
        self._conn = sqlite3.connect(directory / "bare-commit.sqlite3", isolation_level=None)
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")
        self._conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, number TEXT, at TEXT)")

    def commit(self, number: str) -> float:
        started = time.perf_counter_ns()
        self._conn.execute("INSERT INTO t (number, at) VALUES (?, datetime())", (number,))
        return _ms(started, time.perf_counter_ns())

    def close(self) -> None:
        self._conn.close()


def measure(
    ours: AppCaller, bare: BareCaller, floor: BareCommit, stamps: Stamps, rounds: int, warmup: int
) -> Samples:
    """App (number typed ahead, then pressed as typed) and baseline round by round, each on a
    new number; the warm-up rounds dropped."""
    numbers = iter(customer_numbers())
    samples = Samples()
    for i in range(warmup + rounds):
        number = next(numbers)
        app_figures = app_round(ours, stamps, number)
        app_figures["commit"] = stamps.begin_ms.get(number, 0.0)
        samples.first = samples.first or app_figures
        run_for(30)
        cold = app_round(ours, stamps, next(numbers), typed_ahead=False)
        app_figures.update({f"cold_{key}": value for key, value in cold.items()})
        run_for(30)
        bare_figures = bare_round(bare, stamps, next(numbers))
        bare_figures["commit"] = floor.commit(number)
        run_for(30)
        if i >= warmup:
            samples.add(app_figures, bare_figures)
    return samples


def run_session(rounds: int, warmup: int, delay: float) -> Samples | None:
    """The real window and the bare caller against one sandbox that answers ``delay`` s late;
    None if the lists never came."""
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
            for endpoint in DELAYED if delay else ():
                sandbox.inject(endpoint, Fault.SLOW, delay=delay, times=1_000_000)
            ours, bare = AppCaller(parts, stamps), BareCaller(sandbox.base_url, stamps)
            floor = BareCommit(Path(tmp))
            run_for(200)
            samples = measure(ours, bare, floor, stamps, rounds, warmup)
            floor.close()
            bare.close()
            parts.window.close()
            return samples
    finally:
        undo()


BARE = "bare httpx GET on a QThreadPool"
FAR = f" (sandbox answers after {DELAY_S * 1000:.0f} ms)"
COLD = ", pressed as the number lands (the team asked at the press)"
# key, app samples, label, baseline samples (with its label), aim
FIGURES: tuple[tuple[str, str, str, str, str, Aim], ...] = (
    ("to_wire", "wire", "Call → request read by the sandbox (number typed, then Return)",
     "wire", f"{BARE}: submit → read", Aim.ratio(3)),
    ("to_wire_cold", "cold_wire", "Call → request read by the sandbox" + COLD, "wire",
     f"{BARE}: submit → read", Aim.info()),
    ("outcome_shown", "shown", "Answer on the worker → outcome painted", "shown",
     f"{BARE}: answer → QLabel painted", Aim.value(16, "ms", "≤ 16 ms (one frame)")),
    ("total", "total", "Call → outcome painted (loopback)", "total",
     f"{BARE}: submit → painted", Aim.info()),
    ("gui_click", "gui", "GUI thread busy in the Call action itself", "", "",
     Aim.info("part of the above")),
    ("before_send", "pre", "Call → worker starts the HTTP request (write-ahead row)", "", "",
     Aim.info("part of the above")),
    ("commit", "commit", "… of which the write-ahead row's commit (WAL, synchronous FULL)",
     "commit", "bare sqlite3: one row committed, same mode and directory", Aim.info()),
    ("before_send_cold", "cold_pre", "Call → worker starts the HTTP request" + COLD, "", "",
     Aim.info()),
    ("http_send", "net", "Worker starts the HTTP request → sandbox has read it", "wire",
     f"{BARE}: submit → read", Aim.info()),
    ("deliver", "deliver", "Answer on the worker → call_finished handled on the GUI thread "
     "(row finished, window slot run)", "", "", Aim.info("after the outcome is shown")),
    ("render", "render", "Answer on the worker → outcome set and painted (notice handled)",
     "", "", Aim.info("part of outcome shown")),
)  # fmt: skip
FAR_FIGURES = ("to_wire", "to_wire_cold", "before_send", "before_send_cold", "total")


def figures(samples: Samples, prefix: str = "", suffix: str = "") -> list[Figure]:
    return [
        Figure(
            f"wire.{prefix}{key}",
            GROUP,
            label + suffix,
            "ms",
            samples.ours[ours],
            base_label,
            samples.bare[base] if base else [],
            aim if not prefix else Aim.info(),
        )
        for key, ours, label, base, base_label, aim in FIGURES
        if not prefix or key in FAR_FIGURES
    ]


def collect(quick: bool) -> SuiteResult:
    app = application()
    rounds, warmup = (10, 2) if quick else (30, 3)
    near = run_session(rounds, warmup, 0.0)
    far = run_session(max(rounds // 3, 5), 1, DELAY_S) if near is not None else None
    del app
    if near is None or far is None:
        note = "the lists never loaded"
        failed = Figure("wire.to_wire", GROUP, "Call → request at the sandbox", "ms",
                        status=Status.FAILED, note=note)  # fmt: skip
        return SuiteResult([failed])
    raw: dict[str, object] = {"first_call_of_session": near.first, "rounds": rounds}
    result = figures(near) + figures(far, "far_", FAR)
    return SuiteResult(result, raw={**raw, "warmup": warmup})


if __name__ == "__main__":
    raise SystemExit(suite_main(collect))
