"""Figure 4, history scale: open, End, a jump, a scroll, filters and export at 10k, 100k, 1M rows.

    python -m benchmarks.history_scale [--quick] [--out FILE]

Every measurement is a fresh process (``--child``) holding a QTableView in a shown window
(offscreen) over the app's windowed ``HistoryModel`` and ``HistoryService``
(``history_view``): each step done as the agent does it and waited for until every row in
view is read and painted. The databases are made once by ``history_data`` (direct sqlite3
bulk inserts into ``calls``) and cached. Sizes run interleaved within each repeat:

- End and the jump: against the same step on a bare QTableView over a constant model of the
  same size, in the same process (the painting alone), and held to 100 ms / 50 ms;
- open: ratio to 10k ("flat" is at most 2x at 100x the rows);
- export: ratio to the 10k export scaled linearly (N/10k), so ≤ 1.25 means "no faster than
  linear"; at 1M rows held to 8 s;
- memory: peak RSS after open, filters, End, the jump and the scroll, against 10k (≤ 1.1x).
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import (
    TIMES,
    Aim,
    AimKind,
    Figure,
    Status,
    SuiteResult,
    current_rss_mb,
    peak_rss_mb,
    pending,
    python_env,
    suite_main,
)
from benchmarks.history_data import cached_history

GROUP = "4. History scale"
SIZES = (10_000, 100_000, 1_000_000)
BASE = SIZES[0]
# A common number prefix, a common member name, and a name no row has (the worst case).
FILTERS = {"number": "98", "name": "Priya", "name_no_match": "Zed"}
API = "HistoryService.open_window/page_at on a worker, HistoryModel (windowed)"
SCROLL_ROWS = 1000


# -- child: one process, one size -------------------------------------------------------------
def child(rows: int, db: Path, out: Path) -> None:
    from benchmarks.history_view import BareTable, HistoryUnderTest
    from benchmarks.qtkit import application, wait_until

    app = application()
    history = HistoryUnderTest(db)
    result: dict[str, object] = {"rows": rows, "api": API, "rss_start_mb": current_rss_mb()}
    start = time.perf_counter()
    history.open()
    result["open_ms"] = (time.perf_counter() - start) * 1000
    history.wait_counted()
    result["counted_ms"] = (time.perf_counter() - start) * 1000
    result["rss_open_mb"] = current_rss_mb()
    for name, text in FILTERS.items():
        result[f"filter_{name}_ms"] = _timed(functools.partial(history.filter, text))
        history.wait_counted()
        result[f"filter_{name}_rows"] = history.model.rowCount()
    history.filter("")
    history.wait_counted()
    bare = BareTable(rows, history.model.columnCount())
    result["bare_end_ms"] = _timed(bare.end)
    result["bare_jump_ms"] = _timed(functools.partial(bare.jump, rows // 2))
    bare.close()
    result["end_ms"] = _timed(history.end)
    if not wait_until(lambda: history.model.marked or rows < 20_000, 60_000):
        raise TimeoutError("the marks never arrived")
    result["jump_ms"] = _timed(functools.partial(history.jump, rows // 2))
    start = time.perf_counter()
    result["scroll_worst_ms"] = history.scroll(SCROLL_ROWS)
    result["scroll_ms"] = (time.perf_counter() - start) * 1000
    model = history.model  # rows held in memory: the others are read when shown
    result["cached_rows"] = sum(model.loaded_row(i) is not None for i in range(model.rowCount()))
    result["peak_browse_mb"] = peak_rss_mb()
    with tempfile.TemporaryDirectory(prefix="dialer-bench-export-") as tmp:
        start = time.perf_counter()
        result["export_rows"] = history.export(Path(tmp) / "history.csv")
        result["export_ms"] = (time.perf_counter() - start) * 1000
        if rows <= XLSX_UP_TO:
            start = time.perf_counter()
            history.export(Path(tmp) / "history.xlsx")
            result["xlsx_ms"] = (time.perf_counter() - start) * 1000
    result["peak_after_export_mb"] = peak_rss_mb()
    out.write_text(json.dumps(result), encoding="utf-8")
    history.close()
    del app


def _timed(action: Callable[[], object]) -> float:
    """How long ``action()`` took, in ms."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


# -- parent -----------------------------------------------------------------------------------
def _run_child(rows: int) -> dict[str, object]:
    db = cached_history(rows)
    with tempfile.TemporaryDirectory(prefix="dialer-bench-") as tmp:
        out = Path(tmp) / "result.json"
        command = [
            sys.executable,
            "-m",
            "benchmarks.history_scale",
            "--child",
            str(rows),
            str(db),
            str(out),
        ]
        done = subprocess.run(
            command, env=python_env(), capture_output=True, text=True, timeout=900, check=False
        )
        if done.returncode != 0 or not out.exists():
            tail = " | ".join(done.stderr.strip().splitlines()[-6:])
            raise RuntimeError(f"{rows:,} rows: exit {done.returncode}: {tail}")
        data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _values(runs: list[dict[str, object]], key: str) -> list[float] | None:
    found = [run.get(key) for run in runs]
    if any(value is None for value in found):
        return None
    return [float(value) for value in found]  # type: ignore[arg-type]


Runs = dict[int, list[dict[str, object]]]  # the children's results, by size


def measure(sizes: tuple[int, ...], repeats: int) -> Runs:
    """Every size once per repeat, interleaved, after making (or finding) every database."""
    for size in sizes:
        cached_history(size)
    runs: Runs = {size: [] for size in sizes}
    for _ in range(repeats):
        for size in sizes:
            runs[size].append(_run_child(size))
    return runs


