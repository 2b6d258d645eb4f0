"""Call-down lists at scale: a 100,000-lead import, the GUI thread meanwhile, the panel, memory.

- Import: the app's own steps (read, check every number with the one parser, save) on a
  100,000-row CSV, against a baseline of reading the same file with ``csv`` and inserting the
  raw rows with ``executemany`` (what no import can beat).
- XLSX: python-calamine (the reader the app uses) against openpyxl in read-only mode, 100,000
  rows, each as text cells; openpyxl is measured only where it is installed.
- Responsiveness: the real window imports the file through its List menu path (progress
  dialog, preview, save) while a 5 ms heartbeat runs; baseline: the heartbeat alone.
- Panel: open the list (first rows painted) and scroll to its end, at 100,000 leads against
  1,000 (flat); memory after scrolling every page against after opening.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import TIMES, Aim, Figure, Status, SuiteResult, current_rss_mb, suite_main
from benchmarks.qtkit import Heartbeat, PaintWatcher, application, run_for, wait_until

GROUP = "6. Call-down lists"
BIG, SMALL = 100_000, 1_000


def write_leads(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Name", "Mobile", "City", "Amount"])
        for i in range(rows):
            number = f"9{i % 1_000_000_000:09d}" if i % 5 else f"+91 8{i % 1_000_000_000:09d}"
            writer.writerow([f"Lead {i}", number, "Pune", str(i % 9000)])
    return path


def write_xlsx(path: Path, rows: int) -> Path:
    import xlsxwriter  # type: ignore[import-untyped]

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Name", "Mobile", "City"])
    for i in range(rows):
        sheet.write_row(i + 1, 0, [f"Lead {i}", 9_000_000_000 + i, "Pune"])
    book.close()
    return path


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def import_once(source: Path, db: Path) -> float:
    from dialer_app.core.leads.model import build_preview
    from dialer_app.core.leads.read import read_table
    from dialer_app.core.leads.sqlite_store import SqliteLeadStore

    db.unlink(missing_ok=True)
    store = SqliteLeadStore(db)

    def work() -> None:
        preview = build_preview("big", source.name, read_table(source), lambda _n: False)
        store.create_list(preview)

    elapsed = _timed(work)
    store.close()
    return elapsed


def baseline_once(source: Path, db: Path) -> float:
    db.unlink(missing_ok=True)

    def work() -> None:
        with source.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE t (a, b, c, d)")
            conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows)

    return _timed(work)


def xlsx_readers(source: Path) -> tuple[float, float | None]:
    from dialer_app.core.leads.read import read_xlsx

    calamine = _timed(lambda: read_xlsx(source))
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        return calamine, None

    def with_openpyxl() -> None:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
        rows = [["" if v is None else str(v) for v in row] for row in book.active.values]
        book.close()
        assert rows

    return calamine, _timed(with_openpyxl)


def window_import(tmp: Path, source: Path) -> tuple[list[float], list[float], float]:
    """(gaps while importing, gaps idle, seconds of the import) through the real window."""
    from dialer_app.composition import assemble
    from dialer_app.core.compliance.purpose import Purpose
    from dialer_app.core.config import Paths
    from dialer_app.core.logsetup import Redactor

    tmp.mkdir(parents=True, exist_ok=True)
    parts = assemble(Paths(tmp / "window"), Redactor(), base_url=None)
    parts.window.show()
    parts.window.build_lists()  # what start() does after the first frame (no account here)
    run_for(300)
    lists = parts.window.lists
    assert lists is not None
    beat = Heartbeat()
    beat.start()
    run_for(1000)
    idle = beat.stop()
    beat.start()
    start = time.perf_counter()
    lists.files.import_file(source, Purpose.SERVICE)  # chosen for the agent, as --purpose does
    wait_until(lambda: lists.files.preview_dialog is not None, 60_000)
    dialog = lists.files.preview_dialog
    assert dialog is not None
    wait_until(lambda: dialog.importable, 60_000)
    dialog.accept()
    wait_until(lambda: lists.flow.lead is not None, 60_000)
    seconds = time.perf_counter() - start
    loaded = beat.stop()
    parts.window.close()
    parts.shutdown()
    return loaded, idle, seconds


def panel_figures(tmp: Path, size: int) -> dict[str, float]:
    """Open a list of ``size`` leads in the panel, scroll to its end; times and memory."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from dialer_app.core.leads.model import build_preview
    from dialer_app.core.leads.read import read_table
    from dialer_app.core.leads.sqlite_store import SqliteLeadStore
    from dialer_app.services.leads import LeadService
    from dialer_app.services.runner import Runner
    from dialer_app.ui.leads.panel import LeadListPanel

    db = tmp / f"panel-{size}.sqlite3"
    store = SqliteLeadStore(db)
    source = write_leads(tmp / f"panel-{size}.csv", size)
    made = store.create_list(build_preview("p", source.name, read_table(source), lambda _: False))
    assert made is not None
    runner = Runner()
    leads = LeadService(lambda: (store, ""), None, runner)
    panel = LeadListPanel(leads.page)
    panel.resize(700, 500)
    panel.show()
    run_for(100)
    watcher = PaintWatcher(panel.view.viewport())
    watcher.arm()
    start = time.perf_counter_ns()
    panel.model.show_list(made.list_id, store.count(made.list_id))
    wait_until(lambda: panel.model.lead_at(0) is not None, 5000)  # pages read on a worker
    wait_until(lambda: watcher.painted_ns > 0, 5000)
    opened = (watcher.painted_ns - start) / 1e6
    before = current_rss_mb()
    watcher.arm()
    start = time.perf_counter_ns()
    panel.view.setFocus()
    QTest.keyClick(panel.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: watcher.painted_ns > 0, 5000)
    scrolled = (watcher.painted_ns - start) / 1e6
    for row in range(0, size, 200):  # every page read once: the cache must stay bounded
        panel.model.lead_at(row)
        wait_until(lambda: panel.model.loading_done(), 5000)
    after = current_rss_mb()
    pages = panel.model.cached_pages()
    panel.close()
    runner.wait(5000)
    store.close()
    return {"open_ms": opened, "scroll_ms": scrolled, "rss_growth_mb": after - before,
            "cached_pages": float(pages)}  # fmt: skip


