"""Figure 1, start-up: launch to window shown, to window populated, and peak memory.

    python -m benchmarks.startup [--quick] [--out FILE]

Each run is a fresh process with ``QT_QPA_PLATFORM=offscreen``: ``launch_app`` (the real
``dialer-app --demo`` on a fresh data directory holding a seeded history) against
``launch_floor`` (a bare PySide6 script showing an empty QMainWindow), interleaved and in
alternating order, after one discarded warm-up of each. Times run from just before
``Popen`` to the probe's marks (see ``launch_probe``); peak memory is the child's
``ru_maxrss`` from ``wait4``.

Then, for the diagnosis in the report: the milestones with resident memory, a sampled call
tree of the GUI thread up to the first frame (``startup_profile``), and what the app imports
that the floor does not (``python -X importtime``).
"""

from __future__ import annotations

import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import (
    Aim,
    Figure,
    Status,
    SuiteResult,
    Table,
    maxrss_to_mb,
    python_env,
    suite_main,
)
from benchmarks.history_data import copy_history
from benchmarks.launch_probe import OUT_ENV, T0_ENV
from benchmarks.startup_profile import tree_rows

GROUP = "1. Start-up"
FLOOR = "benchmarks.launch_floor"
APP = "benchmarks.launch_app"
PROFILE = "benchmarks.startup_profile"
SEEDED_ROWS = 10_000  # a few months of one agent's calls
FLOOR_LABEL = "bare PySide6 QMainWindow"
WIDGETS = "benchmarks.launch_widgets"
WIDGETS_LABEL = "same widgets, bare PySide6"


@dataclass
class Launch:
    """One child run: the probe's result and the process's peak memory."""

    probe: dict[str, object]
    peak_mb: float
    returncode: int
    stderr: str = ""
    marks: dict[str, float] = field(default_factory=dict)


