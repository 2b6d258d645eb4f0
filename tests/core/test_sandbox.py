"""The built-in CallerDesk sandbox, exercised over real loopback HTTP (no sleeps: ManualClock)."""

from __future__ import annotations

import http.client
import json
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from dialer_app.core.compliance.caller_id import Series, series_of
from dialer_app.sandbox import DEMO_AUTHCODE, Fault, ManualClock, Sandbox

NEVER = "0000-00-00 00:00:00"
DESKPHONE = "01204000000"
CUSTOMER = "9876543210"
PLAIN = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # never used (plain HTTP); skips loading CAs


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def sandbox(clock: ManualClock) -> Iterator[Sandbox]:
    with Sandbox(clock=clock) as running:
        yield running


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.base_url, timeout=2.0, verify=PLAIN) as http:
        yield http


def post(client: httpx.Client, endpoint: str, **form: str) -> Any:
    response = client.post(endpoint, data={"authcode": DEMO_AUTHCODE, **form})
    assert response.status_code == 200
    return response.json()


def all_members(client: httpx.Client) -> list[dict[str, str]]:
    members: list[dict[str, str]] = []
    page = 1
    while True:
        answer = post(client, "getmemberlist_V2", per_page="20", current_page=str(page))
        members += answer["getmember"]
        if len(members) >= answer["total_record"] or len(answer["getmember"]) < 20:
            return members
        page += 1


def active_number(client: httpx.Client) -> str:
    return next(m["member_num"][-10:] for m in all_members(client) if m["status"] == "1")


def place(client: httpx.Client, member: str, **overrides: str) -> httpx.Response:
    params = {
        "authcode": DEMO_AUTHCODE,
        "calling_party_a": CUSTOMER,
        "calling_party_b": member,
        "deskphone": DESKPHONE,
        "call_from_did": "1",
        **overrides,
    }
    return client.get("click_to_call_v3", params=params)


def coins(client: httpx.Client) -> tuple[int, int, int]:
    account = post(client, "profile_billing_v2")["login_account"]
    return (
        int(account["avail_clicktocall_coins"]),
        int(account["avail_obd_coins"]),
        int(account["avail_call_coins"]),
    )


def report(client: httpx.Client, **form: str) -> Any:
    return post(client, "call_list_v2", start_date="2026-01-15", end_date="2026-01-15", **form)


def test_member_paging_returns_every_member_including_inactive(client: httpx.Client) -> None:
    first = post(client, "getmemberlist_V2", per_page="20", current_page="1")
    members = all_members(client)

    assert first["type"] == "success"
    assert len(members) == first["total_record"] == 37
    assert len({m["member_id"] for m in members}) == 37
    assert {m["status"] for m in members} == {"0", "1", "2"}
    assert sum(m["status"] != "1" for m in members) >= 4
    assert any(len(m["member_num"]) == 11 and m["member_num"][0] == "0" for m in members)
    for member in members:
        assert all(isinstance(value, str) for value in member.values())
        assert re.fullmatch(r"0?[6-9][0-9]{9}", member["member_num"])
        assert member["access"] in {"1", "2", "3"}
        assert "password" in member


def test_member_paging_past_the_end_is_empty(client: httpx.Client) -> None:
    answer = post(client, "getmemberlist_V2", per_page="20", current_page="3")

    assert answer["getmember"] == []
    assert answer["total_record"] == 37


def test_deskphones_keep_their_leading_zero(client: httpx.Client) -> None:
    answer = post(client, "getdeskphone_v2")

    assert answer["type"] == "success"
    assert len(answer["getdeskphone"]) == 5
    for did in answer["getdeskphone"]:
        assert set(did) == {"did_id", "deskphone", "did_num"}
        assert did["deskphone"].startswith("0")
        assert len(did["deskphone"]) == 11


def test_the_deskphones_include_both_caller_id_series(client: httpx.Client) -> None:
    listed = [did["deskphone"] for did in post(client, "getdeskphone_v2")["getdeskphone"]]
    series = {series_of(number) for number in listed}
    assert series == {Series.ORDINARY, Series.SERIES_140, Series.SERIES_1600}


