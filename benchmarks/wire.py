"""Figure 2, click to wire: Call action → request at the sandbox → outcome painted.

    python -m benchmarks.wire [--quick] [--out FILE]

The real window (``assemble()`` in demo wiring, offscreen) against the built-in sandbox on
loopback, in this process like ``dialer-app --demo``. Each round types a new customer
number (so no re-dial confirmation), stamps the time, presses Call (``click()``), and waits
for the outcome label to repaint. Three timestamps come from wrappers installed in this
benchmark process only (the app's files are untouched):

- arrival: ``Journal.record`` of the sandbox, called when it has read a request;
- response: ``CallerDeskClient.place_call`` returning on the worker (answer read, classified);
- shown: the outcome label's next Paint event after ``Dialer.call_finished``.

Baseline, interleaved round by round: a bare ``httpx.Client`` (same transport settings: no
keep-alive, one connect retry) sends the same GET from a QRunnable on a QThreadPool of 4,
and hands the answer back by a queued signal to a QLabel in a bare window.
"""

from __future__ import annotations

import functools
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from benchmarks.common import Aim, Figure, Status, SuiteResult, suite_main
from benchmarks.demo_window import open_demo_window
from benchmarks.qtkit import PaintWatcher, application, run_for, wait_until
from dialer_app.composition import Desk
from dialer_app.core.client import CallerDeskClient
from dialer_app.core.errors import InvalidNumber
from dialer_app.core.phone import normalise
from dialer_app.sandbox import DEMO_AUTHCODE, Sandbox
from dialer_app.sandbox.data import DESKPHONES, MEMBERS
from dialer_app.sandbox.server import Journal, Received

GROUP = "2. Click to wire"
ENDPOINT = "click_to_call_v3"
HISTORY_ROWS = 10_000


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
        parts.calls.call_finished.connect(self._on_dialer_call_finished)
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
    def _on_dialer_call_finished(self, _report: object) -> None:
        # Connected after the window's own slot, so the outcome text is already set.
        self.finished_ns = time.perf_counter_ns()
        self.watcher.arm()

    @property
    def done(self) -> bool:
        return self.finished_ns > 0 and self.watcher.painted_ns > 0 and not self.parts.calls.busy


def _ms(a: int, b: int) -> float:
    return (b - a) / 1e6


def collect(quick: bool) -> SuiteResult:
    app = application()
    rounds, warmup = (10, 2) if quick else (30, 3)
    stamps = Stamps()
    undo = install_stamps(stamps)
    numbers = iter(customer_numbers())
    samples: dict[str, list[float]] = {
        k: [] for k in ("wire", "shown", "total", "gui", "pre", "net", "deliver", "render")
    }
    base: dict[str, list[float]] = {k: [] for k in ("wire", "shown", "total")}
    first: dict[str, float] = {}
    result = SuiteResult()
    with (
        tempfile.TemporaryDirectory(prefix="dialer-bench-") as tmp,
        Sandbox(call_seconds=0) as sandbox,
    ):
        parts, lists_in = open_demo_window(Path(tmp), HISTORY_ROWS, sandbox)
        if not lists_in:
            return SuiteResult(
                [
                    Figure(
                        "wire.to_wire",
                        GROUP,
                        "Call → request at the sandbox",
                        "ms",
                        status=Status.FAILED,
                        note="the lists never loaded",
                    )
                ]
            )
        ours, bare = AppCaller(parts), BareCaller(sandbox.base_url, stamps)
        run_for(200)
        for i in range(warmup + rounds):
            number = next(numbers)
            clicked = ours.call(number)
            wait_until(lambda: ours.done, 10_000)
            arrived, answered = stamps.arrived.get(number, 0), stamps.answered.get(number, 0)
            sending = stamps.sending.get(number, 0)
            figures = {
                "wire": _ms(clicked, arrived),
                "shown": _ms(answered, ours.watcher.painted_ns),
                "total": _ms(clicked, ours.watcher.painted_ns),
                "gui": ours.gui_ms,
                "pre": _ms(clicked, sending),
                "net": _ms(sending, arrived),
                "deliver": _ms(answered, ours.finished_ns),
                "render": _ms(ours.finished_ns, ours.watcher.painted_ns),
            }
            if i == 0:
                first = figures
            run_for(30)
            number = next(numbers)
            submitted = time.perf_counter_ns()
            bare.call(number)
            wait_until(lambda: bare.done and bare.watcher.painted_ns > 0, 10_000)
            bare_figures = {
                "wire": _ms(submitted, stamps.arrived.get(number, 0)),
                "shown": _ms(stamps.answered.get(number, 0), bare.watcher.painted_ns),
                "total": _ms(submitted, bare.watcher.painted_ns),
            }
            run_for(30)
            if i < warmup:
                continue
            for key, value in figures.items():
                samples[key].append(value)
            for key, value in bare_figures.items():
                base[key].append(value)
        bare.close()
        parts.window.close()
    undo()
    del app
    bare_label = "bare httpx GET on a QThreadPool"
    result.figures = [
        Figure(
            "wire.to_wire",
            GROUP,
            "Call → request read by the sandbox",
            "ms",
            samples["wire"],
            f"{bare_label}: submit → read",
            base["wire"],
            Aim.value(15, "ms"),
        ),
        Figure(
            "wire.outcome_shown",
            GROUP,
            "Answer on the worker → outcome painted",
            "ms",
            samples["shown"],
            f"{bare_label}: answer → QLabel painted",
            base["shown"],
            Aim.value(16, "ms", "≤ 16 ms (one frame)"),
        ),
        Figure(
            "wire.total",
            GROUP,
            "Call → outcome painted (loopback)",
            "ms",
            samples["total"],
            f"{bare_label}: submit → painted",
            base["total"],
            Aim.info(),
        ),
        Figure(
            "wire.gui_click",
            GROUP,
            "GUI thread busy in the Call action itself",
            "ms",
            samples["gui"],
            aim=Aim.info("part of the above"),
        ),
        Figure(
            "wire.before_send",
            GROUP,
            "Call → worker starts the HTTP request (write-ahead row)",
            "ms",
            samples["pre"],
            aim=Aim.info("part of the above"),
        ),
        Figure(
            "wire.http_send",
            GROUP,
            "Worker starts the HTTP request → sandbox has read it",
            "ms",
            samples["net"],
            f"{bare_label}: submit → read",
            base["wire"],
            Aim.info(),
        ),
        Figure(
            "wire.deliver",
            GROUP,
            "Answer on the worker → call_finished handled on the GUI thread (row finished, "
            "window slot run)",
            "ms",
            samples["deliver"],
            aim=Aim.info("part of outcome shown"),
        ),
        Figure(
            "wire.render",
            GROUP,
            "call_finished handled → outcome label painted",
            "ms",
            samples["render"],
            aim=Aim.info("part of outcome shown"),
        ),
    ]
    result.raw = {"first_call_of_session": first, "rounds": rounds, "warmup": warmup}
    return result


if __name__ == "__main__":
    raise SystemExit(suite_main(collect))
