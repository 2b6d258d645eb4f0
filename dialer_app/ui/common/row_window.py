"""The Qt side of a windowed table: which pages to read, when, and what arrived.

A model asks ``row(position)`` while the view paints; a row not in the cache is wanted, and
every page wanted during one pass of the event loop is read once, by the reader's ``Plan``
(``core.window``), on a worker. What arrives is cached (far pages evicted) and reported by
position, so the model only emits ``dataChanged``. Rows near a page's edge want the next page
too, so scrolling rarely shows a blank row. Any long table can use it: give it a reader
(``Plan`` -> ``Job[list[row]]``) and a callback for the rows that arrived.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from dialer_app.core.window import PageCache, Plan
from dialer_app.services.runner import Job

R = TypeVar("R")
K = TypeVar("K")
MAX_IN_FLIGHT = 4  # pages read at once; a fast drag asks for more, only the newest are read


class _Receiver(QObject):
    """Receives the page jobs' results as a child of the model: once the model is deleted, a
    page still in flight is delivered to nobody (a plain callable would outlive it).

    Signals:
        read(object, object): the job and the rows it read
        lost(object): a job that failed
    """

    read = Signal(object, object)
    lost = Signal(object)

    @Slot(object)
    def on_succeeded(self, rows: object) -> None:
        self.read.emit(self.sender(), rows)

    @Slot(object)
    def on_failed(self, _exc: object) -> None:
        self.lost.emit(self.sender())


class RowWindow(Generic[R, K]):
    """The rows of one result, ``page_size`` at a time, ``capacity`` pages kept; ``key``
    gives a row's place in the order (see ``PageCache``)."""

    def __init__(
        self,
        read: Callable[[Plan[K]], Job[list[R]]],
        arrived: Callable[[int, int], None],
        parent: QObject,
        key: Callable[[R], K],
        *,
        page_size: int = 200,
        capacity: int = 16,
    ) -> None:
        self._read = read
        self._arrived = arrived
        self._key = key
        self._page_size, self._capacity = page_size, capacity
        self.cache: PageCache[R, K] = PageCache(0, key, page_size, capacity)
        self._pending: dict[int, Job[list[R]]] = {}
        self._wanted: list[int] = []
        self._stale: set[int] = set()  # cached pages to read again (reread)
        self._last_seen = -1
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._read_wanted)
        self._receiver = _Receiver(parent)
        self._receiver.read.connect(self._on_page_read)
        self._receiver.lost.connect(self._on_page_failed)

    @property
    def count(self) -> int:
        return self.cache.count

    @property
    def loading(self) -> bool:
        return bool(self._pending or self._wanted)

    def reset(self, count: int, first: list[R], key: Callable[[R], K] | None = None) -> None:
        """A new result of ``count`` rows, its first page already read (and a new ``key``
        when its order changed)."""
        self._key = key or self._key
        for job in self._pending.values():
            job.cancel()
        self._pending.clear()
        self._wanted.clear()
        self._stale.clear()
        self.cache = PageCache(count, self._key, self._page_size, self._capacity)
        if first:
            self.cache.put(0, list(first))

    def set_count(self, count: int) -> None:
        self.cache.count = count

    def set_marks(self, marks: dict[int, K]) -> None:
        self.cache.set_marks(marks)

    def row(self, position: int) -> R | None:
        """The row at ``position``, or None (it is wanted and will arrive)."""
        found = self.cache.get(position)
        if found is not None and position == self._last_seen:
            return found  # the same row's next cell or role: nothing new to want
        self._last_seen = position
        page, offset = divmod(position, self._page_size)
        if found is None or page in self._stale:
            self.want(page)
        elif offset >= self._page_size * 3 // 4:
            self.want(page + 1)
        elif offset < self._page_size // 4 and page > 0:
            self.want(page - 1)
        return found

    def ensure(self, first: int, last: int) -> None:
        """Want every page holding a row from ``first`` to ``last``."""
        for page in range(max(first, 0) // self._page_size, last // self._page_size + 1):
            self.want(page)

    def reread(self) -> None:
        """The stored rows changed: each cached page is read again when next seen (its old
        rows are shown meanwhile)."""
        self._stale = set(self.cache.cached) | set(self._pending)
        self._last_seen = -1

    def want(self, page: int) -> None:
        fresh = self.cache.has(page) and page not in self._stale
        if not 0 <= page < self.cache.pages or fresh or page in self._pending:
            return
        if page in self._wanted:
            self._wanted.remove(page)
        self._wanted.append(page)  # the newest wish last
        self._timer.start()

    def _read_wanted(self) -> None:
        wanted, self._wanted = self._wanted[-MAX_IN_FLIGHT:], []
        for page in wanted:
            if (self.cache.has(page) and page not in self._stale) or page in self._pending:
                continue
            self._stale.discard(page)
            job = self._read(self.cache.plan(page))
            self._pending[page] = job
            job.succeeded.connect(self._receiver.on_succeeded)
            job.failed.connect(self._receiver.on_failed)

    def _page_of(self, job: object) -> int | None:
        return next((page for page, pending in self._pending.items() if pending is job), None)

    def _on_page_read(self, job: object, rows: object) -> None:
        page = self._page_of(job)
        if page is None or not isinstance(rows, list):
            return  # a job of a result since replaced
        del self._pending[page]
        self.cache.put(page, rows)
        if rows:
            start = page * self._page_size
            self._arrived(start, min(start + len(rows), self.cache.count) - 1)

    def _on_page_failed(self, job: object) -> None:
        page = self._page_of(job)
        if page is not None:
            del self._pending[page]
