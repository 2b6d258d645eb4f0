"""Every row of the outcome table in design.md, decided from the answer alone."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialer_app.core.callerdesk.outcome import classify
from dialer_app.core.records import Outcome

SUCCESS = {
    "type": "success",
    "message": "Call to Customer Initiate Successfully..",
    "campid": 3570000,
    "deskphone": "1204000000",
}


def body(data: object) -> bytes:
    return json.dumps(data).encode()


def test_success_is_placed_with_campid_as_text() -> None:
    result = classify(200, body(SUCCESS))
    assert result.outcome is Outcome.PLACED
    assert result.campid == "3570000"


def test_campid_as_string_and_callerid_echo_are_fine() -> None:
    data = {"type": "success", "campid": "3570001", "callerid": "00911204000000"}
    assert classify(200, body(data)).campid == "3570001"


def test_success_without_campid_is_still_placed() -> None:
    result = classify(200, body({"type": "success", "message": "ok"}))
    assert (result.outcome, result.campid) == (Outcome.PLACED, None)


@pytest.mark.parametrize(
    "message",
    [
        "Invalid Auth Code!",
        "Agent on break/Inactive. Call not allowed",
        "Account is Inactive please contact administrator!",
        "Invalid Deskphone Number",
        "Something nobody has seen before",
    ],
)
def test_type_error_is_rejected_with_the_servers_words(message: str) -> None:
    result = classify(200, body({"type": "error", "message": message}))
    assert (result.outcome, result.message) == (Outcome.REJECTED, message)


def test_error_without_message_still_reads_as_a_refusal() -> None:
    result = classify(200, body({"type": "error"}))
    assert result.outcome is Outcome.REJECTED
    assert result.message


@pytest.mark.parametrize("status", [201, 204, 302, 400, 401, 404, 429, 500, 502, 503])
def test_any_status_but_200_is_unknown_even_with_a_success_body(status: int) -> None:
    assert classify(status, body(SUCCESS)).outcome is Outcome.UNKNOWN


@pytest.mark.parametrize(
    "raw",
    [
        b"<html><body>502 Bad Gateway</body></html>",
        b"",
        b'{"type":"succ',
        body({"message": "Call to Customer Initiate Successfully..", "campid": 1}),
        body({"type": "pending"}),
        body({"type": None}),
        body(["success"]),
        b"\xff\xfe garbage",
    ],
)
def test_anything_that_is_not_a_callerdesk_answer_is_unknown(raw: bytes) -> None:
    assert classify(200, raw).outcome is Outcome.UNKNOWN


def test_the_message_text_never_decides_success() -> None:
    data = {"type": "error", "message": "Call to Customer Initiate Successfully.."}
    assert classify(200, body(data)).outcome is Outcome.REJECTED


@given(st.integers(min_value=100, max_value=599), st.binary(max_size=200))
def test_classifier_never_raises_and_never_says_sending(status: int, raw: bytes) -> None:
    assert classify(status, raw).outcome is not Outcome.SENDING
