"""One place that turns outcomes and errors into sentences an agent can act on."""

from __future__ import annotations

from enum import StrEnum

from dialer_app.core.errors import (
    ApiError,
    CredentialError,
    DialerError,
    NotSentError,
    RejectedError,
)
from dialer_app.core.phone import format_national
from dialer_app.core.records import CallResult, Outcome


class Guidance(StrEnum):
    """What the window should offer next after a refusal."""

    NONE = "none"
    OPEN_SETTINGS = "open_settings"  # the key is wrong
    PICK_MEMBER = "pick_member"  # the member is on break or inactive
    PICK_DESKPHONE = "pick_deskphone"
    CONTACT_ADMIN = "contact_admin"


_KNOWN: tuple[tuple[str, Guidance, str], ...] = (
    ("invalid auth code", Guidance.OPEN_SETTINGS, "Check the API key in Settings."),
    ("agent on break", Guidance.PICK_MEMBER, "Pick another member, or ask them to go active."),
    ("inactive. call not allowed", Guidance.PICK_MEMBER, "Pick another member."),
    ("account is inactive", Guidance.CONTACT_ADMIN, "Contact your CallerDesk administrator."),
    ("invalid deskphone", Guidance.PICK_DESKPHONE, "Pick another deskphone, or refresh the list."),
)


def guidance_for(server_message: str) -> tuple[Guidance, str]:
    """Map a known server message to guidance; unknown messages get none."""
    text = server_message.casefold()
    for needle, guidance, advice in _KNOWN:
        if needle in text:
            return guidance, advice
    return Guidance.NONE, ""


def describe_result(result: CallResult, customer_number: str) -> str:
    """The sentence shown in the window once a call request has an outcome."""
    who = format_national(customer_number)
    if result.outcome is Outcome.PLACED:
        campid = f" (campaign {result.campid})" if result.campid else ""
        return f"Ringing customer {who}…{campid}"
    if result.outcome is Outcome.REJECTED:
        return _with_advice(f"Refused: {result.message}", result.message)
    if result.outcome is Outcome.NOT_SENT:
        return f"Not sent: {result.message}. It is safe to try again."
    if result.outcome is Outcome.UNKNOWN:
        return f"The call to {who} may be ringing: {result.message} Check before calling again."
    return f"Calling {who}…"


def describe_error(exc: object) -> str:
    """A sentence for an error from a list, balance or keyring job."""
    if isinstance(exc, RejectedError):
        return _with_advice(f"The service refused: {exc.message}", exc.message)
    if isinstance(exc, NotSentError):
        return f"Could not reach the service: {exc}."
    if isinstance(exc, (ApiError, CredentialError, DialerError)):
        return str(exc)
    if not isinstance(exc, BaseException):
        return str(exc)
    return f"Something went wrong ({type(exc).__name__}). Details are in the log."


def _with_advice(sentence: str, server_message: str) -> str:
    """The sentence, then the advice for a known message (as a sentence of its own)."""
    _, advice = guidance_for(server_message)
    if not advice:
        return sentence
    return f"{sentence}{'' if sentence.endswith(('.', '!', '?', '…')) else '.'} {advice}"
