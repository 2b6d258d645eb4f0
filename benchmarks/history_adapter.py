"""The only place the benchmarks touch the history API: re-point here when it changes.

Each function looks for the paged API first (commit 917c305, "History v2":
``HistoryStore.page(query, after, limit)`` and ``iter_rows(query)``, ``HistoryModel(source,
parent)`` with ``set_query`` and ``fetchMore``, ``records.HistoryQuery``,
``core.export.write_csv(rows, target)``, a filter box named ``historyFilterEdit``) and falls
back to the API before it (``HistoryStore.recent(limit)``, ``HistoryModel(parent)`` with
``set_rows``); what neither has is reported as pending (``None``), never guessed. When a
windowed model (rows counted up front, fetched around the viewport) arrives, change
``open_history`` and ``scroll_to_end`` only.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dialer_app.services.dialer import UNFINISHED_MESSAGE
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from dialer_app.composition import Desk
from dialer_app.core.history import HistoryStore
from dialer_app.ui.history_model import HistoryModel

FIRST_PAGE = 500  # what the window asks for at start (HEAD: recent(500))


def _history_query(**fields: Any) -> Any | None:
    """A ``HistoryQuery`` if the records module has one."""
    records = importlib.import_module("dialer_app.core.records")
    query_type = getattr(records, "HistoryQuery", None)
    return None if query_type is None else query_type(**fields)


def api_name() -> str:
    """Which history API the benchmarks found."""
    if hasattr(HistoryModel, "set_query") and hasattr(HistoryStore, "page"):
        return "paged (HistoryStore.page + HistoryModel.set_query/fetchMore)"
    return "HEAD (HistoryStore.recent(500) + HistoryModel.set_rows)"


@dataclass
class OpenedHistory:
    """A history opened as the window opens it: store, model, view."""

    store: HistoryStore
    model: QAbstractItemModel
    view: QTableView


def open_history(path: Path, view: QTableView) -> OpenedHistory:
    """Open the store, recover unfinished rows, and give the view its first rows."""
    store = HistoryStore(path)
    store.mark_unfinished(UNFINISHED_MESSAGE)  # the window's start does this first
    model_type: Any = HistoryModel  # its signature depends on the version in the tree
    if hasattr(HistoryModel, "set_query") and hasattr(HistoryStore, "page"):
        model = model_type(store.page, view)
        model.set_query(_history_query())
    else:
        model = model_type(view)
        model.set_rows(store.recent(FIRST_PAGE))
    view.setModel(model)
    return OpenedHistory(store, model, view)


def scroll_to_end(opened: OpenedHistory, budget_s: float) -> tuple[int, bool]:
    """Scroll until the oldest row shows (the view fetches pages as it goes).

    Returns the rows in the model and whether it got to the end within ``budget_s``.
    """
    app = QApplication.instance()
    model, view = opened.model, opened.view
    deadline = time.perf_counter() + budget_s
    while True:
        view.scrollToBottom()
        if app is not None:
            app.processEvents()
        if not model.canFetchMore(QModelIndex()):
            view.viewport().repaint()
            return model.rowCount(), True
        if time.perf_counter() > deadline:
            return model.rowCount(), False
        model.fetchMore(QModelIndex())


def filter_history(opened: OpenedHistory, text: str) -> int | None:
    """Show only rows matching ``text``; the rows now in the model, None if no filter API."""
    query = _history_query(text=text)
    set_query = getattr(opened.model, "set_query", None)
    if query is None or set_query is None:
        return None
    set_query(query)
    opened.view.viewport().repaint()
    return int(opened.model.rowCount())


def export_history(opened: OpenedHistory, target: Path) -> int | None:
    """Write every row to CSV as the app's export does; rows written, None if no export API."""
    try:
        export = importlib.import_module("dialer_app.core.export")
    except ImportError:
        return None
    write_csv = getattr(export, "write_csv", None)
    iter_rows = getattr(opened.store, "iter_rows", None)
    query = _history_query()
    if write_csv is None or iter_rows is None or query is None:
        return None
    return int(write_csv(iter_rows(query), target))


def window_filter(parts: Desk, text: str) -> str:
    """Filter the real window's history as the agent would; says what was done."""
    edit = parts.window.findChild(QLineEdit, "historyFilterEdit")
    if edit is not None:
        edit.setText(text)
        return f"typed {text!r} into historyFilterEdit (the window's own debounced filter)"
    raise RuntimeError("the window has no historyFilterEdit")
