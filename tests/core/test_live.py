"""Live calls: statuses read by their words, rows matched by numbers, states only move forward."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialer_app.core.callerdesk.live import advance, find, parse_live, state_of, with_customer
from dialer_app.core.records import HistoryRow, LiveState, Outcome

ROW = HistoryRow(
    row_id=1, created_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC), member_name="Aarav Sharma",
    member_number="9700009153", customer_number="9876543210", deskphone="01204000000",
    call_limit=0, outcome=Outcome.PLACED, campid="3570001", message="", finished_at=None,
)  # fmt: skip


@pytest.mark.parametrize(
    ("callstatus", "state"),
    [
        ("Ringing", LiveState.RINGING_CUSTOMER),
        ("Initiated", LiveState.RINGING_CUSTOMER),
        ("Picked", LiveState.CUSTOMER_ANSWERED),  # the one status seen on a live account
        ("Agent Ringing", LiveState.CUSTOMER_ANSWERED),
        ("Connected", LiveState.CONNECTED),
        ("BRIDGED", LiveState.CONNECTED),
        ("Hangup", LiveState.ENDED),
        ("On Hold", LiveState.OTHER),
        ("", LiveState.OTHER),
    ],
)
def test_a_status_is_read_by_its_words(callstatus: str, state: LiveState) -> None:
    assert state_of(callstatus) is state


@pytest.mark.parametrize(
    "data",
    [{}, {"type": "success", "total_live_calls": "0"}, {"live_calls": []}, {"live_calls": None}],
    ids=["empty", "no-list", "empty-list", "null"],
)
def test_an_idle_account_has_no_live_calls(data: dict[str, object]) -> None:
    assert parse_live(data) == []


@pytest.mark.parametrize(
    ("msisdn", "member_num"),
    [("9876543210", "09700009153"), ("09700009153", "+919876543210")],
    ids=["customer-in-msisdn", "customer-in-member_num"],
)
def test_our_call_is_found_whichever_field_holds_the_customer(msisdn: str, member_num: str) -> None:
    live = parse_live(
        {"live_calls": [
            {"msisdn": "9123456780", "member_num": "9700009153", "callstatus": "Ringing"},
            {"msisdn": msisdn, "member_num": member_num, "callstatus": "Picked",
             "member_name": "Aarav Sharma", "entrydate": "2026-12-01 14:30:00"},
        ]}
    )  # fmt: skip
    found = find(ROW, live)
    assert found is not None
    assert found.state is LiveState.CUSTOMER_ANSWERED
    assert found.callstatus == "Picked"
    assert found.entry_at is not None
    assert with_customer("098765 43210", live) == [found]


def test_a_status_never_seen_is_kept_verbatim() -> None:
    [call] = parse_live({"live_calls": [{"msisdn": "9876543210", "callstatus": "On Hold"}]})
    assert call.callstatus == "On Hold"
    assert advance(LiveState.CUSTOMER_ANSWERED, call.state) is LiveState.CUSTOMER_ANSWERED


@given(st.lists(st.sampled_from(list(LiveState))))
def test_however_answers_interleave_a_call_only_moves_forward(seen: list[LiveState]) -> None:
    order: list[LiveState | None] = [None, *[s for s in LiveState if s is not LiveState.OTHER]]
    state: LiveState | None = None
    for value in seen:
        after = advance(state, value)
        assert order.index(after) >= order.index(state)
        state = after
