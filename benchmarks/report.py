"""Turn the suites' results into docs/benchmarks.md (tables) and docs/benchmarks.json (raw)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.common import DASH, TIMES, Figure, Spread, Status, SuiteResult, Table

METHOD = {
    "startup": (
        "Fresh processes, `QT_QPA_PLATFORM=offscreen`, time zero just before `Popen`. The app is "
        "`dialer-app --demo` (real `main()`, nothing patched) on a fresh data directory whose "
        "demo history holds 10,000 calls; the floor is a bare PySide6 script that shows an empty "
        "QMainWindow. The probe (`benchmarks/launch_probe.py`) marks *shown* when the window "
        "event that painted the first frame has been handled, and *populated* when the member "
        "and deskphone combos and the history table all hold rows. Peak memory is the child's "
        "`ru_maxrss` (`wait4`). A second floor, `benchmarks/launch_widgets.py`, shows the same "
        "widgets as the main window in bare PySide6 (no app code): the `startup.widgets.*` "
        "figures hold the app to it. App and floor runs take turns, after one discarded "
        "warm-up each. "
        "The tables below diagnose where the time goes; the sampled tree runs the real "
        "`main()` too (`benchmarks/startup_profile.py`)."
    ),
    "peers": (
        "`benchmarks/peers.py`: `dialer-app --demo` from source against twinkle and "
        "linphone-desktop (when installed; never by CI), each started alone in a private Xvfb "
        "with a fresh HOME (the peers in a D-Bus session of their own) until its first window "
        "is mapped (xdotool, polled every 20 ms), taking turns after a discarded warm-up."
    ),
    "wire": (
        "The real window (`assemble()`, demo wiring) and the sandbox in one process, as in "
        "`--demo`, 10,000 calls in the history. Each round types a new number and calls "
        "`click()` on the Call button. Arrival is stamped by wrapping the sandbox's "
        "`Journal.record`, the answer by wrapping `CallerDeskClient.place_call` (benchmark "
        "process only), *shown* by the outcome label's next Paint event. The baseline, "
        "interleaved round by round, is a bare `httpx.Client` GET (same transport settings) "
        "from a QRunnable on a 4-thread QThreadPool, answered into a QLabel by queued signal."
    ),
    "responsiveness": (
        "A 5 ms `PreciseTimer` on the GUI thread of the real window; the figure is the longest "
        "gap between ticks per round. Loaded rounds start a 3 s slow call (`Fault.SLOW`), a "
        "members refresh, a keyring read (`KeyService`, the machine's default backend) and a "
        "history filter together; baseline rounds run the heartbeat alone, interleaved. The "
        "single-load rows run once each, the keyring first (cold backend discovery)."
    ),
    "history_scale": (
        "A fresh process per size and repeat, holding a shown QTableView (1000 by 640, offscreen) "
        "over the app's windowed `HistoryModel` and `HistoryService` "
        "(`benchmarks/history_view.py`). Each step is done as the agent does it (End: "
        "`scrollToBottom`; a jump: `scrollTo` the middle row; the wheel: the scroll bar 3 rows "
        "a step) and lasts until every row in view is read and painted. End and the jump sit "
        "beside the same step on a bare QTableView over a constant model of as many rows and "
        "columns in the same process (the painting alone); the jump is taken once the marks "
        "are known. Databases are made by direct sqlite3 bulk inserts "
        "(`benchmarks/history_data.py`) and cached in the temp directory. Other baselines are "
        "the 10,000-row run of the same repeat; export is judged against that run scaled "
        "linearly (and at 1M rows against 8 s)."
    ),
    "lists": (
        "`benchmarks/lists.py`, one process. *Import*: the app's own read (`core/leads/read.py`), "
        "check (every number through `core/phone.py`) and save "
        "(`SqliteLeadStore.create_list`) of a "
        "100,000-row semicolon CSV with a BOM, against `csv.reader` plus `executemany` of the raw "
        "rows into a bare table. *XLSX*: 100,000 rows read as text by python-calamine (the "
        "app's reader) against openpyxl `read_only=True` when installed. *GUI gap*: the real "
        "window (`assemble()`, no account) imports the file through `LeadListFiles` (progress "
        "dialog, preview accepted, save, first lead filled in) under a 5 ms `PreciseTimer`; "
        "baseline: one second of the heartbeat alone. *Panel*: a shown `LeadListPanel` over "
        "`SqliteLeadStore` (pages read on workers through `LeadService`); open is "
        "`show_list` to the viewport's next Paint, scroll is Ctrl+End to "
        "the next Paint, memory is RSS after reading every page against after opening; "
        "baselines the same at 1,000 leads."
    ),
    "packaged": (
        "`benchmarks/packaged.py` (owned by packaging): the PyInstaller one-dir build against "
        "the same app from source, window mapped in a private Xvfb (xdotool, ~25 ms "
        "resolution), alternating."
    ),
    "supervisor": (
        "`benchmarks/supervisor.py`, one process, a throwaway PostgreSQL cluster: 50 lists of "
        "200 leads and 200 agents; a writer thread changes an agent's state every 10 ms and "
        "writes an attempt and a lead's status every 50 ms (LISTEN `dialer_watch` announces "
        "each). The real `SupervisorWindow` (its feed on its own thread, reads on workers) is "
        "shown offscreen on Agents at 1366 by 720 under a 5 ms `PreciseTimer` on the GUI "
        "thread; baseline: the same window with the writer stopped, alternating rounds. The "
        "snapshot figure times the window's slot that puts one snapshot into its models."
    ),
}


def _number(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f}" if abs(value) < 100 else f"{value:,.0f}"
    if unit == "MB":
        return f"{value:.1f}"
    return f"{value:.3g}"


def _with_unit(found: Spread | None, unit: str) -> str:
    return "" if found is None else f"{_number(found.median, unit)} {unit}".strip()


def _spread(found: Spread | None, unit: str) -> str:
    if found is None:
        return ""
    if found.count == 1:
        return "1 run"
    return f"{_number(found.low, unit)}{DASH}{_number(found.high, unit)} (n={found.count})"


def _ratio(figure: Figure) -> str:
    found = figure.ratio
    if found is None:
        return ""
    if found.count <= 1 or found.low == found.high:
        return f"{found.median:.2f}{TIMES}"
    return f"{found.median:.2f}{TIMES} ({found.low:.2f}{DASH}{found.high:.2f})"


def _verdict(figure: Figure) -> str:
    verdict = figure.verdict
    return {"met": "✅ met", "missed": "❌ missed"}.get(verdict, verdict)


def figure_rows(figures: list[Figure]) -> list[str]:
    lines = [
        f"| Figure | Median | Spread (min{DASH}max) | Baseline (median) | Ratio (spread) "
        "| Aim | Verdict |",
        "| --- | ---: | ---: | --- | ---: | --- | --- |",
    ]
    for f in figures:
        if f.status is not Status.OK:
            value = f"*{f.status.value}*"
            lines.append(f"| {f.label} | {value} |  |  |  | {f.aim.text} | {f.status.value} |")
            continue
        base = f.baseline
        baseline = f"{f.baseline_label}: {_with_unit(base, f.unit)}" if base else ""
        lines.append(
            f"| {f.label} | {_with_unit(f.value, f.unit)} | {_spread(f.value, f.unit)} | "
            f"{baseline} | {_ratio(f)} | {f.aim.text} | {_verdict(f)} |"
        )
    return lines


def table_lines(table: Table) -> list[str]:
    lines = [f"#### {table.title}", ""]
    lines.append("| " + " | ".join(table.columns) + " |")
    lines.append(
        "| " + " | ".join("---" if i == 0 else "---:" for i in range(len(table.columns))) + " |"
    )
    lines += ["| " + " | ".join(row) + " |" for row in table.rows]
    if table.note:
        lines += ["", table.note]
    return [*lines, ""]


def _measured_apart(document: dict[str, object], entry: dict[str, object]) -> str:
    """ ", measured …" when a suite kept from an earlier ``--only`` run differs from the header."""
    git = entry.get("git")
    if entry.get("ran_at") == document["generated"] or not isinstance(git, dict):
        return ""
    dirty = " with changes to dialer_app/" if git.get("dirty") else ""
    mode = ", --quick" if entry.get("quick") else ""
    return f"; measured {entry.get('ran_at')} at commit `{git.get('commit')}`{dirty}{mode}"


def markdown(document: dict[str, object], results: dict[str, SuiteResult]) -> str:
    machine = document["machine"]
    git = document["git"]
    assert isinstance(machine, dict)
    assert isinstance(git, dict)
    mode = "a quick" if document.get("quick") else "a full"
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `{document['command']}` on {document['generated']} ({mode} run, "
        f"{document['total_seconds']:.0f} s). Commit `{git.get('commit', '?')}`"
        f"{' with uncommitted changes to dialer_app/' if git.get('dirty') else ''}; "
        f"Python {machine.get('python')}, PySide6 {machine.get('pyside6')}, "
        f"{machine.get('cpus')} {TIMES} {machine.get('cpu')}, load average at start "
        f"{machine.get('load_average')}.",
        "",
        "Each figure is the median over the runs, with the lowest and highest run as the spread. "
        "Its baseline was measured in the same run, interleaved with it, and the ratio is the "
        "median of the per-run ratios (the machines are shared and noisy: read the ratios, not "
        "the absolute times). Raw samples: `docs/benchmarks.json`. Regenerate with "
        "`.venv/bin/python -m benchmarks` (add `--quick` for a shorter run).",
        "",
    ]
    for name, result in results.items():
        if not result.figures:
            continue
        group = result.figures[0].group
        entry = document["suites"][name]  # type: ignore[index]
        seconds = entry["seconds"]
        when = _measured_apart(document, entry)
        lines += [f"## {group}", "", *figure_rows(result.figures), ""]
        notes = [f"- *{f.label}*: {f.note}" for f in result.figures if f.note]
        if notes:
            lines += ["Notes:", "", *notes, ""]
        lines += [f"How: {METHOD.get(name, '')} ({seconds:.0f} s{when})", ""]
        for table in result.tables:
            lines += table_lines(table)
    return "\n".join(lines).rstrip() + "\n"


def write(
    document: dict[str, object], results: dict[str, SuiteResult], md: Path, raw: Path
) -> None:
    md.parent.mkdir(parents=True, exist_ok=True)
    text = markdown(document, results)
    closing = md.with_name("benchmarks-closing.md")  # hand-written: before/after, by issue
    if closing.exists():
        text = text.rstrip("\n") + "\n\n" + closing.read_text(encoding="utf-8")
    md.write_text(text, encoding="utf-8")
    raw.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