def test_placed_call_has_the_service_shape_and_increasing_int_campid(
    client: httpx.Client,
) -> None:
    member = active_number(client)

    first = place(client, member)
    second = place(client, member)

    assert first.status_code == 200
    assert first.headers["content-type"].startswith("application/json")
    body = first.json()
    assert body == {
        "type": "success",
        "message": "Call to Customer Initiate Successfully..",
        "campid": 3570001,
        "deskphone": "1204000000",
    }
    assert type(second.json()["campid"]) is int
    assert second.json()["campid"] > body["campid"]


def test_member_stored_with_leading_zero_matches_on_last_ten_digits(
    client: httpx.Client,
) -> None:
    stored = next(
        m["member_num"]
        for m in all_members(client)
        if m["status"] == "1" and m["member_num"].startswith("0")
    )

    assert place(client, stored[-10:]).json()["type"] == "success"
    assert place(client, stored).json()["type"] == "success"


def _inactive(client: httpx.Client, status: str) -> str:
    return next(m["member_num"][-10:] for m in all_members(client) if m["status"] == status)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param({"call_from_did": "0"}, "Invalid call_from_did", id="call_from_did"),
        pytest.param({"calling_party_b": "9999999999"}, "Agent on break", id="unknown-member"),
        pytest.param({"calling_party_b": "status0"}, "Agent on break", id="inactive-0"),
        pytest.param({"calling_party_b": "status2"}, "Agent on break", id="inactive-2"),
        pytest.param({"deskphone": "1204000000"}, "Invalid Deskphone", id="deskphone-no-0"),
        pytest.param({"deskphone": "01200000000"}, "Invalid Deskphone", id="deskphone-unknown"),
        pytest.param({"calling_party_a": "98765"}, "Invalid Customer Number", id="short"),
        pytest.param({"calling_party_a": "09876543210"}, "Invalid Customer Number", id="11"),
        pytest.param({"calling_party_a": "5876543210"}, "Invalid Customer Number", id="5xx"),
        pytest.param({"CallLimit": "0"}, "Invalid CallLimit", id="limit-0"),
        pytest.param({"CallLimit": "ten"}, "Invalid CallLimit", id="limit-text"),
    ],
)
def test_click_to_call_validation_errors(
    client: httpx.Client, overrides: dict[str, str], message: str
) -> None:
    member = active_number(client)
    overrides = dict(overrides)
    if overrides.get("calling_party_b", "").startswith("status"):
        overrides["calling_party_b"] = _inactive(client, overrides["calling_party_b"][-1])
    before = coins(client)

    response = place(client, member, **overrides)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["type"] == "error"
    assert response.json()["message"].startswith(message)
    assert coins(client) == before


def test_wrong_authcode_is_an_html_typed_json_error(client: httpx.Client) -> None:
    response = place(client, "bad member", authcode="wrong", deskphone="bad")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert json.loads(response.text) == {"type": "error", "message": "Invalid Auth Code!"}


def test_validation_order_member_before_deskphone_before_customer(client: httpx.Client) -> None:
    inactive = _inactive(client, "0")
    member = active_number(client)

    everything_wrong = place(client, inactive, deskphone="x", calling_party_a="1")
    deskphone_and_customer = place(client, member, deskphone="x", calling_party_a="1")

    assert everything_wrong.json()["message"] == "Agent on break/Inactive. Call not allowed"
    assert deskphone_and_customer.json()["message"] == "Invalid Deskphone"


def test_balance_goes_down_only_for_placed_calls(sandbox: Sandbox, client: httpx.Client) -> None:
    member = active_number(client)
    start = coins(client)
    place(client, member, deskphone="1204000000")  # rejected
    sandbox.inject("click_to_call_v3", Fault.ERROR_MESSAGE, message="Low balance")
    place(client, member)  # faulted
    assert coins(client) == start

    place(client, member)

    assert coins(client) == (start[0] - 1, start[1] - 1, start[2])


def _no_campaign(client: httpx.Client, clock: ManualClock, before: tuple[int, int, int]) -> None:
    assert coins(client) == before
    clock.advance(60)
    assert report(client)["total"] == 0