def launch(
    module: str, args: list[str], *, python_flags: tuple[str, ...] = (), timeout_s: float = 60
) -> Launch:
    """Run ``python -m module args`` under the probe; time zero is just before Popen."""
    with tempfile.TemporaryDirectory(prefix="dialer-bench-") as tmp:
        out, err = Path(tmp) / "probe.json", Path(tmp) / "stderr.txt"
        env = python_env(**{OUT_ENV: str(out)})
        with err.open("wb") as stderr:
            env[T0_ENV] = str(time.monotonic_ns())
            proc = subprocess.Popen(
                [sys.executable, *python_flags, "-m", module, *args],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
            peak_mb = _wait_peak(proc, timeout_s)
        probe = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
        marks = probe.get("marks", {})
        assert isinstance(marks, dict)
        text = err.read_text(encoding="utf-8", errors="replace")
        return Launch(
            probe, peak_mb or float(probe.get("peak_rss_mb", 0.0)), proc.returncode, text, marks
        )


def _wait_peak(proc: subprocess.Popen[bytes], timeout_s: float) -> float:
    """Wait for the child; its peak RSS in MB from wait4 (0 where there is no wait4)."""
    if not hasattr(os, "wait4"):
        proc.wait(timeout_s)
        return 0.0
    killer = threading.Timer(timeout_s, proc.kill)
    killer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        killer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return maxrss_to_mb(usage.ru_maxrss)


def _app_dir(tmp: Path) -> Path:
    """A fresh data directory whose demo history holds SEEDED_ROWS calls."""
    copy_history(SEEDED_ROWS, tmp / "demo" / "history.sqlite3")
    return tmp


def _run_app() -> Launch:
    with tempfile.TemporaryDirectory(prefix="dialer-bench-data-") as tmp:
        return launch(APP, [str(_app_dir(Path(tmp)))])


def _check(run: Launch, needs: tuple[str, ...], what: str) -> None:
    missing = [name for name in needs if name not in run.marks]
    if run.returncode != 0 or missing or run.probe.get("timed_out"):
        tail = run.stderr.strip().splitlines()[-8:]
        raise RuntimeError(f"{what}: exit {run.returncode}, missing {missing}: {' | '.join(tail)}")


def measure(pairs: int) -> tuple[list[Launch], list[Launch], list[Launch]]:
    """``pairs`` interleaved (floor, same-widgets floor, app) rounds after one warm-up of
    each; the order rotates from round to round."""
    floors: list[Launch] = []
    widgets: list[Launch] = []
    apps: list[Launch] = []
    _run_app(), launch(FLOOR, []), launch(WIDGETS, [])  # warm the page cache; discarded
    for i in range(pairs):
        for which in (i % 3, (i + 1) % 3, (i + 2) % 3):
            if which == 0:
                run = launch(FLOOR, [])
                _check(run, ("shown",), "floor")
                floors.append(run)
            elif which == 1:
                run = launch(WIDGETS, [])
                _check(run, ("shown",), "same-widgets floor")
                widgets.append(run)
            else:
                run = _run_app()
                _check(run, ("shown", "populated"), "app")
                apps.append(run)
    return floors, widgets, apps


def widget_figures(widgets: list[Launch], apps: list[Launch]) -> list[Figure]:
    """The issue-14 aims: the app against a bare window with its own widgets."""
    shown = [r.marks["shown"] for r in widgets]
    return [
        Figure("startup.widgets.shown", GROUP,
               "Launch → main window shown, against the same widgets", "ms",
               [r.marks["shown"] for r in apps], f"{WIDGETS_LABEL}: shown", shown,
               Aim.ratio(1.3)),
        Figure("startup.widgets.populated", GROUP,
               "Launch → populated, against the same widgets shown", "ms",
               [r.marks["populated"] for r in apps], f"{WIDGETS_LABEL}: shown", shown,
               Aim.ratio(1.8)),
        Figure("startup.widgets.peak_memory", GROUP, "Peak memory, against the same widgets",
               "MB", [r.peak_mb for r in apps], f"{WIDGETS_LABEL}: peak RSS",
               [r.peak_mb for r in widgets], Aim.ratio(1.3)),
        Figure("startup.widgets.floor_gap", GROUP,
               "Same-widgets floor shown, against the empty window", "ms", shown,
               f"{FLOOR_LABEL}: shown", [], Aim.info("what the widgets cost")),
    ]  # fmt: skip


def figures(floors: list[Launch], apps: list[Launch]) -> list[Figure]:
    floor_shown = [r.marks["shown"] for r in floors]

    def marks(name: str) -> list[float]:
        return [r.marks[name] for r in apps]

    def timing(key: str, label: str, mark: str, aim: Aim) -> Figure:
        return Figure(
            f"startup.{key}",
            GROUP,
            label,
            "ms",
            marks(mark),
            f"{FLOOR_LABEL}: shown",
            floor_shown,
            aim,
        )

    return [
        timing("shown", "Launch → main window shown (first frame)", "shown", Aim.ratio(1.3)),
        timing(
            "populated",
            "Launch → populated (members, deskphones, history)",
            "populated",
            Aim.ratio(1.6),
        ),
        Figure(
            "startup.peak_memory",
            GROUP,
            "Peak memory (RSS) to populated",
            "MB",
            [r.peak_mb for r in apps],
            f"{FLOOR_LABEL}: peak RSS",
            [r.peak_mb for r in floors],
            Aim.ratio(1.5),
        ),
        Figure(
            "startup.qapplication",
            GROUP,
            "Launch → QApplication ready (interpreter + Qt)",
            "ms",
            marks("qapplication"),
            f"{FLOOR_LABEL}: same point",
            [r.marks["qapplication"] for r in floors],
            Aim.info("same in both"),
        ),
        timing("first_paint", "Launch → first paint event starts", "first_paint", Aim.info()),
        timing("members", "Launch → members listed", "members", Aim.info()),
        timing("deskphones", "Launch → deskphones listed", "deskphones", Aim.info()),
        timing(
            "history",
            f"Launch → history shown ({SEEDED_ROWS:,} rows stored)",
            "history",
            Aim.info(),
        ),
    ]


# -- diagnosis: step by step -------------------------------------------------------------------
def _rss_at(run: Launch, mark: str) -> float:
    found = run.probe.get("rss_mb")
    return float(found.get(mark, 0.0)) if isinstance(found, dict) else 0.0


MILESTONES = (
    ("QApplication ready", "qapplication"),
    ("main window Show event", "show_event"),
    ("first Paint event of the window", "first_paint"),
    ("first frame painted (shown)", "shown"),
    ("history rows in the table", "history"),
    ("deskphones in the combo", "deskphones"),
    ("members in the combo", "members"),
    ("populated", "populated"),
)


def milestone_table(floors: list[Launch], apps: list[Launch]) -> Table:
    """When each milestone came, and the resident memory then: app against floor."""

    def median(runs: list[Launch], mark: str, rss: bool) -> str:
        found = [(_rss_at(r, mark) if rss else r.marks[mark]) for r in runs if mark in r.marks]
        if not found:
            return ""
        return f"{statistics.median(found):.1f}" if rss else f"{statistics.median(found):.0f}"

    rows = [
        [
            label,
            median(apps, mark, False),
            median(apps, mark, True),
            median(floors, mark, False),
            median(floors, mark, True),
        ]
        for label, mark in MILESTONES
    ]
    return Table(
        "Start-up milestones (median ms since launch, resident MB then)",
        ["milestone", "app ms", "app RSS MB", "floor ms", "floor RSS MB"],
        rows,
        "From the same runs as the figures above. A milestone listed after 'shown' that came "
        "before it is work the app did before its first paint.",
    )


def profile_table(runs: int) -> tuple[Table, dict[str, object]]:
    """The GUI thread's time from launch to the first frame, as a sampled call tree."""
    merged: dict[tuple[str, ...], float] = defaultdict(float)
    shown: list[float] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="dialer-bench-data-") as tmp:
            run = launch(PROFILE, [str(_app_dir(Path(tmp)))])
        _check(run, ("shown",), "profile")
        shown.append(run.marks["shown"])
        profile = run.probe.get("profile", [])
        assert isinstance(profile, list)
        for path, ms in profile:
            merged[tuple(path)] += ms / runs
    rows = [
        [
            "(before the sampler: interpreter, PySide6, QApplication)",
            f"{statistics.median(r for r in shown) - sum(merged.values()):.1f}",
            "",
        ]
    ]
    rows += tree_rows(merged, min_ms=3.0)
    table = Table(
        "Where the GUI thread spends the time to the first frame (sampled, app frames only)",
        ["frame (· = called from the line above)", "ms incl.", "ms self"],
        rows,
        f"Mean of {runs} run(s) of benchmarks/startup_profile.py: the real main(), its main "
        "thread's stack sampled every millisecond until the first frame is painted, cut down "
        "to the app's frames and the first frame outside the app each one called ('import X' "
        "is a module being imported). Rows under 3 ms are left out. Rows named "
        "benchmarks.launch_probe are the probe's event filter (left out of the figures); the "
        "one right under _run_gui also holds the painting of the first frame, which the probe "
        "hands to the window inside its filter to time it.",
    )
    return table, {"profile_runs": runs, "profile_ms": [[list(k), v] for k, v in merged.items()]}


