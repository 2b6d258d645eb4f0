"""Run every benchmark and write docs/benchmarks.md and docs/benchmarks.json.

    .venv/bin/python -m benchmarks            # everything (a few minutes)
    .venv/bin/python -m benchmarks --quick    # fewer repeats, no 1M-row history (~1 minute)
    .venv/bin/python -m benchmarks --only startup --only wire   # some suites; others kept
    .venv/bin/python -m benchmarks --render-only   # rewrite the .md from the .json

Each suite runs in its own process (``python -m benchmarks.<suite> --out FILE``) so Qt state
and peak memory never leak from one into the next. A suite that breaks is reported as failed
and the rest still run. Figure 5 comes from ``benchmarks/packaged.py`` (packaging's script)
when it and a build exist, else it is reported as pending.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.common import (
    Aim,
    Figure,
    Status,
    SuiteResult,
    describe,
    machine,
    pending,
    python_env,
)
from benchmarks.report import write

ROOT = Path(__file__).resolve().parent.parent
OVER_EXIT = 3  # a suite measured, and says one of its hard aims is missed (responsiveness)
SUITES = (
    "startup",
    "peers",
    "wire",
    "responsiveness",
    "history_scale",
    "packaged",
    "lists",
    "team",
    "supervisor",
)
PACKAGED_GROUP = "5. Packaged app"
GROUPS = {
    "startup": "1. Start-up",
    "peers": "1b. Start-up against native softphones",
    "wire": "2. Click to wire",
    "responsiveness": "3. Responsiveness",
    "history_scale": "4. History scale",
    "packaged": PACKAGED_GROUP,
    "lists": "6. Call-down lists",
    "team": "7. Team database",
    "supervisor": "8. Supervisor",
}
SUITE_TIMEOUT_S = 1800


def _git() -> dict[str, object]:
    def run(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    # Only changes to the app itself make the figures differ from the commit's.
    app_changes = run("status", "--porcelain", "--untracked-files=no", "--", "dialer_app")
    return {"commit": run("rev-parse", "--short", "HEAD"), "dirty": bool(app_changes)}


def _pyside_version() -> str:
    try:
        import PySide6

        return str(PySide6.__version__)
    except ImportError:
        return "?"


def _run_child(command: list[str]) -> subprocess.CompletedProcess[str]:
    """A benchmark child process, output captured; TimeoutExpired past SUITE_TIMEOUT_S."""
    return subprocess.run(
        command,
        cwd=ROOT,
        env=python_env(),
        capture_output=True,
        text=True,
        timeout=SUITE_TIMEOUT_S,
        check=False,
    )


def run_suite(name: str, quick: bool) -> SuiteResult:
    """One suite in its own process; a failure becomes a failed figure."""
    with tempfile.TemporaryDirectory(prefix="dialer-bench-") as tmp:
        out = Path(tmp) / f"{name}.json"
        command = [sys.executable, "-m", f"benchmarks.{name}", "--out", str(out)]
        if quick:
            command.append("--quick")
        try:
            done = _run_child(command)
        except subprocess.TimeoutExpired:
            return _failed(name, f"timed out after {SUITE_TIMEOUT_S} s")
        if done.returncode not in (0, OVER_EXIT) or not out.exists():
            tail = " | ".join(done.stderr.strip().splitlines()[-6:])
            return _failed(name, f"exit {done.returncode}: {tail}")
        if done.returncode == OVER_EXIT:  # measured; an aim the suite holds hard was missed
            loud = [line for line in done.stderr.splitlines() if line.startswith("!!")]
            print("\n".join([f"!! {name}:", *loud]), file=sys.stderr)
        return SuiteResult.from_json(json.loads(out.read_text(encoding="utf-8")))


def _failed(name: str, note: str) -> SuiteResult:
    return SuiteResult(
        [
            Figure(
                f"{name}.run",
                GROUPS.get(name, name),
                f"suite {name}",
                "",
                status=Status.FAILED,
                note=note[:400],
            )
        ]
    )


def run_packaged(quick: bool) -> SuiteResult:
    """Figure 5 from packaging's ``benchmarks/packaged.py`` (its JSON on stdout)."""
    script = ROOT / "benchmarks" / "packaged.py"
    app = ROOT / "dist" / "dialer-app" / "dialer-app"
    label = "Packaged app: start-up and size"
    if not script.exists():
        return SuiteResult(
            [
                pending(
                    "packaged.start",
                    PACKAGED_GROUP,
                    label,
                    "ms",
                    "benchmarks/packaged.py is not there yet (packaging)",
                )
            ]
        )
    if not app.exists():
        return SuiteResult(
            [
                pending(
                    "packaged.start",
                    PACKAGED_GROUP,
                    label,
                    "ms",
                    "no build: run scripts/build-app first",
                )
            ]
        )
    command = [sys.executable, str(script), "--app", str(app), "--runs", "3" if quick else "7"]
    try:
        done = _run_child(command)
    except subprocess.TimeoutExpired:
        return _failed("packaged", f"timed out after {SUITE_TIMEOUT_S} s")
    try:
        data = json.loads(done.stdout)
    except json.JSONDecodeError:
        tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-4:])
        return _failed("packaged", f"exit {done.returncode}: {tail}")
    return _packaged_figures(data, app)


def _seconds(part: dict[str, object], *keys: str) -> list[float]:
    """The first of ``keys`` present in ``part`` (a number or a list of seconds), in ms."""
    for key in keys:
        value = part.get(key)
        if isinstance(value, int | float):
            return [value * 1000]
        if isinstance(value, list):
            return [float(v) * 1000 for v in value]
    return []