@pytest.mark.parametrize(
    ("fault", "status", "kind"),
    [
        (Fault.HTTP_500, 500, "text/html"),
        (Fault.HTTP_502, 502, "text/html"),
        (Fault.REDIRECT_302, 302, "text/html"),
        (Fault.HTML_PAGE, 200, "text/html"),
    ],
)
def test_http_level_faults(
    sandbox: Sandbox,
    client: httpx.Client,
    clock: ManualClock,
    fault: Fault,
    status: int,
    kind: str,
) -> None:
    member = active_number(client)
    before = coins(client)
    sandbox.inject("click_to_call_v3", fault)

    response = place(client, member)

    assert response.status_code == status
    assert response.headers["content-type"].startswith(kind)
    assert response.text.lstrip().startswith("<")
    if fault is Fault.REDIRECT_302:
        location = httpx.URL(response.headers["location"])
        assert location.host == "127.0.0.1"
        assert location.path != httpx.URL(sandbox.base_url).path + "click_to_call_v3"
        assert DEMO_AUTHCODE not in str(location)
    assert len(sandbox.received("click_to_call_v3")) == 1
    _no_campaign(client, clock, before)


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        (Fault.JSON_NO_TYPE, lambda body: isinstance(body, dict) and "type" not in body),
        (Fault.UNKNOWN_TYPE, lambda body: body["type"] == "pending"),
        (Fault.ERROR_MESSAGE, lambda body: body == {"type": "error", "message": "Try later"}),
    ],
)
def test_json_level_faults(
    sandbox: Sandbox, client: httpx.Client, clock: ManualClock, fault: Fault, expected: Any
) -> None:
    member = active_number(client)
    before = coins(client)
    sandbox.inject("click_to_call_v3", fault, message="Try later")

    response = place(client, member)

    assert response.status_code == 200
    assert expected(response.json())
    assert len(sandbox.received("click_to_call_v3")) == 1
    _no_campaign(client, clock, before)


def test_truncated_json_has_correct_length_and_does_not_parse(
    sandbox: Sandbox, client: httpx.Client, clock: ManualClock
) -> None:
    member = active_number(client)
    before = coins(client)
    sandbox.inject("click_to_call_v3", Fault.TRUNCATED_JSON)

    response = place(client, member)

    assert response.status_code == 200
    assert response.content == b'{"type":"succ'
    assert response.headers["content-length"] == str(len(response.content))
    with pytest.raises(json.JSONDecodeError):
        response.json()
    _no_campaign(client, clock, before)


def test_drop_closes_without_a_response(
    sandbox: Sandbox, client: httpx.Client, clock: ManualClock
) -> None:
    member = active_number(client)
    before = coins(client)
    sandbox.inject("click_to_call_v3", Fault.DROP)

    with pytest.raises(httpx.RemoteProtocolError):
        place(client, member)

    assert len(sandbox.received("click_to_call_v3")) == 1
    _no_campaign(client, clock, before)


def test_stall_never_answers_until_the_client_gives_up(
    sandbox: Sandbox, client: httpx.Client, clock: ManualClock
) -> None:
    member = active_number(client)
    before = coins(client)
    sandbox.inject("click_to_call_v3", Fault.STALL)

    with pytest.raises(httpx.ReadTimeout):
        client.get(
            "click_to_call_v3",
            params={"authcode": DEMO_AUTHCODE, "calling_party_b": member},
            timeout=httpx.Timeout(2.0, read=0.15),
        )

    assert len(sandbox.received("click_to_call_v3")) == 1
    _no_campaign(client, clock, before)


def test_stall_with_delay_hangs_up_after_the_delay(sandbox: Sandbox, client: httpx.Client) -> None:
    sandbox.inject("getdeskphone_v2", Fault.STALL, delay=0.05)

    with pytest.raises(httpx.RemoteProtocolError):
        client.post("getdeskphone_v2", data={"authcode": DEMO_AUTHCODE})

    assert len(sandbox.received("getdeskphone_v2")) == 1