# -- diagnosis: imports ------------------------------------------------------------------------
@dataclass
class ImportNode:
    name: str
    self_us: int
    cumulative_us: int
    children: list[ImportNode] = field(default_factory=list)


def parse_importtime(text: str) -> list[ImportNode]:
    """The import tree of ``python -X importtime`` output (it prints children first)."""
    pending: dict[int, list[ImportNode]] = defaultdict(list)
    for line in text.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name_field = line.split(":", 1)[1].split("|", 2)
        depth = (len(name_field) - len(name_field.lstrip()) - 1) // 2
        node = ImportNode(name_field.strip(), int(self_us), int(cumulative))
        node.children = pending.pop(depth + 1, [])
        pending[depth].append(node)
    return pending.get(0, [])


def _walk(nodes: list[ImportNode]) -> list[tuple[str, ImportNode]]:
    """Every node with the module that imported it ("" for top-level imports)."""
    found: list[tuple[str, ImportNode]] = []
    stack = [("", n) for n in nodes]
    while stack:
        parent, node = stack.pop()
        found.append((parent, node))
        stack.extend((node.name, child) for child in node.children)
    return found


def import_table() -> tuple[Table, dict[str, object]]:
    """What the app imports that the floor does not, by who pulls it in."""
    texts: dict[str, str] = {}
    for module, args in ((FLOOR, []), (APP, ["<dir>"])):
        with tempfile.TemporaryDirectory(prefix="dialer-bench-data-") as tmp:
            real_args = [str(_app_dir(Path(tmp)))] if args else []
            run = launch(module, real_args, python_flags=("-X", "importtime"))
        texts[module] = run.stderr
    floor = {node.name for _, node in _walk(parse_importtime(texts[FLOOR]))}
    app_nodes = _walk(parse_importtime(texts[APP]))
    # Imports on worker threads interleave with the GUI thread's and can make a self time
    # negative in -X importtime's output: count those as zero.
    extra_self_ms = sum(max(0, n.self_us) for _, n in app_nodes if n.name not in floor) / 1000
    pulled = [
        (parent or "(at run time)", node)
        for parent, node in app_nodes
        if node.name not in floor
        and not node.name.startswith(("dialer_app", "benchmarks"))
        and (parent.startswith("dialer_app") or not parent)
    ]
    pulled.sort(key=lambda item: item[1].cumulative_us, reverse=True)
    rows = [
        [node.name, importer, f"{node.cumulative_us / 1000:.1f}"] for importer, node in pulled[:14]
    ]
    ours = sorted(
        (n for _, n in app_nodes if n.name.startswith("dialer_app")),
        key=lambda n: n.self_us,
        reverse=True,
    )
    rows += [[n.name, "(own module body)", f"{n.self_us / 1000:.1f}"] for n in ours[:4]]
    table = Table(
        "Imports the app pays for and the floor does not (python -X importtime, one run)",
        ["module", "imported by", "ms (incl. its own imports)"],
        rows,
        f"Modules the floor never imports cost {extra_self_ms:.0f} ms of import time in all "
        "(sum of self times; -X importtime inflates them somewhat). '(at run time)' is a module "
        "imported inside a function, possibly on a worker thread after the first paint.",
    )
    return table, {"importtime_app_only_self_ms": extra_self_ms}


