"""Paging trusts the server's total: a server that caps the page size loses no member or report."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from dialer_app.core.callerdesk.client import CallerDeskClient
from dialer_app.core.callerdesk.members import collect
from dialer_app.core.callerdesk.paging import collect_rows
from dialer_app.core.errors import BadResponseError

BASE = "https://api.example.test/api_v2/"


def member(i: int) -> dict[str, str]:
    return {"member_id": str(i), "member_name": f"M{i:03}", "member_num": f"0981{i:07}",
            "status": "1"}  # fmt: skip


def pages(rows: list[dict[str, Any]], cap: int, total: object, key: str = "total_record"):  # type: ignore[no-untyped-def]
    """A server that answers at most ``cap`` rows a page, whatever was asked."""
    asked: list[int] = []

    def fetch(page: int) -> dict[str, Any]:
        asked.append(page)
        answer: dict[str, Any] = {"getmember": rows[(page - 1) * cap : page * cap]}
        if total is not None:
            answer[key] = total
        return answer

    return fetch, asked


@pytest.mark.parametrize(
    ("count", "cap", "total", "expected", "pages_read"),
    [
        (37, 10, 37, 37, 4),  # capped below per_page=20: short pages, total says more
        (37, 10, "37", 37, 4),  # the total as a string, as CallerDesk writes counts
        (37, 20, 37, 37, 2),
        (40, 20, 40, 40, 2),  # exact: no extra empty page asked for
        (37, 10, None, 10, 1),  # no total: a short page ends the list
        (37, 10, "", 10, 1),  # unusable total: the same
        (37, 10, 99, 37, 5),  # a total larger than the truth: the empty page ends it
        (0, 20, 0, 0, 1),
    ],
)
def test_member_paging_follows_total_record(
    count: int, cap: int, total: object, expected: int, pages_read: int
) -> None:
    fetch, asked = pages([member(i) for i in range(count)], cap, total)
    assert len(collect(fetch, per_page=20)) == expected
    assert len(asked) == pages_read


def test_a_server_that_never_stops_is_cut_off() -> None:
    def fetch(page: int) -> dict[str, Any]:
        return {"result": [{"id": str(page)}], "total": 10**9}

    rows = collect_rows(fetch, rows_key="result", total_keys=("total",), per_page=1,
                        max_pages=5, missing="gone")  # fmt: skip
    assert len(rows) == 5


def test_a_page_without_its_list_is_an_error() -> None:
    with pytest.raises(BadResponseError, match="member list"):
        collect(lambda page: {"total_record": 3}, per_page=20)


@pytest.mark.parametrize("total_key", ["total", "total_record"])
def test_call_report_paging_follows_the_total(total_key: str) -> None:
    from datetime import date

    rows = [
        {"id": str(i), "startdatetime": "2026-11-20 10:00:00", "caller_num": "9876543210",
         "member_num": "8120000000", "LegA_Picked_time": "0000-00-00 00:00:00"}
        for i in range(25)
    ]  # fmt: skip

    def answer(request: httpx.Request) -> httpx.Response:
        form = dict(httpx.QueryParams(request.content.decode()))
        page = int(form["current_page"])
        return httpx.Response(
            200, json={"type": "success", "result": rows[(page - 1) * 10 : page * 10],
                       total_key: "25"},
        )  # fmt: skip

    with respx.mock(base_url=BASE) as router:
        route = router.post("call_list_v2").mock(side_effect=answer)
        client = CallerDeskClient(BASE, "KEY-1234")
        try:
            reports = client.call_reports(date(2026, 11, 20), date(2026, 11, 20), "8120000000")
        finally:
            client.close()
    assert len(reports) == 25
    assert route.call_count == 3


@pytest.mark.parametrize("cap", [5, 7, 20])
def test_no_member_goes_missing_behind_a_capped_sandbox(cap: int) -> None:
    from dialer_app.sandbox import Sandbox
    from dialer_app.sandbox.data import MEMBERS

    with Sandbox(authcode="KEY-1234", call_seconds=0) as sandbox:
        sandbox.cap_page_size(cap)
        client = CallerDeskClient(sandbox.base_url, "KEY-1234")
        try:
            members = client.list_members(per_page=20)
        finally:
            client.close()
    assert len(members) == sum(m.active for m in MEMBERS)
