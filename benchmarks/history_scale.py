"""Figure 4, history scale: open, scroll to the end, filter and export at 10k, 100k and 1M rows.

    python -m benchmarks.history_scale [--quick] [--out FILE]

Every measurement is a fresh process (``--child``) holding a QTableView in a shown window
(offscreen) and the history API as ``history_adapter`` finds it. The databases are made once
by ``history_data`` (direct sqlite3 bulk inserts into ``calls``) and cached. Sizes run
interleaved within each repeat; the 10,000-row run of the same repeat is the baseline:

- open, scroll: ratio to 10k ("flat" is at most 2x at 100x the rows);
- export: ratio to the 10k export scaled linearly (N/10k), so ≤ 1.25 means "no faster than
  linear";
- memory: peak RSS of the process after open, filter and export (and, separately, after
  scrolling to the end), against the 10k process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import (
    TIMES,
    Aim,
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


# -- child: one process, one size -------------------------------------------------------------
def child(rows: int, db: Path, out: Path, scroll_budget_s: float) -> None:
    from PySide6.QtWidgets import QMainWindow, QTableView

    from benchmarks import history_adapter as adapter
    from benchmarks.qtkit import application, run_for

    app = application()
    window = QMainWindow()
    view = QTableView()
    view.setObjectName("historyView")
    window.setCentralWidget(view)
    window.resize(1000, 640)
    window.show()
    run_for(50)
    result: dict[str, object] = {
        "rows": rows,
        "api": adapter.api_name(),
        "rss_start_mb": current_rss_mb(),
    }

    start = time.perf_counter()
    opened = adapter.open_history(db, view)
    view.viewport().repaint()
    result["open_ms"] = (time.perf_counter() - start) * 1000
    result["rss_open_mb"] = current_rss_mb()

    for name, text in FILTERS.items():
        start = time.perf_counter()
        shown = adapter.filter_history(opened, text)
        result[f"filter_{name}_ms"] = (
            None if shown is None else (time.perf_counter() - start) * 1000
        )
        result[f"filter_{name}_rows"] = shown
    adapter.filter_history(opened, "")

    with tempfile.TemporaryDirectory(prefix="dialer-bench-export-") as tmp:
        start = time.perf_counter()
        written = adapter.export_history(opened, Path(tmp) / "history.csv")
        result["export_ms"] = None if written is None else (time.perf_counter() - start) * 1000
        result["export_rows"] = written
    result["peak_before_scroll_mb"] = peak_rss_mb()

    start = time.perf_counter()
    loaded, complete = adapter.scroll_to_end(opened, scroll_budget_s)
    result["scroll_ms"] = (time.perf_counter() - start) * 1000
    result["scroll_rows"] = loaded
    result["scroll_complete"] = complete
    result["peak_after_scroll_mb"] = peak_rss_mb()
    out.write_text(json.dumps(result), encoding="utf-8")
    opened.store.close()
    window.close()
    del app


# -- parent -----------------------------------------------------------------------------------
def _run_child(rows: int, budget_s: float) -> dict[str, object]:
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
            str(budget_s),
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


def collect(quick: bool) -> SuiteResult:
    sizes = SIZES[:2] if quick else SIZES
    repeats = 2 if quick else 3
    budget_s = 5.0 if quick else 20.0
    runs: dict[int, list[dict[str, object]]] = {size: [] for size in sizes}
    result = SuiteResult()
    try:
        for size in sizes:  # make (or find) every database before timing anything
            cached_history(size)
        for _ in range(repeats):
            for size in sizes:
                runs[size].append(_run_child(size, budget_s))
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        result.figures = [
            Figure(
                "history.open",
                GROUP,
                "History scale",
                "ms",
                status=Status.FAILED,
                note=str(exc)[:300],
            )
        ]
        return result
    api = str(runs[BASE][0].get("api", ""))
    result.figures = _figures(runs, sizes, budget_s, api)
    if quick:
        result.figures.append(
            Figure(
                "history.skipped_1m",
                GROUP,
                "1,000,000 rows",
                "",
                status=Status.SKIPPED,
                note="left out by --quick",
            )
        )
    result.raw = {"api": api, "runs": {str(k): v for k, v in runs.items()}}
    return result


def _figures(
    runs: dict[int, list[dict[str, object]]], sizes: tuple[int, ...], budget_s: float, api: str
) -> list[Figure]:
    figures: list[Figure] = []
    base = runs[BASE]

    def add(
        key: str,
        label: str,
        unit: str,
        size: int,
        aim: Aim,
        *,
        scale: float = 1.0,
        baseline_label: str = "",
        note: str = "",
    ) -> None:
        samples = _values(runs[size], key)
        base_samples = _values(base, key)
        name = f"history.{key.removesuffix('_ms').removesuffix('_mb')}.{size}"
        full_label = f"{label}, {size:,} rows"
        if samples is None or base_samples is None:
            figures.append(
                pending(name, GROUP, full_label, unit, f"no such API yet (found: {api})", aim)
            )
            return
        if size == BASE:
            figures.append(
                Figure(name, GROUP, full_label, unit, samples, aim=Aim.info("baseline"), note=note)
            )
            return
        figures.append(
            Figure(
                name,
                GROUP,
                full_label,
                unit,
                samples,
                baseline_label or f"same at {BASE:,} rows",
                [b * scale for b in base_samples],
                aim,
                note=note,
            )
        )

    flat = Aim.ratio(2.0, f"≤ 2{TIMES} the 10k figure (flat)")
    for size in sizes:
        add("open_ms", "Open (store, recovery, first page, painted)", "ms", size, flat)
    for size in sizes:
        scrolled = runs[size]
        complete = all(bool(run.get("scroll_complete")) for run in scrolled)
        rows = int(str(scrolled[0].get("scroll_rows", 0)))
        note = "" if complete else f"stopped at the {budget_s:g} s budget with {rows:,} rows loaded"
        add(
            "scroll_ms",
            "Scroll to the last row (End until the oldest call shows)",
            "ms",
            size,
            flat,
            note=note,
        )
    for size in sizes:
        for name, text in FILTERS.items():
            add(
                f"filter_{name}_ms",
                f"Filter by {name.replace('_', ' ')} ({text!r}), first rows painted",
                "ms",
                size,
                Aim.info(),
            )
    for size in sizes:
        add(
            "export_ms",
            "Export all rows to CSV",
            "ms",
            size,
            Aim.ratio(1.25, f"≤ 1.25{TIMES} linear"),
            scale=size / BASE,
            baseline_label=f"{BASE:,}-row export {TIMES} {size // BASE} (linear)",
        )
    for size in sizes:
        add(
            "peak_before_scroll_mb",
            "Peak memory after open, filter, export",
            "MB",
            size,
            Aim.info(),
        )
    for size in sizes:
        add(
            "peak_after_scroll_mb", "Peak memory after scrolling to the end", "MB", size, Aim.info()
        )
    return figures


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        rows, db, out, budget = sys.argv[2:6]
        child(int(rows), Path(db), Path(out), float(budget))
        return 0
    return suite_main(collect)


if __name__ == "__main__":
    raise SystemExit(main())