def collect(quick: bool) -> SuiteResult:
    application()
    repeats = 1 if quick else 3
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="dialer-bench-lists-") as name:
        tmp = Path(name)
        source = write_leads(tmp / "leads.csv", BIG)
        ours = [import_once(source, tmp / "lists.sqlite3") for _ in range(repeats)]
        base = [baseline_once(source, tmp / "raw.sqlite3") for _ in range(repeats)]
        figures.append(Figure(
            "lists.import.100k", GROUP, "Import 100,000 leads (read, check, save)", "ms",
            ours, "csv.reader + executemany of the raw rows", base,
            Aim.value(10_000, "ms", "≤ 10 s"),
        ))  # fmt: skip
        book = write_xlsx(tmp / "leads.xlsx", BIG)
        calamine, openpyxl = zip(*(xlsx_readers(book) for _ in range(repeats)), strict=True)
        xlsx = Figure("lists.xlsx.100k", GROUP, "Read a 100,000-row XLSX: python-calamine",
                      "ms", list(calamine), aim=Aim.info("chosen reader"))  # fmt: skip
        if all(value is not None for value in openpyxl):
            xlsx.baseline_label = "openpyxl, read-only mode"
            xlsx.baseline_samples = [float(v) for v in openpyxl if v is not None]
        else:
            xlsx.note = "openpyxl not installed: no comparison"
        figures.append(xlsx)
        rounds = [window_import(tmp / f"w{i}", source) for i in range(repeats)]
        figures.append(Figure(
            "lists.gui_gap", GROUP, "Longest GUI-thread gap while the window imports 100,000",
            "ms", [max(r[0]) for r in rounds], "heartbeat alone", [max(r[1]) for r in rounds],
            Aim.value(16, "ms", "≤ 16 ms"),
            note="the import took " + ", ".join(f"{r[2]:.1f}" for r in rounds) + " s",
        ))  # fmt: skip
        small, big = panel_figures(tmp, SMALL), panel_figures(tmp, BIG)
        for key, label in (("open_ms", "Open the list panel"), ("scroll_ms", "Scroll to the end")):
            figures.append(Figure(
                f"lists.{key.removesuffix('_ms')}.100k", GROUP, f"{label}, 100,000 leads", "ms",
                [big[key]], f"same at {SMALL:,} leads", [small[key]],
                Aim.ratio(2.0, f"≤ 2{TIMES} the 1k figure (flat)"),
            ))  # fmt: skip
        figures.append(Figure(
            "lists.memory.100k", GROUP, "Memory growth after reading every page, 100,000 leads",
            "MB", [big["rss_growth_mb"]], f"same at {SMALL:,} leads", [small["rss_growth_mb"]],
            Aim.value(20, "MB", "≤ 20 MB (bounded cache)"),
            note=f"{int(big['cached_pages'])} pages of 200 leads cached at the end",
        ))  # fmt: skip
    for figure in figures:
        if not figure.samples:
            figure.status = Status.FAILED
    return SuiteResult(figures)


def main() -> int:
    return suite_main(collect, sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