def collect(quick: bool) -> SuiteResult:
    result = SuiteResult()
    try:
        floors, widgets, apps = measure(4 if quick else 10)
        result.figures = figures(floors, apps) + widget_figures(widgets, apps)
        result.figures[-1].baseline_samples = [r.marks["shown"] for r in floors]
        result.raw["probe_overhead_ms"] = [r.probe.get("filter_ms") for r in apps]
        result.raw["app_runs"] = [r.probe for r in apps]
        result.raw["floor_runs"] = [r.probe for r in floors]
        result.raw["widgets_runs"] = [r.probe for r in widgets]
        result.tables.append(milestone_table(floors, apps))
    except (RuntimeError, OSError, KeyError, ValueError) as exc:
        result.figures = [
            Figure(
                "startup.shown",
                GROUP,
                "Launch → main window shown",
                "ms",
                status=Status.FAILED,
                note=str(exc)[:300],
            )
        ]
        return result
    errors: list[str] = []
    builds: list[Callable[[], tuple[Table, dict[str, object]]]] = [
        functools.partial(profile_table, 1 if quick else 3),
        import_table,
    ]
    for build in builds:
        try:
            table, raw = build()
        except (RuntimeError, OSError, KeyError, ValueError) as exc:
            errors.append(str(exc)[:300])
            continue
        result.tables.append(table)
        result.raw.update(raw)
    result.raw["diagnosis_errors"] = errors
    return result


if __name__ == "__main__":
    raise SystemExit(suite_main(collect))
