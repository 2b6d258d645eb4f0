"""What every benchmark shares: figures, aims, statistics, and the suite command line.

No Qt here: the orchestrator imports this module without starting a QApplication.

A *figure* is one measured quantity (e.g. "launch to window shown") with its samples, the
samples of a baseline measured in the same run, and an aim. Its ratio is the median of the
per-run ratios when the runs are paired (interleaved subject and baseline), else the ratio of
the medians; the spread is the lowest and highest sample.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

TIMES = "\u00d7"  # the multiplication sign of ratios
DASH = "\u2013"  # the en dash of ranges


class Status(StrEnum):
    """Whether a figure has numbers."""

    OK = "ok"
    PENDING = "pending"  # the thing to measure does not exist yet
    SKIPPED = "skipped"  # left out on purpose (e.g. --quick)
    FAILED = "failed"  # the measurement broke; see the note


class AimKind(StrEnum):
    """How a figure is judged."""

    RATIO_MAX = "ratio_max"  # ratio to the baseline at most ``limit``
    VALUE_MAX = "value_max"  # the median itself at most ``limit`` (in the figure's unit)
    INFO = "info"  # context only, no verdict


@dataclass(frozen=True)
class Aim:
    """The target a figure is held to, and how it is written in the table."""

    kind: AimKind
    limit: float = 0.0
    text: str = ""

    @classmethod
    def ratio(cls, limit: float, text: str = "") -> Aim:
        return cls(AimKind.RATIO_MAX, limit, text or f"≤ {limit:g}{TIMES}")

    @classmethod
    def value(cls, limit: float, unit: str, text: str = "") -> Aim:
        return cls(AimKind.VALUE_MAX, limit, text or f"≤ {limit:g} {unit}")

    @classmethod
    def info(cls, text: str = "context") -> Aim:
        return cls(AimKind.INFO, 0.0, text)


@dataclass(frozen=True)
class Spread:
    """Median, lowest and highest of some samples."""

    median: float
    low: float
    high: float
    count: int


def spread(samples: Sequence[float]) -> Spread | None:
    if not samples:
        return None
    return Spread(statistics.median(samples), min(samples), max(samples), len(samples))


@dataclass
class Figure:
    """One row of the report: samples, a same-run baseline, an aim and a verdict."""

    key: str  # stable id, e.g. "startup.shown"
    group: str  # the table section
    label: str
    unit: str
    samples: list[float] = field(default_factory=list)
    baseline_label: str = ""
    baseline_samples: list[float] = field(default_factory=list)
    aim: Aim = field(default_factory=Aim.info)
    status: Status = Status.OK
    note: str = ""
    paired: bool = True  # samples[i] and baseline_samples[i] were taken side by side

    @property
    def value(self) -> Spread | None:
        return spread(self.samples)

    @property
    def baseline(self) -> Spread | None:
        return spread(self.baseline_samples)

    @property
    def ratio(self) -> Spread | None:
        """Subject over baseline: per pair when paired, else median over median."""
        base, value = self.baseline, self.value
        if base is None or value is None or base.median <= 0:
            return None
        pairs = list(zip(self.samples, self.baseline_samples, strict=False))
        if self.paired and len(self.samples) == len(self.baseline_samples):
            ratios = [s / b for s, b in pairs if b > 0]
            found = spread(ratios)
            if found is not None:
                return found
        only = value.median / base.median
        return Spread(only, only, only, 1)

    @property
    def verdict(self) -> str:
        if self.status is not Status.OK:
            return self.status.value
        if self.aim.kind is AimKind.INFO:
            return "—"
        judged = self.ratio if self.aim.kind is AimKind.RATIO_MAX else self.value
        if judged is None:
            return "—"
        return "met" if judged.median <= self.aim.limit else "missed"

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["aim"] = asdict(self.aim)
        for name in ("value", "baseline", "ratio"):
            found = getattr(self, name)
            data[name] = None if found is None else asdict(found)
        data["verdict"] = self.verdict
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Figure:
        aim = data.get("aim") or {}
        assert isinstance(aim, dict)
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        known["aim"] = Aim(
            AimKind(aim.get("kind", "info")), aim.get("limit", 0.0), aim.get("text", "")
        )
        known["status"] = Status(str(data.get("status", "ok")))
        return cls(**known)  # type: ignore[arg-type]


def pending(
    key: str, group: str, label: str, unit: str, note: str, aim: Aim | None = None
) -> Figure:
    """A figure that cannot be measured yet."""
    return Figure(key, group, label, unit, aim=aim or Aim.info(), status=Status.PENDING, note=note)


# -- processes and memory ------------------------------------------------------------------
def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (VmHWM on Linux, ru_maxrss elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return maxrss_to_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def current_rss_mb() -> float:
    """This process's resident memory now, in MB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def maxrss_to_mb(maxrss: int) -> float:
    """``ru_maxrss`` is KB on Linux and bytes on macOS."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def python_env(**extra: str) -> dict[str, str]:
    """The environment for a benchmark child: offscreen Qt, the repo importable."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(
                (line.split(":", 1)[1].strip() for line in info if line.startswith("model name")),
                cpu,
            )
    except OSError:
        pass
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": str(os.cpu_count()),
        "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


@dataclass
class Table:
    """A detail table under the figures (e.g. the start-up breakdown)."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass
class SuiteResult:
    """What one suite produced."""

    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    raw: dict[str, object] = field(default_factory=dict)  # extra numbers for the JSON file

    def to_json(self) -> dict[str, object]:
        return {
            "figures": [f.to_json() for f in self.figures],
            "tables": [asdict(t) for t in self.tables],
            "raw": self.raw,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SuiteResult:
        figures = data.get("figures") or []
        tables = data.get("tables") or []
        raw = data.get("raw") or {}
        assert isinstance(figures, list)
        assert isinstance(tables, list)
        assert isinstance(raw, dict)
        return cls([Figure.from_json(f) for f in figures], [Table(**t) for t in tables], raw)


# -- a suite as a command ------------------------------------------------------------------
Collect = Callable[[bool], SuiteResult]


def suite_main(collect: Collect, argv: list[str] | None = None) -> int:
    """``python -m benchmarks.<suite> [--quick] [--out FILE]``: run one suite, write its JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repeats and sizes")
    parser.add_argument("--out", type=Path, help="write the result as JSON here")
    args = parser.parse_args(argv)
    result = collect(args.quick)
    if args.out:
        args.out.write_text(json.dumps(result.to_json(), indent=1), encoding="utf-8")
    for figure in result.figures:
        print(describe(figure), file=sys.stderr)
    return 0


def describe(figure: Figure) -> str:
    """One line for the console."""
    value, ratio = figure.value, figure.ratio
    shown = f"{value.median:9.2f} {figure.unit:3}" if value else f"{figure.status.value:>13}"
    rate = f"  {TIMES}{ratio.median:6.2f}" if ratio else " " * 9
    return f"{figure.key:38} {shown}{rate}  {figure.verdict}"
