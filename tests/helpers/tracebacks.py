"""A pytest plugin: failures whose traceback has a frame without a line number still print.

Python 3.11 reports ``tb_lineno`` as None for an instruction that has no line number, such as
the clean-up at the end of an ``except`` block; the garbage collector can run there and report
an object it finalised (a ``ResourceWarning`` for an unclosed socket, say). pytest chains that
warning's traceback to the failure it reports, and pytest 9 computes ``tb_lineno - 1`` while
formatting it: a ``TypeError`` that aborts the whole run with an INTERNALERROR, no summary and
every later test unrun. This plugin gives such frames the line of their function's start
(``co_firstlineno``) before the report is made, so the failure is reported like any other.
"""

from __future__ import annotations

import types
from collections.abc import Generator

import pytest


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Give every frame of the failure's exceptions a line number, then report as usual."""
    if call.excinfo is not None and numbered(call.excinfo.value):
        call.excinfo = pytest.ExceptionInfo.from_exception(call.excinfo.value)
    return (yield)


def numbered(exc: BaseException) -> bool:
    """Give the frames of ``exc`` and of every exception chained to it a line number.

    Returns True if a traceback was replaced.
    """
    changed = False
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        traceback = current.__traceback__
        if traceback is not None and _has_unnumbered(traceback):
            current.__traceback__ = _renumbered(traceback)
            changed = True
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]
        if isinstance(current, BaseExceptionGroup):
            pending += list(current.exceptions)
    return changed


def _has_unnumbered(traceback: types.TracebackType | None) -> bool:
    while traceback is not None:
        if traceback.tb_lineno is None:
            return True
        traceback = traceback.tb_next
    return False


def _renumbered(traceback: types.TracebackType | None) -> types.TracebackType | None:
    """A copy of the chain in which a missing line number is the function's first line."""
    if traceback is None:
        return None
    rest = _renumbered(traceback.tb_next)
    line: int | None = traceback.tb_lineno
    if line is None:
        line = traceback.tb_frame.f_code.co_firstlineno
    return types.TracebackType(rest, traceback.tb_frame, traceback.tb_lasti, line)