def test_stop_releases_a_stalled_request(clock: ManualClock) -> None:
    sandbox = Sandbox(clock=clock).start()
    sandbox.inject("live_call_v2", Fault.STALL)
    url = httpx.URL(sandbox.base_url)
    with socket.create_connection((url.host, url.port), timeout=2.0) as raw:
        raw.sendall(f"GET {url.path}live_call_v2 HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        raw.settimeout(0.1)
        with pytest.raises(TimeoutError):
            raw.recv(1)
        assert len(sandbox.received("live_call_v2")) == 1

        started = time.monotonic()
        sandbox.stop()
        raw.settimeout(2.0)

        assert raw.recv(1) == b""
    assert time.monotonic() - started < 1.0
    sandbox.stop()  # idempotent


def test_slow_answers_normally_after_the_delay(sandbox: Sandbox, client: httpx.Client) -> None:
    member = active_number(client)
    before = coins(client)
    sandbox.inject("click_to_call_v3", Fault.SLOW, delay=0.05)

    started = time.monotonic()
    response = place(client, member)

    assert time.monotonic() - started >= 0.05
    assert response.json()["type"] == "success"
    assert coins(client)[0] == before[0] - 1


def test_faults_are_consumed_per_request_and_per_endpoint(
    sandbox: Sandbox, client: httpx.Client
) -> None:
    sandbox.inject("getdeskphone_v2", Fault.HTTP_500, times=2)
    sandbox.inject("getdeskphone_v2", Fault.HTTP_502)
    form = {"authcode": DEMO_AUTHCODE}

    assert client.post("profile_billing_v2", data=form).status_code == 200
    statuses = [client.post("getdeskphone_v2", data=form).status_code for _ in range(4)]

    assert statuses == [500, 500, 502, 200]
    assert len(sandbox.received("getdeskphone_v2")) == 4


def test_clear_faults_and_unknown_endpoint(sandbox: Sandbox, client: httpx.Client) -> None:
    sandbox.inject("getdeskphone_v2", Fault.DROP, times=3)
    sandbox.clear_faults()

    assert client.post("getdeskphone_v2", data={"authcode": DEMO_AUTHCODE}).status_code == 200
    with pytest.raises(ValueError, match="unknown endpoint"):
        sandbox.inject("click_to_call", Fault.DROP)


def test_received_never_holds_the_authcode(clock: ManualClock) -> None:
    secret = "s3cret-Authcode-4711"
    with (
        Sandbox(secret, clock=clock) as sandbox,
        httpx.Client(base_url=sandbox.base_url, timeout=2.0, verify=PLAIN) as client,
    ):
        sandbox.inject("getdeskphone_v2", Fault.DROP)
        with pytest.raises(httpx.RemoteProtocolError):
            client.post("getdeskphone_v2", data={"authcode": secret})
        client.get("live_call_v2", params={"authcode": secret})
        client.post("getmemberlist_V2", params={"authcode": secret}, data={"authcode": secret})
        client.post("profile_billing_v2", data={"authcode": "wrong", "x": "1"})
        received = sandbox.received()

    assert [r.authcode_valid for r in received] == [True, True, True, False]
    assert [r.method for r in received] == ["POST", "GET", "POST", "POST"]
    assert received[3].params == {"x": "1"}
    assert all("authcode" not in r.params for r in received)
    assert secret not in repr(received)


@pytest.mark.parametrize("host", ["0.0.0.0", "", "192.168.1.10", "::", "example.com"])
def test_non_loopback_host_is_refused(host: str) -> None:
    with pytest.raises(ValueError, match="loopback"):
        Sandbox(host=host)


def test_call_report_shows_the_three_outcomes_after_the_calls_end(
    client: httpx.Client, clock: ManualClock
) -> None:
    member = active_number(client)
    for customer in ("9876543211", "9876543216", "9876543218"):
        assert place(client, member, calling_party_a=customer).json()["type"] == "success"
    live = client.get("live_call_v2", params={"authcode": DEMO_AUTHCODE}).json()
    assert live["total_live_calls"] == "3"
    assert report(client)["total"] == 0

    clock.advance(8)

    assert client.get("live_call_v2", params={"authcode": DEMO_AUTHCODE}).json() == {
        "type": "success",
        "total_live_calls": "0",
        "live_calls": [],
    }
    rows = {row["caller_num"][-10:]: row for row in report(client)["result"]}
    connected, no_customer, no_member = (rows[f"987654321{d}"] for d in "168")
    assert connected["LegA_Picked_time"] != NEVER
    assert connected["LegB_Picked_time"] != NEVER
    assert int(connected["talk_duration"]) > 0
    assert connected["callresult"] == "ANSWER"
    assert connected["file"].startswith("http://127.0.0.1:")
    assert no_customer["LegA_Picked_time"] == NEVER
    assert no_customer["file"] == ""
    assert no_member["LegA_Picked_time"] != NEVER
    assert no_member["LegB_Picked_time"] == NEVER
    assert no_member["talk_duration"] == "0"
    for row in rows.values():
        assert row["Flow_type"] == "WEBOBD"
        assert row["member_num"][-10:] == member
        assert row["deskphone"] == DESKPHONE
        assert re.fullmatch(r"2026-01-15 11:30:\d\d", row["startdatetime"])
        assert all(isinstance(value, str) for value in row.values())


def test_call_report_filters_compare_numbers_on_last_ten_digits(
    client: httpx.Client, clock: ManualClock
) -> None:
    member = active_number(client)
    place(client, member, calling_party_a="9876543211")
    place(client, member, calling_party_a="9876543216")
    clock.advance(8)

    by_customer = report(client, caller_num="09876543216")
    by_member = report(client, member_num="0" + member, callresult="answer")

    assert [r["caller_num"][-10:] for r in by_customer["result"]] == ["9876543216"]
    assert by_member["total"] == 1
    assert report(client, Flow_type="IVR")["total"] == 0
    assert report(client, deskphone="02249000000")["total"] == 0
    next_day = post(client, "call_list_v2", start_date="2026-01-16", end_date="2026-01-16")
    assert next_day["total"] == 0


def test_live_call_goes_leg_by_leg(client: httpx.Client, clock: ManualClock) -> None:
    """An 8 s call: the customer rings 2 s, then the member 1 s, then they talk until 8 s."""
    member = active_number(client)
    place(client, member)
    query = {"authcode": DEMO_AUTHCODE}
    seen = []
    for step in (0.0, 2.5, 1.0, 4.5):
        clock.advance(step)
        seen.append(client.get("live_call_v2", params=query).json())

    assert [[c["callstatus"] for c in s["live_calls"]] for s in seen] == [
        ["Ringing"], ["Picked"], ["Connected"], [],
    ]  # fmt: skip
    assert [s["total_live_calls"] for s in seen] == ["1", "1", "1", "0"]
    picked = seen[1]["live_calls"][0]
    assert picked["msisdn"] == CUSTOMER
    assert picked["member_num"][-10:] == member
    assert picked["member_name"]
    assert picked["entrydate"].count(":") == 2


def test_call_limit_caps_the_talk_time(client: httpx.Client, clock: ManualClock) -> None:
    member = active_number(client)
    place(client, member, CallLimit="2")

    clock.advance(5)

    rows = report(client)["result"]
    assert [r["talk_duration"] for r in rows] == ["2"]


def test_zero_call_seconds_finishes_calls_at_once(clock: ManualClock) -> None:
    with (
        Sandbox(clock=clock, call_seconds=0) as sandbox,
        httpx.Client(base_url=sandbox.base_url, timeout=2.0, verify=PLAIN) as client,
    ):
        place(client, active_number(client))
        live = client.get("live_call_v2", params={"authcode": DEMO_AUTHCODE}).json()
        rows = report(client)["result"]

    assert live["total_live_calls"] == "0"
    assert len(rows) == 1


def test_the_clock_can_be_replaced_after_start(sandbox: Sandbox, client: httpx.Client) -> None:
    later = ManualClock(sandbox.clock() + timedelta(days=1))
    sandbox.clock = later
    place(client, active_number(client))
    later.advance(8)

    assert report(client)["total"] == 0
    assert post(client, "call_list_v2", start_date="2026-01-16")["total"] == 1


def test_other_prefixes_are_accepted_and_unknown_paths_are_404(clock: ManualClock) -> None:
    with (
        Sandbox(clock=clock, prefix="crm") as sandbox,
        httpx.Client(timeout=2.0, verify=PLAIN) as client,
    ):
        origin = sandbox.base_url.removesuffix("/crm/")
        form = {"authcode": DEMO_AUTHCODE}
        answers = [
            client.post(f"{origin}/{prefix}/getdeskphone_v2", data=form)
            for prefix in ("crm", "api", "api_v2")
        ]
        unknown_name = client.post(f"{origin}/crm/getdeskphone", data=form)
        unknown_prefix = client.post(f"{origin}/other/getdeskphone_v2", data=form)

    assert sandbox.base_url.endswith("/crm/")
    assert [a.json()["type"] for a in answers] == ["success"] * 3
    assert unknown_name.status_code == unknown_prefix.status_code == 404
    assert unknown_name.headers["content-type"].startswith("text/html")


def test_params_are_read_from_query_and_form_whatever_the_method(
    sandbox: Sandbox, client: httpx.Client
) -> None:
    by_query = client.post("getdeskphone_v2", params={"authcode": DEMO_AUTHCODE})
    by_form = client.post("live_call_v2", data={"authcode": DEMO_AUTHCODE})
    without = client.get("live_call_v2")

    assert by_query.json()["type"] == "success"
    assert by_form.json()["type"] == "success"
    assert without.json()["message"] == "Invalid Auth Code!"
    assert [r.method for r in sandbox.received()] == ["POST", "POST", "GET"]


def test_connections_are_kept_alive(sandbox: Sandbox) -> None:
    url = httpx.URL(sandbox.base_url)
    connection = http.client.HTTPConnection(url.host, url.port, timeout=2.0)
    try:
        bodies = []
        for _ in range(2):
            connection.request("GET", f"{url.path}live_call_v2?authcode={DEMO_AUTHCODE}")
            bodies.append(json.loads(connection.getresponse().read()))
    finally:
        connection.close()

    assert [b["type"] for b in bodies] == ["success", "success"]


def test_base_url_needs_a_started_sandbox_and_a_sandbox_starts_once() -> None:
    sandbox = Sandbox()
    with pytest.raises(RuntimeError):
        _ = sandbox.base_url
    sandbox.stop()
    with pytest.raises(RuntimeError):
        sandbox.start()


def test_nothing_is_written_to_stdout_or_stderr(
    capfd: pytest.CaptureFixture[str], clock: ManualClock
) -> None:
    with (
        Sandbox(clock=clock) as sandbox,
        httpx.Client(base_url=sandbox.base_url, verify=PLAIN) as client,
    ):
        sandbox.inject("getdeskphone_v2", Fault.DROP)
        with pytest.raises(httpx.RemoteProtocolError):
            client.post("getdeskphone_v2", data={"authcode": DEMO_AUTHCODE})
        client.get("click_to_call_v3", params={"authcode": DEMO_AUTHCODE})
        client.get("nowhere", params={"authcode": DEMO_AUTHCODE})
        client.request("PUT", "live_call_v2", params={"authcode": DEMO_AUTHCODE})
        url = httpx.URL(sandbox.base_url)
        with socket.create_connection((url.host, url.port), timeout=2.0) as raw:
            raw.sendall(b"garbage\r\n\r\n")
            raw.recv(4096)

    captured = capfd.readouterr()
    assert captured.out == ""
    assert captured.err == ""


@pytest.mark.skipif(sys.platform == "win32", reason="stops the server with SIGINT")
def test_command_line_prints_the_base_url_but_not_a_custom_authcode() -> None:
    command = [sys.executable, "-m", "dialer_app.sandbox", "--authcode", "cli-secret-42"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None
        first_line = proc.stdout.readline()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=5)

    assert re.search(r"http://127\.0\.0\.1:\d+/api_v2/", first_line)
    assert "cli-secret-42" not in first_line + out + err
    assert proc.returncode == 0
