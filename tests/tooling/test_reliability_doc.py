"""docs/reliability.md is written only where asked: a test run compares, the script writes."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.matrix import Collector, MatrixRow, is_stale, render, write_report

ROW = MatrixRow("normal", "none", "sandbox", 1, "placed", "Ringing", "placed", "placed")


def complete() -> Collector:
    collector = Collector(("normal",))
    collector.record(ROW)
    return collector


def test_an_incomplete_matrix_writes_nothing_and_is_never_stale(tmp_path: Path) -> None:
    target = tmp_path / "reliability.md"
    assert not write_report(Collector(("normal",)), target)
    assert not target.exists()
    assert not is_stale(Collector(("normal",)), target)


def test_a_complete_matrix_is_stale_until_written_then_written_once(tmp_path: Path) -> None:
    target = tmp_path / "reliability.md"
    assert is_stale(complete(), target)
    assert not target.exists()  # comparing never writes
    assert write_report(complete(), target)
    assert target.read_text(encoding="utf-8") == render([ROW], {})
    assert not is_stale(complete(), target)
    assert not write_report(complete(), target)  # unchanged: not rewritten