PACKAGED_ROWS = (
    (
        "start_warm",
        "Frozen app: launch → window mapped, wall time (warm, Xvfb)",
        ("warm_runs_wall_s", "warm_runs_s", "warm_wall_s", "warm_s"),
        None,  # the build's date and how the window was found
    ),
    (
        "start_warm_cpu",
        "Frozen app: CPU time used by window mapped (warm)",
        ("warm_runs_cpu_s", "warm_cpu_s"),
        "CPU time, less disturbed by other load",
    ),
    (
        "start_cold",
        "Frozen app: first start after dropping the page cache (wall)",
        ("cold_wall_s", "cold_s"),
        "",
    ),
)
SIZES = (("onedir_bytes", "One-dir build size"), ("archive_bytes", "Archive size"))


def _packaged_figures(data: dict[str, object], app: Path) -> SuiteResult:
    """Figures from packaged.py's JSON (both its older ``*_s`` and newer ``*_wall_s`` keys)."""
    frozen, source = data.get("frozen") or {}, data.get("source") or {}
    assert isinstance(frozen, dict)
    assert isinstance(source, dict)
    figures = _start_figures(frozen, source, _build_note(app))
    if not figures:
        note = f"unrecognised output: {sorted(frozen)}"
        figures = [_failed("packaged", note).figures[0]]
    return SuiteResult(figures + _size_figures(data), raw=data)


def _build_note(app: Path) -> str:
    built = datetime.fromtimestamp(app.stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"build in dist/ dated {built}; window found by polling every 20 ms (±25 ms)"


def _start_figures(
    frozen: dict[str, object], source: dict[str, object], build_note: str
) -> list[Figure]:
    """Frozen against source, for each start-up time both report."""
    figures: list[Figure] = []
    for key, label, keys, text in PACKAGED_ROWS:
        ours, theirs = _seconds(frozen, *keys), _seconds(source, *keys)
        if ours and theirs:
            note = build_note if text is None else text
            figure = Figure(f"packaged.{key}", PACKAGED_GROUP, label, "ms", ours,
                            "same app from source", theirs, Aim.info(), note=note,
                            paired=len(ours) == len(theirs))  # fmt: skip
            figures.append(figure)
    return figures


def _size_figures(data: dict[str, object]) -> list[Figure]:
    """The build's sizes, in MB."""
    figures: list[Figure] = []
    for key, label in SIZES:
        value = data.get(key)
        if isinstance(value, int):
            text = str(data.get("archive") or "") if "archive" in key else ""
            figure = Figure(f"packaged.{key.removesuffix('_bytes')}", PACKAGED_GROUP, label, "MB",
                            [value / 1e6], aim=Aim.info(), note=text)  # fmt: skip
            figures.append(figure)
    return figures


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no 1M-row history")
    parser.add_argument(
        "--only", action="append", choices=SUITES, help="run only this suite (repeatable)"
    )
    parser.add_argument(
        "--render-only", action="store_true", help="rewrite the .md from the .json, measure nothing"
    )
    parser.add_argument("--md", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--json", type=Path, default=ROOT / "docs" / "benchmarks.json")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.render_only:
        stored = json.loads(args.json.read_text(encoding="utf-8"))
        _write(stored, stored["suites"], args.md, args.json)
        return 0
    selected = args.only or list(SUITES)
    previous: dict[str, dict[str, object]] = {}
    if args.only and args.json.exists():
        kept = json.loads(args.json.read_text(encoding="utf-8")).get("suites", {})
        previous = {k: v for k, v in kept.items() if k not in selected}
    started = time.perf_counter()
    document = _document(args.quick, args.only or [])
    suites: dict[str, Any] = dict(previous)
    for name in selected:
        suites[name] = _run(name, args.quick, document)
    document["total_seconds"] = time.perf_counter() - started
    order = {name: i for i, name in enumerate(SUITES)}
    document["suites"] = dict(sorted(suites.items(), key=lambda item: order.get(item[0], 99)))
    _write(document, document["suites"], args.md, args.json)
    print(f"wrote {os.path.relpath(args.md)} and {os.path.relpath(args.json)}", file=sys.stderr)
    return 0


def _document(quick: bool, only: list[str]) -> dict[str, Any]:
    """What the run records about itself: when, how, on which commit and machine."""
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python -m benchmarks"
        + (" --quick" if quick else "")
        + "".join(f" --only {name}" for name in only),
        "quick": quick,
        "git": _git(),
        "machine": {**machine(), "pyside6": _pyside_version()},
    }


def _run(name: str, quick: bool, document: dict[str, Any]) -> dict[str, object]:
    """One suite, its figures echoed to the console; its entry in the document."""
    print(f"== {name}", file=sys.stderr, flush=True)
    begun = time.perf_counter()
    result = run_packaged(quick) if name == "packaged" else run_suite(name, quick)
    for figure in result.figures:
        print("  " + describe(figure), file=sys.stderr, flush=True)
    return {
        "seconds": time.perf_counter() - begun,
        "ran_at": document["generated"],
        "git": document["git"],
        "quick": quick,
        "result": result.to_json(),
    }


def _write(document: dict[str, Any], suites: dict[str, Any], md: Path, json_path: Path) -> None:
    results = {name: SuiteResult.from_json(entry["result"]) for name, entry in suites.items()}
    write(document, results, md, json_path)
