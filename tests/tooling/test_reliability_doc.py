"""docs/reliability.md is written only where asked: a test run compares (and fails when the
document is stale), the script writes."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.matrix import Collector, MatrixRow, finish, is_stale, render, write_report

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


def test_a_test_run_fails_when_the_document_is_stale_and_passes_once_regenerated(
    tmp_path: Path,
) -> None:
    doc = tmp_path / "reliability.md"
    doc.write_text("what an older app said\n", encoding="utf-8")

    line, failed = finish(complete(), None, doc)
    assert failed
    assert "run scripts/reliability-report" in line
    assert doc.read_text(encoding="utf-8") == "what an older app said\n"  # never rewritten

    assert finish(complete(), str(doc), doc) == (f"{doc}: regenerated", False)  # the script
    assert finish(complete(), None, doc) == ("", False)
    assert finish(Collector(("normal",)), None, doc) == ("", False)  # a partial run: no verdict
