"""Classify the answer to a call request into one of the four outcomes.

Success is decided from ``type`` alone: never from the status code or the message text.
Errors arrive as HTTP 200 with ``type: error``, sometimes labelled text/html, so the body
is parsed whatever the content type. Anything that is not a CallerDesk answer after the
request left means the outcome is unknown: the call may already be ringing. The server's
own words are shown and stored, so they are cut to one bounded line first.
"""

from __future__ import annotations

import json
import re
from typing import Any

from dialer_app.core.records import CallResult, Outcome
from dialer_app.core.text import plain

MAX_MESSAGE = 300  # characters of a server message kept; known messages are far shorter
_SPACES = re.compile(r"\s+")


def classify(status_code: int, body: bytes) -> CallResult:
    """Turn an HTTP status and raw body into a CallResult. Never raises."""
    if status_code != 200:
        return CallResult(Outcome.UNKNOWN, f"The service answered HTTP {status_code}.")
    data = parse_json_object(body)
    if data is None:
        return CallResult(Outcome.UNKNOWN, "The service's answer could not be read.")
    kind = data.get("type")
    kind = kind.strip().lower() if isinstance(kind, str) else None
    if kind == "success":
        return CallResult(Outcome.PLACED, server_text(data.get("message")), _campid(data))
    if kind == "error":
        message = server_text(data.get("message")) or "The service refused the call."
        return CallResult(Outcome.REJECTED, message)
    return CallResult(Outcome.UNKNOWN, "The service's answer did not say whether the call left.")


def parse_json_object(body: bytes) -> dict[str, Any] | None:
    """The body as a JSON object, whatever the content type; None if it is not one."""
    try:
        data = json.loads(body.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def server_text(value: object) -> str:
    """A message from the server fit to show and store: one line, no controls, bounded."""
    if not isinstance(value, str):
        return ""
    # Direction controls go (they could make a message read backwards), controls become spaces.
    text = _SPACES.sub(" ", plain(value)).strip()
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1].rstrip() + "…"


def _campid(data: dict[str, Any]) -> str | None:
    campid = data.get("campid")
    if isinstance(campid, bool) or campid is None:
        return None
    if isinstance(campid, (int, str)):
        return server_text(str(campid)) or None
    if isinstance(campid, float) and campid.is_integer():
        return str(int(campid))
    return None
