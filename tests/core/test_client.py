"""The client against a stubbed transport: what is sent, and what each answer becomes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import httpx
import pytest
import respx

from dialer_app.core.callerdesk.client import CallerDeskClient
from dialer_app.core.errors import BadResponseError, NotSentError, RejectedError
from dialer_app.core.records import CallRequest, Outcome

BASE = "https://cloud.digidonar.in/api_v2/"
KEY = "SENTINEL-authcode-client"
REQUEST = CallRequest("9876543210", "8120000000", "01204000000", 0, "Asha")


@pytest.fixture
def router() -> respx.Router:
    return respx.Router(base_url=BASE, assert_all_called=False)


@pytest.fixture
def client(router: respx.Router) -> Iterator[CallerDeskClient]:
    transport = httpx.MockTransport(router.handler)
    client = CallerDeskClient(BASE, KEY, transport=transport, call_transport=transport)
    yield client
    client.close()


def test_call_request_sends_exactly_the_documented_parameters(
    router: respx.Router, client: CallerDeskClient
) -> None:
    route = router.get("click_to_call_v3").respond(
        json={"type": "success", "message": "ok", "campid": 3570000}
    )
    result = client.place_call(REQUEST)
    assert result.outcome is Outcome.PLACED
    assert result.campid == "3570000"
    sent = route.calls.last.request
    assert sent.method == "GET"
    assert dict(sent.url.params) == {
        "calling_party_a": "9876543210",
        "calling_party_b": "8120000000",
        "deskphone": "01204000000",  # verbatim, leading 0 kept
        "call_from_did": "1",
        "authcode": KEY,
    }


def test_call_limit_is_sent_only_when_set(router: respx.Router, client: CallerDeskClient) -> None:
    route = router.get("click_to_call_v3").respond(json={"type": "success", "campid": 1})
    client.place_call(CallRequest("9876543210", "8120000000", "01204000000", 90))
    assert route.calls.last.request.url.params["CallLimit"] == "90"


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (httpx.ConnectError("refused"), Outcome.NOT_SENT),
        (httpx.ConnectTimeout("slow connect"), Outcome.NOT_SENT),
        (httpx.PoolTimeout("pool"), Outcome.NOT_SENT),
        (httpx.ReadTimeout("slow answer"), Outcome.UNKNOWN),
        (httpx.RemoteProtocolError("dropped"), Outcome.UNKNOWN),
        (httpx.WriteError("half sent"), Outcome.UNKNOWN),
        (httpx.ReadError("reset"), Outcome.UNKNOWN),
    ],
)
def test_transport_failures_are_classified_and_never_retried(
    router: respx.Router, client: CallerDeskClient, error: Exception, outcome: Outcome
) -> None:
    route = router.get("click_to_call_v3").mock(side_effect=error)
    result = client.place_call(REQUEST)
    assert result.outcome is outcome
    assert route.call_count == 1
    assert KEY not in result.message


def test_redirects_are_not_followed(router: respx.Router, client: CallerDeskClient) -> None:
    router.get("click_to_call_v3").respond(302, headers={"Location": "https://elsewhere.test/"})
    elsewhere = router.route(host="elsewhere.test").respond(json={"type": "success"})
    assert client.place_call(REQUEST).outcome is Outcome.UNKNOWN
    assert elsewhere.call_count == 0


def test_error_body_labelled_html_is_still_read(
    router: respx.Router, client: CallerDeskClient
) -> None:
    router.get("click_to_call_v3").respond(
        200,
        content=b'{"type":"error","message":"Invalid Auth Code!"}',
        headers={"Content-Type": "text/html"},
    )
    result = client.place_call(REQUEST)
    assert (result.outcome, result.message) == (Outcome.REJECTED, "Invalid Auth Code!")


def member(i: int, status: str = "1", number: str | None = None) -> dict[str, str]:
    return {
        "member_id": str(i),
        "member_name": f"Member {i:02d}",
        "member_num": number or f"0{9000000000 + i}",
        "status": status,
        "access": "2",
        "password": "never-keep-this",
    }


def test_members_are_collected_from_every_page_and_only_active_kept(
    router: respx.Router, client: CallerDeskClient
) -> None:
    everyone = [
        member(i, status="0" if i % 7 == 0 else "2" if i % 11 == 0 else "1") for i in range(1, 38)
    ]

    def page(request: httpx.Request) -> httpx.Response:
        form = dict(httpx.QueryParams(request.content.decode()))
        assert form["authcode"] == KEY
        size, number = int(form["per_page"]), int(form["current_page"])
        rows = everyone[(number - 1) * size : number * size]
        return httpx.Response(
            200, json={"type": "success", "getmember": rows, "total_record": len(everyone)}
        )

    route = router.post("getmemberlist_V2").mock(side_effect=page)
    members = client.list_members(per_page=20)
    assert route.call_count == 2
    active = [m for m in everyone if m["status"] == "1"]
    assert len(members) == len(active) == 37 - 5 - 3  # multiples of 7 and of 11 are inactive
    assert all(len(m.number) == 10 and m.number.startswith("9") for m in members)
    assert "never-keep-this" not in repr(members)


def test_member_list_stops_on_a_short_page_without_total(
    router: respx.Router, client: CallerDeskClient
) -> None:
    route = router.post("getmemberlist_V2").respond(json={"getmember": [member(1), member(2)]})
    assert [m.name for m in client.list_members(per_page=20)] == ["Member 01", "Member 02"]
    assert route.call_count == 1


def test_deskphones_keep_their_leading_zero(router: respx.Router, client: CallerDeskClient) -> None:
    router.post("getdeskphone_v2").respond(
        json={
            "getdeskphone": [{"did_id": "1", "deskphone": "01204000000", "did_num": "911204000000"}]
        }
    )
    assert [d.deskphone for d in client.list_deskphones()] == ["01204000000"]


def test_balance_shows_both_coin_counters(router: respx.Router, client: CallerDeskClient) -> None:
    router.post("profile_billing_v2").respond(
        json={
            "type": "success",
            "login_account": {
                "avail_clicktocall_coins": "12",
                "avail_obd_coins": "340",
                "expired_on": "2027-01-01",
            },
        }
    )
    balance = client.get_balance()
    assert (balance.clicktocall_coins, balance.obd_coins) == ("12", "340")


def test_list_errors_are_typed_and_free_of_the_key(
    router: respx.Router, client: CallerDeskClient
) -> None:
    router.post("getdeskphone_v2").respond(json={"type": "error", "message": "Invalid Auth Code!"})
    with pytest.raises(RejectedError, match="Invalid Auth Code!"):
        client.list_deskphones()
    router.post("profile_billing_v2").respond(500, text="<html>oops</html>")
    with pytest.raises(BadResponseError) as bad:
        client.get_balance()
    router.post("getmemberlist_V2").mock(side_effect=httpx.ConnectError("no route"))
    with pytest.raises(NotSentError) as not_sent:
        client.list_members()
    assert KEY not in str(bad.value) + str(not_sent.value)


def test_a_client_that_cannot_prepare_tls_sends_nothing(
    monkeypatch: pytest.MonkeyPatch, router: respx.Router
) -> None:
    import dialer_app.core.callerdesk.client as module

    def broken() -> None:
        raise OSError("no CA bundle")

    monkeypatch.setattr(module, "tls_context", broken)
    route = router.get("click_to_call_v3").respond(json={"type": "success"})
    client = CallerDeskClient(BASE, KEY, call_transport=httpx.MockTransport(router.handler))
    result = client.place_call(REQUEST)
    assert result.outcome is Outcome.NOT_SENT
    assert route.call_count == 0
    client.close()


def report(report_id: str, caller: str, member: str) -> dict[str, str]:
    return {
        "id": report_id,
        "startdatetime": "2026-11-24 11:30:00",
        "caller_num": caller,
        "member_num": member,
        "LegA_Picked_time": "2026-11-24 11:30:05",
        "LegB_Picked_time": "0000-00-00 00:00:00",
    }


@pytest.mark.parametrize(
    ("caller", "member", "kept"),
    [
        ("09876543210", "9700009153", True),  # the customer, in caller_num
        ("9700009153", "+919876543210", True),  # the customer, in member_num
        ("09876543212", "9700009153", False),  # another customer: the filter was ignored
        ("", "", False),
    ],
)
def test_the_team_check_keeps_only_rows_about_the_customer(
    router: respx.Router, client: CallerDeskClient, caller: str, member: str, kept: bool
) -> None:
    rows = [report("7", caller, member)]
    router.post("call_list_v2").mock(
        return_value=httpx.Response(200, json={"type": "success", "total": 1, "result": rows})
    )

    found = client.team_calls_to(date(2026, 11, 24), "98765 43210")

    assert [row.report_id for row in found] == (["7"] if kept else [])
