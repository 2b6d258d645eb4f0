"""pytest itself: a failure whose traceback has a frame without a line number is reported."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

# A ResourceWarning raised where Python knows no line (tb_lineno is None), chained to the
# failure, as pytest chains an unraisable warning the garbage collector reported.
UNNUMBERED = """
import types


def _finalised():
    raise ResourceWarning("unclosed <socket fd=37>")


def _no_locations(code):
    # A line table whose every entry says "no location" (code 15), 8 code units at most.
    units, table = len(code.co_code) // 2, b""
    while units:
        size = min(units, 8)
        table += bytes([0x80 | 15 << 3 | size - 1])
        units -= size
    return code.replace(co_linetable=table)


FINALISED = types.FunctionType(_no_locations(_finalised.__code__), globals())


def test_reports_the_warning():
    try:
        FINALISED()
    except ResourceWarning as exc:
        raise AssertionError("an unraisable warning") from exc


def test_runs_afterwards():
    pass
"""


def test_a_frame_without_a_line_number_is_reported_not_an_internal_error(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_unnumbered=UNNUMBERED)

    result = pytester.runpytest_inprocess(
        "-p", "tests.helpers.tracebacks", "-p", "no:cacheprovider"
    )

    assert "INTERNALERROR" not in result.stdout.str()
    result.assert_outcomes(failed=1, passed=1)
    result.stdout.fnmatch_lines(["*ResourceWarning: unclosed <socket fd=37>*"])
