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
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence, plain


class Guidance(StrEnum):
    """What the window should offer next after a refusal."""

    NONE = "none"
    OPEN_SETTINGS = "open_settings"  # the key is wrong
    PICK_MEMBER = "pick_member"  # the member is on break or inactive
    PICK_DESKPHONE = "pick_deskphone"
    CONTACT_ADMIN = "contact_admin"


_KNOWN: tuple[tuple[str, Guidance, str], ...] = (
    (
        "invalid auth code",  # i18n: not shown (the service's words)
        Guidance.OPEN_SETTINGS,
        QT_TRANSLATE_NOOP("messages", "Check the API key in Settings."),
    ),
    (
        "agent on break",  # i18n: not shown (the service's words)
        Guidance.PICK_MEMBER,
        QT_TRANSLATE_NOOP("messages", "Pick another member, or ask them to go active."),
    ),
    (
        "inactive. call not allowed",  # i18n: not shown (the service's words)
        Guidance.PICK_MEMBER,
        QT_TRANSLATE_NOOP("messages", "Pick another member."),
    ),
    (
        "account is inactive",  # i18n: not shown (the service's words)
        Guidance.CONTACT_ADMIN,
        QT_TRANSLATE_NOOP("messages", "Contact your CallerDesk administrator."),
    ),
    (
        "invalid deskphone",  # i18n: not shown (the service's words)
        Guidance.PICK_DESKPHONE,
        QT_TRANSLATE_NOOP("messages", "Pick another deskphone, or refresh the list."),
    ),
)


def _say(source: str, **args: str | Sentence) -> Sentence:
    return Sentence("messages", source, args)


def guidance_for(server_message: str) -> tuple[Guidance, str]:
    """Map a known server message to guidance (and its advice, untranslated source text);
    unknown messages get none."""
    text = server_message.casefold()
    for needle, guidance, advice in _KNOWN:
        if needle in text:
            return guidance, advice
    return Guidance.NONE, ""


def describe_result(result: CallResult, customer_number: str) -> Sentence:
    """The sentence shown in the window once a call request has an outcome."""
    who = format_national(customer_number)
    message = plain(result.message)
    if result.outcome is Outcome.PLACED:
        if result.campid:
            return _say(
                QT_TRANSLATE_NOOP("messages", "Ringing customer {who}… (campaign {campid})"),
                who=who,
                campid=plain(result.campid),
            )
        return _say(QT_TRANSLATE_NOOP("messages", "Ringing customer {who}…"), who=who)
    if result.outcome is Outcome.REJECTED:
        return _with_advice(
            _say(QT_TRANSLATE_NOOP("messages", "Refused: {message}"), message=message),
            result.message,
        )
    if result.outcome is Outcome.NOT_SENT:
        return _say(
            QT_TRANSLATE_NOOP("messages", "Not sent: {message}. It is safe to try again."),
            message=message,
        )
    if result.outcome is Outcome.UNKNOWN:
        return _say(
            QT_TRANSLATE_NOOP(
                "messages",
                "The call to {who} may be ringing: {message} Check before calling again.",
            ),
            who=who,
            message=message,
        )
    return _say(QT_TRANSLATE_NOOP("messages", "Calling {who}…"), who=who)


def describe_error(exc: object) -> Sentence:
    """A sentence for an error from a list, balance or keyring job."""
    if isinstance(exc, RejectedError):
        return _with_advice(
            _say(
                QT_TRANSLATE_NOOP("messages", "The service refused: {message}"),
                message=plain(exc.message),
            ),
            exc.message,
        )
    if isinstance(exc, NotSentError):
        return _say(
            QT_TRANSLATE_NOOP("messages", "Could not reach the service: {reason}."), reason=str(exc)
        )
    if isinstance(exc, (ApiError, CredentialError, DialerError)) or not isinstance(
        exc, BaseException
    ):
        return _say("{reason}", reason=str(exc))
    return _say(
        QT_TRANSLATE_NOOP("messages", "Something went wrong ({kind}). Details are in the log."),
        kind=type(exc).__name__,
    )


def _with_advice(sentence: Sentence, server_message: str) -> Sentence:
    """The sentence, then the advice for a known message (as a sentence of its own)."""
    _, advice = guidance_for(server_message)
    if not advice:
        return sentence
    stop = "" if str(sentence).endswith((".", "!", "?", "…")) else "."
    return _say("{sentence}" + stop + " {advice}", sentence=sentence, advice=_say(advice))