def collect(quick: bool) -> SuiteResult:
    sizes = SIZES[:2] if quick else SIZES
    try:
        runs = measure(sizes, 2 if quick else 3)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        note = str(exc)[:300]
        failed = Figure("history.open", GROUP, "History scale", "ms", status=Status.FAILED)
        failed.note = note
        return SuiteResult([failed])
    api = str(runs[BASE][0].get("api", ""))
    figures = _figures(runs, sizes, api)
    if quick:
        note = "left out by --quick"
        skipped = Figure("history.skipped_1m", GROUP, "1,000,000 rows", "", status=Status.SKIPPED)
        skipped.note = note
        figures.append(skipped)
    return SuiteResult(figures, raw={"api": api, "runs": {str(k): v for k, v in runs.items()}})


@dataclass(frozen=True)
class Measured:
    """One measured quantity of the children, at every size."""

    key: str  # the child's result key, e.g. "open_ms"
    label: str
    unit: str
    aim: Aim
    linear: bool = False  # judged against the 10k figure scaled by N/10k
    floor: str = ""  # the child's key of a same-process floor, shown as the baseline
    floor_label: str = "bare QTableView, constant model, same size (painting alone)"


FLAT = Aim.ratio(2.0, f"≤ 2{TIMES} the 10k figure (flat)")
NEAR_QT = Aim.ratio(1.3, f"≤ 1.3{TIMES} bare QTableView")
XLSX_UP_TO = 1_000_000  # rows (every size since the sheet writer of our own)
# In table order: each group at every size in turn.
MEASURED = (
    (Measured("open_ms", "Open (store, recovery, first page, painted)", "ms", FLAT),),
    (Measured("counted_ms", "Open until every row is counted (scroll bar full length)", "ms",
              Aim.info()),),
    (Measured("end_ms", "End: the last rows read and painted", "ms",
              NEAR_QT, floor="bare_end_ms"),),
    (Measured("jump_ms", "Jump to the middle: its rows read and painted", "ms",
              NEAR_QT, floor="bare_jump_ms"),),
    (Measured("scroll_ms", f"Scroll {SCROLL_ROWS:,} rows from the middle (3 a step, each painted)",
              "ms", Aim.info()),),
    (Measured("scroll_worst_ms", "… its longest step (rows read and painted)", "ms",
              Aim.info("context (a frame is 16 ms)")),),
    tuple(
        Measured(f"filter_{name}_ms",
                 f"Filter by {name.replace('_', ' ')} ({text!r}), first rows painted", "ms",
                 Aim.info())
        for name, text in FILTERS.items()
    ),
    (Measured("export_ms", "Export all rows to CSV", "ms",
              Aim.ratio(1.25, f"≤ 1.25{TIMES} linear"), linear=True),),
    (Measured("xlsx_ms", "Export all rows to XLSX", "ms", Aim.ratio(2.0, f"≤ 2{TIMES} CSV"),
              floor="export_ms", floor_label="CSV export of the same rows, same process"),),
    (Measured("peak_browse_mb", "Peak memory after open, filters, End, jump, scroll", "MB",
              Aim.ratio(1.1, f"≤ 1.1{TIMES} the 10k figure")),),
    (Measured("peak_after_export_mb", "Peak memory after the export too", "MB", Aim.info()),),
)  # fmt: skip
EXPORT_1M = Aim.value(8000, "ms", "≤ 8 s")


def _figures(runs: Runs, sizes: tuple[int, ...], api: str) -> list[Figure]:
    return [
        _figure(runs, measured, size, api, "")
        for group in MEASURED
        for size in sizes
        for measured in group
        if measured.key != "xlsx_ms" or size <= XLSX_UP_TO
    ]


def _figure(runs: Runs, measured: Measured, size: int, api: str, note: str) -> Figure:
    """``measured`` at ``size`` against the 10k run of the same repeat (or pending)."""
    samples, base_samples = _values(runs[size], measured.key), _values(runs[BASE], measured.key)
    name = f"history.{measured.key.removesuffix('_ms').removesuffix('_mb')}.{size}"
    label, unit = f"{measured.label}, {size:,} rows", measured.unit
    if samples is None or base_samples is None:
        return pending(name, GROUP, label, unit, f"no such API yet (found: {api})", measured.aim)
    if measured.floor:
        floor = _values(runs[size], measured.floor) or []
        return Figure(name, GROUP, label, unit, samples, measured.floor_label, floor, measured.aim)
    if size == BASE and measured.aim.kind != AimKind.VALUE_MAX:
        return Figure(name, GROUP, label, unit, samples, aim=Aim.info("baseline"), note=note)
    if size == BASE:
        return Figure(name, GROUP, label, unit, samples, aim=measured.aim, note=note)
    scale, base_label = 1.0, f"same at {BASE:,} rows"
    aim = measured.aim
    if measured.linear:
        scale, base_label = size / BASE, f"{BASE:,}-row export {TIMES} {size // BASE} (linear)"
        aim = EXPORT_1M if size == 1_000_000 else aim
    baseline = [b * scale for b in base_samples]
    return Figure(name, GROUP, label, unit, samples, base_label, baseline, aim, note=note)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        rows, db, out = sys.argv[2:5]
        child(int(rows), Path(db), Path(out))
        return 0
    return suite_main(collect)


if __name__ == "__main__":
    raise SystemExit(main())
