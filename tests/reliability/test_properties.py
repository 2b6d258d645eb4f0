"""Properties: no answer makes the classifier or the client raise, and no input number that
normalise() lets through reaches the wire as anything but 10 ASCII digits."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dialer_app.core.callerdesk.client import CallerDeskClient
from dialer_app.core.callerdesk.outcome import MAX_MESSAGE, classify, parse_json_object
from dialer_app.core.errors import InvalidNumber
from dialer_app.core.logsetup import Redactor
from dialer_app.core.messages import describe_result, guidance_for
from dialer_app.core.phone import normalise
from dialer_app.core.records import CallRequest, CallResult, Outcome
from dialer_app.sandbox import Sandbox
from tests.helpers.keys import SENTINEL

BASE = "http://127.0.0.1:9/api_v2/"  # never dialled: a mock transport answers
TEN_ASCII_DIGITS = re.compile(r"[0-9]{10}")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FAST = settings(max_examples=150, deadline=None)

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
type_values = (
    st.sampled_from(["success", "error", " Success ", "ERROR", "pending", ""]) | json_values
)
answers = st.fixed_dictionaries(
    {},
    optional={"type": type_values, "message": json_values, "campid": json_values, "x": json_values},
)


def check_result(result: CallResult) -> None:
    assert result.outcome not in (Outcome.SENDING, Outcome.NOT_SENT)
    assert len(result.message) <= MAX_MESSAGE
    assert not CONTROL.search(result.message)
    assert result.campid is None or (result.campid and not CONTROL.search(result.campid))


@FAST
@given(st.integers(min_value=0, max_value=999), st.binary(max_size=300))
def test_any_status_and_bytes_classify_without_raising(status: int, body: bytes) -> None:
    result = classify(status, body)
    check_result(result)
    if status != 200:
        assert result.outcome is Outcome.UNKNOWN
    data = parse_json_object(body)
    if result.outcome is Outcome.PLACED:
        assert data is not None
        assert str(data["type"]).strip().lower() == "success"


@FAST
@given(st.integers(min_value=100, max_value=599), answers)
def test_any_json_answer_classifies_by_type_alone(status: int, answer: dict[str, object]) -> None:
    result = classify(status, json.dumps(answer).encode())
    check_result(result)
    kind = answer.get("type")
    kind = kind.strip().lower() if isinstance(kind, str) else None
    expected = {"success": Outcome.PLACED, "error": Outcome.REJECTED}.get(kind or "")
    assert result.outcome is (expected if status == 200 and expected else Outcome.UNKNOWN)
    describe_result(result, "9876543210")  # the window's sentence never raises either
    guidance_for(result.message)


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[Sandbox]:
    with Sandbox(authcode=SENTINEL, call_seconds=0) as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def sandbox_client(shared_sandbox: Sandbox) -> Iterator[CallerDeskClient]:
    client = CallerDeskClient(shared_sandbox.base_url, SENTINEL)
    yield client
    client.close()


class Scripted:
    """A client whose one transport answers as the current example says, and counts."""

    def __init__(self) -> None:
        self.answer = httpx.Response(200)
        self.requests: list[httpx.Request] = []
        transport = httpx.MockTransport(self._handle)
        self.client = CallerDeskClient(
            BASE, SENTINEL, transport=transport, call_transport=transport
        )

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer


@pytest.fixture(scope="module")
def scripted() -> Iterator[Scripted]:
    scripted = Scripted()
    yield scripted
    scripted.client.close()


@FAST
@given(
    st.integers(min_value=100, max_value=599),
    st.sampled_from(["application/json", "text/html; charset=UTF-8", "", "text/plain"]),
    answers.map(lambda answer: json.dumps(answer).encode()) | st.binary(max_size=200),
    st.booleans(),
)
def test_the_client_survives_any_answer_and_never_echoes_the_key(
    scripted: Scripted, status: int, content_type: str, body: bytes, echo: bool
) -> None:
    if echo:  # a server that repeats the key back in its message
        body = json.dumps({"type": "error", "message": f"bad authcode {SENTINEL}"}).encode()
    scripted.answer = httpx.Response(status, headers={"Content-Type": content_type}, content=body)
    before = len(scripted.requests)
    result = scripted.client.place_call(CallRequest("9876543210", "8120000000", "01204000000"))
    check_result(result)
    assert len(scripted.requests) == before + 1
    assert SENTINEL not in result.message + (result.campid or "")


digits_in_any_script = st.sampled_from([0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xFF10])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(max_size=24)
    | st.from_regex(r"(\+91|0091|91|0)?[ -]?[5-9][0-9]{4}[ -]?[0-9]{5}", fullmatch=True)
    | st.tuples(st.from_regex(r"[6-9][0-9]{9}", fullmatch=True), digits_in_any_script).map(
        lambda pair: "".join(chr(pair[1] + int(d)) for d in pair[0])
    )
)
def test_no_typed_number_reaches_the_sandbox_unless_it_is_ten_ascii_digits(
    shared_sandbox: Sandbox, sandbox_client: CallerDeskClient, typed: str
) -> None:
    try:
        number = normalise(typed)
    except InvalidNumber:
        event("refused by normalise()")
        return  # the window says why, and nothing is sent
    before = len(shared_sandbox.received("click_to_call_v3"))
    result = sandbox_client.place_call(CallRequest(number, "9700009153", "01204000000"))
    sent = shared_sandbox.received("click_to_call_v3")[before:]
    assert len(sent) <= 1
    if not TEN_ASCII_DIGITS.fullmatch(number):
        event("not ASCII: refused by the client")
        assert sent == []
        assert result.outcome is Outcome.NOT_SENT
        return
    event("sent")
    (request,) = sent
    assert request.params["calling_party_a"] == number
    assert TEN_ASCII_DIGITS.fullmatch(request.params["calling_party_a"])


@settings(max_examples=100, deadline=None)
@given(st.from_regex(r"[6-9][0-9]{9}", fullmatch=True), digits_in_any_script)
def test_normalise_gives_ascii_digits_whatever_script_they_were_typed_in(
    number: str, zero: int
) -> None:
    """Digits of another script (Devanagari, Arabic-Indic, fullwidth) are refused, never
    passed on as they are: the wire, the history and the logs hold ASCII digits only."""
    typed = "".join(chr(zero + int(digit)) for digit in number)
    try:
        result = normalise(typed)
    except InvalidNumber:
        return
    assert TEN_ASCII_DIGITS.fullmatch(result)


secrets = st.text(alphabet="abcdefABCDEF0123456789-_+/=", min_size=8, max_size=40)


@FAST
@given(secrets, st.lists(st.text(max_size=20), min_size=1, max_size=4), st.booleans())
def test_the_redactor_never_lets_the_key_through(secret: str, parts: list[str], form: bool) -> None:
    """Not as typed, nor as httpx encodes it in a query string or a form body."""
    redactor = Redactor()
    redactor.add_secret(secret)
    encoded = str(httpx.QueryParams({"authcode": secret})).removeprefix("authcode=")
    if form:
        request = httpx.Request("POST", "http://h/x", data={"authcode": secret})
        encoded = request.read().decode().removeprefix("authcode=")
    for text in (secret.join(parts), encoded.join(parts), f"GET /x?a=1&authcode={encoded}&b=2"):
        redacted = redactor.redact(text)
        assert secret not in redacted
        assert encoded not in redacted
