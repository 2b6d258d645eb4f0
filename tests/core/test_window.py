"""The page cache: where each page is read from, and what it lets go."""

from __future__ import annotations

import pytest

from dialer_app.core.window import PageCache, Plan


def cache(count: int, capacity: int = 4) -> PageCache[int, int]:
    return PageCache(count, key=lambda row: row, page_size=10, capacity=capacity)


def rows(page: int) -> list[int]:
    return list(range(page * 10, page * 10 + 10))


@pytest.mark.parametrize(
    ("cached", "marks", "page", "plan"),
    [
        ([], {}, 0, Plan(0, None, False, 0, 10)),  # the top
        ([], {}, 99, Plan(99, None, True, 0, 5)),  # End: backwards from the end, a short page
        ([], {}, 60, Plan(60, None, True, 385, 10)),  # nearer the end than the top
        ([40], {}, 41, Plan(41, 409, False, 0, 10)),  # right after a cached page
        ([40], {}, 39, Plan(39, 400, True, 0, 10)),  # right before it
        ([], {0: 0, 500: 500}, 52, Plan(52, 500, False, 19, 10)),  # after a mark
        ([], {0: 0, 500: 500}, 48, Plan(48, 500, True, 10, 10)),  # before a mark
    ],
)  # fmt: skip
def test_each_page_is_read_from_the_nearest_known_row(
    cached: list[int], marks: dict[int, int], page: int, plan: Plan[int]
) -> None:
    pages = cache(995)
    for number in cached:
        pages.put(number, rows(number))
    pages.set_marks(marks)
    assert pages.plan(page) == plan


def test_far_pages_are_evicted_first() -> None:
    pages = cache(1000, capacity=3)
    for number in (0, 1, 50):
        pages.put(number, rows(number))
    assert pages.put(51, rows(51)) == [0]  # the farthest from the page just read
    assert pages.cached == [1, 50, 51]
    assert pages.get(15) == 15
    assert pages.get(5) is None
    assert pages.put(200, rows(200)) == []  # past the end: not kept
